import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { alicloud } from '../../src';

/**
 * Test helpers for the network constructs.
 *
 * `planErrors` is a tiny offline stand-in for the plan checker being written in src/testing
 * (`AlicloudPlanChecker.check`): switch `planErrors` over to it once it exists.
 */

/** A stack with an alicloud provider in `region`. */
export function newStack(region: string = 'cn-huhehaote'): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region });
  return { app, stack };
}

/** Synthesizes the stack (with validations) and returns the Terraform JSON, parsed. */
export function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resources of one type, as a list of their bodies (in logical-id order). */
export function resources(tf: any, type: string): any[] {
  return Object.values(tf.resource?.[type] ?? {});
}

/** The logical ids of the resources of one type. */
export function logicalIds(tf: any, type: string): string[] {
  return Object.keys(tf.resource?.[type] ?? {});
}

/** Runs `fn` and returns the message it throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}

interface AttrSchema { readonly required?: boolean; readonly optional?: boolean; readonly computed?: boolean }
interface BlockSchema { readonly attributes?: Record<string, AttrSchema>; readonly block_types?: Record<string, unknown> }

const root = path.join(__dirname, '..', '..', 'schema');
const providerSchema = JSON.parse(fs.readFileSync(path.join(root, 'alicloud-provider-schema.json'), 'utf-8'));
const constraints = JSON.parse(fs.readFileSync(path.join(root, 'alicloud-constraints.json'), 'utf-8'));
const resourceSchemas: Record<string, { block: BlockSchema }> = (Object.values(providerSchema.provider_schemas)[0] as any).resource_schemas;
const META = new Set(['depends_on', 'provider', 'lifecycle', 'count', 'for_each', 'connection', 'provisioner', '//']);

/**
 * Error findings for every resource in a synthesized stack, against the committed provider schema and
 * constraints: unknown or computed-only attributes, missing required ones, literal values outside an enum or
 * integer range, conflicting attributes, and deprecated attributes.
 */
export function planErrors(synthJson: string): string[] {
  const tf = JSON.parse(synthJson);
  const errors: string[] = [];
  for (const [type, byName] of Object.entries<Record<string, Record<string, unknown>>>(tf.resource ?? {})) {
    const schema = resourceSchemas[type];
    if (!schema) {
      errors.push(`${type}: not in the provider schema`);
      continue;
    }
    const attrs = schema.block.attributes ?? {};
    const blocks = schema.block.block_types ?? {};
    const facts: Record<string, any> = constraints[type] ?? {};
    for (const [name, body] of Object.entries(byName)) {
      const at = `${type}.${name}`;
      for (const [key, value] of Object.entries(body)) {
        if (META.has(key) || key in blocks) continue;
        const attr = attrs[key];
        if (!attr) errors.push(`${at}: unknown attribute '${key}'`);
        else if (attr.computed && !attr.optional && !attr.required) errors.push(`${at}: '${key}' is computed-only`);
        const fact = facts[key] ?? {};
        if (fact.deprecated) errors.push(`${at}: '${key}' is deprecated`);
        const literal = typeof value === 'string' && !value.includes('${') ? value : undefined;
        if (fact.enum && literal !== undefined) {
          const ok = fact.enum_ignore_case
            ? fact.enum.some((e: string) => e.toLowerCase() === literal.toLowerCase())
            : fact.enum.includes(literal);
          if (!ok) errors.push(`${at}: '${key}' = '${literal}' is not one of ${fact.enum.join(', ')}`);
        }
        if (fact.int_between && typeof value === 'number' && (value < fact.int_between[0] || value > fact.int_between[1])) {
          errors.push(`${at}: '${key}' = ${value} is outside ${fact.int_between[0]}-${fact.int_between[1]}`);
        }
        if (fact.regex && literal !== undefined && !new RegExp(fact.regex).test(literal)) {
          errors.push(`${at}: '${key}' = '${literal}' does not match ${fact.regex}`);
        }
        for (const other of fact.conflicts_with ?? []) {
          if (other in body) errors.push(`${at}: '${key}' conflicts with '${other}'`);
        }
      }
      for (const [key, attr] of Object.entries(attrs)) {
        if (attr.required && !(key in body)) errors.push(`${at}: required attribute '${key}' is missing`);
      }
    }
  }
  return errors;
}

/** Asserts that the synthesized stack has no plan errors. */
export function expectValidPlan(stack: TerraformStack): void {
  expect(planErrors(Testing.synth(stack, true))).toEqual([]);
}
