/**
 * Helpers to write `terraform test` files for synthesized stacks: mock values built from the schema pack
 * (a mock value for a list of objects must set every attribute of the object type), and HCL text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SchemaPack } from '../../src/schema/pack';

/** A value of a cty type (JSON form) with every attribute set: "" / 0 / false / empty collections. */
export function zeroValue(type: unknown): unknown {
  if (type === 'string') return '';
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type)) {
    const [kind, elem] = type;
    if (kind === 'list' || kind === 'set' || kind === 'tuple') return [];
    if (kind === 'map') return {};
    if (kind === 'object') return Object.fromEntries(Object.entries(elem as Record<string, unknown>).map(([k, t]) => [k, zeroValue(t)]));
  }
  return null;
}

/** One element of a list-of-objects attribute of a type in the pack, every attribute set, `values` on top. */
export function element(kind: 'resource' | 'data', type: string, attribute: string, values: Record<string, unknown>): Record<string, unknown> {
  const attr = SchemaPack.load().entry(kind, type)?.schema.block.attributes?.[attribute];
  if (!attr) throw new Error(`no attribute ${attribute} in ${kind} ${type}`);
  const [collection, objectType] = attr.type;
  if (!['list', 'set'].includes(collection) || !Array.isArray(objectType) || objectType[0] !== 'object') {
    throw new Error(`${type}.${attribute} is not a list of objects`);
  }
  const zero = zeroValue(objectType) as Record<string, unknown>;
  for (const k of Object.keys(values)) if (!(k in zero)) throw new Error(`${type}.${attribute} objects have no attribute ${k}`);
  return { ...zero, ...values };
}

/** A value as an HCL expression (JSON syntax is valid HCL; `${` and `%{` are escaped). */
export function hcl(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** The one block name of a type in a synthesized document (fails unless there is exactly one). */
export function onlyName(doc: any, section: 'resource' | 'data', type: string): string {
  const names = Object.keys(doc[section]?.[type] ?? {});
  if (names.length !== 1) throw new Error(`expected one ${section} ${type}, found ${names.length}: ${names.join(', ')}`);
  return names[0];
}

/** The synthesized document of a stack folder. */
export function readStack(stackDir: string): any {
  return JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf-8'));
}

/** One `run` of `terraform test -json` output. */
export interface TestRunResult {
  readonly run: string;
  readonly status: string;
}

/**
 * The per-run results of `terraform test -json` (one JSON message per line): `test_run` messages with
 * `progress: "complete"`, as `run name -> status` ("pass", "fail", "error", "skip").
 */
export function runStatuses(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    const msg = JSON.parse(line);
    if (msg.type === 'test_run' && msg.test_run?.progress === 'complete') out[msg.test_run.run] = msg.test_run.status;
  }
  return out;
}

/** The error and warning messages of `terraform test -json` output, as "summary: detail". */
export function diagnosticsOf(stdout: string): string[] {
  const out: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    const msg = JSON.parse(line);
    if (msg.type === 'diagnostic') out.push(`${msg['@testrun'] ?? ''} ${msg.diagnostic.severity}: ${msg.diagnostic.summary}: ${msg.diagnostic.detail ?? ''}`.trim());
  }
  return out;
}
