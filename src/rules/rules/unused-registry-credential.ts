import { RuleContext } from '../context';
import { EciSpec } from '../eci-model';
import { imageHost, normalizeServer } from '../images';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-014: every registry login of an ECI is for a server that one of its containers' images comes
 * from. A login for no image is usually a typo in the server (`registry-vpc.` vs `registry.`, a wrong
 * region), so the image it was meant for is pulled without it.
 * @internal
 */
export const unusedRegistryCredential: RuleDefinition = {
  id: Ipv6RuleId.UNUSED_REGISTRY_CREDENTIAL,
  name: 'unused-registry-credential',
  level: Ipv6CheckLevel.WARNING,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'Every registry login of an ECI is for a server that one of its containers\' images uses.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const eci of ctx.ecis) {
      if (eci.registry.credentialServers.length > 0) yield subject(eci.owner, () => check(eci));
    }
  },
};

function check(eci: EciSpec): Verdict {
  const r = eci.registry;
  if (r.unknownImages) {
    return notVerifiable(`Cannot verify at synth time that the registry logins of ${eci.label} are used: an image is an expression known only at apply time`);
  }
  const hosts = new Set(r.images.map(imageHost));
  const unused: string[] = [];
  r.credentialServers.forEach((server, i) => {
    if (server !== undefined && !hosts.has(normalizeServer(server))) unused.push(`${r.credentialsField}[${i}] (${server})`);
  });
  if (unused.length === 0) return compliant(`every registry login of ${eci.label} is for a registry its images use`);
  return nonCompliant(
    `${eci.label} has ${unused.join(', ')}, but none of its images comes from ${unused.length > 1 ? 'these servers' : 'that server'} (images: ${r.images.join(', ')})`,
    'give the login the server of the image exactly as in the image reference (e.g. registry.cn-hangzhou.aliyuncs.com for registry.cn-hangzhou.aliyuncs.com/ns/app:1), or remove it',
  );
}
