/**
 * The text side of the configuration checker, shared by `AlicloudConfigChecker` and its deprecated
 * predecessor `AlicloudPlanChecker` (not part of the package's API): parsing the input, formatting
 * findings, and the error `assertValid` throws.
 */
import { ConfigFindingLevel } from '../schema/findings';

/** The fields of a finding that the text uses (a `ConfigFinding` or a deprecated `PlanFinding`). */
interface FindingText {
  readonly level: string;
  readonly address: string;
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly constructPath?: string;
}

/** The parsed JSON text; `checker` names the class in the error when it is not JSON. */
export function parseSynthesized(synthesized: string, checker: string): unknown {
  try {
    return JSON.parse(synthesized);
  } catch (e) {
    throw new Error(`${checker}: the input is not JSON text (${(e as Error).message})`);
  }
}

function isError(f: FindingText): boolean {
  return f.level === ConfigFindingLevel.ERROR;
}

/** One line per finding: `ERROR alicloud_vpc.Vpc vpc_nme [unknown-attribute] ... (construct stack/Vpc)`. */
export function formatConfigFindings(findings: readonly FindingText[]): string {
  if (findings.length === 0) return 'no findings';
  return findings.map((f) => {
    const where = f.path ? `${f.address} ${f.path}` : f.address;
    const construct = f.constructPath ? ` (construct ${f.constructPath})` : '';
    return `${isError(f) ? 'ERROR  ' : 'WARNING'} ${where} [${f.code}] ${f.message}${construct}`;
  }).join('\n');
}

/** Throws, listing the errors, when the findings hold any; warnings alone do not throw. */
export function throwOnConfigErrors(findings: readonly FindingText[]): void {
  const errors = findings.filter(isError);
  if (errors.length === 0) return;
  const warnings = findings.length - errors.length;
  throw new Error(
    `the synthesized stack violates the alicloud provider schema: ${errors.length} error(s)`
    + `${warnings ? ` (and ${warnings} warning(s), not listed)` : ''}:\n${formatConfigFindings(errors)}`,
  );
}
