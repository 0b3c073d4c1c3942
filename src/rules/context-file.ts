/**
 * `ipv6-checks-context.json`, written beside each synthesized stack (next to `cdk.tf.json`), always (also with
 * `reports: false`): what the rule pack needs to judge that `cdk.tf.json` again in another process, where the
 * construct tree is gone. It holds
 * - the pack's options that differ from the defaults (`additionalRegions`, the families added to either list,
 *   `ruleLevels`),
 * - every `Ipv6Checks.suppress` / `suppressAll` on the stack, on its scopes and on the app (rule ID, construct
 *   path, reason; a suppression covers the construct and everything under it),
 * - which construct of this library made each resource (so a finding is reported at that construct, in its
 *   words, as at synth),
 * - the SHA-256 of the document it belongs to (`//` metadata and key order ignored), so that a file left
 *   from another synth is never applied to a changed `cdk.tf.json`.
 *
 * It holds no resource values, only names, paths and the reasons given to `Ipv6Checks.suppress`.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { collectSuppressions } from './construct-suppressions';
import { EffectiveFacts } from './context';
import { IPV6_FAMILIES, IPV6_REGIONS, NON_IPV6_FAMILIES } from './facts';
import { ConstructOwner } from './owner-names';
import { KNOWN_IDS, Suppression } from './suppressions';
import { documentKey } from './synthesized';
import { Ipv6CheckLevel, Ipv6ChecksProps } from './types';
import { isObject } from '../core/terraform-json';

/** The file name, beside `cdk.tf.json`. @internal */
export const CONTEXT_FILE = 'ipv6-checks-context.json';
/** The layout version; a reader refuses any other. */
const FORMAT_VERSION = 1;

/** What the file holds, parsed and checked. @internal */
export interface StackContext {
  /** The construct path of the stack (`web`). */
  readonly stackPath: string;
  /** The stack's ID, for the address of findings without a resource (`stack web`). */
  readonly stackId: string;
  /** The key (`documentKey`) of the document it was written for. */
  readonly documentSha256: string;
  /** The pack's options besides the defaults (`reports` is not among them). */
  readonly options: Ipv6ChecksProps;
  readonly suppressions: readonly Suppression[];
  /** Resource construct path → the construct of this library that made it. */
  readonly owners: ReadonlyMap<string, ConstructOwner>;
}

/** The options that make these facts and levels, given to `new Ipv6Checks(...)`: only what differs from the built-in lists. */
function optionsOf(facts: EffectiveFacts, ruleLevels: ReadonlyMap<string, Ipv6CheckLevel>): Ipv6ChecksProps {
  const builtInRegions = new Set(IPV6_REGIONS.map((r) => r.regionId));
  const builtInFamilies = new Map([...IPV6_FAMILIES, ...NON_IPV6_FAMILIES].map((f) => [f.family, f]));
  const yes: string[] = [];
  const no: string[] = [];
  for (const [family, fact] of facts.families) {
    if (builtInFamilies.get(family) === fact) continue;
    (fact.ipv6 ? yes : no).push(family);
  }
  return {
    additionalRegions: [...facts.regions].filter((r) => !builtInRegions.has(r)),
    additionalIpv6Families: yes,
    additionalNonIpv6Families: no,
    ruleLevels: Object.fromEntries(ruleLevels),
  };
}

/**
 * Writes the file into the stack's folder, for the document `doc` that synth writes as `cdk.tf.json`. `suppressions` are
 * those of the stack, its scopes and the app by construct path (`collectSuppressions`, as the rules used them).
 * @internal
 */
