import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { evaluateDoc, tfDoc } from './doc';
import { Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId } from '../../src';
import { annotationText } from '../../src/rules/engine';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, subject, Verdict } from '../../src/rules/rule';
import { evaluate } from '../../src/rules/stack-engine';

/** A stack whose node metadata we read (annotations land on the stack: the document has no construct paths). */
function stackIn(scope: Construct = Testing.app()): TerraformStack {
  return new TerraformStack(scope, 'doc');
}

function annotationsOf(stack: TerraformStack): Array<[string, string]> {
  return stack.node.metadata.filter((m) => m.type.startsWith('@cdktf/')).map((m) => [m.type.replace('@cdktf/', ''), String(m.data)]);
}

const DOC = tfDoc({ alicloud_vpc: { a: { enable_ipv6: true }, b: { enable_ipv6: true } } });

/** A rule with the given verdict for every VPC. */
function fakeRule(verdict: () => Verdict, options: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    id: Ipv6RuleId.REGION,
    name: 'fake',
    level: Ipv6CheckLevel.ERROR,
    notVerifiableLevel: Ipv6CheckLevel.INFO,
    summary: 'a fake rule',
    *subjects(ctx) {
      for (const b of ctx.ofType('alicloud_vpc')) yield subject(b, verdict);
    },
    ...options,
  };
}

function run(rules: RuleDefinition[], props: ConstructorParameters<typeof Ipv6Checks>[0] = {}, stack = stackIn()) {
  const pack = new Ipv6Checks(props);
  const findings = evaluate(DOC, stack, { facts: pack._facts, ruleLevels: pack._ruleLevels }, rules);
  return { findings, annotations: annotationsOf(stack) };
}

