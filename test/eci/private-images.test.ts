import { Fn, Lazy, TerraformLocal, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { errorOf, setup } from './util';
import { ContainerDefinition, ContainerGroup, ContainerGroupFleet, Ipv6Checks } from '../../src';
import { PropValidator } from '../../src/core/validation';
import { toEssRegistry, toNativeRegistry, toRosRegistry } from '../../src/eci/container-mapping';
import { RegistryProps, secretValues, sensitiveValueTest, StackSecretLookups } from '../../src/eci/registry';
import { validateRegistry } from '../../src/eci/validation';

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

  test('a local over a data source attribute the schema does not mark sensitive is an error; wrapped in sensitive() it is accepted', () => {
    const { stack, vpc, securityGroup } = setup();
    const data = '${data.alicloud_kms_secret_versions.pw.versions[0].secret_data}';
    const secret = new TerraformLocal(stack, 'pw', data);
    const msg = errorOf(() => new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      containers: containers(),
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: secret.asString }],
    }));
    expect(msg).toContain('imageRegistryCredentials[0].password: references local.pw, whose expression references '
      + 'data.alicloud_kms_secret_versions.pw.versions[…].secret_data, which the provider schema does not mark sensitive');
    expect(msg).toContain('Fn.sensitive(...)');
    const masked = new TerraformLocal(stack, 'masked', Fn.sensitive(secret.asString));
    expect(() => new ContainerGroup(stack, 'Masked', {
      vpc,
      securityGroup,
      containers: containers(),
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: masked.asString }],
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

/** The three ECI backends, each built with the given registry and container props. */
const BACKENDS: Array<[string, (stack: TerraformStack, id: string, base: ReturnType<typeof setup>, extra: object) => unknown, string]> = [
  ['native alicloud_eci_container_group', (stack, id, { vpc, securityGroup }, extra) => new ContainerGroup(stack, id, { vpc, securityGroup, containers: containers(), ...extra }), 'ContainerGroup'],
  ['ROS ContainerGroup with IPv6', (stack, id, { vpc, securityGroup }, extra) => new ContainerGroup(stack, id, { vpc, securityGroup, ipv6AddressCount: 1, containers: containers(), ...extra }), 'ContainerGroup'],
  ['ESS ContainerGroupFleet', (stack, id, { vpc, securityGroup }, extra) => new ContainerGroupFleet(stack, id, { vpc, securityGroup, minSize: 1, maxSize: 1, containers: containers(), ...extra }), 'ContainerGroupFleet'],
];

describe.each(BACKENDS)('secrets hidden inside expressions: %s', (_backend, build, constructName) => {
  function secretCases() {
    const base = setup();
    const { stack } = base;
    const sensitive = new TerraformVariable(stack, 'RegistryPassword', { type: 'string', sensitive: true }).stringValue;
    const plain = new TerraformVariable(stack, 'registry_user', { type: 'string' }).stringValue;
    const plainLocal = new TerraformLocal(stack, 'plain_local', plain).asString;
    return { base, stack, sensitive, plain, plainLocal };
  }

  /** The error of a group whose password and secret environment value are both `value`. */
  function errorWith(value: (c: ReturnType<typeof secretCases>) => string): string {
    const c = secretCases();
    const v = value(c);
    return errorOf(() => build(c.stack, 'App', c.base, {
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: v }],
      containers: containers({ secretEnvironment: { TOKEN: v } }),
    }));
  }

  const NOT_SENSITIVE = 'references var.registry_user, which is not sensitive, so Terraform would print the value in the plan';
  const LITERAL_TEXT = 'has literal text outside a reference, which would be written in plain text to cdk.tf.json';

  test.each([
    ['a non-sensitive variable in a function', (c: ReturnType<typeof secretCases>) => Fn.trimspace(c.plain), NOT_SENSITIVE],
    ['a non-sensitive variable through a local', (c: ReturnType<typeof secretCases>) => c.plainLocal, `references local.plain_local, whose expression ${NOT_SENSITIVE}`],
    ['a non-sensitive variable concatenated with text', (c: ReturnType<typeof secretCases>) => `Bearer ${c.plain}`, LITERAL_TEXT],
    ['a literal in a function', (_c: ReturnType<typeof secretCases>) => Fn.trimspace(LITERAL_PASSWORD), LITERAL_TEXT],
    ['literal text concatenated with a sensitive variable', (c: ReturnType<typeof secretCases>) => `${LITERAL_PASSWORD}${c.sensitive}`, LITERAL_TEXT],
  ])('%s is a synth error naming the path, the prop and the cause, never the literal', (_what, value, cause) => {
    const msg = errorWith(value);
    expect(msg).toContain(`${constructName} at 'test/App' has 2 invalid props`);
    expect(msg).toContain(`imageRegistryCredentials[0].password: ${cause}. Fix: build the value only from sensitive values`);
    expect(msg).toContain(`containers[0].secretEnvironment.TOKEN: ${cause}. Fix:`);
    expect(msg).not.toContain(LITERAL_PASSWORD);
    expect(msg).not.toContain('Bearer');
  });

  test('a sensitive variable with a literal default is an error: the default would be written to cdk.tf.json', () => {
    const c = secretCases();
    const withDefault = new TerraformVariable(c.stack, 'pw_default', { type: 'string', sensitive: true, default: LITERAL_PASSWORD }).stringValue;
    const msg = errorOf(() => build(c.stack, 'App', c.base, {
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: Fn.trimspace(withDefault) }],
    }));
    expect(msg).toContain('imageRegistryCredentials[0].password: references var.pw_default, whose default value would be written in plain text '
      + 'to cdk.tf.json (remove the default and give the value at apply, e.g. TF_VAR_pw_default)');
    expect(msg).not.toContain(LITERAL_PASSWORD);
    // a null or empty default writes no secret
    const emptyDefault = new TerraformVariable(c.stack, 'pw_empty', { type: 'string', sensitive: true, default: '' }).stringValue;
    expect(() => build(c.stack, 'Ok', c.base, { imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: emptyDefault }] })).not.toThrow();
  });

  test('sensitive values in functions, locals and sensitive() are accepted and synthesize', () => {
    const c = secretCases();
    const viaLocal = new TerraformLocal(c.stack, 'secret_local', Fn.trimspace(c.sensitive)).asString;
    build(c.stack, 'App', c.base, {
      imageRegistryCredentials: [
        { server: SERVER, userName: 'u', password: Fn.trimspace(c.sensitive) },
        { server: 'r2.example.com', userName: 'u', password: viaLocal },
        { server: 'r3.example.com', userName: 'u', password: Fn.sensitive(c.plain) },
      ],
      containers: containers({ secretEnvironment: { A: Fn.base64decode(c.sensitive), B: viaLocal } }),
    });
    const { text } = synth(c.stack);
    expect(text).toContain('trimspace(var.RegistryPassword)');
    expect(text).toContain('sensitive(var.registry_user)');
  });
});

