/**
 * Properties of ContainerGroup (native and ROS backends) and ContainerGroupFleet for generated valid props:
 * synthesis succeeds, the plan checker finds no error, no error annotation is added, the plan carries the
 * container spec, the ROS template is consistent (parameters, revision hash), and synthesis is deterministic.
 *
 * At the end, a sample of whole stacks goes through a real `app.synth()`.
 *
 * Cases per property: FC_NUM_RUNS (default 100; `npx projen test:props` runs 10000).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import {
  ContainerGenOptions, ContainerGroupCase, containerGroupCase, FleetCase, fleetCase, params, plainText, regionAndZones, sgRule, SgRuleCase,
  templateLikeText, timeout, VpcCase, vpcCase,
} from './arbitraries';
import { bodies, errorAnnotations, expectClean, forgetTokens, newApp, newStack, tfLiteral, withoutMetadata } from './harness';
import {
  AlicloudPlanChecker, alicloud, ContainerDefinition, ContainerGroup, ContainerGroupBackend, ContainerGroupFleet, DualStackVpc, Peer, Port,
  SecurityGroup,
} from '../../src';

/** A stack with a dual-stack VPC over `zones` and a security group that admits TCP 80 over IPv6. */
function network(region: string, zones: string[]) {
  const { app, stack } = newStack(region);
  const vpc = new DualStackVpc(stack, 'Vpc', { zones });
  const securityGroup = new SecurityGroup(stack, 'Sg', { vpc });
  securityGroup.addIngressRule(Peer.anyIpv6(), Port.tcp(80), 'http');
  return { app, stack, vpc, securityGroup };
}

function buildGroup(stack: TerraformStack, vpc: DualStackVpc, securityGroup: SecurityGroup, c: ContainerGroupCase): ContainerGroup {
  const { vSwitchIndex, ...props } = c;
  return new ContainerGroup(stack, 'Web', { vpc, securityGroup, vSwitch: vpc.vSwitches[vSwitchIndex % vpc.vSwitches.length], ...props });
}

/** Container text includes shell and template-like sequences (`echo ${HOME}`, `%{if}`): they must stay literal on every backend. */
const TEXT: ContainerGenOptions = { text: fc.oneof({ weight: 3, arbitrary: plainText }, { weight: 1, arbitrary: templateLikeText }) };

/** A Terraform JSON string (or list of them) as the literal text it stands for; fails on a template expression. */
function literal(x: any): any {
  if (x === undefined) return undefined;
  if (Array.isArray(x)) return x.map(literal);
  const text = tfLiteral(x);
  if (text === undefined) throw new Error(`the plan holds a Terraform template where literal text was given: ${JSON.stringify(x)}`);
  return text;
}

/** A native or ESS container of the plan, in the terms of `expectedNative`, with strings read as Terraform reads them. */
function plannedNative(x: any) {
  return {
    name: x.name,
    image: literal(x.image),
    ports: x.ports,
    env: x.environment_vars?.map((e: any) => ({ key: e.key, value: literal(e.value) })),
    commands: literal(x.commands),
    args: literal(x.args),
  };
}

/** What every backend must carry for a container, in the native resource's terms. */
function expectedNative(c: ContainerDefinition) {
  const env = c.environment ?? {};
  return {
    name: c.name,
    image: c.image,
    ports: c.ports?.map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })),
    env: c.environment === undefined ? undefined : Object.keys(env).sort().map((key) => ({ key, value: env[key] })),
    commands: c.commands,
    args: c.args,
  };
}

