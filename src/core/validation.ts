import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

/** A required string prop that is missing or blank (a token is never blank: it is unknown until apply). @internal */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value === null || (!Token.isUnresolved(value) && value.trim() === '');
}

/**
 * The Terraform text a value resolves to in its stack (`${var.x}`, `${alicloud_vpc.A.id}`, or the literal),
 * or undefined when it cannot be resolved here.
 * @internal
 */
export function resolveToString(scope: IConstruct, value: string): string | undefined {
  try {
    const r = Tokenization.resolve(value, { scope: TerraformStack.of(scope), resolver: new DefaultTokenResolver(new StringConcat()) });
    return typeof r === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One problem with a construct's props: which prop, what is wrong, and how to fix it.
 * @internal
 */
export interface PropProblem {
  readonly prop: string;
  readonly problem: string;
  readonly fix: string;
}

/**
 * Gathers every problem with a construct's props, then throws them as one error that names the
 * construct path, each prop, what is wrong and the fix (TerraConstructs' validateAllProps style).
 *
 * @internal
 */
export class PropValidator {
  private readonly problems: PropProblem[] = [];

  constructor(private readonly scope: IConstruct, private readonly constructName: string) {}

  /** Records a problem. */
  public add(prop: string, problem: string, fix: string): this {
    this.problems.push({ prop, problem, fix });
    return this;
  }

  /** Records a problem when `condition` is true. */
  public check(condition: boolean, prop: string, problem: string, fix: string): this {
    if (condition) this.add(prop, problem, fix);
    return this;
  }

  /**
   * Checks an optional integer against [min, max]. Tokens are skipped (unknown until apply).
   */
  public integerInRange(prop: string, value: number | undefined, min: number, max: number, fix?: string): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.add(prop, `must be an integer from ${min} to ${max}, got ${value}`, fix ?? `set ${prop} to a whole number between ${min} and ${max}`);
    }
    return this;
  }

  /** Checks an optional string against a list of allowed values. Tokens are skipped. */
  public oneOf(prop: string, value: string | undefined, allowed: readonly string[]): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    if (!allowed.includes(value)) {
      const list = allowed.map((a) => `'${a}'`).join(', ');
      this.add(prop, `must be one of ${list}, got '${value}'`, `set ${prop} to one of ${list}`);
    }
    return this;
  }

  /** True when no problem was recorded. */
  public get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws one error listing every recorded problem; does nothing when there are none. */
  public throwIfAny(): void {
    if (this.problems.length === 0) return;
    const lines = this.problems.map((p) => `  - ${p.prop}: ${p.problem}. Fix: ${p.fix}.`);
    throw new Error(
      `${this.constructName} at '${this.scope.node.path}' has ${this.problems.length} invalid prop${this.problems.length > 1 ? 's' : ''}:\n${lines.join('\n')}`,
    );
  }
}
