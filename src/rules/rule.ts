/**
 * What a rule is: an ID, a level, and the checks it makes, one per subject (a resource, or an ECI inside
 * a resource). The engine runs every check in its own try/catch, so a check that throws becomes an
 * `ALI-IPV6-ERR` finding for that resource and the other checks still run.
 * @internal
 */
import { RuleContext, TfBlock } from './context';
import { Ipv6CheckLevel, Ipv6RuleId } from './types';

/** The verdict of one check. Messages are sentences without the final period. @internal */
export type Verdict =
  | { readonly status: 'compliant'; readonly message: string }
  | {
    readonly status: 'non-compliant';
    readonly message: string;
    readonly fix: string;
    /** A level below the rule's (for example a warning inside an error rule); a `ruleLevels` override wins. */
    readonly level?: Ipv6CheckLevel;
  }
  | {
    readonly status: 'not-verifiable';
    readonly message: string;
    readonly fix?: string;
    /** A level other than the rule's `notVerifiableLevel` (never above the rule's effective level). */
    readonly level?: Ipv6CheckLevel;
  };

/** One check: the resource it is about and how to decide. @internal */
export interface Subject {
  readonly block: TfBlock;
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
export const nonCompliant = (message: string, fix: string, level?: Ipv6CheckLevel): Verdict => ({ status: 'non-compliant', message, fix, level });
export const notVerifiable = (message: string, fix?: string, level?: Ipv6CheckLevel): Verdict => ({ status: 'not-verifiable', message, fix, level });

/** A subject whose check is `check`. @internal */
export const subject = (block: TfBlock, check: () => Verdict): Subject => ({ block, check });
