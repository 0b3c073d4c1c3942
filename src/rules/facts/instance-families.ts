/**
 * ECS instance families and whether they support IPv6 (for ECIs sized by ECS instance type; ECIs sized
 * by vCPU and memory always support IPv6).
 *
 * Data, not code: add families here (with their source) or, without a release, with
 * `Ipv6ChecksProps.additionalIpv6Families` / `additionalNonIpv6Families`. Sources:
 * /work/shared/reference/eci-ipv6-facts.md §2. A family in neither list is "unknown" (a warning):
 * the 8th-generation and newer families (g8i, c8i, r8i, g8a, g8y, ...), burstable/shared families and
 * the newest GPU families (gn7e, gn7i, gn7s, gn8ia, gn8is, sgn7i-vws, vgn7i-vws) have no stored source.
 *
 * The per-type truth is `DescribeInstanceTypes` → `EniIpv6AddressQuantity` (0 = no IPv6), which needs
 * an account; these tables are the offline approximation.
 */
import { FactSource } from './source';

/** A family and its IPv6 support. @internal */
export interface FamilyFact {
  /** Family name without `ecs.`: `g7`, `gn6i`, `ic5`. */
  readonly family: string;
  readonly ipv6: boolean;
  readonly source: FactSource;
}

/** The ECS instance-family docs, one "Network: Supports IPv6" bullet per family section. @internal */
export const ECS_FAMILY_DOCS: FactSource = {
  url: 'https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families',
  date: '≈2021 (English versions stored in github.com/AlibabaCloudDocs/ecs)',
  note: 'family supports IPv6 when its section has the "Supports IPv6" network bullet',
};

/** Families whose section lacks the IPv6 bullet in the same docs. @internal */
export const ECS_FAMILY_DOCS_NO_BULLET: FactSource = {
  ...ECS_FAMILY_DOCS,
  note: 'no "Supports IPv6" bullet in the family section (doc version read); treated as not supported',
};

/** The same bullet, seen in other ECS docs (FPGA, SCC). @internal */
export const ECS_OTHER_DOCS: FactSource = {
  ...ECS_FAMILY_DOCS,
  note: '"Supports IPv6" bullet seen in other ECS family docs (FPGA / SCC); inferred',
};

/** ic5: no bullet, and `EniIpv6AddressQuantity` = 0 for ecs.ic5.large. @internal */
const IC5: FactSource = {
  ...ECS_FAMILY_DOCS_NO_BULLET,
  note: 'no "Supports IPv6" bullet; DescribeInstanceTypes EniIpv6AddressQuantity = 0 for ecs.ic5.large (public spec dump)',
};

/** ebmg5: `EniIpv6AddressQuantity` = 0 for ecs.ebmg5.24xlarge in a public DescribeInstanceTypes dump. @internal */
const EBMG5: FactSource = {
  url: 'DescribeInstanceTypes (ECS API) dump, public spec-dump README (code index file id 14094339857)',
  date: 'undated',
  note: 'EniIpv6AddressQuantity = 0 for ecs.ebmg5.24xlarge; inferred for the family',
};

const yes = (source: FactSource) => (family: string): FamilyFact => ({ family, ipv6: true, source });
const no = (source: FactSource) => (family: string): FamilyFact => ({ family, ipv6: false, source });

/** Families known to support IPv6 (eci-ipv6-facts.md §2b). @internal */
export const IPV6_FAMILIES: readonly FamilyFact[] = [
  // General purpose
  ...['g7', 'g7t', 'g7ne', 'g6se', 'g6a', 'g6t', 'g6e', 'g6', 'g5', 'g5ne', 'sn2ne'].map(yes(ECS_FAMILY_DOCS)),
  // Compute optimized
  ...['c7', 'c7t', 'c6a', 'c6t', 'c6e', 'c6', 'c5', 'sn1ne'].map(yes(ECS_FAMILY_DOCS)),
  // Memory optimized (re6p includes the re6p-redis types)
  ...['r7a', 'r7', 'r7t', 're6p', 'r6a', 'r6e', 'r6', 're6', 'r5', 're4', 're4e', 'se1ne'].map(yes(ECS_FAMILY_DOCS)),
  // GPU
  ...['gn7', 'vgn6i', 'gn6i', 'gn6e', 'gn6v', 'vgn5i', 'gn5i'].map(yes(ECS_FAMILY_DOCS)),
  // FPGA, SCC
  ...['f1', 'scchfc6'].map(yes(ECS_OTHER_DOCS)),
];

/** Families known NOT to support IPv6 (eci-ipv6-facts.md §2b). @internal */
export const NON_IPV6_FAMILIES: readonly FamilyFact[] = [
  no(IC5)('ic5'),
  ...['se1', 'gn5'].map(no(ECS_FAMILY_DOCS_NO_BULLET)),
  no(EBMG5)('ebmg5'),
];

/**
 * The family of an ECS instance type: `ecs.g7.large` → `g7`, `ecs.gn6i-c4g1.xlarge` → `gn6i`,
 * `ecs.re6p-redis.large` → `re6p` (the middle segment up to the first `-`; eci-ipv6-facts.md §2a).
 * Undefined when the name is not `ecs.<segment>.<size>`.
 * @internal
 */
export function familyOf(instanceType: string): string | undefined {
  const m = /^ecs\.([a-z0-9]+)(?:-[a-z0-9-]+)?\.[a-z0-9-]+$/.exec(instanceType.trim().toLowerCase());
  return m?.[1];
}

/** `ecs.g7`, `G7`, ` g7 ` → `g7`. @internal */
export function normalizeFamily(family: string): string {
  return family.trim().toLowerCase().replace(/^ecs\./, '');
}
