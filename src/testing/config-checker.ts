import { formatConfigFindings, parseSynthesized, throwOnConfigErrors } from './config-check-text';
import { ConfigWalker } from '../schema/config-walker';
import { ConfigFinding } from '../schema/findings';
import { providerVersionFinding } from '../schema/provider-version';
import { loadSchemaIndex } from '../schema/schema-index';

/**
 * Checks synthesized CDKTF stacks offline against the committed alicloud provider schema
 * of every resource and data source of provider aliyun/alicloud 1.289.0 (`schema/alicloud-1.289.0.jsonl`)
 * and its validation constraints: unknown arguments and blocks at any depth,
 * missing required arguments and blocks, wrong literal types, computed-only arguments, block counts,
 * enums, ranges, regexes, JSON validators, conflicts, removed and deprecated arguments, and the
 * `alicloud` provider configurations.
 *
 * It reads the configuration (Terraform JSON), before any `terraform plan`: the `check` command reads
 * `terraform show -json` plans. (This class was `AlicloudPlanChecker`, which still works, deprecated.)
 *
 * Literal values are converted the way Terraform converts JSON configuration: a number argument
 * accepts `5` and `"5"`, a bool argument accepts `true` and `"true"`/`"false"`/`"1"`/`"0"`, a string
 * argument accepts numbers and bools. Strings holding `${...}` are unknown until apply and pass every
 * type and value check of an argument; a block cannot be given as such a string (Terraform's JSON syntax
 * rejects it), use a `dynamic` block instead. Meta-arguments (`//`, `depends_on`, `count`, `for_each`, `provider`,
 * `lifecycle`, `provisioner`, `connection`) and cdktf `dynamic` blocks are understood.
 *
 * A resource or data source type starting with `alicloud_` that 1.289.0 does not have is a warning
 * (`unknown-type`, with a "did you mean" for close names), never an error: it may come from a newer
 * provider release. Other providers' types are not checked.
 *
 * The schema pack is opened once per process, relative to this module (it ships in the package), and
 * each type is read and indexed the first time a stack uses it.
 *
 * @example
 * const findings = AlicloudConfigChecker.check(Testing.synth(stack));
 * AlicloudConfigChecker.assertValid(Testing.synth(stack));
 */
export class AlicloudConfigChecker {
  /**
   * Checks a synthesized stack given as JSON text: the string returned by cdktf's
   * `Testing.synth(stack)` / `Testing.synthScope(...)`, or the contents of `cdk.tf.json`.
   *
   * @param synthesized Terraform JSON configuration text
   * @returns every finding, errors and warnings, in document order (empty when the stack is valid)
   */
  public static check(synthesized: string): ConfigFinding[] {
    return AlicloudConfigChecker.checkObject(parseSynthesized(synthesized, 'AlicloudConfigChecker'));
  }

  /**
   * Checks a synthesized stack given as an already parsed Terraform JSON document (for example
   * `JSON.parse` of `cdk.tf.json`).
   *
   * @param doc the parsed Terraform JSON configuration (a JSON object)
   * @returns every finding, errors and warnings, in document order (empty when the stack is valid)
   */
  public static checkObject(doc: any): ConfigFinding[] {
    const index = loadSchemaIndex();
    const findings = new ConfigWalker(index).run(doc);
    // one warning when the stack's alicloud version constraint excludes the schema's release (or cannot be read)
    const version = providerVersionFinding(doc, index.providerVersion);
    return version ? [version, ...findings] : findings;
  }

  /**
   * Formats findings as readable text, one line per finding:
   * `ERROR alicloud_vpc.Vpc vpc_nme [unknown-attribute] ... (construct stack/Vpc)`.
   *
   * @param findings findings from `check` or `checkObject`
   * @returns the formatted text; "no findings" when the list is empty
   */
  public static format(findings: ConfigFinding[]): string {
    return formatConfigFindings(findings);
  }

  /**
   * Throws when the synthesized stack has error-level findings; the error message lists them with
   * `format`. Warnings (deprecations, requirements an environment variable may satisfy) do not throw.
   *
   * @param synthesized Terraform JSON configuration text, as for `check`
   */
  public static assertValid(synthesized: string): void {
    throwOnConfigErrors(AlicloudConfigChecker.check(synthesized));
  }

  private constructor() {}
}
