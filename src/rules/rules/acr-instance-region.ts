import { RuleContext } from '../context';
import { EciSpec } from '../eci-model';
import { isToken, show } from '../references';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-013: the ACR Enterprise Edition instances of an ECI are in the ECI's region. Pulls from another
 * region go over the Internet (the instance needs a public endpoint and the ECI Internet access), are slow and
 * cost traffic; with VPC-only access they fail.
 * @internal
 */
export const acrInstanceRegion: RuleDefinition = {
  id: Ipv6RuleId.ACR_INSTANCE_REGION,
  name: 'acr-instance-region',
  level: Ipv6CheckLevel.WARNING,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'The ACR Enterprise Edition instances an ECI pulls from are in the ECI\'s region.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const eci of ctx.ecis) {
      if (eci.registry.acrInstances.length > 0) yield subject(eci.owner, () => check(ctx, eci));
    }
  },
};

function check(ctx: RuleContext, eci: EciSpec): Verdict {
  const region = ctx.regionOf(eci.owner);
  const field = eci.registry.acrField;
  const others: string[] = [];
  for (const [i, acr] of eci.registry.acrInstances.entries()) {
    if (acr.region.state === 'absent') continue; // defaults to the ECI's region
    const value = acr.region.state === 'known' ? acr.region.value : undefined;
    if (acr.region.state === 'unknown' || typeof value !== 'string' || isToken(value)) {
      return notVerifiable(`Cannot verify at synth time the region of ${field}[${i}] of ${eci.label}: it is ${acr.region.state === 'unknown' ? acr.region.why : `the expression ${show(value)}`}`,
        'give a literal regionId, or leave it out for the ECI\'s region');
    }
    if (region.state !== 'known') {
      return notVerifiable(`Cannot verify at synth time that ${field}[${i}] (${value}) is in the region of ${eci.label}: ${region.state === 'unknown' ? region.why : 'the provider has no region'}`,
        'set a literal region on the alicloud provider');
    }
    if (value !== region.value) others.push(`${field}[${i}]${acr.instanceId ? ` (${acr.instanceId})` : ''} is in ${value}`);
  }
  if (others.length === 0) return compliant(`the ACR EE instances of ${eci.label} are in its region`);
  return nonCompliant(
    `${eci.label} runs in ${region.state === 'known' ? region.value : 'its region'} but ${others.join(', ')}; cross-region pulls go over the Internet (slow, billed, and failing without a public endpoint)`,
    `use an ACR EE instance in ${region.state === 'known' ? region.value : 'the ECI\'s region'} (replicate the repositories with ACR instance replication), or suppress ALI-IPV6-013 with the reason`,
  );
}
