/**
 * `terraform test` with `mock_provider "alicloud"` on synthesized stacks: Terraform evaluates what the
 * library emits (the for expression that picks the IPv6 address ID, the lookups' postconditions,
 * depends_on, outputs, cross-stack references) with mocked lookups, in plan and in a mocked apply.
 * Terraform loads the offline provider for its schema; the mocks replace its behaviour.
 */
import * as fs from 'fs';
import { describeWithTerraform, seconds } from './harness';
import { diagnosticsOf, element, hcl, onlyName, readStack, runStatuses } from './mocks';
import { LITERAL, LITERAL_ARG, synthBuilder, synthExample, SynthesizedApp } from './stacks';
import { mapLimit } from '../../src/core/map-limit';
import { runTerraform, TerraformRun } from '../../src/terraform/run/runner';

jest.setTimeout(300_000);

const GROUP_IPV6 = '2408:4005:3a0:2b01::10';
const MATCH_ID = 'ipv6-hohhot-web';

/** The VPC's computed IPv6 block list: empty under a plain mock, and the stacks read element 0. */
const MOCK_PROVIDER = `mock_provider "alicloud" {
  mock_resource "alicloud_vpc" {
    defaults = {
      ipv6_cidr_block  = "2408:4005:3a0::/56"
      ipv6_cidr_blocks = [{ ipv6_cidr_block = "2408:4005:3a0::/56", ipv6_isp = "BGP" }]
    }
  }
}
`;

const group = (id: string, ipv6: string) => element('data', 'alicloud_eci_container_groups', 'groups', {
  id, container_group_id: id, container_group_name: 'web', ipv6_address: ipv6, intranet_ip: '10.0.0.8', status: 'Running',
});
const address = (id: string, ipv6: string) => element('data', 'alicloud_vpc_ipv6_addresses', 'addresses', {
  id, ipv6_address_id: id, ipv6_address: ipv6, ipv6_address_name: id, status: 'Available',
});
/** Several addresses on the vSwitch; the group's is neither first nor last. */
const ADDRESSES = [address('ipv6-other-1', '2408:4005:3a0:2b01::7'), address(MATCH_ID, GROUP_IPV6), address('ipv6-other-2', '2408:4005:3a0:2b01::100')];

function overrideData(target: string, values: Record<string, unknown>, indent = ''): string {
  const body = `override_data {\n  target = ${target}\n  values = {\n${Object.entries(values).map(([k, v]) => `    ${k} = ${hcl(v).split('\n').join('\n    ')}`).join('\n')}\n  }\n}\n`;
  return body.split('\n').map((l) => (l ? indent + l : l)).join('\n');
}

/** The test file for the example: plan, apply, and the postconditions stopping bad lookups. */
function exampleTest(doc: any): string {
  const lookup = `data.alicloud_eci_container_groups.${onlyName(doc, 'data', 'alicloud_eci_container_groups')}`;
  const addresses = `data.alicloud_vpc_ipv6_addresses.${onlyName(doc, 'data', 'alicloud_vpc_ipv6_addresses')}`;
  const bw = `alicloud_vpc_ipv6_internet_bandwidth.${onlyName(doc, 'resource', 'alicloud_vpc_ipv6_internet_bandwidth')}`;
  const ros = `alicloud_ros_stack.${onlyName(doc, 'resource', 'alicloud_ros_stack')}`;
  const config = `alicloud_ess_eci_scaling_configuration.${onlyName(doc, 'resource', 'alicloud_ess_eci_scaling_configuration')}`;
  return `${MOCK_PROVIDER}
${overrideData(lookup, { groups: [group('eci-web-1', GROUP_IPV6)] })}
${overrideData(addresses, { addresses: ADDRESSES })}
run "plan" {
  command = plan

  assert {
    condition     = ${bw}.bandwidth == 10 && ${bw}.internet_charge_type == "PayByBandwidth"
    error_message = "the bandwidth is planned with 10 Mbit/s, pay by bandwidth"
  }
  assert {
    condition     = jsondecode(${ros}.template_body).Resources.ContainerGroup.Properties.Ipv6AddressCount == 1
    error_message = "the ROS template asks for one IPv6 address"
  }
  assert {
    condition     = ${config}.ipv6_address_count == 1
    error_message = "the workers get IPv6"
  }
}

run "apply" {
  command = apply

  assert {
    condition     = ${bw}.ipv6_address_id == "${MATCH_ID}"
    error_message = "the for expression must pick the ID of the group's address among the vSwitch's addresses, got \${${bw}.ipv6_address_id}"
  }
  assert {
    condition     = output.web_ipv6_address == "${GROUP_IPV6}"
    error_message = "the output carries the group's IPv6 address"
  }
  assert {
    condition     = output.web_container_group_id == "eci-web-1"
    error_message = "the output carries the group's ID"
  }
  assert {
    condition     = output.vpc_ipv6_cidr_block == "2408:4005:3a0::/56"
    error_message = "the output carries the VPC's IPv6 block"
  }
}

# After the apply the lookups' dependencies exist, so the lookups are read while planning: command = plan.
run "no_group_found" {
  command = plan
${overrideData(lookup, { groups: [] }, '  ')}
  expect_failures = [${lookup}]
}

run "two_groups_found" {
  command = plan
${overrideData(lookup, { groups: [group('eci-web-1', GROUP_IPV6), group('eci-web-2', '2408:4005:3a0:2b01::11')] }, '  ')}
  expect_failures = [${lookup}]
}

run "no_address_matches" {
  command = plan
${overrideData(addresses, { addresses: [ADDRESSES[0], ADDRESSES[2]] }, '  ')}
  expect_failures = [${addresses}]
}
`;
}

