import { docFinding, docFindings, Sections, tfDoc } from './doc';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

describe('ALI-IPV6-006 messages', () => {
  const ID = Ipv6RuleId.IPV6_GATEWAY_SAME_VPC;
  const FIX = 'use the IPv6 gateway of the address\'s VPC (vpc.ipv6Gateway of its DualStackVpc); create one with new Ipv6Gateway(this, \'Gw\', { vpc }) if the VPC has none';
  /** VPCs a and b, a vSwitch in each, a gateway in each; `more` adds resources, `data` data sources. */
  const net = (more: Sections, data: Sections = {}) => tfDoc({
    alicloud_vpc: { a: { 'enable_ipv6': true, '//': { metadata: { path: 'doc/A' } } }, b: { enable_ipv6: true } },
    alicloud_vswitch: { sa: { vpc_id: '${alicloud_vpc.a.id}' }, sb: { vpc_id: '${alicloud_vpc.b.id}' } },
    alicloud_vpc_ipv6_gateway: { ga: { vpc_id: '${alicloud_vpc.a.id}' }, gb: { vpc_id: '${alicloud_vpc.b.id}' }, nowhere: {}, literal: { vpc_id: 'vpc-1' }, expr: { vpc_id: '${var.vpc}' } },
    ...more,
  }, data);
  const bw = (gateway: unknown, address: unknown, data: Sections = {}, more: Sections = {}) => {
    const body = { ...(gateway === undefined ? {} : { ipv6_gateway_id: gateway }), ipv6_address_id: address, bandwidth: 5 };
    return docFinding(net({ alicloud_vpc_ipv6_internet_bandwidth: { bw: body }, ...more }, data), ID);
  };
  const lookup = { alicloud_vpc_ipv6_addresses: { byVsw: { vswitch_id: '${alicloud_vswitch.sa.id}' }, byVpc: { vpc_id: '${alicloud_vpc.b.id}', vswitch_id: '${alicloud_vswitch.sa.id}' }, emptyVpc: { vpc_id: '', vswitch_id: '${alicloud_vswitch.sa.id}' } } };

  test('a gateway of the address\'s VPC is compliant; the message names the gateway and the VPC with its path', () => {
    expect(bw('${alicloud_vpc_ipv6_gateway.ga.id}', '${data.alicloud_vpc_ipv6_addresses.byVsw.addresses[0].id}', lookup)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      message: 'IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw goes through IPv6 gateway alicloud_vpc_ipv6_gateway.ga of the address\'s VPC alicloud_vpc.a (doc/A)',
    });
  });

  test('the gateway of another VPC is an error naming both VPCs', () => {
    const f = bw('${alicloud_vpc_ipv6_gateway.gb.id}', '${data.alicloud_vpc_ipv6_addresses.byVsw.addresses[0].id}', lookup);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, fix: FIX });
    expect(f.message).toBe('IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw goes through IPv6 gateway alicloud_vpc_ipv6_gateway.gb, which serves VPC alicloud_vpc.b, but the IPv6 address is in VPC alicloud_vpc.a (doc/A); a gateway serves only its own VPC');
  });

  test('the address\'s VPC is read from vpc_id before vswitch_id; an empty vpc_id falls back to the vSwitch', () => {
    expect(bw('${alicloud_vpc_ipv6_gateway.gb.id}', '${data.alicloud_vpc_ipv6_addresses.byVpc.addresses[0].id}', lookup).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(bw('${alicloud_vpc_ipv6_gateway.ga.id}', '${data.alicloud_vpc_ipv6_addresses.emptyVpc.addresses[0].id}', lookup).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('ECI lookups and alicloud_vpc_ipv6_address are followed through their vswitch_id', () => {
    const groups = { alicloud_eci_container_groups: { g: { vswitch_id: '${alicloud_vswitch.sb.id}' } } };
    expect(bw('${alicloud_vpc_ipv6_gateway.ga.id}', '${data.alicloud_eci_container_groups.g.groups[0].ipv6_address}', groups).status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    const address = { alicloud_vpc_ipv6_address: { x: { vswitch_id: '${alicloud_vswitch.sb.id}' } } };
    expect(bw('${alicloud_vpc_ipv6_gateway.gb.id}', '${alicloud_vpc_ipv6_address.x.id}', {}, address).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('the first reference that leads to a VPC decides; references to other resources are skipped', () => {
    const expr = '${one([for a in data.alicloud_vpc_ipv6_addresses.missing.addresses : a.id if a.x == alicloud_vswitch.sb.id && data.alicloud_vpc_ipv6_addresses.byVsw.addresses[0].id != ""])}';
    expect(bw('${alicloud_vpc_ipv6_gateway.ga.id}', expr, lookup).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('no gateway at all is an error', () => {
    const f = bw(undefined, 'ipv6-1');
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, message: 'IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw names no IPv6 gateway (ipv6_gateway_id)', fix: FIX });
  });

  test('what cannot be followed is not verifiable, and the message says which part', () => {
    const IMPORTED = 'to have it verified at synth, create the gateway in this stack (new Ipv6Gateway(this, \'Gw\', { vpc })); for an existing gateway, check its VPC with DescribeIpv6Gateways and suppress ALI-IPV6-006 here with the result';
    const nv = (gateway: unknown, address: unknown) => {
      const f = bw(gateway, address, lookup);
      expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, fix: f.message.endsWith('not created in this stack') ? IMPORTED : FIX });
      return f.message;
    };
    expect(nv('ipv6gw-1', 'ipv6-1')).toBe('Cannot verify at synth time that the IPv6 gateway of IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw serves the address\'s VPC: the gateway is \'ipv6gw-1\', not created in this stack');
    expect(nv('${alicloud_vpc_ipv6_gateway.nowhere.id}', '${data.alicloud_vpc_ipv6_addresses.byVsw.addresses[0].id}'))
      .toBe('Cannot verify at synth time that IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw uses the gateway of the address\'s VPC: the VPC of gateway alicloud_vpc_ipv6_gateway.nowhere cannot be followed in this stack');
    expect(nv('${alicloud_vpc_ipv6_gateway.ga.id}', 'ipv6-1'))
      .toBe('Cannot verify at synth time that IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw uses the gateway of the address\'s VPC: the VPC of the IPv6 address ipv6-1 cannot be followed in this stack');
    expect(nv('${alicloud_vpc_ipv6_gateway.expr.id}', '${data.alicloud_vpc_ipv6_addresses.byVsw.addresses[0].id}'))
      .toBe('Cannot verify at synth time that IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw uses the gateway of the address\'s VPC: the gateway is in the expression ${var.vpc}, the address in alicloud_vpc.a (doc/A)');
  });

  test('a literal VPC ID on the gateway that differs from the address\'s VPC is an error, not a guess', () => {
    const f = bw('${alicloud_vpc_ipv6_gateway.literal.id}', '${data.alicloud_vpc_ipv6_addresses.byVsw.addresses[0].id}', lookup);
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toContain("which serves VPC 'vpc-1'");
  });

  test('egress-only rules are checked the same way, through instance_id', () => {
    const d = net({ alicloud_vpc_ipv6_egress_rule: { out: { ipv6_gateway_id: '${alicloud_vpc_ipv6_gateway.gb.id}', instance_id: '${data.alicloud_vpc_ipv6_addresses.byVsw.addresses[0].id}' } } }, lookup);
    const f = docFinding(d, ID);
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toMatch(/^egress-only rule alicloud_vpc_ipv6_egress_rule\.out goes through IPv6 gateway alicloud_vpc_ipv6_gateway\.gb, /);
  });
});

describe('ALI-IPV6-007 messages', () => {
  const ID = Ipv6RuleId.IPV6_BANDWIDTH_RANGE;
  const LABEL = 'IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw';
  const bw = (body: Record<string, unknown>, props = {}) => docFinding(tfDoc({ alicloud_vpc_ipv6_internet_bandwidth: { bw: { ipv6_address_id: 'ipv6-1', ipv6_gateway_id: 'ipv6gw-1', ...body } } }), ID, undefined, props);

  test('1 Mbit/s and the caps themselves are compliant; the message names the charge type', () => {
    expect(bw({ bandwidth: 1 })).toMatchObject({ status: Ipv6CheckStatus.COMPLIANT, message: `${LABEL} has 1 Mbit/s (PayByBandwidth), within 1-5000 and the per-address cap` });
    expect(bw({ bandwidth: 2000 }).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(bw({ bandwidth: '1000', internet_charge_type: 'PayByTraffic' }).message).toBe(`${LABEL} has 1000 Mbit/s (PayByTraffic), within 1-5000 and the per-address cap`);
  });

  test('no bandwidth is an error', () => {
    expect(bw({})).toMatchObject({
      status: Ipv6CheckStatus.NON_COMPLIANT,
      level: Ipv6CheckLevel.ERROR,
      message: `${LABEL} sets no bandwidth; the provider requires one (1-5000 Mbit/s)`,
      fix: 'set bandwidth to the Mbit/s you need, 1-5000',
    });
  });

  test.each([0, 5001, 1.5, -3, 'lots'])('a bandwidth of %p is an error', (value) => {
    const f = bw({ bandwidth: value });
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, fix: 'set bandwidth to a whole number from 1 to 5000' });
    expect(f.message).toBe(`${LABEL} has bandwidth ${typeof value === 'string' ? value : value} but the API and the provider accept only whole Mbit/s from 1 to 5000`);
  });

  test('just above a per-address cap is a warning with the cap, the charge type and the source', () => {
    const byBandwidth = bw({ bandwidth: 2001 });
    expect(byBandwidth).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING });
    expect(byBandwidth.message).toBe(`${LABEL} has 2001 Mbit/s, above the per-address cap of 2000 Mbit/s for PayByBandwidth (Alibaba VPC SDK request models AllocateIpv6InternetBandwidth / ModifyIpv6InternetBandwidth, https://github.com/aliyun/alibabacloud-go-sdk/blob/43d7a7a335f033864e2c34c8f30d349c02078950/vpc-20160428/client/allocate_ipv_6internet_bandwidth_request_model.go, read 2026-12); the API refuses it unless the quota was raised`);
    expect(byBandwidth.fix).toBe('lower bandwidth to at most 2000, or raise the quota with a ticket and suppress ALI-IPV6-007 on this resource with the ticket number');
    expect(bw({ bandwidth: 1001, internet_charge_type: 'PayByTraffic' }).level).toBe(Ipv6CheckLevel.WARNING);
    expect(bw({ bandwidth: 5000 }).level).toBe(Ipv6CheckLevel.WARNING);
  });

  test('a ruleLevels override applies to the cap warning too', () => {
    expect(bw({ bandwidth: 2001 }, { ruleLevels: { [ID]: Ipv6CheckLevel.ERROR } }).level).toBe(Ipv6CheckLevel.ERROR);
    expect(bw({ bandwidth: 2001 }, { ruleLevels: { '*': Ipv6CheckLevel.INFO } }).level).toBe(Ipv6CheckLevel.INFO);
  });

  test('a charge type the facts have no cap for is only checked against 1-5000', () => {
    expect(bw({ bandwidth: 3000, internet_charge_type: 'PayByHour' }).message).toBe(`${LABEL} has 3000 Mbit/s (PayByHour), within 1-5000 and the per-address cap`);
  });

  test('a charge type from an expression: compliant up to the lowest cap, not verifiable above it', () => {
    expect(bw({ bandwidth: 1000, internet_charge_type: '${var.charge}' })).toMatchObject({ status: Ipv6CheckStatus.COMPLIANT, message: `${LABEL} has 1000 Mbit/s, within every per-address cap` });
    const above = bw({ bandwidth: 1001, internet_charge_type: '${var.charge}' });
    expect(above).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, fix: 'use a literal internet_charge_type' });
    expect(above.message).toBe(`Cannot verify at synth time the per-address cap of ${LABEL}: internet_charge_type is the expression \${var.charge}`);
  });

  test('a bandwidth from an expression cannot be verified', () => {
    const f = bw({ bandwidth: '${var.bw}' });
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, fix: 'use a literal bandwidth from 1 to 5000 Mbit/s' });
    expect(f.message).toBe(`Cannot verify at synth time the bandwidth of ${LABEL}: it is the expression \${var.bw}`);
  });

  test('every bandwidth resource is a subject', () => {
    const d = tfDoc({ alicloud_vpc_ipv6_internet_bandwidth: { a: { bandwidth: 1 }, b: { bandwidth: 9999 } } });
    expect(docFindings(d, ID).map((f) => [f.address, f.status])).toEqual([
      ['alicloud_vpc_ipv6_internet_bandwidth.a', Ipv6CheckStatus.COMPLIANT],
      ['alicloud_vpc_ipv6_internet_bandwidth.b', Ipv6CheckStatus.NON_COMPLIANT],
    ]);
  });
});
