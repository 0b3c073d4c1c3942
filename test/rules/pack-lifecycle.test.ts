import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { annotations } from './util';
import { alicloud, Ipv6CheckLevel, Ipv6Checks, Ipv6RuleId } from '../../src';
import { ipv6Region } from '../../src/rules/rules/ipv6-region';

afterEach(() => jest.restoreAllMocks());

/** A raw stack with one IPv6 VPC in a region without IPv6 (an ALI-IPV6-001 error). */
function dubaiStack(scope: Construct, id = 'dubai'): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'me-east-1' });
  new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
  return stack;
}

function outdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-pack-'));
}

describe('options', () => {
  test('the constructor lists every problem at once, with the known IDs and levels', () => {
    expect(() => new Ipv6Checks({ ruleLevels: { 'ALI-IPV6-042': Ipv6CheckLevel.OFF, 'ALI-IPV6-001': 'loud' as Ipv6CheckLevel } })).toThrow(
      "Ipv6Checks: ruleLevels: unknown rule ID 'ALI-IPV6-042' (known: ALI-IPV6-001, ALI-IPV6-002, ALI-IPV6-003, ALI-IPV6-004, ALI-IPV6-005, ALI-IPV6-006, "
      + "ALI-IPV6-007, ALI-IPV6-008, ALI-IPV6-009, ALI-IPV6-010, ALI-IPV6-011, ALI-IPV6-012, ALI-IPV6-013, ALI-IPV6-014, ALI-IPV6-015, ALI-IPV6-016, ALI-IPV6-ERR, *); ruleLevels['ALI-IPV6-001']: 'loud' is not an Ipv6CheckLevel. "
      + 'Fix: use the rule IDs and levels listed in RULES.md (Ipv6RuleId, Ipv6CheckLevel), and put each family in one list only.');
  });

  test('families given by the user are cited as such in the message', () => {
    const stack = dubaiStack(Testing.app());
    Aspects.of(stack).add(new Ipv6Checks({ additionalNonIpv6Families: [' ECS.G7 '], additionalIpv6Families: ['ecs.ic5'], additionalRegions: ['me-east-1'] }));
    new alicloud.rosStack.RosStack(stack, 'Eci', {
      stackName: 'eci',
      templateBody: JSON.stringify({ Resources: { Eci: { Type: 'ALIYUN::ECI::ContainerGroup', Properties: { Ipv6AddressCount: 1, InstanceType: 'ecs.g7.large,ecs.ic5.large' } } } }),
    });
    Testing.synth(stack);
    const f = Ipv6Checks.findingsOf(stack).find((x) => x.ruleId === Ipv6RuleId.INSTANCE_FAMILY)!;
    expect(f.message).toContain('has ecs.g7.large (family g7), which does not support IPv6');
    expect(f.message).toContain('(source: Ipv6ChecksProps, given by the user)');
  });

  test('applyTo does nothing outside a stack', () => {
    const app = Testing.app();
    expect(() => Ipv6Checks.applyTo(new Construct(app, 'Loose'))).not.toThrow();
    expect(Aspects.of(app).all).toEqual([]);
  });
});