/**
 * A second test file for the example, with its own (empty) state: the group lookup finds nothing during a
 * first apply. The lookup's postcondition must be the only failure: no "Invalid index" from the address
 * lookup, the bandwidth or the outputs, neither in the apply nor in the teardown (a destroy).
 */
function exampleNoGroupTest(doc: any): string {
  const lookup = `data.alicloud_eci_container_groups.${onlyName(doc, 'data', 'alicloud_eci_container_groups')}`;
  const addresses = `data.alicloud_vpc_ipv6_addresses.${onlyName(doc, 'data', 'alicloud_vpc_ipv6_addresses')}`;
  return `${MOCK_PROVIDER}
${overrideData(lookup, { groups: [] })}
${overrideData(addresses, { addresses: ADDRESSES })}
run "first_apply_finds_no_group" {
  command = apply
  expect_failures = [${lookup}]
}
`;
}

/** The fleet stack under mocks: the scaling group over both vSwitches, IPv6 in the configuration. */
function fleetTest(doc: any): string {
  const names = Object.keys(doc.resource.alicloud_ess_scaling_group);
  const fleet = names.find((n) => n.startsWith('Fleet_'))!;
  const cfg = Object.keys(doc.resource.alicloud_ess_eci_scaling_configuration).find((n) => n.startsWith('Fleet_'))!;
  return `${MOCK_PROVIDER}
run "apply" {
  command = apply

  assert {
    condition     = length(alicloud_ess_scaling_group.${fleet}.vswitch_ids) == 2 && alicloud_ess_scaling_group.${fleet}.group_type == "ECI"
    error_message = "the fleet spans both vSwitches"
  }
  assert {
    condition     = alicloud_ess_eci_scaling_configuration.${cfg}.scaling_group_id == alicloud_ess_scaling_group.${fleet}.id
    error_message = "the configuration belongs to the fleet's scaling group"
  }
  assert {
    condition     = alicloud_ess_eci_scaling_configuration.${cfg}.ipv6_address_count == 1 && alicloud_ess_eci_scaling_configuration.${cfg}.active
    error_message = "the active configuration gives every ECI one IPv6 address"
  }
  assert {
    condition     = output.scaling_group_id == alicloud_ess_scaling_group.${fleet}.id
    error_message = "the output carries the scaling group ID"
  }
}
`;
}

/**
 * The consumer stack of the cross-stack app under mocks: the network stack's outputs come in through
 * terraform_remote_state (overridden with what the network stack would export).
 */
