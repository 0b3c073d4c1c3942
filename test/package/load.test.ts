import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { requireCompiledLib, ROOT } from './util';

/**
 * Only what a command needs is loaded: a user who synthesizes (or runs `check`) never loads the offline
 * provider's gRPC, protobuf, msgpack or certificate code (lib/terraform/plugin/, and the packages it uses),
 * which only a Terraform run needs. Each case runs in a
 * fresh Node process on the compiled lib/ and lists the modules it loaded.
 */
const TERRAFORM_ONLY = ['@grpc/', 'protobufjs', '@msgpack/', 'selfsigned'];
/** The plugin's own code (issue 21: its gRPC server, protobuf codec and certificate are the package's now). */
const PLUGIN_DIR = `${path.sep}lib${path.sep}terraform${path.sep}plugin${path.sep}`;

beforeAll(() => requireCompiledLib());

/** The loaded module files of a fresh process that runs `script` (async; `lib` is the compiled package). */
function loadedBy(script: string): string[] {
  const probe = `
    (async () => {
      const lib = require(${JSON.stringify(path.join(ROOT, 'lib'))});
      ${script}
      process.stdout.write(JSON.stringify(Object.keys(require.cache)));
    })().catch((e) => { console.error(e); process.exit(3); });
  `;
  const out = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf-8', env: { ...process.env, CDKTF_OUTDIR: undefined } });
  return JSON.parse(out) as string[];
}

const terraformOnly = (loaded: string[]) => loaded.filter((m) => TERRAFORM_ONLY.some((p) => m.includes(`node_modules${path.sep}${p}`)) || m.includes(PLUGIN_DIR));

test('synthesizing a stack with the constructs and the rule pack loads no gRPC, protobuf, msgpack or certificate code', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-load-'));
  const loaded = loadedBy(`
    const { App, TerraformStack } = require('cdktf');
    const app = new App({ outdir: ${JSON.stringify(outdir)} });
    const stack = new TerraformStack(app, 'web');
    new lib.alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
    const vpc = new lib.DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    const securityGroup = new lib.SecurityGroup(stack, 'Sg', { vpc });
    new lib.ContainerGroup(stack, 'Web', { vpc, securityGroup, cpu: 1, memory: 2, ipv6AddressCount: 1,
      containers: [{ name: 'web', image: 'nginx:alpine' }] });
    app.synth();
  `);
  expect(fs.existsSync(path.join(outdir, 'stacks', 'web', 'cdk.tf.json'))).toBe(true);
  // the probe sees the library's own modules, so an empty list below means they really were not loaded
  expect(loaded.some((m) => m.includes(`${path.sep}lib${path.sep}rules${path.sep}`))).toBe(true);
  expect(terraformOnly(loaded)).toEqual([]);
});

test('the check command on a folder loads no gRPC, protobuf, msgpack or certificate code either', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-load-check-'));
  fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "alicloud_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n  enable_ipv6 = true\n}\n');
  const loaded = loadedBy(`
    let out = '';
    const code = await require(${JSON.stringify(path.join(ROOT, 'lib', 'cli', 'commands'))})
      .runCli(['check', ${JSON.stringify(dir)}], { out: (t) => { out += t; }, err: (t) => { out += t; } });
    if (!/ALI-IPV6/.test(out)) throw new Error('check did not run the rules (exit ' + code + '): ' + out);
  `);
  expect(loaded.some((m) => m.includes(`${path.sep}lib${path.sep}check${path.sep}`))).toBe(true);
  expect(terraformOnly(loaded)).toEqual([]);
});

test('the control: loading the plugin\'s server is seen (its own gRPC, protobuf and certificate code, and msgpack)', () => {
  const loaded = terraformOnly(loadedBy(`require(${JSON.stringify(path.join(ROOT, 'lib', 'terraform', 'plugin', 'server'))});`));
  for (const f of ['grpc-server.js', 'protobuf.js', 'x509.js', 'protocol.js']) {
    expect(loaded).toContainEqual(expect.stringContaining(`${PLUGIN_DIR}${f}`));
  }
  expect(loaded).toContainEqual(expect.stringContaining(`node_modules${path.sep}@msgpack${path.sep}`));
});
