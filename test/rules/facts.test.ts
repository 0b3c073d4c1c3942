import * as fs from 'fs';
import * as path from 'path';
import { docFinding, ipv6Net, rosStack, tfDoc } from './doc';
import { Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId } from '../../src';
import {
  BANDWIDTH_CAPS, BANDWIDTH_RANGE, familyOf, HOHHOT_ONLY_NOTE, IPV6_FAMILIES, IPV6_REGIONS, NON_IPV6_FAMILIES,
} from '../../src/rules/facts';

const ROOT = path.join(__dirname, '..', '..');
const RULES_MD = fs.readFileSync(path.join(ROOT, 'RULES.md'), 'utf-8');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
const ALL_FAMILIES = [...IPV6_FAMILIES, ...NON_IPV6_FAMILIES];

/** A document with one IPv6 VPC in `region`. */
const vpcIn = (region: string) => tfDoc({ alicloud_vpc: { v: { cidr_block: '10.0.0.0/16', enable_ipv6: true } } }, {}, { region });
/** A document with one IPv6 ROS ECI of `type`. */
const eciOf = (type: string) => tfDoc(ipv6Net({ alicloud_ros_stack: { eci: rosStack({ InstanceType: type }) } }));

describe('facts and RULES.md', () => {
  test('every fact has a source URL, a date and no machine path', () => {
    for (const f of [...IPV6_REGIONS, ...ALL_FAMILIES]) {
      expect(f.source.url).toMatch(/^https:\/\//);
      expect(f.source.date.length).toBeGreaterThan(3);
      expect(JSON.stringify(f.source)).not.toMatch(/\/work\/|\/home\/|\/tmp\/|[A-Z]:\\/);
    }
    for (const c of Object.values(BANDWIDTH_CAPS)) expect(c.source.url).toMatch(/^https:\/\/github\.com\/aliyun\/alibabacloud-go-sdk\/blob\/[0-9a-f]{40}\//);
    expect(HOHHOT_ONLY_NOTE.note).toContain('Hohhot');
  });

  test('the source files of the facts and the rules name no machine path', () => {
    for (const dir of ['src/rules/facts', 'src/rules/rules', 'src/eci']) {
      for (const file of fs.readdirSync(path.join(ROOT, dir))) {
        expect(`${dir}/${file}: ${fs.readFileSync(path.join(ROOT, dir, file), 'utf-8')}`).not.toMatch(/\/work\/|\/home\/[a-z]/);
      }
    }
  });

  test('regions: 28, no duplicate; the ones only one language version lists say so, closing-down ones too', () => {
    const ids = IPV6_REGIONS.map((r) => r.regionId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(28);
    const note = (id: string) => IPV6_REGIONS.find((r) => r.regionId === id)!.source.note!;
    for (const id of ['na-south-1', 'me-central-1']) expect(note(id)).toContain('only by the English copy');
    for (const id of ['cn-nanjing', 'cn-wuhan-lr']) expect(note(id)).toContain('only by the Chinese page');
    for (const id of ['cn-fuzhou', 'cn-nanjing']) expect(note(id)).toContain('closing down');
    for (const id of ['ap-northeast-1', 'ap-northeast-2', 'ap-southeast-3', 'ap-southeast-5', 'ap-southeast-7', 'us-west-1', 'eu-west-1', 'cn-fuzhou']) {
      expect(note(id)).toContain('listed by the Chinese guide and by its English copy');
    }
  });

  test.each(IPV6_REGIONS.map((r) => [r.regionId]))('an IPv6 VPC in %s passes ALI-IPV6-001', (region) => {
    expect(docFinding(vpcIn(region), Ipv6RuleId.REGION).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test.each([['me-east-1'], ['cn-zhongwei'], ['ap-south-1']])('an IPv6 VPC in %s (listed by neither version) fails ALI-IPV6-001', (region) => {
    expect(docFinding(vpcIn(region), Ipv6RuleId.REGION).status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
  });

  test('families: no duplicate, none in both tables, 20 in the deny list', () => {
    const keys = ALL_FAMILIES.map((f) => f.family);
    expect(new Set(keys).size).toBe(keys.length);
    expect(NON_IPV6_FAMILIES.map((f) => f.family).sort()).toEqual(
      ['ic5', 'se1', 'd1', 'i2g', 'i1', 'hfc5', 'hfg5', 'ebmg5', 'ebmr5s', 'xn4', 'n4', 'mn4', 'e4', 'scch5', 'gn5', 'n1', 'n2', 'e3', 'sn2', 'sn1'].sort());
    for (const f of ['n1', 'n2', 'e3', 'sn2', 'sn1']) expect(NON_IPV6_FAMILIES.find((x) => x.family === f)!.source.note).toContain('only by the English copy');
    expect(IPV6_FAMILIES.map((f) => f.family)).not.toContain('gn8ia');
  });

  test.each(NON_IPV6_FAMILIES.map((f) => [f.family]))('deny list: an IPv6 ECI of ecs.%s.large is an error naming the family', (family) => {
    const f = docFinding(eciOf(`ecs.${family}.large`), Ipv6RuleId.INSTANCE_FAMILY);
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toContain(`ecs.${family}.large (family ${family}), which does not support IPv6`);
  });

  test.each(IPV6_FAMILIES.map((f) => [f.family]))('IPv6 family %s: a plain type and a variant type pass ALI-IPV6-002', (family) => {
    const f = docFinding(eciOf(`ecs.${family}.large,ecs.${family}-m2.xlarge`), Ipv6RuleId.INSTANCE_FAMILY);
    expect(f.status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test.each(ALL_FAMILIES.map((f) => [f.family]))('family key of %s: plain, variant and two-variant type names', (family) => {
    expect(familyOf(`ecs.${family}.large`)).toBe(family);
    expect(familyOf(`ecs.${family}-m2.xlarge`)).toBe(family);
    expect(familyOf(`ECS.${family.toUpperCase()}-C4G1-X.2XLARGE `)).toBe(family);
  });

  test('RULES.md and the README document every rule, region and family, with the new sources and the date', () => {
    for (const r of Ipv6Checks.rules()) {
      expect(RULES_MD).toContain(`### ${r.ruleId} \`${r.name}\``);
      expect(RULES_MD).toContain(`| \`${r.ruleId}\` | \`${r.name}\` |`);
    }
    for (const r of IPV6_REGIONS) expect(RULES_MD).toContain(`\`${r.regionId}\``);
    for (const f of ALL_FAMILIES) expect(RULES_MD).toContain(`\`${f.family}\``);
    for (const doc of [RULES_MD, README]) {
      expect(doc).toContain('2026-12');
      expect(doc).toContain('step-1-create-a-vpc-that-supports-ipv6-addressing');
      expect(doc).toMatch(/table is the first line/);
      expect(doc).toMatch(/authoritative second/);
      expect(doc).toContain('instanceTypeGuard: false');
    }
    expect(RULES_MD).toContain(`${BANDWIDTH_RANGE.min}–${BANDWIDTH_RANGE.max}`);
    expect(RULES_MD).toContain('AllocateIpv6InternetBandwidth');
    expect(RULES_MD).not.toMatch(/\/work\/|disputed/);
  });

  test('each rule lives in one file named after it', () => {
    const dir = path.join(ROOT, 'src', 'rules', 'rules');
    const files = fs.readdirSync(dir).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, '')).sort();
    expect(files).toEqual(Ipv6Checks.rules().filter((r) => r.ruleId !== 'ALI-IPV6-ERR').map((r) => r.name).sort());
  });
});
