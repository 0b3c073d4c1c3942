/**
 * The rule pack's synth hook: the only file that reaches into cdktf's internals, so that another core version
 * (or another core) breaks here. Per stack, it
 * - adds a custom synthesis (`addCustomSynthesis`, a private cdktf module) that runs the rules after the aspects
 *   and before cdktf's check for error annotations, and writes `ipv6-checks-context.json`, the reports and the
 *   topology picture beside the stack (the folder named by the session's manifest);
 * - replaces `stack.toTerraform`, so that the synthesizer writes the document the rules judged;
 * - when the rules fail the stack, removes its `cdk.tf.json` (a placeholder Terraform refuses under the cdktf
 *   CLI, written when the manifest is) and says so in one more error.
 * The per-stack state (which pack decides, the findings) stays in ipv6-checks.ts, behind `HookedStack`.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { Annotations, ISynthesisSession, TerraformElement, TerraformStack } from 'cdktf';
// Not re-exported by cdktf's index; the synthesizer calls it after the aspects and before the error check.
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct } from 'constructs';
import { EffectiveFacts, RuleContext } from './context';
import { writeStackContext } from './context-file';
import { isReported, RULE_FAILURE, ruleLevel } from './engine';
import { ownersOf } from './owners';
import { writeReports } from './report';
import { ALL_RULES } from './rules';
import { Suppression } from './suppressions';
import { writeTopology } from './topology';
import { Ipv6CheckFinding, Ipv6CheckLevel } from './types';
import { assertSameCore } from '../core/core-guard';

/** The options of the pack that decides for a stack, as the hook uses them (an `Ipv6Checks`). @internal */
export interface HookedPack {
  readonly _facts: EffectiveFacts;
  readonly _ruleLevels: ReadonlyMap<string, Ipv6CheckLevel>;
  readonly _reports: boolean;
}

/** The rule pack's side of one hooked stack. @internal */
export interface HookedStack {
  /** True until the rules have run in this synth pass. */
  pending(): boolean;
  /** Runs the rules on a resolved document of this synth pass and keeps their findings. */
  run(doc: Record<string, any>): {
    readonly findings: readonly Ipv6CheckFinding[];
    readonly ctx: RuleContext;
    readonly pack: HookedPack;
    /** The suppressions of the stack by construct path, as the rules saw them (collected once). */
    readonly suppressions: () => ReadonlyMap<string, Suppression[]>;
  };
}

/** What the rule pack uses of the hook of a stack. @internal */
export interface SynthHook {
  /** Resolves the stack with its own `toTerraform` (not the hook's). */
  resolve(): Record<string, any>;
  /** A new synth pass begins: drop a resolved document that was not handed to the synthesizer. */
  newPass(): void;
}

/**
 * The method CDK Terrain (0.24) calls first on every element of a stack it prepares (`TerraformStack._runPreparingResolve`:
 * before the aspects in `App.synth`, after them in `Testing.fullSynth` and `Testing.synth(stack, true)`). CDKTF's
 * elements do not have it, so a stack of our raw bindings in a CDK Terrain app failed there with "TypeError:
 * e._resetResolveDiscoveredProviderFeatureUsage is not a function" (and plain `Testing.synth` skipped the rule pack).
 * Defined on our core's element class, it raises the mixed-core error of core-guard.ts instead (issue 19); it is only
 * called by the other core, and does nothing in a stack of ours. The generated bindings now refuse such a stack at
 * construction (their constructors call the guard); this still answers for the core's own elements (a
 * `TerraformOutput` of our core in a CDK Terrain stack). In the cdktn build the core has the method already,
 * and nothing is defined (CDKTF makes no such call: README, "Mixed cores").
 */
const OTHER_CORE_PREPARE = '_resetResolveDiscoveredProviderFeatureUsage';

if (!Object.prototype.hasOwnProperty.call(TerraformElement.prototype, OTHER_CORE_PREPARE)) {
  Object.defineProperty(TerraformElement.prototype, OTHER_CORE_PREPARE, {
    configurable: true,
    enumerable: false,
    writable: true,
    value: function refuseOtherCore(this: TerraformElement): void {
      assertSameCore(this, this.constructor.name);
    },
  });
}

/** The child of the stack that carries the custom synthesis. */
const HOLDER_ID = 'Ipv6ChecksReport';
/** Child of the holder that carries the "cdk.tf.json removed" error of a failed synth pass (removed when a pass succeeds). */
const REMOVED_NOTICE_ID = 'StackFileRemoved';

/**
 * Hooks the stack once:
 * - a custom synthesis (cdktf runs it after the aspects and validations, before it checks for error
 *   annotations): resolves the stack, runs the rules, writes the files beside the stack, and keeps the
 *   resolved document;
 * - `toTerraform`: hands that document to the synthesizer (one shot, same synth pass) instead of resolving
 *   the stack a second time; when the rules have not run yet in this pass (`Testing.synth`), runs them on
 *   the document it resolves.
 * @internal
 */
