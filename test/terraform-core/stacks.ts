/**
 * Every kind of stack the library synthesizes, written to folders for real Terraform: the example, one
 * stack per construct, a stack of raw bindings and a cross-stack app. Each entry synthesizes with
 * `app.synth()` (validations and the IPv6 rule pack included) into a temp folder.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable, TerraformOutput } from 'cdktf';
import { buildApp } from '../../examples/ipv6-eci/main';
import {
  alicloud, ContainerGroup, ContainerGroupFleet, DualStackVpc, ImagePullPolicy, InternetChargeType, Ipv6EgressOnlyRule, Ipv6Gateway,
  Ipv6InternetBandwidth, Peer, Port, Probe, RestartPolicy, SecurityGroup, Volume,
} from '../../src';
import { OfflineTerraform } from '../../src/testing/terraform';

/** One synthesized app: its name and its stack folders. */
export interface SynthesizedApp {
  readonly name: string;
  readonly outdir: string;
  readonly stackDirs: string[];
}

const REGION = 'cn-huhehaote';
const ZONES = [`${REGION}-a`, `${REGION}-b`];

function newApp(): { app: App; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-stacks-'));
  return { app: new App({ outdir, stackTraces: false }), outdir };
}

function stack(app: App, id: string): TerraformStack {
  const s = new TerraformStack(app, id);
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: REGION });
  return s;
}

/** Text with Terraform template syntax that must stay literal. */
export const LITERAL = 'hi ${USER} %{if x}y%{endif} $${kept} 100%';
export const LITERAL_ARG = 'echo ${HOME} >> /tmp/$${log}';

const nginx = { name: 'nginx', image: 'nginx:1.27-alpine', ports: [{ port: 80 }] };

