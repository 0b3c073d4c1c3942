import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { docFinding, docFindings, ipv6Net, rosStack, tfDoc } from '../doc';

const ID = Ipv6RuleId.ACR_INSTANCE_REGION;
const LABEL = "ECI 'Eci' (ALIYUN::ECI::ContainerGroup) in the ROS template of alicloud_ros_stack.eci";
const IMAGE = [{ Name: 'app', Image: 'shop-registry.cn-hangzhou.cr.aliyuncs.com/shop/app:1' }];

/** A ROS ECI (at doc/Eci) pulling from the ACR EE instances `acr` (AcrRegistryInfo), under `provider` (cn-hangzhou by default). */
function ros(acr: unknown[], provider: unknown = { region: 'cn-hangzhou' }) {
  return tfDoc(ipv6Net({
    alicloud_ros_stack: { eci: rosStack({ Container: IMAGE, AcrRegistryInfo: acr }, { '//': { metadata: { path: 'doc/Eci' } } }) },
  }), {}, provider);
}

describe('ALI-IPV6-013 acr-instance-region', () => {
  test('compliant: every instance is in the provider\'s region, or gives no region (the ECI\'s)', () => {
    expect(docFinding(ros([{ InstanceId: 'cri-1', RegionId: 'cn-hangzhou' }, { InstanceId: 'cri-2' }]), ID)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      constructPath: 'doc/Eci',
      message: `the ACR EE instances of ${LABEL} are in its region`,
    });
  });

  test('non-compliant (warning): an instance in another region, named with its index and ID', () => {
    const f = docFinding(ros([{ InstanceId: 'cri-1' }, { InstanceId: 'cri-far', RegionId: 'cn-beijing' }]), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, constructPath: 'doc/Eci', address: 'alicloud_ros_stack.eci' });
    expect(f.message).toBe(`${LABEL} runs in cn-hangzhou but AcrRegistryInfo[1] (cri-far) is in cn-beijing; `
      + 'cross-region pulls go over the Internet (slow, billed, and failing without a public endpoint)');
    expect(f.fix).toBe('use an ACR EE instance in cn-hangzhou (replicate the repositories with ACR instance replication), or suppress ALI-IPV6-013 with the reason');
  });

  test('non-compliant (warning): the Terraform fields of a native container group (acr_registry_info.region_id)', () => {
    const f = docFinding(tfDoc(ipv6Net({
      alicloud_eci_container_group: {
        n: {
          container_group_name: 'n',
          security_group_id: '${alicloud_security_group.g.id}',
          vswitch_id: '${alicloud_vswitch.s.id}',
          containers: [{ name: 'app', image: 'shop-registry.cn-hangzhou.cr.aliyuncs.com/shop/app:1' }],
          acr_registry_info: [{ instance_id: 'cri-far', region_id: 'cn-shenzhen' }],
        },
      },
    })), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, address: 'alicloud_eci_container_group.n' });
    expect(f.message).toContain('ECI alicloud_eci_container_group.n runs in cn-hangzhou but acr_registry_info[0] (cri-far) is in cn-shenzhen');
  });

  test('cannot verify (info): an instance region from an expression, or a provider without a literal region', () => {
    const expr = docFinding(ros([{ InstanceId: 'cri-1', RegionId: '${var.acr_region}' }]), ID);
    expect(expr).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, constructPath: 'doc/Eci' });
    expect(expr.message).toContain(`Cannot verify at synth time the region of AcrRegistryInfo[0] of ${LABEL}`);
    expect(expr.fix).toBe('give a literal regionId, or leave it out for the ECI\'s region');

    const noRegion = docFinding(ros([{ InstanceId: 'cri-1', RegionId: 'cn-hangzhou' }], {}), ID);
    expect(noRegion).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(noRegion.message).toContain(`that AcrRegistryInfo[0] (cn-hangzhou) is in the region of ${LABEL}: the default provider "alicloud" sets no region`);
    expect(noRegion.fix).toBe('set a literal region on the alicloud provider');
  });

  test('an ECI without ACR EE instances is not a subject', () => {
    expect(docFindings(ros([]), ID)).toEqual([]);
  });
});