export function writeStackContext(
  dir: string,
  stack: IConstruct,
  doc: unknown,
  pack: { readonly _facts: EffectiveFacts; readonly _ruleLevels: ReadonlyMap<string, Ipv6CheckLevel> },
  owners: ReadonlyMap<string, ConstructOwner>,
  suppressionIndex: ReadonlyMap<string, readonly Suppression[]> = collectSuppressions([...stack.node.scopes.slice(0, -1), ...stack.node.findAll()]),
): void {
  const suppressions = [...suppressionIndex.values()].flat().map((s) => ({ path: s.path, ruleId: s.ruleId, reason: s.reason }));
  const content = {
    generatedBy: 'cdktf-alicloud-ipv6 Ipv6Checks: what the rule pack needs to judge cdk.tf.json in another process (README, "Testing your stacks")',
    formatVersion: FORMAT_VERSION,
    stack: stack.node.path,
    stackId: stack.node.id,
    documentSha256: documentKey(doc),
    options: optionsOf(pack._facts, pack._ruleLevels),
    suppressions,
    owners: Object.fromEntries([...owners].map(([resource, o]) => [resource, { path: o.path, construct: o.construct, props: o.props }])),
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, CONTEXT_FILE), `${JSON.stringify(content, null, 2)}\n`);
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isStringMap = (v: unknown): v is Record<string, string> => isObject(v) && Object.values(v).every((s) => typeof s === 'string');

/**
 * Reads and checks the file at `file` for the document `doc`. Every problem throws an Error naming the file,
 * what is wrong and the fix: a file that cannot be trusted is never half applied.
 * @internal
 */
export function readStackContext(file: string, doc: unknown): StackContext {
  const fail = (what: string): never => {
    throw new Error(`${file} ${what}. Fix: synthesize the stack again (cdktf synth, app.synth()) with this version of cdktf-alicloud-ipv6, and pass its folder`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch (e) {
    return fail(`cannot be read as JSON (${(e as Error).message})`);
  }
  if (!isObject(raw)) return fail('is not a JSON object');
  if (raw.formatVersion !== FORMAT_VERSION) return fail(`has formatVersion ${JSON.stringify(raw.formatVersion)}; this version reads ${FORMAT_VERSION}`);
  if (typeof raw.stack !== 'string' || typeof raw.stackId !== 'string') return fail('has no stack path or stack ID');
  if (typeof raw.documentSha256 !== 'string') return fail('has no documentSha256');
  if (raw.documentSha256 !== documentKey(doc)) {
    return fail('was written for another document than the cdk.tf.json beside it (documentSha256 differs): the file is left from another synth, or cdk.tf.json was edited after synth, so its suppressions and options may not apply');
  }
  const o = raw.options;
  if (!isObject(o)) return fail('has no options object');
  for (const k of ['additionalRegions', 'additionalIpv6Families', 'additionalNonIpv6Families'] as const) {
    if (o[k] !== undefined && !isStringList(o[k])) fail(`options.${k} is not a list of strings`);
  }
  if (o.ruleLevels !== undefined && !isStringMap(o.ruleLevels)) fail('options.ruleLevels is not an object of rule ID → level');
  const options: Ipv6ChecksProps = {
    additionalRegions: o.additionalRegions as string[] | undefined,
    additionalIpv6Families: o.additionalIpv6Families as string[] | undefined,
    additionalNonIpv6Families: o.additionalNonIpv6Families as string[] | undefined,
    ruleLevels: o.ruleLevels as Record<string, Ipv6CheckLevel> | undefined,
  };
  if (!Array.isArray(raw.suppressions)) return fail('has no suppressions list');
  const suppressions: Suppression[] = raw.suppressions.map((s, i) => {
    if (!isObject(s) || typeof s.path !== 'string' || typeof s.ruleId !== 'string' || typeof s.reason !== 'string') {
      return fail(`suppressions[${i}] is not { path, ruleId, reason }`);
    }
    if (!KNOWN_IDS.has(s.ruleId)) return fail(`suppressions[${i}] names an unknown rule ID ${JSON.stringify(s.ruleId)}`);
    return { path: s.path, ruleId: s.ruleId, reason: s.reason };
  });
  if (!isObject(raw.owners)) return fail('has no owners object');
  const owners = new Map<string, ConstructOwner>();
  for (const [resource, owner] of Object.entries(raw.owners)) {
    if (!isObject(owner) || typeof owner.path !== 'string' || typeof owner.construct !== 'string' || !isStringMap(owner.props)) {
      return fail(`owners[${JSON.stringify(resource)}] is not { path, construct, props }`);
    }
    owners.set(resource, { path: owner.path, construct: owner.construct, props: owner.props });
  }
  return { stackPath: raw.stack, stackId: raw.stackId, documentSha256: raw.documentSha256, options, suppressions, owners };
}
