/**
 * ECS instance families and whether they support IPv6 (for ECIs sized by ECS instance type; ECIs sized
 * by vCPU and memory always support IPv6).
 *
 * Data, not code: add families here (with their source) or, without a release, with
 * `Ipv6ChecksProps.additionalIpv6Families` / `additionalNonIpv6Families`. A family in neither list is
 * "unknown" (a warning). No official row was found for gn8ia (read 2026-12), so it stays unknown.
 *
 * These tables are the first, offline line of defence. The per-type truth is `DescribeInstanceTypes` →
 * `EniIpv6AddressQuantity` (0 = no IPv6), which needs an account: the plan-time guard of `ContainerGroup`
 * and `ContainerGroupFleet` (`data.alicloud_instance_types` with `minimum_eni_ipv6_address_quantity = 1`)
 * asks it when Terraform plans.
 *
 * FAMILY KEY. A family key is the family name as Alibaba's instance-family pages spell it, in lower case,
 * without `ecs.`: `g7`, `gn6i`, `sgn7i-vws`. It is what `DescribeInstanceTypes` returns as
 * `InstanceTypeFamily` minus the `ecs.` prefix. Family names may contain a hyphen, and type names add
 * hyphenated variants after the family (`ecs.gn6i-c4g1.xlarge`, `ecs.re6p-redis.large`,
 * `ecs.sgn7i-vws-m2.xlarge`), so the key of a type is found with {@link familyOf}.
 */
import { FactSource } from './source';

/** A family and its IPv6 support. @internal */
export interface FamilyFact {
  /** The family key: the family name without `ecs.`, lower case: `g7`, `gn6i`, `sgn7i-vws`. */
  readonly family: string;
  readonly ipv6: boolean;
  readonly source: FactSource;
}

const READ = '2026-12';

/** The "ECS instance families that do not support IPv6" list of the ECS IPv6 guide (both languages). @internal */
export const NO_IPV6_LIST_BOTH: FactSource = {
  url: 'https://help.aliyun.com/zh/ecs/user-guide/step-1-create-a-vpc-that-supports-ipv6-addressing-step-1-create-a-vpc-that-supports-ipv6-addressing',
  date: `read ${READ} (undated page)`,
  note: 'listed under "不支持IPv6的ECS实例规格族" (Chinese) and "ECS instance families that do not support IPv6" (English copy) of the ECS IPv6 guide',
};

/** The four previous-generation shared families, also IPv4 only on the shared-instance page. @internal */
const NO_IPV6_SHARED: FactSource = {
  ...NO_IPV6_LIST_BOTH,
  note: `${NO_IPV6_LIST_BOTH.note}; the shared-instance family page also says xn4, n4, mn4 and e4 are IPv4 only`,
};

/** Families only the English copy of the guide lists as without IPv6. @internal */
export const NO_IPV6_LIST_EN_ONLY: FactSource = {
  url: 'https://www.alibabacloud.com/help/en/ecs/user-guide/step-1-create-a-vpc-that-supports-ipv6-addressing-step-1-create-a-vpc-that-supports-ipv6-addressing',
  date: `read ${READ} (undated page)`,
  note: 'listed as without IPv6 only by the English copy of the ECS IPv6 guide; the Chinese page does not list it (sources disagree; old shared and general-purpose families)',
};

/** The current Chinese instance-family pages, which have a per-ENI IPv6 address column. @internal */
export const FAMILY_PAGES_ZH: FactSource = {
  url: 'https://help.aliyun.com/zh/ecs/user-guide/overview-of-instance-families',
  date: `read ${READ} (current pages, ninth generation included)`,
  note: 'column "单网卡IPv6地址数" (IPv6 addresses per ENI) is 1 or more for every type of the family',
};

const perEni = (count: string, extra = ''): FactSource => ({
  ...FAMILY_PAGES_ZH,
  note: `${FAMILY_PAGES_ZH.note}: ${count} on the smallest type${extra}`,
});

/** The ≈2021 English instance-family docs, one "Network: Supports IPv6" bullet per family section. @internal */
export const ECS_FAMILY_DOCS_2021: FactSource = {
  url: 'https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families',
  date: '≈2021 (English versions stored in github.com/AlibabaCloudDocs/ecs)',
  note: 'family supports IPv6 when its section has the "Supports IPv6" network bullet; not contradicted by the 2026 deny list',
};

/** The same bullet, seen in other ECS docs (FPGA, SCC). @internal */
const ECS_OTHER_DOCS_2021: FactSource = {
  ...ECS_FAMILY_DOCS_2021,
  note: '"Supports IPv6" bullet seen in other ECS family docs (FPGA / SCC), ≈2021; inferred',
};

