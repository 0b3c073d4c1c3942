import { docFinding, docFindings, ipv6Net, rosStack, tfDoc } from './doc';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

const ID = Ipv6RuleId.INSTANCE_FAMILY;
const LABEL = "ECI 'Eci' (ALIYUN::ECI::ContainerGroup) in the ROS template of alicloud_ros_stack.eci";
const withType = (type: unknown) => tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ InstanceType: type }) } }));

describe('ALI-IPV6-002 messages', () => {
  test('an ECI sized by vCPU and memory is compliant, and says so', () => {
    expect(docFinding(withType(undefined), ID).message).toBe(`${LABEL} is sized by vCPU and memory, which always supports IPv6`);
  });

  test('IPv6 families are compliant; the message lists every type', () => {
    expect(docFinding(withType('ecs.g7.large, ecs.c7.xlarge'), ID)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      message: `${LABEL}: every instance type (ecs.g7.large, ecs.c7.xlarge) is of a family with IPv6`,
    });
  });

  test('one type without IPv6: "does not", with the source of the fact', () => {
    const f = docFinding(withType('ecs.g7.large,ecs.ic5.large'), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(f.message).toBe(`${LABEL} asks for an IPv6 address but InstanceType has ecs.ic5.large (family ic5), which does not support IPv6; the API would fail with Ipv6AddressNotSupportInstanceType (source: https://help.aliyun.com/zh/ecs/user-guide/step-1-create-a-vpc-that-supports-ipv6-addressing-step-1-create-a-vpc-that-supports-ipv6-addressing, read 2026-12 (undated page))`);
    expect(f.fix).toBe('use instance types of an IPv6 family (for example ecs.g8i.large, ecs.c8i.large, ecs.r8i.large, ecs.g7.large), or size the ECI by cpu and memory, which always supports IPv6');
  });

  test('several types without IPv6: "do not", each source once', () => {
    const f = docFinding(withType('ecs.ic5.large,ecs.se1.large,ecs.gn5-c4g1.xlarge,ecs.ebmg5.24xlarge,ecs.sn1.medium'), ID);
    expect(f.message).toContain('has ecs.ic5.large (family ic5), ecs.se1.large (family se1), ecs.gn5-c4g1.xlarge (family gn5), ecs.ebmg5.24xlarge (family ebmg5), ecs.sn1.medium (family sn1), which do not support IPv6');
    const sources = /\(source: (.*)\)$/.exec(f.message)![1].split('; ');
    expect(sources).toEqual([
      'https://help.aliyun.com/zh/ecs/user-guide/step-1-create-a-vpc-that-supports-ipv6-addressing-step-1-create-a-vpc-that-supports-ipv6-addressing, read 2026-12 (undated page)',
      'https://www.alibabacloud.com/help/en/ecs/user-guide/step-1-create-a-vpc-that-supports-ipv6-addressing-step-1-create-a-vpc-that-supports-ipv6-addressing, read 2026-12 (undated page)',
    ]);
  });

  test('an unknown family is a warning naming it; a name that is not ecs.<family>.<size> says so', () => {
    const one = docFinding(withType('ecs.g9a.large'), ID);
    expect(one).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.WARNING });
    expect(one.message).toBe(`Cannot verify at synth time that ecs.g9a.large (family g9a) of ${LABEL} supports IPv6: the family is not in the pack's facts`);
    expect(one.fix).toBe('confirm it before deploying: DescribeInstanceTypes returns EniIpv6AddressQuantity (IPv6 addresses per ENI; 0 means no IPv6) for the type, and the plan-time guard of ContainerGroup / ContainerGroupFleet'
      + ' (data.alicloud_instance_types with minimum_eni_ipv6_address_quantity = 1, on unless instanceTypeGuard: false) fails terraform plan when the type has no IPv6;'
      + " then declare the family with new Ipv6Checks({ additionalIpv6Families: ['g9a'] }) (or additionalNonIpv6Families)");
    const two = docFinding(withType('ecs.g9a.large,g7-large'), ID);
    expect(two.message).toBe(`Cannot verify at synth time that ecs.g9a.large (family g9a), g7-large (not an ecs.<family>.<size> name) of ${LABEL} support IPv6: the family is not in the pack's facts`);
  });

  test('a known bad family wins over an unknown one (error, not warning)', () => {
    expect(docFinding(withType('ecs.g9a.large,ecs.ic5.large'), ID).status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
  });

  test('lowering the rule to INFO also lowers the unknown-family warning', () => {
    const f = docFinding(withType('ecs.g9a.large'), ID, undefined, { ruleLevels: { [ID]: Ipv6CheckLevel.INFO } });
    expect(f.level).toBe(Ipv6CheckLevel.INFO);
  });

  test('an instance type that is a ROS function cannot be verified: info, naming the field and the function', () => {
    const f = docFinding(withType({ 'Fn::Join': [',', ['ecs.g7.large']] }), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(f.message).toBe(`Cannot verify at synth time the instance families of ${LABEL}: InstanceType it is the ROS function Fn::Join, evaluated by ROS at deploy time`);
    expect(f.fix).toBe('use literal instance types of IPv6 families, or size the ECI by vCPU and memory');
  });

  test('ESS instance_types: every entry, comma-separated entries split, an expression entry not verifiable', () => {
    const ess = (types: unknown) => tfDoc(ipv6Net({
      alicloud_ess_scaling_group: { sg: { vswitch_ids: ['${alicloud_vswitch.s.id}'] } },
      alicloud_ess_eci_scaling_configuration: { c: { scaling_group_id: '${alicloud_ess_scaling_group.sg.id}', ipv6_address_count: 1, instance_types: types } },
    }));
    expect(docFinding(ess(['ecs.g7.large', 'ecs.c7.large,ecs.ic5.large']), ID).message)
      .toMatch(/^ECI scaling configuration alicloud_ess_eci_scaling_configuration\.c asks for an IPv6 address but instance_types has ecs\.ic5\.large \(family ic5\), which does not/);
    expect(docFinding(ess(['ecs.g7.large', '${var.t}']), ID).message).toBe('Cannot verify at synth time the instance families of ECI scaling configuration alicloud_ess_eci_scaling_configuration.c: instance_types it contains the expression ${var.t}, known only at apply time');
    expect(docFinding(ess('${var.types}'), ID).message).toContain('instance_types it is the expression ${var.types}, known only at apply time');
    expect(docFinding(ess([{ a: 1 }]), ID).message).toContain('instance_types it is not a list of strings ({"a":1})');
    expect(docFinding(ess([]), ID).message).toContain('is sized by vCPU and memory');
    expect(docFinding(ess(' , '), ID).message).toContain('is sized by vCPU and memory');
  });

  test('an ECI without IPv6 (count 0, or absent) is not a subject', () => {
    const doc = tfDoc(ipv6Net({ alicloud_ros_stack: { a: rosStack({ Ipv6AddressCount: 0, InstanceType: 'ecs.ic5.large' }), b: rosStack({ Ipv6AddressCount: undefined, InstanceType: 'ecs.ic5.large' }) } }));
    expect(docFindings(doc, ID)).toEqual([]);
  });
});