describe('ROS: every parameter that references a sensitive value is NoEcho, wherever it is used', () => {
  test('args, commands, environment through a function, tags, working directory through a local, registry user names', () => {
    const { stack, vpc, securityGroup } = setup();
    const apiKey = new TerraformVariable(stack, 'ApiKey', { type: 'string', sensitive: true }).stringValue;
    const user = new TerraformVariable(stack, 'RegistryUser', { type: 'string', sensitive: true }).stringValue;
    const password = new TerraformVariable(stack, 'RegistryPassword', { type: 'string', sensitive: true }).stringValue;
    const plain = new TerraformVariable(stack, 'Mode', { type: 'string' }).stringValue;
    const dir = new TerraformLocal(stack, 'dir', Fn.lower(apiKey)).asString;
    new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      ipv6AddressCount: 1,
      tags: { team: Fn.sha256(apiKey), mode: plain },
      imageRegistryCredentials: [{ server: SERVER, userName: user, password }],
      containers: containers({
        commands: [`/bin/${Fn.lower(apiKey)}`],
        args: [`--token=${apiKey}`, `--mode=${plain}`],
        environment: { KEY_UPPER: Fn.upper(apiKey), MODE: plain },
        workingDir: dir,
      }),
    });
    const { text, tf } = synth(stack);
    const rs = only(tf, 'alicloud_ros_stack');
    const template = JSON.parse(rs.template_body);
    const passed: Record<string, string> = Object.fromEntries(rs.parameters.map((p: any) => [p.parameter_key, p.parameter_value]));
    const declared = (ref: { Ref: string }) => template.Parameters[ref.Ref];
    const group = template.Resources.ContainerGroup.Properties;
    const container = group.Container[0];
    const env = Object.fromEntries(container.EnvironmentVar.map((e: any) => [e.Key, e.Value]));
    const tags = Object.fromEntries(group.Tag.map((t: any) => [t.Key, t.Value]));
    const secret = { Type: 'String', NoEcho: true };
    const visible = { Type: 'String' };

    expect(declared(container.Command[0])).toEqual(secret);
    expect(passed[container.Command[0].Ref]).toBe('/bin/${lower(var.ApiKey)}');
    expect(declared(container.Arg[0])).toEqual(secret);
    expect(passed[container.Arg[0].Ref]).toBe('--token=${var.ApiKey}');
    expect(declared(env.KEY_UPPER)).toEqual(secret);
    expect(declared(tags.team)).toEqual(secret);
    expect(declared(container.WorkingDir)).toEqual(secret);
    expect(passed[container.WorkingDir.Ref]).toBe('${local.dir}');
    expect(declared(group.ImageRegistryCredential[0].UserName)).toEqual(secret);
    expect(declared(group.ImageRegistryCredential[0].Password)).toEqual(secret);
    // values that reference no sensitive value stay visible
    expect(declared(container.Arg[1])).toEqual(visible);
    expect(declared(env.MODE)).toEqual(visible);
    expect(declared(tags.mode)).toEqual(visible);
    expect(template.Parameters.VSwitchId).toEqual(visible);
    expect(template.Parameters.SecurityGroupId).toEqual(visible);
    expect(text).not.toContain(LITERAL_PASSWORD);
  });
});

