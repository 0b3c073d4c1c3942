/**
 * How serious a configuration finding (`ConfigFinding`) is.
 */
export enum ConfigFindingLevel {
  /** Terraform (or the provider) would reject the configuration. */
  ERROR = 'error',
  /** Accepted, but worth fixing: for example a deprecated argument. */
  WARNING = 'warning',
}

/**
 * The stable codes of `ConfigFinding.code`.
 */
export enum ConfigFindingCode {
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
  /**
   * The configuration's `terraform.required_providers.alicloud.version` excludes the release of the committed
   * schema (or cannot be read): a warning, once per document, at address `terraform`.
   */
  PROVIDER_VERSION = 'provider-version',
}

/**
 * One violation of the committed alicloud provider schema or constraints in a synthesized stack.
 */
export interface ConfigFinding {
  /**
   * `error` when Terraform or the provider would reject the configuration, `warning` otherwise.
   */
  readonly level: ConfigFindingLevel;

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
   * A short stable code: one of the `ConfigFindingCode` values, for example `unknown-attribute`.
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
