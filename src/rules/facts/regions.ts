/**
 * Regions where IPv6 can be used for a VPC (IPv6 CIDR block, IPv6 gateway) and so for an ECI.
 *
 * Data, not code: add a region here (with its source) or, without a release, with
 * `Ipv6ChecksProps.additionalRegions`.
 *
 * - The list is the section "IPv6网关支持的地域" / "Regions that support IPv6 Gateway" of the ECS guide
 *   "为ECS实例实现IPv6通信" (Chinese) and its English copy, read 2026-12. The two language versions
 *   disagree on four regions: a region listed by only one of them is included, and its note says which.
 * - ECI publishes no region list of its own: the ECI IPv6 guide (versions of Feb 2024, Feb 2026 and
 *   Jun 2026) has no region clause, so the usable set is the ECI regions that also have an IPv6 gateway.
 *   An old version of that guide said "only China (Hohhot)"; the pack does not enforce it.
 * - The API error this list catches at synth time is `Ipv6AddressNotSupport` ("Ipv6 is not supported in
 *   specified region").
 * - Superseded sources (kept below for the record): the 16-region note of "Create an IPv6 gateway"
 *   (doc-detail/98927, a page that still describes gateway editions, which the provider deprecated in
 *   1.205.0) and the provider's acceptance-test skip-list `VpcIpv6GatewaySupportRegions`, unchanged since
 *   2021. All 16 of those regions are in both language versions of the current page.
 */
import { FactSource } from './source';

/** Where a region is, for grouping messages and docs. @internal */
export type RegionArea = 'China' | 'Asia Pacific' | 'Europe & Americas' | 'Middle East';

/** A region that supports IPv6. @internal */
export interface RegionFact {
  readonly regionId: string;
  readonly name: string;
  readonly area: RegionArea;
  readonly source: FactSource;
}

const READ = '2026-12';

/** The Chinese ECS guide "为ECS实例实现IPv6通信", section "IPv6网关支持的地域". @internal */
export const ECS_IPV6_GUIDE_ZH: FactSource = {
  url: 'https://help.aliyun.com/zh/ecs/user-guide/step-1-create-a-vpc-that-supports-ipv6-addressing-step-1-create-a-vpc-that-supports-ipv6-addressing',
  date: `read ${READ} (undated page, a 2025-or-later version: it covers Alibaba Cloud Linux 4)`,
  note: 'section "IPv6网关支持的地域" (regions that support IPv6 gateways), table by area',
};

/** The English copy of the same guide, section "Regions that support IPv6 Gateway". @internal */
export const ECS_IPV6_GUIDE_EN: FactSource = {
  url: 'https://www.alibabacloud.com/help/en/ecs/user-guide/step-1-create-a-vpc-that-supports-ipv6-addressing-step-1-create-a-vpc-that-supports-ipv6-addressing',
  date: `read ${READ} (undated page)`,
  note: 'English copy of the Chinese guide, section "Regions that support IPv6 Gateway"; the copy read carried no address, the URL is the Chinese page\'s path on alibabacloud.com',
};

/** Both language versions list the region. @internal */
export const BOTH_GUIDES: FactSource = {
  url: ECS_IPV6_GUIDE_ZH.url,
  date: ECS_IPV6_GUIDE_ZH.date,
  note: `listed by the Chinese guide and by its English copy (${ECS_IPV6_GUIDE_EN.url})`,
};

/** The VPC features page, which marks some local regions as closing down. @internal */
export const VPC_FEATURES_PAGE_URL = 'https://www.alibabacloud.com/help/en/vpc/product-overview/regions-that-support-vpc-features';

const closing = (base: FactSource, name: string): FactSource => ({
  ...base,
  note: `${base.note}; the VPC features page (${VPC_FEATURES_PAGE_URL}) marks ${name} as closing down: prefer another region for new deployments`,
});

const ONLY_EN: FactSource = {
  ...ECS_IPV6_GUIDE_EN,
  note: 'listed only by the English copy of the guide; the Chinese page does not list it (sources disagree)',
};

const ONLY_ZH: FactSource = {
  ...ECS_IPV6_GUIDE_ZH,
  note: 'listed only by the Chinese page; the English copy does not list it (sources disagree)',
};

