import { accountOfConfig, ProviderOf, regionOfConfig, RuleContext, TfBlock } from '../context';
import { CrossStackResource } from '../cross-stack-refs';
import { fix } from '../fix-text';
import { ownerLabel } from '../owner-names';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/** The regional network resources whose use across stacks is checked, with their names for messages. */
const KINDS: Readonly<Record<string, string>> = {
  alicloud_vpc: 'VPC',
  alicloud_vswitch: 'vSwitch',
  alicloud_security_group: 'security group',
  alicloud_vpc_ipv6_gateway: 'IPv6 gateway',
  alicloud_vpc_ipv6_cidr_block: 'IPv6 CIDR block',
};

/**
 * ALI-IPV6-011: a resource that uses a VPC, vSwitch, security group or IPv6 gateway of another stack (a
 * cdktf cross-stack reference) deploys to the same region, and where both providers say so, the same
 * account. These resources exist in one region of one account: with two regions the apply fails with a
 * "not found" error for the ID, minutes in, after the other stack was deployed.
 * @internal
 */
export const crossStackRegion: RuleDefinition = {
  id: Ipv6RuleId.CROSS_STACK_REGION,
  name: 'cross-stack-region',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'A resource that uses a VPC, vSwitch, security group or IPv6 gateway of another stack deploys to the same region (and account, where known).',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    if (ctx.crossStack.otherStacksUnknown) {
      yield* unseenStacks(ctx);
      return;
    }
    if (!ctx.crossStack.hasOtherStacks) return;
    for (const block of ctx.blocks) {
      if (block.kind === 'data' && block.type === 'terraform_remote_state') continue;
      const { ['//']: _meta, ...body } = block.body;
      const used = ctx.crossStackResourcesIn(body).filter((r) => KINDS[r.type] !== undefined);
      if (used.length > 0) yield subject(block, () => check(ctx, block, used));
    }
  },
};

/**
 * A document judged without its app (synthesized in another process): a block that uses a network resource of
 * another stack cannot be checked, and says so (not verifiable), never passes in silence.
 */
function* unseenStacks(ctx: RuleContext): Iterable<Subject> {
  const types = Object.keys(KINDS);
  for (const block of ctx.blocks) {
    if (block.kind === 'data' && block.type === 'terraform_remote_state') continue;
    const { ['//']: _meta, ...body } = block.body;
    const used = ctx.crossStack.unseenResourcesIn(body, (a) => ctx.get(a) !== undefined, types);
    if (used.length === 0) continue;
    yield subject(block, () => {
      const owner = ctx.ownerOf(block);
      const label = owner ? ownerLabel(owner) : ctx.describe({ kind: 'resource', block });
      const stacks = [...new Set(used.map((u) => (u.stack ? `stack '${u.stack}'` : 'another stack')))];
      const what = used.map((u) => `the ${KINDS[u.type]} of ${u.stack ? `stack '${u.stack}'` : 'another stack'}`);
      return notVerifiable(
        `Cannot verify that ${label} deploys to the same region as ${[...new Set(what)].join(', ')} it uses: `
        + 'the document was judged without its app (synthesized in another process), so the other stack\'s alicloud provider is not known',
        'test the text of Testing.synth(stack) from this process, where every stack of the app is known; or suppress ALI-IPV6-011 on it with the reason',
        undefined,
        `unseen|${stacks.join('|')}`,
      );
    });
  }
}

/** The provider of another stack's resource, as the rule context describes its own. */
function theirProvider(r: CrossStackResource): ProviderOf {
  const provider = `${r.providerLabel} of stack '${r.stack}'`;
  if (r.providerConfig === 'ambiguous') return { state: 'unknown', why: `stack '${r.stack}' has several default alicloud providers`, provider };
  if (r.providerConfig === undefined) {
    return { state: 'unknown', why: `stack '${r.stack}' has no alicloud provider block for it, so its region comes from ALICLOUD_REGION at apply time`, provider };
  }
  return { state: 'known', config: r.providerConfig, provider };
}

