/**
 * Builds stacks from generated props and checks them: synthesis, the offline plan checker, error
 * annotations (the rule pack's findings), determinism, and the shape of construct errors.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { VpcCase } from './arbitraries';
import { AlicloudPlanChecker, alicloud, DualStackVpc, Ipv6CheckFinding, Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId, PlanFinding } from '../../src';

/** One output directory for every Testing app of this test file (Testing.app() would make one per app). */
const OUTDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-props-'));
afterAll(() => fs.rmSync(OUTDIR, { recursive: true, force: true }));

/**
 * Forgets every token registered so far. cdktf keeps each token in a process-wide map (`global.__cdktfTokenMap`)
 * for ever, and reference tokens hold their resources, so every stack a process ever built stays in memory:
 * at 10,000 cases per property the jest worker ran out of its 4 GB heap. Each case builds and synthesizes its
 * own stacks and never uses a token of an earlier case, so the map is emptied when a case starts (newStack,
 * newApp). Do not call it while a stack of the current case is still to be synthesized.
 */
export function forgetTokens(): void {
  const tokenMap = (globalThis as any).__cdktfTokenMap;
  tokenMap?.stringTokenMap?.clear();
  tokenMap?.numberTokenMap?.clear();
}

/** A new App writing to `outdir`, for `app.synth()`; starts a case (see forgetTokens). */
export function newApp(outdir: string): App {
  forgetTokens();
  return new App({ outdir, stackTraces: false });
}

/** A test app and a stack with an alicloud provider in `region` (no provider when region is undefined); starts a case (see forgetTokens). */
export function newStack(region: string | undefined = 'cn-huhehaote', id = 'test'): { app: App; stack: TerraformStack } {
  forgetTokens();
  const app = Testing.app({ outdir: OUTDIR });
  const stack = new TerraformStack(app, id);
  if (region !== undefined) new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region });
  return { app, stack };
}

/** A DualStackVpc from a generated VpcCase. */
export function newVpc(stack: TerraformStack, c: VpcCase, id = 'Vpc'): DualStackVpc {
  return new DualStackVpc(stack, id, {
    zones: c.zones,
    cidrBlock: c.cidrBlock,
    vSwitchCidrMask: c.vSwitchCidrMask,
    vpcName: c.vpcName,
    ipv6Gateway: c.ipv6Gateway,
    description: c.description,
    tags: c.tags,
  });
}

/** Error annotations (`@cdktf/error` metadata) anywhere in the construct tree, as `path: message`. */
export function errorAnnotations(scope: IConstruct): string[] {
  return scope.node.findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/error').map((m) => `${c.node.path}: ${String(m.data)}`));
}

/** Warning annotations (`@cdktf/warn`), as `path: message`. */
export function warningAnnotations(scope: IConstruct): string[] {
  return scope.node.findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => `${c.node.path}: ${String(m.data)}`));
}

/** The result of synthesizing a stack with `Testing.synth` (aspects and validations run). */
export interface Synthesized {
  readonly json: string;
  readonly doc: any;
  readonly planErrors: PlanFinding[];
  readonly annotations: string[];
  /** The rule pack's findings that fail synthesis (non-compliant errors) or report a crashed rule (ALI-IPV6-ERR). */
  readonly ruleErrors: Ipv6CheckFinding[];
}

/** The rule pack's error findings for the stack's last synthesis ([] when no pack applies). */
export function ruleErrors(stack: TerraformStack): Ipv6CheckFinding[] {
  let findings: Ipv6CheckFinding[];
  try {
    findings = Ipv6Checks.findingsOf(stack);
  } catch (e) {
    if (/no Ipv6Checks applies/.test((e as Error).message)) return [];
    throw e;
  }
  return findings.filter((f) => f.ruleId === Ipv6RuleId.RULE_FAILURE
    || (f.status === Ipv6CheckStatus.NON_COMPLIANT && f.level === Ipv6CheckLevel.ERROR));
}

/** Synthesizes with validations, runs the plan checker, collects error annotations. Throws what synthesis throws. */
export function synth(stack: TerraformStack): Synthesized {
  const json = Testing.synth(stack, true);
  const doc = JSON.parse(json);
  const planErrors = AlicloudPlanChecker.checkObject(doc).filter((f) => f.level === 'error');
  return { json, doc, planErrors, annotations: errorAnnotations(stack), ruleErrors: ruleErrors(stack) };
}

/** Synthesizes and asserts: no plan error finding and no error annotation. Returns the document. */
export function expectClean(stack: TerraformStack): Synthesized {
  const s = synth(stack);
  if (s.planErrors.length > 0) throw new Error(`plan checker errors:\n${AlicloudPlanChecker.format(s.planErrors)}`);
  if (s.annotations.length > 0) throw new Error(`error annotations:\n${s.annotations.join('\n')}`);
  if (s.ruleErrors.length > 0) throw new Error(`rule pack errors:\n${s.ruleErrors.map((f) => `${f.ruleId} ${f.constructPath}: ${f.message}`).join('\n')}`);
  return s;
}

