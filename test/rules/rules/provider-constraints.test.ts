import { alicloud, Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { findingsOf, network, newStack, only, rawStack } from '../util';

const ID = Ipv6RuleId.PROVIDER_CONSTRAINTS;

describe('ALI-IPV6-010 provider-constraints', () => {
  test('resources made by the constructs are within the provider\'s enums and ranges', () => {
    const stack = newStack();
    network(stack);
    const found = findingsOf(stack, ID);
    expect(found.length).toBeGreaterThan(4);
    expect(found.every((f) => f.status === Ipv6CheckStatus.COMPLIANT)).toBe(true);
  });

  test('a literal outside an enum or range (raw bindings, escape hatch) is an error naming the attribute', () => {
    const stack = rawStack();
    const vpc = new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    const sg = new alicloud.securityGroup.SecurityGroup(stack, 'Sg', { vpcId: vpc.id });
    new alicloud.securityGroupRule.SecurityGroupRule(stack, 'Rule', {
      securityGroupId: sg.id, type: 'ingress', ipProtocol: 'sctp', portRange: '80/80', ipv6CidrIp: '2408:4000::/56',
    });
    new alicloud.vpcIpv6EgressRule.VpcIpv6EgressRule(stack, 'Egress', { ipv6GatewayId: 'ipv6gw-1', instanceId: 'ipv6-1', ipv6EgressRuleName: '1-starts-with-a-digit' });
    const rule = only(stack, ID, 'Rule');
    expect(rule).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(rule.message).toContain('ip_protocol');
    expect(rule.message).toContain('"sctp"');
    expect(only(stack, ID, 'Egress').message).toContain('ipv6_egress_rule_name');
  });

  test('resource types the library does not use are not checked', () => {
    const stack = rawStack();
    new alicloud.dataAlicloudZones.DataAlicloudZones(stack, 'Zones', {});
    expect(findingsOf(stack, ID)).toEqual([]);
  });
});
