import { isObject, parseAddress } from '../../core/terraform-json';
import { ConfigWalker, LIMIT_CODES } from '../../schema/config-walker';
import { ConfigFinding, ConfigFindingCode, ConfigFindingLevel } from '../../schema/findings';
import { PROVIDER_NAME, PROVIDER_VERSION } from '../../schema/pack';
import { loadSchemaIndex } from '../../schema/schema-index';
import { RuleContext, TfBlock } from '../context';
import { compliant, FixText, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-015: the document follows the whole alicloud provider schema (1.289.0): the config checker's walk
 * (`ConfigWalker.run`, the one behind `AlicloudConfigChecker` and `toBeValidAlicloudConfig`), one finding per
 * problem. It runs where `EngineOptions.providerSchema` asks for it (the `check` command on HCL and Terraform
 * JSON); at synth the typed bindings and the matcher cover it, and a plan was validated by Terraform itself.
 * Left to other rules: the literal limits of resources (ALI-IPV6-010); the version constraint is ALI-IPV6-016's.
 * Only `alicloud_*` types and the `alicloud` provider are walked.
 * @internal
 */
export const providerSchema: RuleDefinition = {
  id: Ipv6RuleId.PROVIDER_SCHEMA,
  name: 'provider-schema',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.WARNING,
  summary: `Arguments, blocks, types and literal value types of the alicloud resources, data sources and provider follow the provider's ${PROVIDER_VERSION} schema (check command, HCL and JSON).`,
  *subjects(ctx: RuleContext): Iterable<Subject> {
    if (!ctx.checks.providerSchema) return;
    const found = findingsByAddress(ctx);
    const seen = new Set<string>();
    for (const { walked, address, body } of providerConfigs(ctx)) {
      seen.add(walked);
      yield* subjectsOf(pseudoBlock(address, body), found.get(walked));
    }
    for (const block of ctx.blocks) {
      if (!block.type.startsWith(`${PROVIDER_NAME}_`)) continue;
      seen.add(block.address);
      yield* subjectsOf(block, found.get(block.address));
    }
    // findings at no block the rules index (a block that is not a JSON object): at the stack, never dropped
    for (const [address, list] of found) {
      if (seen.has(address)) continue;
      for (const f of list) yield subject(undefined, () => verdictOf(address, f));
    }
  },
};

/**
 * The alicloud provider configurations: the walker's address (`provider.alicloud[1]` in a list) and the one
 * Terraform writes (`provider.alicloud`, `provider.alicloud.hk` for an alias).
 */
function providerConfigs(ctx: RuleContext): Array<{ walked: string; address: string; body: Record<string, any> }> {
  const section = ctx.doc.provider?.[PROVIDER_NAME];
  if (section === undefined) return [];
  const list: unknown[] = Array.isArray(section) ? section : [section];
  const used = new Set<string>();
  return list.map((c, i) => {
    const body = isObject(c) ? c : {};
    const alias = typeof body.alias === 'string' && body.alias !== '' ? body.alias : undefined;
    let address = alias ? `provider.${PROVIDER_NAME}.${alias}` : `provider.${PROVIDER_NAME}`;
    if (used.has(address)) address = `${address}[${i}]`;
    used.add(address);
    return { walked: Array.isArray(section) ? `provider.${PROVIDER_NAME}[${i}]` : `provider.${PROVIDER_NAME}`, address, body };
  });
}

/** A provider configuration as the block its findings are reported at (its address, no construct path). */
function pseudoBlock(address: string, body: Record<string, any>): TfBlock {
  return { kind: 'resource', type: 'provider', name: PROVIDER_NAME, address, body, constructPath: undefined };
}

function* subjectsOf(block: TfBlock, findings: readonly ConfigFinding[] | undefined): Iterable<Subject> {
  if (!findings || findings.length === 0) {
    yield subject(block, () => compliant(`${block.address} follows the alicloud provider ${PROVIDER_VERSION} schema`));
    return;
  }
  for (const f of findings) yield subject(block, () => verdictOf(block.address, f));
}

/**
 * Where inside its block a finding of this rule is (the walker's path: `containers[0].ports[1].port`), read back
 * from its message, which starts `<address> <path>: `; undefined for the block as a whole. The `check` command
 * uses it to give the argument's line.
 * @internal
 */
export function schemaFindingPath(f: { readonly ruleId: string; readonly address: string; readonly message: string }): string | undefined {
  if (f.ruleId !== Ipv6RuleId.PROVIDER_SCHEMA) return undefined;
  const prefix = `${f.address} `;
  if (!f.message.startsWith(prefix)) return undefined;
  const end = f.message.indexOf(': ', prefix.length);
  const path = end < 0 ? '' : f.message.slice(prefix.length, end);
  return path !== '' && !/\s/.test(path) ? path : undefined;
}

function verdictOf(address: string, f: ConfigFinding): Verdict {
  // `<address> <path>: <message>`: schemaFindingPath reads the path back
  const where = f.path ? `${address} ${f.path}` : address;
  if (f.code === ConfigFindingCode.UNKNOWN_TYPE) {
    // its arguments cannot be checked: not verifiable, loudly (a warning), with the walker's "did you mean"
    return notVerifiable(`Cannot verify ${where}: ${f.message}`, FIXES[f.code]);
  }
  const level = f.level === ConfigFindingLevel.WARNING ? Ipv6CheckLevel.WARNING : undefined;
  return nonCompliant(`${where}: ${f.message}`, FIXES[f.code] ?? 'change the configuration as the message says', level);
}

/** The fix of each walker code: Terraform's argument names are the same in HCL, Terraform JSON and cdk.tf.json. */
const FIXES: Partial<Record<string, FixText>> = {
  [ConfigFindingCode.UNKNOWN_TYPE]: 'correct the type name (see the suggestion), or, when it comes from a newer provider release, check it with that release (terraform validate)',
  [ConfigFindingCode.UNKNOWN_ATTRIBUTE]: 'remove the argument or block, or correct its name (see the suggestion and the allowed names)',
  [ConfigFindingCode.MISSING_REQUIRED]: 'set the required argument (or give the block) the message names',
  [ConfigFindingCode.MISSING_ONE_OF]: 'set one of the arguments the message names',
  [ConfigFindingCode.WRONG_TYPE]: 'give a value of the type the message names (a quoted string for a string, true/false for a bool, a number without quotes for a number), or an expression',
  [ConfigFindingCode.COMPUTED_ONLY]: 'remove it: the provider computes it',
  [ConfigFindingCode.CONFLICT]: 'set only one of the arguments the message names',
  [ConfigFindingCode.MIN_ITEMS]: 'give at least as many blocks or items as the message says',
  [ConfigFindingCode.MAX_ITEMS]: 'give at most as many blocks or items as the message says',
  [ConfigFindingCode.DEPRECATED]: 'use the replacement the message names, before a provider release removes it',
  [ConfigFindingCode.REMOVED]: 'remove it: the provider no longer accepts it',
  [ConfigFindingCode.INVALID_JSON]: 'give valid JSON text (jsonencode() writes it)',
  [ConfigFindingCode.INVALID_REGEX]: 'give a valid regular expression',
  [ConfigFindingCode.NOT_IN_ENUM]: 'use one of the values the message lists',
  [ConfigFindingCode.OUT_OF_RANGE]: 'use a value within the range the message gives',
  [ConfigFindingCode.REGEX]: 'use a value that matches the pattern the message gives',
  [ConfigFindingCode.UNKNOWN_PROVIDER]: {
    cdktf: 'add an AlicloudProvider with that alias (new AlicloudProvider(stack, \'hk\', { alias: \'hk\', region: \'cn-hongkong\' })), or use a declared alias',
    terraform: 'add a provider block with that alias (provider "alicloud" { alias = "hk"  region = "cn-hongkong" }), or use a declared alias',
  },
};

/** The walker's findings by address; those another rule reports are left out. */
function findingsByAddress(ctx: RuleContext): ReadonlyMap<string, ConfigFinding[]> {
  return ctx.cached('providerSchema', () => {
    const index = loadSchemaIndex();
    const m = new Map<string, ConfigFinding[]>();
    for (const f of new ConfigWalker(index).run(ctx.doc)) {
      if (LIMIT_CODES.has(f.code) && !f.address.startsWith('provider.')) {
        // ALI-IPV6-010 reports the limits of the resources the schema knows
        const { kind, type } = parseAddress(f.address);
        if (kind === 'resource' && index.resources.has(type)) continue;
      }
      let list = m.get(f.address);
      if (!list) m.set(f.address, list = []);
      list.push(f);
    }
    return m;
  });
}