/** The builders, by name. Each adds stacks to the app. */
export const BUILDERS: Record<string, (app: App) => void> = {
  'dual-stack-vpc': (app) => {
    const s = stack(app, 'vpc');
    const vpc = new DualStackVpc(s, 'Vpc', { vpcName: 'tf-vpc', zones: ZONES, tags: { team: 'net' }, description: 'dual stack' });
    vpc.addVSwitch({ zoneId: `${REGION}-c`, vSwitchName: 'extra' });
    new DualStackVpc(s, 'NoGateway', { cidrBlock: '172.16.0.0/16', zones: [ZONES[0]], ipv6Gateway: false });
    new TerraformOutput(s, 'ipv6_cidr', { value: vpc.ipv6CidrBlock });
  },
  'security-group': (app) => {
    const s = stack(app, 'sg');
    const vpc = new DualStackVpc(s, 'Vpc', { zones: [ZONES[0]] });
    const sg = new SecurityGroup(s, 'Sg', { vpc, description: 'all rule kinds' });
    sg.addIngressRule(Peer.anyIpv6(), Port.tcp(443), 'https over IPv6');
    sg.addIngressRule(Peer.ipv4('10.0.0.0/8'), Port.tcpRange(8000, 8080));
    sg.addIngressRule(Peer.ipv6('2408:4000::/32'), Port.icmpv6());
    sg.addIngressRule(Peer.anyIpv4(), Port.udp(53));
    sg.addEgressRule(Peer.anyIpv6(), Port.allTraffic(), 'everything out');
    SecurityGroup.fromSecurityGroupId(s, 'Imported', 'sg-123', 'vpc-123');
  },
  'container-group-native': (app) => {
    const s = stack(app, 'eci-native');
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ZONES });
    const securityGroup = new SecurityGroup(s, 'Sg', { vpc });
    const group = new ContainerGroup(s, 'App', {
      vpc,
      securityGroup,
      vSwitch: vpc.vSwitches[1],
      cpu: 2,
      memory: 4,
      restartPolicy: RestartPolicy.ON_FAILURE,
      volumes: [Volume.emptyDir('cache'), Volume.nfs('share', { server: 'nfs.example.com', path: '/share' })],
      tags: { app: 'native' },
      containers: [{
        name: 'app',
        image: 'app:1',
        cpu: 1,
        memory: 2,
        commands: ['/bin/app', '--serve'],
        args: ['--port', '8080'],
        ports: [{ port: 8080 }],
        environment: { MODE: 'prod' },
        workingDir: '/srv',
        imagePullPolicy: ImagePullPolicy.ALWAYS,
        volumeMounts: [{ name: 'cache', mountPath: '/cache' }, { name: 'share', mountPath: '/share', readOnly: true }],
        livenessProbe: Probe.httpGet({ port: 8080, path: '/healthz' }),
        readinessProbe: Probe.tcpSocket(8080),
      }],
    });
    new TerraformOutput(s, 'group_id', { value: group.containerGroupId });
    new TerraformOutput(s, 'intranet_ip', { value: group.intranetIp });
  },
  'container-group-ipv6-ros': (app) => {
    const s = stack(app, 'eci-ros');
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ZONES });
    const securityGroup = new SecurityGroup(s, 'Sg', { vpc });
    securityGroup.addIngressRule(Peer.anyIpv6(), Port.tcp(80));
    const pub = new ContainerGroup(s, 'Public', {
      vpc,
      securityGroup,
      cpu: 1,
      memory: 2,
      ipv6AddressCount: 1,
      stackTimeoutInMinutes: 20,
      ipv6InternetBandwidth: { bandwidth: 20, internetChargeType: InternetChargeType.PAY_BY_TRAFFIC },
      volumes: [Volume.emptyDir('tmp')],
      tags: { tier: 'web' },
      containers: [{ ...nginx, volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }], livenessProbe: Probe.exec(['true']) }],
    });
    const priv = new ContainerGroup(s, 'Private', {
      vpc,
      securityGroup,
      vSwitch: vpc.vSwitches[1],
      ipv6AddressCount: 1,
      containerGroupName: 'private-ipv6',
      containers: [{ name: 'worker', image: 'busybox:1.36', cpu: 0.5, memory: 1, commands: ['sleep'], args: ['3600'] }],
    });
    new Ipv6EgressOnlyRule(s, 'EgressOnly', { ipv6Gateway: vpc.ipv6Gateway!, ipv6AddressId: pub.ipv6AddressId!, internetBandwidth: pub.internetBandwidth });
    new TerraformOutput(s, 'public_ipv6', { value: pub.ipv6Address });
    new TerraformOutput(s, 'public_ipv6_address_id', { value: pub.ipv6AddressId });
    new TerraformOutput(s, 'private_ipv6', { value: priv.ipv6Address });
    new TerraformOutput(s, 'private_id', { value: priv.containerGroupId });
  },
  'container-group-fleet': (app) => {
    const s = stack(app, 'fleet');
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ZONES });
    const securityGroup = new SecurityGroup(s, 'Sg', { vpc });
    const fleet = new ContainerGroupFleet(s, 'Fleet', {
      vpc,
      securityGroup,
      minSize: 1,
      maxSize: 5,
      desiredCapacity: 2,
      ipv6AddressCount: 1,
      cpu: 1,
      memory: 2,
      volumes: [Volume.emptyDir('data')],
      tags: { fleet: 'workers' },
      containers: [{ name: 'worker', image: 'busybox:1.36', commands: ['sleep'], args: ['86400'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
    });
    new ContainerGroupFleet(s, 'Typed', {
      vpc,
      securityGroup,
      vSwitches: [vpc.vSwitches[0]],
      minSize: 0,
      maxSize: 2,
      instanceTypes: ['ecs.g7.large', 'ecs.c7.large'],
      containers: [nginx],
    });
    new TerraformOutput(s, 'scaling_group_id', { value: fleet.scalingGroupId });
    new TerraformOutput(s, 'scaling_configuration_id', { value: fleet.scalingConfigurationId });
  },
  'ipv6-internet-bandwidth': (app) => {
    const s = stack(app, 'bandwidth');
    const ipv6Gateway = new Ipv6Gateway(s, 'Gateway', { vpcId: 'vpc-123', ipv6GatewayName: 'gw', description: 'gateway' });
    new Ipv6InternetBandwidth(s, 'Fixed', { ipv6AddressId: 'ipv6-abc', ipv6Gateway, bandwidth: 100, internetChargeType: InternetChargeType.PAY_BY_TRAFFIC });
    const bandwidth = new TerraformVariable(s, 'bandwidth', { type: 'number', default: 5 });
    const address = new TerraformVariable(s, 'address', { type: 'string', default: 'ipv6-def' });
    new Ipv6InternetBandwidth(s, 'FromVariables', { ipv6AddressId: address.stringValue, ipv6Gateway, bandwidth: bandwidth.numberValue });
    new Ipv6InternetBandwidth(s, 'ImportedGateway', { ipv6AddressId: 'ipv6-ghi', ipv6Gateway: Ipv6Gateway.fromIpv6GatewayId(s, 'Existing', 'ipv6gw-123') });
  },
  'ipv6-egress-only-rule': (app) => {
    const s = stack(app, 'egress');
    const ipv6Gateway = new Ipv6Gateway(s, 'Gateway', { vpcId: 'vpc-123' });
    const internetBandwidth = new Ipv6InternetBandwidth(s, 'Bandwidth', { ipv6AddressId: 'ipv6-abc', ipv6Gateway });
    new Ipv6EgressOnlyRule(s, 'EgressOnly', { ipv6Gateway, ipv6AddressId: 'ipv6-abc', internetBandwidth, ipv6EgressRuleName: 'web-egress', description: 'outbound only' });
    new Ipv6EgressOnlyRule(s, 'Plain', { ipv6Gateway, ipv6AddressId: 'ipv6-def' });
  },
  'imported-vpc': (app) => {
    const s = stack(app, 'imported');
    const vpc = DualStackVpc.fromVpcAttributes(s, 'Vpc', {
      vpcId: 'vpc-123',
      ipv6CidrBlock: '2408:4004:1000::/56',
      ipv6GatewayId: 'ipv6gw-123',
      vSwitches: [{ vSwitchId: 'vsw-1', zoneId: ZONES[0], ipv6CidrBlock: '2408:4004:1000:1::/64', ipv6Enabled: true }],
    });
    const securityGroup = SecurityGroup.fromSecurityGroupId(s, 'Sg', 'sg-123', 'vpc-123');
    const web = new ContainerGroup(s, 'Web', { vpc, securityGroup, ipv6AddressCount: 1, ipv6InternetBandwidth: { bandwidth: 5 }, containers: [nginx] });
    new TerraformOutput(s, 'ipv6', { value: web.ipv6Address });
  },
  'raw-bindings': (app) => {
    const s = stack(app, 'raw');
    const vpc = new alicloud.vpc.Vpc(s, 'vpc', { cidrBlock: '192.168.0.0/16', enableIpv6: true });
    const vsw = new alicloud.vswitch.Vswitch(s, 'vsw', { vpcId: vpc.id, zoneId: ZONES[0], cidrBlock: '192.168.1.0/24', enableIpv6: true, ipv6CidrBlockMask: 12 });
    const gw = new alicloud.vpcIpv6Gateway.VpcIpv6Gateway(s, 'gw', { vpcId: vpc.id });
    const sg = new alicloud.securityGroup.SecurityGroup(s, 'sg', { vpcId: vpc.id });
    new alicloud.securityGroupRule.SecurityGroupRule(s, 'https', { securityGroupId: sg.id, type: 'ingress', ipProtocol: 'tcp', portRange: '443/443', ipv6CidrIp: '::/0' });
    const eci = new alicloud.eciContainerGroup.EciContainerGroup(s, 'eci', {
      containerGroupName: 'raw-eci',
      securityGroupId: sg.id,
      vswitchId: vsw.id,
      cpu: 1,
      memory: 2,
      containers: [{ name: 'api', image: 'api:1', ports: [{ port: 443, protocol: 'TCP' }] }],
    });
    new alicloud.dataAlicloudVpcIpv6Addresses.DataAlicloudVpcIpv6Addresses(s, 'addresses', { vswitchId: vsw.id, dependsOn: [eci] });
    new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(s, 'bw', { ipv6AddressId: 'ipv6-abc', ipv6GatewayId: gw.id, bandwidth: 50 });
  },
  // A second, aliased provider (another region) beside the default one: the constructs use the default,
  // a raw resource the alias.
  'provider-alias': (app) => {
    const s = stack(app, 'alias');
    const shanghai = new alicloud.provider.AlicloudProvider(s, 'shanghai', { region: 'cn-shanghai', alias: 'shanghai' });
    new DualStackVpc(s, 'Vpc', { zones: ZONES });
    new alicloud.vpc.Vpc(s, 'ShanghaiVpc', { provider: shanghai, cidrBlock: '172.16.0.0/16', enableIpv6: true });
  },
  // User text with Terraform template syntax in it (shell variables, a literal `$${`): it must reach the
  // provider exactly as written, in the native resource, the ROS template and the ESS configuration.
  'literal-text': (app) => {
    const s = stack(app, 'literal');
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ZONES });
    const securityGroup = new SecurityGroup(s, 'Sg', { vpc });
    const container = { name: 'app', image: 'app:1', commands: ['sh'], args: ['-c', LITERAL_ARG], environment: { GREETING: LITERAL } };
    new ContainerGroup(s, 'Native', { vpc, securityGroup, containers: [container], tags: { note: LITERAL } });
    const ros = new ContainerGroup(s, 'Ros', { vpc, securityGroup, ipv6AddressCount: 1, containers: [container], tags: { note: LITERAL } });
    // The ROS group's attributes handed to another group: references, not text, so they must NOT be escaped.
    new ContainerGroup(s, 'Consumer', {
      vpc,
      securityGroup,
      containerGroupName: 'consumer',
      containers: [{ name: 'app', image: 'app:1', environment: { ADDR_ID: ros.ipv6AddressId!, GROUP_ID: ros.containerGroupId, IPV6: ros.ipv6Address!, INTRANET_IP: ros.intranetIp } }],
    });
    new ContainerGroupFleet(s, 'Fleet', { vpc, securityGroup, minSize: 1, maxSize: 1, containers: [container], tags: { note: LITERAL } });
  },
  // The VPC and its security group in one stack, an IPv6 ECI with Internet bandwidth in another: cdktf wires
  // them with outputs and terraform_remote_state.
  'instance-type-guard': (app) => {
    const s = stack(app, 'typed-ipv6');
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ZONES });
    const securityGroup = new SecurityGroup(s, 'Sg', { vpc });
    new ContainerGroup(s, 'Web', { vpc, securityGroup, instanceType: 'ecs.g8i.large', ipv6AddressCount: 1, containers: [nginx] });
    new ContainerGroupFleet(s, 'Workers', {
      vpc,
      securityGroup,
      vSwitches: [vpc.vSwitches[0]],
      minSize: 0,
      maxSize: 2,
      ipv6AddressCount: 1,
      instanceTypes: ['ecs.g8i.large', 'ecs.c8i.large'],
      containers: [{ name: 'worker', image: 'busybox:1.36' }],
    });
  },
  'private-images': (app) => {
    // Registry logins from sensitive variables on all three backends (native, ROS, ESS): the password is
    // only ever `var.registry_password`, passed at plan time.
    const s = stack(app, 'private-images');
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ZONES });
    const securityGroup = new SecurityGroup(s, 'Sg', { vpc });
    const password = new TerraformVariable(s, 'registry_password', { type: 'string', sensitive: true, description: 'registry password' });
    const apiKey = new TerraformVariable(s, 'api_key', { type: 'string', sensitive: true });
    const access = {
      acrInstances: [{ instanceId: 'cri-example', instanceName: 'team', regionId: REGION, domains: [`team-registry.${REGION}.cr.aliyuncs.com`] }],
      imageRegistryCredentials: [{ server: `registry.${REGION}.aliyuncs.com`, userName: 'deploy@team', password: password.stringValue }],
      ramRoleName: 'eci-pull-role',
      autoMatchImageCache: true,
    };
    const app1 = { name: 'app', image: `registry.${REGION}.aliyuncs.com/team/app:1.0`, secretEnvironment: { API_KEY: apiKey.stringValue } };
    new ContainerGroup(s, 'Native', { vpc, securityGroup, cpu: 1, memory: 2, containers: [app1], ...access });
    new ContainerGroup(s, 'Ros', { vpc, securityGroup, cpu: 1, memory: 2, ipv6AddressCount: 1, imageSnapshotId: 'imc-example', containers: [app1], ...access });
    new ContainerGroupFleet(s, 'Fleet', { vpc, securityGroup, minSize: 1, maxSize: 1, cpu: 1, memory: 2, imageSnapshotId: 'imc-example', containers: [app1], ...access });
  },
  'cross-stack': (app) => {
    const net = stack(app, 'network');
    const vpc = new DualStackVpc(net, 'Vpc', { zones: ZONES });
    const securityGroup = new SecurityGroup(net, 'Sg', { vpc });
    securityGroup.addIngressRule(Peer.anyIpv6(), Port.tcp(80));
    const apps = stack(app, 'apps');
    const web = new ContainerGroup(apps, 'Web', { vpc, securityGroup, ipv6AddressCount: 1, ipv6InternetBandwidth: { bandwidth: 10 }, cpu: 1, memory: 2, containers: [nginx] });
    new ContainerGroupFleet(apps, 'Workers', { vpc, securityGroup, minSize: 2, maxSize: 2, ipv6AddressCount: 1, containers: [{ name: 'worker', image: 'busybox:1.36' }] });
    new TerraformOutput(apps, 'web_ipv6', { value: web.ipv6Address });
  },
};

/** Synthesizes one builder's app. */
export function synthBuilder(name: string): SynthesizedApp {
  const { app, outdir } = newApp();
  BUILDERS[name](app);
  app.synth();
  return { name, outdir, stackDirs: OfflineTerraform.stackDirs(outdir) };
}

/** Synthesizes the example as `npm run synth:example` does (local state), or with the OSS backend. */
export function synthExample(options: { ossBackend?: boolean } = {}): SynthesizedApp {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-example-'));
  const saved = { ...process.env };
  if (options.ossBackend) {
    process.env.IPV6_ECI_STATE_BUCKET = 'my-state-bucket';
    process.env.IPV6_ECI_LOCK_ENDPOINT = 'https://my-ots.cn-huhehaote.ots.aliyuncs.com';
  } else {
    delete process.env.IPV6_ECI_STATE_BUCKET;
    delete process.env.IPV6_ECI_LOCK_ENDPOINT;
  }
  try {
    buildApp(outdir).synth();
  } finally {
    process.env = saved;
  }
  return { name: options.ossBackend ? 'example (OSS backend)' : 'example', outdir, stackDirs: OfflineTerraform.stackDirs(outdir) };
}
