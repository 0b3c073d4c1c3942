import { Ipv6CheckFinding, Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { evaluateDocument } from '../../../src/rules/engine';
import { FixLanguage } from '../../../src/rules/rule';
import { docFindings, tfDoc } from '../doc';

const ID = Ipv6RuleId.PROVIDER_SCHEMA;

/** The engine as the `check` command runs it on configuration: the whole provider schema, fixes in `language`. */
function check(doc: Record<string, any>, language: FixLanguage = 'terraform', providerSchema = true): Ipv6CheckFinding[] {
  const pack = new Ipv6Checks();
  return evaluateDocument(doc, { facts: pack._facts, ruleLevels: pack._ruleLevels, stackPath: 'main.tf', stackLabel: 'main.tf', language, providerSchema })
    .filter((f) => f.ruleId === ID);
}

const problems = (found: Ipv6CheckFinding[]) => found.filter((f) => f.status !== Ipv6CheckStatus.COMPLIANT);

const VPC = { vpc_name: 'v', cidr_block: '10.0.0.0/16' };

describe('ALI-IPV6-015 provider-schema', () => {
  test('off unless asked for (at synth, and for plans): a bogus argument gives no finding of the rule', () => {
    const doc = tfDoc({ alicloud_vpc: { main: { ...VPC, bogus_attr: 1 } } });
    expect(docFindings(doc, ID)).toEqual([]);
    expect(check(doc, 'terraform', false)).toEqual([]);
  });

  test('a configuration that follows the schema: one compliant finding per alicloud block and provider', () => {
    const found = check(tfDoc({ alicloud_vpc: { main: { ...VPC, enable_ipv6: true } } }, { alicloud_zones: { z: { available_resource_creation: 'VSwitch' } } }));
    expect(found.map((f) => [f.address, f.status])).toEqual([
      ['provider.alicloud', Ipv6CheckStatus.COMPLIANT],
      ['alicloud_vpc.main', Ipv6CheckStatus.COMPLIANT],
      ['data.alicloud_zones.z', Ipv6CheckStatus.COMPLIANT],
    ]);
  });

  test('an unknown argument, a string where a bool is wanted: errors naming the argument (one finding each)', () => {
    const found = problems(check(tfDoc({ alicloud_vpc: { main: { ...VPC, enable_ipv6: 'sometimes', vpc_nme: 'x' } } })));
    expect(found).toHaveLength(2);
    for (const f of found) expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, address: 'alicloud_vpc.main' });
    expect(found.find((f) => f.message.includes('enable_ipv6'))!.message).toContain('must be bool, got string "sometimes"');
    const unknown = found.find((f) => f.message.includes('vpc_nme'))!;
    expect(unknown.message).toContain('Did you mean "vpc_name"?');
    expect(unknown.fix).toContain('correct its name');
  });

  test('expressions are unknown, never flagged; literals that convert (the string "true", the string "5") pass', () => {
    const found = check(tfDoc({
      alicloud_vpc: { main: { ...VPC, enable_ipv6: '${var.ipv6}' } },
      alicloud_vswitch: { a: { vpc_id: '${alicloud_vpc.main.id}', cidr_block: '10.0.1.0/24', zone_id: 'cn-hangzhou-h', enable_ipv6: 'true', ipv6_cidr_block_mask: '5' } },
    }));
    expect(problems(found)).toEqual([]);
  });

  test('a missing required argument and too many blocks', () => {
    const found = problems(check(tfDoc({
      alicloud_security_group_rule: { r: { type: 'ingress', ip_protocol: 'tcp' } },
      alicloud_eci_container_group: {
        g: {
          container_group_name: 'g',
          security_group_id: 'sg-1',
          vswitch_id: 'vsw-1',
          containers: [{ name: 'c', image: 'nginx' }],
          dns_config: [{ name_servers: ['1.1.1.1'] }, { name_servers: ['8.8.8.8'] }],
        },
      },
    })));
    expect(found.find((f) => f.address === 'alicloud_security_group_rule.r')!.message).toContain('"security_group_id" (string) of alicloud_security_group_rule is required but not set');
    const tooMany = found.find((f) => f.address === 'alicloud_eci_container_group.g' && f.message.includes('dns_config'))!;
    expect(tooMany).toMatchObject({ level: Ipv6CheckLevel.ERROR });
    expect(tooMany.message).toMatch(/at most 1/);
  });

  test('an unknown alicloud type cannot be verified (a warning, with "did you mean"); other providers are left alone', () => {
    const found = check(tfDoc({ alicloud_vswich: { a: { vpc_id: 'vpc-1' } }, random_pet: { p: { whatever: 1 } } }));
    expect(found.map((f) => f.address)).toEqual(['provider.alicloud', 'alicloud_vswich.a']);
    expect(found[1]).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.WARNING });
    expect(found[1].message).toContain('Did you mean "alicloud_vswitch"?');
  });

  test('provider configurations are walked, at the address Terraform gives them (the alias)', () => {
    const found = problems(check(tfDoc({}, {}, [{ region: 'cn-hangzhou', regoin: 'x' }, { alias: 'hk', region: 'cn-hongkong', acess_key: 'k' }])));
    expect(found.map((f) => f.address)).toEqual(['provider.alicloud', 'provider.alicloud.hk']);
    expect(found[0].message).toContain('Did you mean "region"?');
  });

  test('resource limits are left to ALI-IPV6-010 (no second finding); a data source\'s limits are reported here', () => {
    const pack = new Ipv6Checks();
    const doc = tfDoc({ alicloud_security_group_rule: { r: { type: 'ingress', ip_protocol: 'sctp', security_group_id: 'sg-1', ipv6_cidr_ip: '::/0' } } },
      { alicloud_zones: { z: { available_resource_creation: 'Nothing' } } });
    const all = evaluateDocument(doc, { facts: pack._facts, ruleLevels: pack._ruleLevels, stackPath: 's', stackLabel: 's', providerSchema: true });
    const onRule = all.filter((f) => f.address === 'alicloud_security_group_rule.r' && f.status === Ipv6CheckStatus.NON_COMPLIANT);
    expect(onRule.map((f) => f.ruleId)).toEqual([Ipv6RuleId.PROVIDER_CONSTRAINTS]);
    const zones = all.filter((f) => f.address === 'data.alicloud_zones.z' && f.ruleId === ID);
    expect(zones).toHaveLength(1);
    expect(zones[0].message).toContain('available_resource_creation');
  });

  test('an alias no provider declares: the fix adds the provider in the input\'s language', () => {
    const doc = tfDoc({ alicloud_vpc: { main: { ...VPC, provider: 'alicloud.hk' } } });
    const hcl = problems(check(doc, 'terraform'))[0];
    expect(hcl.message).toContain('no alicloud provider block has alias "hk"');
    expect(hcl.fix).toContain('provider "alicloud" { alias = "hk"');
    expect(hcl.fix).not.toContain('new AlicloudProvider');
    expect(problems(check(doc, 'cdktf'))[0].fix).toContain("new AlicloudProvider(stack, 'hk'");
  });
});
