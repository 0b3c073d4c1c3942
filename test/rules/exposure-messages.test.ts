import { docFinding, docFindings, ipv6Net, rosStack, Sections, tfDoc } from './doc';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

const G = 'alicloud_security_group.g';
const ROS_LABEL = "ECI 'Eci' (ALIYUN::ECI::ContainerGroup) in the ROS template of alicloud_ros_stack.eci";

describe('ALI-IPV6-008 messages', () => {
  const ID = Ipv6RuleId.INTERNET_EXPOSURE;
  const FIX = 'narrow port_range to the ports the containers declare, restrict the source to the clients\' CIDR block, or declare the port on the container';
  const R = 'ingress rule alicloud_security_group_rule.r';
  const rule = (body: Record<string, unknown>) => ({ security_group_id: '${alicloud_security_group.g.id}', type: 'ingress', ip_protocol: 'tcp', ipv6_cidr_ip: '::/0', ...body });
  /** Security group g with rule r and a ROS ECI in it whose containers are `container` (ROS Container list). */
  const withRos = (body: Record<string, unknown>, container: unknown = [{ Name: 'web', Port: [{ Port: 80, Protocol: 'TCP' }] }], more: Sections = {}) =>
    tfDoc(ipv6Net({ alicloud_security_group_rule: { r: rule(body) }, alicloud_ros_stack: { eci: rosStack({ Container: container }) }, ...more }));
  const one = (body: Record<string, unknown>, container?: unknown, more?: Sections) => docFinding(withRos(body, container, more), ID);

  test('a rule opening exactly the declared port is compliant; the message gives protocol, range, source and group', () => {
    expect(one({ port_range: '80/80' })).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      level: Ipv6CheckLevel.WARNING,
      message: `${R} opens tcp 80/80 to ::/0, all declared by the containers in security group ${G}`,
    });
    expect(one({ port_range: ' 80 / 80 ', ip_protocol: 'TCP' }).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('one port too many: a warning naming the port, in the singular', () => {
    const f = one({ port_range: '80/81' });
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, fix: FIX });
    expect(f.message).toBe(`${R} opens tcp 80/81 to ::/0 (the whole Internet), but the containers in security group ${G} declare only tcp 80; 1 port (81) is open with no container port behind it`);
  });

  test('several ports too many: the count, the first three and an ellipsis, in the plural', () => {
    expect(one({ port_range: '79/81' }).message).toContain('2 ports (79, 81) are open with no container port behind them');
    expect(one({ port_range: '78/81' }).message).toContain('3 ports (78, 79, 81) are open with no container port behind them');
    expect(one({ port_range: '77/81' }).message).toContain('4 ports (77, 78, 79, ...) are open');
    expect(one({ port_range: '79/80' }).message).toContain('1 port (79) is open');
    expect(one({ port_range: '80/90' }).message).toContain('10 ports (81, 82, 83, ...) are open');
  });

  test('a missing port_range (or -1/-1) means every port', () => {
    expect(one({}).message).toBe(`${R} opens tcp -1/-1 to ::/0 (the whole Internet), but the containers in security group ${G} declare only tcp 80; 65534 ports (1, 2, 3, ...) are open with no container port behind them`);
    expect(one({ port_range: '-1/-1' }).message).toContain('65534 ports (1, 2, 3, ...)');
  });

  test('udp is matched against udp ports only; the declared ports are listed sorted, per protocol', () => {
    const containers = [{ Name: 'a', Port: [{ Port: 53, Protocol: 'UDP' }, { Port: 8080 }, { Port: 443, Protocol: 'TCP' }] }, { Name: 'b', Port: [{ Port: 9, Protocol: 'udp' }] }];
    expect(one({ ip_protocol: 'udp', port_range: '53/53' }, containers).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(one({ ip_protocol: 'udp', port_range: '443/443' }, containers).message).toContain('declare only udp 9, udp 53, tcp 443, tcp 8080; 1 port (443) is open');
  });

  test('every ECI in the group adds its ports (ROS, ESS and native)', () => {
    const more = {
      alicloud_eci_container_group: { n: { security_group_id: '${alicloud_security_group.g.id}', containers: [{ name: 'x', ports: [{ port: 81, protocol: 'TCP' }] }] } },
      alicloud_ess_eci_scaling_configuration: { c: { security_group_id: '${alicloud_security_group.g.id}', containers: [{ name: 'y', ports: [{ port: '82' }] }] } },
    };
    expect(one({ port_range: '80/82' }, undefined, more).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(one({ port_range: '80/83' }, undefined, more).message).toContain('declare only tcp 80, tcp 81, tcp 82; 1 port (83)');
  });

  test('"all" and other protocols are reported whatever the ports', () => {
    expect(one({ ip_protocol: 'all', port_range: '80/80' }).message).toBe(`${R} opens every protocol and port to ::/0, but the containers in security group ${G} declare only tcp 80`);
    expect(one({ ip_protocol: 'gre' }, []).message).toBe(`${R} opens protocol gre to ::/0, but the containers in security group ${G} declare only no port`);
  });

  test('ICMP and ICMPv6 carry no ports: compliant', () => {
    expect(one({ ip_protocol: 'ICMPv6' }).message).toBe(`${R} opens icmpv6 to ::/0; it carries no ports`);
    expect(one({ ip_protocol: 'icmp', ipv6_cidr_ip: undefined, cidr_ip: '0.0.0.0/0' }).message).toBe(`${R} opens icmp to 0.0.0.0/0; it carries no ports`);
  });

  test('only ingress accept rules open to the whole Internet are subjects', () => {
    const d = tfDoc(ipv6Net({
      alicloud_security_group_rule: {
        egress: rule({ type: 'egress' }),
        drop: rule({ policy: 'drop' }),
        office: rule({ ipv6_cidr_ip: '2408:4000::/56' }),
        v4office: rule({ ipv6_cidr_ip: undefined, cidr_ip: '10.0.0.0/8' }),
        nosource: rule({ ipv6_cidr_ip: undefined }),
        emptysource: rule({ ipv6_cidr_ip: '' }),
        v4world: rule({ ipv6_cidr_ip: undefined, cidr_ip: ' 0.0.0.0/0 ', port_range: '80/80' }),
        accept: rule({ policy: 'accept', port_range: '80/80' }),
        untyped: rule({ type: undefined, port_range: '80/80' }),
      },
      alicloud_ros_stack: { eci: rosStack({ Container: [{ Name: 'web', Port: [{ Port: 80 }] }] }) },
    }));
    expect(docFindings(d, ID).map((f) => f.address)).toEqual(['v4world', 'accept', 'untyped'].map((n) => `alicloud_security_group_rule.${n}`));
  });

  test('a source, direction or policy from an expression cannot be verified, naming the expression', () => {
    const fix = 'use literal CIDR blocks for ingress rules';
    expect(one({ ipv6_cidr_ip: '${var.src}' })).toMatchObject({
      status: Ipv6CheckStatus.NOT_VERIFIABLE,
      level: Ipv6CheckLevel.INFO,
      message: `Cannot verify at synth time whether ${R} opens ports to the whole Internet: its source or direction is the expression \${var.src}`,
      fix,
    });
    expect(one({ type: '${var.dir}' }).message).toContain('its source or direction is the expression ${var.dir}');
    expect(one({ policy: '${var.policy}' }).message).toContain('its source or direction is the expression ${var.policy}');
    expect(one({ source_cidr_ip: 'x', ipv6_cidr_ip: 42 }).message).toContain('its source or direction is the expression 42');
  });

  test('a protocol or port range from an expression (or missing) cannot be verified', () => {
    expect(one({ ip_protocol: '${var.p}' })).toMatchObject({
      status: Ipv6CheckStatus.NOT_VERIFIABLE,
      message: `Cannot verify at synth time what ${R} opens: ip_protocol is \${var.p}`,
      fix: 'use a literal ip_protocol',
    });
    expect(one({ ip_protocol: undefined }).message).toBe(`Cannot verify at synth time what ${R} opens: ip_protocol is undefined`);
    expect(one({ port_range: '${var.ports}' })).toMatchObject({
      status: Ipv6CheckStatus.NOT_VERIFIABLE,
      message: `Cannot verify at synth time what ${R} opens: port_range is the expression \${var.ports}`,
      fix: 'use a literal port_range',
    });
    expect(one({ port_range: 80 }).message).toContain('port_range is the expression 80');
  });

  test.each(['80-81', 'x80/80', '80/80x', '80x/80', '80/x80'])('an unreadable literal port_range (%s) is left to ALI-IPV6-010', (range) => {
    expect(one({ port_range: range })).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      message: `${R} has an unreadable port_range ${range} (reported by ALI-IPV6-010 if the provider rejects it)`,
    });
  });

  test('a group with no ECI of the stack cannot be verified; the message gives what the rule opens', () => {
    const d = tfDoc(ipv6Net({ alicloud_security_group_rule: { r: rule({ port_range: '22/22' }), s: rule({ security_group_id: 'sg-123' }) } }));
    const [r, s] = docFindings(d, ID);
    expect(r).toMatchObject({
      status: Ipv6CheckStatus.NOT_VERIFIABLE,
      message: `Cannot verify at synth time that ${R} (tcp 22/22 from ::/0) opens only ports containers listen on: no ECI of this stack is in security group ${G}`,
      fix: 'to have it verified at synth, create the ECIs that use the security group in the same stack as the security group and its rules; otherwise open only the ports your workloads serve, and suppress ALI-IPV6-008 on the rule with the reason',
    });
    expect(s.message).toContain("(tcp -1/-1 from ::/0) opens only ports containers listen on: no ECI of this stack is in security group 'sg-123'");
  });

  test('a rule without a security group, and ECIs without one, match nothing', () => {
    const d = tfDoc(ipv6Net({
      alicloud_security_group_rule: { r: rule({ security_group_id: undefined }) },
      alicloud_eci_container_group: { n: { containers: [] } },
    }));
    expect(docFinding(d, ID).message).toContain('no ECI of this stack is in security group nothing');
  });

  describe('container ports that cannot be read make the rule not verifiable', () => {
    const nv = (container: unknown, more?: Sections) => {
      const f = one({ port_range: '80/80' }, container, more);
      expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, fix: 'declare the container ports as literals' });
      return f.message;
    };

    test.each([
      ['Container is a ROS function', { 'Fn::GetAtt': ['x', 'y'] }, 'it is the ROS function Fn::GetAtt, evaluated by ROS at deploy time'],
      ['Container is not a list', { Name: 'web' }, 'Container is {"Name":"web"}'],
      ['a Container is not an object', ['web'], 'a Container is not an object'],
      ['a Port list from a ROS function', [{ Port: { 'Fn::Split': [',', '80'] } }], 'a container\'s Port list is not a literal'],
      ['a Port list that is not a list', [{ Port: { Port: 80 } }], 'a container\'s Port list is not a literal'],
      ['a Port that is not an object', [{ Port: [80] }], 'a Port is not an object'],
      ['a Port from a parameter without value', [{ Port: [{ Port: { Ref: 'P' } }] }], 'a Port is a template parameter known only at apply time'],
      ['a Protocol from a parameter without value', [{ Port: [{ Port: 80, Protocol: { Ref: 'P' } }] }], 'a Port is a template parameter known only at apply time'],
      ['a Port that is an expression', [{ Port: [{ Port: '${var.port}' }] }], 'a Port is the expression ${var.port}'],
      ['a Protocol that is an expression', [{ Port: [{ Port: 80, Protocol: '${var.proto}' }] }], 'a Protocol is the expression ${var.proto}'],
    ])('ROS: %s', (_what, container, why) => {
      expect(nv(container)).toBe(`Cannot verify at synth time the ports of ${ROS_LABEL}, which is in security group ${G}: ${why}`);
    });

    test('ROS: containers without ports, ports without a number, and non-numeric ports add no port', () => {
      expect(one({ port_range: '80/80' }, [{ Name: 'a' }, { Port: [{ Protocol: 'TCP' }, { Port: 'http' }, { Port: 80 }] }]).status).toBe(Ipv6CheckStatus.COMPLIANT);
      expect(one({ port_range: '80/80' }, undefined).status).toBe(Ipv6CheckStatus.COMPLIANT);
      expect(one({ port_range: '80/80' }, [{ Port: [{ Protocol: 'TCP' }] }]).message).toContain('declare only no port');
    });

    test.each([
      ['dynamic containers', { dynamic: { containers: { for_each: '${var.c}' } } }, 'its containers are a dynamic block'],
      ['containers from an expression', { containers: '${var.c}' }, 'its containers are the expression ${var.c}'],
      ['containers that are not a list', { containers: { name: 'x' } }, 'its containers are not a list'],
      ['a container that is an expression', { containers: ['${var.c}'] }, 'a container is an expression'],
      ['dynamic ports', { containers: [{ dynamic: { ports: { for_each: '${var.p}' } } }] }, 'a container\'s ports are a dynamic block'],
      ['ports from an expression', { containers: [{ ports: '${var.p}' }] }, 'a container\'s ports are an expression'],
      ['a port that is an expression', { containers: [{ ports: ['${var.p}'] }] }, 'a port is an expression'],
      ['a port number from an expression', { containers: [{ ports: [{ port: '${var.p}' }] }] }, 'a port is the expression ${var.p}'],
      ['a protocol from an expression', { containers: [{ ports: [{ port: 80, protocol: '${var.p}' }] }] }, 'a port is the expression 80'],
    ])('native: %s', (_what, body, why) => {
      const more = { alicloud_eci_container_group: { n: { security_group_id: '${alicloud_security_group.g.id}', ...body } } };
      expect(nv([{ Port: [{ Port: 80 }] }], more)).toBe(`Cannot verify at synth time the ports of ECI alicloud_eci_container_group.n, which is in security group ${G}: ${why}`);
    });

    test('native: no containers, containers without ports and non-numeric ports add no port', () => {
      const more = { alicloud_eci_container_group: { n: { security_group_id: '${alicloud_security_group.g.id}', containers: [{ name: 'a' }, { ports: [{ port: 'http' }, { port: 81, protocol: 'UDP' }] }] }, m: { security_group_id: '${alicloud_security_group.g.id}' } } };
      expect(one({ port_range: '80/80' }, undefined, more).status).toBe(Ipv6CheckStatus.COMPLIANT);
      expect(one({ ip_protocol: 'udp', port_range: '81/81' }, undefined, more).status).toBe(Ipv6CheckStatus.COMPLIANT);
    });
  });
});

