/**
 * Regions where IPv6 can be used for a VPC (IPv6 CIDR block, IPv6 gateway) and so for an ECI.
 *
 * Data, not code: add a region here (with its source) or, without a release, with
 * `Ipv6ChecksProps.additionalRegions`. Sources: /work/shared/reference/eci-ipv6-facts.md §1.
 *
 * - The 16 regions below are the most recent published list ("Regions that support IPv6 CIDR blocks"
 *   on the "Create an IPv6 gateway" page) and also the Terraform provider's acceptance-test list
 *   `VpcIpv6GatewaySupportRegions`. They are a known-good FLOOR, not a ceiling: newer regions may
 *   support IPv6 too (unconfirmed: ap-northeast-1, ap-northeast-2, ap-southeast-3, ap-southeast-5,
 *   ap-southeast-7, eu-west-1, us-west-1, me-east-1, me-central-1, na-south-1, cn-zhongwei).
 * - ECI itself publishes no region list any more. An old version of the ECI guide said "only China
 *   (Hohhot) supports IPv6"; every newer version (Feb 2024, Feb 2026, Jun 2026) dropped that sentence,
 *   so Hohhot-only is NOT enforced. The API still has the error code `Ipv6AddressNotSupport` ("Ipv6 is
 *   not supported in specified region"), which is what this list tries to catch at synth time.
 */
import { FactSource } from './source';

/** A region that supports IPv6. @internal */
export interface RegionFact {
  readonly regionId: string;
  readonly name: string;
  readonly source: FactSource;
}

/** The 16-region list (doc-detail/98927, same set as TF `VpcIpv6GatewaySupportRegions`). @internal */
export const VPC_IPV6_REGION_LIST: FactSource = {
  url: 'https://www.alibabacloud.com/help/doc-detail/98927.htm',
  date: 'undated console page, read 2026; identical to terraform-provider-alicloud alicloud/connectivity/regions.go:188 VpcIpv6GatewaySupportRegions (commit 42c742fd0, 2021-11-02)',
  note: '"Regions that support IPv6 CIDR blocks" on "Create an IPv6 gateway"',
};

/** The older (~2020) 8-region list, kept by the provider as `VpcIpv6SupportRegions`; all are in the 16. @internal */
export const VPC_IPV6_REGION_LIST_2020: FactSource = {
  url: 'https://github.com/AlibabaCloudDocs/ipv6gateway (cn.zh-CN/快速入门/搭建IPv6专有网络.md)',
  date: '≈2020',
  note: 'historical; also terraform-provider-alicloud alicloud/connectivity/regions.go:149 VpcIpv6SupportRegions',
};

/** The dropped "Hohhot only" statement, for the record. @internal */
export const HOHHOT_ONLY_NOTE: FactSource = {
  url: 'https://www.alibabacloud.com/help/en/eci/user-guide/assign-an-ipv6-address-to-an-elastic-container-instance-1',
  date: 'Jun 22, 2026 (also Feb 27, 2026 and Feb 19, 2024 versions)',
  note: 'an old version of the ECI IPv6 guide said only China (Hohhot) cn-huhehaote supports ECI IPv6; the newer versions have no region clause, so the pack does not enforce it',
};

const r = (regionId: string, name: string, source: FactSource = VPC_IPV6_REGION_LIST): RegionFact => ({ regionId, name, source });

/** Regions known to support VPC IPv6 (and so ECI IPv6). @internal */
export const IPV6_REGIONS: readonly RegionFact[] = [
  r('cn-qingdao', 'China (Qingdao)'),
  r('cn-beijing', 'China (Beijing)'),
  r('cn-zhangjiakou', 'China (Zhangjiakou)'),
  r('cn-huhehaote', 'China (Hohhot)'),
  r('cn-wulanchabu', 'China (Ulanqab)'),
  r('cn-hangzhou', 'China (Hangzhou)'),
  r('cn-shanghai', 'China (Shanghai)'),
  r('cn-shenzhen', 'China (Shenzhen)'),
  r('cn-heyuan', 'China (Heyuan)'),
  r('cn-guangzhou', 'China (Guangzhou)'),
  r('cn-chengdu', 'China (Chengdu)'),
  r('cn-hongkong', 'China (Hong Kong)'),
  r('ap-southeast-6', 'Philippines (Manila)'),
  r('ap-southeast-1', 'Singapore'),
  r('us-east-1', 'US (Virginia)'),
  r('eu-central-1', 'Germany (Frankfurt)'),
];
