/**
 * The plugin process: go-plugin's handshake and AutoMTLS around the tfplugin6 provider service.
 *
 * Terraform starts the plugin with `TF_PLUGIN_MAGIC_COOKIE`, `PLUGIN_PROTOCOL_VERSIONS` and (AutoMTLS)
 * `PLUGIN_CLIENT_CERT`, its own certificate. The plugin then
 *   - makes a self-signed EC P-256 certificate for `localhost` (a CA certificate: Terraform trusts
 *     exactly that certificate);
 *   - serves gRPC over TLS on 127.0.0.1, requiring a client certificate that verifies against
 *     `PLUGIN_CLIENT_CERT`;
 *   - prints ONE line on stdout, `1|6|tcp|127.0.0.1:<port>|grpc|<certificate DER, base64 without padding>`.
 * Without `PLUGIN_CLIENT_CERT` (a go-plugin host without AutoMTLS) it refuses to start, with a message on
 * stderr and exit 1: it never serves plain gRPC. Logs go to stderr; nothing else is ever written to stdout.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import { generate } from 'selfsigned';
import { GO_PLUGIN_CORE_PROTOCOL, loadProtocol, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, PROTO_DIR, TF_PROTOCOL_VERSION } from './protocol';
import { SCHEMA_ONLY, SchemaOnlyProvider } from './provider';
import { privateCacheDir, sha256Hex, writePrivateFileAtomic } from '../../core/private-dir';
import { SCHEMA_DIR, SCHEMA_PACK_FILE, SchemaPack } from '../../schema/pack';

/** What `main` tells someone who runs the plugin by hand. */
export const NOT_FOR_HUMANS = 'This binary is a plugin: the offline, schema-only aliyun/alicloud provider of cdktf-alicloud-ipv6. '
  + 'It is not meant to be executed directly; Terraform starts it. Run `cdktf-alicloud-ipv6 validate <stack-dir>` or '
  + '`cdktf-alicloud-ipv6 terraform <stack-dir> -- <terraform args>` instead.';

/** Why the plugin does not start without `PLUGIN_CLIENT_CERT`. */
export const NO_CLIENT_CERT = 'cdktf-alicloud-ipv6 offline provider: PLUGIN_CLIENT_CERT is not set, so the host did not ask for AutoMTLS; '
  + 'this plugin never serves plain gRPC and does not start. Terraform 0.15 or later sets it (do not set TF_DISABLE_PLUGIN_TLS).';

/** The server certificate and key, PEM. */
export interface ServerCertificate {
  readonly cert: string;
  readonly key: string;
}

/** A self-signed EC P-256 CA certificate for `localhost`, valid for a day (one plugin process). */
export async function makeServerCertificate(): Promise<ServerCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'cdktf-alicloud-ipv6 offline provider' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** The handshake's certificate field: the DER as base64 without padding (the PEM body, joined). */
export function handshakeCertificate(pem: string): string {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return body.replace(/=+$/, '');
}

/** A running plugin server. */
export interface RunningPlugin {
  readonly server: grpc.Server;
  readonly port: number;
  /** The line printed on stdout. */
  readonly handshake: string;
}

/** Options of {@link startPluginServer}. */
export interface StartOptions {
  /** `PLUGIN_CLIENT_CERT`: the client certificate to require (AutoMTLS). Required: there is no plain gRPC. */
  readonly clientCertPem: string;
  readonly log?: (line: string) => void;
  /** Called when the host asks the plugin to shut down (go-plugin's GRPCController.Shutdown). */
  readonly onShutdown?: () => void;
}

/** Starts the gRPC server on 127.0.0.1 (a free port) and returns the handshake line to print. */
export async function startPluginServer(options: StartOptions): Promise<RunningPlugin> {
  if (!options?.clientCertPem) throw new Error(NO_CLIENT_CERT);
  const log = options.log ?? (() => undefined);
  const protocol = loadProtocol();
  const server = new grpc.Server({
    // The whole schema is one message of several MB.
    'grpc.max_send_message_length': -1,
    'grpc.max_receive_message_length': 256 * 1024 * 1024,
  });
  const provider = new SchemaOnlyProvider({ log });
  server.addService(withEncodedSchema(protocol.provider), {
    ...provider.handlers(),
    GetProviderSchema: schemaHandler(provider, protocol.provider, log),
  });
  server.addService(protocol.health, {
    Check: (call: grpc.ServerUnaryCall<any, any>, callback: grpc.sendUnaryData<any>) => {
      const service: string = call.request?.service ?? '';
      callback(null, { status: service === '' || service === 'plugin' ? 1 : 3 });
    },
  });
  server.addService(protocol.controller, {
    Shutdown: (_call: grpc.ServerUnaryCall<any, any>, callback: grpc.sendUnaryData<any>) => {
      callback(null, {});
      setImmediate(() => options.onShutdown?.());
    },
  });

  const own = await makeServerCertificate();
  const credentials = grpc.ServerCredentials.createSsl(
    Buffer.from(options.clientCertPem),
    [{ private_key: Buffer.from(own.key), cert_chain: Buffer.from(own.cert) }],
    true, // require and verify the client certificate
  );
  const certField = handshakeCertificate(own.cert);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', credentials, (err, p) => (err ? reject(err) : resolve(p)));
  });
  const fields = [String(GO_PLUGIN_CORE_PROTOCOL), String(TF_PROTOCOL_VERSION), 'tcp', `127.0.0.1:${port}`, 'grpc', certField];
  return { server, port, handshake: fields.join('|') };
}

