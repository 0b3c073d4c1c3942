/**
 * The construct of this library that made a Terraform resource, as the rules name it in findings
 * (`ContainerGroup 'web/Web'`, its prop names). Plain data, no construct tree: the `check` command reads it
 * too. The registry that fills it at synth is owners.ts.
 * @internal
 */
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

/** The owner's name for a field, or the field itself. @internal */
export function propName(owner: ConstructOwner | undefined, field: string): string {
  return owner?.props[field] ?? field;
}
