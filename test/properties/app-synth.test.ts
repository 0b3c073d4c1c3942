/**
 * A sample of generated stacks with every L2 (dual-stack VPC, security group rules, IPv6 and non-IPv6 container
 * groups, a fleet) is synthesized for real with `app.synth()` into a temporary directory: it must not throw
 * (error annotations fail it), cdk.tf.json must pass the plan checker, equal what `Testing.synth` gives for the
 * same props (apart from cdktf's `//` metadata), and be byte-identical across two apps.
 *
 * Cases: FC_NUM_RUNS / 10 (each case writes files and synthesizes three times).
 * The default local backend that app.synth() adds is the only expected difference.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { containerGroupCase, ContainerGroupCase, fleetCase, FleetCase, params, sgRule, SgRuleCase, timeout, VpcCase, vpcCase } from './arbitraries';
import { errorAnnotations, expectClean, withoutMetadata } from './harness';
import { AlicloudPlanChecker, alicloud, ContainerGroup, ContainerGroupFleet, DualStackVpc, SecurityGroup } from '../../src';

const SCALE = 0.1;

interface StackCase {
  readonly vpc: VpcCase;
  readonly rules: SgRuleCase[];
  readonly groups: ContainerGroupCase[];
  readonly fleet?: FleetCase;
}

const stackCase: fc.Arbitrary<StackCase> = fc.record({
  vpc: vpcCase,
  rules: fc.array(sgRule, { maxLength: 3 }),
  groups: fc.array(containerGroupCase(), { minLength: 1, maxLength: 3 }),
  fleet: fc.option(fleetCase(), { nil: undefined }),
});

/** The whole stack from a StackCase, in `app`. */
function build(app: App, c: StackCase): TerraformStack {
  const stack = new TerraformStack(app, 'props');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: c.vpc.region });
  // bandwidth needs the gateway: keep the VPC's default one
  const vpc = new DualStackVpc(stack, 'Vpc', {
    zones: c.vpc.zones, cidrBlock: c.vpc.cidrBlock, vSwitchCidrMask: c.vpc.vSwitchCidrMask, vpcName: c.vpc.vpcName, tags: c.vpc.tags,
  });
  const sg = new SecurityGroup(stack, 'Sg', { vpc });
  // one rule per peer text at most: distinct IPv6 texts may collide in construct ids (known-bugs.test.ts, BUG 1)
  const seen = new Set<string>();
  for (const r of c.rules) {
    const id = r.peer.peer.cidr.replace(/[.:]/g, '-');
    if (seen.has(id)) continue;
    seen.add(id);
    if (r.direction === 'ingress') sg.addIngressRule(r.peer.peer, r.port, r.description);
    else sg.addEgressRule(r.peer.peer, r.port, r.description);
  }
  c.groups.forEach((g, i) => {
    const { vSwitchIndex, containerGroupName, ...props } = g;
    new ContainerGroup(stack, `Group${i}`, {
      vpc,
      securityGroup: sg,
      vSwitch: vpc.vSwitches[vSwitchIndex % vpc.vSwitches.length],
      ...props,
      // names must be unique in the stack
      containerGroupName: containerGroupName === undefined ? undefined : `${containerGroupName}-${i}`,
    });
  });
  if (c.fleet) {
    const { vSwitchMask, ...props } = c.fleet;
    new ContainerGroupFleet(stack, 'Fleet', { vpc, securityGroup: sg, ...props });
  }
  return stack;
}

test('app.synth() writes a clean cdk.tf.json equal to Testing.synth, and the same twice', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-props-app-'));
  try {
    let n = 0;
    fc.assert(fc.property(stackCase, (c) => {
      const files = [0, 1].map(() => {
        const outdir = path.join(root, `${n++}`);
        const app = new App({ outdir, stackTraces: false });
        const stack = build(app, c);
        app.synth();
        expect(errorAnnotations(stack)).toEqual([]);
        const text = fs.readFileSync(path.join(outdir, 'stacks', 'props', 'cdk.tf.json'), 'utf-8');
        fs.rmSync(outdir, { recursive: true, force: true });
        return text;
      });
      expect(files[0]).toBe(files[1]);
      const doc = JSON.parse(files[0]);
      expect(AlicloudPlanChecker.checkObject(doc).filter((f) => f.level === 'error')).toEqual([]);

      const testingApp = Testing.app({ outdir: root });
      const { doc: viaTesting } = expectClean(build(testingApp, c));
      // app.synth() adds the default local backend; Testing.synth does not
      const { backend, ...terraform } = withoutMetadata(doc).terraform;
      expect(backend).toEqual({ local: { path: expect.stringMatching(/terraform\.props\.tfstate$/) } });
      expect({ ...withoutMetadata(doc), terraform }).toEqual(viaTesting);
    }), params(SCALE));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}, timeout(SCALE * 4));
