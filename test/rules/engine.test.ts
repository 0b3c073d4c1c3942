import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { annotations, findings, findingsOf, ipv6Eci, network, newStack, only, rawNetwork, rawRosEci, rawStack } from './util';
import {
  alicloud, ContainerGroupFleet, Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId,
} from '../../src';
import { RuleContext } from '../../src/rules/context';
import { ipv6Region } from '../../src/rules/rules/ipv6-region';

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-checks-'));
}

afterEach(() => jest.restoreAllMocks());

describe('applied once per stack', () => {
  test('every construct of the library adds the pack to its stack, only once', () => {
    const stack = newStack();
    const net = network(stack);
    ipv6Eci(stack, 'Web', net, { ipv6InternetBandwidth: { bandwidth: 10 } });
    new ContainerGroupFleet(stack, 'Fleet', { vpc: net.vpc, securityGroup: net.securityGroup, minSize: 1, maxSize: 1, containers: [{ name: 'worker', image: 'busybox' }] });
    expect(Aspects.of(stack).all.filter((a) => a instanceof Ipv6Checks)).toHaveLength(1);
  });

  test('an explicitly added pack wins over the automatic one, and the rules run once per synth', () => {
    const stack = newStack('me-east-1');
    const net = network(stack, ['me-east-1a']);
    ipv6Eci(stack, 'Web', net);
    Aspects.of(stack).add(new Ipv6Checks({ ruleLevels: { [Ipv6RuleId.REGION]: Ipv6CheckLevel.OFF } }));
    expect(Aspects.of(stack).all.filter((a) => a instanceof Ipv6Checks)).toHaveLength(2);
    const subjects = jest.spyOn(ipv6Region, 'subjects');
    const found = findings(stack);
    expect(found.filter((f) => f.ruleId === Ipv6RuleId.REGION)).toEqual([]);
    expect(subjects).not.toHaveBeenCalled();
    const regionOf = jest.spyOn(RuleContext.prototype, 'regionOf');
    Aspects.of(stack).add(new Ipv6Checks({ ruleLevels: { [Ipv6RuleId.REGION]: Ipv6CheckLevel.WARNING } }));
    findings(stack); // the first explicit pack still decides
    expect(regionOf).not.toHaveBeenCalled();
  });

  test('an explicit pack added before the constructs keeps the automatic one out', () => {
    const stack = rawStack();
    network(stack);
    expect(Aspects.of(stack).all.filter((a) => a instanceof Ipv6Checks)).toHaveLength(1);
  });

  test('a pack added to the app checks every stack', () => {
    const app = Testing.app();
    Aspects.of(app).add(new Ipv6Checks());
    const stacks = ['one', 'two'].map((id) => {
      const s = new TerraformStack(app, id);
      new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-hangzhou' });
      new alicloud.vpc.Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
      return s;
    });
    for (const s of stacks) expect(only(s, Ipv6RuleId.REGION).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('findingsOf runs the rules when the stack was not synthesized, and throws for a stack without the pack', () => {
    const stack = newStack();
    network(stack);
    expect(Ipv6Checks.findingsOf(stack).length).toBeGreaterThan(0);
    expect(() => Ipv6Checks.findingsOf(newStack())).toThrow(/no Ipv6Checks applies to stack 'test'/);
  });
});

describe('synthesis', () => {
  function badApp(outdir: string, suppress?: (stack: TerraformStack) => void) {
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, 'bad');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
    const web = ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.ic5.large' });
    suppress?.(stack);
    return { app, stack, web };
  }

  test('an error finding fails app.synth before cdk.tf.json is written; the report is written with it', () => {
    const outdir = tmpdir();
    const { app } = badApp(outdir);
    expect(() => app.synth()).toThrow(/Encountered Annotations with level "ERROR":\n\[bad\/Web\] \[ALI-IPV6-002\] ContainerGroup 'bad\/Web' asks for an IPv6 address but instanceType has ecs\.ic5\.large.*\. Fix: /);
    const dir = path.join(outdir, 'stacks', 'bad');
    expect(fs.existsSync(path.join(dir, 'cdk.tf.json'))).toBe(false);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'ipv6-checks-report.json'), 'utf-8'));
    expect(report.summary['non-compliant']).toBe(1);
    expect(report.rules.map((r: any) => r.ruleId)).toContain('ALI-IPV6-ERR');
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'ALI-IPV6-002', status: 'non-compliant', constructPath: 'bad/Web' }));
    const csv = fs.readFileSync(path.join(dir, 'ipv6-checks-report.csv'), 'utf-8').split('\n');
    expect(csv[0]).toBe('ruleId,ruleName,level,status,address,constructPath,message,fix,suppressionReason,suppressedAt,linkedTo');
    expect(csv.filter((l) => l.startsWith('ALI-IPV6-002,ipv6-instance-family,error,non-compliant,'))).toHaveLength(1);
  });

  test('a suppressed finding synthesizes, and the report lists it with its reason', () => {
    const outdir = tmpdir();
    const { app } = badApp(outdir, (stack) => Ipv6Checks.suppress(stack.node.findChild('Web'), Ipv6RuleId.INSTANCE_FAMILY, 'ic5 gets IPv6 in our account, ticket 4711'));
    app.synth();
    const dir = path.join(outdir, 'stacks', 'bad');
    expect(fs.existsSync(path.join(dir, 'cdk.tf.json'))).toBe(true);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'ipv6-checks-report.json'), 'utf-8'));
    expect(report.findings).toContainEqual(expect.objectContaining({
      ruleId: 'ALI-IPV6-002', status: 'suppressed', level: 'error', suppressionReason: 'ic5 gets IPv6 in our account, ticket 4711', suppressedAt: 'bad/Web',
    }));
  });

  test('app.synth resolves the stack once: the document resolved for the rules is the one written', () => {
    const resolve = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    const outdir = tmpdir();
    const { app, stack } = badApp(outdir, (s) => Ipv6Checks.suppressAll(s, 'accepted for this test of the memo'));
    app.synth();
    expect(resolve).toHaveBeenCalledTimes(1);
    const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'bad', 'cdk.tf.json'), 'utf-8'));
    resolve.mockRestore();
    expect(written).toEqual(JSON.parse(JSON.stringify(stack.toTerraform())));
  });

  test('Testing.synth output is unchanged by the pack and never stale', () => {
    const stack = rawStack();
    const vpc = new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    const first = JSON.parse(Testing.synth(stack));
    expect(Object.keys(first.resource)).toEqual(['alicloud_vpc']);
    vpc.addOverride('description', 'changed');
    expect(JSON.parse(Testing.synth(stack)).resource.alicloud_vpc.Vpc.description).toBe('changed');
  });

  test('after a failed app.synth, the next synth resolves afresh', () => {
    const outdir = tmpdir();
    const { app, stack, web } = badApp(outdir);
    expect(() => app.synth()).toThrow();
    web.rosStack!.addOverride('description_for_test', 'x');
    expect(Testing.synth(stack)).toContain('description_for_test');
  });

  test('annotations are not repeated when a stack is synthesized twice', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.ic5.large' });
    findings(stack);
    findings(stack);
    expect(annotations(stack)).toHaveLength(1);
  });
});

