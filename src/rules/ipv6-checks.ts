/**
 * The rule pack's public face: the `Ipv6Checks` aspect (`applyTo`, `suppress`, `findingsOf`, `rules()`), and
 * the per-stack state (the packs registered on a stack, the findings of its synth pass). How the
 * rules run inside cdktf's synth is synth-hook.ts.
 */
import { Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ruleCatalogue } from './catalogue';
import { addSuppression } from './construct-suppressions';
import { EffectiveFacts, RuleContext } from './context';
import { packOptions } from './options';
import { evaluateWithContext } from './stack-engine';
import { ALL_RULES_ID, Suppression } from './suppressions';
import { installSynthHook, SynthHook } from './synth-hook';
import { recordSynthesis } from './synthesized';
import { synthesizedFindings } from './synthesized-findings';
import { Ipv6CheckFinding, Ipv6CheckLevel, Ipv6ChecksProps, Ipv6RuleInfo } from './types';
import { brandClass, hasBrand } from '../core/brand';
import { assertSameCore } from '../core/core-guard';
import { FLAVOUR } from '../core/flavour';
import { keepNamesOneByte } from '../core/one-byte-names';
import { PropValidator } from '../core/validation';

// Exported here before synth-hook.ts held it; kept for code that imports it from here.
export { failedStackStub } from './synth-hook';

/** Per-stack state: the registered packs, this synth pass's results, and the stack's synth hook. */
interface StackState {
  /** Every Ipv6Checks visited on this stack, auto-added ones included, in the order they registered. */
  readonly checkers: Ipv6Checks[];
  /** True from the first aspect visit of a synth pass until the rules have run in that pass. */
  dirty: boolean;
  findings?: Ipv6CheckFinding[];
  readonly hook: SynthHook;
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
   * Whether `x` is an Ipv6Checks, also one made by another copy of this library in node_modules (checked by a
   * `Symbol.for` brand, as the CDK core's `TerraformStack.isStack` does, not by `instanceof`): `applyTo` adds no second
   * pack to a stack that has one of another copy.
   * @param x any value
   */
  public static isIpv6Checks(x: any): x is Ipv6Checks {
    return hasBrand(x, 'Ipv6Checks');
  }

  /**
   * Adds the rule pack (with default options) to the stack of `scope`, unless the stack already has an
   * `Ipv6Checks`. The library's constructs call this from their constructors. Does nothing outside a stack.
   *
   * @param scope any construct of the stack
   * @throws when the stack or app of `scope` was made with another CDK core, or another copy of this library's core
   */
  public static applyTo(scope: IConstruct): void {
    assertSameCore(scope, 'Ipv6Checks.applyTo');
    let stack: TerraformStack;
    try {
      stack = TerraformStack.of(scope);
    } catch {
      return;
    }
    keepNamesOneByte(stack); // memory only: the same names (core/one-byte-names.ts)
    if (Aspects.of(stack).all.some((a) => Ipv6Checks.isIpv6Checks(a))) return;
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
   * @throws when no Ipv6Checks applies to the stack, or the stack was made with another CDK core
   */
  public static findingsOf(stack: TerraformStack): Ipv6CheckFinding[] {
    assertSameCore(stack, 'Ipv6Checks.findingsOf');
    let state = states.get(stack);
    if (!state) {
      const pack = [...stack.node.scopes].reverse().flatMap((s) => Aspects.of(s).all).find((a): a is Ipv6Checks => Ipv6Checks.isIpv6Checks(a));
      if (!pack) {
        throw new Error(`Ipv6Checks.findingsOf: no Ipv6Checks applies to stack '${stack.node.path}'. Fix: add one with Aspects.of(stack).add(new Ipv6Checks()), or create a construct of this library in it.`);
      }
      // A pack of another copy of this library keeps its findings in that copy: ask it (and fail loudly when it cannot).
      if (!(pack instanceof Ipv6Checks)) return findingsOfOtherCopy(pack, stack);
      pack._register(stack);
      state = states.get(stack)!;
    }
    if (state.dirty || !state.findings) run(stack, state, state.hook.resolve());
    return [...state.findings!];
  }

  /**
   * The findings of the rule pack on a synthesized stack: the JSON text returned by cdktf's
   * `Testing.synth(stack)` / `Testing.synthScope(...)` or the text of `cdk.tf.json`, or the path of a
   * synthesized stack folder (`cdktf.out/stacks/<stack>`, or what `Testing.fullSynth` returns when it holds
   * one stack) or of its `cdk.tf.json`. `Testing.synth` does not fail on the pack's errors (they are
   * annotations, which only `app.synth()` and the `cdktf synth` CLI turn into a failure); this is how a test
   * sees them. The jest matchers `toBeValidAlicloudConfig()` and `toHaveIpv6Finding()` read the same findings.
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
    return ruleCatalogue();
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
    const options = packOptions(props);
    this._facts = options.facts;
    this._ruleLevels = options.ruleLevels;
    this._reports = options.reports;
  }

  /**
   * Registers the pack for the stack on the stack's visit (or on the scope it was added to); the rules run
   * later in the same synth pass, after every aspect, on the resolved stack.
   * @param node the construct cdktf visits (the pack registers on stacks and on the scope it was added to)
   */
  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) {
      // The core that visits may not be ours (the pack added with another core's Aspects): refuse its stacks here,
      // once per stack, rather than let the rules silently not run. isStack is a brand check: any core's stack.
      assertSameCore(node, 'Ipv6Checks');
      this._register(node);
    } else if (Aspects.of(node).all.includes(this)) {
      assertSameCore(node, 'Ipv6Checks');
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
      state = newState(stack);
      states.set(stack, state);
    }
    if (!state.checkers.includes(this)) state.checkers.push(this);
    // A new synth pass: forget this stack's previous results and any unused resolved document.
    state.dirty = true;
    state.hook.newPass();
  }

