/**
 * Which version of alicloud the offline mirror serves for a configuration: 1.289.0 (the bundled schema)
 * unless the configuration's `required_providers` constraints exclude it; then the first version the
 * constraints name that satisfies them all (`version = "1.263.0"` pins one), served with 1.289.0's schema.
 * Constraints no named version satisfies are left to Terraform to reject (`terraform init` fails).
 */
import { PROVIDER_VERSION } from '../../schema/pack';

type Version = [number, number, number];

function parseVersion(s: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

interface Constraint {
  readonly op: string;
  readonly version: Version;
  /** How many parts were written (for `~>`). */
  readonly parts: number;
}

/** One constraint string (`">= 1.200, < 1.290"`) as its parts; undefined when a part is not understood. */
function parseConstraints(text: string): Constraint[] | undefined {
  const out: Constraint[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(=|!=|>=|<=|>|<|~>)?\s*(v?\d+(?:\.\d+){0,2})$/.exec(part);
    const version = m && parseVersion(m[2]);
    if (!m || !version) return undefined;
    out.push({ op: m[1] ?? '=', version, parts: m[2].replace(/^v/, '').split('.').length });
  }
  return out;
}

function satisfies(v: Version, c: Constraint): boolean {
  const d = compare(v, c.version);
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

const format = (v: Version) => v.join('.');

/**
 * The version to serve for these `version` constraints of alicloud: {@link PROVIDER_VERSION} when it
 * satisfies them (or there are none), else the first version they name that satisfies them all, else
 * {@link PROVIDER_VERSION} (Terraform then reports the constraints it cannot meet).
 */
export function versionToServe(constraintTexts: readonly string[]): string {
  const constraints: Constraint[] = [];
  for (const t of constraintTexts) {
    const c = parseConstraints(t);
    if (!c) return PROVIDER_VERSION;
    constraints.push(...c);
  }
  const candidates = [parseVersion(PROVIDER_VERSION)!, ...constraints.map((c) => c.version)];
  const ok = candidates.find((v) => constraints.every((c) => satisfies(v, c)));
  return ok ? format(ok) : PROVIDER_VERSION;
}

/** The `version` constraints on alicloud in a `.tf` file's `required_providers` (a careful match, not a parser). */
export function hclAlicloudConstraints(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^[ \t]*alicloud[ \t]*=[ \t]*\{([^{}]*)\}/gm)) {
    const v = /(?:^|[\s,{])version[ \t]*=[ \t]*"([^"]*)"/.exec(m[1]);
    if (v) out.push(v[1]);
  }
  return out;
}

/** The `version` constraints on alicloud in a `.tf.json` file's `terraform.required_providers`. */
export function jsonAlicloudConstraints(text: string): string[] {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  return [doc?.terraform].flat().flatMap((t: any) => [t?.required_providers].flat())
    .map((rp: any) => rp?.alicloud?.version).filter((v: unknown): v is string => typeof v === 'string');
}
