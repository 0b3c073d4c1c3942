import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { docFinding, docFindings, tfDoc } from '../doc';

const ID = Ipv6RuleId.IPV6_GATEWAY_SAME_VPC;
const FIX = 'use the IPv6 gateway of the address\'s VPC (vpc.ipv6Gateway of its DualStackVpc); create one with new Ipv6Gateway(this, \'Gw\', { vpc }) if the VPC has none';
const meta = (path: string) => ({ '//': { metadata: { path } } });
/** The ID of the first IPv6 address of vSwitch `sa`, in VPC `a`. */
const ADDRESS = '${data.alicloud_vpc_ipv6_addresses.addr.addresses[0].id}';

/**
 * VPCs a and b, each with a vSwitch and an IPv6 gateway; an address lookup in vSwitch sa (VPC a); and `more`
 * (the bandwidth or egress rule under test).
 */
function doc(more: Record<string, Record<string, any>>) {
  return tfDoc({
    alicloud_vpc: { a: { enable_ipv6: true }, b: { enable_ipv6: true } },
    alicloud_vswitch: { sa: { vpc_id: '${alicloud_vpc.a.id}' }, sb: { vpc_id: '${alicloud_vpc.b.id}' } },
    alicloud_vpc_ipv6_gateway: { ga: { vpc_id: '${alicloud_vpc.a.id}' }, gb: { vpc_id: '${alicloud_vpc.b.id}' } },
    ...more,
  }, { alicloud_vpc_ipv6_addresses: { addr: { vswitch_id: '${alicloud_vswitch.sa.id}' } } });
}
const bandwidth = (gateway: unknown, address: unknown = ADDRESS) => docFinding(doc({
  alicloud_vpc_ipv6_internet_bandwidth: { bw: { ipv6_gateway_id: gateway, ipv6_address_id: address, bandwidth: 5, ...meta('doc/Bw') } },
}), ID);

describe('ALI-IPV6-006 ipv6-gateway-same-vpc', () => {
  test('compliant: the bandwidth goes through the gateway of the address\'s VPC', () => {
    expect(bandwidth('${alicloud_vpc_ipv6_gateway.ga.id}')).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      constructPath: 'doc/Bw',
      message: 'IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw goes through IPv6 gateway alicloud_vpc_ipv6_gateway.ga of the address\'s VPC alicloud_vpc.a',
    });
  });

  test('non-compliant (error): bandwidth and egress-only rule through the gateway of another VPC', () => {
    const f = bandwidth('${alicloud_vpc_ipv6_gateway.gb.id}');
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, constructPath: 'doc/Bw', fix: FIX });
    expect(f.message).toContain('goes through IPv6 gateway alicloud_vpc_ipv6_gateway.gb, which serves VPC alicloud_vpc.b');
    expect(f.message).toContain('but the IPv6 address is in VPC alicloud_vpc.a; a gateway serves only its own VPC');

    const egress = docFinding(doc({
      alicloud_vpc_ipv6_egress_rule: { out: { ipv6_gateway_id: '${alicloud_vpc_ipv6_gateway.gb.id}', instance_id: ADDRESS, instance_type: 'Ipv6Address', ...meta('doc/Out') } },
    }), ID);
    expect(egress).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, constructPath: 'doc/Out', fix: FIX });
    expect(egress.message).toMatch(/^egress-only rule alicloud_vpc_ipv6_egress_rule\.out goes through IPv6 gateway alicloud_vpc_ipv6_gateway\.gb/);
  });

  test('non-compliant (error): no ipv6_gateway_id at all', () => {
    const f = bandwidth(undefined);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, fix: FIX });
    expect(f.message).toBe('IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw names no IPv6 gateway (ipv6_gateway_id)');
  });

  test('cannot verify (info): a gateway not created in the stack, or an address that leads to no VPC', () => {
    const imported = bandwidth('ipv6gw-123');
    expect(imported).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, constructPath: 'doc/Bw' });
    expect(imported.message).toContain('the gateway is \'ipv6gw-123\', not created in this stack');
    expect(imported.fix).toContain('create the gateway in this stack');

    const variable = bandwidth('${alicloud_vpc_ipv6_gateway.ga.id}', '${var.address}');
    expect(variable).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, fix: FIX });
    expect(variable.message).toContain('the VPC of the IPv6 address ${var.address} cannot be followed in this stack');
  });

  test('only IPv6 Internet bandwidths and egress-only rules are subjects', () => {
    expect(docFindings(doc({}), ID)).toEqual([]);
  });
});
