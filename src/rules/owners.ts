/**
 * Which construct of this library made a Terraform resource, and what its props are called. The rules see
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

/** The construct that made a resource. @internal */
export interface ConstructOwner {
  /** Construct path of the owner, for example `web/Web`. */
  readonly path: string;
  /** Class name of the owner, for example `ContainerGroup`. */
  readonly construct: string;
  /** Resource or template field → the owner's prop that sets it (`InstanceType` → `instanceType`). */
  readonly props: Readonly<Record<string, string>>;
}

/** `ContainerGroup 'web/Web'`: how findings name a resource's owning construct. @internal */
export function ownerLabel(owner: ConstructOwner): string {
  return `${owner.construct} '${owner.path}'`;
}

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

/** The owner's name for a field, or the field itself. @internal */
export function propName(owner: ConstructOwner | undefined, field: string): string {
  return owner?.props[field] ?? field;
}
