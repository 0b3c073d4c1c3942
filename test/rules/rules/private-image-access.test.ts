import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { docFinding, docFindings, ipv6Net, rosStack, tfDoc } from '../doc';

const ID = Ipv6RuleId.PRIVATE_IMAGE_ACCESS;
const APP = 'registry.cn-hangzhou.aliyuncs.com/shop/app:1.4';
const LABEL = "ECI 'Eci' (ALIYUN::ECI::ContainerGroup) in the ROS template of alicloud_ros_stack.eci";
const meta = { '//': { metadata: { path: 'doc/Eci' } } };

/** A ROS stack (at doc/Eci) whose ECI runs `image` and has the registry access in `access` (ROS properties). */
function ros(image: unknown, access: Record<string, unknown> = {}) {
  return tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ Container: [{ Name: 'app', Image: image }], ...access }, meta) } }));
}

// The rule never reports "cannot verify": an image that is an expression is not a subject, and a login whose
// server is an expression is taken to be the login the ECI needs.
describe('ALI-IPV6-012 private-image-access', () => {
  test('compliant: a registry login for the image\'s host (ImageRegistryCredential)', () => {
    const login = { ImageRegistryCredential: [{ Server: 'registry.cn-hangzhou.aliyuncs.com', UserName: 'ci', Password: '${var.pw}' }] };
    expect(docFinding(ros(APP, login), ID)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      constructPath: 'doc/Eci',
      message: `${LABEL} has a registry login for each private registry it pulls from`,
    });
  });

  test('compliant: an ACR EE instance (AcrRegistryInfo), also for an image from one of its own domains, or a RAM role', () => {
    const acr = { AcrRegistryInfo: [{ InstanceId: 'cri-1', Domain: ['images.example.com'] }] };
    expect(docFinding(ros('images.example.com/shop/app:1', acr), ID)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      message: `${LABEL} pulls its private images through AcrRegistryInfo`,
    });
    expect(docFinding(ros(APP, { RamRoleName: 'eci-pull' }), ID).message).toBe(`${LABEL} pulls its private images with the RAM role in RamRoleName`);
    const anyServer = { ImageRegistryCredential: [{ Server: '${var.server}', UserName: 'ci', Password: '${var.pw}' }] };
    expect(docFinding(ros(APP, anyServer), ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('non-compliant (warning): an ACR image with no login, no ACR EE instance and no RAM role', () => {
    const f = docFinding(ros(APP), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, constructPath: 'doc/Eci', address: 'alicloud_ros_stack.eci' });
    expect(f.message).toBe(`${LABEL} pulls ${APP} from registry.cn-hangzhou.aliyuncs.com but has no registry login for it, `
      + 'no ACR EE instance (AcrRegistryInfo) and no RAM role (RamRoleName); the pull fails unless the repository is public');
    expect(f.fix).toContain("ImageRegistryCredential: [{ server: 'registry.cn-hangzhou.aliyuncs.com', userName, password: <a sensitive TerraformVariable> }]");
    expect(f.fix).toContain('or suppress ALI-IPV6-012 if the repository is public');
  });

  test('non-compliant (warning): a native container group whose login is for another host names every host missing one', () => {
    const f = docFinding(tfDoc(ipv6Net({
      alicloud_eci_container_group: {
        n: {
          container_group_name: 'n',
          security_group_id: '${alicloud_security_group.g.id}',
          vswitch_id: '${alicloud_vswitch.s.id}',
          containers: [{ name: 'a', image: APP }, { name: 'b', image: 'registry-vpc.cn-hangzhou.aliyuncs.com/shop/worker:2' }],
          image_registry_credential: [{ server: 'registry.cn-shanghai.aliyuncs.com', user_name: 'ci', password: '${var.pw}' }],
        },
      },
    })), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, address: 'alicloud_eci_container_group.n' });
    expect(f.message).toContain('from registry.cn-hangzhou.aliyuncs.com, registry-vpc.cn-hangzhou.aliyuncs.com but has no registry login for them');
    expect(f.message).toContain('no ACR EE instance (acr_registry_info) and no RAM role (ram_role_name)');
    expect(f.fix).toContain("image_registry_credential: [{ server: 'registry.cn-hangzhou.aliyuncs.com'");
  });

  test('public images and images that are expressions are not subjects', () => {
    expect(docFindings(ros('nginx:1.27'), ID)).toEqual([]);
    expect(docFindings(ros('ghcr.io/shop/app:1'), ID)).toEqual([]);
    expect(docFindings(ros('${var.image}'), ID)).toEqual([]);
  });
});
