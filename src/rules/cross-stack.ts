/**
 * What the rule pack can know about the other stacks of an app. A stack that uses a construct of another
 * stack reads it through cdktf's cross-stack references: in its document the value is
 * `${data.terraform_remote_state.cross-stack-reference-input-<stack>.outputs.cross-stack-output-<id>}`, and
 * the other stack gets a `TerraformOutput` `cross-stack-output-<type>.<name>.<attribute>`. This module follows
 * such a reference back through the construct tree to the resource it names and to the `alicloud` provider
 * configuration that resource uses in its own stack. Only that provider block is resolved, never the other
 * stack's document.
 * @internal
 */
import { DefaultTokenResolver, StringConcat, TerraformElement, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { CrossStackRefs, CrossStackResource, INPUT_PREFIX, OUTPUT_PREFIX, REMOTE } from './cross-stack-refs';
import { referencesIn } from './references';
import { blockAddress } from '../core/terraform-json';

/**
 * The cross-stack references of a stack. `app.synth()` writes them through `terraform_remote_state`;
 * `Testing.synth(stack)` leaves them as plain references (`${alicloud_vswitch.X.id}`) to resources that are
 * not in the stack's document but in another stack of the app: both are followed. Built from the construct
 * tree on first use; an app with one stack costs nothing.
 * @internal
 */
export class CrossStackIndex extends CrossStackRefs {
  private remote?: Map<string, CrossStackResource>;
  private others?: Map<string, CrossStackResource | 'ambiguous'>;
  private stacks?: TerraformStack[];
  private readonly scans = new Map<TerraformStack, ReturnType<typeof scan>>();

  /**
   * @param stack the stack whose document the rules read; undefined outside a cdktf synth
   * @param otherStacksUnknown true when the document comes without its app, which may have other stacks
   */
  constructor(private readonly stack: TerraformStack | undefined, otherStacksUnknown = false) {
    super(otherStacksUnknown);
  }

  /** True when the app has another stack, so that a reference may lead there. */
  public override get hasOtherStacks(): boolean {
    return this.appStacks().some((s) => s !== this.stack);
  }

  /** The app's stacks, found once and without walking into them (an app's children are usually its stacks). */
  private appStacks(): readonly TerraformStack[] {
    if (!this.stacks) {
      const found: TerraformStack[] = [];
      const walk = (c: IConstruct): void => {
        for (const k of c.node.children) {
          if (TerraformStack.isStack(k)) found.push(k);
          else walk(k);
        }
      };
      if (this.stack) walk(this.stack.node.root);
      this.stacks = found;
    }
    return this.stacks;
  }

  /** The alicloud resources and providers of a stack, scanned once. */
  private scanned(stack: TerraformStack): ReturnType<typeof scan> {
    let result = this.scans.get(stack);
    if (!result) this.scans.set(stack, result = scan(stack));
    return result;
  }

  /**
   * Every other-stack resource a value refers to (in order, each once). `isLocal` tells whether an address
   * is a block of this stack's document.
   */
  public override resourcesIn(value: unknown, isLocal: (address: string) => boolean): CrossStackResource[] {
    const text = typeof value === 'string' ? value : value !== null && typeof value === 'object' ? JSON.stringify(value) : '';
    if (!this.stack || !text.includes('${')) return [];
    const out: CrossStackResource[] = [];
    const add = (r: CrossStackResource | 'ambiguous' | undefined) => {
      if (r && r !== 'ambiguous' && !out.includes(r)) out.push(r);
    };
    if (text.includes('terraform_remote_state')) {
      for (const m of text.matchAll(REMOTE)) add(this.remoteEntries().get(`${m[1]}|${m[2]}`));
    }
    for (const ref of referencesIn(text)) {
      if (ref.address.startsWith('data.') || isLocal(ref.address)) continue;
      add(this.otherStackResources().get(ref.address));
    }
    return out;
  }

  private remoteEntries(): Map<string, CrossStackResource> {
    if (!this.remote) this.remote = this.stack ? build(this.stack, this.appStacks(), (st) => this.scanned(st)) : new Map();
    return this.remote;
  }

  /** The resources of every other stack by address (`ambiguous` when two stacks have the address). */
  private otherStackResources(): Map<string, CrossStackResource | 'ambiguous'> {
    if (this.others) return this.others;
    const m = new Map<string, CrossStackResource | 'ambiguous'>();
    for (const other of this.appStacks()) {
      if (other === this.stack) continue;
      const { resources, providers } = this.scanned(other);
      for (const [address, resource] of resources) {
        m.set(address, m.has(address) ? 'ambiguous' : describe(other, resource, providers));
      }
    }
    this.others = m;
    return m;
  }
}

/** The alicloud resources (by address) and providers of a stack. */
function scan(stack: TerraformStack): { resources: Map<string, TerraformResource>; providers: TerraformProvider[] } {
  const resources = new Map<string, TerraformResource>();
  const providers: TerraformProvider[] = [];
  for (const c of stack.node.findAll()) {
    if (TerraformStack.isStack(c) && c !== stack) continue;
    // The core's brand checks (Symbol.for), not instanceof: a provider package may bring its own copy of the core.
    if (TerraformResource.isTerraformResource(c) && c.terraformResourceType.startsWith('alicloud_')) resources.set(blockAddress('resource', c.terraformResourceType, c.friendlyUniqueId), c);
    else if (TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'alicloud') providers.push(c);
  }
  return { resources, providers };
}

/** A resource of `stack` with the provider configuration it uses there. */
function describe(stack: TerraformStack, resource: TerraformResource, providers: readonly TerraformProvider[]): CrossStackResource {
  const provider = TerraformProvider.isTerraformProvider(resource.provider) && resource.provider.terraformResourceType === 'alicloud' ? resource.provider : undefined;
  const defaults = providers.filter((p) => p.alias === undefined);
  const chosen = provider ?? (defaults.length === 1 ? defaults[0] : undefined);
  const alias = provider?.alias;
  return {
    stack: stack.node.path,
    address: blockAddress('resource', resource.terraformResourceType, resource.friendlyUniqueId),
    type: resource.terraformResourceType,
    constructPath: resource.node.path,
    providerConfig: chosen ? configOf(chosen, stack) : defaults.length > 1 ? 'ambiguous' : undefined,
    providerLabel: alias ? `provider "alicloud" (alias "${alias}")` : 'the default provider "alicloud"',
  };
}

function build(
  stack: TerraformStack, appStacks: readonly TerraformStack[], scanned: (s: TerraformStack) => ReturnType<typeof scan>,
): Map<string, CrossStackResource> {
  const result = new Map<string, CrossStackResource>();
  const inputs = stack.node.children.filter((c) => c.node.id.startsWith(INPUT_PREFIX));
  if (inputs.length === 0) return result;
  const stacks = new Map(appStacks.map((s) => [s.node.path, s]));
  for (const input of inputs) {
    const origin = stacks.get(input.node.id.slice(INPUT_PREFIX.length));
    if (!origin) continue;
    const remoteName = (input as TerraformElement).friendlyUniqueId;
    const { resources, providers } = scanned(origin);
    for (const out of origin.node.children) {
      if (!TerraformOutput.isTerraformOutput(out) || !out.node.id.startsWith(OUTPUT_PREFIX)) continue;
      // cross-stack-output-<type>.<name>.<attribute...>
      const [type, name] = out.node.id.slice(OUTPUT_PREFIX.length).split('.');
      const resource = resources.get(blockAddress('resource', type, name));
      if (resource) result.set(`${remoteName}|${out.friendlyUniqueId}`, describe(origin, resource, providers));
    }
  }
  return result;
}

/** The provider block's arguments, resolved in its own stack (literals stay literals, variables become `${var.x}`). */
function configOf(provider: TerraformProvider, stack: TerraformStack): Record<string, any> | undefined {
  try {
    const resolver = new DefaultTokenResolver(new StringConcat());
    const resolved = Tokenization.resolve(provider.toTerraform(), { scope: stack, preparing: false, resolver });
    const section = resolved?.provider?.alicloud;
    const config = Array.isArray(section) ? section[0] : section;
    return config !== null && typeof config === 'object' ? config : undefined;
  } catch {
    return undefined;
  }
}
