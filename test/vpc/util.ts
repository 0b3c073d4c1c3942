import { App, TerraformStack, Testing } from 'cdktf';
import { alicloud } from '../../src';

/**
 * Test helpers for the network constructs. Every synthesized stack is also checked with the offline plan
 * checker (`toBeValidAlicloudPlan()`, src/testing, registered in test/setup.ts).
 */

/** A stack with an alicloud provider in `region`. */
export function newStack(region: string = 'cn-huhehaote'): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region });
  return { app, stack };
}

/**
 * Synthesizes the stack (with validations), asserts that the plan checker finds no errors, and returns the
 * Terraform JSON, parsed.
 */
export function synth(stack: TerraformStack): any {
  const json = Testing.synth(stack, true);
  expect(json).toBeValidAlicloudPlan();
  return JSON.parse(json);
}

/** Asserts that the synthesized stack has no plan-checker errors. */
export function expectValidPlan(stack: TerraformStack): void {
  expect(Testing.synth(stack, true)).toBeValidAlicloudPlan();
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
