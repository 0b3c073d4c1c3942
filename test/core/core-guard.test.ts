import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cdktf from 'cdktf';
import * as constructs from 'constructs';
import {
  alicloud, ContainerGroup, ContainerGroupFleet, DualStackVpc, Ipv6Checks, Ipv6CheckStatus, Ipv6EgressOnlyRule, Ipv6Gateway, Ipv6InternetBandwidth,
  Ipv6RuleId, Peer, Port, Probe, SecurityGroup, Volume,
} from '../../src';
import { brandOf } from '../../src/core/brand';
import { FLAVOUR } from '../../src/core/flavour';
import { setup } from '../eci/util';
import { newStack } from '../vpc/util';

/**
 * Issue 19 item 4: constructs of one CDK core in an app or stack of another core (or of a second copy of the same
 * core) fail at construction with one error naming both cores, where each was loaded from, and the fix; never a
 * TypeError from inside the core, never a stack that synthesizes with the rule pack skipped.
 */

// `cdktf` above is this build's core (test:cdktn maps it to cdktn, FLAVOUR says which). The other core is loaded by
// its path, beside ours in node_modules, so that no module name mapping can turn it into ours.
const ownDir = path.dirname(require.resolve(`${FLAVOUR.core}/package.json`));
const otherDir = path.join(path.dirname(ownDir), FLAVOUR.otherCore);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const other: typeof import('cdktn') = require(path.join(otherDir, 'lib', 'index.js'));
type OtherApp = InstanceType<typeof other.App>;
type OtherStack = InstanceType<typeof other.TerraformStack>;
const version = (dir: string): string => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8')).version;

/** The error a call throws (the test fails when it throws none). */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, none was thrown');
}

/** The mixed-core error for a construct in a stack of the other core. */
function otherCoreMessage(where: string, label: string): string {
  return `${where}: its ${label} was made with ${FLAVOUR.otherCore} ${version(otherDir)} (loaded from ${otherDir}), `
    + `but ${FLAVOUR.packageName} is built on ${FLAVOUR.core} ${version(ownDir)} (loaded from ${ownDir}). `
    + 'Constructs of one CDK core cannot be used in an app or stack of another: the IPv6 rule pack would never run and synthesis would fail inside the core. '
    + `Fix: install ${FLAVOUR.otherPackageName} (this library built for ${FLAVOUR.otherCore}) and import the constructs from it, or build the app with ${FLAVOUR.core}.`;
}

/** Output folders made by this file's apps, removed at the end. */
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function otherCoreStack(): { app: OtherApp; stack: OtherStack } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-guard-'));
  outdirs.push(outdir);
  const app = new other.App({ outdir });
  return { app, stack: new other.TerraformStack(app, 'Other') };
}

describe('a stack of the other core', () => {
  // The guard runs right after super(): props are not looked at, so none are needed here.
  const constructors: Array<[string, (s: any) => unknown]> = [
    ['DualStackVpc', (s) => new DualStackVpc(s, 'X', {} as any)],
    ['Ipv6Gateway', (s) => new Ipv6Gateway(s, 'X', {} as any)],
    ['Ipv6InternetBandwidth', (s) => new Ipv6InternetBandwidth(s, 'X', {} as any)],
    ['Ipv6EgressOnlyRule', (s) => new Ipv6EgressOnlyRule(s, 'X', {} as any)],
    ['SecurityGroup', (s) => new SecurityGroup(s, 'X', {} as any)],
    ['ContainerGroup', (s) => new ContainerGroup(s, 'X', {} as any)],
    ['ContainerGroupFleet', (s) => new ContainerGroupFleet(s, 'X', {} as any)],
    ['DualStackVpc', (s) => DualStackVpc.fromVpcAttributes(s, 'X', { vpcId: 'vpc-1', ipv6CidrBlock: '2408:4000::/56', vSwitches: [] } as any)],
    ['Ipv6Gateway', (s) => Ipv6Gateway.fromIpv6GatewayId(s, 'X', 'ipv6gw-1')],
    ['SecurityGroup', (s) => SecurityGroup.fromSecurityGroupId(s, 'X', 'sg-1', 'vpc-1')],
    ['Ipv6Checks.applyTo', (s) => Ipv6Checks.applyTo(s)],
  ];

  test.each(constructors.map(([name, make], i) => [i, name, make] as const))('#%i %s fails at construction with the one clear error', (_i, name, make) => {
    const { stack } = otherCoreStack();
    const e = thrown(() => make(stack));
    expect(e).not.toBeInstanceOf(TypeError);
    const where = name === 'Ipv6Checks.applyTo' ? `${name} at 'Other'` : `${name} at 'Other/X'`;
    expect(e.message).toBe(otherCoreMessage(where, "stack 'Other'"));
    // both cores, both folders, the package to install
    for (const part of [FLAVOUR.core, FLAVOUR.otherCore, ownDir, otherDir, `install ${FLAVOUR.otherPackageName}`]) expect(e.message).toContain(part);
  });

  test('deeper in the tree, and on every later construct of the stack (the verdict is cached per stack, not forgotten)', () => {
    const { stack } = otherCoreStack();
    const group = new constructs.Construct(new constructs.Construct(stack, 'A'), 'B');
    expect(thrown(() => new DualStackVpc(group, 'Vpc', { zones: ['cn-huhehaote-a'] })).message).toBe(otherCoreMessage("DualStackVpc at 'Other/A/B/Vpc'", "stack 'Other'"));
    expect(thrown(() => new Ipv6Gateway(stack, 'Gw', {} as any)).message).toBe(otherCoreMessage("Ipv6Gateway at 'Other/Gw'", "stack 'Other'"));
  });

  test('a stack of our core in an app of the other core is refused too (the app is judged as well)', () => {
    const { app } = otherCoreStack();
    const stack = new cdktf.TerraformStack(app as any, 'Mixed');
    const e = thrown(() => new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] }));
    expect(e.message).toBe(otherCoreMessage("DualStackVpc at 'Mixed/Vpc'", 'app'));
  });

  test('Ipv6Checks.findingsOf refuses a stack of the other core', () => {
    const { stack } = otherCoreStack();
    expect(thrown(() => Ipv6Checks.findingsOf(stack as any)).message).toBe(otherCoreMessage("Ipv6Checks.findingsOf at 'Other'", "stack 'Other'"));
  });
});