describe('levels', () => {
  test('non-compliant findings are errors, warnings or infos as the rule says, and annotated at that level', () => {
    const { findings, annotations } = run([
      fakeRule(() => nonCompliant('bad', 'fix it')),
      fakeRule(() => nonCompliant('meh', 'fix it', Ipv6CheckLevel.WARNING), { id: Ipv6RuleId.INSTANCE_FAMILY }),
      fakeRule(() => notVerifiable('unknown', 'look')),
    ]);
    expect(findings.map((f) => [f.ruleId, f.status, f.level])).toEqual([
      ['ALI-IPV6-001', 'non-compliant', 'error'], ['ALI-IPV6-001', 'non-compliant', 'error'],
      ['ALI-IPV6-002', 'non-compliant', 'warning'], ['ALI-IPV6-002', 'non-compliant', 'warning'],
      ['ALI-IPV6-001', 'not-verifiable', 'info'], ['ALI-IPV6-001', 'not-verifiable', 'info'],
    ]);
    // one annotation per distinct text and level on the same construct
    expect(annotations).toEqual([
      ['error', '[ALI-IPV6-001] bad. Fix: fix it.'],
      ['warn', '[ALI-IPV6-002] meh. Fix: fix it.'],
      ['info', '[ALI-IPV6-001] unknown. Fix: look.'],
    ]);
  });

  test('a not-verifiable level above the rule\'s effective level is lowered to it', () => {
    const rule = fakeRule(() => notVerifiable('unknown', 'look', Ipv6CheckLevel.ERROR), { level: Ipv6CheckLevel.WARNING });
    expect(run([rule]).findings.map((f) => f.level)).toEqual(['warning', 'warning']);
    expect(run([rule], { ruleLevels: { [Ipv6RuleId.REGION]: Ipv6CheckLevel.INFO } }).findings.map((f) => f.level)).toEqual(['info', 'info']);
    const warning = fakeRule(() => notVerifiable('unknown'), { notVerifiableLevel: Ipv6CheckLevel.WARNING });
    expect(run([warning]).findings.map((f) => f.level)).toEqual(['warning', 'warning']);
  });

  test('a ruleLevels override (by ID or "*") replaces the level a verdict asks for', () => {
    const rule = fakeRule(() => nonCompliant('meh', 'fix', Ipv6CheckLevel.WARNING));
    expect(run([rule], { ruleLevels: { '*': Ipv6CheckLevel.ERROR } }).findings.map((f) => f.level)).toEqual(['error', 'error']);
    expect(run([rule], { ruleLevels: { [Ipv6RuleId.REGION]: Ipv6CheckLevel.ERROR } }).findings.map((f) => f.level)).toEqual(['error', 'error']);
    expect(run([rule], { ruleLevels: { [Ipv6RuleId.INSTANCE_FAMILY]: Ipv6CheckLevel.ERROR } }).findings.map((f) => f.level)).toEqual(['warning', 'warning']);
  });

  test('compliant findings carry the rule\'s level and no fix, and are not annotated', () => {
    const { findings, annotations } = run([fakeRule(() => compliant('fine.'))], { ruleLevels: { [Ipv6RuleId.REGION]: Ipv6CheckLevel.WARNING } });
    expect(findings[0]).toEqual({
      ruleId: 'ALI-IPV6-001', ruleName: 'fake', level: 'warning', status: 'compliant', address: 'alicloud_vpc.a', constructPath: 'doc', message: 'fine',
    });
    expect(annotations).toEqual([]);
  });

  test('messages and fixes lose their final periods and spaces; a long expression keeps no dangling dots', () => {
    const { findings } = run([fakeRule(() => nonCompliant('  bad ... ', ' fix it. \n'))]);
    expect(findings[0]).toMatchObject({ message: 'bad', fix: 'fix it' });
    const long = `\${${'x'.repeat(200)}}`;
    const [f] = evaluateDoc(tfDoc({ alicloud_vpc_ipv6_internet_bandwidth: { bw: { bandwidth: long } } }))
      .filter((x) => x.ruleId === Ipv6RuleId.IPV6_BANDWIDTH_RANGE);
    expect(f.message).toBe(`Cannot verify at synth time the bandwidth of IPv6 Internet bandwidth alicloud_vpc_ipv6_internet_bandwidth.bw: it is the expression ${long.slice(0, 117)}`);
    expect(annotationText(f)).toBe(`[ALI-IPV6-007] ${f.message}. Fix: use a literal bandwidth from 1 to 5000 Mbit/s.`);
  });

  test('an expression of exactly 120 characters is shown whole; 121 are cut to 117 and "..."', () => {
    const bw = (n: number) => {
      const expr = `\${${'y'.repeat(n - 3)}}`;
      const f = evaluateDoc(tfDoc({ alicloud_vpc_ipv6_internet_bandwidth: { bw: { bandwidth: 1, internet_charge_type: expr } } }))
        .find((x) => x.ruleId === Ipv6RuleId.IPV6_BANDWIDTH_RANGE)!;
      return f.message;
    };
    expect(bw(120)).toMatch(/has 1 Mbit\/s, within every per-address cap$/);
    const f = evaluateDoc(tfDoc({ alicloud_vpc_ipv6_internet_bandwidth: { bw: { bandwidth: 1500, internet_charge_type: `\${${'y'.repeat(117)}}` } } }))
      .find((x) => x.ruleId === Ipv6RuleId.IPV6_BANDWIDTH_RANGE)!;
    expect(f.message.endsWith(`internet_charge_type is the expression \${${'y'.repeat(117)}}`)).toBe(true);
    const g = evaluateDoc(tfDoc({ alicloud_vpc_ipv6_internet_bandwidth: { bw: { bandwidth: 1500, internet_charge_type: `\${${'y'.repeat(118)}}` } } }))
      .find((x) => x.ruleId === Ipv6RuleId.IPV6_BANDWIDTH_RANGE)!;
    expect(g.message.endsWith(`internet_charge_type is the expression \${${'y'.repeat(115)}`)).toBe(true);
  });
});