describe('ALI-IPV6-009 messages', () => {
  const ID = Ipv6RuleId.PUBLIC_ECI_REACHABLE;
  const ingress = (body: Record<string, unknown> = {}) => ({ security_group_id: '${alicloud_security_group.g.id}', type: 'ingress', ip_protocol: 'tcp', port_range: '80/80', ipv6_cidr_ip: '::/0', ...body });
  /** A ROS ECI `eci` in group g, a bandwidth whose address is looked up from it, and the given rules. */
  const reach = (rules: Record<string, unknown>, eci: Record<string, unknown> = {}, more: Sections = {}, data?: Sections) => tfDoc(ipv6Net({
    alicloud_ros_stack: { eci: rosStack(eci) },
    alicloud_security_group_rule: rules,
    alicloud_vpc_ipv6_internet_bandwidth: { bw: { ipv6_address_id: '${data.alicloud_eci_container_groups.l.groups[0].ipv6_address}', ipv6_gateway_id: 'ipv6gw-1', bandwidth: 5 } },
    ...more,
  }), data ?? { alicloud_eci_container_groups: { l: { container_group_name: 'eci', depends_on: ['alicloud_ros_stack.eci'] } } });

  test('an IPv6 ingress rule makes the ECI reachable; the message names the rule', () => {
    expect(docFinding(reach({ r: ingress() }), ID)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      address: 'alicloud_ros_stack.eci',
      message: `${ROS_LABEL} has IPv6 Internet bandwidth and its security group admits IPv6 ingress (alicloud_security_group_rule.r)`,
    });
  });

  test('only IPv4, egress or drop rules: a warning naming the bandwidth and the group', () => {
    const f = docFinding(reach({ v4: ingress({ ipv6_cidr_ip: undefined, cidr_ip: '0.0.0.0/0' }), out: ingress({ type: 'egress' }), drop: ingress({ policy: 'drop' }), empty: ingress({ ipv6_cidr_ip: '' }), none: ingress({ ipv6_cidr_ip: null }) }), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING });
    expect(f.message).toBe(`${ROS_LABEL} has IPv6 Internet bandwidth (alicloud_vpc_ipv6_internet_bandwidth.bw) but its security group ${G} admits no IPv6 ingress, so nothing on the Internet can reach it`);
    expect(f.fix).toBe('add an IPv6 ingress rule for the ports the containers serve (sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80))), or add an egress-only rule (Ipv6EgressOnlyRule) if outbound-only is intended');
  });

  test('a rule without type is an ingress rule', () => {
    expect(docFinding(reach({ r: ingress({ type: undefined }) }), ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('rules with expressions, or a group outside the stack, cannot be verified', () => {
    const expr = docFinding(reach({ r: ingress({ type: '${var.t}' }) }), ID);
    expect(expr).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, fix: 'add an IPv6 ingress rule for the ports the containers serve' });
    expect(expr.message).toBe(`Cannot verify at synth time that ${ROS_LABEL} (IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw) admits IPv6 ingress: its security group ${G} has rules with expressions`);
    expect(docFinding(reach({ r: ingress({ policy: '${var.p}' }) }), ID).status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
    expect(docFinding(reach({ r: ingress({ policy: '${var.p}' }), ok: ingress() }), ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(docFinding(reach({}, { SecurityGroupId: 'sg-1' }), ID).message).toContain("admits IPv6 ingress: its security group 'sg-1' is not created in this stack");
  });

  test('an ECI without a security group cannot be verified, and says so', () => {
    expect(docFinding(reach({}, { SecurityGroupId: undefined }), ID).message).toContain('admits IPv6 ingress: its security group is not set');
    expect(docFinding(reach({}, { SecurityGroupId: { Ref: 'Missing' } }), ID).message).toContain('admits IPv6 ingress: its security group {Ref: Missing} names no template parameter (a resource of the template, known only at deploy time)');
  });

  test('an egress-only rule on the same address makes the ECI outbound-only by design', () => {
    const more = { alicloud_vpc_ipv6_egress_rule: { out: { instance_id: '${data.alicloud_eci_container_groups.l.groups[0].ipv6_address}', ipv6_gateway_id: 'ipv6gw-1' } } };
    expect(docFinding(reach({}, {}, more), ID).message).toBe(`${ROS_LABEL} has IPv6 Internet bandwidth with an egress-only rule: outbound only, by design`);
    const other = { alicloud_vpc_ipv6_egress_rule: { out: { instance_id: 'ipv6-other', ipv6_gateway_id: 'ipv6gw-1' }, bad: { instance_id: 42 } } };
    expect(docFinding(reach({}, {}, other), ID).status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    const half = reach({}, {}, more);
    half.resource.alicloud_vpc_ipv6_internet_bandwidth.direct = { ipv6_address_id: '${alicloud_ros_stack.eci.outputs.ip}', ipv6_gateway_id: 'ipv6gw-1', bandwidth: 5 };
    expect(docFinding(half, ID).status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
  });

  describe('linking the bandwidth to the ECI', () => {
    const linked = (data: Sections | undefined, eci: Record<string, unknown> = {}, address?: string) => {
      const d = reach({}, eci, {}, data);
      if (address) d.resource.alicloud_vpc_ipv6_internet_bandwidth.bw.ipv6_address_id = address;
      return docFindings(d, ID).map((f) => f.address);
    };

    test('through the lookup\'s depends_on, or else its container_group_name', () => {
      expect(linked({ alicloud_eci_container_groups: { l: { depends_on: ['alicloud_ros_stack.eci'] } } })).toEqual(['alicloud_ros_stack.eci']);
      expect(linked({ alicloud_eci_container_groups: { l: { container_group_name: 'eci' } } })).toEqual(['alicloud_ros_stack.eci']);
      expect(linked({ alicloud_eci_container_groups: { l: { container_group_name: 'other' } } })).toEqual([]);
      expect(linked({ alicloud_eci_container_groups: { l: { container_group_name: '${var.n}' } } })).toEqual([]);
    });

    test('depends_on with a different name does not link; an ECI without a literal name links by depends_on', () => {
      expect(linked({ alicloud_eci_container_groups: { l: { container_group_name: 'other', depends_on: ['alicloud_ros_stack.eci'] } } })).toEqual([]);
      expect(linked({ alicloud_eci_container_groups: { l: { container_group_name: 'other', depends_on: ['alicloud_ros_stack.eci'] } } }, { ContainerGroupName: '${var.n}' })).toEqual(['alicloud_ros_stack.eci']);
      expect(linked({ alicloud_eci_container_groups: { l: { depends_on: [42, 'alicloud_ros_stack.missing'] } } })).toEqual([]);
    });

    test('a direct reference to the ROS stack or a native group links it; other references do not', () => {
      expect(linked(undefined, {}, '${alicloud_ros_stack.eci.outputs.address}')).toEqual(['alicloud_ros_stack.eci']);
      expect(linked(undefined, {}, '${alicloud_vswitch.s.id}')).toEqual([]);
      expect(linked(undefined, {}, '${data.alicloud_vpc_ipv6_addresses.none.id}')).toEqual([]);
    });

    test('native groups link by the lookup\'s name, or by depends_on when their own name is not a literal', () => {
      const native = (name: unknown, lookup: Record<string, unknown>) => docFindings(tfDoc(ipv6Net({
        alicloud_eci_container_group: { n: { container_group_name: name, security_group_id: '${alicloud_security_group.g.id}' } },
        alicloud_vpc_ipv6_internet_bandwidth: { bw: { ipv6_address_id: '${data.alicloud_eci_container_groups.l.groups[0].ipv6_address}', ipv6_gateway_id: 'ipv6gw-1', bandwidth: 5 } },
      }), { alicloud_eci_container_groups: { l: lookup } }), ID).map((f) => f.address);
      expect(native('native-eci', { container_group_name: 'native-eci' })).toEqual(['alicloud_eci_container_group.n']);
      expect(native('native-eci', { container_group_name: 'other' })).toEqual([]);
      expect(native('native-eci', { container_group_name: 'other', depends_on: ['alicloud_eci_container_group.n'] })).toEqual([]);
      expect(native('${var.n}', { container_group_name: 'other', depends_on: ['alicloud_eci_container_group.n'] })).toEqual(['alicloud_eci_container_group.n']);
      expect(native(7, { container_group_name: 'other', depends_on: ['alicloud_eci_container_group.n'] })).toEqual(['alicloud_eci_container_group.n']);
    });

    test('ESS scaling configurations are never linked (no per-address bandwidth)', () => {
      const d = tfDoc(ipv6Net({
        alicloud_ess_eci_scaling_configuration: { c: { container_group_name: 'fleet', ipv6_address_count: 1, security_group_id: '${alicloud_security_group.g.id}' } },
        alicloud_vpc_ipv6_internet_bandwidth: { bw: { ipv6_address_id: '${data.alicloud_eci_container_groups.l.groups[0].ipv6_address}', ipv6_gateway_id: 'ipv6gw-1', bandwidth: 5 } },
      }), { alicloud_eci_container_groups: { l: { container_group_name: 'fleet', depends_on: ['alicloud_ess_eci_scaling_configuration.c'] } } });
      expect(docFindings(d, ID)).toEqual([]);
    });

    test('two bandwidths on one ECI are one finding naming both', () => {
      const d = reach({});
      d.resource.alicloud_vpc_ipv6_internet_bandwidth.bw2 = { ...d.resource.alicloud_vpc_ipv6_internet_bandwidth.bw };
      const [f] = docFindings(d, ID);
      expect(f.message).toContain('(alicloud_vpc_ipv6_internet_bandwidth.bw, alicloud_vpc_ipv6_internet_bandwidth.bw2)');
    });
  });
});
