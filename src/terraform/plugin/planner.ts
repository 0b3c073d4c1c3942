/**
 * PlanResourceChange without the cloud, for a first plan (no prior state): the planned state is the
 * proposed new state, with
 *   - every computed attribute that the config leaves null set to unknown ("known after apply"), in the
 *     resource and in its nested blocks, as the real (SDKv2) provider plans a create;
 *   - the provider's defaults (the `default` constraint facts of the schema pack) set where an optional,
 *     non-computed attribute is null, as SDKv2 plans them. The `timeouts` block is left alone: SDKv2
 *     keeps timeout defaults out of the state.
 * With a prior state the proposed new state is returned as it is (Terraform already carried the prior
 * computed values into it); on destroy (proposed null) the plan is null.
 */
import { UnknownValue } from './cty-msgpack';
import { JsonBlock } from './schema-wire';
import { isObject } from '../../core/terraform-json';

/** Constraint facts by dot path (`containers.image_pull_policy`), as in the schema pack. */
export type ConstraintFacts = Readonly<Record<string, { readonly default?: unknown } | undefined>>;

type Obj = Record<string, unknown>;

/** A known object value: a JSON object that is not an unknown (decoded unknowns are objects too). */
const isKnownObject = (v: unknown): v is Obj => isObject(v) && !(v instanceof UnknownValue);

/** Whether a default value fits the attribute's cty type (only primitive defaults are applied). */
function defaultFits(type: unknown, value: unknown): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number';
    case 'bool': return typeof value === 'boolean';
    default: return false;
  }
}

function planBlock(block: JsonBlock, value: Obj, constraints: ConstraintFacts, prefix: string): Obj {
  const out: Obj = { ...value };
  for (const [name, attr] of Object.entries(block.attributes ?? {})) {
    const v = out[name];
    if (v !== null && v !== undefined) continue;
    if (attr.computed) {
      out[name] = UnknownValue.PLAIN;
    } else if (attr.optional) {
      const d = constraints[prefix + name]?.default;
      if (d !== undefined && defaultFits(attr.type, d)) out[name] = d;
    }
  }
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    if (prefix === '' && name === 'timeouts') continue;
    const v = out[name];
    const sub = `${prefix}${name}.`;
    const plan = (x: unknown) => (isKnownObject(x) ? planBlock(bt.block, x, constraints, sub) : x);
    if (Array.isArray(v)) {
      out[name] = v.map(plan);
    } else if (bt.nesting_mode === 'map' && isKnownObject(v)) {
      out[name] = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plan(x)]));
    } else if (isKnownObject(v)) {
      out[name] = plan(v);
    }
  }
  return out;
}

/**
 * The planned state for PlanResourceChange (decoded values; {@link UnknownValue} for unknowns).
 * @param block the resource type's schema block
 * @param prior the prior state (null on create)
 * @param proposed the proposed new state (null on destroy)
 * @param constraints the type's constraint facts (for defaults)
 */
export function planResourceChange(block: JsonBlock, prior: unknown, proposed: unknown, constraints: ConstraintFacts): unknown {
  if (proposed === null || proposed === undefined) return null;
  if (prior !== null && prior !== undefined) return proposed;
  if (!isKnownObject(proposed)) return proposed;
  return planBlock(block, proposed, constraints, '');
}
