import { RuleContext, TfBlock } from '../context';
import { IPV6_REGIONS, REGION_LIST_CITATION } from '../facts/regions';
import { additionalFactsFix, fix, literalRegionFix } from '../fix-text';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, Subject, subject } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-001: IPv6 (an IPv6 ECI, a VPC with IPv6, an IPv6 gateway or IPv6 CIDR block) only in regions
 * that support it. Catches `Ipv6AddressNotSupport` ("Ipv6 is not supported in specified region") before
 * apply. The region is the one of the `alicloud` provider configuration the resource uses (its alias).
 * @internal
 */
export const ipv6Region: RuleDefinition = {
  id: Ipv6RuleId.REGION,
  name: 'ipv6-region',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.WARNING,
  summary: 'IPv6 ECIs, IPv6 VPCs, IPv6 gateways and IPv6 CIDR blocks are deployed to a region that supports VPC IPv6.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const eci of ctx.ipv6Ecis) yield subject(eci.owner, () => check(ctx, eci.owner, eci.label));
    for (const vpc of ctx.ofType('alicloud_vpc')) {
      if (ctx.vpcIpv6(vpc) === true) yield subject(vpc, () => check(ctx, vpc, `VPC ${vpc.address} (IPv6 enabled)`));
    }
    for (const gw of ctx.ofType('alicloud_vpc_ipv6_gateway')) yield subject(gw, () => check(ctx, gw, `IPv6 gateway ${gw.address}`));
    for (const b of ctx.ofType('alicloud_vpc_ipv6_cidr_block')) yield subject(b, () => check(ctx, b, `IPv6 CIDR block ${b.address}`));
  },
};

function check(ctx: RuleContext, block: TfBlock, what: string) {
  const region = ctx.regionOf(block);
  if (region.state !== 'known') {
    const why = region.state === 'unknown' ? region.why : 'no region';
    // One provider without a literal region is one cause, however many resources use it.
    return notVerifiable(`Cannot verify at synth time that ${what} is in a region with IPv6: ${why}`,
      fix`${literalRegionFix()}, or suppress ALI-IPV6-001 with the reason`,
      undefined, `${region.provider}|${why}`);
  }
  if (ctx.facts.regions.has(region.value)) {
    return compliant(`${what} deploys to ${region.value} (${region.provider}), which supports VPC IPv6`);
  }
  return nonCompliant(
    `${what} deploys to region ${region.value} (${region.provider}), which is not in the list of regions with an IPv6 gateway; the API would fail at apply with Ipv6AddressNotSupport (list: ${REGION_LIST_CITATION})`,
    fix`deploy to a region with an IPv6 gateway (${groupedRegions(ctx)}); or, if Alibaba Cloud now supports IPv6 in ${region.value}, add it with ${additionalFactsFix('additionalRegions', [region.value])}`,
    undefined,
    // One provider in a region without IPv6 is one mistake: reported once, the other resources linked to it.
    `${region.provider}|${region.value}`,
  );
}

/** The supported regions, grouped by area: `China: cn-qingdao, ...; Asia Pacific: ...; added: ...`. */
function groupedRegions(ctx: RuleContext): string {
  return ctx.cached('regionList', () => {
    const groups = new Map<string, string[]>();
    const builtIn = new Map(IPV6_REGIONS.map((r) => [r.regionId, r.area]));
    for (const id of ctx.facts.regions) {
      const area = builtIn.get(id) ?? 'added with additionalRegions';
      let list = groups.get(area);
      if (!list) groups.set(area, list = []);
      list.push(id);
    }
    return [...groups].map(([area, ids]) => `${area}: ${ids.join(', ')}`).join('; ');
  });
}