/**
 * The GetProviderSchema response is the same for every plugin process of a package version: about 2.5 MB
 * of protobuf that takes a second of CPU to build and encode. Terraform starts the plugin several times
 * per command, so the encoded bytes are kept in the per-user cache folder (core/private-dir.ts: mode 0700,
 * checked before use), in a file named by a hash of what they are made from (the schema pack, the .proto
 * and this code). The file starts with one JSON line that says what it holds: the package version, the
 * SHA-256 of the schema pack, the key and the SHA-256 and length of the bytes after the line. A file whose
 * line does not match, or whose bytes do not match their digest, is not used: the bytes are encoded again
 * and the file replaced (atomically, mode 0600).
 */
export interface SchemaCacheIdentity {
  readonly format: 1;
  /** The package's version (package.json). */
  readonly package: string;
  /** SHA-256 of the schema pack file. */
  readonly schemaPack: string;
  /** The hash that names the file (pack, .proto, the encoding code). */
  readonly key: string;
}

let identity: SchemaCacheIdentity | undefined;

/** What a cache file of this build must claim to hold. @internal */
export function schemaCacheIdentity(): SchemaCacheIdentity {
  if (identity) return identity;
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify(SchemaPack.load().header.reference_files));
  hash.update(fs.readFileSync(path.join(PROTO_DIR, 'tfplugin6.proto')));
  for (const f of ['schema-wire', 'provider']) {
    for (const ext of ['.js', '.ts']) {
      const file = path.join(__dirname, f + ext);
      if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
    }
  }
  let version = 'unknown';
  try {
    version = String(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, '..', 'package.json'), 'utf-8')).version);
  } catch {
    // A copy without package.json: the pack's digest and the key still say what the bytes are.
  }
  return identity = {
    format: 1,
    package: version,
    schemaPack: sha256Hex(fs.readFileSync(path.join(SCHEMA_DIR, SCHEMA_PACK_FILE))),
    key: hash.digest('hex').slice(0, 24),
  };
}

/** The cache file (its folder created and checked: throws UntrustedDirError when it is not private). @internal */
export function schemaCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(privateCacheDir('schema', { env }), `schema-${schemaCacheIdentity().key}.pb`);
}

/** The file's content for `bytes`: the identity line, then the bytes. @internal */
export function encodeSchemaCache(bytes: Buffer, id: SchemaCacheIdentity = schemaCacheIdentity()): Buffer {
  const line = JSON.stringify({ ...id, length: bytes.length, sha256: sha256Hex(bytes) });
  return Buffer.concat([Buffer.from(line + '\n'), bytes]);
}

/** The bytes of a cache file's content, or why it is not to be used. @internal */
export function decodeSchemaCache(content: Buffer, id: SchemaCacheIdentity = schemaCacheIdentity()): { bytes: Buffer } | { problem: string } {
  const nl = content.indexOf(0x0a);
  if (nl < 0 || nl > 4096) return { problem: 'no header line' };
  let head: any;
  try {
    head = JSON.parse(content.subarray(0, nl).toString('utf-8'));
  } catch {
    return { problem: 'the header line is not JSON' };
  }
  for (const k of ['format', 'package', 'schemaPack', 'key'] as const) {
    if (head?.[k] !== id[k]) return { problem: `it holds ${k} ${JSON.stringify(head?.[k])}, not ${JSON.stringify(id[k])}` };
  }
  const bytes = content.subarray(nl + 1);
  if (head.length !== bytes.length) return { problem: `${bytes.length} bytes, the header says ${head.length}` };
  if (head.sha256 !== sha256Hex(bytes)) return { problem: 'the bytes do not match their SHA-256' };
  return { bytes };
}