describe('rule failures', () => {
  const boom = () => {
    throw new Error('boom');
  };

  test('a check that throws is a warning on that resource, naming the rule, the resource and the error', () => {
    const { findings, annotations } = run([fakeRule(boom)]);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toEqual({
      ruleId: 'ALI-IPV6-ERR',
      ruleName: 'rule-failure',
      level: 'warning',
      status: 'non-compliant',
      address: 'alicloud_vpc.a',
      constructPath: 'doc',
      message: 'Rule ALI-IPV6-001 (fake) failed on alicloud_vpc.a: boom; that rule did not check it',
      fix: 'report this bug with the message; meanwhile check the resource by hand, or suppress ALI-IPV6-ERR on it',
    });
    expect(annotations.map(([type]) => type)).toEqual(['warn', 'warn']);
  });

  test('a thrown value that is not an Error is reported as text', () => {
    const rule = fakeRule(() => {
      throw 'plain text';
    });
    expect(run([rule]).findings[0].message).toBe('Rule ALI-IPV6-001 (fake) failed on alicloud_vpc.a: plain text; that rule did not check it');
  });

  test('a rule that throws while listing, or in the middle of its list, is reported on the stack; the other rules still run', () => {
    const listing = fakeRule(boom, { subjects: boom });
    const midway = fakeRule(() => compliant('ok'), {
      id: Ipv6RuleId.INSTANCE_FAMILY,
      *subjects(ctx) {
        yield subject(ctx.ofType('alicloud_vpc')[0], () => compliant('ok'));
        throw new Error('lost my place');
      },
    });
    const after = fakeRule(() => compliant('still checked'), { id: Ipv6RuleId.SINGLE_IPV6_ADDRESS });
    const { findings } = run([listing, midway, after]);
    expect(findings.map((f) => [f.ruleId, f.status, f.address, f.message])).toEqual([
      ['ALI-IPV6-ERR', 'non-compliant', 'stack doc', 'Rule ALI-IPV6-001 (fake) failed while listing the resources to check: boom; that rule did not check it'],
      ['ALI-IPV6-002', 'compliant', 'alicloud_vpc.a', 'ok'],
      ['ALI-IPV6-ERR', 'non-compliant', 'stack doc', 'Rule ALI-IPV6-002 (fake) failed while listing the resources to check: lost my place; that rule did not check it'],
      ['ALI-IPV6-003', 'compliant', 'alicloud_vpc.a', 'still checked'],
      ['ALI-IPV6-003', 'compliant', 'alicloud_vpc.b', 'still checked'],
    ]);
    expect(findings[0].constructPath).toBe('doc');
  });

  test('failures follow ruleLevels: raised to an error, or off', () => {
    expect(run([fakeRule(boom)], { ruleLevels: { [Ipv6RuleId.RULE_FAILURE]: Ipv6CheckLevel.ERROR } }).annotations.map(([t]) => t)).toEqual(['error', 'error']);
    const off = run([fakeRule(boom)], { ruleLevels: { [Ipv6RuleId.RULE_FAILURE]: Ipv6CheckLevel.OFF } });
    expect(off.findings).toEqual([]);
    expect(off.annotations).toEqual([]);
  });
});

