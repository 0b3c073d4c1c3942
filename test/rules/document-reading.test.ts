import { docFinding, docFindings, evaluateDoc, ipv6Net, rosStack, tfDoc } from './doc';
import { Ipv6CheckStatus, Ipv6RuleId } from '../../src';

/**
 * How the pack reads the synthesized document: sections, metadata, literal booleans and numbers,
 * references. Each case is observed through a rule's verdict.
 */

const ess = (count: unknown) => tfDoc(ipv6Net({
  alicloud_ess_scaling_group: { sg: { vswitch_ids: ['${alicloud_vswitch.s.id}'] } },
  alicloud_ess_eci_scaling_configuration: { c: { scaling_group_id: '${alicloud_ess_scaling_group.sg.id}', ipv6_address_count: count } },
}));
const countMessage = (count: unknown) => docFinding(ess(count), Ipv6RuleId.SINGLE_IPV6_ADDRESS).message.replace('ECI scaling configuration alicloud_ess_eci_scaling_configuration.c ', '');

describe('numbers', () => {
  test.each([
    [2, 'asks for 2 IPv6 addresses'],
    ['+2', 'asks for 2 IPv6 addresses'],
    ['-1', 'asks for -1 IPv6 addresses'],
    ['12.5', 'asks for 12.5 IPv6 addresses'],
    ['2.', 'asks for 2 IPv6 addresses'],
    ['.55', 'asks for 0.55 IPv6 addresses'],
    ['1e1', 'asks for 10 IPv6 addresses'],
    ['1e10', 'asks for 10000000000 IPv6 addresses'],
    ['1E+1', 'asks for 10 IPv6 addresses'],
    ['1e-3', 'asks for 0.001 IPv6 addresses'],
    [' 2 ', 'asks for 2 IPv6 addresses'],
    ['0x10', 'asks for a non-numeric number of IPv6 addresses'],
    ['Infinity', 'asks for a non-numeric number of IPv6 addresses'],
    ['0b1', 'asks for a non-numeric number of IPv6 addresses'],
    ['1e', 'asks for a non-numeric number of IPv6 addresses'],
    ['two', 'asks for a non-numeric number of IPv6 addresses'],
    [true, 'asks for a non-numeric number of IPv6 addresses'],
  ])('a count of %p is read as: %s', (count, text) => {
    expect(countMessage(count)).toMatch(new RegExp(`^${text.replace(/[.+]/g, '\\$&')} \\(ipv6_address_count\\)`));
  });

  test('a numeric string of 1 or 0 is a valid count; empty, blank and null mean "not set"', () => {
    expect(countMessage('1')).toBe('asks for 1 IPv6 address');
    expect(countMessage(' 0 ')).toBe('asks for 0 IPv6 addresses');
    expect(countMessage(null)).toBe('asks for no IPv6 address');
    expect(countMessage(undefined)).toBe('asks for no IPv6 address');
    expect(countMessage('')).toMatch(/^asks for a non-numeric number of IPv6 addresses/);
    expect(countMessage('  ')).toMatch(/^asks for a non-numeric number of IPv6 addresses/);
  });
});

describe('booleans', () => {
  const subjects = (values: Record<string, unknown>) => docFindings(tfDoc({
    alicloud_vpc: { v: { enable_ipv6: true } },
    alicloud_vswitch: Object.fromEntries(Object.entries(values).map(([name, value], i) => [name, { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: value, ipv6_cidr_block_mask: i }])),
  }), Ipv6RuleId.VSWITCH_IPV6_MASK).map((f) => [f.address.replace('alicloud_vswitch.', ''), f.status]);

  test('true, "true", "1" and 1 enable IPv6; false, "false", "0", 0, null and unset do not; anything else is an expression', () => {
    expect(subjects({ a: true, b: 'true', c: '1', d: 1, e: false, f: 'false', g: '0', h: 0, i: null, j: undefined, k: 'yes', l: '${var.on}' })).toEqual([
      ['a', Ipv6CheckStatus.COMPLIANT],
      ['b', Ipv6CheckStatus.COMPLIANT],
      ['c', Ipv6CheckStatus.COMPLIANT],
      ['d', Ipv6CheckStatus.COMPLIANT],
      ['k', Ipv6CheckStatus.NOT_VERIFIABLE],
      ['l', Ipv6CheckStatus.NOT_VERIFIABLE],
    ]);
  });
});

