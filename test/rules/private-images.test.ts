import { TerraformVariable } from 'cdktf';
import { findingsOf, newStack, only, statuses } from './util';
import { alicloud, ContainerGroup, ContainerGroupFleet, DualStackVpc, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId, SecurityGroup } from '../../src';

const PRIVATE = 'registry.cn-huhehaote.aliyuncs.com/team/app:1.0';

function base(region = 'cn-huhehaote') {
  const stack = newStack(region);
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: [`${region}-a`] });
  const securityGroup = new SecurityGroup(stack, 'Sg', { vpc });
  const pw = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true }).stringValue;
  return { stack, vpc, securityGroup, pw };
}

describe('ALI-IPV6-012 private-image-access', () => {
  test('a private image without any way to log in is a warning naming the image, the props and the fix', () => {
    const { stack, vpc, securityGroup } = base();
    new ContainerGroup(stack, 'App', { vpc, securityGroup, containers: [{ name: 'app', image: PRIVATE }] });
    const f = only(stack, Ipv6RuleId.PRIVATE_IMAGE_ACCESS);
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.level).toBe('warning');
    expect(f.constructPath).toBe('test/App');
    expect(f.message).toContain(`pulls ${PRIVATE} from registry.cn-huhehaote.aliyuncs.com but has no registry login`);
    expect(f.message).toContain('no ACR EE instance (acrInstances) and no RAM role (ramRoleName)');
    expect(f.fix).toContain("imageRegistryCredentials: [{ server: 'registry.cn-huhehaote.aliyuncs.com'");
  });

  test('an ACR instance, a RAM role or a login for the host is enough, on every backend; public images are not checked', () => {
    const { stack, vpc, securityGroup, pw } = base();
    const containers = [{ name: 'app', image: PRIVATE }];
    new ContainerGroup(stack, 'Acr', { vpc, securityGroup, containers, ipv6AddressCount: 1, acrInstances: [{ instanceId: 'cri-1' }] });
    new ContainerGroup(stack, 'Role', { vpc, securityGroup, containers, ramRoleName: 'pull' });
    new ContainerGroupFleet(stack, 'Login', { vpc, securityGroup, minSize: 1, maxSize: 1, containers, imageRegistryCredentials: [{ server: 'registry.cn-huhehaote.aliyuncs.com', userName: 'u', password: pw }] });
    new ContainerGroup(stack, 'Public', { vpc, securityGroup, containers: [{ name: 'web', image: 'nginx:alpine' }] });
    expect(statuses(stack, Ipv6RuleId.PRIVATE_IMAGE_ACCESS)).toEqual(['compliant', 'compliant', 'compliant']);
  });

  test('a login for another host does not count; ROS templates are read too', () => {
    const { stack, vpc, securityGroup, pw } = base();
    new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      ipv6AddressCount: 1,
      containers: [{ name: 'app', image: PRIVATE }],
      imageRegistryCredentials: [{ server: 'registry-vpc.cn-huhehaote.aliyuncs.com', userName: 'u', password: pw }],
    });
    expect(only(stack, Ipv6RuleId.PRIVATE_IMAGE_ACCESS).status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
  });

  test('suppressible like every rule', () => {
    const { stack, vpc, securityGroup } = base();
    const app = new ContainerGroup(stack, 'App', { vpc, securityGroup, containers: [{ name: 'app', image: PRIVATE }] });
    Ipv6Checks.suppress(app, Ipv6RuleId.PRIVATE_IMAGE_ACCESS, 'the team/app repository is public');
    const f = only(stack, Ipv6RuleId.PRIVATE_IMAGE_ACCESS);
    expect(f.status).toBe(Ipv6CheckStatus.SUPPRESSED);
    expect(f.suppressionReason).toBe('the team/app repository is public');
  });
});

