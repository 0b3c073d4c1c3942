/**
 * What the `check` command works on: one input (a Terraform folder or file, a synthesized stack, a plan
 * JSON) turned into the resolved Terraform document the rule pack reads, with where each block came from.
 * @internal
 */

/** The kinds of input. @internal */
export type InputKind = 'hcl' | 'json' | 'plan';

/** A place in a source file (1-based line). @internal */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
}

/** An inline skip (`# ipv6-checks:skip=ALI-IPV6-002 reason`) or a config-file suppression. @internal */
export interface Skip {
  /** A rule ID, or `*` for every rule. */
  readonly ruleId: string;
  readonly reason: string;
  /** Where it was written: `main.tf:12` or `.ipv6-checks.json`. */
  readonly at: string;
}

/** One input, adapted. @internal */
export interface CheckDocument {
  /** The path as given on the command line. */
  readonly input: string;
  readonly kind: InputKind;
  /** The Terraform JSON document the rules read (resource, data, provider). */
  readonly doc: Record<string, any>;
  /** Address in `doc` → the real Terraform address (a plan's `module.net.alicloud_vswitch.a[0]`), where they differ. */
  readonly addresses: ReadonlyMap<string, string>;
  /** Address in `doc` → where the block is written. */
  readonly locations: ReadonlyMap<string, SourceLocation>;
  /** Address in `doc` → inline skips in its block. */
  readonly skips: ReadonlyMap<string, readonly Skip[]>;
  /** Where findings without a block are reported (the folder, the file). */
  readonly location: SourceLocation;
}

/**
 * A problem with an input or the command line that the user must fix: exit 2, printed as
 * `file:line: message` (never a stack trace).
 * @internal
 */
export class CheckInputError extends Error {
  constructor(message: string, public readonly file?: string, public readonly line?: number) {
    super(message);
  }

  /** `file:line: message`. */
  public describe(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${where}${this.message}`;
  }
}
