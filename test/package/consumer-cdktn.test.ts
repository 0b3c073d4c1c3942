import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { consumerJestFiles, requireCompiledLib, ROOT } from './util';
import { tarballPath } from '../../scripts/flavour';

/**
 * Issue 19, a CDK Terrain user's app: install the cdktn flavour's tarball (`npx projen package:cdktn`, which
 * `npx projen test:package` runs first) into a fresh cdktn TypeScript app (cdktn, constructs in cdktn's peer range,
 * jest, ts-jest, ts-node, typescript, @types/jest and @types/node at this repository's versions) and use it as a
 * user does: the app runs with ts-node (`app.synth()`; cdktn-cli needs Node 22.19, not installed), its jest tests
 * use the matchers through cdktn's `Testing.synth`, and the package's own `cdktn-alicloud-ipv6` bin validates the
 * synthesized stack with Terraform, offline. The same stack code, run with cdktf and the compiled cdktf flavour
 * (lib/), synthesizes the same resources.
 */

const TIMEOUT = 10 * 60 * 1000;
const DEV_VERSIONS = ['cdktn', 'constructs', 'jest', 'ts-jest', 'ts-node', 'typescript', '@types/jest', '@types/node'];
const PACKAGE = 'cdktn-alicloud-ipv6';

function versionOf(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf-8')).version;
}

function run(cwd: string, cmd: string, args: string[]): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('JEST_') && k !== 'NODE_OPTIONS' && k !== 'CDKTF_OUTDIR'));
  return spawnSync(cmd, args, { cwd, env: { ...env, CI: 'true', FORCE_COLOR: '0' }, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
}

function output(r: SpawnSyncReturns<string>): string {
  return `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}\n${r.stdout}\n${r.stderr}`;
}

/**
 * The app's stacks, written once: `core` and `pkg` are the module names it imports (cdktn and this package in
 * the app; cdktf and the compiled lib/ for the comparison). `ts-node stacks.ts <stack> [outdir]` synthesizes one.
 */
function stacksTs(core: string, pkg: string): string {
  return `import { App, TerraformOutput, TerraformStack, TerraformVariable } from '${core}';
import { alicloud, ContainerGroup, ContainerGroupFleet, DualStackVpc, Peer, Port, SecurityGroup } from '${pkg}';

function base(app: App, id: string, region: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region });
  return stack;
}

/** Valid: a dual-stack VPC, a public IPv6 ECI with bandwidth, an IPv6 fleet, a variable and outputs. */
export function valid(app: App): TerraformStack {
  const stack = base(app, 'web', 'cn-huhehaote');
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a', 'cn-huhehaote-b'] });
  const sg = new SecurityGroup(stack, 'WebSg', { vpc });
  sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80), 'HTTP over IPv6');
  const web = new ContainerGroup(stack, 'Web', {
    vpc, securityGroup: sg, cpu: 1, memory: 2, ipv6AddressCount: 1, ipv6InternetBandwidth: { bandwidth: 10 },
    containers: [{ name: 'nginx', image: 'nginx:alpine', ports: [{ port: 80 }] }],
  });
  new ContainerGroupFleet(stack, 'Workers', {
    vpc, securityGroup: sg, minSize: 1, maxSize: 2, ipv6AddressCount: 1, containers: [{ name: 'worker', image: 'busybox:1.36' }],
  });
  const replicas = new TerraformVariable(stack, 'replicas', { type: 'number', default: 1 });
  new TerraformOutput(stack, 'web_ipv6', { value: web.ipv6Address });
  new TerraformOutput(stack, 'replicas_out', { value: replicas.numberValue });
  return stack;
}

/** ALI-IPV6-001: an IPv6 VPC in a region without IPv6 (Dubai). */
export function region(app: App): TerraformStack {
  const stack = base(app, 'dubai', 'me-east-1');
  new DualStackVpc(stack, 'Vpc', { zones: ['me-east-1a'] });
  return stack;
}

/** ALI-IPV6-002: an IPv6 ECI sized by an instance type whose family (hfc5) has no IPv6. */
export function family(app: App): TerraformStack {
  const stack = base(app, 'hfc5', 'cn-huhehaote');
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
  const securityGroup = new SecurityGroup(stack, 'Sg', { vpc });
  new ContainerGroup(stack, 'Web', {
    vpc, securityGroup, instanceType: 'ecs.hfc5.xlarge', ipv6AddressCount: 1, containers: [{ name: 'nginx', image: 'nginx:alpine' }],
  });
  return stack;
}

const STACKS: Record<string, (app: App) => TerraformStack> = { valid, region, family };

if (require.main === module) {
  const app = new App({ outdir: process.argv[3] ?? 'cdktf.out' });
  STACKS[process.argv[2]](app);
  app.synth();
}
`;
}

/** The app's tests: the matchers through cdktn's Testing.synth (no import of the matchers: setup.js registers them). */
const MAIN_TEST_TS = `import { Testing } from 'cdktn';
import { Ipv6CheckLevel } from '${PACKAGE}';
import { family, region, valid } from './stacks';

test('a valid stack: toBeValidAlicloudPlan() passes', () => {
  const synthesized = Testing.synth(valid(Testing.app()));
  expect(synthesized).toBeValidAlicloudPlan();
  expect(JSON.parse(synthesized).resource.alicloud_vpc_ipv6_gateway).toBeDefined();
});

test('toBeValidAlicloudPlan() fails on the rule error of an IPv6 ECI of a family without IPv6 (cdktn Testing.synth runs the rule pack)', () => {
  const synthesized = Testing.synth(family(Testing.app()));
  expect(synthesized).toHaveIpv6Finding('ALI-IPV6-002', { path: 'Web', level: Ipv6CheckLevel.ERROR, message: /hfc5/ });
  expect(() => expect(synthesized).toBeValidAlicloudPlan()).toThrow(/ERROR +hfc5\\/Web \\[ALI-IPV6-002\\]/);
});

test('toBeValidAlicloudPlan() fails on the rule error of an IPv6 VPC in a region without IPv6', () => {
  const synthesized = Testing.synth(region(Testing.app()));
  expect(() => expect(synthesized).toBeValidAlicloudPlan()).toThrow(/\\[ALI-IPV6-001\\][^]*me-east-1/);
});
`;

const FILES: Record<string, string> = {
  ...consumerJestFiles('cdktn', PACKAGE),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      lib: ['es2022'],
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['jest', 'node'],
      isolatedModules: true,
    },
    include: ['**/*.ts'],
    exclude: ['node_modules', 'cdktf.out'],
  }, null, 2),
  'stacks.ts': stacksTs('cdktn', PACKAGE),
  'main.test.ts': MAIN_TEST_TS,
};