describe('suppressions', () => {
  test('a reason shorter than 10 characters throws', () => {
    const stack = newStack();
    expect(() => Ipv6Checks.suppress(stack, Ipv6RuleId.REGION, 'because')).toThrow(/at least 10 characters, got "because"/);
    expect(() => Ipv6Checks.suppressAll(stack, '   short  ')).toThrow(/at least 10 characters/);
  });

  test('an unknown rule ID throws', () => {
    expect(() => Ipv6Checks.suppress(newStack(), 'ALI-IPV6-999', 'a good long reason')).toThrow(/unknown rule ID 'ALI-IPV6-999'/);
  });

  test('a finding on a ContainerGroup\'s resource is reported at the construct; a suppression on the resource itself still covers it', () => {
    const stack = newStack();
    const web = ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.hfc5.xlarge' });
    let f = only(stack, Ipv6RuleId.INSTANCE_FAMILY);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, constructPath: 'test/Web', address: expect.stringMatching(/^alicloud_ros_stack\./) });
    Ipv6Checks.suppress(web.rosStack!, Ipv6RuleId.INSTANCE_FAMILY, 'hfc5 checked by hand for this one group');
    f = only(stack, Ipv6RuleId.INSTANCE_FAMILY);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.SUPPRESSED, constructPath: 'test/Web', suppressedAt: 'test/Web/Stack' });
  });

  test('a suppression on the stack covers every resource; the nearest scope\'s reason is reported', () => {
    const stack = newStack('me-east-1');
    const net = network(stack, ['me-east-1a']);
    ipv6Eci(stack, 'Web', net);
    Ipv6Checks.suppress(stack, Ipv6RuleId.REGION, 'Dubai has IPv6 since 2026, checked in the console');
    Ipv6Checks.suppress(stack.node.findChild('Web'), Ipv6RuleId.REGION, 'the web ECI is tested in Dubai');
    const region = findingsOf(stack, Ipv6RuleId.REGION);
    expect(region.map((f) => f.status)).toEqual(region.map(() => Ipv6CheckStatus.SUPPRESSED));
    expect(region.find((f) => f.constructPath === 'test/Web')!.suppressionReason).toBe('the web ECI is tested in Dubai');
    expect(region.find((f) => f.constructPath === 'test/Vpc/Resource')!.suppressedAt).toBe('test');
    expect(annotations(stack)).toEqual([]);
  });

  test('not-verifiable findings can be suppressed too', () => {
    const stack = rawStack(null);
    new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    Ipv6Checks.suppressAll(stack.node.findChild('Vpc'), 'region comes from ALICLOUD_REGION in CI');
    expect(only(stack, Ipv6RuleId.REGION).status).toBe(Ipv6CheckStatus.SUPPRESSED);
    expect(annotations(stack, 'warn')).toEqual([]);
  });
});

