/**
 * Keeps the Terraform names of a stack's nested elements in V8's one-byte string form.
 *
 * The core names a nested element `Parent_Child_HASH` with `Array.prototype.join` over the construct IDs. The
 * constructs library keeps every ID as a property key, so V8 turns an ID built at run time (`Web${i}`,
 * `VSwitch-${zone}`) into a "thin" string, and V8's join treats a thin string as two-byte. So every nested name,
 * every reference that quotes it, and the whole stack document that cdktf stringifies become two-byte strings:
 * twice the memory of the same ASCII text. A stack of flat IDs (one component, no join) does not have it.
 * bench/ measured it at N = 1000 ECIs: 18 MB of the synth's peak RSS (196 → 178 MB).
 *
 * The fix copies each name the stack allocates into a flat one-byte string: the same characters, so every name,
 * address and snapshot is unchanged. It wraps the stack's own `allocateLogicalId` (a subclass override is kept and
 * called), once per stack, from the first construct of this library in it (`Ipv6Checks.applyTo`); names allocated
 * before that keep their form, which changes nothing but their memory.
 * @internal
 */
import { TerraformStack } from 'cdktf';

const wrapped = new WeakSet<object>();

/**
 * The same text as a new flat string, which V8 stores one byte per character when every character fits (JSON text
 * round-trips every string exactly, lone surrogates included; about 0.2 µs for a name, cheaper than a Buffer copy).
 */
function oneByte(name: unknown): unknown {
  return typeof name === 'string' && name.length > 0 ? JSON.parse(JSON.stringify(name)) : name;
}

/** Wraps the stack's `allocateLogicalId` so that the names it returns are one-byte strings (once per stack). @internal */
export function keepNamesOneByte(stack: TerraformStack): void {
  if (wrapped.has(stack)) return;
  wrapped.add(stack);
  type Allocate = (this: TerraformStack, element: unknown) => unknown;
  const allocate = (stack as unknown as { allocateLogicalId?: Allocate }).allocateLogicalId;
  if (typeof allocate !== 'function') return;
  Object.defineProperty(stack, 'allocateLogicalId', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: function allocateLogicalId(this: TerraformStack, element: unknown): unknown {
      return oneByte(allocate.call(this, element));
    },
  });
}
