import { TerraformLocal, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { errorOf, setup } from './util';
import { ContainerDefinition, ContainerGroup, ContainerGroupFleet, Ipv6Checks } from '../../src';
import { toEssRegistry, toNativeRegistry, toRosRegistry } from '../../src/eci/container-mapping';

const IMAGE = 'registry.cn-huhehaote.aliyuncs.com/team/app:1.0';
const SERVER = 'registry.cn-huhehaote.aliyuncs.com';
const LITERAL_PASSWORD = 'Hunter2-do-not-leak';

function containers(extra: Partial<ContainerDefinition> = {}): ContainerDefinition[] {
  return [{ name: 'app', image: IMAGE, ...extra }];
}

function registryStack() {
  const s = setup();
  const password = new TerraformVariable(s.stack, 'RegistryPassword', { type: 'string', sensitive: true });
  const apiKey = new TerraformVariable(s.stack, 'ApiKey', { type: 'string', sensitive: true });
  const access = {
    acrInstances: [{ instanceId: 'cri-abc123', instanceName: 'team-acr', regionId: 'cn-huhehaote', domains: ['team-registry.cn-huhehaote.cr.aliyuncs.com'] }],
    imageRegistryCredentials: [{ server: SERVER, userName: 'deploy@team', password: password.stringValue }],
    ramRoleName: 'eci-pull-role',
    autoMatchImageCache: true,
  };
  return { ...s, password, apiKey, access };
}

function synth(stack: TerraformStack): { text: string; tf: any } {
  const text = Testing.synth(stack);
  expect(text).toBeValidAlicloudPlan();
  return { text, tf: JSON.parse(text) };
}

const only = (tf: any, type: string): any => {
  const all = Object.values(tf.resource?.[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
};

/** A backend-neutral view of the registry settings. */
function canonNative(r: any) {
  return {
    acr: r.acrRegistryInfo?.map((a: any) => [a.instanceId, a.instanceName, a.regionId, a.domains]),
    creds: r.imageRegistryCredential?.map((c: any) => [c.server, c.userName, c.password]),
    role: r.ramRoleName,
    cache: r.autoMatchImageCache,
  };
}
function canonEss(r: any) {
  return {
    acr: r.acrRegistryInfos?.map((a: any) => [a.instanceId, a.instanceName, a.regionId, a.domains]),
    creds: r.imageRegistryCredentials?.map((c: any) => [c.server, c.username, c.password]),
    role: r.ramRoleName,
    cache: r.autoMatchImageCache,
  };
}
function canonRos(r: any) {
  return {
    acr: r.AcrRegistryInfo?.map((a: any) => [a.InstanceId, a.InstanceName, a.RegionId, a.Domain]),
    creds: r.ImageRegistryCredential?.map((c: any) => [c.Server, c.UserName, c.Password]),
    role: r.RamRoleName,
    cache: r.AutoMatchImageCache,
  };
}

describe('registry access, three backends', () => {
  const input = {
    acrInstances: [{ instanceId: 'cri-1', instanceName: 'acr', regionId: 'cn-hangzhou', domains: ['a.cn-hangzhou.cr.aliyuncs.com'] }],
    imageRegistryCredentials: [{ server: 'r.example.com', userName: 'u', password: '${var.p}' }],
    ramRoleName: 'role',
    autoMatchImageCache: true,
    imageSnapshotId: 'imc-1',
  };

  test('native, ESS and ROS mappings carry the same registry settings', () => {
    const native = canonNative(toNativeRegistry(input));
    expect(canonEss(toEssRegistry(input))).toEqual(native);
    expect(canonRos(toRosRegistry(input))).toEqual(native);
    expect(native).toEqual({
      acr: [['cri-1', 'acr', 'cn-hangzhou', ['a.cn-hangzhou.cr.aliyuncs.com']]],
      creds: [['r.example.com', 'u', '${var.p}']],
      role: 'role',
      cache: true,
    });
  });

  test('the image snapshot goes to ESS and ROS; the native resource has no such argument', () => {
    expect(toEssRegistry(input).imageSnapshotId).toBe('imc-1');
    expect(toRosRegistry(input).ImageSnapshotId).toBe('imc-1');
    expect(Object.keys(toNativeRegistry(input))).not.toContain('imageSnapshotId');
  });

  test('nothing set writes nothing', () => {
    expect(toNativeRegistry({})).toEqual({});
    expect(toEssRegistry({})).toEqual({});
    expect(toRosRegistry({ acrInstances: [], imageRegistryCredentials: [] })).toEqual({});
  });
});

describe('private images with a sensitive password', () => {
  test('native: acr_registry_info, image_registry_credential with var reference, ram_role_name', () => {
    const { stack, vpc, securityGroup, access } = registryStack();
    new ContainerGroup(stack, 'App', { vpc, securityGroup, containers: containers(), ...access });
    const { text, tf } = synth(stack);
    const r = only(tf, 'alicloud_eci_container_group');
    expect(r.acr_registry_info).toEqual([{ instance_id: 'cri-abc123', instance_name: 'team-acr', region_id: 'cn-huhehaote', domains: ['team-registry.cn-huhehaote.cr.aliyuncs.com'] }]);
    expect(r.image_registry_credential).toEqual([{ server: SERVER, user_name: 'deploy@team', password: '${var.RegistryPassword}' }]);
    expect(r.ram_role_name).toBe('eci-pull-role');
    expect(r.auto_match_image_cache).toBe(true);
    expect(tf.variable.RegistryPassword).toEqual({ type: 'string', sensitive: true });
    expect(text).not.toContain(LITERAL_PASSWORD);
  });

  test('ESS: acr_registry_infos and image_registry_credentials (username), image_snapshot_id', () => {
    const { stack, vpc, securityGroup, access } = registryStack();
    new ContainerGroupFleet(stack, 'Fleet', { vpc, securityGroup, minSize: 1, maxSize: 2, containers: containers(), ...access, imageSnapshotId: 'imc-cache1' });
    const { tf } = synth(stack);
    const r = only(tf, 'alicloud_ess_eci_scaling_configuration');
    expect(r.acr_registry_infos).toEqual([expect.objectContaining({ instance_id: 'cri-abc123', region_id: 'cn-huhehaote' })]);
    expect(r.image_registry_credentials).toEqual([{ server: SERVER, username: 'deploy@team', password: '${var.RegistryPassword}' }]);
    expect(r).toMatchObject({ ram_role_name: 'eci-pull-role', auto_match_image_cache: true, image_snapshot_id: 'imc-cache1' });
  });

  test('ROS: the password is a NoEcho template parameter; the template holds only {Ref}', () => {
    const { stack, vpc, securityGroup, access, apiKey } = registryStack();
    new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      ipv6AddressCount: 1,
      ...access,
      imageSnapshotId: 'imc-cache1',
      containers: containers({ environment: { MODE: 'prod' }, secretEnvironment: { API_KEY: apiKey.stringValue } }),
    });
    const { text, tf } = synth(stack);
    const rs = only(tf, 'alicloud_ros_stack');
    const template = JSON.parse(rs.template_body);
    const group = template.Resources.ContainerGroup.Properties;
    expect(group).toMatchObject({ RamRoleName: 'eci-pull-role', AutoMatchImageCache: true, ImageSnapshotId: 'imc-cache1' });
    expect(group.AcrRegistryInfo).toEqual([{ InstanceId: 'cri-abc123', InstanceName: 'team-acr', RegionId: 'cn-huhehaote', Domain: ['team-registry.cn-huhehaote.cr.aliyuncs.com'] }]);
    const cred = group.ImageRegistryCredential[0];
    expect(cred).toMatchObject({ Server: SERVER, UserName: 'deploy@team', Password: { Ref: expect.stringMatching(/^Param\d+$/) } });
    expect(template.Parameters[cred.Password.Ref]).toEqual({ Type: 'String', NoEcho: true });
    const env = group.Container[0].EnvironmentVar;
    expect(env[0]).toEqual({ Key: 'API_KEY', Value: { Ref: expect.stringMatching(/^Param\d+$/) } });
    expect(env[1]).toEqual({ Key: 'MODE', Value: 'prod' });
    expect(template.Parameters[env[0].Value.Ref]).toEqual({ Type: 'String', NoEcho: true });
    // non-secret parameters stay visible
    expect(template.Parameters.VSwitchId).toEqual({ Type: 'String' });
    const passed = Object.fromEntries(rs.parameters.map((p: any) => [p.parameter_key, p.parameter_value]));
    expect(passed[cred.Password.Ref]).toBe('${var.RegistryPassword}');
    expect(passed[env[0].Value.Ref]).toBe('${var.ApiKey}');
    expect(rs.template_body).not.toContain('var.');
    expect(text).not.toContain(LITERAL_PASSWORD);
  });

  test('an environment value that is a sensitive variable is NoEcho on ROS too', () => {
    const { stack, vpc, securityGroup, apiKey } = registryStack();
    new ContainerGroup(stack, 'App', { vpc, securityGroup, ipv6AddressCount: 1, containers: containers({ environment: { API_KEY: apiKey.stringValue } }) });
    const rs = only(synth(stack).tf, 'alicloud_ros_stack');
    const template = JSON.parse(rs.template_body);
    const ref = template.Resources.ContainerGroup.Properties.Container[0].EnvironmentVar[0].Value.Ref;
    expect(template.Parameters[ref].NoEcho).toBe(true);
  });

  test('the rule-pack reports hold no secret', () => {
    const { stack, vpc, securityGroup, access } = registryStack();
    new ContainerGroup(stack, 'App', { vpc, securityGroup, ipv6AddressCount: 1, containers: containers(), ...access });
    Testing.synth(stack);
    const findings = JSON.stringify(Ipv6Checks.findingsOf(stack));
    expect(findings).not.toContain(LITERAL_PASSWORD);
    expect(findings).not.toContain('var.RegistryPassword');
  });
});

describe('secrets never as literals', () => {
  test('a literal password is one synth error naming the path, the prop and the fix, without echoing it', () => {
    const { stack, vpc, securityGroup } = setup();
    const msg = errorOf(() => new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      containers: containers(),
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: LITERAL_PASSWORD }],
    }));
    expect(msg).toContain("ContainerGroup at 'test/App'");
    expect(msg).toContain('imageRegistryCredentials[0].password: is a literal string');
    expect(msg).toContain("new TerraformVariable(this, 'RegistryPassword', { type: 'string', sensitive: true })");
    expect(msg).toContain('password: registryPassword.stringValue');
    expect(msg).not.toContain(LITERAL_PASSWORD);
  });

  test('the same on the fleet, and for a literal secretEnvironment value', () => {
    const { stack, vpc, securityGroup } = setup();
    const msg = errorOf(() => new ContainerGroupFleet(stack, 'Fleet', {
      vpc,
      securityGroup,
      minSize: 1,
      maxSize: 1,
      containers: containers({ secretEnvironment: { TOKEN: LITERAL_PASSWORD } }),
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: LITERAL_PASSWORD }],
    }));
    expect(msg).toContain("ContainerGroupFleet at 'test/Fleet' has 2 invalid props");
    expect(msg).toContain('imageRegistryCredentials[0].password: is a literal string');
    expect(msg).toContain('containers[0].secretEnvironment.TOKEN: is a literal string');
    expect(msg).not.toContain(LITERAL_PASSWORD);
  });

  test('a variable that is not sensitive is an error naming the variable', () => {
    const { stack, vpc, securityGroup } = setup();
    const plain = new TerraformVariable(stack, 'PlainPassword', { type: 'string' });
    const msg = errorOf(() => new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      containers: containers(),
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: plain.stringValue }],
    }));
    expect(msg).toContain("imageRegistryCredentials[0].password: is the variable 'PlainPassword', which is not sensitive");
    expect(msg).toContain('sensitive: true');
  });

  test('other tokens (a local over a data source value) are accepted', () => {
    const { stack, vpc, securityGroup } = setup();
    const secret = new TerraformLocal(stack, 'pw', '${data.alicloud_kms_secret_versions.pw.versions[0].secret_data}');
    expect(() => new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      containers: containers(),
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: secret.asString }],
    })).not.toThrow();
  });

  test('limits and shapes: 10 logins, schemes, duplicates, missing fields, env in both maps, snapshot on native', () => {
    const { stack, vpc, securityGroup } = setup();
    const pw = new TerraformVariable(stack, 'Pw', { type: 'string', sensitive: true }).stringValue;
    const creds = Array.from({ length: 11 }, (_, i) => ({ server: `r${i}.example.com`, userName: 'u', password: pw }));
    creds[1] = { server: 'https://r0.example.com', userName: '', password: pw };
    creds[2] = { server: 'r0.example.com', userName: 'u', password: pw };
    const msg = errorOf(() => new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      imageSnapshotId: 'imc-1',
      containers: containers({ environment: { A: '1' }, secretEnvironment: { A: pw } }),
      imageRegistryCredentials: creds,
      acrInstances: [{ instanceId: '', domains: ['https://x.cr.aliyuncs.com'] }],
    }));
    expect(msg).toContain('imageRegistryCredentials: has 11 items; ECI takes at most 10');
    expect(msg).toContain("imageRegistryCredentials[1].server: 'https://r0.example.com' has a scheme");
    expect(msg).toContain('imageRegistryCredentials[1].userName: is missing');
    expect(msg).toContain("imageRegistryCredentials[2].server: 'r0.example.com' has another login");
    expect(msg).toContain('acrInstances[0].instanceId: is missing');
    expect(msg).toContain("acrInstances[0].domains[0]: 'https://x.cr.aliyuncs.com' is not a domain name");
    expect(msg).toContain('containers[0].secretEnvironment.A: is also in environment');
    expect(msg).toContain('imageSnapshotId: is set, but without IPv6');
  });
});