describe('when the rules run', () => {
  test('Testing.synth runs the rules and annotates the resources, without findingsOf', () => {
    const stack = dubaiStack(Testing.app());
    Aspects.of(stack).add(new Ipv6Checks());
    Testing.synth(stack);
    expect(annotations(stack)).toEqual([expect.stringMatching(/^dubai\/Vpc: \[ALI-IPV6-001\] VPC alicloud_vpc\.Vpc \(IPv6 enabled\) deploys to region me-east-1/)]);
  });

  test('findingsOf after a synth returns that synth\'s findings without running the rules again', () => {
    const stack = dubaiStack(Testing.app());
    Aspects.of(stack).add(new Ipv6Checks());
    Testing.synth(stack);
    const subjects = jest.spyOn(ipv6Region, 'subjects');
    expect(Ipv6Checks.findingsOf(stack).map((f) => f.ruleId)).toContain(Ipv6RuleId.REGION);
    expect(Ipv6Checks.findingsOf(stack).map((f) => f.ruleId)).toContain(Ipv6RuleId.REGION);
    expect(subjects).not.toHaveBeenCalled();
  });

  test('a second synth after a change reports the change', () => {
    const stack = dubaiStack(Testing.app());
    Aspects.of(stack).add(new Ipv6Checks());
    Testing.synth(stack);
    expect(Ipv6Checks.findingsOf(stack).filter((f) => f.ruleId === Ipv6RuleId.REGION)).toHaveLength(1);
    new alicloud.vpc.Vpc(stack, 'Second', { cidrBlock: '10.1.0.0/16', enableIpv6: true });
    Testing.synth(stack);
    expect(Ipv6Checks.findingsOf(stack).filter((f) => f.ruleId === Ipv6RuleId.REGION)).toHaveLength(2);
  });

  test('findingsOf before any synth uses the nearest pack: the stack\'s before the app\'s', () => {
    const app = Testing.app();
    Aspects.of(app).add(new Ipv6Checks({ ruleLevels: { [Ipv6RuleId.REGION]: Ipv6CheckLevel.OFF } }));
    const stack = dubaiStack(app);
    Aspects.of(stack).add(new Ipv6Checks({ ruleLevels: { [Ipv6RuleId.REGION]: Ipv6CheckLevel.WARNING } }));
    expect(Ipv6Checks.findingsOf(stack).filter((f) => f.ruleId === Ipv6RuleId.REGION).map((f) => f.level)).toEqual([Ipv6CheckLevel.WARNING]);
  });

  // OPEN BUG (found by mutation testing, not fixed here): cdktf 0.21 invokes at synth only the aspects of the
  // stack and its children (invokeAspects(stack)), never those of the app. A pack added to the app is
  // therefore never registered for app.synth / cdktf synth: no annotation, no error, no report. Only
  // findingsOf sees it (it looks up the scopes). RULES.md says a pack on the app checks every stack.
  test.failing('a pack on the app fails app.synth for an error in any stack', () => {
    const app = new App({ outdir: outdir(), stackTraces: false });
    Aspects.of(app).add(new Ipv6Checks());
    dubaiStack(app);
    expect(() => app.synth()).toThrow(/\[dubai\/Vpc\] \[ALI-IPV6-001\]/);
  });

  test('a pack added on a construct inside a raw stack checks the whole stack', () => {
    const stack = dubaiStack(Testing.app());
    const holder = new Construct(stack, 'Holder');
    Aspects.of(holder).add(new Ipv6Checks({ ruleLevels: { [Ipv6RuleId.REGION]: Ipv6CheckLevel.INFO } }));
    Testing.synth(stack);
    expect(Ipv6Checks.findingsOf(stack).filter((f) => f.ruleId === Ipv6RuleId.REGION).map((f) => [f.status, f.level])).toEqual([['non-compliant', 'info']]);
  });

  test('after a failed app.synth, the stack\'s own toTerraform does not hand out the document of that synth', async () => {
    const app = new App({ outdir: outdir(), stackTraces: false });
    const stack = dubaiStack(app);
    Aspects.of(stack).add(new Ipv6Checks());
    expect(() => app.synth()).toThrow();
    await Promise.resolve();
    (stack.node.findChild('Vpc') as alicloud.vpc.Vpc).addOverride('description', 'changed after the failed synth');
    expect(JSON.stringify(stack.toTerraform())).toContain('changed after the failed synth');
  });
});

describe('reports written by app.synth', () => {
  function synthReport(props: ConstructorParameters<typeof Ipv6Checks>[0]) {
    const dir = outdir();
    const app = new App({ outdir: dir, stackTraces: false });
    const stack = new TerraformStack(app, 'ok');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    Aspects.of(stack).add(new Ipv6Checks(props));
    app.synth();
    return path.join(dir, 'stacks', 'ok');
  }

  test('a second app.synth after a change writes the new findings', () => {
    const dir = outdir();
    const app = new App({ outdir: dir, stackTraces: false });
    const stack = new TerraformStack(app, 'ok');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
    Aspects.of(stack).add(new Ipv6Checks());
    const regionFindings = () => JSON.parse(fs.readFileSync(path.join(dir, 'stacks', 'ok', 'ipv6-checks-report.json'), 'utf-8'))
      .findings.filter((f: any) => f.ruleId === Ipv6RuleId.REGION).map((f: any) => f.address);
    app.synth();
    expect(regionFindings()).toEqual(['alicloud_vpc.Vpc']);
    new alicloud.vpc.Vpc(stack, 'Second', { cidrBlock: '10.1.0.0/16', enableIpv6: true });
    app.synth();
    expect(regionFindings()).toEqual(['alicloud_vpc.Vpc', 'alicloud_vpc.Second']);
  });

  test('reports: false writes no report', () => {
    const dir = synthReport({ reports: false });
    expect(fs.existsSync(path.join(dir, 'cdk.tf.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'ipv6-checks-report.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'ipv6-checks-report.csv'))).toBe(false);
  });

  test('the report lists each rule at its effective level: by ID, else "*", else the default', () => {
    const dir = synthReport({ ruleLevels: { '*': Ipv6CheckLevel.WARNING, [Ipv6RuleId.INSTANCE_FAMILY]: Ipv6CheckLevel.INFO } });
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'ipv6-checks-report.json'), 'utf-8'));
    const levels = Object.fromEntries(report.rules.map((r: any) => [r.ruleId, r.level]));
    expect(levels['ALI-IPV6-002']).toBe('info');
    expect(levels['ALI-IPV6-001']).toBe('warning');
    expect(levels['ALI-IPV6-ERR']).toBe('warning');
    const defaults = JSON.parse(fs.readFileSync(path.join(synthReport({}), 'ipv6-checks-report.json'), 'utf-8'));
    expect(defaults.rules.map((r: any) => r.level)).toEqual(Ipv6Checks.rules().map((r) => r.level));
  });
});