describe('levels', () => {
  test('ruleLevels lowers a rule to a warning (synthesis goes on) or raises one to an error', () => {
    const stack = rawStack('cn-huhehaote', { ruleLevels: { [Ipv6RuleId.INSTANCE_FAMILY]: Ipv6CheckLevel.WARNING, [Ipv6RuleId.IPV6_BANDWIDTH_RANGE]: Ipv6CheckLevel.ERROR } });
    const net = rawNetwork(stack);
    rawRosEci(stack, 'Eci', net.vswitch.id, net.sg.id, { InstanceType: 'ecs.ic5.large', Cpu: undefined, Memory: undefined });
    new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(stack, 'Bw', { ipv6AddressId: 'ipv6-1', ipv6GatewayId: 'ipv6gw-1', bandwidth: 3000 });
    expect(only(stack, Ipv6RuleId.INSTANCE_FAMILY).level).toBe(Ipv6CheckLevel.WARNING);
    expect(only(stack, Ipv6RuleId.IPV6_BANDWIDTH_RANGE).level).toBe(Ipv6CheckLevel.ERROR);
    expect(annotations(stack)).toEqual([expect.stringContaining('[ALI-IPV6-007]')]);
  });

  test('"*" sets every rule; a specific ID wins over it', () => {
    const stack = rawStack('me-east-1', { ruleLevels: { '*': Ipv6CheckLevel.OFF, [Ipv6RuleId.REGION]: Ipv6CheckLevel.INFO } });
    new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    expect(findings(stack).map((f) => [f.ruleId, f.level])).toEqual([[Ipv6RuleId.REGION, Ipv6CheckLevel.INFO]]);
  });

  test('unknown rule IDs and contradictory families are rejected', () => {
    expect(() => new Ipv6Checks({ ruleLevels: { 'ALI-IPV6-042': Ipv6CheckLevel.OFF } })).toThrow(/unknown rule ID 'ALI-IPV6-042'/);
    expect(() => new Ipv6Checks({ additionalIpv6Families: ['g8i'], additionalNonIpv6Families: ['ecs.g8i'] })).toThrow(/'g8i' is in both/);
  });

  test('the rule catalogue lists every rule with its levels', () => {
    expect(Ipv6Checks.rules().map((r) => r.ruleId)).toEqual([...Object.values(Ipv6RuleId)]);
  });
});