function check(ctx: RuleContext, block: TfBlock, used: readonly CrossStackResource[]): Verdict {
  const owner = ctx.ownerOf(block);
  const label = owner ? ownerLabel(owner) : ctx.describe({ kind: 'resource', block });
  const here = ctx.stackPath;
  const mine = ctx.providerOf(block);
  const myRegion = regionOfConfig(mine);
  const unverifiable: string[] = [];
  const fine: string[] = [];
  // Every resource of another stack in another region, for one error that names them all.
  if (myRegion.state === 'known') {
    const elsewhere = used.map((r) => ({ r, theirs: theirProvider(r) })).map((x) => ({ ...x, region: regionOfConfig(x.theirs) }))
      .filter((x) => x.region.state === 'known' && x.region.value !== myRegion.value);
    if (elsewhere.length > 0) {
      const { r, theirs, region } = elsewhere[0];
      const theirRegion = (region as { value: string }).value;
      const same = elsewhere.filter((x) => x.r.stack === r.stack && x.theirs.provider === theirs.provider);
      const whats = same.map((x) => `the ${KINDS[x.r.type]} '${x.r.constructPath}'`);
      const list = whats.length === 1 ? whats[0] : `${whats.slice(0, -1).join(', ')} and ${whats[whats.length - 1]}`;
      return nonCompliant(
        `${label} in stack '${here}' deploys to ${myRegion.value} (${myRegion.provider}) but uses ${list} of stack '${r.stack}', which deploys to ${theirRegion} (${theirs.provider}); `
        + `VPCs, vSwitches, security groups and IPv6 gateways exist in one region only, so the apply of stack '${here}' fails: their IDs are not found in ${myRegion.value}`,
        `deploy both stacks to one region: set region '${theirRegion}' on the alicloud provider of stack '${here}', or region '${myRegion.value}' on the one of stack '${r.stack}' `
        + `(and its zones to zones of ${myRegion.value}); or create them in stack '${here}'`,
        undefined,
        `region|${myRegion.provider}|${r.stack}|${theirs.provider}`,
      );
    }
  }
  for (const r of used) {
    const what = `the ${KINDS[r.type]} '${r.constructPath}' of stack '${r.stack}'`;
    const theirs = theirProvider(r);
    const theirRegion = regionOfConfig(theirs);
    if (myRegion.state !== 'known' || theirRegion.state !== 'known') {
      const why = myRegion.state !== 'known' ? `in stack '${here}' ${myRegion.state === 'unknown' ? myRegion.why : 'no region'}` : `${theirRegion.state === 'unknown' ? theirRegion.why : 'no region'}`;
      unverifiable.push(`the region of ${what}: ${why}`);
      continue;
    }
    // Same region: the account, where both providers name one.
    const myAccount = mine.state === 'known' ? accountOfConfig(mine.config) : undefined;
    const theirAccount = theirs.state === 'known' ? accountOfConfig(theirs.config) : undefined;
    if (myAccount?.state === 'known' && theirAccount?.state === 'known' && myAccount.value !== theirAccount.value) {
      return nonCompliant(
        `${label} in stack '${here}' deploys to account ${myAccount.value} (${myAccount.via} of ${mine.provider}) but uses ${what}, which is in account ${theirAccount.value} (${theirAccount.via} of ${theirs.provider}); `
        + `a ${KINDS[r.type]} of another account is not found by ID`,
        `deploy both stacks with the same account (account_id or assume_role of their alicloud providers), or create the ${KINDS[r.type]} in stack '${here}'`,
        undefined,
        `account|${mine.provider}|${r.stack}|${theirs.provider}`,
      );
    }
    if ((myAccount?.state === 'known') !== (theirAccount?.state === 'known') || myAccount?.state === 'unknown' || theirAccount?.state === 'unknown') {
      const [known, other] = myAccount?.state === 'known' ? [`${mine.provider} names account ${myAccount.value}`, `${theirs.provider} names none`]
        : theirAccount?.state === 'known' ? [`${theirs.provider} names account ${theirAccount.value}`, `${mine.provider} names none`]
          : ['an account is an expression', ''];
      unverifiable.push(`the account of ${what}: ${known}${other ? ` and ${other}` : ''}`);
      continue;
    }
    if (myAccount?.profile !== undefined && theirAccount?.profile !== undefined && myAccount.profile !== theirAccount.profile) {
      unverifiable.push(`the account of ${what}: the providers use the profiles '${myAccount.profile}' and '${theirAccount.profile}', which may be two accounts`);
      continue;
    }
    fine.push(`${what} (${theirRegion.value})`);
  }
  if (unverifiable.length > 0) {
    return notVerifiable(
      `Cannot verify at synth time that ${label} in stack '${here}' deploys where the resources it uses from other stacks are: ${unverifiable.join('; ')}`,
      fix`to have it checked, give the alicloud providers of both stacks a literal region (${{
        cdktf: 'new AlicloudProvider(stack, \'alicloud\', { region: \'cn-huhehaote\' })',
        terraform: 'provider "alicloud" { region = "cn-huhehaote" }',
      }}), and, when they deploy with different credentials, the same literal account_id (or an assume_role role_arn) on both`,
    );
  }
  return compliant(`${label} in stack '${here}' deploys to ${myRegion.state === 'known' ? myRegion.value : '?'}, like ${fine.join(', ')}`);
}
