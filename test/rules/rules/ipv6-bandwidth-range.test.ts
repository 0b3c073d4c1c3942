import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { docFinding, docFindings, tfDoc } from '../doc';

const ID = Ipv6RuleId.IPV6_BANDWIDTH_RANGE;
const BW = 'alicloud_vpc_ipv6_internet_bandwidth.bw';

/** One IPv6 Internet bandwidth (made by the construct at doc/Bw) with `body` merged in. */
function bandwidth(body: Record<string, unknown>) {
  return docFinding(tfDoc({
    alicloud_vpc_ipv6_internet_bandwidth: {
      bw: { 'ipv6_address_id': 'ipv6-1', 'ipv6_gateway_id': 'ipv6gw-1', '//': { metadata: { path: 'doc/Bw' } }, ...body },
    },
  }), ID, BW);
}

describe('ALI-IPV6-007 ipv6-bandwidth-range', () => {
  test('compliant: a whole number within 1-5000 and the per-address cap of its charge type', () => {
    expect(bandwidth({ bandwidth: 1 }).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(bandwidth({ bandwidth: 1000, internet_charge_type: 'PayByTraffic' }).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(bandwidth({ bandwidth: '2000' })).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      message: `IPv6 Internet bandwidth ${BW} has 2000 Mbit/s (PayByBandwidth), within 1-5000 and the per-address cap`,
    });
  });

  test('non-compliant (error): outside 1-5000, not a whole number, or not set', () => {
    const zero = bandwidth({ bandwidth: 0 });
    expect(zero).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, constructPath: 'doc/Bw', address: BW });
    expect(zero.message).toContain('has bandwidth 0 but the API and the provider accept only whole Mbit/s from 1 to 5000');
    expect(zero.fix).toBe('set bandwidth to a whole number from 1 to 5000');
    expect(bandwidth({ bandwidth: 5001 }).level).toBe(Ipv6CheckLevel.ERROR);
    expect(bandwidth({ bandwidth: 2.5 }).message).toContain('has bandwidth 2.5 but');
    const unset = bandwidth({});
    expect(unset).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(unset.message).toContain('sets no bandwidth; the provider requires one (1-5000 Mbit/s)');
    expect(unset.fix).toBe('set bandwidth to the Mbit/s you need, 1-5000');
  });

  test('non-compliant (warning): above the per-address cap, 2000 PayByBandwidth (the default) and 1000 PayByTraffic', () => {
    const traffic = bandwidth({ bandwidth: 1001, internet_charge_type: 'PayByTraffic' });
    expect(traffic).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, constructPath: 'doc/Bw' });
    expect(traffic.message).toContain('has 1001 Mbit/s, above the per-address cap of 1000 Mbit/s for PayByTraffic');
    expect(traffic.message).toContain('the API refuses it unless the quota was raised');
    expect(traffic.fix).toBe('lower bandwidth to at most 1000, or raise the quota with a ticket and suppress ALI-IPV6-007 on this resource with the ticket number');
    const byDefault = bandwidth({ bandwidth: 2001 });
    expect(byDefault).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING });
    expect(byDefault.message).toContain('cap of 2000 Mbit/s for PayByBandwidth');
  });

  test('cannot verify (info): a bandwidth from an expression, or a charge type from one above the lower cap', () => {
    const v = bandwidth({ bandwidth: '${var.bw}' });
    expect(v).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, constructPath: 'doc/Bw' });
    expect(v.message).toBe(`Cannot verify at synth time the bandwidth of IPv6 Internet bandwidth ${BW}: it is the expression \${var.bw}`);
    expect(v.fix).toBe('use a literal bandwidth from 1 to 5000 Mbit/s');
    const charge = bandwidth({ bandwidth: 1500, internet_charge_type: '${var.charge}' });
    expect(charge).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(charge.message).toContain('the per-address cap');
    // within every cap, the charge type does not matter
    expect(bandwidth({ bandwidth: 1000, internet_charge_type: '${var.charge}' }).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('only alicloud_vpc_ipv6_internet_bandwidth is a subject', () => {
    expect(docFindings(tfDoc({ alicloud_vpc: { v: { enable_ipv6: true } } }), ID)).toEqual([]);
  });
});
