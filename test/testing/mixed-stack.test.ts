/**
 * A real stack never holds only our constructs: the plan checker and the matcher know every alicloud type
 * of 1.289.0, so the L2s next to a NAT gateway, a load balancer and an RDS instance pass, and a mistake on
 * one of those fails.
 */
import { TerraformResource, TerraformStack, Testing } from 'cdktf';
import { alicloud, ContainerGroup, DualStackVpc, Peer, Port, SecurityGroup } from '../../src';
import { AlicloudPlanChecker, PlanFindingLevel } from '../../src/testing';

/** The L2 stack of the README plus raw resources of three types that have no bindings here. */
function mixedStack(natGateway: Record<string, unknown> = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'mixed');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a', 'cn-huhehaote-b'] });
  const sg = new SecurityGroup(stack, 'WebSg', { vpc });
  sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80), 'HTTP over IPv6');
  new ContainerGroup(stack, 'Web', {
    vpc,
    securityGroup: sg,
    cpu: 1,
    memory: 2,
    ipv6AddressCount: 1,
    containers: [{ name: 'nginx', image: 'nginx:alpine', ports: [{ port: 80 }] }],
  });
  const raw = (id: string, type: string, body: Record<string, unknown>) => {
    const r = new TerraformResource(stack, id, { terraformResourceType: type });
    for (const [k, v] of Object.entries(body)) r.addOverride(k, v);
    return r;
  };
  raw('Nat', 'alicloud_nat_gateway', {
    vpc_id: vpc.vpcId,
    vswitch_id: vpc.vSwitches[0].vSwitchId,
    nat_type: 'Enhanced',
    network_type: 'internet',
    payment_type: 'PayAsYouGo',
    nat_gateway_name: 'mixed-nat',
    ...natGateway,
  });
  raw('Slb', 'alicloud_slb_load_balancer', {
    load_balancer_name: 'mixed-slb', address_type: 'intranet', load_balancer_spec: 'slb.s2.small', vswitch_id: vpc.vSwitches[1].vSwitchId,
  });
  raw('Db', 'alicloud_db_instance', {
    engine: 'MySQL',
    engine_version: '8.0',
    instance_type: 'mysql.n2.medium.1',
    instance_storage: 20,
    db_instance_storage_type: 'cloud_essd',
    vswitch_id: vpc.vSwitches[0].vSwitchId,
    security_ips: ['10.0.0.0/16'],
  });
  return stack;
}

describe('a stack of our L2s next to raw alicloud_nat_gateway, alicloud_slb_load_balancer and alicloud_db_instance', () => {
  test('passes toBeValidAlicloudPlan(), with no findings at all', () => {
    const json = Testing.synth(mixedStack());
    expect(json).toBeValidAlicloudPlan();
    expect(AlicloudPlanChecker.check(json)).toEqual([]);
    const doc = JSON.parse(json);
    expect(Object.keys(doc.resource)).toEqual(expect.arrayContaining(['alicloud_nat_gateway', 'alicloud_slb_load_balancer', 'alicloud_db_instance', 'alicloud_ros_stack']));
  });

  test('a wrong attribute, a value outside an enum and a conflicting pair on those types fail it, with the fix in the message', () => {
    const json = Testing.synth(mixedStack({ nat_gateway_nme: 'typo', nat_type: 'Turbo', instance_charge_type: 'PostPaid' }));
    expect(json).not.toBeValidAlicloudPlan();
    const errors = AlicloudPlanChecker.check(json).filter((f) => f.level === PlanFindingLevel.ERROR);
    expect(errors.map((f) => [f.address, f.path, f.code])).toEqual([
      ['alicloud_nat_gateway.Nat', 'nat_gateway_nme', 'unknown-attribute'],
      ['alicloud_nat_gateway.Nat', 'nat_type', 'not-in-enum'],
      ['alicloud_nat_gateway.Nat', 'instance_charge_type', 'conflict'],
    ]);
    expect(errors[0].message).toContain('Did you mean "nat_gateway_name"?');
    expect(errors[1].message).toBe('"nat_type" must be one of "Enhanced", "Normal", got "Turbo"');
    // the deprecated argument is a warning beside the conflict
    expect(AlicloudPlanChecker.check(json).filter((f) => f.level === PlanFindingLevel.WARNING).map((f) => f.code)).toEqual(['deprecated']);
  });

  test('a type that 1.289.0 does not have is a warning, not an error, so the matcher still passes', () => {
    const stack = mixedStack();
    new TerraformResource(stack, 'Future', { terraformResourceType: 'alicloud_vpc_ipv6_gateway_v2' }).addOverride('vpc_id', 'vpc-1');
    const json = Testing.synth(stack);
    expect(json).toBeValidAlicloudPlan();
    const [f] = AlicloudPlanChecker.check(json);
    expect(f).toMatchObject({ level: 'warning', code: 'unknown-type', address: 'alicloud_vpc_ipv6_gateway_v2.Future' });
    expect(f.message).toMatch(/not in the alicloud provider 1\.289\.0 schema.*Did you mean "alicloud_vpc_ipv6_gateway"\?/);
  });
});
