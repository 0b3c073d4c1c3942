import { RuleContext } from '../context';
import { EciSpec } from '../eci-model';
import { imageHost, isPrivateHost, normalizeServer } from '../images';
import { compliant, nonCompliant, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-012: an ECI whose images come from Alibaba Container Registry (an `*.aliyuncs.com` registry, or a
 * domain of an ACR EE instance) has a way to log in: a registry login for the host, an ACR EE instance, or a
 * RAM role. Without one the pull fails at start-up (ErrImagePull), unless the repository is public.
 * @internal
 */
export const privateImageAccess: RuleDefinition = {
  id: Ipv6RuleId.PRIVATE_IMAGE_ACCESS,
  name: 'private-image-access',
  level: Ipv6CheckLevel.WARNING,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'An ECI that pulls a private image (an ACR domain, an aliyuncs.com registry) has registry credentials, an ACR EE instance or a RAM role.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const eci of ctx.ecis) {
      const domains = eci.registry.acrInstances.flatMap((a) => a.domains);
      if (eci.registry.images.some((i) => isPrivateHost(imageHost(i), domains))) yield subject(eci.owner, () => check(eci));
    }
  },
};

function check(eci: EciSpec): Verdict {
  const r = eci.registry;
  const domains = r.acrInstances.flatMap((a) => a.domains);
  if (r.acrInstances.length > 0) return compliant(`${eci.label} pulls its private images through ${r.acrField}`);
  if (r.ramRole) return compliant(`${eci.label} pulls its private images with the RAM role in ${r.ramRoleField}`);
  const servers = new Set(r.credentialServers.filter((s): s is string => s !== undefined).map(normalizeServer));
  const anyExpression = r.credentialServers.some((s) => s === undefined);
  const missing = [...new Set(r.images.map(imageHost).filter((h) => isPrivateHost(h, domains) && !servers.has(h)))];
  if (missing.length === 0 || anyExpression) return compliant(`${eci.label} has a registry login for each private registry it pulls from`);
  const image = r.images.find((i) => imageHost(i) === missing[0])!;
  return nonCompliant(
    `${eci.label} pulls ${image} from ${missing.join(', ')} but has no registry login for ${missing.length > 1 ? 'them' : 'it'}, no ACR EE instance (${r.acrField}) and no RAM role (${r.ramRoleField}); the pull fails unless the repository is public`,
    {
      cdktf: `give ${r.acrField} (ACR Enterprise Edition) with ${r.ramRoleField}, or ${r.credentialsField}: [{ server: '${missing[0]}', userName, password: <a sensitive TerraformVariable> }]; or suppress ALI-IPV6-012 if the repository is public`,
      terraform: `give ${r.acrField} (ACR Enterprise Edition) with ${r.ramRoleField}, or a ${r.credentialsField} for server "${missing[0]}" with a user name and a password from a sensitive variable (var.registry_password); `
        + 'or skip ALI-IPV6-012 in the block if the repository is public (# ipv6-checks:skip=ALI-IPV6-012 <reason>)',
    },
  );
}
