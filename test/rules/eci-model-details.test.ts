import { docFinding, docFindings, evaluateDoc, ipv6Net, rosBody, rosEci, rosStack, Sections, tfDoc } from './doc';
import { Ipv6CheckStatus, Ipv6RuleId } from '../../src';

/** How ECIs are read from ROS templates, ESS configurations and native container groups (observed through the rules). */

const G = 'alicloud_security_group.g';
const failures = (doc: Record<string, any>) => evaluateDoc(doc).filter((f) => f.ruleId === Ipv6RuleId.RULE_FAILURE);

describe('container ports', () => {
  const ID = Ipv6RuleId.INTERNET_EXPOSURE;
  const rule = { security_group_id: '${alicloud_security_group.g.id}', type: 'ingress', ip_protocol: 'tcp', port_range: '80/81', ipv6_cidr_ip: '::/0' };
  const exposure = (more: Sections) => {
    const doc = tfDoc(ipv6Net({ alicloud_security_group_rule: { r: rule }, ...more }));
    expect(failures(doc)).toEqual([]);
    return docFinding(doc, ID);
  };
  const native = (body: Record<string, unknown>) => exposure({ alicloud_eci_container_group: { n: { security_group_id: '${alicloud_security_group.g.id}', ...body } } });
  const ros = (container: unknown) => exposure({ alicloud_ros_stack: { eci: rosStack({ Container: container }) } });
  const DECLARE_80 = 'declare only tcp 80; 1 port (81) is open';

  test('native: containers or ports that are null are "none"; numbers that are not ports are skipped', () => {
    expect(native({ containers: null }).message).toContain(`in security group ${G} declare only no port; 2 ports (80, 81) are open`);
    expect(native({ containers: [{ ports: null }, { ports: [{ port: 80 }] }] }).message).toContain(DECLARE_80);
    expect(native({ containers: [{ ports: [{ port: 'http' }, { protocol: 'TCP' }, { port: 80 }] }] }).message).toContain(DECLARE_80);
  });

  test('native: a container or a port that is null cannot be read', () => {
    expect(native({ containers: [null] }).message).toContain(': a container is an expression');
    expect(native({ containers: [{ ports: [null] }] }).message).toContain(': a port is an expression');
  });

  test('native: dynamic blocks other than containers and ports do not hide the ports', () => {
    expect(native({ dynamic: { volumes: { for_each: '${var.v}' } }, containers: [{ ports: [{ port: 80 }] }] }).message).toContain(DECLARE_80);
    expect(native({ containers: [{ dynamic: { volume_mounts: { for_each: '${var.v}' } }, ports: [{ port: 80 }] }] }).message).toContain(DECLARE_80);
  });

  test('ROS: a template without Container, or with a non-numeric Port, declares no such port', () => {
    expect(ros(null).message).toContain('declare only no port; 2 ports (80, 81) are open');
    expect(ros([{ Port: [{ Port: 'http' }, { Port: 80 }] }]).message).toContain(DECLARE_80);
  });
});

describe('instance types', () => {
  const ID = Ipv6RuleId.INSTANCE_FAMILY;
  const ess = (types: unknown) => docFinding(tfDoc(ipv6Net({
    alicloud_ess_scaling_group: { sg: { vswitch_ids: ['${alicloud_vswitch.s.id}'] } },
    alicloud_ess_eci_scaling_configuration: { c: { scaling_group_id: '${alicloud_ess_scaling_group.sg.id}', ipv6_address_count: 1, instance_types: types } },
  })), ID);

  test('null instance types mean "sized by vCPU and memory"', () => {
    expect(ess(null).message).toContain('is sized by vCPU and memory');
  });

  test('a number in the list is read as text (and is no ecs.<family>.<size> name)', () => {
    expect(ess([42]).message).toContain('42 (not an ecs.<family>.<size> name)');
  });
});

