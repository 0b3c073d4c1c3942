/**
 * The old public names of the configuration checker, kept so that code written against them compiles and
 * behaves as before: "plan" in these names meant a synthesized configuration, while the `check` command's
 * plans are `terraform show -json` output. Each old name is deprecated and names its replacement.
 *
 * Separate declarations, not aliases: TypeScript compares enum members only within one enum, so an old
 * finding keeps its `PlanFindingLevel` level (`f.level === PlanFindingLevel.ERROR` still compiles), and the
 * old checker returns old findings.
 */import { parseSynthesized, formatConfigFindings, throwOnConfigErrors } from './config-check-text';
import { AlicloudConfigChecker } from './config-checker';

/**
 * How serious a plan finding is.
 *
 * @deprecated use `ConfigFindingLevel`, the same values under the name that says what is checked (a
 * synthesized configuration, not a `terraform show -json` plan). The level of a `PlanFinding` (what the
 * deprecated `AlicloudPlanChecker` returns) is still of this type.
 */
export enum PlanFindingLevel {
  /** Terraform (or the provider) would reject the configuration. */
  ERROR = 'error',
  /** Accepted, but worth fixing: for example a deprecated argument. */
  WARNING = 'warning',
}

/**
 * The stable codes of `PlanFinding.code`.
 *
 * @deprecated use `ConfigFindingCode`, the same values; `code` is a string, so either enum compares with it.
 */
export enum PlanFindingCode {
  /** A resource or data source type that starts with `alicloud_` but is not in the committed schema. */
  UNKNOWN_TYPE = 'unknown-type',
  /** An argument, block, meta-argument key or `dynamic` block name that the schema does not define. */
  UNKNOWN_ATTRIBUTE = 'unknown-attribute',
  /** A required argument is not set, or a block with `min_items` >= 1 is absent. */
  MISSING_REQUIRED = 'missing-required',
  /** None of an `exactly_one_of` / `at_least_one_of` group is set. */
  MISSING_ONE_OF = 'missing-one-of',
  /** A literal value whose JSON type cannot be converted to the schema type. */
  WRONG_TYPE = 'wrong-type',
  /** A computed-only attribute (neither required nor optional) is set. */
  COMPUTED_ONLY = 'computed-only',
  /** A number outside `int_between` / `int_at_least`, or a string outside `string_length_between`. */
  OUT_OF_RANGE = 'out-of-range',
  /** A value outside `enum` / `int_enum`. */
  NOT_IN_ENUM = 'not-in-enum',
  /** A string that does not match the argument's `regex`. */
  REGEX = 'regex',
  /** A string that is not valid JSON where `validation.StringIsJSON` applies. */
  INVALID_JSON = 'invalid-json',
  /** A string that is not a valid regular expression where `validation.StringIsValidRegExp` applies. */
  INVALID_REGEX = 'invalid-regex',
  /** Arguments set together although `conflicts_with` / `exactly_one_of` forbids it; `count` with `for_each`; a duplicate provider configuration. */
  CONFLICT = 'conflict',
  /** Fewer blocks or list items than `min_items`. */
  MIN_ITEMS = 'min-items',
  /** More blocks or list items than `max_items`. */
  MAX_ITEMS = 'max-items',
  /** A deprecated argument or block is set (warning). */
  DEPRECATED = 'deprecated',
  /** A removed argument or block is set: the provider rejects it. */
  REMOVED = 'removed',
  /** A `provider` meta-argument that names an alicloud alias no provider block declares. */
  UNKNOWN_PROVIDER = 'unknown-provider',
}

/**
 * One violation of the committed alicloud provider schema or constraints in a synthesized stack.
 *
 * @deprecated use `ConfigFinding` (what `AlicloudConfigChecker` returns), the same fields with the level a
 * `ConfigFindingLevel`.
 */
export interface PlanFinding {
  /**
   * `error` when Terraform or the provider would reject the configuration, `warning` otherwise.
   */
  readonly level: PlanFindingLevel;

  /**
   * The Terraform address of the configuration block: `alicloud_vpc.Vpc`, `data.alicloud_zones.zones`
   * or `provider.alicloud[0]`.
   */
  readonly address: string;

  /**
   * Where inside the block, with list indexes: `containers[0].ports[1].port`, `timeouts.create`,
   * `dynamic.volumes.content.name`. Empty for the block as a whole.
   */
  readonly path: string;