function crossStackTest(consumer: any, producer: any): string {
  const remote = Object.keys(consumer.data.terraform_remote_state);
  const outputs = Object.fromEntries(Object.entries(producer.output as Record<string, any>).map(([k, o]) => {
    const v = String(o.value);
    const value = /ipv6_cidr_block/.test(v) ? '2408:4005:3a0::/56'
      : /alicloud_vswitch/.test(v) ? 'vsw-1' : /alicloud_security_group\./.test(v) ? 'sg-1'
        : /alicloud_vpc_ipv6_gateway/.test(v) ? 'ipv6gw-1' : /alicloud_vpc\./.test(v) ? 'vpc-1' : 'x';
    return [k, value];
  }));
  const lookup = `data.alicloud_eci_container_groups.${onlyName(consumer, 'data', 'alicloud_eci_container_groups')}`;
  const addresses = `data.alicloud_vpc_ipv6_addresses.${onlyName(consumer, 'data', 'alicloud_vpc_ipv6_addresses')}`;
  const bw = `alicloud_vpc_ipv6_internet_bandwidth.${onlyName(consumer, 'resource', 'alicloud_vpc_ipv6_internet_bandwidth')}`;
  const ros = `alicloud_ros_stack.${onlyName(consumer, 'resource', 'alicloud_ros_stack')}`;
  return `${MOCK_PROVIDER}
${remote.map((r) => overrideData(`data.terraform_remote_state.${r}`, { outputs })).join('\n')}
${overrideData(lookup, { groups: [group('eci-web-1', GROUP_IPV6)] })}
${overrideData(addresses, { addresses: ADDRESSES })}
run "apply" {
  command = apply

  assert {
    condition     = ${bw}.ipv6_address_id == "${MATCH_ID}" && ${bw}.ipv6_gateway_id == "ipv6gw-1"
    error_message = "the bandwidth uses the remote IPv6 gateway and the picked address"
  }
  assert {
    condition     = one([for p in ${ros}.parameters : p.parameter_value if p.parameter_key == "VSwitchId"]) == "vsw-1"
    error_message = "the ROS stack gets the remote vSwitch"
  }
  assert {
    condition     = output.web_ipv6 == "${GROUP_IPV6}"
    error_message = "the output carries the address"
  }
}
`;
}

const instanceType = (id: string, ipv6: number) => element('data', 'alicloud_instance_types', 'instance_types', { id, eni_ipv6_address_quantity: ipv6 });

/**
 * The plan-time instance-type guard under mocks: each lookup passes when Alibaba Cloud lists its type with
 * IPv6, and its postcondition stops the plan when the answer is empty, lists the type without IPv6, or lists
 * only another type (the provider does not filter by instance_type itself).
 */
function instanceTypeGuardTest(doc: any): string {
  const lookups = Object.entries<any>(doc.data.alicloud_instance_types).map(([name, body]) => ({ target: `data.alicloud_instance_types.${name}`, type: body.instance_type as string }));
  const first = lookups.find((l) => l.type === 'ecs.g8i.large')!;
  return `${MOCK_PROVIDER}
${lookups.map((l) => overrideData(l.target, { instance_types: [instanceType('ecs.g6.large', 1), instanceType(l.type, 1)] })).join('\n')}
run "listed_with_ipv6" {
  command = plan

  assert {
    condition     = ${first.target}.minimum_eni_ipv6_address_quantity == 1 && ${first.target}.instance_type == "ecs.g8i.large"
    error_message = "the lookup asks for the type with at least one IPv6 address per ENI"
  }
}

run "empty_answer" {
  command = plan
${overrideData(first.target, { instance_types: [] }, '  ')}
  expect_failures = [${first.target}]
}

run "listed_without_ipv6" {
  command = plan
${overrideData(first.target, { instance_types: [instanceType('ecs.g8i.large', 0)] }, '  ')}
  expect_failures = [${first.target}]
}

run "only_another_type" {
  command = plan
${overrideData(first.target, { instance_types: [instanceType('ecs.g7.large', 1)] }, '  ')}
  expect_failures = [${first.target}]
}
`;
}

/**
 * The literal-text stack under mocks: compared through base64 so that the expected text needs no HCL
 * escaping of its own.
 */
