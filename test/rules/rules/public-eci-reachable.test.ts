import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6EgressOnlyRule, Ipv6RuleId, Peer, Port, SecurityGroup } from '../../../src';
import { findingsOf, ipv6Eci, network, newStack, only } from '../util';

const ID = Ipv6RuleId.PUBLIC_ECI_REACHABLE;
const bandwidth = { ipv6InternetBandwidth: { bandwidth: 10 } };

describe('ALI-IPV6-009 public-eci-reachable', () => {
  test('compliant: an ECI with IPv6 Internet bandwidth whose security group admits some IPv6 ingress (any source)', () => {
    const stack = newStack();
    const net = network(stack);
    const office = new SecurityGroup(stack, 'Office', { vpc: net.vpc });
    office.addIngressRule(Peer.ipv6('2408:4000::/56'), Port.tcp(443), 'office');
    ipv6Eci(stack, 'Web', { ...net, securityGroup: office }, bandwidth);
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.COMPLIANT, constructPath: 'test/Web' });
    expect(f.message).toContain('has IPv6 Internet bandwidth and its security group admits IPv6 ingress (alicloud_security_group_rule.');
  });

  test('compliant: an egress-only rule on the address makes the ECI outbound-only by design', () => {
    const stack = newStack();
    const net = network(stack);
    const web = ipv6Eci(stack, 'Web', { ...net, securityGroup: new SecurityGroup(stack, 'Closed', { vpc: net.vpc }) }, bandwidth);
    new Ipv6EgressOnlyRule(stack, 'Out', { ipv6AddressId: web.ipv6AddressId!, ipv6Gateway: net.vpc.ipv6Gateway!, internetBandwidth: web.internetBandwidth });
    expect(only(stack, ID)).toMatchObject({ status: Ipv6CheckStatus.COMPLIANT, message: expect.stringContaining('with an egress-only rule: outbound only, by design') });
  });

  test('non-compliant (warning): bandwidth bought for an ECI whose security group admits only IPv4 ingress', () => {
    const stack = newStack();
    const net = network(stack);
    const closed = new SecurityGroup(stack, 'Closed', { vpc: net.vpc });
    closed.addIngressRule(Peer.ipv4('192.0.2.0/24'), Port.tcp(80), 'office over IPv4');
    ipv6Eci(stack, 'Web', { ...net, securityGroup: closed }, bandwidth);
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, constructPath: 'test/Web', address: expect.stringMatching(/^alicloud_ros_stack\./) });
    expect(f.message).toContain('has IPv6 Internet bandwidth (alicloud_vpc_ipv6_internet_bandwidth.');
    expect(f.message).toMatch(/but its security group alicloud_security_group\.Closed_\w+ \(test\/Closed\/Resource\) admits no IPv6 ingress, so nothing on the Internet can reach it$/);
    expect(f.fix).toContain('add an IPv6 ingress rule for the ports the containers serve');
    expect(f.fix).toContain('or add an egress-only rule (Ipv6EgressOnlyRule) if outbound-only is intended');
  });

  test('cannot verify (info): a security group given by ID, whose rules are not in the stack', () => {
    const stack = newStack();
    const net = network(stack);
    const imported = SecurityGroup.fromSecurityGroupId(stack, 'Imported', 'sg-123', net.vpc.vpcId);
    ipv6Eci(stack, 'Web', { ...net, securityGroup: imported }, bandwidth);
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, constructPath: 'test/Web' });
    expect(f.message).toContain('admits IPv6 ingress: its security group \'sg-123\' is not created in this stack');
    expect(f.fix).toBe('add an IPv6 ingress rule for the ports the containers serve');
  });

  test('an ECI without IPv6 Internet bandwidth is not a subject', () => {
    const stack = newStack();
    const net = network(stack);
    ipv6Eci(stack, 'Web', { ...net, securityGroup: new SecurityGroup(stack, 'Closed', { vpc: net.vpc }) });
    expect(findingsOf(stack, ID)).toEqual([]);
  });
});
