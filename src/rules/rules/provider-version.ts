import { PROVIDER_VERSION } from '../../schema/pack';
import { alicloudConstraintsOf, judgeConstraints } from '../../schema/provider-version';
import { RuleContext } from '../context';
import { nonCompliant, notVerifiable, RuleDefinition, Subject, subject } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-016: the configuration's version constraint on alicloud (`terraform.required_providers.alicloud.version`)
 * admits the release whose schema and constraints the checks use (1.289.0). One subject per stack, and only
 * when there is a constraint that excludes that release or cannot be read: a stack that names none, or admits
 * 1.289.0 (as cdktf's bindings write it), has no finding of this rule.
 * @internal
 */
export const providerVersion: RuleDefinition = {
  id: Ipv6RuleId.PROVIDER_VERSION,
  name: 'provider-version',
  level: Ipv6CheckLevel.WARNING,
  notVerifiableLevel: Ipv6CheckLevel.WARNING,
  summary: `The configuration's alicloud version constraint admits ${PROVIDER_VERSION}, the release whose schema the checks use.`,
  *subjects(ctx: RuleContext): Iterable<Subject> {
    const verdict = judgeConstraints(alicloudConstraintsOf(ctx.doc));
    if (verdict.state !== 'excludes' && verdict.state !== 'unreadable') return;
    const fix = {
      cdktf: `let the alicloud bindings' constraint stand (${PROVIDER_VERSION}: remove the override of terraform.required_providers.alicloud.version), `
        + 'or check with the pinned release itself (terraform validate and plan with that provider); when you accept the difference, '
        + `suppress ${Ipv6RuleId.PROVIDER_VERSION} on the stack with Ipv6Checks.suppress(stack, '${Ipv6RuleId.PROVIDER_VERSION}', reason)`,
      terraform: `admit ${PROVIDER_VERSION} in required_providers (alicloud = { source = "aliyun/alicloud", version = "~> ${PROVIDER_VERSION}" }) `
        + 'if you can upgrade, or check with the pinned release itself (terraform validate and plan with that provider); when you accept the difference, '
        + `turn the rule off in .ipv6-checks.json ("ruleLevels": { "${Ipv6RuleId.PROVIDER_VERSION}": "off" })`,
    };
    yield subject(undefined, () => (verdict.state === 'excludes'
      ? nonCompliant(verdict.message, fix)
      : notVerifiable(`Cannot verify which alicloud release the configuration allows: ${verdict.message}`, fix)));
  },
};
