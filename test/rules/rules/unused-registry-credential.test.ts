import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { docFinding, docFindings, ipv6Net, rosStack, tfDoc } from '../doc';

const ID = Ipv6RuleId.UNUSED_REGISTRY_CREDENTIAL;
const LABEL = "ECI 'Eci' (ALIYUN::ECI::ContainerGroup) in the ROS template of alicloud_ros_stack.eci";
const APP = 'registry.cn-hangzhou.aliyuncs.com/shop/app:1.4';
const login = (server: string) => ({ Server: server, UserName: 'ci', Password: '${var.pw}' });

/** A ROS ECI (at doc/Eci) running `images` with registry logins for `servers`. */
function ros(images: unknown[], servers: string[]) {
  const eci = { Container: images.map((Image, i) => ({ Name: `c${i}`, Image })), ImageRegistryCredential: servers.map(login) };
  return tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack(eci, { '//': { metadata: { path: 'doc/Eci' } } }) } }));
}

describe('ALI-IPV6-014 unused-registry-credential', () => {
  test('compliant: every login is for a host an image comes from (lower case, no scheme, Docker Hub aliases as one)', () => {
    expect(docFinding(ros([APP, 'busybox:1.36'], ['HTTPS://Registry.cn-hangzhou.aliyuncs.com/', 'registry-1.docker.io']), ID)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      constructPath: 'doc/Eci',
      message: `every registry login of ${LABEL} is for a registry its images use`,
    });
  });

  test('non-compliant (warning): a login for a server no image uses (registry-vpc. instead of registry.)', () => {
    const f = docFinding(ros([APP], ['registry-vpc.cn-hangzhou.aliyuncs.com']), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, constructPath: 'doc/Eci', address: 'alicloud_ros_stack.eci' });
    expect(f.message).toBe(`${LABEL} has ImageRegistryCredential[0] (registry-vpc.cn-hangzhou.aliyuncs.com), but none of its images comes from that server (images: ${APP})`);
    expect(f.fix).toContain('give the login the server of the image exactly as in the image reference');
    expect(f.fix).toContain('or remove it');
  });

  test('non-compliant (warning): several unused logins are listed; the used one is not', () => {
    const f = docFinding(ros([APP], ['registry.cn-hangzhou.aliyuncs.com', 'registry.cn-shanghai.aliyuncs.com', 'quay.io']), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING });
    expect(f.message).toContain('has ImageRegistryCredential[1] (registry.cn-shanghai.aliyuncs.com), ImageRegistryCredential[2] (quay.io), but none of its images comes from these servers');
    expect(f.message).not.toContain('[0]');
  });

  test('cannot verify (info): an image is an expression, so the logins it may use are unknown', () => {
    const f = docFinding(ros([APP, '${var.image}'], ['quay.io']), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, constructPath: 'doc/Eci' });
    expect(f.message).toBe(`Cannot verify at synth time that the registry logins of ${LABEL} are used: an image is an expression known only at apply time`);
  });

  test('an ECI without registry logins is not a subject', () => {
    expect(docFindings(ros([APP], []), ID)).toEqual([]);
  });
});
