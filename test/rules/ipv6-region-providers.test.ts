import { docFinding, docFindings, tfDoc } from './doc';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

const ID = Ipv6RuleId.REGION;
const VPC = { alicloud_vpc: { v: { cidr_block: '10.0.0.0/16', enable_ipv6: true } } };
const vpcIn = (provider: unknown, meta?: string) => tfDoc({ alicloud_vpc: { v: { cidr_block: '10.0.0.0/16', enable_ipv6: true, ...(meta ? { provider: meta } : {}) } } }, {}, provider);

describe('ALI-IPV6-001 reads the region from the provider configuration the resource uses', () => {
  test('a VPC in a listed region is compliant, with the region and the provider in the message', () => {
    expect(docFinding(tfDoc(VPC), ID)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      level: Ipv6CheckLevel.ERROR,
      address: 'alicloud_vpc.v',
      message: 'VPC alicloud_vpc.v (IPv6 enabled) deploys to cn-hangzhou (the default provider "alicloud"), which supports VPC IPv6',
    });
    expect(docFinding(tfDoc(VPC), ID).fix).toBeUndefined();
  });

  test('a region outside the list is an error whose fix lists the regions and the additionalRegions option', () => {
    const f = docFinding(vpcIn({ region: 'me-east-1' }), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(f.message).toBe('VPC alicloud_vpc.v (IPv6 enabled) deploys to region me-east-1 (the default provider "alicloud"), which is not in the list of regions with an IPv6 gateway; the API would fail at apply with Ipv6AddressNotSupport'
      + ' (list: the ECS guide "为ECS实例实现IPv6通信" and its English copy, section "Regions that support IPv6 Gateway" (https://help.aliyun.com/zh/ecs/user-guide/step-1-create-a-vpc-that-supports-ipv6-addressing-step-1-create-a-vpc-that-supports-ipv6-addressing, read 2026-12))');
    expect(f.fix).toBe('deploy to a region with an IPv6 gateway ('
      + 'China: cn-qingdao, cn-beijing, cn-zhangjiakou, cn-huhehaote, cn-wulanchabu, cn-hangzhou, cn-shanghai, cn-fuzhou, cn-shenzhen, cn-heyuan, cn-guangzhou, cn-chengdu, cn-hongkong, cn-nanjing, cn-wuhan-lr; '
      + 'Asia Pacific: ap-southeast-6, ap-southeast-1, ap-northeast-1, ap-northeast-2, ap-southeast-5, ap-southeast-3, ap-southeast-7; '
      + 'Europe & Americas: us-east-1, us-west-1, eu-central-1, eu-west-1, na-south-1; Middle East: me-central-1); '
      + "or, if Alibaba Cloud now supports IPv6 in me-east-1, add it with new Ipv6Checks({ additionalRegions: ['me-east-1'] })");
  });

  test('regions added by the user are listed in their own group', () => {
    const f = docFinding(vpcIn({ region: 'me-east-1' }), ID, undefined, { additionalRegions: ['cn-zhongwei'] });
    expect(f.fix).toContain('Middle East: me-central-1; added with additionalRegions: cn-zhongwei)');
  });

  test('the region is trimmed, and additionalRegions are compared in lower case', () => {
    expect(docFinding(vpcIn({ region: ' cn-hangzhou ' }), ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(docFinding(vpcIn({ region: 'me-east-1' }), ID, undefined, { additionalRegions: [' ME-East-1 '] }).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('provider = "alicloud.<alias>" picks the configuration with that alias from a list of providers', () => {
    const providers = [{ region: 'cn-hangzhou' }, { alias: 'dubai', region: 'me-east-1' }, { alias: 'sh', region: 'cn-shanghai' }];
    const away = docFinding(vpcIn(providers, 'alicloud.dubai'), ID);
    expect(away.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(away.message).toContain('deploys to region me-east-1 (provider "alicloud" (alias "dubai"))');
    expect(docFinding(vpcIn(providers, 'alicloud.sh'), ID).message).toContain('deploys to cn-shanghai (provider "alicloud" (alias "sh"))');
    expect(docFinding(vpcIn(providers), ID).message).toContain('deploys to cn-hangzhou (the default provider "alicloud")');
  });

  test('when two configurations have the same alias, the first one counts', () => {
    expect(docFinding(vpcIn([{ region: 'cn-hangzhou' }, { region: 'me-east-1' }]), ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(docFinding(vpcIn([{ region: 'me-east-1' }, { region: 'cn-hangzhou' }]), ID).status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
  });

  test('a provider meta-argument that is not alicloud.<alias> falls back to the default provider', () => {
    expect(docFinding(vpcIn({ region: 'cn-hangzhou' }, 'alicloud'), ID).message).toContain('(the default provider "alicloud")');
  });

  test.each([
    ['an unknown alias', { region: 'cn-hangzhou' }, 'alicloud.nope', 'no alicloud provider has alias "nope"'],
    ['a provider expression', { region: 'cn-hangzhou' }, '${var.which}', 'its provider is the expression ${var.which}'],
    ['a provider section that is an expression', '${var.providers}', undefined, 'the alicloud provider configuration is an expression'],
    ['no region', {}, undefined, 'the default provider "alicloud" sets no region, so it comes from ALICLOUD_REGION / ALIBABA_CLOUD_REGION at apply time'],
    ['an empty region', { region: '' }, undefined, 'sets no region'],
    ['a null region', { region: null }, undefined, 'sets no region'],
    ['a region expression', { region: '${var.region}' }, undefined, 'the region of the default provider "alicloud" is the expression ${var.region}, known only at apply time'],
    ['a region that is not a string', { region: 42 }, undefined, 'the region of the default provider "alicloud" is the expression 42, known only at apply time'],
    ['no provider block', null, undefined, 'the stack has no alicloud provider block, so the region comes from ALICLOUD_REGION at apply time'],
  ])('%s cannot be verified: a warning that says why', (_what, provider, meta, why) => {
    const f = docFinding(vpcIn(provider, meta), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.WARNING });
    expect(f.message.startsWith('Cannot verify at synth time that VPC alicloud_vpc.v (IPv6 enabled) is in a region with IPv6: ')).toBe(true);
    expect(f.message).toContain(why);
    expect(f.fix).toBe('set a literal region on the alicloud provider (new AlicloudProvider(stack, \'alicloud\', { region: \'cn-hangzhou\' })), or suppress ALI-IPV6-001 with the reason');
  });

  test('a provider list entry that is not an object is skipped', () => {
    expect(docFinding(vpcIn(['${var.x}', { region: 'cn-hangzhou' }]), ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('gateways and IPv6 CIDR blocks are subjects, each with its own label', () => {
    const doc = tfDoc({
      alicloud_vpc: { v: { cidr_block: '10.0.0.0/16' } },
      alicloud_vpc_ipv6_gateway: { gw: { vpc_id: '${alicloud_vpc.v.id}' } },
      alicloud_vpc_ipv6_cidr_block: { c: { vpc_id: '${alicloud_vpc.v.id}' } },
    }, {}, { region: 'me-east-1' });
    const found = docFindings(doc, ID);
    expect(found.map((f) => [f.address, f.status])).toEqual([
      ['alicloud_vpc.v', Ipv6CheckStatus.NON_COMPLIANT],
      ['alicloud_vpc_ipv6_gateway.gw', Ipv6CheckStatus.NON_COMPLIANT],
      ['alicloud_vpc_ipv6_cidr_block.c', Ipv6CheckStatus.NON_COMPLIANT],
    ]);
    expect(found[1].message).toMatch(/^IPv6 gateway alicloud_vpc_ipv6_gateway\.gw deploys to region me-east-1 /);
    expect(found[2].message).toMatch(/^IPv6 CIDR block alicloud_vpc_ipv6_cidr_block\.c deploys to region me-east-1 /);
  });

  test('a VPC whose enable_ipv6 is false, or an expression, is not a subject', () => {
    const doc = tfDoc({ alicloud_vpc: { off: { enable_ipv6: false }, maybe: { enable_ipv6: '${var.v6}' }, str: { enable_ipv6: 'true' } } }, {}, { region: 'me-east-1' });
    expect(docFindings(doc, ID).map((f) => f.address)).toEqual(['alicloud_vpc.str']);
  });
});