describe('raw bindings in an app of the other core', () => {
  test('each generated binding refuses the stack at construction (its constructor calls the guard): provider, resource, data source', () => {
    const { stack } = otherCoreStack();
    // cn-zhongwei has no IPv6: the pack would fail this stack if it ran; no binding of ours gets into it at all
    const e = thrown(() => new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-zhongwei' }));
    expect(e).not.toBeInstanceOf(TypeError);
    expect(e.message).toBe(otherCoreMessage("AlicloudProvider at 'Other/alicloud'", "stack 'Other'"));
    expect(thrown(() => new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/8', enableIpv6: true })).message)
      .toBe(otherCoreMessage("Vpc at 'Other/Vpc'", "stack 'Other'"));
    expect(thrown(() => new alicloud.dataAlicloudZones.DataAlicloudZones(stack, 'Zones', {})).message)
      .toBe(otherCoreMessage("DataAlicloudZones at 'Other/Zones'", "stack 'Other'"));
    // nothing was added to the stack: it synthesizes with no alicloud resource, not with unchecked ones
    expect(JSON.parse(other.Testing.synth(stack)).resource).toBeUndefined();
  });

  test('every binding class of the generated submodule calls the guard in its constructor', () => {
    const dir = path.join(__dirname, '..', '..', 'src', 'providers', 'alicloud');
    const classes = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => {
      const text = fs.readFileSync(path.join(dir, d.name, 'index.ts'), 'utf-8');
      const cls = /^export class (\w+) extends cdktf\.Terraform(?:Resource|Provider|DataSource) \{$/m.exec(text);
      return { name: cls?.[1], guarded: cls !== null && text.includes(`    assertSameCore(this, '${cls[1]}');`) };
    });
    expect(classes.length).toBeGreaterThan(15);
    expect(classes.filter((c) => !c.guarded)).toEqual([]);
  });

  /**
   * Whether the other core prepares each element of a stack with a method of its own before synthesizing (CDK Terrain
   * 0.24 does: synth-hook.ts answers it on our core's elements with the mixed-core error). CDKTF makes no such call.
   */
  const otherCorePrepares = Object.prototype.hasOwnProperty.call(other.TerraformElement.prototype, '_resetResolveDiscoveredProviderFeatureUsage');

  test('an element of our core itself (not a binding) in a stack of the other core: where that core prepares it, the same error, not a TypeError', () => {
    const { app, stack } = otherCoreStack();
    new cdktf.TerraformOutput(stack as unknown as constructs.Construct, 'Out', { value: 'x' });
    if (!otherCorePrepares) return; // CDKTF calls nothing on an element that only CDK Terrain has (README, "Mixed cores")
    const e = thrown(() => app.synth());
    expect(e).not.toBeInstanceOf(TypeError);
    expect(e.message).toBe(otherCoreMessage("TerraformOutput at 'Other/Out'", "stack 'Other'"));
  });
});

describe('a second copy of our own core', () => {
  let tmp: string;
  let copy: typeof cdktf;
  let copyDir: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'core-guard-copy-'));
    copyDir = path.join(tmp, 'node_modules', FLAVOUR.core);
    fs.cpSync(ownDir, copyDir, { recursive: true });
    // the copy's peer dependency resolves to the app's constructs, as in an app with two copies of the core
    fs.symlinkSync(path.dirname(require.resolve('constructs/package.json')), path.join(tmp, 'node_modules', 'constructs'), 'dir');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    copy = require(path.join(copyDir, 'lib', 'index.js'));
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('a construct in a stack of the copy: the error names both folders and says how to keep one copy', () => {
    expect(copy.TerraformStack).not.toBe(cdktf.TerraformStack);
    const app = new copy.App({ outdir: path.join(tmp, 'out') });
    const stack = new copy.TerraformStack(app, 'Copy');
    const e = thrown(() => new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] }));
    expect(e).not.toBeInstanceOf(TypeError);
    expect(e.message).toBe(`DualStackVpc at 'Copy/Vpc': its stack 'Copy' was made with another copy of ${FLAVOUR.core} ${version(ownDir)} (loaded from ${copyDir}), `
      + `but ${FLAVOUR.packageName} is built on ${FLAVOUR.core} ${version(ownDir)} (loaded from ${ownDir}). `
      + 'Two copies of one core share no aspects and no classes: the IPv6 rule pack would never run and synthesis would fail inside the core. '
      + `Fix: keep one copy of ${FLAVOUR.core} in node_modules: run \`npm ls ${FLAVOUR.core}\` to see both, give them one version (then \`npm dedupe\`), `
      + 'and create the app and its stacks with that copy.');
  });
});

