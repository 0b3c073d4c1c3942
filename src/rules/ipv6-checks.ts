import * as fs from 'fs';
import * as path from 'path';
import { Annotations, Aspects, IAspect, ISynthesisSession, TerraformStack } from 'cdktf';
// Not re-exported by cdktf's index; the synthesizer calls it after the aspects and before the error check.
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import { EffectiveFacts, RuleContext } from './context';
import { writeStackContext } from './context-file';
import { evaluateWithContext, isReported, RULE_FAILURE } from './engine';
import { FamilyFact, IPV6_FAMILIES, IPV6_REGIONS, NON_IPV6_FAMILIES, normalizeFamily } from './facts';
import { ownersOf } from './owners';
import { writeReports } from './report';
import { ALL_RULES } from './rules';
import { addSuppression, ALL_RULES_ID } from './suppressions';
import { recordSynthesis } from './synthesized';
import { synthesizedFindings } from './synthesized-findings';
import { writeTopology } from './topology';
import { Ipv6CheckFinding, Ipv6CheckLevel, Ipv6RuleInfo } from './types';
import { PropValidator } from '../core/validation';

/** Options of the IPv6 rule pack. */
export interface Ipv6ChecksProps {
  /**
   * Regions to treat as supporting IPv6 in addition to the built-in list (the regions with an IPv6
   * gateway of the ECS IPv6 guide, read 2026-12, see RULES.md), for example `['cn-zhongwei']` once Alibaba
   * Cloud supports IPv6 there.
   * @default - the built-in list only
   */
  readonly additionalRegions?: string[];
  /**
   * ECS instance families to treat as supporting IPv6 (`g9a`, or `ecs.g9a`; a family key may contain a
   * hyphen, as in `sgn7i-vws`), in addition to the built-in list. Wins over the built-in "no IPv6" list.
   * @default - the built-in list only
   */
  readonly additionalIpv6Families?: string[];
  /**
   * ECS instance families to treat as NOT supporting IPv6, in addition to the built-in list. Wins over the
   * built-in "IPv6" list. A family may not be in both `additionalIpv6Families` and this list.
   * @default - the built-in list only
   */
  readonly additionalNonIpv6Families?: string[];
  /**
   * Level per rule ID (`ALI-IPV6-001` ... `ALI-IPV6-011`, `ALI-IPV6-ERR`), or `*` for every rule: raise or
   * lower a rule's level, or turn it off with `Ipv6CheckLevel.OFF`. A level set here applies to all of the
   * rule's non-compliant findings; "cannot verify" findings are never reported above it.
   * @default - each rule's own level (see RULES.md)
   */
  readonly ruleLevels?: { [ruleId: string]: Ipv6CheckLevel };
  /**
   * Write `ipv6-checks-report.json`, `ipv6-checks-report.csv` and `ipv6-topology.md` (a Mermaid picture of
   * what the Internet can reach over IPv6) beside each synthesized stack (`<outdir>/stacks/<stack>/`).
   * `ipv6-checks-context.json` (the pack's options, suppressions and construct owners, with which the jest
   * matchers judge that `cdk.tf.json` in another process) is written in either case.
   * @default true
   */
  readonly reports?: boolean;
}

/** Where the report is written, relative to the stack's folder. */
const HOLDER_ID = 'Ipv6ChecksReport';
/** Child of the holder that carries the "cdk.tf.json removed" error of a failed synth pass (removed when a pass succeeds). */
const REMOVED_NOTICE_ID = 'StackFileRemoved';

/** Per-stack state: the registered packs and this synth pass's results. */
interface StackState {
  /** Every Ipv6Checks visited on this stack, auto-added ones included, in the order they registered. */
  readonly checkers: Ipv6Checks[];
  /** True from the first aspect visit of a synth pass until the rules have run in that pass. */
  dirty: boolean;
  findings?: Ipv6CheckFinding[];
  /** The resolved document of this pass, computed for the rules and handed to the synthesizer once. */
  memo?: Record<string, any>;
  /** Resolves the stack without the memo (the stack's own toTerraform). */
  readonly resolve: () => Record<string, any>;
}

const states = new WeakMap<TerraformStack, StackState>();

/** The types of Ipv6ChecksProps (JavaScript callers and jsii bindings can pass anything), before any use. */
function checkPropTypes(props: unknown): void {
  const v = new PropValidator(undefined, 'Ipv6Checks');
  if (v.isObject('props', props, { example: "{ additionalRegions: ['cn-zhongwei'] }" }) && props !== undefined) {
    v.isStringList('additionalRegions', props.additionalRegions, { example: "['cn-zhongwei']" });
    v.isStringList('additionalIpv6Families', props.additionalIpv6Families, { example: "['g9a']" });
    v.isStringList('additionalNonIpv6Families', props.additionalNonIpv6Families, { example: "['t5']" });
    v.isStringMap('ruleLevels', props.ruleLevels, { example: "{ 'ALI-IPV6-002': Ipv6CheckLevel.WARNING }" });
    v.isBoolean('reports', props.reports);
  }
  v.throwIfAny();
}