describe('ContainerGroup with valid props', () => {
  test('synthesizes a clean plan on the backend its IPv6 count selects, carrying the containers', () => {
    fc.assert(fc.property(regionAndZones, containerGroupCase(TEXT), (rz, c) => {
      const { stack, vpc, securityGroup } = network(rz.region, rz.zones);
      const cg = buildGroup(stack, vpc, securityGroup, c);
      const { doc } = expectClean(stack);

      expect(cg.containerGroupName).toMatch(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/);
      expect(cg.containerGroupName.length).toBeLessThanOrEqual(128);
      const ipv6 = c.ipv6AddressCount === 1;
      expect(cg.backend).toBe(ipv6 ? ContainerGroupBackend.ROS : ContainerGroupBackend.NATIVE);
      expect(bodies(doc, 'alicloud_vpc_ipv6_internet_bandwidth')).toHaveLength(c.ipv6InternetBandwidth ? 1 : 0);

      if (!ipv6) {
        const [r] = bodies(doc, 'alicloud_eci_container_group');
        expect(bodies(doc, 'alicloud_ros_stack')).toHaveLength(0);
        expect(r.containers.map(plannedNative)).toEqual(c.containers.map(expectedNative));
        expect(r.restart_policy).toBe(c.restartPolicy ?? 'Always');
        return;
      }

      expect(bodies(doc, 'alicloud_eci_container_group')).toHaveLength(0);
      const [rs] = bodies(doc, 'alicloud_ros_stack');
      expect(bodies(doc, 'alicloud_eci_container_groups', 'data')).toHaveLength(1);
      expect(bodies(doc, 'alicloud_vpc_ipv6_addresses', 'data')).toHaveLength(1);

      // template_body is a literal (escaped where it holds template-like text) and valid JSON
      const body = tfLiteral(rs.template_body);
      expect(body).toBeDefined();
      const template = JSON.parse(body!);
      const group = template.Resources.ContainerGroup;
      expect(group.Type).toBe('ALIYUN::ECI::ContainerGroup');
      expect(group.Properties.Ipv6AddressCount).toBe(1);
      expect(group.Properties.ContainerGroupName).toBe(cg.containerGroupName);
      expect(group.Properties.Container.map((x: any) => ({
        name: x.Name,
        image: x.Image,
        ports: x.Port?.map((p: any) => ({ port: p.Port, protocol: p.Protocol })),
        env: x.EnvironmentVar?.map((e: any) => ({ key: e.Key, value: e.Value })),
        commands: x.Command,
        args: x.Arg,
      }))).toEqual(c.containers.map(expectedNative));

      // every declared parameter is passed, and nothing else; the revision is the template's sha256
      const passed = Object.fromEntries(rs.parameters.map((p: any) => [p.parameter_key, p.parameter_value]));
      expect(Object.keys(passed).sort()).toEqual(Object.keys(template.Parameters).sort());
      expect(passed.TemplateRevision).toBe(createHash('sha256').update(body!).digest('hex'));
      expect(rs.timeout_in_minutes).toBe(c.stackTimeoutInMinutes ?? 30);

      if (c.ipv6InternetBandwidth) {
        const [bw] = bodies(doc, 'alicloud_vpc_ipv6_internet_bandwidth');
        expect(bw.bandwidth).toBe(c.ipv6InternetBandwidth.bandwidth);
        expect(bw.internet_charge_type).toBe(c.ipv6InternetBandwidth.internetChargeType ?? 'PayByBandwidth');
        expect(bw.ipv6_address_id).toMatch(/^\$\{one\(\[for a in data\.alicloud_vpc_ipv6_addresses\./);
      }
    }), params());
  }, timeout());

  test('the same props synthesize byte-identical plans', () => {
    fc.assert(fc.property(regionAndZones, containerGroupCase(TEXT), (rz, c) => {
      const build = () => {
        const { stack, vpc, securityGroup } = network(rz.region, rz.zones);
        buildGroup(stack, vpc, securityGroup, c);
        return expectClean(stack).json;
      };
      expect(build()).toBe(build());
    }), params(0.5));
  }, timeout(0.5));
});

function buildFleet(stack: TerraformStack, vpc: DualStackVpc, securityGroup: SecurityGroup, c: FleetCase): ContainerGroupFleet {
  const { vSwitchMask, ...props } = c;
  const chosen = vpc.vSwitches.filter((_s, i) => Math.floor(vSwitchMask / 2 ** i) % 2 === 1);
  return new ContainerGroupFleet(stack, 'Fleet', { vpc, securityGroup, vSwitches: chosen.length > 0 ? chosen : undefined, ...props });
}

describe('ContainerGroupFleet with valid props', () => {
  test('synthesizes a clean plan: an ECI scaling group and its configuration with the IPv6 count asked for', () => {
    fc.assert(fc.property(regionAndZones, fleetCase(TEXT), (rz, c) => {
      const { stack, vpc, securityGroup } = network(rz.region, rz.zones);
      const fleet = buildFleet(stack, vpc, securityGroup, c);
      const { doc } = expectClean(stack);
      const [group] = bodies(doc, 'alicloud_ess_scaling_group');
      const [conf] = bodies(doc, 'alicloud_ess_eci_scaling_configuration');
      expect(group).toMatchObject({ group_type: 'ECI', min_size: c.minSize, max_size: c.maxSize });
      expect(group.desired_capacity).toBe(c.desiredCapacity);
      expect(group.vswitch_ids).toHaveLength(fleet.vSwitches.length);
      expect(conf.ipv6_address_count).toBe(c.ipv6AddressCount === 1 ? 1 : undefined);
      expect(conf.instance_types).toEqual(c.instanceTypes);
      expect(conf.containers.map(plannedNative)).toEqual(c.containers.map(expectedNative));
    }), params());
  }, timeout());

  test('the same props synthesize byte-identical plans', () => {
    fc.assert(fc.property(regionAndZones, fleetCase(TEXT), (rz, c) => {
      const build = () => {
        const { stack, vpc, securityGroup } = network(rz.region, rz.zones);
        buildFleet(stack, vpc, securityGroup, c);
        return expectClean(stack).json;
      };
      expect(build()).toBe(build());
    }), params(0.5));
  }, timeout(0.5));
});

/**
 * A sample of generated stacks with every L2 (dual-stack VPC, security group rules, IPv6 and non-IPv6 container
 * groups, a fleet) is synthesized for real with `app.synth()` into a temporary directory: it must not throw
 * (error annotations fail it), cdk.tf.json must pass the plan checker, equal what `Testing.synth` gives for the
 * same props (apart from cdktf's `//` metadata and the default local backend that app.synth() adds), and be
 * byte-identical across two apps.
 */
/** app.synth() cases: FC_NUM_RUNS / 10 (each writes files and synthesizes three times). */
const APP_SCALE = 0.1;

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
function buildStack(app: App, c: StackCase): TerraformStack {
  const stack = new TerraformStack(app, 'props');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: c.vpc.region });
  // bandwidth needs the gateway: keep the VPC's default one
  const vpc = new DualStackVpc(stack, 'Vpc', {
    zones: c.vpc.zones, cidrBlock: c.vpc.cidrBlock, vSwitchCidrMask: c.vpc.vSwitchCidrMask, vpcName: c.vpc.vpcName, tags: c.vpc.tags,
  });
  const sg = new SecurityGroup(stack, 'Sg', { vpc });
  for (const r of c.rules) {
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

describe('a whole stack of every L2, synthesized with app.synth()', () => {
  test('app.synth() writes a clean cdk.tf.json equal to Testing.synth, and the same twice', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-props-app-'));
    try {
      let n = 0;
      fc.assert(fc.property(stackCase, (c) => {
        const files = [0, 1].map(() => {
          const outdir = path.join(root, `${n++}`);
          const app = newApp(outdir);
          const stack = buildStack(app, c);
          app.synth();
          expect(errorAnnotations(stack)).toEqual([]);
          const text = fs.readFileSync(path.join(outdir, 'stacks', 'props', 'cdk.tf.json'), 'utf-8');
          fs.rmSync(outdir, { recursive: true, force: true });
          return text;
        });
        expect(files[0]).toBe(files[1]);
        const doc = JSON.parse(files[0]);
        expect(AlicloudPlanChecker.checkObject(doc).filter((f) => f.level === 'error')).toEqual([]);

        forgetTokens();
        const testingApp = Testing.app({ outdir: root });
        const { doc: viaTesting } = expectClean(buildStack(testingApp, c));
        // app.synth() adds the default local backend; Testing.synth does not
        const { backend, ...terraform } = withoutMetadata(doc).terraform;
        expect(backend).toEqual({ local: { path: expect.stringMatching(/terraform\.props\.tfstate$/) } });
        expect({ ...withoutMetadata(doc), terraform }).toEqual(viaTesting);
      }), params(APP_SCALE));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, timeout(APP_SCALE * 4));
});