/**
 * The superseded 16-region list: "Regions that support IPv6 CIDR blocks" on "Create an IPv6 gateway"; the
 * same set as the provider's test skip-list `VpcIpv6GatewaySupportRegions`. @internal
 */
export const VPC_IPV6_REGION_LIST: FactSource = {
  url: 'https://www.alibabacloud.com/help/doc-detail/98927.htm',
  date: 'undated console page, read 2026; stale (still describes IPv6 gateway editions, deprecated by provider 1.205.0)',
  note: 'superseded by the ECS IPv6 guide; identical to terraform-provider-alicloud alicloud/connectivity/regions.go VpcIpv6GatewaySupportRegions (commit 42c742fd0, 2021-11-02, an acceptance-test skip-list)',
};

/** The dropped "Hohhot only" statement, for the record. @internal */
export const HOHHOT_ONLY_NOTE: FactSource = {
  url: 'https://www.alibabacloud.com/help/en/eci/user-guide/assign-an-ipv6-address-to-an-elastic-container-instance-1',
  date: 'Jun 22, 2026 (also Feb 27, 2026 and Feb 19, 2024 versions)',
  note: 'an old version of the ECI IPv6 guide said only China (Hohhot) cn-huhehaote supports ECI IPv6; the newer versions have no region clause, so the pack does not enforce it',
};

const r = (regionId: string, name: string, area: RegionArea, source: FactSource = BOTH_GUIDES): RegionFact => ({ regionId, name, area, source });

/** Regions with an IPv6 gateway (and so with ECI IPv6), in the order of the guide. @internal */
export const IPV6_REGIONS: readonly RegionFact[] = [
  r('cn-qingdao', 'China (Qingdao)', 'China'),
  r('cn-beijing', 'China (Beijing)', 'China'),
  r('cn-zhangjiakou', 'China (Zhangjiakou)', 'China'),
  r('cn-huhehaote', 'China (Hohhot)', 'China'),
  r('cn-wulanchabu', 'China (Ulanqab)', 'China'),
  r('cn-hangzhou', 'China (Hangzhou)', 'China'),
  r('cn-shanghai', 'China (Shanghai)', 'China'),
  r('cn-fuzhou', 'China (Fuzhou - Local Region)', 'China', closing(BOTH_GUIDES, 'China (Fuzhou)')),
  r('cn-shenzhen', 'China (Shenzhen)', 'China'),
  r('cn-heyuan', 'China (Heyuan)', 'China'),
  r('cn-guangzhou', 'China (Guangzhou)', 'China'),
  r('cn-chengdu', 'China (Chengdu)', 'China'),
  r('cn-hongkong', 'China (Hong Kong)', 'China'),
  r('cn-nanjing', 'China (Nanjing - Local Region)', 'China', closing(ONLY_ZH, 'China (Nanjing)')),
  r('cn-wuhan-lr', 'China (Wuhan - Local Region)', 'China', ONLY_ZH),
  r('ap-southeast-6', 'Philippines (Manila)', 'Asia Pacific'),
  r('ap-southeast-1', 'Singapore', 'Asia Pacific'),
  r('ap-northeast-1', 'Japan (Tokyo)', 'Asia Pacific'),
  r('ap-northeast-2', 'South Korea (Seoul)', 'Asia Pacific'),
  r('ap-southeast-5', 'Indonesia (Jakarta)', 'Asia Pacific'),
  r('ap-southeast-3', 'Malaysia (Kuala Lumpur)', 'Asia Pacific'),
  r('ap-southeast-7', 'Thailand (Bangkok)', 'Asia Pacific'),
  r('us-east-1', 'US (Virginia)', 'Europe & Americas'),
  r('us-west-1', 'US (Silicon Valley)', 'Europe & Americas'),
  r('eu-central-1', 'Germany (Frankfurt)', 'Europe & Americas'),
  r('eu-west-1', 'UK (London)', 'Europe & Americas'),
  r('na-south-1', 'Mexico', 'Europe & Americas', ONLY_EN),
  r('me-central-1', 'SAU (Riyadh - Partner Region)', 'Middle East', ONLY_EN),
];

/** Where the region list comes from, for messages: short, with its date. @internal */
export const REGION_LIST_CITATION = `the ECS guide "为ECS实例实现IPv6通信" and its English copy, section "Regions that support IPv6 Gateway" (${ECS_IPV6_GUIDE_ZH.url}, read ${READ})`;
