import { TerraformStack, Testing } from 'cdktf';
import {
  AlicloudConfigChecker, AlicloudPlanChecker, alicloud, ConfigFinding, ConfigFindingCode, ConfigFindingLevel,
  PlanFindingCode, PlanFindingLevel,
} from '../../src';
import { toBeValidAlicloudConfig, toBeValidAlicloudPlan } from '../../src/testing/jest';
import { ipv6Eci, network, newStack } from '../rules/util';

/**
 * The configuration checker under its config names (issue 18: "plan" in the old names meant a synthesized
 * configuration; the `check` command's plans are `terraform show -json` output): `AlicloudConfigChecker`,
 * `ConfigFinding`, `ConfigFindingLevel`, `ConfigFindingCode` and `toBeValidAlicloudConfig()`. The old names
 * (test/testing/plan-checker.test.ts and the rest) give the same results.
 */

/** A stack with the alicloud provider and a VPC, changed by `build`, synthesized to JSON text. */
function synth(build: (stack: TerraformStack) => void = () => undefined): string {
  const stack = new TerraformStack(Testing.app(), 'cfg');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
  new alicloud.vpc.Vpc(stack, 'v', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
  build(stack);
  return Testing.synth(stack);
}

const valid = synth();
/** An unknown attribute (an error) and a bandwidth out of range (an error). */
const invalid = synth((s) => {
  (s.node.findChild('v') as alicloud.vpc.Vpc).addOverride('vpc_nme', 'typo');
  new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(s, 'bw', {
    bandwidth: 0, ipv6AddressId: 'ipv6-addr-1', ipv6GatewayId: 'ipv6gw-1', internetChargeType: 'PayByBandwidth',
  });
});

/** The failure text of a matcher, or undefined when it passes. */
function failure(result: { pass: boolean; message: () => string }): string | undefined {
  return result.pass ? undefined : result.message();
}

describe('AlicloudConfigChecker', () => {
  test('check and checkObject: ConfigFindings with ConfigFindingLevel and ConfigFindingCode', () => {
    expect(AlicloudConfigChecker.check(valid)).toEqual([]);
    const findings: ConfigFinding[] = AlicloudConfigChecker.check(invalid);
    const errors = findings.filter((f) => f.level === ConfigFindingLevel.ERROR);
    expect(errors.map((f) => [f.address, f.path, f.code])).toEqual([
      ['alicloud_vpc.v', 'vpc_nme', ConfigFindingCode.UNKNOWN_ATTRIBUTE],
      ['alicloud_vpc_ipv6_internet_bandwidth.bw', 'bandwidth', ConfigFindingCode.OUT_OF_RANGE],
    ]);
    expect(AlicloudConfigChecker.checkObject(JSON.parse(invalid))).toEqual(findings);
  });

  test('the same findings, text and errors as the deprecated AlicloudPlanChecker', () => {
    for (const text of [valid, invalid]) {
      expect(AlicloudConfigChecker.check(text)).toEqual(AlicloudPlanChecker.check(text));
      expect(AlicloudConfigChecker.format(AlicloudConfigChecker.check(text))).toBe(AlicloudPlanChecker.format(AlicloudPlanChecker.check(text)));
    }
    expect(() => AlicloudConfigChecker.assertValid(valid)).not.toThrow();
    let configError = '';
    let planError = '';
    try { AlicloudConfigChecker.assertValid(invalid); } catch (e) { configError = (e as Error).message; }
    try { AlicloudPlanChecker.assertValid(invalid); } catch (e) { planError = (e as Error).message; }
    expect(configError).toMatch(/^the synthesized stack violates the alicloud provider schema: 2 error\(s\):\nERROR {3}alicloud_vpc\.v vpc_nme \[unknown-attribute\]/);
    expect(configError).toBe(planError);
    // each class names itself when the input is not JSON
    expect(() => AlicloudConfigChecker.check('{not json')).toThrow(/^AlicloudConfigChecker: the input is not JSON text/);
    expect(() => AlicloudPlanChecker.check('{not json')).toThrow(/^AlicloudPlanChecker: the input is not JSON text/);
    expect(() => AlicloudConfigChecker.checkObject([])).toThrow(/must be a JSON object/);
  });

  test('format: one line per finding; "no findings" for none', () => {
    const findings: ConfigFinding[] = [
      { level: ConfigFindingLevel.ERROR, address: 'alicloud_vpc.v', path: 'vpc_nme', code: ConfigFindingCode.UNKNOWN_ATTRIBUTE, message: 'bad', constructPath: 's/v' },
      { level: ConfigFindingLevel.WARNING, address: 'alicloud_vpc.v', path: '', code: ConfigFindingCode.DEPRECATED, message: 'old' },
    ];
    expect(AlicloudConfigChecker.format(findings)).toBe(
      'ERROR   alicloud_vpc.v vpc_nme [unknown-attribute] bad (construct s/v)\nWARNING alicloud_vpc.v [deprecated] old');
    expect(AlicloudConfigChecker.format([])).toBe('no findings');
  });

  test('the config enums have exactly the members and values of the deprecated plan enums', () => {
    expect({ ...ConfigFindingLevel }).toEqual({ ...PlanFindingLevel });
    expect({ ...ConfigFindingCode }).toEqual({ ...PlanFindingCode });
    // 18 with provider-version (issue 20: the alicloud version constraint excludes 1.289.0)
    expect(Object.keys(ConfigFindingCode)).toHaveLength(18);
  });
});

describe('toBeValidAlicloudConfig()', () => {
  test('registered by setupAlicloudJest: passes on a valid stack (text or parsed), fails on an invalid one, and .not', () => {
    expect(valid).toBeValidAlicloudConfig();
    expect(JSON.parse(valid)).toBeValidAlicloudConfig();
    expect(invalid).not.toBeValidAlicloudConfig();
    expect(() => expect(invalid).toBeValidAlicloudConfig()).toThrow(
      /^expect\(received\)\.toBeValidAlicloudConfig\(\)\n\nexpected a valid alicloud configuration, but the IPv6 rule pack found 1 error\(s\)[^]*\[ALI-IPV6-007\][^]*\nand the config checker found 2 error\(s\):\nERROR {3}alicloud_vpc\.v vpc_nme \[unknown-attribute\]/);
    expect(() => expect(valid).not.toBeValidAlicloudConfig()).toThrow(/the IPv6 rule pack and the config checker found no errors/);
    expect(() => expect(42).toBeValidAlicloudConfig()).toThrow(/expected a synthesized Terraform JSON stack/);
    expect(() => expect(42).not.toBeValidAlicloudConfig()).toThrow(/cannot be judged, so this matcher fails \(also with \.not\)/);
  });

  test('an IPv6 rule-pack error fails it, naming the rule, the path and the message', () => {
    const stack = newStack('cn-huhehaote', 'cfgbad');
    ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.hfc5.xlarge' });
    const message = failure(toBeValidAlicloudConfig(Testing.synth(stack)));
    expect(message).toMatch(/^expected a valid alicloud configuration, but the IPv6 rule pack found 1 error\(s\)/);
    expect(message).toMatch(/ERROR +cfgbad\/Web \[ALI-IPV6-002\]/);
  });

  test('the deprecated toBeValidAlicloudPlan() passes and fails alike, on the same findings, in its old words', () => {
    const bad = newStack('cn-huhehaote', 'cfgboth');
    ipv6Eci(bad, 'Web', network(bad), { instanceType: 'ecs.hfc5.xlarge' });
    const inputs: unknown[] = [valid, JSON.parse(valid), invalid, Testing.synth(bad), 42, '{not json'];
    for (const input of inputs) {
      const config = toBeValidAlicloudConfig(input);
      const plan = toBeValidAlicloudPlan(input);
      expect(plan.pass).toBe(config.pass);
      const oldWords = config.message()
        .replace('a valid alicloud configuration', 'a valid alicloud plan')
        .replace(/the config checker/g, 'the plan checker');
      expect(plan.message()).toBe(oldWords);
    }
  });
});
