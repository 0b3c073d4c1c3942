import { AnnotationMetadataEntryType, TerraformVariable } from 'cdktf';
import { DualStackVpc, Peer, Port, Protocol, SecurityGroup, SecurityGroupType } from '../../src';
import { errorOf, expectValidPlan, logicalIds, newStack, resources, synth } from '../vpc/util';

function setup() {
  const { stack } = newStack();
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
  return { stack, vpc };
}

const RULE_DEFAULTS = { policy: 'accept', priority: 1, nic_type: 'intranet' };

describe('SecurityGroup', () => {
  test('creates a VPC security group with no rules by default', () => {
    const { stack, vpc } = setup();
    const sg = new SecurityGroup(stack, 'Web', { vpc });
    const tf = synth(stack);
    expect(resources(tf, 'alicloud_security_group')).toEqual([{ vpc_id: expect.stringMatching(/^\$\{alicloud_vpc\.\w+\.id\}$/) }]);
    expect(resources(tf, 'alicloud_security_group_rule')).toHaveLength(0);
    expect(sg.ingressRules).toEqual([]);
    expect(sg.egressRules).toEqual([]);
    expect(sg.vpcId).toBe(vpc.vpcId);
    expectValidPlan(stack);
  });

  test('passes name, description, tags, type and resource group through', () => {
    const { stack, vpc } = setup();
    new SecurityGroup(stack, 'Web', {
      vpc, securityGroupName: 'web', description: 'Web tier', tags: { app: 'web' }, securityGroupType: SecurityGroupType.ENTERPRISE, resourceGroupId: 'rg-1',
    });
    expect(resources(synth(stack), 'alicloud_security_group')[0]).toMatchObject({
      security_group_name: 'web', description: 'Web tier', tags: { app: 'web' }, security_group_type: 'enterprise', resource_group_id: 'rg-1',
    });
    expectValidPlan(stack);
  });

  test('an IPv6 peer becomes ipv6_cidr_ip and an IPv4 peer cidr_ip, never both', () => {
    const { stack, vpc } = setup();
    const sg = new SecurityGroup(stack, 'Web', { vpc });
    sg.addIngressRule(Peer.anyIpv6(), Port.tcp(443), 'HTTPS over IPv6');
    sg.addIngressRule(Peer.anyIpv4(), Port.tcp(443), 'HTTPS over IPv4');
    const tf = synth(stack);
    const rules = tf.resource.alicloud_security_group_rule;
    const v6 = Object.entries<any>(rules).find(([id]) => id.includes('Ingress-tcp-443-AnyIpv6'))![1];
    const v4 = Object.entries<any>(rules).find(([id]) => id.includes('Ingress-tcp-443-AnyIpv4'))![1];
    expect(v6).toEqual({
      ...RULE_DEFAULTS,
      security_group_id: expect.stringMatching(/^\$\{alicloud_security_group\.\w+\.id\}$/),
      type: 'ingress',
      ip_protocol: 'tcp',
      port_range: '443/443',
      ipv6_cidr_ip: '::/0',
      description: 'HTTPS over IPv6',
    });
    expect(v4).toMatchObject({ ...RULE_DEFAULTS, type: 'ingress', ip_protocol: 'tcp', port_range: '443/443', cidr_ip: '0.0.0.0/0' });
    expect(v4).not.toHaveProperty('ipv6_cidr_ip');
    expect(sg.ingressRules).toEqual([
      { peerCidr: '::/0', ipv6: true, protocol: Protocol.TCP, fromPort: 443, toPort: 443, portRange: '443/443', description: 'HTTPS over IPv6' },
      { peerCidr: '0.0.0.0/0', ipv6: false, protocol: Protocol.TCP, fromPort: 443, toPort: 443, portRange: '443/443', description: 'HTTPS over IPv4' },
    ]);
    expectValidPlan(stack);
  });

  test('egress rules, port ranges and protocols without ports', () => {
    const { stack, vpc } = setup();
    const sg = new SecurityGroup(stack, 'Web', { vpc });
    sg.addEgressRule(Peer.anyIpv6(), Port.allTraffic());
    sg.addEgressRule(Peer.ipv4('10.0.0.0/8'), Port.udpRange(5000, 5100));
    sg.addIngressRule(Peer.ipv6('2408:4000:1000::/56'), Port.icmpv6());
    sg.addIngressRule(Peer.ipv4('10.0.0.0/16'), Port.icmp());
    const tf = synth(stack);
    const byId = Object.fromEntries(Object.entries<any>(tf.resource.alicloud_security_group_rule).map(([id, b]) => [id.replace(/^Web_|_[0-9A-F]{8}$/g, ''), b]));
    expect(Object.keys(byId).sort()).toEqual([
      'Egress-all-AnyIpv6',
      'Egress-udp-5000-5100-10-0-0-0_8',
      'Ingress-icmp-10-0-0-0_16',
      'Ingress-icmpv6-2408-4000-1000--_56',
    ]);
    expect(byId['Egress-all-AnyIpv6']).toMatchObject({ type: 'egress', ip_protocol: 'all', port_range: '-1/-1', ipv6_cidr_ip: '::/0' });
    expect(byId['Egress-udp-5000-5100-10-0-0-0_8']).toMatchObject({ type: 'egress', ip_protocol: 'udp', port_range: '5000/5100', cidr_ip: '10.0.0.0/8' });
    expect(byId['Ingress-icmpv6-2408-4000-1000--_56']).toMatchObject({ ip_protocol: 'icmpv6', port_range: '-1/-1', ipv6_cidr_ip: '2408:4000:1000::/56' });
    expect(byId['Ingress-icmp-10-0-0-0_16']).toMatchObject({ ip_protocol: 'icmp', port_range: '-1/-1', cidr_ip: '10.0.0.0/16' });
    expect(sg.egressRules.map((r) => [r.protocol, r.fromPort, r.toPort])).toEqual([[Protocol.ALL, -1, -1], [Protocol.UDP, 5000, 5100]]);
    expect(sg.ruleResources).toHaveLength(4);
    expectValidPlan(stack);
  });

  test('the same rule added twice creates one resource (IPv6 compared in canonical form)', () => {
    const { stack, vpc } = setup();
    const sg = new SecurityGroup(stack, 'Web', { vpc });
    sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80));
    sg.addIngressRule(Peer.ipv6('0:0:0:0:0:0:0:0/0'), Port.tcp(80), 'again');
    sg.addIngressRule(Peer.ipv6('2001:DB8:0::/32'), Port.tcp(80));
    sg.addIngressRule(Peer.ipv6('2001:db8::/32'), Port.tcp(80));
    sg.addEgressRule(Peer.anyIpv6(), Port.tcp(80));
    sg.addIngressRule(Peer.anyIpv6(), Port.udp(80));
    const tf = synth(stack);
    expect(resources(tf, 'alicloud_security_group_rule')).toHaveLength(4);
    expect(sg.ingressRules).toHaveLength(3);
    expect(logicalIds(tf, 'alicloud_security_group_rule').every((id) => /^Web_(Ingress|Egress)-/.test(id))).toBe(true);
  });

  test('two spellings of one IPv6 block emit the same ipv6_cidr_ip, 2001:db8::/32, and make one rule', () => {
    const emitted = (cidr: string) => {
      const { stack, vpc } = setup();
      const sg = new SecurityGroup(stack, 'Web', { vpc });
      sg.addIngressRule(Peer.ipv6(cidr), Port.tcp(80));
      return resources(synth(stack), 'alicloud_security_group_rule').map((b) => b.ipv6_cidr_ip);
    };
    expect(emitted('2001:0DB8:0000:0000::/32')).toEqual(['2001:db8::/32']);
    expect(emitted('2001:db8::/32')).toEqual(['2001:db8::/32']);

    const { stack, vpc } = setup();
    const sg = new SecurityGroup(stack, 'Web', { vpc });
    sg.addIngressRule(Peer.ipv6('2001:0DB8:0000:0000::/32'), Port.tcp(80), 'first spelling');
    sg.addIngressRule(Peer.ipv6('2001:db8::/32'), Port.tcp(80), 'second spelling');
    const rules = resources(synth(stack), 'alicloud_security_group_rule');
    // one rule, and what it says does not depend on which spelling came first
    expect(rules.map((b) => b.ipv6_cidr_ip)).toEqual(['2001:db8::/32']);
    expect(sg.ingressRules.map((r) => r.peerCidr)).toEqual(['2001:db8::/32']);
    expect(logicalIds(synth(stack), 'alicloud_security_group_rule').map((id) => id.replace(/_[0-9A-F]{8}$/, ''))).toEqual(['Web_Ingress-tcp-80-2001-db8--_32']);
    expectValidPlan(stack);
  });

  test('a peer with host bits becomes its block, with a warning on the security group naming the network address', () => {
    const { stack, vpc } = setup();
    const sg = new SecurityGroup(stack, 'Web', { vpc });
    sg.addIngressRule(Peer.ipv6('2001:DB8::1/32'), Port.tcp(443));
    sg.addIngressRule(Peer.ipv6('2001:db8::/32'), Port.tcp(443));
    expect(resources(synth(stack), 'alicloud_security_group_rule').map((b) => b.ipv6_cidr_ip)).toEqual(['2001:db8::/32']);
    const warnings = sg.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
    expect(warnings).toEqual([
      "SecurityGroup.addIngressRule: peer '2001:DB8::1/32' has host bits set, so the rule matches the whole /32 block 2001:db8::/32; ipv6_cidr_ip is written as '2001:db8::/32'. "
      + "Fix: write Peer.ipv6('2001:db8::/32') for the block, or Peer.ipv6('2001:DB8::1/128') for the one address.",
    ]);
  });

  test('an IPv4-mapped block and the hex block with the same digits are two rules with two ids', () => {
    const { stack, vpc } = setup();
    const sg = new SecurityGroup(stack, 'Web', { vpc });
    sg.addIngressRule(Peer.ipv6('::FFFF:1.2.3.4/128'), Port.tcp(80));
    sg.addIngressRule(Peer.ipv6('::ffff:1:2:3:4/128'), Port.tcp(80));
    const tf = synth(stack);
    expect(resources(tf, 'alicloud_security_group_rule').map((b) => b.ipv6_cidr_ip).sort()).toEqual(['::ffff:1.2.3.4/128', '::ffff:1:2:3:4/128']);
    expect(new Set(logicalIds(tf, 'alicloud_security_group_rule')).size).toBe(2);
  });

  test('token peers and ports are accepted and get stable ids', () => {
    const { stack, vpc } = setup();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    const port = new TerraformVariable(stack, 'port', { type: 'number' });
    const sg = new SecurityGroup(stack, 'Web', { vpc });
    const peer = Peer.ipv6(cidr.stringValue);
    sg.addIngressRule(peer, Port.tcp(port.numberValue));
    sg.addIngressRule(peer, Port.tcp(22));
    sg.addIngressRule(peer, Port.tcp(22));
    sg.addIngressRule(Peer.ipv4(cidr.stringValue), Port.tcp(22));
    const tf = synth(stack);
    const ids = logicalIds(tf, 'alicloud_security_group_rule').map((id) => id.replace(/_[0-9A-F]{8}$/, ''));
    expect(ids.sort()).toEqual(['Web_Ingress-tcp-22-Ipv4Peer1', 'Web_Ingress-tcp-22-Ipv6Peer1', 'Web_Ingress-tcp-Ports1-Ipv6Peer1']);
    const bodies = resources(tf, 'alicloud_security_group_rule');
    expect(bodies.map((b) => b.ipv6_cidr_ip ?? b.cidr_ip)).toEqual(['${var.cidr}', '${var.cidr}', '${var.cidr}']);
    expect(bodies.map((b) => b.port_range).sort()).toEqual(['${var.port}/${var.port}', '22/22', '22/22']);
    expectValidPlan(stack);
  });

  test('rejects ICMP with an IPv6 peer and ICMPv6 with an IPv4 peer', () => {
    const { stack, vpc } = setup();
    const sg = new SecurityGroup(stack, 'Web', { vpc });
    expect(errorOf(() => sg.addIngressRule(Peer.anyIpv6(), Port.icmp())))
      .toBe("SecurityGroup.addIngressRule at 'test/Web' has 1 invalid prop:\n  - port: Port.icmp() is ICMP for IPv4 but the peer ::/0 is IPv6. Fix: use Port.icmpv6() with IPv6 peers.");
    expect(errorOf(() => sg.addEgressRule(Peer.anyIpv4(), Port.icmpv6()))).toContain('use Port.icmp() with IPv4 peers');
  });

  test('rejects IPv6 rules in a VPC without IPv6, and an unknown type', () => {
    const { stack } = newStack();
    const vpc = DualStackVpc.fromVpcAttributes(stack, 'V4', { vpcId: 'vpc-1', vSwitches: [] });
    const v4only = { ...vpc, vpcId: 'vpc-1', ipv6Enabled: false, node: vpc.node } as typeof vpc;
    const sg = new SecurityGroup(stack, 'Web', { vpc: v4only });
    expect(errorOf(() => sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80)))).toContain('peer: is IPv6 (::/0) but the VPC has IPv6 disabled');
    expect(errorOf(() => new SecurityGroup(stack, 'Bad', { vpc, securityGroupType: 'basic' as SecurityGroupType })))
      .toContain("securityGroupType: must be one of 'normal', 'enterprise', got 'basic'");
  });

  test('fromSecurityGroupId creates nothing', () => {
    const { stack } = newStack();
    const sg = SecurityGroup.fromSecurityGroupId(stack, 'Existing', 'sg-1', 'vpc-1');
    expect([sg.securityGroupId, sg.vpcId]).toEqual(['sg-1', 'vpc-1']);
    expect(synth(stack).resource).toBeUndefined();
    expect(errorOf(() => SecurityGroup.fromSecurityGroupId(stack, 'Empty', '', ''))).toMatch(/has 2 invalid props/);
  });
});
