import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { consumerJestFiles, npmPack, requireCompiledLib, ROOT } from './util';

/**
 * A user's first week, as a test: pack the library, install the tarball into a fresh cdktf TypeScript app
 * (cdktf, constructs, jest, ts-jest, typescript and @types/jest at the versions this repository uses, from the
 * npm cache or the registry), register the matchers from a plain `setup.js` as cdktf's own template does, and
 * run the app's jest there. The app's tests use `toBeValidAlicloudPlan()` and `toHaveIpv6Finding()` with no
 * import of the matchers. A stack with an ALI-IPV6-002 error fails its snapshot test through
 * `toBeValidAlicloudPlan()`; after `Ipv6Checks.suppress` with a reason it passes, with the same snapshot.
 *
 * Run by `npx projen test:package` (after `npx projen compile`; .ci/run does both): it takes a minute or more.
 */

const TIMEOUT = 10 * 60 * 1000;
const DEV_VERSIONS = ['cdktf', 'constructs', 'jest', 'ts-jest', 'typescript', '@types/jest'];

function versionOf(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf-8')).version;
}

/** Runs a command in the app, with the environment of a user's shell (nothing of this jest run). */
function run(app: string, cmd: string, args: string[]): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('JEST_') && k !== 'NODE_OPTIONS'));
  return spawnSync(cmd, args, { cwd: app, env: { ...env, CI: 'true', FORCE_COLOR: '0' }, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
}

function output(r: SpawnSyncReturns<string>): string {
  return `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}\n${r.stdout}\n${r.stderr}`;
}

/** The app's stack: an IPv6 ECI sized by an instance type whose family (hfc5) has no IPv6: ALI-IPV6-002. */
function mainTs(suppressed: boolean): string {
  return `import { App, TerraformStack } from 'cdktf';
import { alicloud, ContainerGroup, DualStackVpc${suppressed ? ', Ipv6Checks, Ipv6RuleId' : ''}, Peer, Port, SecurityGroup } from 'cdktf-alicloud-ipv6';

export function webStack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a', 'cn-huhehaote-b'] });
  const sg = new SecurityGroup(stack, 'WebSg', { vpc });
  sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80), 'HTTP over IPv6');
  const web = new ContainerGroup(stack, 'Web', {
    vpc,
    securityGroup: sg,
    instanceType: 'ecs.hfc5.xlarge',
    containers: [{ name: 'nginx', image: 'nginx:alpine', ports: [{ port: 80 }] }],
    ipv6AddressCount: 1,
  });
${suppressed ? "  Ipv6Checks.suppress(web, Ipv6RuleId.INSTANCE_FAMILY, 'hfc5 gets IPv6 in our account, ticket 4711');\n" : '  void web;\n'}  return stack;
}
`;
}

/** The app's tests: no import of the matchers, nor of the package (the types come through ./main). */
function mainTestTs(suppressed: boolean): string {
  return `import { Testing } from 'cdktf';
import { webStack } from './main';

describe('web stack', () => {
  const synthesized = Testing.synth(webStack(Testing.app(), 'web'));

  test('snapshot, and a valid alicloud plan', () => {
    expect(synthesized).toMatchSnapshot();
    expect(synthesized).toBeValidAlicloudPlan();
  });

  test('the instance-family finding', () => {
    expect(synthesized).toHaveIpv6Finding('ALI-IPV6-002', { path: 'Web', ${suppressed ? "status: 'suppressed'" : "level: 'error'"} });
    expect(synthesized).not.toHaveIpv6Finding('ALI-IPV6-003');
  });
});
`;
}

/** A second test file that imports the package itself and uses the enums, and the Terraform matcher's type. */
const TYPES_TEST_TS = `import { Testing } from 'cdktf';
import { Ipv6CheckLevel, Ipv6CheckStatus } from 'cdktf-alicloud-ipv6';
import { webStack } from './main';

test('enums in the options; toPassTerraformValidate is typed', () => {
  const synthesized = Testing.synth(webStack(Testing.app(), 'typed'));
  expect(synthesized).toHaveIpv6Finding('ALI-IPV6-002', { status: Ipv6CheckStatus.SUPPRESSED, level: Ipv6CheckLevel.ERROR, message: /hfc5/ });
  const validate: () => void = expect('cdktf.out').toPassTerraformValidate;
  expect(typeof validate).toBe('function');
});
`;

const FILES: Record<string, string> = {
  ...consumerJestFiles('cdktf', 'cdktf-alicloud-ipv6'),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      lib: ['es2022'],
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      esModuleInterop: true,
      skipLibCheck: true,
      declaration: false,
      noEmit: true,
      // TypeScript 6 no longer includes every @types package by default: name jest's.
      types: ['jest'],
      isolatedModules: true,
    },
    include: ['**/*.ts'],
    exclude: ['node_modules', 'cdktf.out'],
  }, null, 2),
};

let app: string;
beforeAll(() => {
  requireCompiledLib();
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-alicloud-ipv6-consumer-'));
  const packed = npmPack({ destination: app });
  const deps: Record<string, string> = { 'cdktf-alicloud-ipv6': `file:./${packed.filename}` };
  for (const name of DEV_VERSIONS) deps[name] = versionOf(name);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true, devDependencies: deps }, null, 2));
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(app, name), text);
  const install = run(app, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
  if (install.status !== 0) throw new Error(`npm install in the consumer app failed:\n${output(install)}`);
}, TIMEOUT);