describe('the stack as the secret check sees it (StackSecretLookups)', () => {
  test('variables by their Terraform name, with sensitive from toTerraform (overrides count); locals resolved', () => {
    const { stack } = setup();
    const pw = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true });
    new TerraformVariable(stack, 'plain', { type: 'string' });
    new TerraformVariable(stack, 'overridden', { type: 'string' }).addOverride('sensitive', true);
    new TerraformLocal(stack, 'upper', Fn.upper(pw.stringValue));
    new TerraformLocal(stack, 'count', 5);
    const lookups = new StackSecretLookups(stack);
    expect(lookups.variableSensitive('pw')).toBe(true);
    expect(lookups.variableSensitive('plain')).toBe(false);
    expect(lookups.variableSensitive('overridden')).toBe(true);
    expect(lookups.variableSensitive('nope')).toBeUndefined();
    expect(lookups.variableSensitive('upper')).toBeUndefined();
    expect(lookups.localExpression('upper')).toBe('${upper(var.pw)}');
    expect(lookups.localExpression('count')).toBeUndefined();
    expect(lookups.localExpression('pw')).toBeUndefined();
    expect(lookups.localExpression('nope')).toBeUndefined();
  });

  test('a variable and a local with the same Terraform name are both found; a broken element is skipped', () => {
    const { stack } = setup();
    class Broken extends Construct {
      public readonly friendlyUniqueId = 'dup';
      public toTerraform(): unknown {
        throw new Error('not an element');
      }
    }
    new Broken(stack, 'Broken'); // first: the lookups must get past it
    const inner = new Construct(stack, 'Inner');
    new TerraformVariable(inner, 'Dup', { type: 'string', sensitive: true }).overrideLogicalId('dup');
    new TerraformLocal(stack, 'dup', '${var.dup}');
    const lookups = new StackSecretLookups(inner);
    expect(lookups.variableSensitive('dup')).toBe(true);
    expect(lookups.localExpression('dup')).toBe('${var.dup}');
    expect(lookups.variableId('dup')).toBe('Dup');
  });

  test('resource and data source attributes come from the alicloud schema', () => {
    const lookups = new StackSecretLookups(setup().stack);
    expect(lookups.attributeSensitivity('resource', 'alicloud_kms_secret', ['secret_data'])).toBe('sensitive');
    expect(lookups.attributeSensitivity('resource', 'alicloud_kms_secret', ['arn'])).toBe('not-sensitive');
    expect(lookups.attributeSensitivity('data', 'alicloud_kms_secret', ['secret_data'])).toBe('unknown-type');
    expect(lookups.attributeSensitivity('data', 'alicloud_kms_ciphertext', ['plaintext'])).toBe('sensitive');
    expect(lookups.attributeSensitivity('resource', 'random_password', ['result'])).toBe('unknown-type');
  });
});