const yes = (source: FactSource) => (family: string): FamilyFact => ({ family, ipv6: true, source });
const no = (source: FactSource) => (family: string): FamilyFact => ({ family, ipv6: false, source });

/** Families known to support IPv6. @internal */
export const IPV6_FAMILIES: readonly FamilyFact[] = [
  // Current pages (read 2026-12): eighth and ninth generation, universal, entry level, newer GPU
  ...['g8i', 'c8i', 'r8i', 'g8a', 'c8a', 'g9i'].map((f) => yes(perEni('6', f === 'g8i' ? '; the English overview page agrees (ecs.g8i.large: 6)' : ''))(f)),
  yes(perEni('3 to 15'))('g8y'),
  yes(perEni('2'))('u1'),
  ...['e', 's6', 't5', 't6', 'gn7s', 'vgn7i-vws'].map((f) => yes(perEni('1'))(f)),
  yes(perEni('1', '; ecs.sgn7i-vws-m2.xlarge: 1'))('sgn7i-vws'),
  yes(perEni('15'))('gn7i'),
  yes(perEni('15 to 30'))('gn8is'),
  ...['gn8v', 'gn9gc'].map((f) => yes(perEni('30'))(f)),
  yes(perEni('15'))('sgn8ia'),
  yes({ ...FAMILY_PAGES_ZH, note: 'the family section has the IPv6 network bullet' })('gn7e'),
  // ≈2021 docs: general purpose
  ...['g7', 'g7t', 'g7ne', 'g6se', 'g6a', 'g6t', 'g6e', 'g6', 'g5', 'g5ne', 'sn2ne'].map(yes(ECS_FAMILY_DOCS_2021)),
  // compute optimized
  ...['c7', 'c7t', 'c6a', 'c6t', 'c6e', 'c6', 'c5', 'sn1ne'].map(yes(ECS_FAMILY_DOCS_2021)),
  // memory optimized (re6p includes the re6p-redis types)
  ...['r7a', 'r7', 'r7t', 're6p', 'r6a', 'r6e', 'r6', 're6', 'r5', 're4', 're4e', 'se1ne'].map(yes(ECS_FAMILY_DOCS_2021)),
  // GPU
  ...['gn7', 'vgn6i', 'gn6i', 'gn6e', 'gn6v', 'vgn5i', 'gn5i'].map(yes(ECS_FAMILY_DOCS_2021)),
  // FPGA, SCC
  ...['f1', 'scchfc6'].map(yes(ECS_OTHER_DOCS_2021)),
];

/** Families known NOT to support IPv6: the guide's deny list. @internal */
export const NON_IPV6_FAMILIES: readonly FamilyFact[] = [
  ...['ic5', 'se1', 'd1', 'i2g', 'i1', 'hfc5', 'hfg5', 'ebmg5', 'ebmr5s', 'scch5', 'gn5'].map(no(NO_IPV6_LIST_BOTH)),
  ...['xn4', 'n4', 'mn4', 'e4'].map(no(NO_IPV6_SHARED)),
  ...['n1', 'n2', 'e3', 'sn2', 'sn1'].map(no(NO_IPV6_LIST_EN_ONLY)),
];

const TYPE_NAME = /^ecs\.([a-z0-9]+(?:-[a-z0-9]+)*)\.[a-z0-9-]+$/;

/**
 * The family key of an ECS instance type: the longest known family (`known`: the built-in tables plus
 * the user's additions) that is the type's middle segment or starts it followed by `-`; otherwise the
 * middle segment up to the first `-`. `ecs.g7.large` → `g7`, `ecs.gn6i-c4g1.xlarge` → `gn6i`,
 * `ecs.re6p-redis.large` → `re6p`, `ecs.sgn7i-vws-m2.xlarge` → `sgn7i-vws` (a known family).
 * Undefined when the name is not `ecs.<segment>.<size>`.
 * @internal
 */
export function familyOf(instanceType: string, known: { has(family: string): boolean } = DEFAULT_KEYS): string | undefined {
  const m = TYPE_NAME.exec(instanceType.trim().toLowerCase());
  if (!m) return undefined;
  const parts = m[1].split('-');
  for (let n = parts.length; n > 1; n--) {
    const candidate = parts.slice(0, n).join('-');
    if (known.has(candidate)) return candidate;
  }
  return parts[0];
}

/** The families of the built-in tables. */
const DEFAULT_KEYS: ReadonlySet<string> = new Set([...IPV6_FAMILIES, ...NON_IPV6_FAMILIES].map((f) => f.family));

/** `ecs.g7`, `G7`, ` g7 ` → `g7`. @internal */
export function normalizeFamily(family: string): string {
  return family.trim().toLowerCase().replace(/^ecs\./, '');
}
