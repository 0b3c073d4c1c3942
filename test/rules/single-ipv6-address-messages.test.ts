import { docFinding, docFindings, ipv6Net, rosBody, rosEci, rosStack, tfDoc } from './doc';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

const ID = Ipv6RuleId.SINGLE_IPV6_ADDRESS;
const LABEL = "ECI 'Eci' (ALIYUN::ECI::ContainerGroup) in the ROS template of alicloud_ros_stack.eci";
const ros = (count: unknown, stack: Record<string, unknown> = {}) =>
  tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ Ipv6AddressCount: count }, stack) } }));
const ess = (count: unknown) => tfDoc(ipv6Net({
  alicloud_ess_scaling_group: { sg: { vswitch_ids: ['${alicloud_vswitch.s.id}'] } },
  alicloud_ess_eci_scaling_configuration: { c: { scaling_group_id: '${alicloud_ess_scaling_group.sg.id}', ipv6_address_count: count } },
}));

describe('ALI-IPV6-003 messages', () => {
  test('no count, 0 and 1 are compliant, with the number in words', () => {
    expect(docFinding(ros(undefined), ID)).toMatchObject({ status: Ipv6CheckStatus.COMPLIANT, message: `${LABEL} asks for no IPv6 address` });
    expect(docFinding(ros(0), ID).message).toBe(`${LABEL} asks for 0 IPv6 addresses`);
    expect(docFinding(ros(1), ID).message).toBe(`${LABEL} asks for 1 IPv6 address`);
    expect(docFinding(ros('1'), ID).message).toBe(`${LABEL} asks for 1 IPv6 address`);
  });

  test.each([[2, '2'], [-1, '-1'], [0.5, '0.5'], ['many', 'a non-numeric number of']])('a ROS count of %p is an error (asks for %s)', (count, text) => {
    const f = docFinding(ros(count), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(f.message).toBe(`${LABEL} asks for ${text} IPv6 addresses (Ipv6AddressCount) but an ECI can have at most 1 (https://www.alibabacloud.com/help/en/eci/user-guide/assign-an-ipv6-address-to-an-elastic-container-instance-1, Jun 22, 2026)`);
    expect(f.fix).toBe('set Ipv6AddressCount to 1 for an IPv6 address, or remove it for none');
  });

  test('an ESS count of 2 is an error that notes the provider does not check it', () => {
    expect(docFinding(ess(2), ID).message).toMatch(/ECI can have at most 1 \(.*\); the provider does not check this for ESS, so it would fail only when ESS scales out$/);
    expect(docFinding(ess(1), ID).message).toBe('ECI scaling configuration alicloud_ess_eci_scaling_configuration.c asks for 1 IPv6 address');
  });

  test('a count from an expression cannot be verified: info, naming the field and the expression', () => {
    const f = docFinding(ess('${var.n}'), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(f.message).toBe('Cannot verify at synth time how many IPv6 addresses ECI scaling configuration alicloud_ess_eci_scaling_configuration.c asks for: ipv6_address_count it is the expression ${var.n}, known only at apply time');
    expect(f.fix).toBe('pass a literal ipv6_address_count (1 for IPv6, or leave it out)');
  });

  test('a native container group (no IPv6 argument) is not a subject', () => {
    const doc = tfDoc({ alicloud_eci_container_group: { n: { container_group_name: 'n', security_group_id: 'sg-1', vswitch_id: 'vsw-1' } } });
    expect(docFindings(doc, ID)).toEqual([]);
  });

  describe('counts given through {Ref} to the stack parameters', () => {
    const viaRef = (parameters: unknown, declared: Record<string, unknown> = { N: { Type: 'Number' } }, ref = 'N', extra: Record<string, unknown> = {}) => tfDoc({
      alicloud_ros_stack: {
        eci: {
          template_body: rosBody({ Eci: rosEci({ VSwitchId: 'vsw-1', Ipv6AddressCount: { Ref: ref } }) }, declared),
          ...(parameters === undefined ? {} : { parameters }),
          ...extra,
        },
      },
    });

    test('a passed parameter is used, else the Default; an unset parameter without Default cannot be verified', () => {
      expect(docFinding(viaRef([{ parameter_key: 'N', parameter_value: '2' }]), ID).message).toContain('asks for 2 IPv6 addresses');
      expect(docFinding(viaRef([{ parameter_key: 'Other', parameter_value: '2' }], { N: { Type: 'Number', Default: 3 } }), ID).message).toContain('asks for 3 IPv6 addresses');
      expect(docFinding(viaRef([], { N: { Type: 'Number' } }), ID).message).toContain('Ipv6AddressCount the template parameter N is neither passed in parameters nor has a Default');
    });

    test('no parameters at all: the Default is still used', () => {
      expect(docFinding(viaRef(undefined, { N: { Type: 'Number', Default: 1 } }), ID).message).toContain('asks for 1 IPv6 address');
    });

    test.each([
      ['a pseudo parameter', [], {}, 'ALIYUN::Region', 'it is the ROS pseudo parameter ALIYUN::Region'],
      ['a Ref to a template resource', [], {}, 'SomeResource', '{Ref: SomeResource} names no template parameter (a resource of the template, known only at deploy time)'],
      ['parameters given as an expression', '${var.params}', {}, 'N', 'its parameters are the expression ${var.params}'],
      ['parameters that are not a list', { parameter_key: 'N' }, {}, 'N', 'its parameters are not a list of blocks'],
      ['a parameter key that is an expression', [{ parameter_key: '${var.k}', parameter_value: '1' }], {}, 'N', 'a parameter key is not a literal'],
      ['a parameter that is not a block', ['N=1'], {}, 'N', 'a parameter key is not a literal'],
      ['a dynamic parameters block', undefined, { dynamic: { parameters: { for_each: '${var.p}' } } }, 'N', 'its parameters are a dynamic block'],
    ])('%s cannot be verified, and says why', (_what, parameters, extra, ref, why) => {
      const f = docFinding(viaRef(parameters, { N: { Type: 'Number' } }, ref, extra), ID);
      expect(f.status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
      expect(f.message).toContain(`: Ipv6AddressCount ${why}`);
    });

    test('a Ref with other keys beside it is read as a literal object, not followed', () => {
      const doc = tfDoc({ alicloud_ros_stack: { eci: { template_body: rosBody({ Eci: rosEci({ Ipv6AddressCount: { Ref: 'N', Extra: 1 } }) }), parameters: [{ parameter_key: 'N', parameter_value: '1' }] } } });
      expect(docFinding(doc, ID).message).toContain('asks for a non-numeric number of IPv6 addresses');
    });
  });

  describe('ROS stacks whose template cannot be read are reported once, as not verifiable', () => {
    const opaque = (body: Record<string, unknown>) => docFinding(tfDoc({ alicloud_ros_stack: { r: { stack_name: 'r', ...body } } }), ID);

    test.each([
      ['template_url', { template_url: 'oss://b/t.json' }, 'its template comes from template_url oss://b/t.json'],
      ['no template at all', {}, 'it has no template_body'],
      ['a template_body that is not a string', { template_body: { Resources: {} } }, 'its template_body is not a string'],
      ['a whole-value expression', { template_body: '${file("t.json")}' }, 'its template_body is the expression ${file("t.json")}, known only at apply time'],
      ['invalid JSON', { template_body: '{"Resources": ' }, 'its template_body is not valid JSON ('],
    ])('%s', (_what, body, why) => {
      const f = opaque(body);
      expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, address: 'alicloud_ros_stack.r' });
      expect(f.message).toContain(`Cannot verify at synth time the ECIs of ROS stack alicloud_ros_stack.r: ${why}`);
      expect(f.message).toMatch(/, so none of the IPv6 rules can read its ALIYUN::ECI::ContainerGroup resources$/);
      expect(f.fix).toBe('pass the template as literal JSON in template_body (ContainerGroup does), with unknown values as template parameters');
    });

    test('a JSON template with interpolations inside its string values is read', () => {
      expect(opaque({ template_body: `  ${rosBody({ Eci: rosEci({ VSwitchId: '${alicloud_vswitch.x.id}', Ipv6AddressCount: 1 }) })}` }).status).toBe(Ipv6CheckStatus.COMPLIANT);
    });

    test('a template without Resources, or with resources of other types, holds no ECI', () => {
      const doc = tfDoc({
        alicloud_ros_stack: {
          a: { template_body: '{"ROSTemplateFormatVersion": "2015-09-01"}' },
          b: { template_body: '[1, 2]' },
          c: { template_body: rosBody({ Bucket: { Type: 'ALIYUN::OSS::Bucket', Properties: { Ipv6AddressCount: 5 } }, Bad: 'x' }) },
        },
      });
      expect(docFindings(doc, ID)).toEqual([]);
    });

    test('an ECI resource without Properties asks for no IPv6 address', () => {
      expect(opaque({ template_body: rosBody({ Eci: { Type: 'ALIYUN::ECI::ContainerGroup' } }) }).message).toMatch(/asks for no IPv6 address$/);
    });
  });
});
