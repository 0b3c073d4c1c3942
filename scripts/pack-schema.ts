/**
 * Packs the full alicloud provider schema and its constraints into one JSON Lines file,
 * `schema/alicloud-1.289.0.jsonl`, that the library reads lazily (src/schema/pack.ts):
 *
 *   npx projen pack:schema -- <alicloud-provider-schema-full.json> <alicloud-constraints-full.json>
 *
 * The inputs are the team's reference files (`terraform providers schema -json` layout, derived from the
 * provider's Go source; see schema/PROVENANCE.md). Line 1 is a header with a byte index of the other lines; every other line is one type:
 *   {"kind":"provider","type":"alicloud","schema":{...},"constraints":{...}}
 *   {"kind":"resource","type":"alicloud_vpc","schema":{"version":0,"block":{...}},"constraints":{...}}
 *   {"kind":"data","type":"alicloud_zones","schema":{...},"constraints":{...}}
 * Lines follow the order of the constraints file, so both input files can be rebuilt byte for byte
 * (`rebuildReferenceFiles` in src/schema/pack.ts; test/schema/pack.test.ts checks their sha256).
 * The script refuses to write a pack that does not rebuild its inputs exactly.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { PackHeader, PackLine, PROVIDER_ADDRESS, rebuildReferenceFiles, SCHEMA_PACK_FILE, SchemaPack } from '../src/schema/pack';

const ROOT = path.resolve(__dirname, '..');
const DATA_SUFFIX = ' (data source)';

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

function main(): void {
  const [schemaFile, constraintsFile] = process.argv.slice(2);
  if (!schemaFile || !constraintsFile) {
    console.error('usage: pack-schema <alicloud-provider-schema-full.json> <alicloud-constraints-full.json>');
    process.exit(2);
  }
  const schemaText = fs.readFileSync(schemaFile, 'utf-8');
  const constraintsText = fs.readFileSync(constraintsFile, 'utf-8');
  const schemaDoc = JSON.parse(schemaText);
  const constraints: Record<string, Record<string, unknown>> = JSON.parse(constraintsText);
  const provider = schemaDoc.provider_schemas?.[PROVIDER_ADDRESS];
  if (!provider) throw new Error(`no "${PROVIDER_ADDRESS}" in ${schemaFile}`);

  const header: Omit<PackHeader, 'index'> = {
    pack: 'cdktf-alicloud-ipv6 schema pack',
    pack_version: 1,
    provider_address: PROVIDER_ADDRESS,
    provider_version: '1.289.0',
    format_version: schemaDoc.format_version,
    reference_files: {
      schema: { name: path.basename(schemaFile), sha256: sha256(schemaText) },
      constraints: { name: path.basename(constraintsFile), sha256: sha256(constraintsText) },
    },
    counts: {
      resources: Object.keys(provider.resource_schemas).length,
      data_sources: Object.keys(provider.data_source_schemas).length,
    },
  };

  const lines: string[] = [];
  const placed = { resource: new Set<string>(), data: new Set<string>() };
  for (const [key, facts] of Object.entries(constraints)) {
    let line: PackLine;
    if (key === 'provider') {
      line = { kind: 'provider', type: 'alicloud', schema: provider.provider, constraints: facts };
    } else if (key.endsWith(DATA_SUFFIX)) {
      const type = key.slice(0, -DATA_SUFFIX.length);
      line = { kind: 'data', type, schema: provider.data_source_schemas[type], constraints: facts, constraints_key: key };
    } else if (provider.resource_schemas[key]) {
      line = { kind: 'resource', type: key, schema: provider.resource_schemas[key], constraints: facts };
    } else {
      line = { kind: 'data', type: key, schema: provider.data_source_schemas[key], constraints: facts };
    }
    if (!line.schema) throw new Error(`constraints key "${key}" has no schema`);
    if (line.kind !== 'provider') placed[line.kind].add(line.type);
    lines.push(JSON.stringify(line));
  }
  const unplaced = [
    ...Object.keys(provider.resource_schemas).filter((t) => !placed.resource.has(t)),
    ...Object.keys(provider.data_source_schemas).filter((t) => !placed.data.has(t)),
  ];
  if (unplaced.length) throw new Error(`types without a constraints entry: ${unplaced.join(', ')}`);

  // The index: each line's byte range after the header line.
  const index: Record<string, [number, number]> = {};
  let offset = 0;
  for (const line of lines) {
    const m = /^\{"kind":"(\w+)","type":"([^"]+)"/.exec(line)!;
    const length = Buffer.byteLength(line, 'utf-8');
    index[`${m[1]}:${m[2]}`] = [offset, length];
    offset += length + 1;
  }
  const text = [JSON.stringify({ ...header, index }), ...lines].join('\n') + '\n';
  const rebuilt = rebuildReferenceFiles(SchemaPack.fromBytes(Buffer.from(text, 'utf-8')));
  if (sha256(rebuilt.schema) !== header.reference_files.schema.sha256 || sha256(rebuilt.constraints) !== header.reference_files.constraints.sha256) {
    throw new Error('the pack does not rebuild its input files byte for byte; not written');
  }
  const out = path.join(ROOT, 'schema', SCHEMA_PACK_FILE);
  fs.writeFileSync(out, text);
  console.log(`wrote schema/${SCHEMA_PACK_FILE}: ${lines.length} types, ${text.length} bytes; rebuilds both inputs (sha256 checked)`);
}

main();
