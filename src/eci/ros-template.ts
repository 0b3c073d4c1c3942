/**
 * Builds a ROS template (JSON) for `alicloud_ros_stack.template_body`, turning every value that is
 * unknown until apply (a cdktf token) into a template parameter, so that the template itself is a
 * plain literal: its hash is stable and it can be checked at synth time.
 *
 * Facts this relies on (ros-eci-containergroup.md, provider 1.289.0):
 * - a change to template_body alone never reaches ROS; a changed parameter does, so the template's
 *   hash is passed as the parameter `TemplateRevision`;
 * - every declared parameter is passed explicitly (GetStack returns defaulted ones, which would diff);
 * - parameter names are letters and digits only.
 */
import { createHash } from 'crypto';
import { Fn, Token } from 'cdktf';
import { escapeTerraformTemplate } from '../core/terraform-text';

/** A template parameter and the Terraform value passed for it. */
export interface RosParameter {
  readonly key: string;
  readonly type: 'String' | 'Number' | 'CommaDelimitedList';
  readonly value: string;
  /** A secret: declared with `NoEcho: true`, so the ROS console and API mask it. */
  readonly noEcho?: boolean;
}

export const TEMPLATE_REVISION_PARAMETER = 'TemplateRevision';

/** Letters and digits only: every ROS parameter name (the keys sorted here). */
const ALPHANUMERIC = /^[A-Za-z0-9]*$/;

/** A letter's or digit's primary collation weight: digits before letters, a letter's case ignored. */
function primaryWeight(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * The order of parameter keys: Unicode's root collation (that of `localeCompare` in English), written out for letters and
 * digits. Primary: character by character, digits before letters, case ignored; a prefix first. Then the first case
 * difference: lowercase first. It is the same on every machine (a collator of the machine's locale is not: Estonian
 * puts `z` after `s`), and it needs no ICU collator, whose creation costs about 11 ms at load (bench:startup).
 * Keys with other characters (none in practice) are compared by an English collator, made on first use.
 * @internal
 */
export function compareParameterKeys(a: string, b: string): number {
  if (!ALPHANUMERIC.test(a) || !ALPHANUMERIC.test(b)) {
    englishCollator ??= new Intl.Collator('en-US');
    return englishCollator.compare(a, b);
  }
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const pa = primaryWeight(a.charCodeAt(i));
    const pb = primaryWeight(b.charCodeAt(i));
    if (pa !== pb) return pa < pb ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return ca > cb ? -1 : 1; // the same letter in another case: lowercase (the higher code) first
  }
  return 0;
}
let englishCollator: Intl.Collator | undefined;

export class RosTemplate {
  private readonly parameters: RosParameter[] = [];
  private readonly byValue = new Map<string, string>();
  private readonly secrets = new Set<string>();
  private readonly secretTests: Array<(value: string) => boolean> = [];
  private readonly resources: Record<string, unknown> = {};
  private cachedJson?: string;

  constructor(private readonly description: string) {}

  /**
   * A parameter with a chosen name (for example `VSwitchId`), passed `value`; returns `{ Ref }`.
   */
  public namedParameter(key: string, value: string, type: RosParameter['type'] = 'String'): { Ref: string } {
    this.parameters.push(this.parameter(key, type, value));
    this.cachedJson = undefined;
    return { Ref: key };
  }

  /**
   * Marks token values as secrets: the parameters they become are declared `NoEcho: true`. Call before
   * `addResource`.
   */
  public markSecret(...values: string[]): void {
    for (const v of values) this.secrets.add(String(v));
  }

  /**
   * Marks every token value that passes `test` (given the value as passed to the stack) as a secret, wherever it
   * is used. Call before `addResource`.
   */
  public markSecretWhen(test: (value: string) => boolean): void {
    this.secretTests.push(test);
  }

  /** A parameter, declared `NoEcho` when its value is a secret. */
  private parameter(key: string, type: RosParameter['type'], value: string): RosParameter {
    const secret = this.secrets.has(value) || this.secretTests.some((test) => test(value));
    return secret ? { key, type, value, noEcho: true } : { key, type, value };
  }

  /** Adds a resource; tokens anywhere inside `properties` become parameters. */
  public addResource(logicalId: string, type: string, properties: Record<string, unknown>): void {
    this.resources[logicalId] = { Type: type, Properties: this.parameterize(properties) };
    this.cachedJson = undefined;
  }

  /** Replaces tokens with `{ Ref: ParamN }`, recursively. */
  private parameterize(value: unknown): unknown {
    if (value === undefined || value === null) return value;
    if (Token.isUnresolved(value)) return this.tokenParameter(value);
    if (Array.isArray(value)) return value.map((v) => this.parameterize(v));
    if (typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, this.parameterize(v)]));
    }
    return value;
  }

  private tokenParameter(value: unknown): { Ref: string } {
    let type: RosParameter['type'];
    let passed: string;
    if (typeof value === 'number') {
      type = 'Number';
      passed = Token.asString(value);
    } else if (Array.isArray(value)) {
      type = 'CommaDelimitedList';
      passed = Fn.join(',', value as string[]);
    } else {
      type = 'String';
      passed = String(value);
    }
    const seen = this.byValue.get(passed);
    if (seen) return { Ref: seen };
    const key = `Param${this.byValue.size + 1}`;
    this.byValue.set(passed, key);
    this.parameters.push(this.parameter(key, type, passed));
    this.cachedJson = undefined;
    return { Ref: key };
  }

  /** The template document (without the revision parameter). */
  public get document(): Record<string, unknown> {
    const params: Record<string, unknown> = {};
    for (const p of this.parameters) params[p.key] = p.noEcho ? { Type: p.type, NoEcho: true } : { Type: p.type };
    params[TEMPLATE_REVISION_PARAMETER] = { Type: 'String', Description: 'sha256 of this template; a new value makes ROS apply template changes' };
    return {
      ROSTemplateFormatVersion: '2015-09-01',
      Description: this.description,
      Parameters: params,
      Resources: this.resources,
    };
  }

  /** The template as the JSON string for `template_body`, with Terraform's `${`/`%{` escaped. */
  public get body(): string {
    return escapeTerraformTemplate(this.json());
  }

  /** sha256 of the template; passed as the `TemplateRevision` parameter. */
  public get revision(): string {
    return createHash('sha256').update(this.json()).digest('hex');
  }

  /** The document as JSON, serialized once until the template changes (body and revision share it). */
  private json(): string {
    this.cachedJson ??= JSON.stringify(this.document);
    return this.cachedJson;
  }

  /** Every parameter to pass (all declared ones, the revision included), sorted by key. */
  public get parameterValues(): RosParameter[] {
    return [...this.parameters, { key: TEMPLATE_REVISION_PARAMETER, type: 'String' as const, value: this.revision }]
      .sort((a, b) => compareParameterKeys(a.key, b.key));
  }
}

// The escaping of free text lives with the other constructs' (src/core/terraform-text.ts); kept importable from here.
export { escapeTerraformMap, escapeTerraformTemplate } from '../core/terraform-text';
