/**
 * Cross-stack references as far as a stack's document shows them, without the app's construct tree. cdktf
 * writes a reference to another stack as
 * `${data.terraform_remote_state.cross-stack-reference-input-<stack>.outputs.cross-stack-output-<id>}`;
 * `CrossStackRefs` reads such text and nothing else, so the `check` command and the judging of a synthesized
 * document use it without loading a CDK core. `CrossStackIndex` (cross-stack.ts) adds what the tree shows at
 * synth: the resource a reference names and its provider.
 * @internal
 */
import { referencesIn } from './references';

/** A resource of another stack that this stack reads through a cross-stack reference. @internal */
export interface CrossStackResource {
  /** Path of the other stack, for example `network`. */
  readonly stack: string;
  /** Terraform address in the other stack, for example `alicloud_vswitch.Vpc_VSwitch-cn-huhehaote-a_867D5D93`. */
  readonly address: string;
  /** Resource type, for example `alicloud_vswitch`. */
  readonly type: string;
  /** Construct path of the resource, for example `network/Vpc/VSwitch-cn-huhehaote-a`. */
  readonly constructPath: string;
  /**
   * The resolved configuration of the `alicloud` provider the resource uses in its stack; `undefined` when
   * the stack has none for it, `'ambiguous'` when the stack has several default ones.
   */
  readonly providerConfig: Record<string, any> | undefined | 'ambiguous';
  /** Text for messages: `the default provider "alicloud"` or `provider "alicloud" (alias "x")`. */
  readonly providerLabel: string;
}

/** A reference to another stack's output: `data.terraform_remote_state.<name>.outputs.<output>`. @internal */
export const REMOTE = /data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g;

/** How cdktf names the remote states of other stacks. @internal */
export const INPUT_PREFIX = 'cross-stack-reference-input-';
/** How cdktf names the outputs another stack reads. @internal */
export const OUTPUT_PREFIX = 'cross-stack-output-';

/**
 * The cross-stack references of a document judged without its app's construct tree. `withoutTree()`: other
 * stacks may exist but cannot be seen (`otherStacksUnknown`), so ALI-IPV6-011 says what it cannot verify
 * instead of passing in silence; `new CrossStackRefs()`: no other stacks (a single document).
 * @internal
 */
export class CrossStackRefs {
  /** A view of a document that came without its app, which may have other stacks. */
  public static withoutTree(): CrossStackRefs {
    return new CrossStackRefs(true);
  }

  /** @param otherStacksUnknown true when the document comes without its app, which may have other stacks */
  constructor(public readonly otherStacksUnknown = false) {}

  /**
   * Without the tree (`otherStacksUnknown`): the resources of other stacks a value refers to, as far as the
   * document shows them: `data.terraform_remote_state.cross-stack-reference-input-<stack>.outputs.`
   * `cross-stack-output-<type><name>...` (app.synth) and `${<type>.<name>...}` of a resource this document lacks (Testing.synth). The type is one of
   * `types` (the longest that fits); the stack is known only in the first form.
   */
  public unseenResourcesIn(
    value: unknown, isLocal: (address: string) => boolean, types: readonly string[],
  ): Array<{ readonly type: string; readonly stack?: string }> {
    const text = typeof value === 'string' ? value : value !== null && typeof value === 'object' ? JSON.stringify(value) : '';
    if (!this.otherStacksUnknown || !text.includes('${')) return [];
    const out: Array<{ type: string; stack?: string }> = [];
    const add = (type: string | undefined, stack?: string) => {
      if (type !== undefined && !out.some((o) => o.type === type && o.stack === stack)) out.push({ type, stack });
    };
    const byLength = [...types].sort((x, y) => y.length - x.length);
    for (const m of text.matchAll(REMOTE)) {
      if (!m[1].startsWith(INPUT_PREFIX) || !m[2].startsWith(OUTPUT_PREFIX)) continue;
      const rest = m[2].slice(OUTPUT_PREFIX.length);
      add(byLength.find((t) => rest.startsWith(t)), m[1].slice(INPUT_PREFIX.length));
    }
    for (const ref of referencesIn(text)) {
      if (ref.address.startsWith('data.') || isLocal(ref.address)) continue;
      const type = ref.address.split('.')[0];
      add(types.includes(type) ? type : undefined);
    }
    return out;
  }

  /** True when the app has another stack, so that a reference may lead there (never seen without the tree). */
  public get hasOtherStacks(): boolean {
    return false;
  }

  /**
   * Every other-stack resource a value refers to (in order, each once); none without the tree. `isLocal`
   * tells whether an address is a block of this stack's document.
   */
  public resourcesIn(_value: unknown, _isLocal: (address: string) => boolean): CrossStackResource[] {
    return [];
  }
}