/**
 * The encoded GetProviderSchema response: from the cache when the file there verifies, else encoded now
 * (and the cache file written). A cache that cannot be used is logged, never fatal.
 */
export function encodedProviderSchema(
  encode: () => Buffer, log: (line: string) => void = () => undefined, env: NodeJS.ProcessEnv = process.env,
): Buffer {
  let file: string;
  try {
    file = schemaCacheFile(env);
  } catch (e) {
    log(`GetProviderSchema: not cached: ${(e as Error).message}`);
    return encode();
  }
  if (fs.existsSync(file)) {
    try {
      const found = decodeSchemaCache(fs.readFileSync(file));
      if ('bytes' in found) {
        log(`GetProviderSchema from ${file}`);
        return found.bytes;
      }
      log(`GetProviderSchema: ${file} not used (${found.problem}): encoding it again`);
    } catch (e) {
      log(`GetProviderSchema: ${file} not read (${(e as Error).message}): encoding it again`);
    }
  }
  const bytes = encode();
  try {
    writePrivateFileAtomic(file, encodeSchemaCache(bytes));
    log(`GetProviderSchema encoded (${bytes.length} bytes), kept in ${file}`);
  } catch (e) {
    log(`GetProviderSchema encoded (${bytes.length} bytes), not kept: ${(e as Error).message}`);
  }
  return bytes;
}

/** The provider service with a GetProviderSchema serializer that passes already-encoded bytes through. */
function withEncodedSchema(def: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const m = def.GetProviderSchema;
  return { ...def, GetProviderSchema: { ...m, responseSerialize: (v: any) => (Buffer.isBuffer(v) ? v : m.responseSerialize(v)) } };
}

function schemaHandler(provider: SchemaOnlyProvider, def: grpc.ServiceDefinition, log: (line: string) => void): grpc.handleUnaryCall<any, any> {
  let bytes: Buffer | undefined;
  return (_call, callback) => {
    try {
      if (!bytes) bytes = encodedProviderSchema(() => def.GetProviderSchema.responseSerialize(provider.getProviderSchema()) as Buffer, log);
      callback(null, bytes);
    } catch (e) {
      callback({ code: grpc.status.INTERNAL, details: `${SCHEMA_ONLY}: GetProviderSchema: ${(e as Error).message}` });
    }
  };
}

/** Why the environment is not a go-plugin host's, or undefined when it is. */
export function handshakeProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) return NOT_FOR_HUMANS;
  const versions = (env.PLUGIN_PROTOCOL_VERSIONS ?? String(TF_PROTOCOL_VERSION)).split(',').map((s) => s.trim());
  if (!versions.includes(String(TF_PROTOCOL_VERSION))) {
    return `This plugin speaks Terraform plugin protocol ${TF_PROTOCOL_VERSION}; the host offers ${versions.join(', ')} (Terraform 1.0 or later speaks 6).`;
  }
  return undefined;
}

/**
 * The plugin's main: checks the handshake environment (exit 1 with a message on stderr when it is not
 * Terraform that started it, or when the host did not ask for AutoMTLS), serves, prints the handshake
 * line, and exits when the host shuts it down, when the host process goes away, or on SIGTERM.
 */
export async function pluginMain(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const problem = handshakeProblem(env) ?? (env.PLUGIN_CLIENT_CERT ? undefined : NO_CLIENT_CERT);
  if (problem) {
    process.stderr.write(problem + '\n');
    process.exitCode = 1;
    return;
  }
  const verbose = !!env.TF_LOG || !!env.CDKTF_ALICLOUD_PLUGIN_LOG;
  const log = (line: string) => {
    if (verbose) process.stderr.write(`[cdktf-alicloud-ipv6 offline provider] ${line}\n`);
  };
  const stop = () => {
    running.server.forceShutdown();
    process.exit(0);
  };
  const running = await startPluginServer({ clientCertPem: env.PLUGIN_CLIENT_CERT!, log, onShutdown: () => stop() });
  process.stdout.write(running.handshake + '\n');
  log(`serving tfplugin6 on 127.0.0.1:${running.port} (AutoMTLS)`);
  process.on('SIGTERM', stop);
  // As go-plugin's servers do: Ctrl-C reaches the whole process group, and the host (which got it too)
  // decides when its plugins stop.
  process.on('SIGINT', () => log('SIGINT ignored: the host stops the plugin'));
  // go-plugin stops its plugins; if the host dies first, do not linger as an orphan.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
}