describe('ROS templates', () => {
  test('a VSwitchId of null is "not set"; a number is a literal ID', () => {
    const vsw = (value: unknown) =>
      docFinding(tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ VSwitchId: value }) } })), Ipv6RuleId.IPV6_VSWITCH);
    expect(vsw(null).message).toContain('sets no VSwitchId');
    expect(vsw(42).message).toContain("vSwitch '42' is not created in this stack");
  });

  test('a VSwitchId from a missing parameter names the VSwitchId field', () => {
    const f = docFinding(tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ VSwitchId: { Ref: 'Missing' } }) } })), Ipv6RuleId.IPV6_VSWITCH);
    expect(f.message).toContain('have IPv6: VSwitchId {Ref: Missing} names no template parameter');
  });

  test('a template_body of null means no template; text with an expression inside is not JSON', () => {
    const opaque = (body: unknown) =>
      docFinding(tfDoc({ alicloud_ros_stack: { r: { template_body: body } } }), Ipv6RuleId.SINGLE_IPV6_ADDRESS).message;
    expect(opaque(null)).toContain(': it has no template_body,');
    expect(opaque('x${var.t}')).toContain(': its template_body is not valid JSON (');
    expect(opaque(' x ${var.t}')).toContain(': its template_body is not valid JSON (');
  });

  test('templates without Resources, or whose Resources are not objects, hold no ECI and break nothing', () => {
    const doc = tfDoc({
      alicloud_ros_stack: {
        a: { template_body: '[1, 2]' },
        b: { template_body: '{"Resources": [1]}' },
        c: { template_body: '{"Resources": "none"}' },
        d: { template_body: rosBody({ Eci: 'not an object' }) },
      },
    });
    expect(failures(doc)).toEqual([]);
    expect(docFindings(doc, Ipv6RuleId.SINGLE_IPV6_ADDRESS)).toEqual([]);
  });

  describe('parameters', () => {
    const count = (stack: Record<string, unknown>) => docFinding(tfDoc({
      alicloud_ros_stack: { eci: { template_body: rosBody({ Eci: rosEci({ Ipv6AddressCount: { Ref: 'N' } }) }, { N: { Type: 'Number', Default: 2 } }), ...stack } },
    }), Ipv6RuleId.SINGLE_IPV6_ADDRESS).message;

    test('null parameters fall back to the Default; other dynamic blocks do not hide the parameters', () => {
      expect(count({ parameters: null })).toContain('asks for 2 IPv6 addresses');
      expect(count({ dynamic: { timeouts: { for_each: '${var.t}' } }, parameters: [{ parameter_key: 'N', parameter_value: '3' }] })).toContain('asks for 3 IPv6 addresses');
    });

    test('a parameter key that is not a string cannot be read', () => {
      expect(count({ parameters: [{ parameter_key: 42, parameter_value: '3' }] })).toContain('Ipv6AddressCount a parameter key is not a literal');
    });
  });
});

describe('native container groups and their security group', () => {
  const ID = Ipv6RuleId.PUBLIC_ECI_REACHABLE;
  /** A native group n (name `name`), a bandwidth on an address looked up by container_group_name. */
  const reach = (group: Record<string, unknown>, lookupName: unknown = 'web') => tfDoc(ipv6Net({
    alicloud_eci_container_group: { n: group },
    alicloud_vpc_ipv6_internet_bandwidth: { bw: { ipv6_address_id: '${data.alicloud_eci_container_groups.l.groups[0].ipv6_address}', ipv6_gateway_id: 'ipv6gw-1', bandwidth: 5 } },
  }), { alicloud_eci_container_groups: { l: { container_group_name: lookupName } } });

  test('a native group is linked to the bandwidth by its literal name', () => {
    const f = docFinding(reach({ container_group_name: 'web', security_group_id: '${alicloud_security_group.g.id}' }), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, address: 'alicloud_eci_container_group.n' });
    expect(f.message).toMatch(/^ECI alicloud_eci_container_group\.n has IPv6 Internet bandwidth/);
    expect(docFindings(reach({ container_group_name: '${var.name}', security_group_id: 'sg-1' }, '${var.name}'), ID)).toEqual([]);
    expect(docFindings(reach({ container_group_name: 42, security_group_id: 'sg-1' }, 42), ID)).toEqual([]);
  });

  test('a native group without a security group: "is not set"', () => {
    const f = docFinding(reach({ container_group_name: 'web' }), ID);
    expect(f.message).toContain('admits IPv6 ingress: its security group is not set');
    expect(f.fix).toBe('give the ECI a security group of this stack with an IPv6 ingress rule');
  });

  test('a lookup whose name is an expression links the ECI named in depends_on', () => {
    const doc = tfDoc(ipv6Net({
      alicloud_ros_stack: { eci: rosStack() },
      alicloud_vpc_ipv6_internet_bandwidth: { bw: { ipv6_address_id: '${data.alicloud_eci_container_groups.l.groups[0].ipv6_address}', ipv6_gateway_id: 'ipv6gw-1', bandwidth: 5 } },
    }), { alicloud_eci_container_groups: { l: { container_group_name: '${var.n}', depends_on: ['alicloud_ros_stack.eci'] } } });
    expect(docFindings(doc, ID).map((f) => f.address)).toEqual(['alicloud_ros_stack.eci']);
  });

  test('only ECI lookups and the ECI resources themselves link a bandwidth, whatever depends_on the other blocks have', () => {
    const doc = tfDoc(ipv6Net({
      alicloud_ros_stack: { eci: rosStack() },
      alicloud_vpc_ipv6_address: { a: { depends_on: ['alicloud_ros_stack.eci'], container_group_name: 'eci' } },
      alicloud_vpc_ipv6_internet_bandwidth: {
        one: { ipv6_address_id: '${alicloud_vpc_ipv6_address.a.id}', ipv6_gateway_id: 'ipv6gw-1', bandwidth: 5 },
        two: { ipv6_address_id: '${data.alicloud_vpc_ipv6_addresses.x.addresses[0].id}', ipv6_gateway_id: 'ipv6gw-1', bandwidth: 5 },
      },
    }), { alicloud_vpc_ipv6_addresses: { x: { depends_on: ['alicloud_ros_stack.eci'], container_group_name: 'eci' } } });
    expect(docFindings(doc, ID)).toEqual([]);
    expect(failures(doc)).toEqual([]);
  });

  test('depends_on entries that name nothing link nothing, and break nothing', () => {
    const doc = tfDoc(ipv6Net({
      alicloud_ros_stack: { eci: rosStack() },
      alicloud_vpc_ipv6_internet_bandwidth: { bw: { ipv6_address_id: '${data.alicloud_eci_container_groups.l.groups[0].ipv6_address}', ipv6_gateway_id: 'ipv6gw-1', bandwidth: 5 } },
    }), { alicloud_eci_container_groups: { l: { depends_on: [42, 'alicloud_ros_stack.missing'], container_group_name: 'other' } } });
    expect(failures(doc)).toEqual([]);
    expect(docFindings(doc, ID)).toEqual([]);
  });
});

