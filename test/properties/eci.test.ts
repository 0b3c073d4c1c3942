/**
 * Properties of ContainerGroup (native and ROS backends) and ContainerGroupFleet for generated valid props:
 * synthesis succeeds, the plan checker finds no error, no error annotation is added, the plan carries the
 * container spec, the ROS template is consistent (parameters, revision hash), and synthesis is deterministic.
 *
 * Cases per property: FC_NUM_RUNS (default 200; `npx projen test:props` runs 10000).
 */
import { createHash } from 'crypto';
import { TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import {
  ContainerGroupCase, containerGroupCase, FleetCase, fleetCase, params, regionAndZones, timeout,
} from './arbitraries';
import { bodies, expectClean, newStack, tfLiteral } from './harness';
import {
  ContainerDefinition, ContainerGroup, ContainerGroupBackend, ContainerGroupFleet, DualStackVpc, Peer, Port, SecurityGroup,
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
    fc.assert(fc.property(regionAndZones, containerGroupCase(), (rz, c) => {
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
        expect(r.containers.map((x: any) => ({
          name: x.name, image: x.image, ports: x.ports, env: x.environment_vars, commands: x.commands, args: x.args,
        }))).toEqual(c.containers.map(expectedNative));
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
    fc.assert(fc.property(regionAndZones, containerGroupCase(), (rz, c) => {
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
    fc.assert(fc.property(regionAndZones, fleetCase(), (rz, c) => {
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
      expect(conf.containers.map((x: any) => ({
        name: x.name, image: x.image, ports: x.ports, env: x.environment_vars, commands: x.commands, args: x.args,
      }))).toEqual(c.containers.map(expectedNative));
    }), params());
  }, timeout());

  test('the same props synthesize byte-identical plans', () => {
    fc.assert(fc.property(regionAndZones, fleetCase(), (rz, c) => {
      const build = () => {
        const { stack, vpc, securityGroup } = network(rz.region, rz.zones);
        buildFleet(stack, vpc, securityGroup, c);
        return expectClean(stack).json;
      };
      expect(build()).toBe(build());
    }), params(0.5));
  }, timeout(0.5));
});