/**
 * The IPv6 rule pack: a cdktf aspect that checks a stack's Terraform resources (after tokens are
 * resolved and overrides applied) against Alibaba Cloud's IPv6 limits, cdk-nag style. Errors fail
 * synthesis (`[ALI-IPV6-00N] <what is wrong>. Fix: <fix>.` on the offending resource), warnings and
 * "cannot verify at synth" infos are printed, and a report of every rule × resource is written beside the
 * stack (`ipv6-checks-report.json` / `.csv`).
 *
 * The library's constructs add it to their stack automatically (`Ipv6Checks.applyTo`). Add it yourself to
 * check stacks written with raw bindings, or to pass options; an explicitly added pack replaces the
 * automatic one, and the rules run once per stack and synth.
 *
 * @example
 * Aspects.of(stack).add(new Ipv6Checks({ additionalRegions: ['cn-zhongwei'] }));
 * Ipv6Checks.suppress(web, Ipv6RuleId.INSTANCE_FAMILY, 'ecs.g9a is IPv6-capable, checked with DescribeInstanceTypes');
 */
export class Ipv6Checks implements IAspect {
  /**
   * Adds the rule pack (with default options) to the stack of `scope`, unless the stack already has an
   * `Ipv6Checks`. The library's constructs call this from their constructors. Does nothing outside a stack.
   *
   * @param scope any construct of the stack
   */
  public static applyTo(scope: IConstruct): void {
    let stack: TerraformStack;
    try {
      stack = TerraformStack.of(scope);
    } catch {
      return;
    }
    if (Aspects.of(stack).all.some((a) => a instanceof Ipv6Checks)) return;
    const auto = new Ipv6Checks();
    auto.automatic = true;
    Aspects.of(stack).add(auto);
  }

  /**
   * Suppresses one rule on a construct and everything under it (a resource, an L2 construct, a stack).
   * Suppressed findings are not reported as errors or warnings, but stay in the report with the reason.
   *
   * @param scope the construct (or stack) to suppress the rule on
   * @param ruleId the rule's ID, for example `ALI-IPV6-002` (`Ipv6RuleId.INSTANCE_FAMILY`)
   * @param reason why the finding does not apply; at least 10 characters
   * @throws when the rule ID is unknown or the reason is shorter than 10 characters
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    addSuppression(scope, ruleId, reason);
  }

  /**
   * Suppresses every rule on a construct and everything under it.
   *
   * @param scope the construct (or stack) to suppress the rules on
   * @param reason why; at least 10 characters
   * @throws when the reason is shorter than 10 characters
   */
  public static suppressAll(scope: IConstruct, reason: string): void {
    addSuppression(scope, ALL_RULES_ID, reason);
  }

  /**
   * The findings of the last synthesis of `stack` (`app.synth()`, `Testing.synth`, `Testing.fullSynth`).
   * When the stack has not been synthesized yet, the rules run now on a fresh resolution of the stack
   * (aspects are not invoked: synthesize first when other aspects change resources).
   *
   * @param stack the stack
   * @returns every rule × resource verdict, in rule order
   * @throws when no Ipv6Checks applies to the stack
   */
  public static findingsOf(stack: TerraformStack): Ipv6CheckFinding[] {
    let state = states.get(stack);
    if (!state) {
      const pack = [...stack.node.scopes].reverse().flatMap((s) => Aspects.of(s).all).find((a): a is Ipv6Checks => a instanceof Ipv6Checks);
      if (!pack) {
        throw new Error(`Ipv6Checks.findingsOf: no Ipv6Checks applies to stack '${stack.node.path}'. Fix: add one with Aspects.of(stack).add(new Ipv6Checks()), or create a construct of this library in it.`);
      }
      pack._register(stack);
      state = states.get(stack)!;
    }
    if (state.dirty || !state.findings) run(stack, state, state.resolve());
    return [...state.findings!];
  }

