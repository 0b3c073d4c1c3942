/**
 * Runs the rules over one resolved stack document. `evaluateDocumentWithContext` puts together the parts, each
 * under its own heading below: levels (`ruleLevel`, `verdictLevel`), evaluation (`checkRule`, `recorder`, with
 * suppressions), root-cause linking (`RootCauses`). The document engine: it imports no CDK core and no
 * construct, so the `check` command runs it on plain Terraform without loading one; `evaluate` in
 * stack-engine.ts runs it on a stack at synth and adds the annotations.
 * @internal
 */
import { EffectiveFacts, RuleContext, TfBlock } from './context';
import { CrossStackRefs } from './cross-stack-refs';
import { ConstructOwner } from './owner-names';
import { FixLanguage, FixText, fixIn, RuleDefinition, Subject, Verdict } from './rule';
import { ALL_RULES } from './rules';
import { Suppression } from './suppressions';
import { Ipv6CheckFinding, Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from './types';

/** Options of one evaluation. @internal */
export interface EngineOptions {
  readonly facts: EffectiveFacts;
  /** Rule ID (or '*') → level. */
  readonly ruleLevels: ReadonlyMap<string, Ipv6CheckLevel>;
  /**
   * The language of the document's source, in which fixes are written: `cdktf` (the default: at synth, and a
   * `cdk.tf.json` given to `check`) or `terraform` (HCL, plain Terraform JSON, plans).
   */
  readonly language?: FixLanguage;
  /**
   * Walk the whole provider schema (`ALI-IPV6-015`): on in the `check` command for configuration inputs; off at
   * synth, where cdktf's typed bindings and `toBeValidAlicloudConfig` cover it, and for plans, which Terraform
   * made only after it validated the configuration with the real provider.
   */
  readonly providerSchema?: boolean;
}

// Levels: a rule's level, a verdict's level within it, and a linked finding's.

const RANK: Record<Ipv6CheckLevel, number> = {
  [Ipv6CheckLevel.OFF]: 0,
  [Ipv6CheckLevel.INFO]: 1,
  [Ipv6CheckLevel.WARNING]: 2,
  [Ipv6CheckLevel.ERROR]: 3,
};

function minLevel(a: Ipv6CheckLevel, b: Ipv6CheckLevel): Ipv6CheckLevel {
  return RANK[a] <= RANK[b] ? a : b;
}

/** The level of a rule: its entry in `ruleLevels`, else the `*` entry, else `fallback` (its own level). @internal */
export function ruleLevel(ruleLevels: ReadonlyMap<string, Ipv6CheckLevel>, ruleId: string, fallback: Ipv6CheckLevel): Ipv6CheckLevel {
  return ruleLevels.get(ruleId) ?? ruleLevels.get('*') ?? fallback;
}

/**
 * The level of a non-compliant or not-verifiable verdict of a rule at `level`: a non-compliant verdict's own
 * level unless `ruleLevels` sets the rule's (`overridden`); a not-verifiable one's (or the rule's
 * `notVerifiableLevel`), never above `level`.
 */
function verdictLevel(verdict: Exclude<Verdict, { status: 'compliant' }>, rule: RuleDefinition, level: Ipv6CheckLevel, overridden: boolean): Ipv6CheckLevel {
  return verdict.status === 'non-compliant'
    ? (overridden ? level : verdict.level ?? level)
    : minLevel(verdict.level ?? rule.notVerifiableLevel, level);
}

/** A finding linked to the one that reports its root cause: at most an info. */
function linkedLevel(level: Ipv6CheckLevel): Ipv6CheckLevel {
  return minLevel(Ipv6CheckLevel.INFO, level);
}

/** The rule-failure pseudo rule. @internal */
export const RULE_FAILURE = {
  id: Ipv6RuleId.RULE_FAILURE,
  name: 'rule-failure',
  level: Ipv6CheckLevel.WARNING,
  summary: 'A rule threw an exception on a resource; the resource was not checked by that rule (a bug in the rule pack).',
};

/** The text without surrounding white space and trailing full stops (most texts have none: returned as they are). */
function sentence(text: string): string {
  const [first, last] = [text.charCodeAt(0), text.charCodeAt(text.length - 1)];
  // printable ASCII at both ends, and no full stop at the end: nothing to trim (other characters may be white space)
  if (first > 32 && first < 127 && last > 32 && last < 127 && last !== 46) return text;
  return text.trim().replace(/[.\s]+$/, '');
}

/** `[ALI-IPV6-00N] <what is wrong>. Fix: <fix>.` @internal */
export function annotationText(f: Ipv6CheckFinding): string {
  return `[${f.ruleId}] ${sentence(f.message)}.${f.fix ? ` Fix: ${sentence(f.fix)}.` : ''}`;
}

/** Options of an evaluation outside a cdktf synth (the `check` command): where suppressions come from. @internal */
export interface DocumentEngineOptions extends EngineOptions {
  /** The path findings without a block are reported at (a stack's construct path, or a file). */
  readonly stackPath: string;
  /** The address of findings without a block (`stack web`). */
  readonly stackLabel: string;
  readonly owners?: ReadonlyMap<string, ConstructOwner>;
  /** The other stacks of the app, for cross-stack references (none outside a cdktf synth). */
  readonly crossStack?: CrossStackRefs;
  /**
   * Where a block's findings are reported when it has no construct path (the `check` command: its resource
   * address); by default the stack path.
   */
  readonly pathOf?: (block: TfBlock) => string;
  /** The suppression covering a rule on a block (its construct path, or the stack path; and its address). */
  readonly suppressionFor?: (resourcePath: string, address: string | undefined, ruleId: string) => Suppression | undefined;
}

/**
 * Evaluates every rule on a resolved Terraform document, without a construct tree: levels and
 * suppressions, no annotations. `evaluate` runs it at synth; the `check` command on any Terraform.
 * @internal
 */
export function evaluateDocument(
  doc: Record<string, any>,
  options: DocumentEngineOptions,
  rules: readonly RuleDefinition[] = ALL_RULES,
): Ipv6CheckFinding[] {
  return evaluateDocumentWithContext(doc, options, rules).findings;
}

/** The findings of every rule on the document (levels, evaluation, root-cause linking), and the rule context. @internal */
export function evaluateDocumentWithContext(
  doc: Record<string, any>,
  options: DocumentEngineOptions,
  rules: readonly RuleDefinition[],
): { findings: Ipv6CheckFinding[]; ctx: RuleContext } {
  const checks = { providerSchema: options.providerSchema === true };
  const ctx = new RuleContext(doc, options.facts, options.stackPath, options.owners ?? new Map(), options.crossStack, checks);
  const findings: Ipv6CheckFinding[] = [];
  const record = recorder(ctx, options, findings);
  const causes = new RootCauses(findings, record);
  const failureLevel = ruleLevel(options.ruleLevels, RULE_FAILURE.id, RULE_FAILURE.level);

  for (const rule of rules) {
    const level = ruleLevel(options.ruleLevels, rule.id, rule.level);
    if (level === Ipv6CheckLevel.OFF) continue;
    const overridden = options.ruleLevels.has(rule.id) || options.ruleLevels.has('*');
    checkRule(rule, ctx, (block, verdict) => {
      if (verdict.status !== 'non-compliant' && verdict.status !== 'not-verifiable') {
        record(rule, block, Ipv6CheckStatus.COMPLIANT, level, verdict.message);
      } else {
        causes.add(rule, block, verdict, verdictLevel(verdict, rule, level, overridden));
      }
    }, (block, e) => {
      if (failureLevel !== Ipv6CheckLevel.OFF) recordFailure(record, failureLevel, rule, block, e);
    });
  }
  causes.listLinked();
  return { findings, ctx };
}

// Evaluation: each rule's checks, in order, and the finding each verdict becomes.

/**
 * Runs one rule's checks in order, giving each verdict to `onVerdict`. A rule that throws while listing its
 * subjects (no more of its subjects are checked) or while checking one (the next is checked) goes to `onFailure`.
 */
function checkRule(
  rule: RuleDefinition,
  ctx: RuleContext,
  onVerdict: (block: TfBlock | undefined, verdict: Verdict) => void,
  onFailure: (block: TfBlock | undefined, e: unknown) => void,
): void {
  let iterator: Iterator<Subject>;
  try {
    iterator = rule.subjects(ctx)[Symbol.iterator]();
  } catch (e) {
    onFailure(undefined, e);
    return;
  }
  for (;;) {
    let next: IteratorResult<Subject>;
    try {
      next = iterator.next();
    } catch (e) {
      onFailure(undefined, e);
      return;
    }
    if (next.done) return;
    const s = next.value;
    let verdict: Verdict;
    try {
      verdict = s.check();
    } catch (e) {
      onFailure(s.block, e);
      continue;
    }
    onVerdict(s.block, verdict);
  }
}

type RuleRef = { id: string; name: string };
type RecordFinding = (
  rule: RuleRef, block: TfBlock | undefined, status: Ipv6CheckStatus, level: Ipv6CheckLevel, message: string, fix?: FixText, linkedTo?: string,
) => void;

/** Adds a finding to `findings`: where it is reported, and suppressed when a suppression covers it. */
function recorder(ctx: RuleContext, options: DocumentEngineOptions, findings: Ipv6CheckFinding[]): RecordFinding {
  return (rule, block, status, level, message, fix, linkedTo) => {
    // A resource made by one of the library's constructs is reported at that construct (the user's words);
    // suppressions are still looked up from the resource itself, which lies under it.
    const resourcePath = block?.constructPath ?? (block && options.pathOf ? options.pathOf(block) : options.stackPath);
    const constructPath = (block ? ctx.ownerOf(block)?.path : undefined) ?? resourcePath;
    let finding: Ipv6CheckFinding = {
      ruleId: rule.id,
      ruleName: rule.name,
      level,
      status,
      address: block?.address ?? options.stackLabel,
      constructPath,
      message: sentence(message),
      // the one place where a fix becomes text: in the language of the document's source
      ...(fix !== undefined ? { fix: sentence(fixIn(fix, options.language ?? 'cdktf')) } : {}),
      ...(linkedTo !== undefined ? { linkedTo } : {}),
    };
    if ((status === Ipv6CheckStatus.NON_COMPLIANT || status === Ipv6CheckStatus.NOT_VERIFIABLE) && options.suppressionFor) {
      const s = options.suppressionFor(resourcePath, block?.address, rule.id);
      if (s) finding = { ...finding, status: Ipv6CheckStatus.SUPPRESSED, suppressionReason: s.reason, suppressedAt: s.path || '(app)' };
    }
    findings.push(finding);
  };
}

/** Records a rule that threw, on a block or while listing its subjects, as an `ALI-IPV6-ERR` finding at `level`. */
function recordFailure(record: RecordFinding, level: Ipv6CheckLevel, rule: RuleDefinition, block: TfBlock | undefined, e: unknown): void {
  const where = block ? `on ${block.address}` : 'while listing the resources to check';
  const error = e instanceof Error ? e.message : String(e);
  record(RULE_FAILURE, block, Ipv6CheckStatus.NON_COMPLIANT, level,
    `Rule ${rule.id} (${rule.name}) failed ${where}: ${error}; that rule did not check it`,
    `report this bug with the message; meanwhile check the resource by hand, or suppress ${RULE_FAILURE.id} on it`);
}

// Root-cause linking: one mistake behind several findings is reported once.

/**
 * Records the non-compliant and not-verifiable verdicts. The first finding with a root-cause key (rule, status,
 * cause) reports the cause; later ones with the same key are linked to it (infos that point at it), and in the
 * end its message lists the constructs they are at.
 */
class RootCauses {
  /** Key → index of the finding that reports it. */
  private readonly roots = new Map<string, number>();
  /** That index → the construct paths of the findings linked to it. */
  private readonly links = new Map<number, string[]>();

  /**
   * @param findings the findings being recorded, in order
   * @param record adds one finding to them
   */
  constructor(private readonly findings: Ipv6CheckFinding[], private readonly record: RecordFinding) {}

  /** Records a verdict at `level` (its level within the rule): as the finding that reports its cause, or linked to that one. */
  public add(rule: RuleRef, block: TfBlock | undefined, verdict: Exclude<Verdict, { status: 'compliant' }>, level: Ipv6CheckLevel): void {
    const status = verdict.status === 'non-compliant' ? Ipv6CheckStatus.NON_COMPLIANT : Ipv6CheckStatus.NOT_VERIFIABLE;
    const key = verdict.rootCause !== undefined ? `${rule.id}\u0000${verdict.status}\u0000${verdict.rootCause}` : undefined;
    const root = key !== undefined ? this.roots.get(key) : undefined;
    if (key === undefined || root === undefined) {
      this.record(rule, block, status, level, verdict.message, verdict.fix);
      if (key !== undefined) this.roots.set(key, this.findings.length - 1);
      return;
    }
    // The same cause again: an info that points at the finding that reports it.
    const at = this.findings[root].constructPath;
    this.record(rule, block, status, linkedLevel(level), verdict.message,
      `the same cause as [${rule.id}] at '${at}', which is reported there once: fix it there`, at);
    const list = this.links.get(root) ?? [];
    list.push(this.findings[this.findings.length - 1].constructPath);
    this.links.set(root, list);
  }

  /** Adds to each root's message the other constructs its cause affects. */
  public listLinked(): void {
    for (const [index, paths] of this.links) {
      const f = this.findings[index];
      const others = [...new Set(paths)].filter((p) => p !== f.constructPath);
      if (others.length === 0) continue;
      this.findings[index] = { ...f, message: `${f.message}; the same cause also affects ${others.map((p) => `'${p}'`).join(', ')} (linked infos)` };
    }
  }
}

/**
 * What `cdktf synth` reports (an annotation): non-compliant or not verifiable, at a level other than off.
 * The `check` command and the jest matchers use the same test. @internal
 */
export function isReported(f: Pick<Ipv6CheckFinding, 'status' | 'level'>): boolean {
  return (f.status === Ipv6CheckStatus.NON_COMPLIANT || f.status === Ipv6CheckStatus.NOT_VERIFIABLE) && f.level !== Ipv6CheckLevel.OFF;
}
