import { Aspects, Fn, TerraformVariable } from 'cdktf';
import { alicloud, Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { annotations, findingsOf, ipv6Eci, network, newStack, only, rawNetwork, rawRosEci, rawStack } from '../util';

const ID = Ipv6RuleId.REGION;

describe('ALI-IPV6-001 ipv6-region', () => {
  test('an IPv6 ECI, VPC and gateway in a region with VPC IPv6 are compliant', () => {
    const stack = newStack('cn-hangzhou');
    const net = network(stack, ['cn-hangzhou-h']);
    ipv6Eci(stack, 'Web', net);
    const found = findingsOf(stack, ID);
    expect(found.map((f) => f.address.split('.')[0]).sort()).toEqual(['alicloud_ros_stack', 'alicloud_vpc', 'alicloud_vpc_ipv6_gateway']);
    expect(found.every((f) => f.status === Ipv6CheckStatus.COMPLIANT)).toBe(true);
  });

  test('an IPv6 ECI in a region outside the list is an error naming the region, the provider and the fix', () => {
    const stack = newStack('me-east-1');
    const net = network(stack, ['me-east-1a']);
    ipv6Eci(stack, 'Web', net);
    const f = only(stack, ID, 'test/Web');
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, constructPath: 'test/Web' });
    expect(f.message).toMatch(/^ContainerGroup 'test\/Web' deploys to region me-east-1/);
    expect(f.message).toContain('me-east-1');
    expect(f.message).toContain('Ipv6AddressNotSupport');
    expect(f.fix).toContain("additionalRegions: ['me-east-1']");
    expect(annotations(stack).find((a) => a.startsWith('test/Web: [ALI-IPV6-001]'))).toMatch(/\. Fix: deploy to a region with an IPv6 gateway \(China: cn-qingdao, .*\.$/);
  });

  test('one provider in a region without IPv6 is one error; the other resources are infos linked to it', () => {
    const stack = newStack('me-east-1');
    const net = network(stack, ['me-east-1a']);
    ipv6Eci(stack, 'Web', net);
    const found = findingsOf(stack, ID);
    expect(found).toHaveLength(3); // the ECI, the VPC and the gateway
    const errors = found.filter((f) => f.level === Ipv6CheckLevel.ERROR);
    expect(errors).toHaveLength(1);
    const [root] = errors;
    expect(root.constructPath).toBe('test/Web');
    expect(root.linkedTo).toBeUndefined();
    expect(root.message).toMatch(/; the same cause also affects 'test\/Vpc\/Resource', 'test\/Vpc\/Ipv6Gateway\/Resource' \(linked infos\)$/);
    const others = found.filter((f) => f !== root);
    for (const f of others) {
      expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.INFO, linkedTo: 'test/Web' });
      expect(f.fix).toBe("the same cause as [ALI-IPV6-001] at 'test/Web', which is reported there once: fix it there");
      expect(f.fix).not.toContain('cn-qingdao'); // the region list is given once, in the root finding
    }
    const regionErrors = annotations(stack).filter((a) => a.includes('[ALI-IPV6-001]') && a.includes('cn-qingdao'));
    expect(regionErrors).toHaveLength(1);
  });

  test('two providers in two regions without IPv6 are two root causes', () => {
    const stack = newStack('me-east-1');
    new alicloud.provider.AlicloudProvider(stack, 'other', { region: 'cn-zhongwei', alias: 'other' });
    new alicloud.vpc.Vpc(stack, 'A', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    new alicloud.vpc.Vpc(stack, 'B', { cidrBlock: '10.1.0.0/16', enableIpv6: true });
    const other = new alicloud.vpc.Vpc(stack, 'C', { cidrBlock: '10.2.0.0/16', enableIpv6: true });
    other.addOverride('provider', 'alicloud.other');
    Aspects.of(stack).add(new Ipv6Checks());
    const found = findingsOf(stack, ID);
    expect(found.filter((f) => f.level === Ipv6CheckLevel.ERROR).map((f) => f.constructPath).sort()).toEqual(['test/A', 'test/C']);
    expect(found.find((f) => f.constructPath === 'test/B')).toMatchObject({ level: Ipv6CheckLevel.INFO, linkedTo: 'test/A' });
  });

  test('ECIs without IPv6 (count 0, unset, a native group) are not checked, whatever the region', () => {
    const stack = rawStack('me-east-1');
    const net = rawNetwork(stack, { zoneId: 'me-east-1a', enableIpv6: false, ipv6CidrBlockMask: undefined }, { enableIpv6: false });
    rawRosEci(stack, 'NoIpv6', net.vswitch.id, net.sg.id, { Ipv6AddressCount: 0 });
    rawRosEci(stack, 'Unset', net.vswitch.id, net.sg.id, { Ipv6AddressCount: undefined });
    new alicloud.eciContainerGroup.EciContainerGroup(stack, 'Native', {
      containerGroupName: 'native', securityGroupId: net.sg.id, vswitchId: net.vswitch.id, containers: [{ name: 'web', image: 'nginx' }],
    });
    expect(findingsOf(stack, ID)).toEqual([]);
  });

  test('a resource with provider = "alicloud.x" uses that alias\'s region', () => {
    const stack = rawStack('cn-hangzhou');
    const dubai = new alicloud.provider.AlicloudProvider(stack, 'dubai', { region: 'me-east-1', alias: 'dubai' });
    new alicloud.vpc.Vpc(stack, 'Home', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    new alicloud.vpc.Vpc(stack, 'Away', { cidrBlock: '10.1.0.0/16', enableIpv6: true, provider: dubai });
    expect(only(stack, ID, 'Home').status).toBe(Ipv6CheckStatus.COMPLIANT);
    const away = only(stack, ID, 'Away');
    expect(away.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(away.message).toContain('provider "alicloud" (alias "dubai")');
  });

  test('additionalRegions extends the list', () => {
    const stack = rawStack('me-east-1', { additionalRegions: ['me-east-1'] });
    new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('a VPC without IPv6 is not checked', () => {
    const stack = rawStack('me-east-1');
    new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    expect(findingsOf(stack, ID)).toEqual([]);
  });

  test('a region from a variable cannot be verified: a warning, no crash', () => {
    const stack = rawStack(null);
    const region = new TerraformVariable(stack, 'region', { type: 'string' });
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: region.stringValue });
    const net = rawNetwork(stack);
    rawRosEci(stack, 'Eci', net.vswitch.id, net.sg.id);
    const f = only(stack, ID, 'Eci');
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.WARNING });
    expect(f.message).toMatch(/^Cannot verify at synth time .*var\.region/);
    expect(annotations(stack, 'warn').some((a) => a.includes('[ALI-IPV6-001] Cannot verify'))).toBe(true);
  });

  test('no provider block: the region comes from the environment at apply, a warning', () => {
    const stack = rawStack(null);
    new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    const f = only(stack, ID);
    expect(f.status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
    expect(f.message).toContain('ALICLOUD_REGION');
  });

  test('a region built with a function (token) cannot be verified either', () => {
    const stack = rawStack(null);
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: Fn.lower('CN-HANGZHOU') });
    new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
  });
});