describe('validateSecret edge cases', () => {
  function passwordError(password: unknown, extra: (stack: TerraformStack) => void = () => {}): string {
    const { stack, vpc, securityGroup } = setup();
    extra(stack);
    return errorOf(() => new ContainerGroup(stack, 'App', {
      vpc, securityGroup, containers: containers(), imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: password as string }],
    }));
  }

  test('a value that is not a string, missing, null', () => {
    // the type check comes first (every prop, core/validation.ts), describes a secret by its type only and says how to pass one
    expect(passwordError(1234)).toContain('imageRegistryCredentials[0].password: must be a string, got a number. Fix: pass a string, '
      + "for example the stringValue of new TerraformVariable(this, 'Secret', { type: 'string', sensitive: true })");
    expect(passwordError(1234)).not.toContain('1234');
    expect(passwordError(undefined)).toContain('imageRegistryCredentials[0].password: is missing. Fix: pass a sensitive variable');
    expect(passwordError(null)).toContain('imageRegistryCredentials[0].password: is missing. Fix: pass a sensitive variable');
    expect(passwordError('')).toContain('imageRegistryCredentials[0].password: is missing. Fix: pass a sensitive variable');
  });

  test('a literal names what would leak: the registry password, or the secret', () => {
    const { stack, vpc, securityGroup } = setup();
    const msg = errorOf(() => new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      containers: containers({ secretEnvironment: { TOKEN: LITERAL_PASSWORD } }),
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: LITERAL_PASSWORD }],
    }));
    expect(msg).toContain('imageRegistryCredentials[0].password: is a literal string; the registry password would be written in plain text to cdk.tf.json, the ROS template, the Terraform plan and snapshot tests. Fix:');
    expect(msg).toContain('containers[0].secretEnvironment.TOKEN: is a literal string; the secret would be written in plain text');
    expect(msg).not.toContain(LITERAL_PASSWORD);
  });

  test('a token that cannot be resolved fails closed', () => {
    const broken = Lazy.stringValue({ produce: () => { throw new Error(LITERAL_PASSWORD); } });
    const msg = passwordError(broken);
    expect(msg).toContain('imageRegistryCredentials[0].password: cannot be resolved in its stack, so it cannot be checked to be sensitive. Fix: pass a sensitive variable');
    expect(msg).not.toContain(LITERAL_PASSWORD);
  });

  test('a reference to a variable the stack does not have', () => {
    const msg = passwordError(Lazy.stringValue({ produce: () => '${var.nope}' }));
    expect(msg).toContain('imageRegistryCredentials[0].password: references var.nope, which is not a variable of this stack. Fix: build the value only from sensitive values');
  });

  test('a plain variable with text after or before it is reported in source order; the fix of a plain variable names its construct ID', () => {
    let plain = '';
    const after = passwordError(Lazy.stringValue({ produce: () => `${plain}${LITERAL_PASSWORD}` }), (stack) => {
      plain = new TerraformVariable(stack, 'plain', { type: 'string' }).stringValue;
    });
    expect(after).toContain('imageRegistryCredentials[0].password: references var.plain, which is not sensitive, so Terraform would print the value in the plan. Fix: build the value only');
    expect(after).not.toContain(LITERAL_PASSWORD);
    const before = passwordError(Lazy.stringValue({ produce: () => `x${plain}` }), (stack) => {
      plain = new TerraformVariable(stack, 'plain', { type: 'string' }).stringValue;
    });
    expect(before).toContain('imageRegistryCredentials[0].password: has literal text outside a reference');
    const nested = passwordError(Lazy.stringValue({ produce: () => plain }), (stack) => {
      plain = new TerraformVariable(new Construct(stack, 'Inner'), 'Pw', { type: 'string' }).stringValue;
    });
    expect(nested).toMatch(/imageRegistryCredentials\[0\]\.password: is the variable 'Inner_Pw_[0-9A-F]+', which is not sensitive, so Terraform would print it in the plan\. Fix: create the variable with sensitive: true \(new TerraformVariable\(this, 'Pw', \{ type: 'string', sensitive: true \}\)\)/);
  });

  test('sensitiveValueTest: sensitive references, plain ones, and values that cannot be resolved (NoEcho, fail closed)', () => {
    const { stack } = setup();
    const pw = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true }).stringValue;
    const plain = new TerraformVariable(stack, 'plain', { type: 'string' }).stringValue;
    const test = sensitiveValueTest(stack);
    expect(test(Fn.upper(pw))).toBe(true);
    expect(test(`x-${pw}`)).toBe(true);
    expect(test(plain)).toBe(false);
    expect(test(Fn.upper(plain))).toBe(false);
    expect(test(Lazy.stringValue({ produce: () => { throw new Error('boom'); } }))).toBe(true);
  });

  test('secretValues: the tokens of passwords and secret environment values', () => {
    const token = '${var.pw}';
    const t1 = Lazy.stringValue({ produce: () => token });
    const t2 = Lazy.stringValue({ produce: () => token });
    expect(secretValues({
      containers: [{ name: 'a', image: IMAGE, environment: { E: t1 }, secretEnvironment: { S: t2, L: 'literal' } }],
      imageRegistryCredentials: [{ server: SERVER, userName: 'u', password: t1 }, { server: 'b', userName: 'u', password: 'literal' }],
    })).toEqual([t1, t2]);
    expect(secretValues({ containers: [{ name: 'a', image: IMAGE }] })).toEqual([]);
  });
});