describe('ALI-IPV6-013 acr-instance-region', () => {
  test('an instance in another region is a warning; the same region or none given is fine', () => {
    const { stack, vpc, securityGroup } = base();
    const containers = [{ name: 'app', image: 'team-registry.cn-hangzhou.cr.aliyuncs.com/team/app:1' }];
    new ContainerGroup(stack, 'Far', { vpc, securityGroup, containers, acrInstances: [{ instanceId: 'cri-far', regionId: 'cn-hangzhou' }] });
    new ContainerGroupFleet(stack, 'Near', { vpc, securityGroup, minSize: 1, maxSize: 1, containers, acrInstances: [{ instanceId: 'cri-1', regionId: 'cn-huhehaote' }, { instanceId: 'cri-2' }] });
    const far = only(stack, Ipv6RuleId.ACR_INSTANCE_REGION, 'Far');
    expect(far.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(far.level).toBe('warning');
    expect(far.message).toContain('runs in cn-huhehaote but acrInstances[0] (cri-far) is in cn-hangzhou');
    expect(only(stack, Ipv6RuleId.ACR_INSTANCE_REGION, 'Near').status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('a ROS-backed group is checked through its template; a token region cannot be verified', () => {
    const { stack, vpc, securityGroup } = base();
    const region = new TerraformVariable(stack, 'acr_region', { type: 'string' }).stringValue;
    const containers = [{ name: 'app', image: 'nginx:alpine' }];
    new ContainerGroup(stack, 'Ros', { vpc, securityGroup, containers, ipv6AddressCount: 1, acrInstances: [{ instanceId: 'cri-far', regionId: 'cn-shanghai' }] });
    new ContainerGroup(stack, 'Tok', { vpc, securityGroup, containers, acrInstances: [{ instanceId: 'cri-x', regionId: region }] });
    expect(only(stack, Ipv6RuleId.ACR_INSTANCE_REGION, 'Ros').status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(only(stack, Ipv6RuleId.ACR_INSTANCE_REGION, 'Tok').status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
  });
});

describe('ALI-IPV6-014 unused-registry-credential', () => {
  test('a login for a server no image uses is a warning; Docker Hub aliases match', () => {
    const { stack, vpc, securityGroup, pw } = base();
    new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      containers: [{ name: 'app', image: PRIVATE }, { name: 'side', image: 'busybox:1.36' }],
      imageRegistryCredentials: [
        { server: 'registry.cn-huhehaote.aliyuncs.com', userName: 'u', password: pw },
        { server: 'index.docker.io', userName: 'u', password: pw },
        { server: 'registry.cn-hangzhou.aliyuncs.com', userName: 'u', password: pw },
      ],
    });
    const f = only(stack, Ipv6RuleId.UNUSED_REGISTRY_CREDENTIAL);
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toContain('has imageRegistryCredentials[2] (registry.cn-hangzhou.aliyuncs.com), but none of its images comes from that server');
    expect(f.message).not.toContain('[0]');
    expect(f.message).not.toContain('[1]');
  });

  test('no logins, no subject; a raw ESS configuration is named by its fields', () => {
    const { stack, vpc, securityGroup } = base();
    new ContainerGroup(stack, 'App', { vpc, securityGroup, containers: [{ name: 'app', image: 'nginx:alpine' }] });
    const sg = new alicloud.essScalingGroup.EssScalingGroup(stack, 'Sgrp', { minSize: 0, maxSize: 1, groupType: 'ECI', vswitchIds: [vpc.vSwitches[0].vSwitchId] });
    new alicloud.essEciScalingConfiguration.EssEciScalingConfiguration(stack, 'Raw', {
      scalingGroupId: sg.id,
      securityGroupId: securityGroup.securityGroupId,
      containers: [{ name: 'app', image: 'nginx:alpine' }],
      imageRegistryCredentials: [{ server: 'registry.cn-huhehaote.aliyuncs.com', username: 'u', password: '${var.pw}' }],
    });
    const all = findingsOf(stack, Ipv6RuleId.UNUSED_REGISTRY_CREDENTIAL);
    expect(all).toHaveLength(1);
    expect(all[0].message).toContain('image_registry_credentials[0] (registry.cn-huhehaote.aliyuncs.com)');
  });
});