describe('a registry password that is a variable of the other core', () => {
  test('in a stack of the other core: the guard refuses the whole stack before any prop is read', () => {
    const { stack } = otherCoreStack();
    const plain = new other.TerraformVariable(stack, 'PlainPassword', { type: 'string' });
    const e = thrown(() => new ContainerGroup(stack, 'App', {
      containers: [{ name: 'app', image: 'registry.cn-huhehaote.aliyuncs.com/ns/app:1.0' }],
      imageRegistryCredentials: [{ server: 'registry.cn-huhehaote.aliyuncs.com', userName: 'u', password: plain.stringValue }],
    } as any));
    expect(e.message).toBe(otherCoreMessage("ContainerGroup at 'Other/App'", "stack 'Other'"));
  });

  test('in a stack of our core: a variable made with the other core\'s class is still recognised, and refused when not sensitive', () => {
    const { stack, vpc, securityGroup } = setup();
    const plain = new other.TerraformVariable(stack as any, 'PlainPassword', { type: 'string' });
    const e = thrown(() => new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      containers: [{ name: 'app', image: 'registry.cn-huhehaote.aliyuncs.com/ns/app:1.0' }],
      imageRegistryCredentials: [{ server: 'registry.cn-huhehaote.aliyuncs.com', userName: 'u', password: plain.stringValue }],
    }));
    expect(e.message).toContain("imageRegistryCredentials[0].password: is the variable 'PlainPassword', which is not sensitive");
  });

  test('in a stack of our core: a sensitive variable of the other core\'s class is accepted', () => {
    const { stack, vpc, securityGroup } = setup();
    const secret = new other.TerraformVariable(stack as any, 'RegistryPassword', { type: 'string', sensitive: true });
    expect(() => new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      containers: [{ name: 'app', image: 'registry.cn-huhehaote.aliyuncs.com/ns/app:1.0' }],
      imageRegistryCredentials: [{ server: 'registry.cn-huhehaote.aliyuncs.com', userName: 'u', password: secret.stringValue }],
    })).not.toThrow();
  });
});

