/**
 * Nothing trusted or run from a shared, predictable place: the encoded schema and the transpiled plugin
 * live in the per-user cache folder and are verified before use. A schema file or a plugin folder planted
 * where the plugin used to look (the OS temp dir, under predictable names) is ignored; a corrupt or
 * tampered cache is rebuilt, not fatal; and the plugin refuses to serve without AutoMTLS.
 */
import { spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import { generate } from 'selfsigned';
import { permissionBits } from '../../../src/core/private-dir';
import { SchemaPack } from '../../../src/schema/pack';
import { loadProtocol, MAGIC_COOKIE_VALUE, PROTO_DIR } from '../../../src/terraform/plugin/protocol';
import { startPluginServer } from '../../../src/terraform/plugin/server';

jest.setTimeout(120_000);

const SRC = path.join(__dirname, '..', '..', '..', 'src');
const made: string[] = [];
const tmp = (prefix = 'private-cache-test-') => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
};

// os.tmpdir() reads the real environment, not jest's process.env: whatever looks in the temp dir runs in a
// child process whose TMPDIR is the test's own folder, so nothing is ever planted in the shared temp dir.
const saved = { ...process.env };
let plantedTmp: string;
let cacheHome: string;
/** The environment of the child processes: the test's temp dir and cache home. */
let childEnv: NodeJS.ProcessEnv;
beforeEach(() => {
  plantedTmp = tmp('planted-tmp-');
  cacheHome = tmp('cache-home-');
  process.env.XDG_CACHE_HOME = cacheHome;
  delete process.env.CDKTF_ALICLOUD_IPV6_CACHE_DIR;
  childEnv = { ...process.env, TMPDIR: plantedTmp, XDG_CACHE_HOME: cacheHome };
  delete childEnv.TF_PLUGIN_MAGIC_COOKIE;
});
afterEach(() => {
  process.env = { ...saved };
});
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The files under a folder, relative. */
function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as any).path, e.name)));
}

// ---------------------------------------------------------------------------------------------------------
// The encoded schema.

/** The name the schema cache used to have under the OS temp dir (predictable: a hash of public files). */
function oldSchemaCacheFile(tmpdir: string): string {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify(SchemaPack.load().header.reference_files));
  hash.update(fs.readFileSync(path.join(PROTO_DIR, 'tfplugin6.proto')));
  for (const f of ['schema-wire', 'provider']) {
    for (const ext of ['.js', '.ts']) {
      const file = path.join(SRC, 'terraform', 'plugin', f + ext);
      if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
    }
  }
  return path.join(tmpdir, `cdktf-alicloud-ipv6-schema-${hash.digest('hex').slice(0, 24)}.pb`);
}

type Unary = (req: object, cb: (err: grpc.ServiceError | null, res: any) => void) => void;

let clientCert: { cert: string; key: string };
beforeAll(async () => {
  const c = await generate([{ name: 'commonName', value: 'terraform' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', digitalSignature: true, keyCertSign: true }, { name: 'extKeyUsage', clientAuth: true, serverAuth: true }],
  });
  clientCert = { cert: c.cert, key: c.private };
});

/**
 * GetProviderSchema from a new plugin process, started as Terraform starts it (magic cookie, AutoMTLS),
 * with the test's TMPDIR and cache home. Each process reads the cache once.
 */
async function fetchSchema(): Promise<any> {
  const env = { ...childEnv, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6', PLUGIN_CLIENT_CERT: clientCert.cert };
  const child = spawn(process.execPath, [pluginEntry()], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const handshake = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`the plugin exited (${code}) before its handshake`)));
    });
    const [, , , address, , b64] = handshake.split('|');
    const serverPem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(b64, 'base64').toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
    const Provider = grpc.makeGenericClientConstructor(loadProtocol().provider, 'Provider');
    const credentials = grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(clientCert.key), Buffer.from(clientCert.cert));
    const client = new Provider(address, credentials, {
      'grpc.ssl_target_name_override': 'localhost', 'grpc.max_receive_message_length': -1,
    });
    try {
      const fn = (client as unknown as Record<string, Unary>).GetProviderSchema;
      return await new Promise((resolve, reject) => fn.call(client, {}, (err, res) => (err ? reject(err) : resolve(res))));
    } finally {
      client.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
}

/** A well-formed GetProviderSchema response with no types at all: would make any stack "valid" if served. */
const emptySchema = () => loadProtocol().provider.GetProviderSchema.responseSerialize({}) as Buffer;

const cacheDir = () => path.join(cacheHome, 'cdktf-alicloud-ipv6', 'schema');
const cacheFiles = () => fs.readdirSync(cacheDir()).filter((n) => n.endsWith('.pb'));

