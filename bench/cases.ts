/**
 * The benchmark's stacks: N IPv6 ECIs in a dual-stack VPC over two zones, with an IPv6 gateway, one security
 * group admitting TCP 80 from ::/0, and 10 Mbit/s of IPv6 Internet bandwidth per ECI.
 *
 * (a) `buildWithConstructs`: the library's L2 constructs (the IPv6 rule pack is applied automatically).
 * (b) `buildWithBindings`: the same resources written by hand with the generated bindings only: the ROS stack
 *     with its template (parameters, TemplateRevision hash), the two lookups with their postconditions, and
 *     the bandwidth. It produces an equivalent cdk.tf.json (the script checks the resource counts per type).
 */
import { createHash } from 'crypto';
import { App, TerraformStack } from 'cdktf';
import { alicloud, ContainerGroup, DualStackVpc, Peer, Port, SecurityGroup } from '../src';

export const REGION = 'cn-huhehaote';
export const ZONES = [`${REGION}-a`, `${REGION}-b`];
export const STACK_ID = 'bench';

/** The container every ECI runs. */
const CONTAINER = { name: 'web', image: 'nginx:1.27-alpine', port: 80 };

/** (a) The stack built with the library's constructs. */
export function buildWithConstructs(app: App, n: number): TerraformStack {
  const stack = new TerraformStack(app, STACK_ID);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: REGION });
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ZONES });
  const sg = new SecurityGroup(stack, 'WebSg', { vpc });
  sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80), 'HTTP over IPv6');
  for (let i = 0; i < n; i++) {
    new ContainerGroup(stack, `Web${i}`, {
      vpc,
      securityGroup: sg,
      cpu: 1,
      memory: 2,
      containers: [{ name: CONTAINER.name, image: CONTAINER.image, ports: [{ port: CONTAINER.port }] }],
      ipv6AddressCount: 1,
      ipv6InternetBandwidth: { bandwidth: 10 },
    });
  }
  return stack;
}

/** `${` and `%{` are Terraform template syntax in JSON strings; `$${` and `%%{` keep them literal. */
function escapeTemplate(s: string): string {
  return s.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** (b) The same resources with the generated bindings only, as one would write them by hand. */
export function buildWithBindings(app: App, n: number): TerraformStack {
  const stack = new TerraformStack(app, STACK_ID);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: REGION });
  const vpc = new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
  const vswitches = ZONES.map((zoneId, i) => new alicloud.vswitch.Vswitch(stack, `VSwitch-${zoneId}`, {
    vpcId: vpc.id, zoneId, cidrBlock: `10.0.${i}.0/24`, enableIpv6: true, ipv6CidrBlockMask: i,
  }));
  const gateway = new alicloud.vpcIpv6Gateway.VpcIpv6Gateway(stack, 'Ipv6Gateway', { vpcId: vpc.id });
  const sg = new alicloud.securityGroup.SecurityGroup(stack, 'WebSg', { vpcId: vpc.id });
  new alicloud.securityGroupRule.SecurityGroupRule(stack, 'Ingress-tcp-80-AnyIpv6', {
    securityGroupId: sg.id,
    type: 'ingress',
    ipProtocol: 'tcp',
    portRange: '80/80',
    ipv6CidrIp: '::/0',
    policy: 'accept',
    priority: 1,
    nicType: 'intranet',
    description: 'HTTP over IPv6',
  });
  const vswitchId = vswitches[0].id;

  for (let i = 0; i < n; i++) {
    const name = `bench-web${i}`;
    const tag = createHash('sha256').update(`bench/Web${i}`).digest('hex').slice(0, 42);
    const template = {
      ROSTemplateFormatVersion: '2015-09-01',
      Description: `ECI ${name}`,
      Parameters: {
        VSwitchId: { Type: 'String' },
        SecurityGroupId: { Type: 'String' },
        TemplateRevision: { Type: 'String', Description: 'sha256 of this template' },
      },
      Resources: {
        ContainerGroup: {
          Type: 'ALIYUN::ECI::ContainerGroup',
          Properties: {
            ContainerGroupName: name,
            VSwitchId: { Ref: 'VSwitchId' },
            SecurityGroupId: { Ref: 'SecurityGroupId' },
            Cpu: 1,
            Memory: 2,
            RestartPolicy: 'Always',
            Ipv6AddressCount: 1,
            Container: [{ Name: CONTAINER.name, Image: CONTAINER.image, ImagePullPolicy: 'IfNotPresent', Port: [{ Port: CONTAINER.port, Protocol: 'TCP' }] }],
            Tag: [{ Key: 'cdktf-id', Value: tag }],
          },
        },
      },
    };
    const body = JSON.stringify(template);
    const rosStack = new alicloud.rosStack.RosStack(stack, `Web${i}-Stack`, {
      stackName: `${name}-eci`,
      templateBody: escapeTemplate(body),
      parameters: [
        { parameterKey: 'SecurityGroupId', parameterValue: sg.id },
        { parameterKey: 'TemplateRevision', parameterValue: createHash('sha256').update(body).digest('hex') },
        { parameterKey: 'VSwitchId', parameterValue: vswitchId },
      ],
      replacementOption: 'Enabled',
      timeoutInMinutes: 30,
      timeouts: { create: '35m', update: '35m', delete: '15m' },
    });
    const lookup = new alicloud.dataAlicloudEciContainerGroups.DataAlicloudEciContainerGroups(stack, `Web${i}-Lookup`, {
      containerGroupName: name,
      tags: { 'cdktf-id': tag },
      vswitchId,
      dependsOn: [rosStack],
      lifecycle: { postcondition: [{ condition: '${length(self.groups) == 1}', errorMessage: `Expected exactly one ECI named ${name}.` }] },
    });
    const addresses = new alicloud.dataAlicloudVpcIpv6Addresses.DataAlicloudVpcIpv6Addresses(stack, `Web${i}-Ipv6AddressLookup`, {
      vswitchId,
      dependsOn: [rosStack],
      lifecycle: {
        postcondition: [{
          condition: `\${length([for a in self.addresses : a if a.ipv6_address == ${lookup.fqn}.groups[0].ipv6_address]) == 1}`,
          errorMessage: `Expected the IPv6 address of ECI ${name} among the IPv6 addresses of its vSwitch.`,
        }],
      },
    });
    new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(stack, `Web${i}-Ipv6InternetBandwidth`, {
      ipv6AddressId: `\${one([for a in ${addresses.fqn}.addresses : a.ipv6_address_id if a.ipv6_address == ${lookup.fqn}.groups[0].ipv6_address])}`,
      ipv6GatewayId: gateway.id,
      bandwidth: 10,
      internetChargeType: 'PayByBandwidth',
    });
  }
  return stack;
}
