import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  alicloud, ContainerGroup, ContainerGroupFleet, DualStackVpc, Ipv6EgressOnlyRule, Ipv6Gateway, Ipv6InternetBandwidth, Peer, Port, SecurityGroup,
} from '../../src';
import { tfLiteral } from '../properties/harness';

/**
 * Free text (names, descriptions, tags) is literal in every construct: `${` and `%{` written by the user are
 * escaped (`$${`, `%%{`) so that Terraform does not evaluate them; tokens stay expressions.
 */
const TEXT = 'cost ${var.x} %{if true}y%{endif}';
const ESCAPED = 'cost $${var.x} %%{if true}y%%{endif}';
const TAGS = { 'k-${a}': 'v %{b}' };
const ESCAPED_TAGS = { 'k-$${a}': 'v %%{b}' };

function stack(): { stack: TerraformStack; token: string } {
  const s = new TerraformStack(Testing.app(), 'test');
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-huhehaote' });
  return { stack: s, token: new TerraformVariable(s, 'team', { type: 'string' }).stringValue };
}

function synth(s: TerraformStack): any {
  return JSON.parse(Testing.synth(s, true));
}

const bodies = (tf: any, type: string): any[] => Object.values(tf.resource?.[type] ?? {});

describe('free text is written literally by every construct', () => {
  test('the escaped text means the text given (the test oracle agrees)', () => {
    expect(tfLiteral(ESCAPED)).toBe(TEXT);
    expect(tfLiteral(TEXT)).toBeUndefined();
  });

  test('DualStackVpc: vpc name, description and tags; vSwitch names (default and given) and tags; the gateway tags', () => {
    const { stack: s, token } = stack();
    const vpc = new DualStackVpc(s, 'Vpc', { vpcName: 'web ${x}', description: TEXT, tags: { ...TAGS, owner: token }, zones: ['cn-huhehaote-a'] });
    vpc.addVSwitch({ zoneId: 'cn-huhehaote-b', vSwitchName: TEXT });
    const tf = synth(s);
    expect(bodies(tf, 'alicloud_vpc')[0]).toMatchObject({ vpc_name: 'web $${x}', description: ESCAPED, tags: { ...ESCAPED_TAGS, owner: '${var.team}' } });
    expect(bodies(tf, 'alicloud_vswitch').map((b) => b.vswitch_name)).toEqual(['web $${x}-cn-huhehaote-a', ESCAPED]);
    for (const b of bodies(tf, 'alicloud_vswitch')) expect(b.tags).toEqual({ ...ESCAPED_TAGS, owner: '${var.team}' });
    expect(bodies(tf, 'alicloud_vpc_ipv6_gateway')[0].tags).toEqual({ ...ESCAPED_TAGS, owner: '${var.team}' });
  });

  test('Ipv6Gateway tags', () => {
    const { stack: s } = stack();
    new Ipv6Gateway(s, 'Gw', { vpcId: 'vpc-1', tags: TAGS });
    expect(bodies(synth(s), 'alicloud_vpc_ipv6_gateway')[0].tags).toEqual(ESCAPED_TAGS);
  });

  test('SecurityGroup name, description, tags and rule descriptions', () => {
    const { stack: s, token } = stack();
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ['cn-huhehaote-a'] });
    const sg = new SecurityGroup(s, 'Sg', { vpc, securityGroupName: TEXT, description: TEXT, tags: TAGS });
    sg.addIngressRule(Peer.anyIpv6(), Port.tcp(443), TEXT);
    sg.addEgressRule(Peer.anyIpv6(), Port.tcp(443), token);
    const tf = synth(s);
    expect(bodies(tf, 'alicloud_security_group')[0]).toMatchObject({ security_group_name: ESCAPED, description: ESCAPED, tags: ESCAPED_TAGS });
    expect(bodies(tf, 'alicloud_security_group_rule').map((r) => r.description).sort()).toEqual(['${var.team}', ESCAPED]);
  });

  test('Ipv6EgressOnlyRule description (Ipv6InternetBandwidth has no free text)', () => {
    const { stack: s } = stack();
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ['cn-huhehaote-a'] });
    const bw = new Ipv6InternetBandwidth(s, 'Bw', { ipv6AddressId: 'ipv6-1', ipv6Gateway: vpc.ipv6Gateway! });
    new Ipv6EgressOnlyRule(s, 'Rule', { ipv6Gateway: vpc.ipv6Gateway!, ipv6AddressId: 'ipv6-1', internetBandwidth: bw, description: TEXT });
    expect(bodies(synth(s), 'alicloud_vpc_ipv6_egress_rule')[0].description).toBe(ESCAPED);
  });

  test('ContainerGroupFleet scaling group name and tags; ContainerGroup tags (native)', () => {
    const { stack: s } = stack();
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ['cn-huhehaote-a'] });
    const securityGroup = new SecurityGroup(s, 'Sg', { vpc });
    const containers = [{ name: 'app', image: 'nginx' }];
    new ContainerGroupFleet(s, 'Fleet', { vpc, securityGroup, containers, minSize: 1, maxSize: 1, scalingGroupName: 'workers ${x}', tags: TAGS });
    new ContainerGroup(s, 'Group', { vpc, securityGroup, containers, tags: TAGS });
    const tf = synth(s);
    expect(bodies(tf, 'alicloud_ess_scaling_group')[0].scaling_group_name).toBe('workers $${x}');
    expect(bodies(tf, 'alicloud_ess_eci_scaling_configuration')[0].tags).toEqual(ESCAPED_TAGS);
    expect(bodies(tf, 'alicloud_eci_container_group')[0].tags).toEqual(ESCAPED_TAGS);
  });
});