describe('comparison keys', () => {
  const masks = (a: unknown, b: unknown) => docFindings(tfDoc({
    alicloud_vswitch: { a: { vpc_id: a, enable_ipv6: true, ipv6_cidr_block_mask: 3 }, b: { vpc_id: b, enable_ipv6: true, ipv6_cidr_block_mask: 3 } },
  }), Ipv6RuleId.VSWITCH_IPV6_MASK).map((f) => f.status);

  test('two different literal VPC IDs, or two different expressions, are two VPCs', () => {
    expect(masks('vpc-1', 'vpc-2')).toEqual([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.COMPLIANT]);
    expect(masks('${var.a}', '${var.b}')).toEqual([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.COMPLIANT]);
    expect(masks('${var.a}', '${var.a}')).toEqual([Ipv6CheckStatus.NON_COMPLIANT, Ipv6CheckStatus.NON_COMPLIANT]);
  });

  test('a source CIDR that does not parse is not "the whole Internet"', () => {
    const doc = tfDoc(ipv6Net({ alicloud_security_group_rule: { r: { security_group_id: '${alicloud_security_group.g.id}', type: 'ingress', ip_protocol: 'tcp', ipv6_cidr_ip: 'anywhere' } } }));
    expect(failures(doc)).toEqual([]);
    expect(docFindings(doc, Ipv6RuleId.INTERNET_EXPOSURE)).toEqual([]);
  });
});

describe('ALI-IPV6-004 lists every IPv6 vSwitch it checked', () => {
  test('an ESS group in two IPv6 vSwitches', () => {
    const net = ipv6Net({
      alicloud_vswitch: { t: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: 1 } },
      alicloud_ess_scaling_group: { sg: { vswitch_ids: ['${alicloud_vswitch.s.id}', '${alicloud_vswitch.t.id}'] } },
      alicloud_ess_eci_scaling_configuration: { c: { scaling_group_id: '${alicloud_ess_scaling_group.sg.id}', ipv6_address_count: 1 } },
    });
    expect(docFinding(tfDoc(net), Ipv6RuleId.IPV6_VSWITCH).message).toBe(
      'ECI scaling configuration alicloud_ess_eci_scaling_configuration.c runs in IPv6-enabled vSwitches of IPv6-enabled VPCs (alicloud_vswitch.s, alicloud_vswitch.t)');
  });
});