  /**
   * A short stable code: one of the `PlanFindingCode` values, for example `unknown-attribute`.
   */
  readonly code: string;

  /**
   * Human-readable text naming what is wrong and what is allowed.
   */
  readonly message: string;

  /**
   * The construct path from the block's `//.metadata.path` (present in `cdk.tf.json`, not in
   * `Testing.synth` output).
   *
   * @default - no construct path in the synthesized JSON
   */
  readonly constructPath?: string;
}

/**
 * Checks synthesized CDKTF stacks offline against the committed alicloud provider schema
 * of every resource and data source of provider aliyun/alicloud 1.289.0 (`schema/alicloud-1.289.0.jsonl`)
 * and its validation constraints: unknown arguments and blocks at any depth,
 * missing required arguments and blocks, wrong literal types, computed-only arguments, block counts,
 * enums, ranges, regexes, JSON validators, conflicts, removed and deprecated arguments, and the
 * `alicloud` provider configurations.
 *
 * Literal values are converted the way Terraform converts JSON configuration: a number argument
 * accepts `5` and `"5"`, a bool argument accepts `true` and `"true"`/`"false"`/`"1"`/`"0"`, a string
 * argument accepts numbers and bools. Strings holding `${...}` are unknown until apply and pass every
 * type and value check of an argument; a block cannot be given as such a string (Terraform's JSON syntax
 * rejects it), use a `dynamic` block instead. Meta-arguments (`//`, `depends_on`, `count`, `for_each`, `provider`,
 * `lifecycle`, `provisioner`, `connection`) and cdktf `dynamic` blocks are understood.
 *
 * A resource or data source type starting with `alicloud_` that 1.289.0 does not have is a warning
 * (`unknown-type`, with a "did you mean" for close names), never an error: it may come from a newer
 * provider release. Other providers' types are not checked.
 *
 * The schema pack is opened once per process, relative to this module (it ships in the package), and
 * each type is read and indexed the first time a stack uses it.
 *
 * @example
 * const findings = AlicloudPlanChecker.check(Testing.synth(stack));
 * AlicloudPlanChecker.assertValid(Testing.synth(stack));
 *
 * @deprecated use `AlicloudConfigChecker`, the same checks under the name that says what is checked (a
 * synthesized configuration; the `check` command reads `terraform show -json` plans). This class returns
 * `PlanFinding`s, whose level is a `PlanFindingLevel`, so code written against it compiles unchanged.
 */
export class AlicloudPlanChecker {
  /**
   * Checks a synthesized stack given as JSON text: the string returned by cdktf's
   * `Testing.synth(stack)` / `Testing.synthScope(...)`, or the contents of `cdk.tf.json`.
   *
   * @param synthesized Terraform JSON configuration text
   * @returns every finding, errors and warnings, in document order (empty when the stack is valid)
   */
  public static check(synthesized: string): PlanFinding[] {
    return AlicloudPlanChecker.checkObject(parseSynthesized(synthesized, 'AlicloudPlanChecker'));
  }

  /**
   * Checks a synthesized stack given as an already parsed Terraform JSON document (for example
   * `JSON.parse` of `cdk.tf.json`).
   *
   * @param doc the parsed Terraform JSON configuration (a JSON object)
   * @returns every finding, errors and warnings, in document order (empty when the stack is valid)
   */
  public static checkObject(doc: any): PlanFinding[] {
    // the same findings: the two level enums have the same values
    return AlicloudConfigChecker.checkObject(doc) as unknown[] as PlanFinding[];
  }

  /**
   * Formats findings as readable text, one line per finding:
   * `ERROR alicloud_vpc.Vpc vpc_nme [unknown-attribute] ... (construct stack/Vpc)`.
   *
   * @param findings findings from `check` or `checkObject`
   * @returns the formatted text; "no findings" when the list is empty
   */
  public static format(findings: PlanFinding[]): string {
    return formatConfigFindings(findings);
  }

  /**
   * Throws when the synthesized stack has error-level findings; the error message lists them with
   * `format`. Warnings (deprecations, requirements an environment variable may satisfy) do not throw.
   *
   * @param synthesized Terraform JSON configuration text, as for `check`
   */
  public static assertValid(synthesized: string): void {
    throwOnConfigErrors(AlicloudPlanChecker.check(synthesized));
  }

  private constructor() {}
}
