/**
 * The stack a new user synthesizes first: `npx projen synth:example`
 * writes cdktf.out/stacks/ipv6-eci/cdk.tf.json.
 */
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud } from '../../src';

export class Ipv6EciExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: 'cn-huhehaote' });

    const vpc = new alicloud.vpc.Vpc(this, 'Vpc', {
      vpcName: 'ipv6-eci-example',
      cidrBlock: '10.0.0.0/16',
      enableIpv6: true,
    });
    const vsw = new alicloud.vswitch.Vswitch(this, 'VSwitchA', {
      vpcId: vpc.id,
      zoneId: 'cn-huhehaote-a',
      cidrBlock: '10.0.0.0/24',
      enableIpv6: true,
      ipv6CidrBlockMask: 0,
    });
    new alicloud.vpcIpv6Gateway.VpcIpv6Gateway(this, 'Ipv6Gateway', { vpcId: vpc.id });

    new TerraformOutput(this, 'vswitch_ipv6_cidr_block', { value: vsw.ipv6CidrBlock });
  }
}

export function buildApp(outdir?: string): App {
  const app = new App({ outdir, stackTraces: false });
  new Ipv6EciExampleStack(app, 'ipv6-eci');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