  /**
   * The findings of the rule pack on a synthesized stack: the JSON text returned by cdktf's
   * `Testing.synth(stack)` / `Testing.synthScope(...)` or the text of `cdk.tf.json`, or the path of a
   * synthesized stack folder (`cdktf.out/stacks/<stack>`, or what `Testing.fullSynth` returns when it holds
   * one stack) or of its `cdk.tf.json`. `Testing.synth` does not fail on the pack's errors (they are
   * annotations, which only `app.synth()` and the `cdktf synth` CLI turn into a failure); this is how a test
   * sees them. The jest matchers `toBeValidAlicloudPlan()` and `toHaveIpv6Finding()` read the same findings.
   *
   * When the rules ran on this document in this process, their record is returned: the findings are recorded
   * each time the rules run on a resolved stack, and looked up by the document's content (`//` metadata and
   * key order ignored). When two stacks synthesize to the same document (for example the same stack before
   * and after `Ipv6Checks.suppress`, which changes no resource), the newest synthesis wins.
   *
   * Otherwise (the stack was synthesized in another process: a snapshot file, another jest worker, a folder
   * on disk) the rule pack judges the document now, without the construct tree, as the `check` command does.
   * For a path, the pack's options, the `Ipv6Checks.suppress` calls and the constructs that made each
   * resource come from `ipv6-checks-context.json`, which synth writes beside `cdk.tf.json`. JSON text carries
   * none of them: it is judged with the default options and no suppressions, and, for the text of
   * `Testing.synth` (which has no `//` metadata), findings are reported at resource addresses.
   *
   * @param synthesized Terraform JSON text (as returned by `Testing.synth`), or the path of a synthesized stack folder or `cdk.tf.json`
   * @returns the non-compliant, not verifiable and suppressed findings (compliant ones are not kept)
   * @throws when the input cannot be judged: not Terraform JSON, no such file or folder, a folder without
   * `cdk.tf.json`, an `ipv6-checks-context.json` that is unreadable or belongs to another document
   *
   * @example
   * const errors = Ipv6Checks.findingsOfSynthesized(Testing.synth(stack))
   *   .filter((f) => f.level === Ipv6CheckLevel.ERROR && f.status === Ipv6CheckStatus.NON_COMPLIANT);
   */
  public static findingsOfSynthesized(synthesized: string): Ipv6CheckFinding[] {
    try {
      return [...synthesizedFindings(synthesized).findings];
    } catch (e) {
      throw new Error(`Ipv6Checks.findingsOfSynthesized: ${(e as Error).message}`);
    }
  }

  /** The rules of the pack, with their default levels, for documentation and tooling. */
  public static rules(): Ipv6RuleInfo[] {
    return [...ALL_RULES, { ...RULE_FAILURE, notVerifiableLevel: Ipv6CheckLevel.INFO }].map((r) => ({
      ruleId: r.id, name: r.name, level: r.level, notVerifiableLevel: r.notVerifiableLevel, summary: r.summary,
    }));
  }

  /** @internal */
  public readonly _facts: EffectiveFacts;
  /** @internal */
  public readonly _ruleLevels: ReadonlyMap<string, Ipv6CheckLevel>;
  /** @internal */
  public readonly _reports: boolean;
  /** True for the pack added by `applyTo` (an explicitly added pack wins over it). */
  private automatic = false;

  /**
   * @param props options: extra facts, rule levels, reports
   * @throws when a rule ID in `ruleLevels` is unknown, or a family is declared both with and without IPv6
   */
  constructor(props: Ipv6ChecksProps = {}) {
    checkPropTypes(props);
    const problems: string[] = [];
    const regions = new Set(IPV6_REGIONS.map((r) => r.regionId));
    for (const r of props.additionalRegions ?? []) regions.add(r.trim().toLowerCase());

    const families = new Map<string, FamilyFact>();
    for (const f of [...IPV6_FAMILIES, ...NON_IPV6_FAMILIES]) families.set(f.family, f);
    const userSource = { url: 'Ipv6ChecksProps', date: 'given by the user' };
    const yes = new Set((props.additionalIpv6Families ?? []).map(normalizeFamily));
    const no = new Set((props.additionalNonIpv6Families ?? []).map(normalizeFamily));
    for (const f of yes) {
      if (no.has(f)) problems.push(`family '${f}' is in both additionalIpv6Families and additionalNonIpv6Families`);
      families.set(f, { family: f, ipv6: true, source: userSource });
    }
    for (const f of no) families.set(f, { family: f, ipv6: false, source: userSource });

    const known = new Set<string>([...ALL_RULES.map((r) => r.id), RULE_FAILURE.id, '*']);
    const levels = new Map<string, Ipv6CheckLevel>();
    const validLevels = new Set<string>(Object.values(Ipv6CheckLevel));
    for (const [id, level] of Object.entries(props.ruleLevels ?? {})) {
      if (!known.has(id)) problems.push(`ruleLevels: unknown rule ID '${id}' (known: ${[...known].join(', ')})`);
      else if (!validLevels.has(level)) problems.push(`ruleLevels['${id}']: '${level}' is not an Ipv6CheckLevel`);
      else levels.set(id, level);
    }
    if (problems.length > 0) {
      throw new Error(`Ipv6Checks: ${problems.join('; ')}. Fix: use the rule IDs and levels listed in RULES.md (Ipv6RuleId, Ipv6CheckLevel), and put each family in one list only.`);
    }
    this._facts = { regions, families };
    this._ruleLevels = levels;
    this._reports = props.reports ?? true;
  }

