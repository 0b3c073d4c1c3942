/**
 * The values the rules read from a resolved Terraform document: blocks, links, and values that may be
 * unknown at synth time, with their literal conversions. A leaf module: the context and the ECI model both
 * build on it.
 * @internal
 */
import { isToken } from './references';
import { TerraformBlock } from '../core/terraform-json';

/**
 * One `resource` or `data` block of the document whose body is a JSON object (the Terraform JSON reader's
 * block): kind, type, name, address (`alicloud_vswitch.X`, `data.alicloud_vpc_ipv6_addresses.Y`), body, and
 * the construct path from `//.metadata.path` (undefined for blocks added with a raw override).
 * @internal
 */
export type TfBlock = TerraformBlock<Record<string, any>>;

/** A value that may be unknown at synth time. @internal */
export type Known<T> =
  | { readonly state: 'known'; readonly value: T }
  | { readonly state: 'unknown'; readonly why: string }
  | { readonly state: 'absent' };

/** What a Terraform value points at. @internal */
export type Link =
  | { readonly kind: 'resource'; readonly block: TfBlock }
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly expression: string }
  | { readonly kind: 'absent' };

export const known = <T>(value: T): Known<T> => ({ state: 'known', value });
export const unknown = <T>(why: string): Known<T> => ({ state: 'unknown', why });
export const ABSENT: Known<never> = { state: 'absent' };

/** A literal bool (JSON bool or Terraform's "true"/"false"/"1"/"0"), 'unknown' for an expression, undefined when unset. @internal */
export function boolOf(value: unknown): boolean | 'unknown' | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (isToken(value)) return 'unknown';
  if (value === 'true' || value === '1' || value === 1) return true;
  if (value === 'false' || value === '0' || value === 0) return false;
  return 'unknown';
}

/** A literal number (JSON number or numeric string), 'unknown' for an expression, NaN for other literals. @internal */
export function numberOf(value: unknown): number | 'unknown' | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (isToken(value)) return 'unknown';
  if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return NaN;
}