function literalTest(doc: any): string {
  const b64 = (t: string) => Buffer.from(t).toString('base64');
  const natives = Object.keys(doc.resource.alicloud_eci_container_group);
  const native = `alicloud_eci_container_group.${natives.find((n) => n.startsWith('Native_'))}`;
  const consumer = `alicloud_eci_container_group.${natives.find((n) => n.startsWith('Consumer_'))}`;
  const env = (r: string, key: string) => `one([for e in ${r}.containers[0].environment_vars : e.value if e.key == "${key}"])`;
  const ros = `jsondecode(alicloud_ros_stack.${onlyName(doc, 'resource', 'alicloud_ros_stack')}.template_body).Resources.ContainerGroup.Properties`;
  const ess = `alicloud_ess_eci_scaling_configuration.${onlyName(doc, 'resource', 'alicloud_ess_eci_scaling_configuration')}`;
  const checks: Array<[string, string, string]> = [
    ['native env', env(native, 'GREETING'), LITERAL],
    ['native args', `${native}.containers[0].args[1]`, LITERAL_ARG],
    ['native tag', `${native}.tags["note"]`, LITERAL],
    ['ROS env', `${ros}.Container[0].EnvironmentVar[0].Value`, LITERAL],
    ['ROS args', `${ros}.Container[0].Arg[1]`, LITERAL_ARG],
    ['ROS tag', `one([for t in ${ros}.Tag : t.Value if t.Key == "note"])`, LITERAL],
    ['ESS env', `one([for e in ${ess}.containers[0].environment_vars : e.value if e.key == "GREETING"])`, LITERAL],
    ['ESS args', `${ess}.containers[0].args[1]`, LITERAL_ARG],
    ['ESS tag', `${ess}.tags["note"]`, LITERAL],
    ["the ROS group's IPv6 address ID in another group's environment", env(consumer, 'ADDR_ID'), MATCH_ID],
    ["the ROS group's ID in another group's environment", env(consumer, 'GROUP_ID'), 'eci-web-1'],
    ["the ROS group's IPv6 address in another group's environment", env(consumer, 'IPV6'), GROUP_IPV6],
    ["the ROS group's private IPv4 address in another group's environment", env(consumer, 'INTRANET_IP'), '10.0.0.8'],
  ];
  const lookup = `data.alicloud_eci_container_groups.${onlyName(doc, 'data', 'alicloud_eci_container_groups')}`;
  const addresses = `data.alicloud_vpc_ipv6_addresses.${onlyName(doc, 'data', 'alicloud_vpc_ipv6_addresses')}`;
  return `${MOCK_PROVIDER}
${overrideData(lookup, { groups: [group('eci-web-1', GROUP_IPV6)] })}
${overrideData(addresses, { addresses: ADDRESSES })}
run "apply" {
  command = apply
${checks.map(([what, expr, want]) => `
  assert {
    condition     = base64encode(${expr}) == "${b64(want)}"
    error_message = "${what}: the text must arrive as written"
  }`).join('\n')}
}
`;
}

