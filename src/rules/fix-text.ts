/**
 * The fixes that show code or name a way to suppress, in both languages (`FixText`): cdktf (TypeScript with
 * the library's constructs, `Ipv6Checks` options and suppressions) and Terraform (HCL snippets, the `check`
 * command's `.ipv6-checks.json` and `# ipv6-checks:skip=` comments). The rules build their fixes from these,
 * so the two wordings of one piece of advice live side by side.
 * @internal
 */
import { FixText } from './rule';

/** A literal region on the alicloud provider. @internal */
export function literalRegionFix(region = 'cn-hangzhou'): FixText {
  return {
    cdktf: `set a literal region on the alicloud provider (new AlicloudProvider(stack, 'alicloud', { region: '${region}' }))`,
    terraform: `set a literal region on the alicloud provider (provider "alicloud" { region = "${region}" })`,
  };
}

/** Adds facts the pack does not have: an `Ipv6Checks` option, or the same key of `.ipv6-checks.json`. @internal */
export function additionalFactsFix(key: 'additionalRegions' | 'additionalIpv6Families', values: readonly string[]): FixText {
  return {
    cdktf: `new Ipv6Checks({ ${key}: [${values.map((v) => `'${v}'`).join(', ')}] })`,
    terraform: `"${key}": [${values.map((v) => JSON.stringify(v)).join(', ')}] in .ipv6-checks.json`,
  };
}

/**
 * Suppresses a rule where the finding is, with `what` as the reason: on the construct (`where`, as the rule words
 * it), or an inline skip in the block.
 * @internal
 */
export function suppressHereFix(ruleId: string, what: string, where = 'on this construct'): FixText {
  return {
    cdktf: `suppress ${ruleId} ${where} with ${what}`,
    terraform: `skip ${ruleId} in this block with ${what} (# ipv6-checks:skip=${ruleId} <reason>)`,
  };
}

/** Text in both languages, with `FixText` parts filled in: `fix\`use ${a} or ${b}\``. @internal */
export function fix(strings: TemplateStringsArray, ...parts: Array<FixText | string | number>): FixText {
  const build = (language: 'cdktf' | 'terraform') => strings.reduce((out, s, i) => {
    const part = parts[i - 1];
    return out + (typeof part === 'object' ? part[language] : String(part)) + s;
  });
  const cdktf = build('cdktf');
  const terraform = build('terraform');
  return cdktf === terraform ? cdktf : { cdktf, terraform };
}
