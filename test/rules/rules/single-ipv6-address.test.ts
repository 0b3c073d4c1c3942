import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, ContainerGroupFleet, Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { ipv6Eci, network, newStack, only, rawNetwork, rawRosEci, rawStack, statuses } from '../util';

const ID = Ipv6RuleId.SINGLE_IPV6_ADDRESS;

function fleet(stack: ReturnType<typeof newStack>) {
  const net = network(stack);
  return new ContainerGroupFleet(stack, 'Fleet', {
    vpc: net.vpc,
    securityGroup: net.securityGroup,
    minSize: 1,
    maxSize: 2,
    ipv6AddressCount: 1,
    containers: [{ name: 'worker', image: 'busybox' }],
  });
}

describe('ALI-IPV6-003 single-ipv6-address', () => {
  test('one IPv6 address (ROS and ESS) is compliant', () => {
    const stack = newStack();
    fleet(stack);
    ipv6Eci(stack, 'Web', network(new Construct(stack, 'Other')));
    expect(statuses(stack, ID)).toEqual([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.COMPLIANT]);
  });

  test('ESS ipv6_address_count = 2 set through an escape hatch is an error (the provider does not check it)', () => {
    const stack = newStack();
    fleet(stack).scalingConfiguration.addOverride('ipv6_address_count', 2);
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, constructPath: 'test/Fleet' });
    expect(f.message).toContain('ContainerGroupFleet \'test/Fleet\' asks for 2 IPv6 addresses (ipv6AddressCount) but an ECI can have at most 1');
    expect(f.message).toContain('the provider does not check this for ESS');
    expect(f.fix).toBe('set ipv6AddressCount to 1 for an IPv6 address, or remove it for none');
  });

  test('a raw ROS template with Ipv6AddressCount 2 is an error; the count may come through a parameter', () => {
    const stack = rawStack();
    const net = rawNetwork(stack);
    rawRosEci(stack, 'Literal', net.vswitch.id, net.sg.id, { Ipv6AddressCount: 2 });
    new alicloud.rosStack.RosStack(stack, 'ViaParam', {
      stackName: 'via-param',
      templateBody: JSON.stringify({
        ROSTemplateFormatVersion: '2015-09-01',
        Parameters: { Count: { Type: 'Number' } },
        Resources: { Eci: { Type: 'ALIYUN::ECI::ContainerGroup', Properties: { VSwitchId: 'vsw-1', Ipv6AddressCount: { Ref: 'Count' } } } },
      }),
      parameters: [{ parameterKey: 'Count', parameterValue: '3' }],
    });
    expect(only(stack, ID, 'Literal').status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(only(stack, ID, 'ViaParam').message).toContain('asks for 3 IPv6 addresses (Ipv6AddressCount)');
  });

  test('a count from a variable cannot be verified: info, no crash', () => {
    const stack = newStack();
    const count = new TerraformVariable(stack, 'count', { type: 'number' });
    fleet(stack).scalingConfiguration.addOverride('ipv6_address_count', count.numberValue);
    expect(only(stack, ID)).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
  });

  test('a ROS stack whose template cannot be read is reported as not verifiable, once', () => {
    const stack = rawStack();
    new alicloud.rosStack.RosStack(stack, 'FromUrl', { stackName: 'from-url', templateUrl: 'oss://bucket/template.json' });
    new alicloud.rosStack.RosStack(stack, 'Broken', { stackName: 'broken', templateBody: '{"Resources": ' });
    expect(only(stack, ID, 'FromUrl').message).toContain('template_url');
    expect(only(stack, ID, 'Broken').message).toContain('not valid JSON');
  });
});