describe('validateRegistry details', () => {
  /** The problems validateRegistry records, one per line (empty when none). */
  function problems(props: Partial<RegistryProps>, extra: (stack: TerraformStack) => Partial<RegistryProps> = () => ({})): string[] {
    const { stack } = setup();
    const v = new PropValidator(stack, 'X');
    validateRegistry(v, stack, { containers: [], ...props, ...extra(stack) } as RegistryProps);
    try {
      v.throwIfAny();
      return [];
    } catch (e) {
      return (e as Error).message.split('\n').slice(1).map((l) => l.replace(/^ {2}- /, ''));
    }
  }
  const pw = (stack: TerraformStack) => new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true }).stringValue;
  const login = (server: string, password: string) => ({ server, userName: 'u', password });

  test('ACR instances: missing entries and IDs, domains that are not bare domain names; tokens are skipped', () => {
    expect(problems({
      acrInstances: [
        null as any,
        { instanceId: ' ' },
        { instanceId: 'cri-1', domains: ['', ' ', 'a.example.com/path', 'HTTP://b.example.com', 'ok.cr.aliyuncs.com', Lazy.stringValue({ produce: () => 'x/y' })] },
        { instanceId: Lazy.stringValue({ produce: () => '' }), domains: Lazy.listValue({ produce: () => ['x/y'] }) },
      ],
    })).toEqual([
      "acrInstances[0].instanceId: is missing. Fix: give the ACR Enterprise Edition instance ID, e.g. 'cri-xxxxxxxx' (ACR console, Instances).",
      "acrInstances[1].instanceId: is missing. Fix: give the ACR Enterprise Edition instance ID, e.g. 'cri-xxxxxxxx' (ACR console, Instances).",
      "acrInstances[2].domains[0]: '' is not a domain name. Fix: give the bare domain, e.g. 'myacr-registry.cn-hangzhou.cr.aliyuncs.com'.",
      "acrInstances[2].domains[1]: ' ' is not a domain name. Fix: give the bare domain, e.g. 'myacr-registry.cn-hangzhou.cr.aliyuncs.com'.",
      "acrInstances[2].domains[2]: 'a.example.com/path' is not a domain name. Fix: give the bare domain, e.g. 'myacr-registry.cn-hangzhou.cr.aliyuncs.com'.",
      "acrInstances[2].domains[3]: 'HTTP://b.example.com' is not a domain name. Fix: give the bare domain, e.g. 'myacr-registry.cn-hangzhou.cr.aliyuncs.com'.",
    ]);
  });

  test('logins: 10 is the limit, a token list is not counted, null entries are skipped', () => {
    expect(problems({}, (stack) => {
      const p = pw(stack);
      return { imageRegistryCredentials: Array.from({ length: 10 }, (_, i) => login(`r${i}.example.com`, p)) };
    })).toEqual([]);
    expect(problems({}, (stack) => {
      const p = pw(stack);
      return { imageRegistryCredentials: Array.from({ length: 11 }, (_, i) => login(`r${i}.example.com`, p)) };
    })).toEqual(['imageRegistryCredentials: has 11 items; ECI takes at most 10. Fix: keep one login per registry server, or use acrInstances with a RAM role.']);
    expect(problems({ imageRegistryCredentials: Lazy.anyValue({ produce: () => [] }) as any })).toEqual([]);
    expect(problems({ imageRegistryCredentials: [null as any] })).toEqual([]);
  });

  test('logins: server and user name missing, a scheme, a second login for a server; token servers are not compared', () => {
    const serverToken = Lazy.stringValue({ produce: () => 'r.example.com' });
    expect(problems({}, (stack) => {
      const p = pw(stack);
      return {
        imageRegistryCredentials: [
          { server: '', userName: ' ', password: p },
          { server: 'https://r.example.com', userName: 'u', password: p },
          { server: 'r.example.com', userName: 'u', password: p },
          { server: 'r.example.com', userName: Lazy.stringValue({ produce: () => 'u' }), password: p },
          { server: serverToken, userName: 'u', password: p },
          { server: serverToken, userName: 'u', password: p },
        ],
      };
    })).toEqual([
      "imageRegistryCredentials[0].server: is missing. Fix: give the registry address, e.g. 'registry.cn-hangzhou.aliyuncs.com'.",
      'imageRegistryCredentials[0].userName: is missing. Fix: give the registry user name (for ACR, the login name shown with docker login).',
      "imageRegistryCredentials[1].server: 'https://r.example.com' has a scheme. Fix: give the address without it: 'r.example.com'.",
      "imageRegistryCredentials[3].server: 'r.example.com' has another login in imageRegistryCredentials. Fix: give one login per registry server.",
    ]);
  });

  test('secret environment: each value checked, a token map skipped, a name also in environment', () => {
    expect(problems({}, (stack) => {
      const p = pw(stack);
      return {
        containers: [
          null as any,
          { name: 'a', image: IMAGE, secretEnvironment: Lazy.anyValue({ produce: () => ({ X: 'lit' }) }) as any },
          { name: 'b', image: IMAGE, environment: { SHARED: 'x', OTHER: 'y' }, secretEnvironment: { SHARED: p, OWN: p, BAD: Fn.upper('lit') } },
          { name: 'c', image: IMAGE, secretEnvironment: { OWN: p } },
        ],
      };
    })).toEqual([
      'containers[2].secretEnvironment.SHARED: is also in environment. Fix: set each variable in environment or in secretEnvironment, not both.',
      expect.stringMatching(/^containers\[2\]\.secretEnvironment\.BAD: has literal text outside a reference/),
    ]);
  });
});
