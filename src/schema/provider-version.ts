/**
 * Terraform version constraints on the alicloud provider (`terraform.required_providers.alicloud.version`),
 * matched against a provider version: the one copy of this matching. The offline Terraform runs
 * (`src/terraform/run/versions.ts`) pick the version to serve with it; the rule pack (`ALI-IPV6-016`), the
 * config checker and the `check` command warn with it when a configuration excludes the bundled schema's
 * release ({@link PROVIDER_VERSION}).
 */
import { ConfigFinding, ConfigFindingCode, ConfigFindingLevel } from './findings';
import { PROVIDER_NAME, PROVIDER_VERSION } from './pack';
import { isObject } from '../core/terraform-json';

/** A version as three numbers. @internal */
export type Version = [number, number, number];

/** `1.263.0`, `v1.263`, `1` as three numbers; undefined when not a version. @internal */
export function parseVersion(s: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

/** Orders two versions. @internal */
export const compareVersions = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** One part of a constraint string (`>= 1.200`). @internal */
export interface VersionConstraint {
  readonly op: string;
  readonly version: Version;
  /** How many parts were written (for `~>`). */
  readonly parts: number;
}

/** One constraint string (`">= 1.200, < 1.290"`) as its parts; undefined when a part is not understood. @internal */
export function parseConstraints(text: string): VersionConstraint[] | undefined {
  const out: VersionConstraint[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(=|!=|>=|<=|>|<|~>)?\s*(v?\d+(?:\.\d+){0,2})$/.exec(part);
    const version = m && parseVersion(m[2]);
    if (!m || !version) return undefined;
    out.push({ op: m[1] ?? '=', version, parts: m[2].replace(/^v/, '').split('.').length });
  }
  return out;
}

/** Whether a version satisfies one constraint part. @internal */
export function satisfies(v: Version, c: VersionConstraint): boolean {
  const d = compareVersions(v, c.version);
  switch (c.op) {
    case '=': return d === 0;
    case '!=': return d !== 0;
    case '>': return d > 0;
    case '>=': return d >= 0;
    case '<': return d < 0;
    case '<=': return d <= 0;
    default: { // ~>: at least the version, and the same leading parts but the last one written
      if (d < 0) return false;
      const fixed = Math.max(1, c.parts - 1);
      return v.slice(0, fixed).every((x, i) => x === c.version[i]);
    }
  }
}

/** `[1, 263, 0]` → `1.263.0`. @internal */
export const formatVersion = (v: Version): string => v.join('.');

/**
 * The `version` constraints on alicloud in a Terraform JSON document's `terraform.required_providers`: the
 * object form (Terraform JSON, cdktf) and the list form (`@cdktf/hcl2json` output of HCL, several
 * `terraform` blocks). A `version` that is not a string (an expression) is given as its JSON text, so that it
 * is reported as unreadable, never skipped.
 * @internal
 */
export function alicloudConstraintsOf(doc: unknown): string[] {
  if (!isObject(doc)) return [];
  const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const out: string[] = [];
  for (const t of list(doc.terraform)) {
    if (!isObject(t)) continue;
    for (const rp of list(t.required_providers)) {
      if (!isObject(rp)) continue;
      for (const p of list(rp.alicloud)) {
        if (!isObject(p) || p.version === undefined || p.version === null) continue;
        out.push(typeof p.version === 'string' ? p.version : JSON.stringify(p.version));
      }
    }
  }
  return out;
}

/** What a configuration's alicloud constraints say about a provider version. @internal */
export type VersionVerdict =
  | { readonly state: 'none' }
  | { readonly state: 'admits'; readonly constraints: string }
  | { readonly state: 'excludes' | 'unreadable'; readonly constraints: string; readonly message: string };

/**
 * Whether the constraints admit `version` (by default the bundled schema's release); for `excludes` and
 * `unreadable` (a constraint that cannot be read: the checks cannot decide, so they say so), the warning
 * text that names both versions.
 * @internal
 */
export function judgeConstraints(constraintTexts: readonly string[], version: string = PROVIDER_VERSION): VersionVerdict {
  if (constraintTexts.length === 0) return { state: 'none' };
  const constraints = constraintTexts.join(', ');
  const parsed = constraintTexts.map(parseConstraints);
  const source = 'aliyun/alicloud';
  if (parsed.some((p) => p === undefined)) {
    return {
      state: 'unreadable',
      constraints,
      message: `the configuration requires ${source} ${JSON.stringify(constraints)}, a version constraint these checks cannot read; `
        + `they use the ${version} schema, which that constraint may exclude, so arguments added or removed since may be misjudged`,
    };
  }
  const v = parseVersion(version)!;
  if (parsed.every((p) => p!.every((c) => satisfies(v, c)))) return { state: 'admits', constraints };
  return {
    state: 'excludes',
    constraints,
    message: `the configuration requires ${source} ${constraints}; these checks use the ${version} schema, `
      + 'so arguments added or removed since may be misjudged',
  };
}

/**
 * The config checker's finding for a document's version constraint: one `provider-version` warning (address
 * `terraform`) when it excludes `version` or cannot be read, else none. Kept out of the config walker, which the
 * schema-only provider plugin also runs.
 * @internal
 */
export function providerVersionFinding(doc: unknown, version: string = PROVIDER_VERSION): ConfigFinding | undefined {
  const verdict = judgeConstraints(alicloudConstraintsOf(doc), version);
  if (verdict.state !== 'excludes' && verdict.state !== 'unreadable') return undefined;
  return {
    level: ConfigFindingLevel.WARNING,
    address: 'terraform',
    path: `required_providers.${PROVIDER_NAME}.version`,
    code: ConfigFindingCode.PROVIDER_VERSION,
    message: verdict.message,
  };
}
