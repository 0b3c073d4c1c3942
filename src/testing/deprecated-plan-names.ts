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
 * Deprecated: use `ConfigFindingLevel`.
 *
 * @deprecated use `ConfigFindingLevel`, the same values under the name that says what is checked (a
 * synthesized configuration, not a `terraform show -json` plan). The level of a `PlanFinding` (what the
 * deprecated `AlicloudPlanChecker` returns) is still of this type.
 */
export enum PlanFindingLevel {
  /**
   * Terraform (or the provider) would reject the configuration.
   *
   * @deprecated use `ConfigFindingLevel.ERROR`
   */
  ERROR = 'error',
  /**
   * Accepted, but worth fixing: for example a deprecated argument.
   *
   * @deprecated use `ConfigFindingLevel.WARNING`
   */
  WARNING = 'warning',
}

/**
 * The stable codes of `PlanFinding.code`.
 *
 * Deprecated: use `ConfigFindingCode`.
 *
 * @deprecated use `ConfigFindingCode`, the same values; `code` is a string, so either enum compares with it.
 */
export enum PlanFindingCode {
  /**
   * A resource or data source type that starts with `alicloud_` but is not in the committed schema.
   *
   * @deprecated use `ConfigFindingCode.UNKNOWN_TYPE`
   */
  UNKNOWN_TYPE = 'unknown-type',
  /**
   * An argument, block, meta-argument key or `dynamic` block name that the schema does not define.
   *
   * @deprecated use `ConfigFindingCode.UNKNOWN_ATTRIBUTE`
   */
  UNKNOWN_ATTRIBUTE = 'unknown-attribute',
  /**
   * A required argument is not set, or a block with `min_items` >= 1 is absent.
   *
   * @deprecated use `ConfigFindingCode.MISSING_REQUIRED`
   */
  MISSING_REQUIRED = 'missing-required',
  /**
   * None of an `exactly_one_of` / `at_least_one_of` group is set.
   *
   * @deprecated use `ConfigFindingCode.MISSING_ONE_OF`
   */
  MISSING_ONE_OF = 'missing-one-of',
  /**
   * A literal value whose JSON type cannot be converted to the schema type.
   *
   * @deprecated use `ConfigFindingCode.WRONG_TYPE`
   */
  WRONG_TYPE = 'wrong-type',
  /**
   * A computed-only attribute (neither required nor optional) is set.
   *
   * @deprecated use `ConfigFindingCode.COMPUTED_ONLY`
   */
  COMPUTED_ONLY = 'computed-only',
  /**
   * A number outside `int_between` / `int_at_least`, or a string outside `string_length_between`.
   *
   * @deprecated use `ConfigFindingCode.OUT_OF_RANGE`
   */
  OUT_OF_RANGE = 'out-of-range',
  /**
   * A value outside `enum` / `int_enum`.
   *
   * @deprecated use `ConfigFindingCode.NOT_IN_ENUM`
   */
  NOT_IN_ENUM = 'not-in-enum',
  /**
   * A string that does not match the argument's `regex`.
   *
   * @deprecated use `ConfigFindingCode.REGEX`
   */
  REGEX = 'regex',
  /**
   * A string that is not valid JSON where `validation.StringIsJSON` applies.
   *
   * @deprecated use `ConfigFindingCode.INVALID_JSON`
   */
  INVALID_JSON = 'invalid-json',
  /**
   * A string that is not a valid regular expression where `validation.StringIsValidRegExp` applies.
   *
   * @deprecated use `ConfigFindingCode.INVALID_REGEX`
   */
  INVALID_REGEX = 'invalid-regex',
  /**
   * Arguments set together although `conflicts_with` / `exactly_one_of` forbids it; `count` with `for_each`; a duplicate provider configuration.
   *
   * @deprecated use `ConfigFindingCode.CONFLICT`
   */
  CONFLICT = 'conflict',
  /**
   * Fewer blocks or list items than `min_items`.
   *
   * @deprecated use `ConfigFindingCode.MIN_ITEMS`
   */
  MIN_ITEMS = 'min-items',
  /**
   * More blocks or list items than `max_items`.
   *
   * @deprecated use `ConfigFindingCode.MAX_ITEMS`
   */
  MAX_ITEMS = 'max-items',
  /**
   * A deprecated argument or block is set (warning).
   *
   * @deprecated use `ConfigFindingCode.DEPRECATED`
   */
  DEPRECATED = 'deprecated',
  /**
   * A removed argument or block is set: the provider rejects it.
   *
   * @deprecated use `ConfigFindingCode.REMOVED`
   */
  REMOVED = 'removed',
  /**
   * A `provider` meta-argument that names an alicloud alias no provider block declares.
   *
   * @deprecated use `ConfigFindingCode.UNKNOWN_PROVIDER`
   */
  UNKNOWN_PROVIDER = 'unknown-provider',
  /**
   * The configuration's alicloud version constraint excludes the release of the committed schema (a warning).
   *
   * @deprecated use `ConfigFindingCode.PROVIDER_VERSION`
   */
  PROVIDER_VERSION = 'provider-version',
}

/**
 * One violation of the committed alicloud provider schema or constraints in a synthesized stack.
 *
 * Deprecated: use `ConfigFinding`.
 *
 * @deprecated use `ConfigFinding` (what `AlicloudConfigChecker` returns), the same fields with the level a
 * `ConfigFindingLevel`.
 */
export interface PlanFinding {
  /**
   * `error` when Terraform or the provider would reject the configuration, `warning` otherwise.
   *
   * @deprecated use `ConfigFinding.level`
   */
  readonly level: PlanFindingLevel;

  /**
   * The Terraform address of the configuration block: `alicloud_vpc.Vpc`, `data.alicloud_zones.zones`
   * or `provider.alicloud[0]`.
   *
   * @deprecated use `ConfigFinding.address`
   */
  readonly address: string;

  /**
   * Where inside the block, with list indexes: `containers[0].ports[1].port`, `timeouts.create`,
   * `dynamic.volumes.content.name`. Empty for the block as a whole.
   *
   * @deprecated use `ConfigFinding.path`
   */
  readonly path: string;

  /**
   * A short stable code: one of the `PlanFindingCode` values, for example `unknown-attribute`.
   *
   * @deprecated use `ConfigFinding.code`
   */
  readonly code: string;

  /**
   * Human-readable text naming what is wrong and what is allowed.
   *
   * @deprecated use `ConfigFinding.message`
   */
  readonly message: string;

  /**
   * The construct path from the block's `//.metadata.path` (present in `cdk.tf.json`, not in
   * `Testing.synth` output).
   *
   * @default - no construct path in the synthesized JSON
   *
   * @deprecated use `ConfigFinding.constructPath`
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
 * Deprecated: use `AlicloudConfigChecker`.
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
   *
   * @deprecated use `AlicloudConfigChecker.check`
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
   *
   * @deprecated use `AlicloudConfigChecker.checkObject`
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
   *
   * @deprecated use `AlicloudConfigChecker.format`
   */
  public static format(findings: PlanFinding[]): string {
    return formatConfigFindings(findings);
  }

  /**
   * Throws when the synthesized stack has error-level findings; the error message lists them with
   * `format`. Warnings (deprecations, requirements an environment variable may satisfy) do not throw.
   *
   * @param synthesized Terraform JSON configuration text, as for `check`
   *
   * @deprecated use `AlicloudConfigChecker.assertValid`
   */
  public static assertValid(synthesized: string): void {
    throwOnConfigErrors(AlicloudPlanChecker.check(synthesized));
  }

  private constructor() {}
}
