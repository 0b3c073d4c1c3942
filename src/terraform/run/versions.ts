/**
 * Which version of alicloud the offline mirror serves for a configuration: 1.289.0 (the bundled schema)
 * unless the configuration's `required_providers` constraints exclude it; then the first version the
 * constraints name that satisfies them all (`version = "1.263.0"` pins one), served with 1.289.0's schema.
 * Constraints no named version satisfies are left to Terraform to reject (`terraform init` fails). The
 * constraint matching itself lives in `src/schema/provider-version.ts`, shared with the checks' warning.
 */
import { PROVIDER_VERSION } from '../../schema/pack';
import { formatVersion, parseConstraints, parseVersion, satisfies, VersionConstraint } from '../../schema/provider-version';

/**
 * The version to serve for these `version` constraints of alicloud: {@link PROVIDER_VERSION} when it
 * satisfies them (or there are none), else the first version they name that satisfies them all, else
 * {@link PROVIDER_VERSION} (Terraform then reports the constraints it cannot meet).
 */
export function versionToServe(constraintTexts: readonly string[]): string {
  const constraints: VersionConstraint[] = [];
  for (const t of constraintTexts) {
    const c = parseConstraints(t);
    if (!c) return PROVIDER_VERSION;
    constraints.push(...c);
  }
  const candidates = [parseVersion(PROVIDER_VERSION)!, ...constraints.map((c) => c.version)];
  const ok = candidates.find((v) => constraints.every((c) => satisfies(v, c)));
  return ok ? formatVersion(ok) : PROVIDER_VERSION;
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
