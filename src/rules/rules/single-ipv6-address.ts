import { RuleContext } from '../context';
import { EciSpec } from '../eci-model';
import { MAX_IPV6_PER_ECI } from '../facts/limits';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-003: at most one IPv6 address per ECI (ROS `Ipv6AddressCount`, ESS `ipv6_address_count`; the
 * provider does not check the ESS one). ROS stacks whose template cannot be read are reported as not
 * verifiable here, once.
 * @internal
 */
export const singleIpv6Address: RuleDefinition = {
  id: Ipv6RuleId.SINGLE_IPV6_ADDRESS,
  name: 'single-ipv6-address',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'An ECI asks for at most one IPv6 address (Ipv6AddressCount / ipv6_address_count is 0 or 1).',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const eci of ctx.ecis) {
      if (eci.backend !== 'native') yield subject(eci.owner, () => check(eci));
    }
    for (const o of ctx.opaqueRosStacks) {
      yield subject(o.owner, () => notVerifiable(
        `Cannot verify at synth time the ECIs of ROS stack ${o.owner.address}: ${o.why}, so none of the IPv6 rules can read its ALIYUN::ECI::ContainerGroup resources`,
        'pass the template as literal JSON in template_body (ContainerGroup does), with unknown values as template parameters',
      ));
    }
  },
};

function check(eci: EciSpec): Verdict {
  const count = eci.ipv6Count;
  if (count.state === 'absent') return compliant(`${eci.label} asks for no IPv6 address`);
  if (count.state === 'unknown') {
    return notVerifiable(`Cannot verify at synth time how many IPv6 addresses ${eci.label} asks for: ${eci.ipv6CountField} ${count.why}`,
      `pass a literal ${eci.ipv6CountField} (1 for IPv6, or leave it out)`);
  }
  const n = count.value;
  const max = MAX_IPV6_PER_ECI.value;
  if (Number.isInteger(n) && n >= 0 && n <= max) return compliant(`${eci.label} asks for ${n} IPv6 address${n === 1 ? '' : 'es'}`);
  const essNote = eci.backend === 'ess' ? '; the provider does not check this for ESS, so it would fail only when ESS scales out' : '';
  return nonCompliant(
    `${eci.label} asks for ${Number.isFinite(n) ? n : 'a non-numeric number of'} IPv6 addresses (${eci.ipv6CountField}) but an ECI can have at most ${max} (${MAX_IPV6_PER_ECI.source.url}, ${MAX_IPV6_PER_ECI.source.date})${essNote}`,
    `set ${eci.ipv6CountField} to 1 for an IPv6 address, or remove it for none`,
  );
}