describe('sections and metadata', () => {
  const DUBAI = { region: 'me-east-1' };

  test('comment keys ("//") are not resources, and bodies that are not objects are skipped', () => {
    const vpcs = { '//': { enable_ipv6: true }, 'v': { enable_ipv6: true }, 'n': null, 's': 'text', 'l': [{ enable_ipv6: true }, 7] };
    const doc = tfDoc({ 'alicloud_vpc': vpcs, '//': { x: { enable_ipv6: true } } }, {}, DUBAI);
    const found = evaluateDoc(doc);
    expect(found.filter((f) => f.ruleId === Ipv6RuleId.RULE_FAILURE)).toEqual([]);
    expect(found.filter((f) => f.ruleId === Ipv6RuleId.REGION).map((f) => f.address)).toEqual(['alicloud_vpc.v', 'alicloud_vpc.l']);
  });

  test('sections may be lists of objects, as Terraform JSON allows', () => {
    const doc = { provider: { alicloud: DUBAI }, resource: [{ alicloud_vpc: [{ a: { enable_ipv6: true } }, { b: { enable_ipv6: true } }] }, 'x'] };
    expect(docFindings(doc, Ipv6RuleId.REGION).map((f) => f.address)).toEqual(['alicloud_vpc.a', 'alicloud_vpc.b']);
  });

  test('a data source is never taken for a resource of the same type', () => {
    const doc = tfDoc({}, { alicloud_vpc: { d: { enable_ipv6: true } }, alicloud_vpc_ipv6_gateway: { g: {} } }, DUBAI);
    expect(evaluateDoc(doc)).toEqual([]);
  });

  test('the construct path comes from //.metadata.path when it is a string; otherwise the stack path', () => {
    const doc = tfDoc({
      alicloud_vpc: {
        a: { 'enable_ipv6': true, '//': { metadata: { path: 'doc/A/Resource' } } },
        b: { 'enable_ipv6': true, '//': { metadata: { path: 42 } } },
        c: { 'enable_ipv6': true, '//': {} },
        d: { 'enable_ipv6': true, '//': { metadata: null } },
      },
    });
    expect(docFindings(doc, Ipv6RuleId.REGION).map((f) => f.constructPath)).toEqual(['doc/A/Resource', 'doc', 'doc', 'doc']);
  });
});

describe('references', () => {
  const vswitchRule = (vswitch: unknown) =>
    docFinding(tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ VSwitchId: vswitch }) } })), Ipv6RuleId.IPV6_VSWITCH);

  test('${TYPE.NAME} and ${TYPE.NAME.id} name the resource; other attributes do not', () => {
    expect(vswitchRule('${alicloud_vswitch.s}').status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(vswitchRule('${alicloud_vswitch.s.id}').status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(vswitchRule('${alicloud_vswitch.s.vswitch_name}').message).toContain('vSwitch the expression ${alicloud_vswitch.s.vswitch_name} is not created in this stack');
  });

  test('a reference to a resource missing from the document is an expression', () => {
    expect(vswitchRule('${alicloud_vswitch.gone.id}').message).toContain('vSwitch the expression ${alicloud_vswitch.gone.id} is not created in this stack');
  });

  test('an empty or null security group ID names nothing; a number is a literal ID', () => {
    const exposure = (sg: unknown) => docFinding(tfDoc({
      alicloud_security_group_rule: { r: { security_group_id: sg, type: 'ingress', ip_protocol: 'tcp', port_range: '80/80', ipv6_cidr_ip: '::/0' } },
    }), Ipv6RuleId.INTERNET_EXPOSURE).message;
    expect(exposure('')).toMatch(/in security group nothing$/);
    expect(exposure(null)).toMatch(/in security group nothing$/);
    expect(exposure(42)).toMatch(/in security group '42'$/);
  });

  test('a VPC\'s IPv6 CIDR block counts only when it references the VPC resource', () => {
    const doc = tfDoc({
      alicloud_vpc: { v: { cidr_block: '10.0.0.0/16' } },
      alicloud_vswitch: { s: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: 0 } },
      alicloud_vpc_ipv6_cidr_block: { literal: { vpc_id: 'vpc-123' }, expr: { vpc_id: '${var.vpc}' } },
    });
    const found = evaluateDoc(doc);
    expect(found.filter((f) => f.ruleId === Ipv6RuleId.RULE_FAILURE)).toEqual([]);
    expect(found.find((f) => f.ruleId === Ipv6RuleId.VSWITCH_IPV6_MASK)!.message).toContain('its VPC alicloud_vpc.v has IPv6 disabled');
  });

  test('two IPv6 CIDR blocks on one VPC still make it an IPv6 VPC', () => {
    const doc = tfDoc({
      alicloud_vpc: { v: {} },
      alicloud_vswitch: { s: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: 0 } },
      alicloud_vpc_ipv6_cidr_block: { a: { vpc_id: '${alicloud_vpc.v.id}' }, b: { vpc_id: '${alicloud_vpc.v.id}' } },
    });
    expect(docFinding(doc, Ipv6RuleId.VSWITCH_IPV6_MASK).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(docFindings(doc, Ipv6RuleId.REGION).map((f) => f.address)).toEqual(['alicloud_vpc.v', 'alicloud_vpc_ipv6_cidr_block.a', 'alicloud_vpc_ipv6_cidr_block.b']);
  });

  test('provider = "notalicloud.x" is not an alias of the alicloud provider', () => {
    const doc = tfDoc({ alicloud_vpc: { v: { enable_ipv6: true, provider: 'notalicloud.dubai' } } }, {}, [{ region: 'cn-hangzhou' }, { alias: 'dubai', region: 'me-east-1' }]);
    expect(docFinding(doc, Ipv6RuleId.REGION).message).toContain('deploys to cn-hangzhou (the default provider "alicloud")');
  });
});
