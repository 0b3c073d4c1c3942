/**
 * Terraform expressions in the resolved JSON: `${alicloud_vswitch.NAME.id}` and friends.
 * @internal
 */
import { isToken as isTemplate } from '../core/terraform-json';

/**
 * True for a string holding a Terraform template (`${...}` / `%{...}`, not escaped as `$${`): a value
 * known only at apply time. (The Terraform JSON reader's guard, without its `value is string` narrowing.)
 * @internal
 */
export function isToken(value: unknown): boolean {
  return isTemplate(value);
}

/** `alicloud_vswitch.Vpc_VSwitch_1A2B` or `data.alicloud_vpc_ipv6_addresses.Lookup_3C4D`. @internal */
export type Address = string;

/** A reference to an attribute of a resource or data source. @internal */
export interface Reference {
  readonly address: Address;
  readonly attribute?: string;
}

/** A whole value that is exactly one reference: `${TYPE.NAME.ATTR}` (or `${data.TYPE.NAME.ATTR}`). */
const EXACT = /^\$\{((?:data\.)?[A-Za-z][A-Za-z0-9_]*\.[A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_]+))?(?:\[[^\]]*\])*(?:\.[A-Za-z0-9_]+)*\}$/;
/** Every `TYPE.NAME` or `data.TYPE.NAME` inside an expression (provider resources only: `alicloud_`). */
const ANY = /(?<![\w.$])((?:data\.)?alicloud_[a-z0-9_]+\.[A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_]+))?/g;

/**
 * The reference when the value is exactly `${TYPE.NAME.ATTR...}`; undefined otherwise (literals, other
 * expressions, variables, locals).
 * @internal
 */
export function exactReference(value: unknown): Reference | undefined {
  if (typeof value !== 'string' || !value.startsWith('${')) return undefined;
  const m = EXACT.exec(value);
  if (!m) return undefined;
  const address = m[1];
  if (/^(var|local|module|each|count|path|terraform|self)\./.test(address)) return undefined;
  return { address, attribute: m[2] };
}

/** Every reference to an `alicloud_*` resource or data source inside a string (any expression). @internal */
export function referencesIn(value: unknown): Reference[] {
  if (typeof value !== 'string' || !value.includes('${')) return [];
  const refs: Reference[] = [];
  for (const m of value.matchAll(ANY)) refs.push({ address: m[1], attribute: m[2] });
  return refs;
}

/** Text for messages: a short form of a long expression. @internal */
export function show(value: unknown): string {
  // JSON.stringify(undefined) is undefined, not a string: a missing value reads `undefined`.
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
