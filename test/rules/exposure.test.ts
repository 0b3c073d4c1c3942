import { TerraformVariable } from 'cdktf';
import { findingsOf, ipv6Eci, network, newStack, only, rawNetwork, rawRosEci, rawStack } from './util';
import { alicloud, Ipv6CheckLevel, Ipv6CheckStatus, Ipv6EgressOnlyRule, Ipv6RuleId, Peer, Port, SecurityGroup } from '../../src';

describe('ALI-IPV6-008 internet-exposure', () => {
  const ID = Ipv6RuleId.INTERNET_EXPOSURE;

  test('opening exactly the declared port to ::/0 is compliant; ICMPv6 carries no ports', () => {
    const stack = newStack();
    const net = network(stack);
    net.securityGroup.addIngressRule(Peer.anyIpv6(), Port.icmpv6(), 'ping');
    ipv6Eci(stack, 'Web', net);
    expect(findingsOf(stack, ID).map((f) => f.status)).toEqual([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.COMPLIANT]);
  });

  test('opening all TCP ports to ::/0 while the container declares 80 is a warning listing the extra ports', () => {
    const stack = newStack();
    const net = network(stack);
    net.securityGroup.addIngressRule(Peer.anyIpv6(), Port.allTcp(), 'everything');
    ipv6Eci(stack, 'Web', net);
    const f = only(stack, ID, 'Ingress-tcp-1-65535-AnyIpv6');
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING });
    expect(f.message).toContain('declare only tcp 80');
    expect(f.message).toContain('65534 ports (1, 2, 3, ...)');
  });

  test('0.0.0.0/0 on a port no container declares, and all traffic, are warnings', () => {
    const stack = newStack();
    const net = network(stack);
    net.securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(22), 'ssh');
    net.securityGroup.addIngressRule(Peer.anyIpv4(), Port.allTraffic(), 'all');
    ipv6Eci(stack, 'Web', net);
    expect(only(stack, ID, 'Ingress-tcp-22-AnyIpv4').message).toContain('1 port (22) is open with no container port behind it');
    expect(only(stack, ID, 'Ingress-all-AnyIpv4').message).toContain('every protocol and port');
  });

  test('rules from a specific CIDR are not subjects; a security group without containers cannot be verified', () => {
    const stack = newStack();
    const net = network(stack);
    net.securityGroup.addIngressRule(Peer.ipv6('2408:4000::/56'), Port.allTcp(), 'office');
    expect(findingsOf(stack, ID)).toEqual([expect.objectContaining({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO })]);
  });

  test('a source CIDR from a variable cannot be verified', () => {
    const stack = newStack();
    const { vpc } = network(stack);
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    new SecurityGroup(stack, 'Other', { vpc }).addIngressRule(Peer.ipv6(cidr.stringValue), Port.tcp(443));
    expect(only(stack, ID, 'Other/Ingress-tcp-443-Ipv6Peer1').status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
  });
});

describe('ALI-IPV6-009 public-eci-reachable', () => {
  const ID = Ipv6RuleId.PUBLIC_ECI_REACHABLE;

  test('an ECI with bandwidth whose security group admits IPv6 ingress is compliant', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack), { ipv6InternetBandwidth: { bandwidth: 10 } });
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('an ECI with bandwidth whose security group admits only IPv4 is a warning (unreachable)', () => {
    const stack = newStack();
    const net = network(stack);
    const v4only = new SecurityGroup(stack, 'V4only', { vpc: net.vpc });
    v4only.addIngressRule(Peer.anyIpv4(), Port.tcp(80));
    ipv6Eci(stack, 'Web', { ...net, securityGroup: v4only }, { ipv6InternetBandwidth: { bandwidth: 10 } });
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, constructPath: 'test/Web' });
    expect(f.message).toContain('admits no IPv6 ingress, so nothing on the Internet can reach it');
  });

  test('an egress-only rule on the address makes it outbound-only by design: compliant', () => {
    const stack = newStack();
    const net = network(stack);
    const closed = new SecurityGroup(stack, 'Closed', { vpc: net.vpc });
    const web = ipv6Eci(stack, 'Web', { ...net, securityGroup: closed }, { ipv6InternetBandwidth: { bandwidth: 10 } });
    new Ipv6EgressOnlyRule(stack, 'Out', { ipv6AddressId: web.ipv6AddressId!, ipv6Gateway: net.vpc.ipv6Gateway!, internetBandwidth: web.internetBandwidth });
    expect(only(stack, ID).message).toContain('egress-only');
  });

  test('an ECI without bandwidth is not a subject; a security group outside the stack cannot be verified', () => {
    const stack = rawStack();
    const net = rawNetwork(stack);
    const eci = rawRosEci(stack, 'Eci', net.vswitch.id, 'sg-outside');
    rawRosEci(stack, 'Private', net.vswitch.id, net.sg.id);
    new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(stack, 'Bw', {
      ipv6AddressId: `\${one([for a in data.alicloud_vpc_ipv6_addresses.x.addresses : a.ipv6_address_id if a.associated_instance_id == ${eci.fqn}.id])}`,
      ipv6GatewayId: 'ipv6gw-1',
      bandwidth: 5,
    });
    expect(findingsOf(stack, ID)).toEqual([expect.objectContaining({ status: Ipv6CheckStatus.NOT_VERIFIABLE, address: 'alicloud_ros_stack.Eci' })]);
  });
});
