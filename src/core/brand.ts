/**
 * Brands for this library's own classes, so that a type check holds across two copies of the library in one
 * node_modules (two versions pulled in by different packages): `instanceof` fails there, a `Symbol.for` brand does
 * not. cdktf marks its classes the same way (`Symbol.for('cdktf/TerraformStack')` and `TerraformStack.isStack`).
 *
 * Which copies are compatible (the decision of issue 19): the brand names the package (FLAVOUR.packageName), the
 * class and a protocol version, e.g. `Symbol.for('cdktf-alicloud-ipv6/Ipv6Checks@1')`.
 * - Another copy of the same flavour with the same protocol is accepted: a `Peer`, `Port`, `Probe` or `Volume` of
 *   that copy is passed on to its own methods, an `Ipv6Checks` of that copy counts as the stack's rule pack.
 * - The other flavour (the same library built for the other core) has another package name, so another brand: its
 *   objects are never taken for ours (they belong to another core, whose stacks core-guard.ts refuses anyway).
 * - A copy whose brand protocol differs (a future incompatible change bumps `BRAND_PROTOCOL`) is not accepted either,
 *   and gets the ordinary "must be a Peer" error.
 * The brand sits on the class's prototype (one property per class, nothing per instance), so subclasses carry it.
 * @internal
 */
import { FLAVOUR } from './flavour';

/** Bumped when objects of this library stop being interchangeable between copies. */
const BRAND_PROTOCOL = 1;

/** The brand symbol of one of this library's classes, e.g. `Symbol.for('cdktf-alicloud-ipv6/Peer@1')`. @internal */
export function brandOf(className: string): symbol {
  let brand = brands.get(className);
  if (brand === undefined) {
    brand = Symbol.for(`${FLAVOUR.packageName}/${className}@${BRAND_PROTOCOL}`);
    brands.set(className, brand);
  }
  return brand;
}

/** The brands made so far, by class name (checks run per construct and per aspect: no string building each time). */
const brands = new Map<string, symbol>();

/** Marks a class (its prototype) with its brand. @internal */
export function brandClass(type: { readonly prototype: object }, className: string): void {
  Object.defineProperty(type.prototype, brandOf(className), { value: true, enumerable: false });
}

/** Whether `x` carries the brand of `className` (from any copy of this library of the same flavour and protocol). @internal */
export function hasBrand(x: unknown, className: string): boolean {
  return (typeof x === 'object' || typeof x === 'function') && x !== null && brandOf(className) in (x as object);
}

/** The brands a class carries on its own prototype (what `PropValidator.isInstance` accepts besides the class itself). @internal */
export function brandsOfClass(type: { readonly prototype: object }): symbol[] {
  const prefix = `${FLAVOUR.packageName}/`;
  return Object.getOwnPropertySymbols(type.prototype).filter((s) => s.description?.startsWith(prefix));
}