describe('suppressions through the engine', () => {
  test('a suppression on the app covers a stack; suppressedAt reads "(app)"', () => {
    const app = Testing.app();
    const stack = stackIn(app);
    Ipv6Checks.suppressAll(app, 'the whole app is a lab environment');
    const { findings, annotations } = run([fakeRule(() => nonCompliant('bad', 'fix'))], {}, stack);
    expect(findings.map((f) => [f.status, f.suppressionReason, f.suppressedAt])).toEqual([
      ['suppressed', 'the whole app is a lab environment', '(app)'], ['suppressed', 'the whole app is a lab environment', '(app)'],
    ]);
    expect(annotations).toEqual([]);
  });

  test('a suppression on a construct that holds the stack covers it', () => {
    const group = new Construct(Testing.app(), 'Group');
    const stack = stackIn(group);
    Ipv6Checks.suppress(group, Ipv6RuleId.REGION, 'the group is checked by the network team');
    expect(run([fakeRule(() => nonCompliant('bad', 'fix'))], {}, stack).findings.map((f) => [f.status, f.suppressedAt])).toEqual([
      ['suppressed', 'Group'], ['suppressed', 'Group'],
    ]);
  });

  test('compliant findings stay compliant under a suppression; a suppression of another rule does not apply', () => {
    const stack = stackIn();
    Ipv6Checks.suppressAll(stack, 'everything here is accepted as is');
    expect(run([fakeRule(() => compliant('fine'))], {}, stack).findings.map((f) => f.status)).toEqual(['compliant', 'compliant']);
    const other = stackIn();
    Ipv6Checks.suppress(other, Ipv6RuleId.INSTANCE_FAMILY, 'families are checked elsewhere');
    expect(run([fakeRule(() => nonCompliant('bad', 'fix'))], {}, other).findings.map((f) => f.status)).toEqual(['non-compliant', 'non-compliant']);
  });

  test('several suppressions on one construct each apply to their rule; a rule-specific one wins over suppressAll', () => {
    const stack = stackIn();
    Ipv6Checks.suppressAll(stack, 'the general reason for all');
    Ipv6Checks.suppress(stack, Ipv6RuleId.REGION, 'the region reason is specific');
    Ipv6Checks.suppress(stack, Ipv6RuleId.INSTANCE_FAMILY, 'the family reason is specific');
    const { findings } = run([
      fakeRule(() => nonCompliant('bad', 'fix')),
      fakeRule(() => nonCompliant('bad', 'fix'), { id: Ipv6RuleId.INSTANCE_FAMILY }),
      fakeRule(() => nonCompliant('bad', 'fix'), { id: Ipv6RuleId.SINGLE_IPV6_ADDRESS }),
    ], {}, stack);
    expect([...new Set(findings.map((f) => `${f.ruleId}: ${f.suppressionReason}`))]).toEqual([
      'ALI-IPV6-001: the region reason is specific', 'ALI-IPV6-002: the family reason is specific', 'ALI-IPV6-003: the general reason for all',
    ]);
  });

  test('a rule ID with spaces around it is accepted and stored trimmed', () => {
    const stack = stackIn();
    Ipv6Checks.suppress(stack, ` ${Ipv6RuleId.REGION} `, 'padded IDs come from config files');
    expect(run([fakeRule(() => nonCompliant('bad', 'fix'))], {}, stack).findings[0].status).toBe(Ipv6CheckStatus.SUPPRESSED);
  });

  test('the errors name the scope (or the app), the rule IDs to use and the reason given', () => {
    const app = Testing.app();
    expect(() => Ipv6Checks.suppress(app, 'ALI-IPV6-999', 'a long enough reason')).toThrow(
      "Ipv6Checks.suppress at '(app)': unknown rule ID 'ALI-IPV6-999'. Fix: use one of ALI-IPV6-001, ALI-IPV6-002, ALI-IPV6-003, ALI-IPV6-004, ALI-IPV6-005, "
      + 'ALI-IPV6-006, ALI-IPV6-007, ALI-IPV6-008, ALI-IPV6-009, ALI-IPV6-010, ALI-IPV6-011, ALI-IPV6-012, ALI-IPV6-013, ALI-IPV6-014, ALI-IPV6-015, ALI-IPV6-016, ALI-IPV6-ERR (Ipv6RuleId), or Ipv6Checks.suppressAll for every rule.');
    expect(() => Ipv6Checks.suppress(stackIn(app), 42 as any, 'a long enough reason')).toThrow("Ipv6Checks.suppress at 'doc': unknown rule ID '42'.");
    expect(() => Ipv6Checks.suppress(app, Ipv6RuleId.REGION, undefined as any)).toThrow(
      "Ipv6Checks.suppress at '(app)': the reason for suppressing ALI-IPV6-001 must be at least 10 characters, got \"\". Fix: say why the finding does not apply");
    expect(() => Ipv6Checks.suppress(app, Ipv6RuleId.REGION, 42 as any)).toThrow('must be at least 10 characters, got 42.');
    expect(() => Ipv6Checks.suppress(app, Ipv6RuleId.REGION, ' 123456789 ')).toThrow(/got " 123456789 "/);
    expect(() => Ipv6Checks.suppress(app, Ipv6RuleId.REGION, '0123456789')).not.toThrow();
  });
});
