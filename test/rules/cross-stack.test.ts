import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { alicloud, ContainerGroup, ContainerGroupFleet, DualStackVpc, Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId, Peer, Port, SecurityGroup } from '../../src';

const ID = Ipv6RuleId.CROSS_STACK_REGION;
const nginx = { name: 'nginx', image: 'nginx:alpine', ports: [{ port: 80 }] };

/** A VPC (and security group) stack in `netRegion`, and an IPv6 ECI stack in `appRegion` that uses them. */
interface Options {
  readonly outdir?: string;
  readonly netProvider?: Record<string, unknown>;
  readonly appProvider?: Record<string, unknown>;
}

function twoStacks(netRegion: string | undefined, appRegion: string | undefined, opts: Options = {}) {
  const app = opts.outdir ? new App({ outdir: opts.outdir, stackTraces: false }) : Testing.app();
  const net = new TerraformStack(app, 'network');
  new alicloud.provider.AlicloudProvider(net, 'alicloud', { region: netRegion, ...opts.netProvider });
  const vpc = new DualStackVpc(net, 'Vpc', { zones: ['cn-huhehaote-a'] });
  const securityGroup = new SecurityGroup(net, 'Sg', { vpc });
  securityGroup.addIngressRule(Peer.anyIpv6(), Port.tcp(80));
  const apps = new TerraformStack(app, 'ipv6-eci');
  new alicloud.provider.AlicloudProvider(apps, 'alicloud', { region: appRegion, ...opts.appProvider });
  new ContainerGroup(apps, 'Web', { vpc, securityGroup, ipv6AddressCount: 1, ipv6InternetBandwidth: { bandwidth: 10 }, cpu: 1, memory: 2, containers: [nginx] });
  return { app, net, apps };
}

function findings(stack: TerraformStack) {
  Testing.synth(stack);
  return Ipv6Checks.findingsOf(stack).filter((f) => f.ruleId === ID);
}

describe('ALI-IPV6-011 cross-stack-region', () => {
  test('a cn-huhehaote VPC stack with a cn-hangzhou IPv6 ECI stack fails at synth, naming both stacks and both regions', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cross-stack-'));
    try {
      const { app } = twoStacks('cn-huhehaote', 'cn-hangzhou', { outdir });
      let error = '';
      try {
        app.synth();
      } catch (e) {
        error = (e as Error).message;
      }
      expect(error).toMatch(/Encountered Annotations with level "ERROR"/);
      expect(error).toContain("[ALI-IPV6-011] ContainerGroup 'ipv6-eci/Web' in stack 'ipv6-eci' deploys to cn-hangzhou (the default provider \"alicloud\") but uses "
        + "the security group 'network/Sg/Resource' and the vSwitch 'network/Vpc/VSwitch-cn-huhehaote-a' of stack 'network', which deploys to cn-huhehaote (the default provider \"alicloud\" of stack 'network')");
      expect(error).toContain("Fix: deploy both stacks to one region: set region 'cn-huhehaote' on the alicloud provider of stack 'ipv6-eci', or region 'cn-hangzhou' on the one of stack 'network'");
      // one mistake, one error: the lookups and the bandwidth of the same group are linked infos
      expect(error.match(/\[ALI-IPV6-011\]/g)).toHaveLength(1);
      const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'ipv6-eci', 'ipv6-checks-report.json'), 'utf-8'));
      const mine = report.findings.filter((f: any) => f.ruleId === ID);
      expect(mine.filter((f: any) => f.level === 'error')).toHaveLength(1);
      expect(mine.filter((f: any) => f.linkedTo === 'ipv6-eci/Web').length).toBeGreaterThanOrEqual(2);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('the same region in both stacks is compliant; the producer stack has nothing to check', () => {
    const { net, apps } = twoStacks('cn-huhehaote', 'cn-huhehaote');
    const found = findings(apps);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.status === Ipv6CheckStatus.COMPLIANT)).toBe(true);
    expect(found.find((f) => f.constructPath === 'ipv6-eci/Web')!.message).toContain("deploys to cn-huhehaote, like the security group 'network/Sg/Resource' of stack 'network' (cn-huhehaote), the vSwitch 'network/Vpc/VSwitch-cn-huhehaote-a' of stack 'network' (cn-huhehaote)");
    expect(findings(net)).toEqual([]);
  });

  test('a region unknown on either side is an info that says what would make it verifiable', () => {
    const { apps } = twoStacks(undefined, 'cn-huhehaote');
    const [f] = findings(apps).filter((x) => x.constructPath === 'ipv6-eci/Web');
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(f.message).toContain("the default provider \"alicloud\" of stack 'network' sets no region");
    expect(f.message).toContain('sets no region');
    expect(f.fix).toContain('give the alicloud providers of both stacks a literal region');

    const app = Testing.app();
    const net = new TerraformStack(app, 'network');
    const region = new TerraformVariable(net, 'region', { type: 'string' });
    new alicloud.provider.AlicloudProvider(net, 'alicloud', { region: region.stringValue });
    const vpc = new DualStackVpc(net, 'Vpc', { zones: ['cn-huhehaote-a'] });
    const sg = new SecurityGroup(net, 'Sg', { vpc });
    const s2 = new TerraformStack(app, 'apps');
    new alicloud.provider.AlicloudProvider(s2, 'alicloud', { region: 'cn-huhehaote' });
    new ContainerGroupFleet(s2, 'Fleet', { vpc, securityGroup: sg, minSize: 1, maxSize: 1, ipv6AddressCount: 1, containers: [nginx] });
    const fleet = findings(s2).find((x) => x.constructPath === 'apps/Fleet')!;
    expect(fleet.status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
    expect(fleet.message).toContain('is the expression ${var.region}');
  });

  test('two account IDs are an error; one account ID against none is an info', () => {
    const different = twoStacks('cn-huhehaote', 'cn-huhehaote', { netProvider: { accountId: '1111' }, appProvider: { assumeRole: { roleArn: 'acs:ram::2222:role/deploy' } } });
    const [err] = findings(different.apps).filter((f) => f.level === Ipv6CheckLevel.ERROR);
    expect(err.message).toContain('deploys to account 2222 (assume_role.role_arn acs:ram::2222:role/deploy of the default provider "alicloud")');
    expect(err.message).toContain("which is in account 1111 (account_id of the default provider \"alicloud\" of stack 'network')");
    const oneSided = twoStacks('cn-huhehaote', 'cn-huhehaote', { netProvider: { accountId: '1111' } });
    const info = findings(oneSided.apps).find((f) => f.constructPath === 'ipv6-eci/Web')!;
    expect(info.status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
    expect(info.message).toContain('names account 1111 and the default provider "alicloud" names none');
  });

  test('a stack without cross-stack references has no subjects', () => {
    const app = Testing.app();
    const s = new TerraformStack(app, 'one');
    new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-hangzhou' });
    const vpc = new DualStackVpc(s, 'Vpc', { zones: ['cn-hangzhou-h'] });
    new SecurityGroup(s, 'Sg', { vpc });
    expect(findings(s)).toEqual([]);
  });
});
