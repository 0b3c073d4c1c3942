/**
 * The stack a new user synthesizes first: `npm run synth:example` writes
 * cdktf.out/stacks/ipv6-eci/cdk.tf.json.
 *
 * China (Hohhot): a dual-stack VPC over two zones, a public nginx ECI with one IPv6 address and
 * 10 Mbit/s of IPv6 Internet bandwidth behind a security group that admits TCP 80 from ::/0, and a
 * private fleet of three IPv6 workers, and a private API whose image comes from an ACR Enterprise Edition
 * instance, pulled with a RAM role (no password anywhere).
 */
import { App, OssBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  alicloud, ContainerGroup, ContainerGroupFleet, DualStackVpc, InternetChargeType, Peer, Port, Probe, SecurityGroup,
} from '../../src';

export interface Ipv6EciExampleOptions {
  /** OSS bucket for remote state (with Tablestore locking); local state when unset. */
  readonly stateBucket?: string;
  /** Tablestore endpoint for state locking, e.g. https://my-ots.cn-huhehaote.ots.aliyuncs.com. */
  readonly lockEndpoint?: string;
}

export class Ipv6EciExampleStack extends TerraformStack {
  public readonly web: ContainerGroup;
  public readonly workers: ContainerGroupFleet;
  public readonly api: ContainerGroup;

  constructor(scope: Construct, id: string, options: Ipv6EciExampleOptions = {}) {
    super(scope, id);
    const region = 'cn-huhehaote';
    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region });

    if (options.stateBucket) {
      new OssBackend(this, {
        bucket: options.stateBucket,
        prefix: 'ipv6-eci',
        key: 'terraform.tfstate',
        region,
        encrypt: true,
        tablestoreEndpoint: options.lockEndpoint,
        tablestoreTable: options.lockEndpoint ? 'terraform_lock' : undefined,
      });
    }

    const vpc = new DualStackVpc(this, 'Vpc', {
      vpcName: 'ipv6-eci-example',
      zones: [`${region}-a`, `${region}-b`],
    });

    // Public web tier: only TCP 80 over IPv6 is open, and only because we ask for it here.
    const webSg = new SecurityGroup(this, 'WebSg', { vpc, description: 'nginx over IPv6' });
    webSg.addIngressRule(Peer.anyIpv6(), Port.tcp(80), 'HTTP from the IPv6 Internet');

    this.web = new ContainerGroup(this, 'Web', {
      vpc,
      securityGroup: webSg,
      cpu: 1,
      memory: 2,
      containers: [{
        name: 'nginx',
        image: 'nginx:1.27-alpine',
        ports: [{ port: 80 }],
        livenessProbe: Probe.httpGet({ port: 80, path: '/', periodSeconds: 10 }),
      }],
      ipv6AddressCount: 1,
      ipv6InternetBandwidth: { bandwidth: 10, internetChargeType: InternetChargeType.PAY_BY_BANDWIDTH },
    });

    // Private workers: IPv6 inside the VPC only, no ingress at all.
    const workerSg = new SecurityGroup(this, 'WorkerSg', { vpc, description: 'private IPv6 workers' });
    this.workers = new ContainerGroupFleet(this, 'Workers', {
      vpc,
      securityGroup: workerSg,
      minSize: 3,
      maxSize: 3,
      desiredCapacity: 3,
      cpu: 0.5,
      memory: 1,
      ipv6AddressCount: 1,
      containers: [{ name: 'worker', image: 'busybox:1.36', commands: ['sleep'], args: ['86400'] }],
    });

    // Private image: ACR Enterprise Edition + an instance RAM role, so no password exists at all. Replace the
    // instance ID, domain and role with yours (the role needs AliyunContainerRegistryReadOnlyAccess, or a
    // policy allowing cr:GetAuthorizationToken and cr:Pull* on the instance).
    const acrDomain = `ipv6-eci-example-registry.${region}.cr.aliyuncs.com`;
    this.api = new ContainerGroup(this, 'Api', {
      vpc,
      securityGroup: workerSg,
      cpu: 1,
      memory: 2,
      containers: [{ name: 'api', image: `${acrDomain}/demo/api:1.0`, ports: [{ port: 8080 }] }],
      acrInstances: [{ instanceId: 'cri-example0000000', regionId: region, domains: [acrDomain] }],
      ramRoleName: 'ipv6-eci-example-pull',
      autoMatchImageCache: true,
    });
    // Another registry with a login instead: the password comes from a sensitive variable (a literal is a
    // synth error), and Terraform masks it in the plan:
    //   const registryPassword = new TerraformVariable(this, 'registry_password', { type: 'string', sensitive: true });
    //   imageRegistryCredentials: [{ server: 'registry.example.com', userName: 'deploy', password: registryPassword.stringValue }],

    new TerraformOutput(this, 'web_ipv6_address', { value: this.web.ipv6Address, description: 'Public IPv6 address of the nginx ECI' });
    new TerraformOutput(this, 'web_container_group_id', { value: this.web.containerGroupId });
    new TerraformOutput(this, 'vpc_ipv6_cidr_block', { value: vpc.ipv6CidrBlock });
    new TerraformOutput(this, 'workers_scaling_group_id', { value: this.workers.scalingGroupId });
  }
}

export function buildApp(outdir?: string): App {
  const app = new App({ outdir, stackTraces: false });
  new Ipv6EciExampleStack(app, 'ipv6-eci', {
    stateBucket: process.env.IPV6_ECI_STATE_BUCKET,
    lockEndpoint: process.env.IPV6_ECI_LOCK_ENDPOINT,
  });
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
