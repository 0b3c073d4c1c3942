/**
 * The config file of the `check` command, `.ipv6-checks.json`: the fact overrides and rule levels of
 * `Ipv6ChecksProps`, and suppressions by resource address, rule ID and reason.
 *
 * ```json
 * {
 *   "additionalRegions": ["cn-zhongwei"],
 *   "additionalIpv6Families": ["g9a"],
 *   "additionalNonIpv6Families": [],
 *   "ruleLevels": { "ALI-IPV6-008": "off" },
 *   "suppressions": [
 *     { "address": "module.net.alicloud_vswitch.a", "ruleId": "ALI-IPV6-005", "reason": "mask set by the network team" }
 *   ]
 * }
 * ```
 * @internal
 */
import { parseJson, readText } from './files';
import { CheckInputError, Skip } from './model';
import { PackOptions, packOptions } from '../rules/options';
import { KNOWN_IDS, MIN_REASON_LENGTH } from '../rules/suppressions';
import { Ipv6ChecksProps } from '../rules/types';

/** The default file name. @internal */
export const CONFIG_FILE = '.ipv6-checks.json';

/** One suppression of the config file. @internal */
export interface ConfigSuppression extends Skip {
  /** A resource address; it also covers its instances (`[0]`) and, for a module, what is in it. */
  readonly address: string;
}

/** The loaded config. @internal */
export interface CheckConfig {
  readonly file?: string;
  /** The pack's options (facts, rule levels), as `new Ipv6Checks(...)` makes them, without the aspect and its CDK core. */
  readonly pack: PackOptions;
  readonly suppressions: readonly ConfigSuppression[];
}

const KEYS = new Set(['$schema', 'additionalRegions', 'additionalIpv6Families', 'additionalNonIpv6Families', 'ruleLevels', 'suppressions']);

function stringList(value: unknown, key: string, file: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new CheckInputError(`${key} must be a list of strings`, file);
  return value;
}

/** The default config (no file). @internal */
export function defaultConfig(): CheckConfig {
  return { pack: packOptions({ reports: false }), suppressions: [] };
}

/** Reads and validates a config file; every problem is a CheckInputError naming the file. @internal */
export function loadConfig(file: string): CheckConfig {
  const raw = parseJson(readText(file), file);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CheckInputError('must be a JSON object', file);
  const c = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(c).filter((k) => !KEYS.has(k));
  if (unknownKeys.length > 0) throw new CheckInputError(`unknown key${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')} (known: ${[...KEYS].filter((k) => k !== '$schema').join(', ')})`, file);
  if (c.ruleLevels !== undefined && (typeof c.ruleLevels !== 'object' || c.ruleLevels === null || Array.isArray(c.ruleLevels))) {
    throw new CheckInputError('ruleLevels must be an object of rule ID → "error" | "warning" | "info" | "off"', file);
  }
  const props: Ipv6ChecksProps = {
    additionalRegions: stringList(c.additionalRegions, 'additionalRegions', file),
    additionalIpv6Families: stringList(c.additionalIpv6Families, 'additionalIpv6Families', file),
    additionalNonIpv6Families: stringList(c.additionalNonIpv6Families, 'additionalNonIpv6Families', file),
    ruleLevels: c.ruleLevels as Ipv6ChecksProps['ruleLevels'],
    reports: false,
  };
  let pack: PackOptions;
  try {
    pack = packOptions(props);
  } catch (e) {
    throw new CheckInputError((e as Error).message.replace(/^Ipv6Checks: /, ''), file);
  }
  const suppressions: ConfigSuppression[] = [];
  if (c.suppressions !== undefined && !Array.isArray(c.suppressions)) throw new CheckInputError('suppressions must be a list of { address, ruleId, reason }', file);
  for (const [i, s] of ((c.suppressions as unknown[]) ?? []).entries()) {
    const where = `suppressions[${i}]`;
    if (typeof s !== 'object' || s === null) throw new CheckInputError(`${where} must be an object { address, ruleId, reason }`, file);
    const { address, ruleId, reason } = s as Record<string, unknown>;
    if (typeof address !== 'string' || address.trim() === '') throw new CheckInputError(`${where}.address must be a resource address, e.g. module.net.alicloud_vswitch.a`, file);
    if (typeof ruleId !== 'string' || !KNOWN_IDS.has(ruleId)) {
      throw new CheckInputError(`${where}.ruleId ${JSON.stringify(ruleId)} is not a rule ID (${[...KNOWN_IDS].filter((k) => k !== '*').join(', ')}, or * for every rule)`, file);
    }
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text.length < MIN_REASON_LENGTH) {
      throw new CheckInputError(`${where}.reason must be at least ${MIN_REASON_LENGTH} characters, got ${JSON.stringify(reason ?? '')}: say why the finding does not apply (it is shown in the report)`, file);
    }
    suppressions.push({ address: address.trim(), ruleId, reason: text, at: file });
  }
  return { file, pack, suppressions };
}

/** Whether a config suppression's address covers a finding's address. @internal */
export function covers(suppression: string, address: string): boolean {
  return address === suppression || address.startsWith(`${suppression}[`) || address.startsWith(`${suppression}.`);
}