  /** @internal */
  public get _automatic(): boolean {
    return this.automatic;
  }
}

brandClass(Ipv6Checks, 'Ipv6Checks');

/** The findings of a stack whose pack was made by another copy of this library (same brand), asked of that copy. */
function findingsOfOtherCopy(pack: Ipv6Checks, stack: TerraformStack): Ipv6CheckFinding[] {
  const owner = (pack as object).constructor as { findingsOf?: unknown } | undefined;
  if (owner === undefined || owner === Ipv6Checks || typeof owner.findingsOf !== 'function') {
    throw new Error(`Ipv6Checks.findingsOf: the Ipv6Checks of stack '${stack.node.path}' was made by another copy of this library, which cannot be asked for its findings. `
      + `Fix: keep one copy of ${FLAVOUR.packageName} in node_modules (\`npm ls ${FLAVOUR.packageName}\` shows them), or call findingsOf of the copy that made the pack.`);
  }
  return (owner.findingsOf as (s: TerraformStack) => Ipv6CheckFinding[])(stack);
}

/** The pack that decides for a stack: the first explicitly added one, else the automatic one. */
function chosen(state: StackState): Ipv6Checks {
  return state.checkers.find((c) => !c._automatic) ?? state.checkers[0];
}

/** The state of a stack seen for the first time, with the stack hooked for synth. */
function newState(stack: TerraformStack): StackState {
  const state: StackState = {
    checkers: [],
    dirty: true,
    hook: installSynthHook(stack, {
      pending: () => state.dirty || !state.findings,
      run: (doc) => run(stack, state, doc),
    }),
  };
  return state;
}

/** Runs the rules of the deciding pack on a resolved document of the stack, and records their findings. */
function run(
  stack: TerraformStack, state: StackState, doc: Record<string, any>,
): { findings: Ipv6CheckFinding[]; ctx: RuleContext; pack: Ipv6Checks; suppressions: () => ReadonlyMap<string, Suppression[]> } {
  const pack = chosen(state);
  const { findings, ctx, suppressions } = evaluateWithContext(doc, stack, { facts: pack._facts, ruleLevels: pack._ruleLevels });
  state.findings = findings;
  state.dirty = false;
  recordSynthesis(stack.node.path, doc, state.findings);
  return { findings, ctx, pack, suppressions };
}
