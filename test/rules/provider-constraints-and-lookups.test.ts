import { docFinding, docFindings, evaluateDoc, ipv6Net, rosStack, tfDoc } from './doc';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

describe('ALI-IPV6-010 messages', () => {
  const ID = Ipv6RuleId.PROVIDER_CONSTRAINTS;

  test('a resource within the constraints is compliant, and says so', () => {
    expect(docFinding(tfDoc({ alicloud_vpc: { v: { cidr_block: '10.0.0.0/16' } } }), ID)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT, level: Ipv6CheckLevel.ERROR, message: 'alicloud_vpc.v: literal values are within the provider\'s constraints',
    });
  });

  test('every rejected value of a resource is listed, path by path, in one error', () => {
    const f = docFinding(tfDoc({
      alicloud_security_group_rule: { r: { security_group_id: 'sg-1', type: 'sideways', ip_protocol: 'sctp', port_range: '80/80', ipv6_cidr_ip: '::/0' } },
    }), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, fix: 'change the values to ones the provider accepts (see the allowed values in the message)' });
    expect(f.message).toMatch(/^alicloud_security_group_rule\.r has values the provider rejects at plan time: (type: .*"sideways".*; ip_protocol: .*"sctp".*|ip_protocol: .*"sctp".*; type: .*"sideways".*)$/);
  });

  test('the bandwidth range is left to ALI-IPV6-007; other attributes of the bandwidth are checked', () => {
    const f = docFinding(tfDoc({ alicloud_vpc_ipv6_internet_bandwidth: { bw: { bandwidth: 9999, internet_charge_type: 'PayByMood' } } }), ID);
    expect(f.message).toContain('internet_charge_type');
    expect(f.message).not.toContain('bandwidth:');
  });

  test('every alicloud resource type of provider 1.289.0 is a subject, in type order; unknown and other providers\' types are not', () => {
    const doc = tfDoc({
      alicloud_ros_stack: { r: { stack_name: 'r', template_body: '{}' } },
      alicloud_instance: { i: {} },
      alicloud_vswitch: { s: { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24', zone_id: 'z' } },
      alicloud_vpc: { v: {} },
      alicloud_not_a_type: { n: {} },
      null_resource: { x: {} },
    });
    expect(docFindings(doc, ID).map((f) => f.address)).toEqual(['alicloud_instance.i', 'alicloud_ros_stack.r', 'alicloud_vpc.v', 'alicloud_vswitch.s']);
  });

  test('a user\'s own resource of a type the library does not use is checked too: a NAT gateway outside its enum', () => {
    const f = docFinding(tfDoc({ alicloud_nat_gateway: { n: { vpc_id: 'vpc-1', nat_type: 'Turbo' } } }), ID);
    expect(f.message).toContain('alicloud_nat_gateway.n has values the provider rejects at plan time: nat_type: "nat_type" must be one of "Enhanced", "Normal", got "Turbo"');
  });
});

describe('ALI-IPV6-002 reads only ecs.<family>.<size> names', () => {
  const family = (type: string) =>
    docFinding(tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ InstanceType: type }) } })), Ipv6RuleId.INSTANCE_FAMILY);

  test('a name with text before "ecs." or after the size is not an instance type name', () => {
    for (const type of ['xecs.ic5.large', 'ecs.ic5.large!']) {
      const f = family(type);
      expect(f.status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
      expect(f.message).toContain(`${type} (not an ecs.<family>.<size> name)`);
    }
  });

  test('a name in upper case with spaces is read', () => {
    expect(family(' ECS.IC5.LARGE ').message).toContain('ECS.IC5.LARGE (family ic5), which does not support IPv6');
  });
});

describe('following references to VPCs', () => {
  const ID = Ipv6RuleId.IPV6_GATEWAY_SAME_VPC;
  const net = (gatewayVpc: string, address: Record<string, any>, data: Record<string, Record<string, any>> = {}) => tfDoc({
    alicloud_vpc: { a: { enable_ipv6: true } },
    alicloud_vswitch: { s: { vpc_id: '${alicloud_vpc.a.id}' } },
    alicloud_vpc_ipv6_gateway: { gw: { vpc_id: gatewayVpc } },
    alicloud_vpc_ipv6_internet_bandwidth: { bw: { ipv6_gateway_id: '${alicloud_vpc_ipv6_gateway.gw.id}', bandwidth: 5, ...address } },
  }, data);

  test('${alicloud_vpc.a} and ${alicloud_vpc.a.id} are the same VPC', () => {
    const lookup = { alicloud_vpc_ipv6_addresses: { x: { vswitch_id: '${alicloud_vswitch.s.id}' } } };
    const d = net('${alicloud_vpc.a}', { ipv6_address_id: '${data.alicloud_vpc_ipv6_addresses.x.addresses[0].id}' }, lookup);
    expect(docFinding(d, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('a lookup by a vSwitch ID that is not in the stack cannot be followed', () => {
    const d = net('${alicloud_vpc.a.id}', { ipv6_address_id: '${data.alicloud_vpc_ipv6_addresses.x.addresses[0].id}' }, { alicloud_vpc_ipv6_addresses: { x: { vswitch_id: 'vsw-1' } } });
    expect(docFinding(d, ID).message).toContain('the VPC of the IPv6 address ${data.alicloud_vpc_ipv6_addresses.x.addresses[0].id} cannot be followed');
  });

  test('an address ID that is a number, or plain text that looks like an address, is not followed', () => {
    const d = net('${alicloud_vpc.a.id}', { ipv6_address_id: 42 });
    const found = evaluateDoc(d);
    expect(found.filter((f) => f.ruleId === Ipv6RuleId.RULE_FAILURE)).toEqual([]);
    expect(found.find((f) => f.ruleId === ID)!.message).toContain('the VPC of the IPv6 address 42 cannot be followed');
    const text = net('${alicloud_vpc.a.id}', { ipv6_address_id: 'alicloud_vpc_ipv6_address.x.id' }, {});
    text.resource.alicloud_vpc_ipv6_address = { x: { vswitch_id: '${alicloud_vswitch.s.id}' } };
    expect(docFinding(text, ID).status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
  });
});

describe('expressions that are not a single reference', () => {
  test('a function call is an expression, not a reference', () => {
    const f = docFinding(tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ VSwitchId: '${lower("VSW-1")}' }) } })), Ipv6RuleId.IPV6_VSWITCH);
    expect(f.status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
    expect(f.message).toContain('vSwitch the expression ${lower("VSW-1")} is not created in this stack');
  });

  test('an escaped $${...} is a literal, not an expression', () => {
    const f = docFinding(tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ VSwitchId: '$${alicloud_vswitch.s.id}' }) } })), Ipv6RuleId.IPV6_VSWITCH);
    expect(f.message).toContain("vSwitch '$${alicloud_vswitch.s.id}' is not created in this stack");
  });

  test('a null source CIDR is no source: the rule is not a subject of ALI-IPV6-008', () => {
    const d = tfDoc(ipv6Net({ alicloud_security_group_rule: { r: { security_group_id: '${alicloud_security_group.g.id}', type: 'ingress', ip_protocol: 'tcp', ipv6_cidr_ip: null, cidr_ip: null } } }));
    expect(docFindings(d, Ipv6RuleId.INTERNET_EXPOSURE)).toEqual([]);
  });
});
