import { TerraformStack, Testing } from 'cdktf';
import { AlicloudConfigChecker, alicloud, ConfigFindingCode, ConfigFindingLevel, Ipv6CheckLevel } from '../../src';
import { FLAVOUR } from '../../src/core/flavour';
import { toBeValidAlicloudConfig, toHaveIpv6Finding } from '../../src/testing/jest';

/**
 * Issue 20, item 8: a stack whose alicloud version constraint excludes 1.289.0 gets one warning from the config
 * checker and the jest matchers (console.warn, once per stack), naming both versions; it fails no matcher.
 */

function synth(id: string, version?: string): string {
  const stack = new TerraformStack(Testing.app(), id);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
  new alicloud.vpc.Vpc(stack, 'a', { cidrBlock: '10.0.0.0/16', vpcName: id });
  new alicloud.vpc.Vpc(stack, 'b', { cidrBlock: '10.1.0.0/16' });
  if (version !== undefined) stack.addOverride('terraform.required_providers.alicloud.version', version);
  return Testing.synth(stack);
}

const TEXT = 'the configuration requires aliyun/alicloud ~> 1.263.0; these checks use the 1.289.0 schema, so arguments added or removed since may be misjudged';

describe('the version constraint in the config checker and the jest matchers', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  test('AlicloudConfigChecker: one provider-version warning per stack, naming both versions; assertValid does not throw', () => {
    const text = synth('pinned-checker', '~> 1.263.0');
    const found = AlicloudConfigChecker.check(text).filter((f) => f.code === ConfigFindingCode.PROVIDER_VERSION);
    expect(found).toEqual([{ level: ConfigFindingLevel.WARNING, address: 'terraform', path: 'required_providers.alicloud.version', code: 'provider-version', message: TEXT }]);
    expect(() => AlicloudConfigChecker.assertValid(text)).not.toThrow();
    // the bindings' own constraint (1.289.0): no warning
    expect(AlicloudConfigChecker.check(synth('plain-checker')).filter((f) => f.code === ConfigFindingCode.PROVIDER_VERSION)).toEqual([]);
  });

  test('toBeValidAlicloudConfig passes and warns once per stack with console.warn; a stack that admits 1.289.0 is not warned about', () => {
    const text = synth('pinned-matcher', '~> 1.263.0');
    expect(toBeValidAlicloudConfig(text).pass).toBe(true);
    expect(toBeValidAlicloudConfig(text).message()).toContain(`warning: ${TEXT}`);
    expect(warn).toHaveBeenCalledTimes(1);
    // Testing.synth output names no stack: the warning names the constraint and both versions
    expect(warn.mock.calls[0][0]).toBe(`${FLAVOUR.packageName}: ${TEXT} (ALI-IPV6-016)`);
    // another stack (another document) with the same constraint is warned about too
    toBeValidAlicloudConfig(synth('pinned-other', '~> 1.263.0'));
    expect(warn).toHaveBeenCalledTimes(2);
    expect(toBeValidAlicloudConfig(synth('plain-matcher')).pass).toBe(true);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  test('toHaveIpv6Finding: the rule pack\'s ALI-IPV6-016 finding, and the same console warning', () => {
    const text = synth('pinned-finding', '< 1.280');
    const result = toHaveIpv6Finding(text, 'ALI-IPV6-016', { level: Ipv6CheckLevel.WARNING });
    expect(result.pass).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('requires aliyun/alicloud < 1.280; these checks use the 1.289.0 schema');
    expect(toHaveIpv6Finding(synth('plain-finding'), 'ALI-IPV6-016').pass).toBe(false);
  });
});
