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

/** The order of `String.prototype.localeCompare` (the default locale and options), with one collator for every sort. */
const KEY_ORDER = new Intl.Collator();

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
      .sort((a, b) => KEY_ORDER.compare(a.key, b.key));
  }
}

// The escaping of free text lives with the other constructs' (src/core/terraform-text.ts); kept importable from here.
export { escapeTerraformMap, escapeTerraformTemplate } from '../core/terraform-text';
