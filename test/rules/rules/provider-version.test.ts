import { Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { evaluateDocument } from '../../../src/rules/engine';
import { docFindings, tfDoc } from '../doc';
import { annotations, findingsOf, rawStack } from '../util';

const ID = Ipv6RuleId.PROVIDER_VERSION;

const pinned = (version: unknown): Record<string, any> => ({ ...tfDoc(), terraform: { required_providers: { alicloud: { source: 'aliyun/alicloud', version } } } });

describe('ALI-IPV6-016 provider-version', () => {
  test('a constraint that excludes 1.289.0: one warning for the stack, naming both versions', () => {
    const found = docFindings(pinned('~> 1.263.0'), ID);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, address: 'stack doc' });
    expect(found[0].message).toBe('the configuration requires aliyun/alicloud ~> 1.263.0; these checks use the 1.289.0 schema, so arguments added or removed since may be misjudged');
  });

  test('one warning per stack, however many resources', () => {
    const doc = pinned('1.263.0');
    doc.resource = { alicloud_vpc: { a: { cidr_block: '10.0.0.0/16' }, b: { cidr_block: '10.1.0.0/16' } } };
    expect(docFindings(doc, ID)).toHaveLength(1);
  });

  test.each(['1.289.0', '>= 1.200.0', '~> 1.289', '>= 1.200, < 1.300'])('a constraint that admits 1.289.0 (%s), or none: no finding', (v) => {
    expect(docFindings(pinned(v), ID)).toEqual([]);
    expect(docFindings(tfDoc(), ID)).toEqual([]);
  });

  test('a constraint the checks cannot read: not verifiable, still a warning (never a silent pass)', () => {
    const found = docFindings(pinned('latest'), ID);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.WARNING });
    expect(found[0].message).toContain('"latest"');
    expect(docFindings(pinned('${var.v}'), ID)).toHaveLength(1);
  });

  test('the list form of HCL (terraform blocks as a list, as hcl2json writes them)', () => {
    const doc = { ...tfDoc(), terraform: [{ required_providers: [{ alicloud: { source: 'aliyun/alicloud', version: '< 1.280.0' } }] }] };
    expect(docFindings(doc, ID)[0].message).toContain('requires aliyun/alicloud < 1.280.0');
  });

  test('at synth: a stack whose constraint is overridden gets an annotation warning; the fix is cdktf code', () => {
    const stack = rawStack('cn-hangzhou', undefined, 'pinned');
    stack.addOverride('terraform.required_providers.alicloud.version', '1.263.0');
    const found = findingsOf(stack, ID);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('requires aliyun/alicloud 1.263.0');
    expect(found[0].fix).toContain("Ipv6Checks.suppress(stack, 'ALI-IPV6-016', reason)");
    expect(annotations(stack, 'warn').filter((a) => a.includes('[ALI-IPV6-016]'))).toHaveLength(1);
    // the bindings' own constraint (1.289.0) admits the schema's release: no finding without the override
    expect(findingsOf(rawStack('cn-hangzhou', undefined, 'plain'), ID)).toEqual([]);
  });

  test('with language terraform (the check command on HCL), the fix is Terraform', () => {
    const pack = new Ipv6Checks();
    const found = evaluateDocument(pinned('1.263.0'), { facts: pack._facts, ruleLevels: pack._ruleLevels, stackPath: 'main.tf', stackLabel: 'main.tf', language: 'terraform' })
      .filter((f) => f.ruleId === ID);
    expect(found[0].fix).toContain('version = "~> 1.289.0"');
    expect(found[0].fix).toContain('"ruleLevels": { "ALI-IPV6-016": "off" }');
    expect(found[0].fix).not.toContain('Ipv6Checks');
  });
});
