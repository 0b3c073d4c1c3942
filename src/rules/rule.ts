/**
 * What a rule is: an ID, a level, and the checks it makes, one per subject (a resource, or an ECI inside
 * a resource). The engine runs every check in its own try/catch, so a check that throws becomes an
 * `ALI-IPV6-ERR` finding for that resource and the other checks still run.
 * @internal
 */
import { RuleContext, TfBlock } from './context';
import { Ipv6CheckLevel, Ipv6RuleId } from './types';

/** The language of a document's source, in which fixes are written (see `FixText`). @internal */
export type FixLanguage = 'cdktf' | 'terraform';

/**
 * A fix: one text for every input, or one per language when it shows code. `cdktf` for stacks synthesized by
 * cdktf (at synth, and their `cdk.tf.json` given to the `check` command): TypeScript with the library's
 * constructs; `terraform` for HCL, plain Terraform JSON and plans: an HCL snippet, the argument to change, or
 * the `check` command's own ways (`.ipv6-checks.json`, `# ipv6-checks:skip=`). The engine picks the text
 * (`EngineOptions.language`), so rules never ask where their document came from.
 * @internal
 */
export type FixText = string | { readonly cdktf: string; readonly terraform: string };

/** The text of a fix in a language. @internal */
export function fixIn(fix: FixText, language: FixLanguage): string {
  return typeof fix === 'string' ? fix : fix[language];
}

/** Joins fixes with `; `, keeping both languages. @internal */
export function joinFixes(fixes: readonly FixText[]): FixText {
  if (fixes.every((f) => typeof f === 'string')) return fixes.join('; ');
  return { cdktf: fixes.map((f) => fixIn(f, 'cdktf')).join('; '), terraform: fixes.map((f) => fixIn(f, 'terraform')).join('; ') };
}

/** The verdict of one check. Messages are sentences without the final period. @internal */
export type Verdict =
  | { readonly status: 'compliant'; readonly message: string }
  | {
    readonly status: 'non-compliant';
    readonly message: string;
    readonly fix: FixText;
    /** A level below the rule's (for example a warning inside an error rule); a `ruleLevels` override wins. */
    readonly level?: Ipv6CheckLevel;
    /**
     * A key naming the mistake behind the finding (for example the provider configuration whose region has no
     * IPv6). The first finding of a rule with a key is reported as usual and lists the others; later findings
     * with the same key are infos linked to it, so one mistake is one error.
     */
    readonly rootCause?: string;
  }
  | {
    readonly status: 'not-verifiable';
    readonly message: string;
    readonly fix?: FixText;
    /** A level other than the rule's `notVerifiableLevel` (never above the rule's effective level). */
    readonly level?: Ipv6CheckLevel;
    /** As for non-compliant verdicts: one unknown value behind several findings is reported once. */
    readonly rootCause?: string;
  };

/** One check: the resource it is about (none: the stack as a whole) and how to decide. @internal */
export interface Subject {
  readonly block: TfBlock | undefined;
  check(): Verdict;
}

/** A rule of the pack. @internal */
export interface RuleDefinition {
  readonly id: Ipv6RuleId;
  /** Short name, also the file name under src/rules/rules/. */
  readonly name: string;
  readonly level: Ipv6CheckLevel;
  readonly notVerifiableLevel: Ipv6CheckLevel;
  readonly summary: string;
  /** The checks to run, one per subject; lazily evaluated. */
  subjects(ctx: RuleContext): Iterable<Subject>;
}

/** Helpers for verdicts. @internal */
export const compliant = (message: string): Verdict => ({ status: 'compliant', message });
export const nonCompliant = (message: string, fix: FixText, level?: Ipv6CheckLevel, rootCause?: string): Verdict =>
  ({ status: 'non-compliant', message, fix, level, ...(rootCause !== undefined ? { rootCause } : {}) });
export const notVerifiable = (message: string, fix?: FixText, level?: Ipv6CheckLevel, rootCause?: string): Verdict =>
  ({ status: 'not-verifiable', message, fix, level, ...(rootCause !== undefined ? { rootCause } : {}) });

/** A subject whose check is `check`. @internal */
export const subject = (block: TfBlock | undefined, check: () => Verdict): Subject => ({ block, check });
