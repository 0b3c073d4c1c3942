/**
 * Public types of the IPv6 rule pack: its options, levels, statuses, rule IDs and findings.
 */

/** How serious a rule's finding is, or `OFF` to disable a rule (in `Ipv6ChecksProps.ruleLevels`). */
export enum Ipv6CheckLevel {
  /** Reported with `Annotations.addError`: synthesis fails. */
  ERROR = 'error',
  /** Reported with `Annotations.addWarning`: printed, synthesis goes on. */
  WARNING = 'warning',
  /** Reported with `Annotations.addInfo`: printed, synthesis goes on. */
  INFO = 'info',
  /** The rule does not run (no findings, not in the report). Only meaningful in `ruleLevels`. */
  OFF = 'off',
}

/** The outcome of one rule for one resource. */
export enum Ipv6CheckStatus {
  /** The resource follows the rule. */
  COMPLIANT = 'compliant',
  /** The resource breaks the rule; reported at the finding's level. */
  NON_COMPLIANT = 'non-compliant',
  /** The resource breaks the rule, but a suppression (with its reason) covers it; not reported as an annotation. */
  SUPPRESSED = 'suppressed',
  /**
   * The rule cannot decide at synth time: a value is unknown until apply (a Terraform expression, a
   * variable, an ID of something made outside the stack), or it is missing from the facts.
   */
  NOT_VERIFIABLE = 'not-verifiable',
}

/**
 * The stable IDs of the rules (see RULES.md). Use them in `Ipv6Checks.suppress` and
 * `Ipv6ChecksProps.ruleLevels`.
 */
export enum Ipv6RuleId {
  /** IPv6 (ECI or VPC) in a region that supports it. */
  REGION = 'ALI-IPV6-001',
  /** Every instance type of an IPv6 ECI belongs to a family that supports IPv6. */
  INSTANCE_FAMILY = 'ALI-IPV6-002',
  /** At most one IPv6 address per ECI. */
  SINGLE_IPV6_ADDRESS = 'ALI-IPV6-003',
  /** An IPv6 ECI runs in an IPv6-enabled vSwitch of an IPv6-enabled VPC. */
  IPV6_VSWITCH = 'ALI-IPV6-004',
  /** An IPv6 vSwitch has an `ipv6_cidr_block_mask` that is set, in range and unique in its VPC. */
  VSWITCH_IPV6_MASK = 'ALI-IPV6-005',
  /** IPv6 Internet bandwidth and egress-only rules go through an IPv6 gateway of the address's VPC. */
  IPV6_GATEWAY_SAME_VPC = 'ALI-IPV6-006',
  /** IPv6 Internet bandwidth is 1-5000 Mbit/s and within the per-address caps. */
  IPV6_BANDWIDTH_RANGE = 'ALI-IPV6-007',
  /** Security group rules open to the whole Internet only on ports the containers declare. */
  INTERNET_EXPOSURE = 'ALI-IPV6-008',
  /** An ECI with IPv6 Internet bandwidth admits some IPv6 ingress. */
  PUBLIC_ECI_REACHABLE = 'ALI-IPV6-009',
  /** Literal values on the resources the library uses are within the provider's enums and ranges. */
  PROVIDER_CONSTRAINTS = 'ALI-IPV6-010',
  /** A resource that uses a VPC, vSwitch, security group or IPv6 gateway of another stack deploys to its region (and account). */
  CROSS_STACK_REGION = 'ALI-IPV6-011',
  /** An ECI that pulls a private image (an ACR domain, an aliyuncs.com registry) has registry credentials, an ACR EE instance or a RAM role. */
  PRIVATE_IMAGE_ACCESS = 'ALI-IPV6-012',
  /** The ACR Enterprise Edition instances an ECI pulls from are in the ECI's region. */
  ACR_INSTANCE_REGION = 'ALI-IPV6-013',
  /** Every registry login of an ECI is for a server that one of its containers' images uses. */
  UNUSED_REGISTRY_CREDENTIAL = 'ALI-IPV6-014',
  /**
   * The `check` command's HCL and JSON inputs follow the whole alicloud provider schema: known types, known
   * arguments and blocks, required arguments, literal types, block counts (the config checker's walk).
   */
  PROVIDER_SCHEMA = 'ALI-IPV6-015',
  /** The configuration's alicloud version constraint admits the provider release whose schema the checks use (1.289.0). */
  PROVIDER_VERSION = 'ALI-IPV6-016',
  /** A rule failed with an exception on a resource (a bug in the rule pack, reported instead of crashing). */
  RULE_FAILURE = 'ALI-IPV6-ERR',
}

/** One rule's verdict on one resource. */
export interface Ipv6CheckFinding {
  /** The rule's ID, for example `ALI-IPV6-002`. */
  readonly ruleId: string;
  /** The rule's short name, for example `ipv6-instance-family`. */
  readonly ruleName: string;
  /**
   * The level: for non-compliant and suppressed findings the level the finding is (or would be) reported
   * at; for not-verifiable findings the level of the "cannot verify at synth" message; for compliant
   * findings the rule's level.
   */
  readonly level: Ipv6CheckLevel;
  /** Compliant, non-compliant, suppressed or not verifiable. */
  readonly status: Ipv6CheckStatus;
  /** The Terraform address of the resource, for example `alicloud_ros_stack.Web_Stack_6C75521F`. */
  readonly address: string;
  /**
   * The construct path the finding is reported at. For a resource made by `ContainerGroup` or
   * `ContainerGroupFleet`, the path of that construct (for example `web/Web`), and the message names the
   * construct's props (`instanceType`). Otherwise the construct path of the resource (`//.metadata.path`,
   * for example `web/Vpc/Resource`), or the stack's path when the resource has none (added with an
   * override).
   */
  readonly constructPath: string;
  /** What was checked and what is wrong (or why it is fine, or why it cannot be verified). */
  readonly message: string;
  /**
   * How to fix it.
   * @default - none (compliant findings)
   */
  readonly fix?: string;
  /**
   * The reason given with the suppression that covers the finding.
   * @default - not suppressed
   */
  readonly suppressionReason?: string;
  /**
   * The construct path the suppression was added on (the resource or one of its scopes).
   * @default - not suppressed
   */
  readonly suppressedAt?: string;
  /**
   * For a finding that is the same mistake as an earlier one (for example a second resource deployed by the
   * same provider to a region without IPv6): the construct path of that finding, which reports the mistake
   * once at the rule's level. This one is an info.
   * @default - not linked (the finding stands on its own)
   */
  readonly linkedTo?: string;
}

/** Description of one rule, for documentation and reports. */
export interface Ipv6RuleInfo {
  /** The stable ID, for example `ALI-IPV6-001`. */
  readonly ruleId: string;
  /** Short name, for example `ipv6-region`. */
  readonly name: string;
  /** Level of non-compliant findings unless overridden in `ruleLevels`. */
  readonly level: Ipv6CheckLevel;
  /** Level of "cannot verify at synth" findings (never above the rule's effective level). */
  readonly notVerifiableLevel: Ipv6CheckLevel;
  /** One-line summary of what the rule checks. */
  readonly summary: string;
}

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
   * Level per rule ID (`ALI-IPV6-001` ... `ALI-IPV6-016`, `ALI-IPV6-ERR`), or `*` for every rule: raise or
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
