/**
 * The encoded GetProviderSchema response, kept in the per-user cache folder between plugin processes.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { PROTO_DIR } from './protocol';
import { privateCacheDir, sha256Hex, writePrivateFileAtomic } from '../../core/private-dir';
import { SCHEMA_DIR, SCHEMA_PACK_FILE, SchemaPack } from '../../schema/pack';

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