/** Synthesizes the app for real (`app.synth()` into a fresh directory) and returns the stack's cdk.tf.json, parsed. */
export function appSynth(build: (app: App) => TerraformStack): any {
  const outdir = fs.mkdtempSync(path.join(OUTDIR, 'app-'));
  try {
    const app = newApp(outdir);
    const stack = build(app);
    app.synth();
    return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf-8'));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** `obj` without cdktf's `//` metadata keys, at any depth. */
export function withoutMetadata(obj: any): any {
  if (Array.isArray(obj)) return obj.map(withoutMetadata);
  if (obj === null || typeof obj !== 'object') return obj;
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== '//').map(([k, v]) => [k, withoutMetadata(v)]));
}

/** The bodies of the resources of one type (or data sources, with section 'data'). */
export function bodies(doc: any, type: string, section: 'resource' | 'data' = 'resource'): any[] {
  return Object.values(doc[section]?.[type] ?? {});
}

/** Number of blocks per resource type (`data.x` for data sources). */
export function countsByType(doc: any): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [type, byName] of Object.entries<any>(doc.resource ?? {})) counts[type] = Object.keys(byName).length;
  for (const [type, byName] of Object.entries<any>(doc.data ?? {})) counts[`data.${type}`] = Object.keys(byName).length;
  return counts;
}

// ---------------------------------------------------------------------------------------------------------
// Invalid inputs
// ---------------------------------------------------------------------------------------------------------

/** snake_case of a camelCase prop (`restartPolicy` → `restart_policy`), for plan findings. */
function snake(prop: string): string {
  return prop.replace(/\[\d+\]/g, '').split('.').pop()!.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** What an invalid input led to. */
export type Rejection =
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'annotation'; readonly message: string }
  | { readonly kind: 'finding'; readonly message: string };

/**
 * Runs `build` (which creates constructs in `stack`) and synthesizes; asserts that the input was rejected in
 * one of the accepted ways, naming `where` (a construct path or factory call) and `prop`:
 * - an `Error` (never a TypeError or RangeError) whose message contains `where` and `prop`;
 * - or an error annotation whose path or message names them;
 * - or an error finding of the plan checker naming `prop` (camelCase or snake_case).
 * A crash of another kind, or a synthesis without any of these (a silently valid plan), fails.
 */
export function expectRejected(stack: TerraformStack | undefined, build: () => void, where: string, prop: string): Rejection {
  let caught: unknown;
  try {
    build();
    if (stack === undefined) throw new Error(`expected ${where} to reject ${prop}, but it returned`);
    const s = synth(stack);
    const annotation = s.annotations.find((a) => a.includes(prop) || a.includes(snake(prop)));
    if (annotation !== undefined) return { kind: 'annotation', message: annotation };
    const finding = s.planErrors.find((f) => f.path.includes(snake(prop)) || f.message.includes(snake(prop)) || f.path.includes(prop));
    if (finding !== undefined) return { kind: 'finding', message: `${finding.address} ${finding.path}: ${finding.message}` };
    throw new SilentlyAccepted(`${where}: invalid ${prop} was accepted: synthesis succeeded without an error, an error annotation or a plan error naming it\n`
      + `annotations: ${JSON.stringify(s.annotations)}\nplan errors: ${AlicloudPlanChecker.format(s.planErrors)}`);
  } catch (e) {
    caught = e;
  }
  if (caught instanceof SilentlyAccepted) throw caught;
  if (caught instanceof TypeError || caught instanceof RangeError || !(caught instanceof Error)) {
    throw new Error(`${where}: invalid ${prop} crashed with ${(caught as any)?.constructor?.name}: ${(caught as Error)?.message ?? caught}`);
  }
  const message = caught.message;
  if (!message.includes(where) || !message.includes(prop)) {
    throw new Error(`${where}: the error for invalid ${prop} does not name ${JSON.stringify(where)} and ${JSON.stringify(prop)}:\n${message}`);
  }
  return { kind: 'error', message };
}

class SilentlyAccepted extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Terraform strings
// ---------------------------------------------------------------------------------------------------------

/**
 * What a Terraform JSON string literally means: `$${` → `${`, `%%{` → `%{`. Returns undefined when the string
 * holds an unescaped `${` or `%{`, that is a template expression, not a literal.
 */
export function tfLiteral(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
    } else if ((c === '$' || c === '%') && s[i + 1] === '{') {
      return undefined;
    } else {
      out += c;
    }
  }
  return out;
}
