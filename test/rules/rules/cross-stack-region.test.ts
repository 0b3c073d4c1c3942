import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { alicloud, Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { judgeDocument } from '../../../src/rules/synthesized-findings';
import { findingsOf, only } from '../util';

const ID = Ipv6RuleId.CROSS_STACK_REGION;
type Provider = Partial<alicloud.provider.AlicloudProviderConfig>;

/**
 * An app of two stacks written with raw bindings: 'network' holds a VPC and a security group, 'apps' adds an
 * ingress rule to that security group (a cdktf cross-stack reference). The pack checks every stack of the app;
 * returns 'apps' (the 'network' stack is its sibling).
 */
function twoStacks(network: Provider, apps: Provider): TerraformStack {
  const app = Testing.app();
  const net = new TerraformStack(app, 'network');
  new alicloud.provider.AlicloudProvider(net, 'alicloud', network);
  const vpc = new alicloud.vpc.Vpc(net, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
  const sg = new alicloud.securityGroup.SecurityGroup(net, 'Sg', { vpcId: vpc.id });
  const stack = new TerraformStack(app, 'apps');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', apps);
  new alicloud.securityGroupRule.SecurityGroupRule(stack, 'Rule', {
    securityGroupId: sg.id, type: 'ingress', ipProtocol: 'tcp', portRange: '443/443', ipv6CidrIp: '2408:4000::/56',
  });
  Aspects.of(app).add(new Ipv6Checks());
  return stack;
}

describe('ALI-IPV6-011 cross-stack-region', () => {
  test('compliant: both stacks deploy to the same region', () => {
    const f = only(twoStacks({ region: 'cn-huhehaote' }, { region: 'cn-huhehaote' }), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.COMPLIANT, constructPath: 'apps/Rule' });
    expect(f.message).toContain("in stack 'apps' deploys to cn-huhehaote, like the security group 'network/Sg' of stack 'network' (cn-huhehaote)");
  });

  test('non-compliant (error): the rule deploys to another region than the security group it uses', () => {
    const f = only(twoStacks({ region: 'cn-huhehaote' }, { region: 'cn-hangzhou' }), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, constructPath: 'apps/Rule' });
    expect(f.message).toContain("in stack 'apps' deploys to cn-hangzhou (the default provider \"alicloud\") but uses the security group 'network/Sg' of stack 'network', which deploys to cn-huhehaote");
    expect(f.message).toContain("so the apply of stack 'apps' fails: their IDs are not found in cn-hangzhou");
    expect(f.fix).toContain("deploy both stacks to one region: set region 'cn-huhehaote' on the alicloud provider of stack 'apps', or region 'cn-hangzhou' on the one of stack 'network'");
  });

  test('non-compliant (error): same region, but both providers name different accounts', () => {
    const f = only(twoStacks({ region: 'cn-huhehaote', accountId: '1111' }, { region: 'cn-huhehaote', accountId: '2222' }), ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, constructPath: 'apps/Rule' });
    expect(f.message).toContain('deploys to account 2222 (account_id of the default provider "alicloud") but uses the security group \'network/Sg\' of stack \'network\', which is in account 1111');
    expect(f.message).toContain('a security group of another account is not found by ID');
    expect(f.fix).toContain('deploy both stacks with the same account');
  });

  test('cannot verify (info): the other stack\'s provider sets no region, or only one side names an account', () => {
    const noRegion = only(twoStacks({}, { region: 'cn-huhehaote' }), ID);
    expect(noRegion).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, constructPath: 'apps/Rule' });
    expect(noRegion.message).toContain("deploys where the resources it uses from other stacks are: the region of the security group 'network/Sg' of stack 'network'");
    expect(noRegion.message).toContain('sets no region');
    expect(noRegion.fix).toContain('give the alicloud providers of both stacks a literal region');

    const oneAccount = only(twoStacks({ region: 'cn-huhehaote' }, { region: 'cn-huhehaote', accountId: '2222' }), ID);
    expect(oneAccount).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(oneAccount.message).toContain('the default provider "alicloud" names account 2222 and the default provider "alicloud" of stack \'network\' names none');
  });

  test.each([
    ['cdk.tf.json of app.synth: a terraform_remote_state output names the stack and the type', true],
    ['the text of Testing.synth: a reference to a resource the document lacks', false],
  ])('cannot verify (info), judged without the app (synthesized in another process): %s', (_name, onDisk) => {
    const stack = twoStacks({ region: 'cn-huhehaote' }, { region: 'cn-huhehaote' });
    let doc: Record<string, any>;
    if (onDisk) {
      const app = stack.node.root as App;
      app.synth();
      doc = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'apps', 'cdk.tf.json'), 'utf-8'));
      expect(JSON.stringify(doc)).toContain('data.terraform_remote_state.cross-stack-reference-input-network.outputs.cross-stack-output-alicloud_security_group');
    } else {
      doc = JSON.parse(Testing.synth(stack));
    }
    // In this process the pack sees both stacks: compliant.
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
    const judged = judgeDocument(doc).findings.filter((f) => f.ruleId === ID);
    expect(judged).toHaveLength(1);
    expect(judged[0]).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    // at the resource: its construct path from the // metadata of cdk.tf.json, else its address
    expect(judged[0].constructPath).toEqual(onDisk ? 'apps/Rule' : expect.stringMatching(/^alicloud_security_group_rule\.Rule/));
    expect(judged[0].message).toMatch(onDisk
      ? /^Cannot verify that .* deploys to the same region as the security group of stack 'network' it uses: the document was judged without its app/
      : /^Cannot verify that .* deploys to the same region as the security group of another stack it uses: the document was judged without its app/);
    expect(judged[0].fix).toContain('Testing.synth(stack)');
  });

  test('a stack that uses nothing of another stack (here the producer) has no subjects', () => {
    const apps = twoStacks({ region: 'cn-huhehaote' }, { region: 'cn-hangzhou' });
    const network = apps.node.scope!.node.findChild('network') as TerraformStack;
    expect(findingsOf(network, ID)).toEqual([]);
  });
});
