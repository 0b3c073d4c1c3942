import { numberOf, RuleContext, TfBlock } from '../context';
import { BANDWIDTH_CAPS, BANDWIDTH_RANGE } from '../facts/limits';
import { isToken, show } from '../references';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-007: IPv6 Internet bandwidth is a whole number from 1 to 5000 Mbit/s (error), and a warning
 * above the per-address caps (2000 Mbit/s PayByBandwidth, 1000 Mbit/s PayByTraffic, as the Alibaba VPC SDK
 * request models AllocateIpv6InternetBandwidth / ModifyIpv6InternetBandwidth state them), which need a
 * quota increase.
 * @internal
 */
export const ipv6BandwidthRange: RuleDefinition = {
  id: Ipv6RuleId.IPV6_BANDWIDTH_RANGE,
  name: 'ipv6-bandwidth-range',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'IPv6 Internet bandwidth is 1-5000 Mbit/s (error) and within the per-address caps, 2000 PayByBandwidth / 1000 PayByTraffic (warning).',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const b of ctx.ofType('alicloud_vpc_ipv6_internet_bandwidth')) yield subject(b, () => check(b));
  },
};

function check(block: TfBlock): Verdict {
  const label = `IPv6 Internet bandwidth ${block.address}`;
  const { min, max } = BANDWIDTH_RANGE;
  const bw = numberOf(block.body.bandwidth);
  if (bw === undefined) return nonCompliant(`${label} sets no bandwidth; the provider requires one (${min}-${max} Mbit/s)`, `set bandwidth to the Mbit/s you need, ${min}-${max}`);
  if (bw === 'unknown') return notVerifiable(`Cannot verify at synth time the bandwidth of ${label}: it is the expression ${show(block.body.bandwidth)}`, `use a literal bandwidth from ${min} to ${max} Mbit/s`);
  if (!Number.isInteger(bw) || bw < min || bw > max) {
    return nonCompliant(`${label} has bandwidth ${show(block.body.bandwidth)} but the API and the provider accept only whole Mbit/s from ${min} to ${max}`,
      `set bandwidth to a whole number from ${min} to ${max}`);
  }
  const charge = block.body.internet_charge_type ?? 'PayByBandwidth';
  if (isToken(charge)) {
    const lowest = Math.min(...Object.values(BANDWIDTH_CAPS).map((c) => c.value));
    return bw <= lowest
      ? compliant(`${label} has ${bw} Mbit/s, within every per-address cap`)
      : notVerifiable(`Cannot verify at synth time the per-address cap of ${label}: internet_charge_type is the expression ${show(charge)}`, 'use a literal internet_charge_type');
  }
  const cap = BANDWIDTH_CAPS[String(charge)];
  if (cap && bw > cap.value) {
    return nonCompliant(
      `${label} has ${bw} Mbit/s, above the per-address cap of ${cap.value} Mbit/s for ${charge} (Alibaba VPC SDK request models AllocateIpv6InternetBandwidth / ModifyIpv6InternetBandwidth, ${cap.source.url}, ${cap.source.date}); the API refuses it unless the quota was raised`,
      `lower bandwidth to at most ${cap.value}, or raise the quota with a ticket and suppress ALI-IPV6-007 on this resource with the ticket number`,
      Ipv6CheckLevel.WARNING,
    );
  }
  return compliant(`${label} has ${bw} Mbit/s (${charge}), within ${min}-${max} and the per-address cap`);
}