  /**
   * Registers the pack for the stack on the stack's visit (or on the scope it was added to); the rules run
   * later in the same synth pass, after every aspect, on the resolved stack.
   * @param node the construct cdktf visits (the pack registers on stacks and on the scope it was added to)
   */
  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) {
      this._register(node);
    } else if (Aspects.of(node).all.includes(this)) {
      try {
        this._register(TerraformStack.of(node));
      } catch {
        // added to a construct above any stack (the app): the stacks below register when visited
      }
    }
  }

  /** @internal */
  public _register(stack: TerraformStack): void {
    let state = states.get(stack);
    if (!state) {
      state = { checkers: [], dirty: true, resolve: resolverOf(stack) };
      states.set(stack, state);
      install(stack, state);
    }
    if (!state.checkers.includes(this)) state.checkers.push(this);
    // A new synth pass: forget this stack's previous results and any unused memo.
    state.dirty = true;
    state.memo = undefined;
  }

  /** @internal */
  public get _automatic(): boolean {
    return this.automatic;
  }
}

/**
 * The stack's own `toTerraform`: an instance override made before ours (kept), else the class's method,
 * looked up at call time.
 */
function resolverOf(stack: TerraformStack): () => Record<string, any> {
  const own = Object.prototype.hasOwnProperty.call(stack, 'toTerraform') ? stack.toTerraform : undefined;
  return () => (own ?? Object.getPrototypeOf(stack).toTerraform).call(stack);
}

/** The pack that decides for a stack: the first explicitly added one, else the automatic one. */
function chosen(state: StackState): Ipv6Checks {
  return state.checkers.find((c) => !c._automatic) ?? state.checkers[0];
}

function run(stack: TerraformStack, state: StackState, doc: Record<string, any>): RuleContext {
  const pack = chosen(state);
  const { findings, ctx } = evaluateWithContext(doc, stack, { facts: pack._facts, ruleLevels: pack._ruleLevels });
  state.findings = findings;
  state.dirty = false;
  recordSynthesis(stack.node.path, doc, state.findings);
  return ctx;
}

/**
 * Hooks the stack once:
 * - a custom synthesis (cdktf runs it after the aspects and validations, before it checks for error
 *   annotations): resolves the stack, runs the rules, writes the report, and keeps the resolved document;
 * - `toTerraform`: hands that document to the synthesizer (one shot, same synth pass) instead of resolving
 *   the stack a second time; when the rules have not run yet in this pass (`Testing.synth`), runs them on
 *   the document it resolves.
 */
function install(stack: TerraformStack, state: StackState): void {
  const holder = stack.node.tryFindChild(HOLDER_ID) ?? new Construct(stack, HOLDER_ID);
  addCustomSynthesis(holder, {
    onSynthesize: (session: ISynthesisSession) => {
      if (!state.dirty && state.findings) return;
      const doc = state.resolve();
      const ctx = run(stack, state, doc);
      state.memo = doc;
      // The memo is only for the synthesizer's toTerraform right after this hook; never let it outlive the pass.
      queueMicrotask(() => {
        if (state.memo === doc) state.memo = undefined;
      });
      const pack = chosen(state);
      const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
      // Always, also with reports: false: what the matchers need to judge this cdk.tf.json in another process.
      writeStackContext(dir, stack, doc, pack, ownersOf(stack));
      if (pack._reports) {
        const levels = new Map<string, string>();
        for (const r of [...ALL_RULES, RULE_FAILURE]) levels.set(r.id, pack._ruleLevels.get(r.id) ?? pack._ruleLevels.get('*') ?? r.level);
        writeReports(dir, stack.node.id, state.findings!, levels);
        writeTopology(dir, ctx, stack.node.id);
      }
      removeStackFileIfFailed(stack, state, holder, session, pack._reports);
    },
  });
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true,
    writable: true,
    value: function toTerraform(this: TerraformStack) {
      const memo = state.memo;
      if (memo) {
        state.memo = undefined;
        return memo;
      }
      const doc = state.resolve();
      if (state.dirty) run(stack, state, doc);
      return doc;
    },
  });
}

/**
 * A stack the rule pack fails leaves no configuration to deploy: the stack file of an earlier synth is removed
 * (the synthesizer writes none after an error annotation, or it is removed after the write in CLI mode), and
 * one more error says so. The report beside it stays and says why.
 */
function removeStackFileIfFailed(stack: TerraformStack, state: StackState, holder: Construct, session: ISynthesisSession, reports: boolean): void {
  holder.node.tryRemoveChild(REMOVED_NOTICE_ID);
  const errors = state.findings!.filter((f) => isReported(f) && f.level === Ipv6CheckLevel.ERROR).length;
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