describe('the encoded schema cache', () => {
  test('a schema planted under the old predictable name in the temp dir is not served', async () => {
    fs.writeFileSync(oldSchemaCacheFile(plantedTmp), emptySchema(), { mode: 0o644 });
    const res = await fetchSchema();
    expect(Object.keys(res.resource_schemas ?? {})).toHaveLength(1184);
    // The real cache is private: 0700 folder, 0600 file.
    expect(permissionBits(cacheDir())).toBe(0o700);
    expect(cacheFiles()).toHaveLength(1);
    expect(permissionBits(path.join(cacheDir(), cacheFiles()[0]))).toBe(0o600);
  });

  test('a tampered cache file (the bytes swapped, the header kept) is detected and rebuilt', async () => {
    await fetchSchema();
    const file = path.join(cacheDir(), cacheFiles()[0]);
    const content = fs.readFileSync(file);
    const nl = content.indexOf(0x0a);
    fs.writeFileSync(file, Buffer.concat([content.subarray(0, nl + 1), emptySchema()]));
    const res = await fetchSchema();
    expect(Object.keys(res.resource_schemas ?? {})).toHaveLength(1184);
    expect(fs.readFileSync(file).equals(content)).toBe(true);
  });

  test('a corrupt cache file is rebuilt, not fatal; so is one that claims another package version', async () => {
    await fetchSchema();
    const file = path.join(cacheDir(), cacheFiles()[0]);
    const content = fs.readFileSync(file);
    fs.writeFileSync(file, 'garbage, no header line');
    expect(Object.keys((await fetchSchema()).resource_schemas ?? {})).toHaveLength(1184);
    expect(fs.readFileSync(file).equals(content)).toBe(true);

    // A file that is internally consistent (right length and digest) but for another version.
    const head = JSON.parse(content.subarray(0, content.indexOf(0x0a)).toString());
    const bytes = emptySchema();
    const forged = { ...head, package: '9.9.9', length: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
    fs.writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(forged) + '\n'), bytes]));
    expect(Object.keys((await fetchSchema()).resource_schemas ?? {})).toHaveLength(1184);
    expect(fs.readFileSync(file).equals(content)).toBe(true);
  });

  test('when the cache folder is not private (another owner), it is not used, and the schema is still served', async () => {
    if (process.getuid!() !== 0) return; // chown needs root; private-dir.test.ts covers the check itself.
    const root = path.join(cacheHome, 'cdktf-alicloud-ipv6');
    fs.mkdirSync(path.join(root, 'schema'), { recursive: true, mode: 0o700 });
    fs.chownSync(path.join(root, 'schema'), 65534, 65534);
    expect(Object.keys((await fetchSchema()).resource_schemas ?? {})).toHaveLength(1184);
    expect(fs.readdirSync(path.join(root, 'schema'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The transpiled plugin.

/** The folder the plugin used to be transpiled into (predictable: a hash of the sources and the checkout path). */
function oldPluginDir(tmpdir: string): string {
  const hash = crypto.createHash('sha256');
  for (const dir of ['terraform', 'schema']) {
    for (const name of fs.readdirSync(path.join(SRC, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).sort()) {
      hash.update(`${dir}/${name}\0${fs.readFileSync(path.join(SRC, dir, name), 'utf-8')}\0`);
    }
  }
  hash.update(path.join(SRC, '..'));
  return path.join(tmpdir, `cdktf-alicloud-ipv6-plugin-${hash.digest('hex').slice(0, 16)}`);
}

/** A plugin folder whose entry, if it is ever run, writes a marker file and says so. */
function plant(dir: string, marker: string): void {
  fs.mkdirSync(path.join(dir, 'lib', 'terraform', 'plugin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'lib', 'terraform', 'plugin', 'plugin-main.js'),
    `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); process.stderr.write('PLANTED CODE RAN\\n');\n`);
}

/** defaultPluginEntry() as a new process of the sources finds it (test/ts-register.js), with the test's TMPDIR and cache home. */
function freshEntry(): string {
  const root = path.join(SRC, '..');
  const code = `require(${JSON.stringify(path.join(root, 'test', 'ts-register.js'))});`
    + `process.stdout.write(require(${JSON.stringify(path.join(SRC, 'terraform', 'run', 'plugin-entry.ts'))}).defaultPluginEntry());`;
  const r = spawnSync(process.execPath, ['-e', code], { cwd: root, env: childEnv, encoding: 'utf-8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`defaultPluginEntry() failed: ${r.stderr}`);
  lastStderr = r.stderr;
  return r.stdout;
}
let lastStderr = '';

/** The plugin entry the tests run (transpiled once, in the real cache of this worker's environment). */
let sharedEntry: string | undefined;
const pluginEntry = () => sharedEntry ??= freshEntry();

/** Runs the entry as a human would (no magic cookie): the real plugin says it is a plugin and exits 1. */
function runEntry(entry: string) {
  const env = { ...process.env };
  delete env.TF_PLUGIN_MAGIC_COOKIE;
  return spawnSync(process.execPath, [entry], { env, encoding: 'utf-8', timeout: 30_000 });
}

describe('the transpiled plugin folder', () => {
  test('a plugin folder planted under the old predictable name in the temp dir is never run', () => {
    const marker = path.join(tmp(), 'marker');
    plant(oldPluginDir(plantedTmp), marker);
    const entry = freshEntry();
    expect(entry.startsWith(oldPluginDir(plantedTmp))).toBe(false);
    expect(entry.startsWith(path.join(cacheHome, 'cdktf-alicloud-ipv6', 'plugin') + path.sep)).toBe(true);
    const r = runEntry(entry);
    expect(r.stderr).toMatch(/^This binary is a plugin/);
    expect(r.status).toBe(1);
    expect(fs.existsSync(marker)).toBe(false);
  });

  test('the folder is private: 0700 folders, 0600 files, and a manifest of SHA-256 per file', () => {
    const entry = freshEntry();
    const dir = path.join(path.dirname(entry), '..', '..', '..');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf-8'));
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['lib/terraform/plugin/plugin-main.js', 'lib/terraform/plugin/server.js', 'lib/core/private-dir.js']));
    for (const rel of listFiles(path.join(dir, 'lib'))) {
      expect([rel, permissionBits(path.join(dir, 'lib', rel))]).toEqual([rel, 0o600]);
    }
    expect(permissionBits(path.dirname(dir))).toBe(0o700);
    expect(permissionBits(dir)).toBe(0o700);
  });

  test('a pre-created folder at the new name without a matching manifest is never run: it is rebuilt', () => {
    const first = freshEntry();
    const dir = path.join(path.dirname(first), '..', '..', '..');
    fs.rmSync(dir, { recursive: true });
    const marker = path.join(tmp(), 'marker');
    plant(dir, marker);
    const entry = freshEntry();
    expect(entry).toBe(first);
    expect(runEntry(entry).stderr).toMatch(/^This binary is a plugin/);
    expect(fs.existsSync(marker)).toBe(false);
  });

  test('a tampered file is detected even when the manifest was rewritten to match it', () => {
    const first = freshEntry();
    const dir = path.join(path.dirname(first), '..', '..', '..');
    const marker = path.join(tmp(), 'marker');
    const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n`;
    fs.appendFileSync(first, code);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf-8'));
    manifest.files['lib/terraform/plugin/plugin-main.js'] = crypto.createHash('sha256').update(fs.readFileSync(first)).digest('hex');
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const entry = freshEntry();
    expect(fs.readFileSync(entry, 'utf-8')).not.toContain(marker);
    runEntry(entry);
    expect(fs.existsSync(marker)).toBe(false);

    // A file the manifest does not list is refused too: the folder is rebuilt without it.
    fs.writeFileSync(path.join(dir, 'lib', 'terraform', 'extra.js'), code);
    freshEntry();
    expect(fs.existsSync(path.join(dir, 'lib', 'terraform', 'extra.js'))).toBe(false);
  });

  test('when the cache folder belongs to another user, the plugin is transpiled into a fresh folder of this run, with a warning', () => {
    if (process.getuid!() !== 0) return; // chown needs root; private-dir.test.ts covers the check itself.
    const root = path.join(cacheHome, 'cdktf-alicloud-ipv6');
    fs.mkdirSync(root, { mode: 0o700 });
    fs.chownSync(root, 65534, 65534);
    const entry = freshEntry();
    expect(lastStderr).toMatch(/refusing to use .*cdktf-alicloud-ipv6: it is owned by uid 65534/);
    expect(lastStderr).toMatch(/the offline provider runs from .* for this run instead/);
    expect(entry.startsWith(root)).toBe(false);
    // The process that made it removed it at exit: a fresh folder, per run, under the (test's) temp dir.
    expect(entry.startsWith(path.join(plantedTmp, 'cdktf-alicloud-plugin-'))).toBe(true);
    expect(fs.existsSync(entry)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// No plain gRPC.

describe('the plugin never serves plain gRPC', () => {
  test('started by a host without PLUGIN_CLIENT_CERT, it refuses to start: message on stderr, nothing on stdout, exit 1', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6' };
    delete env.PLUGIN_CLIENT_CERT;
    const r = spawnSync(process.execPath, [pluginEntry()], { env, encoding: 'utf-8', timeout: 30_000 });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/PLUGIN_CLIENT_CERT is not set.*never serves plain gRPC/);
    expect(r.status).toBe(1);
  });

  test('startPluginServer without a client certificate throws', async () => {
    await expect(startPluginServer({} as any)).rejects.toThrow(/PLUGIN_CLIENT_CERT is not set/);
  });
});
