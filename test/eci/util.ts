import { TerraformResource, TerraformStack, Testing } from 'cdktf';
import { alicloud, DualStackVpc, SecurityGroup } from '../../src';

/** The Terraform reference to a resource's id, as synthesized. */
export const ref = (r: TerraformResource) => `\${${r.terraformResourceType}.${r.friendlyUniqueId}.id}`;

/** Runs fn once and returns the error message it throws. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, got none');
}

/** A stack in China (Hohhot) with a dual-stack VPC over two zones and an empty security group. */
export function setup() {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a', 'cn-huhehaote-b'] });
  const securityGroup = new SecurityGroup(stack, 'Sg', { vpc });
  return { stack, vpc, securityGroup };
}