export function installSynthHook(stack: TerraformStack, checked: HookedStack): SynthHook {
  const resolve = resolverOf(stack);
  /** The resolved document of this pass, computed for the rules and handed to the synthesizer once. */
  let memo: Record<string, any> | undefined;
  const holder = stack.node.tryFindChild(HOLDER_ID) ?? new Construct(stack, HOLDER_ID);
  addCustomSynthesis(holder, {
    onSynthesize: (session: ISynthesisSession) => {
      if (!checked.pending()) return;
      const doc = resolve();
      const { findings, ctx, pack, suppressions } = checked.run(doc);
      memo = doc;
      // The memo is only for the synthesizer's toTerraform right after this hook; never let it outlive the pass.
      queueMicrotask(() => {
        if (memo === doc) memo = undefined;
      });
      const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
      // Always, also with reports: false: what the matchers need to judge this cdk.tf.json in another process.
      writeStackContext(dir, stack, doc, pack, ownersOf(stack), suppressions());
      if (pack._reports) {
        const levels = new Map<string, string>();
        for (const r of [...ALL_RULES, RULE_FAILURE]) levels.set(r.id, ruleLevel(pack._ruleLevels, r.id, r.level));
        writeReports(dir, stack.node.id, findings, levels);
        writeTopology(dir, ctx, stack.node.id);
      }
      removeStackFileIfFailed(stack, findings, holder, session, pack._reports);
    },
  });
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true,
    writable: true,
    value: function toTerraform(this: TerraformStack) {
      const handed = memo;
      if (handed) {
        memo = undefined;
        return handed;
      }
      const doc = resolve();
      if (checked.pending()) checked.run(doc);
      return doc;
    },
  });
  return {
    resolve,
    newPass: () => {
      memo = undefined;
    },
  };
}

/**
 * The stack's own `toTerraform`: an instance override made before ours (kept), else the class's method,
 * looked up at call time.
 */
function resolverOf(stack: TerraformStack): () => Record<string, any> {
  const own = Object.prototype.hasOwnProperty.call(stack, 'toTerraform') ? stack.toTerraform : undefined;
  return () => (own ?? Object.getPrototypeOf(stack).toTerraform).call(stack);
}

/**
 * A stack the rule pack fails leaves no configuration to deploy: the stack file of an earlier synth is removed
 * (the synthesizer writes none after an error annotation, or it is removed after the write in CLI mode), and
 * one more error says so. The report beside it stays and says why.
 */
function removeStackFileIfFailed(
  stack: TerraformStack, findings: readonly Ipv6CheckFinding[], holder: Construct, session: ISynthesisSession, reports: boolean,
): void {
  holder.node.tryRemoveChild(REMOVED_NOTICE_ID);
  const errors = findings.filter((f) => isReported(f) && f.level === Ipv6CheckLevel.ERROR).length;
  if (errors === 0) return;
  const relative = session.manifest.forStack(stack).synthesizedStackPath;
  const file = path.join(session.outdir, relative);
  fs.rmSync(file, { force: true });
  const why = reports ? `; ${path.posix.join(path.dirname(relative), 'ipv6-checks-report.json')} beside it lists every finding` : '';
  const failed = `the IPv6 rule pack found ${errors} error(s) in stack '${stack.node.path}'`;
  replaceBeforeManifest(session, file, `${failed} at synth, so this stack was not synthesized${why}.`);
  Annotations.of(new Construct(holder, REMOVED_NOTICE_ID)).addError(
    `${failed}, so no configuration was written to ${relative} (nothing stale to deploy: the file of an earlier synth is gone, `
    + `and under the cdktf CLI it is a placeholder that Terraform refuses to run)${why}. `
    + 'Fix: fix the errors above, or suppress one with Ipv6Checks.suppress(construct, ruleId, reason), and synthesize again.');
}

/** Stack files to replace when the synth pass writes its manifest, per manifest object (one per app synth). */
const pendingStubs = new WeakMap<object, Map<string, string>>();

/**
 * With CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS (set by the cdktf CLI) the synthesizer writes the stack file after
 * this hook even when an annotation is an error, and the CLI then reads every stack file before it prints the errors
 * (a missing one hides them behind "app was expected to call synth()"). `App.synth` and `Testing.fullSynth` write
 * the manifest right after the stacks: replace the file then with one that Terraform refuses to init, plan, apply or
 * destroy (a `required_version` no Terraform has), whose refusal shows the reason on the line it quotes.
 */
function replaceBeforeManifest(session: ISynthesisSession, file: string, reason: string): void {
  const manifest = session.manifest as unknown as { writeToFile?: () => void };
  let stubs = pendingStubs.get(manifest);
  if (!stubs) {
    const write = manifest.writeToFile;
    if (typeof write !== 'function') return;
    pendingStubs.set(manifest, stubs = new Map());
    const pending = stubs;
    manifest.writeToFile = function writeToFile(this: unknown) {
      delete manifest.writeToFile; // one pass only: back to the class's method
      pendingStubs.delete(manifest);
      for (const [f, why] of pending) {
        if (fs.existsSync(f)) fs.writeFileSync(f, failedStackStub(why));
      }
      return write.call(this);
    };
  }
  stubs.set(file, reason);
}

/** A Terraform JSON file that every Terraform command rejects at once, quoting the line that says why. @internal */
export function failedStackStub(reason: string): string {
  const why = `cdktf-alicloud-ipv6: NOT A CONFIGURATION. ${reason}`;
  return `{\n  "//": ${JSON.stringify(why)},\n  "terraform": { "required_version": "0.0.0", "//": ${JSON.stringify(why)} }\n}\n`;
}
