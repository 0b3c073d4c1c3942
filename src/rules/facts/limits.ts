/**
 * Numeric limits used by the rules, each with its source URL and date.
 */
import { FactSource } from './source';

/** A number and where it comes from. @internal */
export interface LimitFact {
  readonly value: number;
  readonly source: FactSource;
}

/** IPv6 addresses per ECI: one (ECI IPv6 guide; CreateContainerGroup API). @internal */
export const MAX_IPV6_PER_ECI: LimitFact = {
  value: 1,
  source: {
    url: 'https://www.alibabacloud.com/help/en/eci/user-guide/assign-an-ipv6-address-to-an-elastic-container-instance-1',
    date: 'Jun 22, 2026',
    note: '"Only one IPv6 address can be assigned to each elastic container instance"; CreateContainerGroup Ipv6AddressCount "fixed to 1"',
  },
};

/**
 * IPv6 Internet bandwidth per address, Mbit/s: 1–5000, what the provider and the API reference accept
 * (an error outside it). @internal
 */
export const BANDWIDTH_RANGE: { readonly min: number; readonly max: number; readonly source: FactSource } = {
  min: 1,
  max: 5000,
  source: {
    url: 'https://www.alibabacloud.com/help/doc-detail/102213.htm',
    date: 'Jan 07, 2026',
    note: 'AllocateIpv6InternetBandwidth API reference: Bandwidth 1–5000; provider alicloud_vpc_ipv6_internet_bandwidth ValidateFunc IntBetween(1, 5000) (1.289.0); ROS also accepts 1–5000',
  },
};

/** The Alibaba VPC SDK request models, which state the per-charge-type ranges. @internal */
export const VPC_SDK_BANDWIDTH_MODELS: FactSource = {
  url: 'https://github.com/aliyun/alibabacloud-go-sdk/blob/43d7a7a335f033864e2c34c8f30d349c02078950/vpc-20160428/client/allocate_ipv_6internet_bandwidth_request_model.go',
  date: 'read 2026-12',
  note: 'AllocateIpv6InternetBandwidthRequest (commit 43d7a7a) and ModifyIpv6InternetBandwidthRequest (modify_ipv_6internet_bandwidth_request_model.go, commit 243d18e) of aliyun/alibabacloud-go-sdk vpc-20160428. Bandwidth: PayByTraffic 1–1000, PayByBandwidth 1–2000 (both request models); the same caps are on the IPv6 gateway limits page (https://www.alibabacloud.com/help/en/ipv6-gateway/latest/limits) and in the ECI IPv6 guide of Jun 22, 2026. The gateway-edition figures (200/500/1000, 500/1000/2000) are obsolete: editions were dropped (provider 1.205.0)',
};

/**
 * Per-address caps, Mbit/s, by `internet_charge_type`: above them is a warning, because the wider 1–5000
 * is still accepted by the provider and the API reference and a cap can be raised by ticket. @internal
 */
export const BANDWIDTH_CAPS: Readonly<Record<string, LimitFact>> = {
  PayByBandwidth: { value: 2000, source: VPC_SDK_BANDWIDTH_MODELS },
  PayByTraffic: { value: 1000, source: VPC_SDK_BANDWIDTH_MODELS },
};

/** Prefix of a VPC's IPv6 block when nothing else is said: /56, so vSwitch masks 0–255. @internal */
export const DEFAULT_VPC_IPV6_PREFIX: LimitFact = {
  value: 56,
  source: {
    url: 'https://www.alibabacloud.com/help/en/doc-detail/98896.htm',
    date: 'Feb 04, 2024',
    note: 'a /56 is allocated when IPv6 is enabled; a vSwitch gets a /64 whose last 8 bits (0–255) you choose; IPAM blocks /52 → 0–4095, /60 → 0–15 (provider vswitch doc)',
  },
};

/** Provider release since which `ipv6_cidr_block_mask` is required with `enable_ipv6 = true`. @internal */
export const MASK_REQUIRED_SINCE: FactSource = {
  url: 'https://github.com/aliyun/terraform-provider-alicloud/blob/master/website/docs/r/vswitch.html.markdown',
  date: 'v1.281.0, 2026-06-08',
  note: 'required with enable_ipv6 = true since 1.281.0; before, enabling IPv6 without it failed with MissingParam.Ipv6CidrBlock (issue #7170, PR #9808)',
};