afterAll(() => {
  if (app && !process.env.KEEP_CONSUMER_APP) fs.rmSync(app, { recursive: true, force: true });
});

test('the tarball installs: the package resolves from the app, with its bundled dependencies', () => {
  const r = run(app, 'node', ['-e', "const p = require.resolve('cdktf-alicloud-ipv6'); console.log(p); require('cdktf-alicloud-ipv6/lib/terraform/plugin/protocol');"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/node_modules[\\/]cdktf-alicloud-ipv6[\\/]lib[\\/]index\.js/);
  expect(fs.existsSync(path.join(app, 'node_modules', 'cdktf-alicloud-ipv6', 'node_modules', 're2js', 'package.json'))).toBe(true);
}, TIMEOUT);

test('a snapshot test of a stack with an ALI-IPV6-002 error fails through toBeValidAlicloudPlan(), naming the rule, the path and the message', () => {
  fs.writeFileSync(path.join(app, 'main.ts'), mainTs(false));
  fs.writeFileSync(path.join(app, 'main.test.ts'), mainTestTs(false));
  // TypeScript knows the matchers with the setup in setup.js and no import of them (the issue's TS2339).
  const tsc = run(app, 'npx', ['tsc', '--noEmit', '-p', '.']);
  expect(output(tsc)).toBe(`exit 0\n${tsc.stdout}\n${tsc.stderr}`);
  expect(tsc.stdout + tsc.stderr).not.toContain('TS2339');

  // The first run writes the snapshot (no --ci) and fails on the rule pack's error.
  const first = run(app, 'npx', ['jest', '--ci=false']);
  const text = output(first);
  expect(first.status).toBe(1);
  expect(text).toContain('expect(received).toBeValidAlicloudPlan()');
  expect(text).toMatch(/the IPv6 rule pack found 1 error\(s\)/);
  expect(text).toMatch(/ERROR +web\/Web \[ALI-IPV6-002\] ContainerGroup 'web\/Web' asks for an IPv6 address but instanceType has ecs\.hfc5\.xlarge/);
  expect(text).toMatch(/✓ the instance-family finding/);
  expect(text).toMatch(/1 snapshot written/);
  // The snapshot is the Terraform JSON only: the findings do not travel in it.
  const snapshot = fs.readFileSync(path.join(app, '__snapshots__', 'main.test.ts.snap'), 'utf-8');
  expect(snapshot).toContain('alicloud_ros_stack');
  expect(snapshot).toContain('ecs.hfc5.xlarge');
  expect(snapshot).not.toContain('ALI-IPV6');
}, TIMEOUT);

test('after Ipv6Checks.suppress with a reason, the same snapshot test passes (jest --ci: the snapshot is unchanged)', () => {
  fs.writeFileSync(path.join(app, 'main.ts'), mainTs(true));
  fs.writeFileSync(path.join(app, 'main.test.ts'), mainTestTs(true));
  fs.writeFileSync(path.join(app, 'types.test.ts'), TYPES_TEST_TS);
  // ts-jest only strips types here (isolatedModules): the type checker itself must accept the typed test
  const tsc = run(app, 'npx', ['tsc', '--noEmit', '-p', '.']);
  expect(output(tsc)).toBe(`exit 0\n${tsc.stdout}\n${tsc.stderr}`);
  const r = run(app, 'npx', ['jest', '--ci']);
  const text = output(r);
  expect(text).toMatch(/Tests: +3 passed, 3 total/);
  expect(text).toMatch(/Snapshots: +1 passed, 1 total/);
  expect(r.status).toBe(0);
}, TIMEOUT);

/** Issue 18: the config names, and the old plan names (deprecated) beside them, in the same app. */
const NAMES_TEST_TS = `import { Testing } from 'cdktf';
import { AlicloudConfigChecker, AlicloudPlanChecker, ConfigFindingLevel, PlanFindingLevel } from 'cdktf-alicloud-ipv6';
import { webStack } from './main';

test('toBeValidAlicloudConfig and AlicloudConfigChecker; the deprecated plan names still work', () => {
  const synthesized = Testing.synth(webStack(Testing.app(), 'named'));
  expect(synthesized).toBeValidAlicloudConfig();
  expect(synthesized).toBeValidAlicloudPlan();
  expect(AlicloudConfigChecker.check(synthesized).filter((f) => f.level === ConfigFindingLevel.ERROR)).toEqual([]);
  expect(AlicloudPlanChecker.check(synthesized).filter((f) => f.level === PlanFindingLevel.ERROR)).toEqual([]);
  expect(() => expect('{}').not.toBeValidAlicloudConfig()).toThrow(/the config checker found no errors/);
});
`;

test('the config names and the deprecated plan names type-check and pass in the app (issue 18)', () => {
  fs.writeFileSync(path.join(app, 'main.ts'), mainTs(true));
  fs.writeFileSync(path.join(app, 'names.test.ts'), NAMES_TEST_TS);
  const tsc = run(app, 'npx', ['tsc', '--noEmit', '-p', '.']);
  expect(output(tsc)).toBe(`exit 0\n${tsc.stdout}\n${tsc.stderr}`);
  const r = run(app, 'npx', ['jest', '--ci', 'names.test.ts']);
  const text = output(r);
  expect(text).toMatch(/Tests: +1 passed, 1 total/);
  expect(r.status).toBe(0);
}, TIMEOUT);
