/**
 * Which construct of this library made a Terraform resource (the registry; the record, `ConstructOwner`, is in owner-names.ts). The rules see
 * only the synthesized document (`alicloud_ros_stack`, ROS `InstanceType`); a user wrote
 * `new ContainerGroup(..., { instanceType })`. A construct registers the resources it makes here, and the
 * engine then reports a finding about such a resource at the construct's path, in the construct's words.
 *
 * Kept per stack in a WeakMap keyed by the resource's construct path (which is also its `//.metadata.path`
 * in the document): no tree walk, nothing written into the plan.
 * @internal
 */
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ConstructOwner } from './owner-names';

const registry = new WeakMap<TerraformStack, Map<string, ConstructOwner>>();
const EMPTY: ReadonlyMap<string, ConstructOwner> = new Map();

/**
 * Records that `owner` (a `construct`) made `resource`, whose fields are set by the props in `props`.
 * Does nothing outside a stack.
 * @internal
 */
export function registerOwner(resource: IConstruct, owner: IConstruct, construct: string, props: Record<string, string>): void {
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(resource);
  } catch {
    return;
  }
  let owners = registry.get(stack);
  if (!owners) registry.set(stack, owners = new Map());
  owners.set(resource.node.path, { path: owner.node.path, construct, props: { ...props } });
}

/** The owners of a stack's resources, by the resources' construct paths. @internal */
export function ownersOf(stack: TerraformStack): ReadonlyMap<string, ConstructOwner> {
  return registry.get(stack) ?? EMPTY;
}