describe('robustness', () => {
  test('a rule that throws becomes an ALI-IPV6-ERR finding (a warning), and the other rules still run', () => {
    jest.spyOn(RuleContext.prototype, 'regionOf').mockImplementation(() => {
      throw new Error('boom');
    });
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack));
    const all = findings(stack);
    const failures = all.filter((f) => f.ruleId === Ipv6RuleId.RULE_FAILURE);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toMatchObject({ level: Ipv6CheckLevel.WARNING, status: Ipv6CheckStatus.NON_COMPLIANT });
    expect(failures.find((f) => f.constructPath === 'test/Web')!.message).toMatch(/^Rule ALI-IPV6-001 \(ipv6-region\) failed on alicloud_ros_stack\.Web_Stack_\w+: boom; that rule did not check it$/);
    expect(all.some((f) => f.ruleId === Ipv6RuleId.IPV6_VSWITCH && f.status === Ipv6CheckStatus.COMPLIANT)).toBe(true);
    expect(annotations(stack)).toEqual([]);
  });

  test('a rule that throws while listing its resources is reported on the stack', () => {
    jest.spyOn(ipv6Region, 'subjects').mockImplementation(() => {
      throw new Error('cannot list');
    });
    const stack = rawStack();
    expect(findingsOf(stack, Ipv6RuleId.RULE_FAILURE)).toEqual([expect.objectContaining({ address: 'stack test', constructPath: 'test' })]);
  });

  test('a stack made only of values unknown until apply gives not-verifiable findings, no failure', () => {
    const stack = rawStack(null);
    const v = (name: string, type = 'string') => new TerraformVariable(stack, name, { type });
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: v('region').stringValue });
    const vpc = new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: v('cidr').stringValue, enableIpv6: v('v6', 'bool').booleanValue });
    const vsw = new alicloud.vswitch.Vswitch(stack, 'Vsw', {
      vpcId: vpc.id,
      zoneId: v('zone').stringValue,
      cidrBlock: v('vcidr').stringValue,
      enableIpv6: v('vv6', 'bool').booleanValue,
      ipv6CidrBlockMask: v('mask', 'number').numberValue,
    });
    new alicloud.rosStack.RosStack(stack, 'Eci', { stackName: 'eci', templateBody: v('template').stringValue });
    rawRosEci(stack, 'Eci2', vsw.id, v('sg').stringValue, { Ipv6AddressCount: { Ref: 'Count' }, InstanceType: { 'Fn::Join': [',', ['a']] } });
    const sg = new alicloud.securityGroup.SecurityGroup(stack, 'Sg', { vpcId: vpc.id });
    new alicloud.securityGroupRule.SecurityGroupRule(stack, 'Rule', {
      securityGroupId: sg.id, type: v('type').stringValue, ipProtocol: v('proto').stringValue, ipv6CidrIp: v('src').stringValue,
    });
    new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(stack, 'Bw', {
      ipv6AddressId: v('addr').stringValue, ipv6GatewayId: v('gw').stringValue, bandwidth: v('bw', 'number').numberValue, internetChargeType: v('charge').stringValue,
    });
    const all = findings(stack);
    expect(all.filter((f) => f.ruleId === Ipv6RuleId.RULE_FAILURE)).toEqual([]);
    expect(all.filter((f) => f.status === Ipv6CheckStatus.NON_COMPLIANT)).toEqual([]);
    expect(all.filter((f) => f.status === Ipv6CheckStatus.NOT_VERIFIABLE).length).toBeGreaterThanOrEqual(5);
    expect(annotations(stack)).toEqual([]);
  });
});