describeWithTerraform('terraform test with mock_provider "alicloud"', () => {
  let example: SynthesizedApp;
  let fleet: SynthesizedApp;
  let cross: SynthesizedApp;
  let literal: SynthesizedApp;
  let typed: SynthesizedApp;
  let runs: Record<'example' | 'exampleNoGroup' | 'fleet' | 'network' | 'apps' | 'literal' | 'typed', TerraformRun>;

  beforeAll(async () => {
    const t0 = Date.now();
    example = synthExample();
    fleet = synthBuilder('container-group-fleet');
    cross = synthBuilder('cross-stack');
    literal = synthBuilder('literal-text');
    typed = synthBuilder('instance-type-guard');
    const network = cross.stackDirs.find((d) => d.endsWith('network'))!;
    const apps = cross.stackDirs.find((d) => d.endsWith('apps'))!;
    const jobs: Array<[string, string, string]> = [
      [example.stackDirs[0], 'example.tftest.hcl', exampleTest(readStack(example.stackDirs[0]))],
      [example.stackDirs[0], 'example-no-group.tftest.hcl', exampleNoGroupTest(readStack(example.stackDirs[0]))],
      [fleet.stackDirs[0], 'fleet.tftest.hcl', fleetTest(readStack(fleet.stackDirs[0]))],
      [network, 'network.tftest.hcl', `${MOCK_PROVIDER}\nrun "apply" {\n  command = apply\n}\n`],
      [apps, 'apps.tftest.hcl', crossStackTest(readStack(apps), readStack(network))],
      [literal.stackDirs[0], 'literal.tftest.hcl', literalTest(readStack(literal.stackDirs[0]))],
      [typed.stackDirs[0], 'typed.tftest.hcl', instanceTypeGuardTest(readStack(typed.stackDirs[0]))],
    ];
    // DUMP_TFTEST=<file> keeps the example's test file, to run it by hand (cdktf-alicloud-ipv6 terraform <dir> -- test).
    if (process.env.DUMP_TFTEST) fs.writeFileSync(process.env.DUMP_TFTEST, jobs[0][2]);
    const results = await Promise.all(mapLimit(jobs, 2, ([dir, file, text]) => runTerraform(dir, ['test', '-json', '-no-color'], { extraFiles: { [file]: text } })));
    const [exampleRun, exampleNoGroup, fleetRun, networkRun, appsRun, literalRun, typedRun] = results;
    runs = { example: exampleRun, exampleNoGroup, fleet: fleetRun, network: networkRun, apps: appsRun, literal: literalRun, typed: typedRun };
    // eslint-disable-next-line no-console
    console.log(`terraform test (${jobs.length} stacks, mocked): ${seconds(t0)} s`);
  });

  afterAll(() => {
    for (const a of [example, fleet, cross, literal, typed]) if (a) fs.rmSync(a.outdir, { recursive: true, force: true });
  });

  /** Asserts the runs' statuses (and exit code 0), failing with Terraform's diagnostics. */
  const expectRuns = (r: TerraformRun, statuses: Record<string, string>) => {
    const got = { statuses: runStatuses(r.stdout), exitCode: r.exitCode };
    if (!sameAs(got, { statuses, exitCode: 0 })) {
      throw new Error(`terraform test: ${JSON.stringify(got)}, expected ${JSON.stringify(statuses)} and exit 0\n${diagnosticsOf(r.stdout).join('\n')}\n${r.stderr}`);
    }
  };

  test('the example: plan and mocked apply pass; the for expression picks the right address ID among several', () => {
    expectRuns(runs.example, { plan: 'pass', apply: 'pass', no_group_found: 'pass', two_groups_found: 'pass', no_address_matches: 'pass' });
  });

  test('the example: the postconditions stop the run when the lookup finds 0 or 2 groups, and when no address matches', () => {
    const statuses = runStatuses(runs.example.stdout);
    expect(statuses).toMatchObject({ no_group_found: 'pass', two_groups_found: 'pass', no_address_matches: 'pass' });
    // An expected failure that did not happen is reported as a diagnostic: there are none.
    expect(diagnosticsOf(runs.example.stdout)).toEqual([]);
  });

  test('the example: when the first apply finds no group, the lookup\'s postcondition is the only error (apply and teardown)', () => {
    expectRuns(runs.exampleNoGroup, { first_apply_finds_no_group: 'pass' });
    expect(diagnosticsOf(runs.exampleNoGroup.stdout)).toEqual([]);
  });

  test('the fleet under mocks', () => {
    expectRuns(runs.fleet, { apply: 'pass' });
  });

  test('the cross-stack app under mocks: the network stack, then the apps stack through terraform_remote_state', () => {
    expectRuns(runs.network, { apply: 'pass' });
    expectRuns(runs.apps, { apply: 'pass' });
  });

  test('text with template syntax (shell variables, a literal $${) reaches the native resource, the ROS template and ESS as written', () => {
    expectRuns(runs.literal, { apply: 'pass' });
  });

  test('the instance-type guard: one lookup per (type, zone); its postcondition stops the plan unless Alibaba lists the type with IPv6', () => {
    const doc = readStack(typed.stackDirs[0]);
    // ecs.g8i.large is shared by the group and the fleet in the same zone; ecs.c8i.large only by the fleet
    expect(Object.values<any>(doc.data.alicloud_instance_types).map((d) => d.instance_type).sort()).toEqual(['ecs.c8i.large', 'ecs.g8i.large']);
    expectRuns(runs.typed, { listed_with_ipv6: 'pass', empty_answer: 'pass', listed_without_ipv6: 'pass', only_another_type: 'pass' });
  });
});

function sameAs(got: unknown, want: unknown): boolean {
  try {
    expect(got).toEqual(want);
    return true;
  } catch {
    return false;
  }
}