let app: string;
let tarball: string;
beforeAll(() => {
  requireCompiledLib();
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version;
  tarball = tarballPath(version);
  if (!fs.existsSync(tarball)) throw new Error(`${path.relative(ROOT, tarball)} is missing: run \`npx projen package:cdktn\` (test:package runs it first)`);
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktn-alicloud-ipv6-consumer-'));
  fs.copyFileSync(tarball, path.join(app, path.basename(tarball)));
  const deps: Record<string, string> = { [PACKAGE]: `file:./${path.basename(tarball)}` };
  for (const name of DEV_VERSIONS) deps[name] = versionOf(name);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'cdktn-consumer-app', version: '1.0.0', private: true, devDependencies: deps }, null, 2));
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(app, name), text);
  const install = run(app, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
  if (install.status !== 0) throw new Error(`npm install in the cdktn consumer app failed:\n${output(install)}`);
}, TIMEOUT);

afterAll(() => {
  if (app && !process.env.KEEP_CONSUMER_APP) fs.rmSync(app, { recursive: true, force: true });
});

test('npm installs cdktn as the peer, not cdktf; the package\'s bindings extend cdktn\'s classes', () => {
  expect(fs.existsSync(path.join(app, 'node_modules', 'cdktf'))).toBe(false);
  const pkg = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', PACKAGE, 'package.json'), 'utf-8'));
  expect(pkg.peerDependencies).toEqual({ cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' });
  const r = run(app, 'node', ['-e', `
    const { TerraformResource, TerraformProvider } = require('cdktn');
    const { alicloud } = require('${PACKAGE}');
    const ok = alicloud.vpc.Vpc.prototype instanceof TerraformResource && alicloud.provider.AlicloudProvider.prototype instanceof TerraformProvider;
    console.log(ok ? 'cdktn classes' : 'not cdktn classes');
  `]);
  expect(output(r)).toBe('exit 0\ncdktn classes\n\n');
}, TIMEOUT);

test('the app type-checks, and its jest tests pass: the matchers judge through cdktn\'s Testing.synth', () => {
  const tsc = run(app, 'npx', ['tsc', '--noEmit', '-p', '.']);
  expect(output(tsc)).toBe(`exit 0\n${tsc.stdout}\n${tsc.stderr}`);
  const r = run(app, 'npx', ['jest', '--ci']);
  const text = output(r);
  expect(text).toMatch(/Tests: +3 passed, 3 total/);
  expect(r.status).toBe(0);
}, TIMEOUT);

test.each([
  ['region', /\[ALI-IPV6-001\][^]*me-east-1/],
  ['family', /\[ALI-IPV6-002\][^]*ecs\.hfc5\.xlarge/],
])('app.synth() of the %s stack (ts-node) fails on the rule pack\'s error', (stack, message) => {
  const r = run(app, 'npx', ['ts-node', 'stacks.ts', stack, `out-${stack}`]);
  expect(r.status).not.toBe(0);
  expect(r.stdout + r.stderr).toMatch(message);
}, TIMEOUT);

test('the valid stack synthesizes (ts-node) the same resource, data, output, variable and provider sections as with cdktf', () => {
  const cdktn = run(app, 'npx', ['ts-node', 'stacks.ts', 'valid', 'cdktf.out']);
  expect(output(cdktn)).toMatch(/^exit 0/);
  // The same source, importing cdktf and the compiled cdktf flavour, run from a folder of the repository.
  const dir = fs.mkdtempSync(path.join(ROOT, 'build', 'consumer-cdktf-'));
  try {
    const js = ts.transpileModule(stacksTs('cdktf', path.relative(dir, path.join(ROOT, 'lib')).split(path.sep).join('/')), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    fs.writeFileSync(path.join(dir, 'stacks.js'), js);
    const cdktf = run(dir, process.execPath, ['stacks.js', 'valid', 'cdktf.out']);
    expect(output(cdktf)).toMatch(/^exit 0/);
    const read = (outdir: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'cdktf.out', 'stacks', 'web', 'cdk.tf.json'), 'utf-8'));
    const a = read(dir);
    const b = read(app);
    for (const section of ['resource', 'data', 'output', 'variable', 'provider']) {
      expect({ section, value: b[section] }).toEqual({ section, value: a[section] });
    }
    expect(Object.keys(b.resource)).toEqual(expect.arrayContaining(['alicloud_vpc', 'alicloud_vpc_ipv6_gateway', 'alicloud_ros_stack', 'alicloud_ess_scaling_group']));
    expect(b.output).toBeDefined();
    expect(b.variable).toBeDefined();
    // the core's own version string is what differs
    expect(a['//'].metadata.version).toBe(versionOf('cdktf'));
    expect(b['//'].metadata.version).toBe(versionOf('cdktn'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, TIMEOUT);

test('`cdktn-alicloud-ipv6 validate` passes on the synthesized stack, offline; `check` runs with the cdktn name', () => {
  const stackDir = path.join('cdktf.out', 'stacks', 'web');
  if (!fs.existsSync(path.join(app, stackDir, 'cdk.tf.json'))) {
    expect(output(run(app, 'npx', ['ts-node', 'stacks.ts', 'valid', 'cdktf.out']))).toMatch(/^exit 0/);
  }
  const validate = run(app, 'npx', [PACKAGE, 'validate', stackDir]);
  expect(output(validate)).toMatch(/^exit 0\n[^]*cdktf\.out\/stacks\/web: valid/);
  // check on plain Terraform: an IPv6 VPC in a region without IPv6
  fs.mkdirSync(path.join(app, 'tf'), { recursive: true });
  fs.writeFileSync(path.join(app, 'tf', 'main.tf'), 'provider "alicloud" {\n  region = "me-east-1"\n}\n\nresource "alicloud_vpc" "v" {\n  cidr_block  = "10.0.0.0/16"\n  enable_ipv6 = true\n}\n');
  const check = run(app, 'npx', [PACKAGE, 'check', 'tf']);
  expect(check.status).toBe(1);
  // (the finding is reported at the VPC, or at the provider block that sets the region: either way, an error)
  expect(check.stdout).toMatch(/\berror +ALI-IPV6-001 +(alicloud_vpc\.v|provider\.alicloud)\b[^]*me-east-1/);
  const missing = run(app, 'npx', [PACKAGE, 'check', 'no-such-folder']);
  expect(missing.stderr).toMatch(new RegExp(`^${PACKAGE} check: `, 'm'));
  const usage = run(app, 'npx', [PACKAGE]);
  const help = usage.stdout + usage.stderr;
  expect(help).toContain(`Usage: ${PACKAGE} <command>`);
  for (const command of ['check <path>...', 'validate <stack-dir>...', 'terraform <stack-dir>']) expect(help).toContain(`  ${command}`);
}, TIMEOUT);