describe('brands: objects of another copy of this library', () => {
  test('a branded object is a Peer, Port, Probe, Volume, Ipv6Checks, Ipv6InternetBandwidth; an unbranded look-alike is not', () => {
    for (const [cls, is] of [
      ['Peer', Peer.isPeer], ['Port', Port.isPort], ['Probe', Probe.isProbe], ['Volume', Volume.isVolume],
      ['Ipv6Checks', Ipv6Checks.isIpv6Checks], ['Ipv6InternetBandwidth', Ipv6InternetBandwidth.isIpv6InternetBandwidth],
    ] as const) {
      expect(is({ [brandOf(cls)]: true })).toBe(true);
      expect(is({})).toBe(false);
      expect(is(undefined)).toBe(false);
      expect(is(null)).toBe(false);
      expect(is(`${cls}`)).toBe(false);
    }
    expect(Peer.isPeer(Peer.anyIpv6())).toBe(true);
    expect(Port.isPort(Port.tcp(443))).toBe(true);
    expect(Volume.isVolume(Volume.emptyDir('scratch'))).toBe(true);
    expect(Probe.isProbe(Probe.tcpSocket(80))).toBe(true);
    expect(Ipv6Checks.isIpv6Checks(new Ipv6Checks())).toBe(true);
    // the brand names the package: the other flavour's objects (another package name) are not ours
    expect(Peer.isPeer({ [Symbol.for(`${FLAVOUR.otherPackageName}/Peer@1`)]: true })).toBe(false);
    // nor an incompatible protocol of this package
    expect(Peer.isPeer({ [Symbol.for(`${FLAVOUR.packageName}/Peer@2`)]: true })).toBe(false);
  });

  /** A second copy of this library (its own module instances) on the same copy of the core. */
  function secondCopy(): typeof import('../../src') {
    let copyLib: any;
    jest.isolateModules(() => {
      jest.doMock(FLAVOUR.core, () => cdktf);
      jest.doMock('constructs', () => constructs);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      copyLib = require('../../src');
    });
    jest.dontMock(FLAVOUR.core);
    jest.dontMock('constructs');
    return copyLib;
  }

  test('a Peer and a Port of the other copy are accepted by a SecurityGroup of this one (not instanceof, but branded)', () => {
    const copyLib = secondCopy();
    expect(copyLib.Peer).not.toBe(Peer);
    const peer = copyLib.Peer.anyIpv6();
    expect(peer).not.toBeInstanceOf(Peer);
    const { stack, securityGroup } = setup();
    securityGroup.addIngressRule(peer, copyLib.Port.tcp(443), 'HTTPS');
    const tf = JSON.parse(cdktf.Testing.synth(stack));
    expect(Object.values(tf.resource.alicloud_security_group_rule)).toContainEqual(expect.objectContaining({ ipv6_cidr_ip: '::/0', port_range: '443/443' }));
  });

  test('an Ipv6Checks of the other copy is the stack\'s pack: applyTo adds no second one, and findingsOf asks the copy that made it', () => {
    const copyLib = secondCopy();
    const { stack } = newStack('cn-zhongwei'); // no IPv6 in this region: the pack has something to say
    cdktf.Aspects.of(stack).add(new copyLib.Ipv6Checks());
    new DualStackVpc(stack, 'Vpc', { zones: ['cn-zhongwei-a'] }); // calls Ipv6Checks.applyTo of this copy
    expect(cdktf.Aspects.of(stack).all.filter((a) => Ipv6Checks.isIpv6Checks(a))).toHaveLength(1);
    cdktf.Testing.synth(stack);
    const findings = Ipv6Checks.findingsOf(stack);
    expect(findings.some((f) => f.ruleId === Ipv6RuleId.REGION && f.status === Ipv6CheckStatus.NON_COMPLIANT)).toBe(true);
  });

  test('a branded pack whose copy cannot report findings: a clear error, not a crash', () => {
    const { stack } = newStack();
    const fake = { [brandOf('Ipv6Checks')]: true, visit: () => undefined };
    cdktf.Aspects.of(stack).add(fake);
    expect(thrown(() => Ipv6Checks.findingsOf(stack)).message).toBe('Ipv6Checks.findingsOf: the Ipv6Checks of stack \'test\' was made by another copy of this library, which cannot be asked for its findings. '
      + `Fix: keep one copy of ${FLAVOUR.packageName} in node_modules (\`npm ls ${FLAVOUR.packageName}\` shows them), or call findingsOf of the copy that made the pack.`);
  });
});

describe('a normal app of our core', () => {
  test('nothing changes: the constructs build, the pack is applied once and runs', () => {
    const { stack } = newStack('cn-zhongwei');
    new DualStackVpc(stack, 'Vpc', { zones: ['cn-zhongwei-a'] });
    new Ipv6Gateway(stack, 'Gw2', { vpc: DualStackVpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-1', ipv6CidrBlock: '2408:4000::/56', vSwitches: [] } as any) });
    expect(cdktf.Aspects.of(stack).all.filter((a) => a instanceof Ipv6Checks)).toHaveLength(1);
    cdktf.Testing.synth(stack);
    expect(Ipv6Checks.findingsOf(stack).some((f) => f.ruleId === Ipv6RuleId.REGION && f.status === Ipv6CheckStatus.NON_COMPLIANT)).toBe(true);
  });
});
