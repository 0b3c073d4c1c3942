/**
 * Regression properties for the seven bugs the property tests found (fixed in 30885c2). Each generator
 * always hits the former bug; the comment above each test gives the minimal counterexample and what it did.
 *
 * Open bugs are at the end, as `test.failing` until src/ is fixed: the test passes while the bug is there and
 * FAILS once it is fixed; then make it a plain `test`. `SHOW_KNOWN_BUGS=1 npx jest test/properties/regressions`
 * runs them as plain tests, to see each counterexample.
 *
 * Cases per property: FC_NUM_RUNS / 20 (each case hits the bug's input class directly).
 */
import { TerraformVariable } from 'cdktf';
import * as fc from 'fast-check';
import {
  container, ContainerGenOptions, notInEnum, params, plainText, templateLikeText, timeout,
} from './arbitraries';
import { bodies, expectClean, expectRejected, newStack, tfLiteral } from './harness';
import {
  ContainerDefinition, ContainerGroup, ContainerGroupFleet, ContainerProtocol, DualStackVpc, ImagePullPolicy, Peer, Port, Probe,
  ProbeScheme, RestartPolicy, SecurityGroup,
} from '../../src';

const SCALE = 0.05;

function network(extraVpc = false) {
  const { stack } = newStack('cn-huhehaote');
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a', 'cn-huhehaote-b'] });
  const sg = new SecurityGroup(stack, 'Sg', { vpc });
  sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80));
  if (!extraVpc) return { stack, vpc, sg, otherSg: sg };
  const other = new DualStackVpc(stack, 'Other', { zones: ['cn-huhehaote-c'], cidrBlock: '10.1.0.0/16' });
  return { stack, vpc, sg, otherSg: new SecurityGroup(stack, 'OtherSg', { vpc: other }) };
}

const web: ContainerDefinition[] = [{ name: 'web', image: 'nginx:alpine', ports: [{ port: 80 }] }];

/**
 * BUG 1 (SecurityGroup, crash on valid input). Two different IPv6 blocks whose texts differ only in '.' vs ':'
 * (an IPv4-tail form) get the same construct id:
 *   sg.addIngressRule(Peer.ipv6('::1.2.3.4/128'), Port.tcp(80));
 *   sg.addIngressRule(Peer.ipv6('::1:2:3:4/128'), Port.tcp(80));
 *   → Error: There is already a Construct with name 'Ingress-tcp-80---1-2-3-4_128' in SecurityGroup [Sg]
 * (::1.2.3.4 is ::102:304, a different address.) Fixed: in SecurityGroup.ruleId, build the id of an IPv6 peer
 * from canonicalIpv6Cidr(peer.cidr) (RFC 5952 text is unique per block) instead of the raw text.
 */
test('BUG 1: distinct IPv6 peers in IPv4-tail and hex form both become rules', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  fc.assert(fc.property(fc.tuple(octet, octet, octet, octet).filter(([a, b, c]) => a + b + c > 0), fc.integer({ min: 96, max: 128 }),
    ([a, b, c, d], prefix) => {
      const { stack, sg } = network();
      sg.addIngressRule(Peer.ipv6(`::${a}.${b}.${c}.${d}/${prefix}`), Port.tcp(443));
      sg.addIngressRule(Peer.ipv6(`::${a}:${b}:${c}:${d}/${prefix}`), Port.tcp(443));
      expect(bodies(expectClean(stack).doc, 'alicloud_security_group_rule')).toHaveLength(3);
    }), params(SCALE));
}, timeout(SCALE));

/**
 * BUG 2 (token where a literal is needed, silently valid plan). `ipv6AddressCount` as a token is not
 * range-checked (fine) but then compared with `=== 1`, so
 *   new ContainerGroup(stack, 'W', { ..., ipv6AddressCount: new TerraformVariable(stack, 'n', {}).numberValue })
 * silently becomes a native ECI without IPv6, and a fleet silently drops `ipv6_address_count`.
 * Fixed: ContainerGroup: v.check(Token.isUnresolved(props.ipv6AddressCount), 'ipv6AddressCount', 'is a token, but it
 * chooses the backend (ROS with IPv6, native without) at synth time', 'pass a literal 0 or 1'); Fleet: the same
 * check, or pass the token through (`ipv6AddressCount: Token.isUnresolved(n) ? n : n === 1 ? 1 : undefined`).
 */
test('BUG 2: a token ipv6AddressCount is rejected, not silently dropped', () => {
  fc.assert(fc.property(fc.boolean(), (fleet) => {
    const { stack, vpc, sg } = network();
    const n = new TerraformVariable(stack, 'n', { type: 'number' });
    expectRejected(stack, () => (fleet
      ? new ContainerGroupFleet(stack, 'W', { vpc, securityGroup: sg, containers: web, minSize: 1, maxSize: 1, ipv6AddressCount: n.numberValue })
      : new ContainerGroup(stack, 'W', { vpc, securityGroup: sg, containers: web, ipv6AddressCount: n.numberValue })), 'test/W', 'ipv6AddressCount');
  }), params(SCALE));
}, timeout(SCALE));

/**
 * BUG 3 (unknown enum values cast in, silently valid plan). restartPolicy, containers[].imagePullPolicy,
 * containers[].ports[].protocol and probe schemes are not validated. The plan checker and ALI-IPV6-010 catch
 * restart_policy and image_pull_policy on the native resource only; inside the ROS template (IPv6 groups) and on
 * ESS nothing catches them, e.g.
 *   new ContainerGroup(stack, 'W', { ..., ipv6AddressCount: 1, restartPolicy: 'Sometimes' as RestartPolicy })
 *   → synthesizes cleanly; ROS fails at apply.
 * Fixed: in ContainerGroup/ContainerGroupFleet v.oneOf('restartPolicy', ..., Object.values(RestartPolicy)); in
 * validateContainers v.oneOf(`${p}.imagePullPolicy`, ...), v.oneOf(`${p}.ports[${j}].protocol`, ...) and
 * v.oneOf(`${prop}.scheme`, ...) in validateProbe.
 */
test('BUG 3: unknown restartPolicy / imagePullPolicy / port protocol / probe scheme are rejected on every backend', () => {
  fc.assert(fc.property(
    fc.constantFrom('ros', 'ess', 'native'),
    fc.oneof(
      notInEnum(RestartPolicy).map((x) => ['restartPolicy', (p: any) => ({ ...p, restartPolicy: x })] as const),
      notInEnum(ImagePullPolicy).map((x) => ['containers[0].imagePullPolicy', (p: any) => ({ ...p, containers: [{ ...web[0], imagePullPolicy: x }] })] as const),
      notInEnum(ContainerProtocol).map((x) => ['containers[0].ports[0].protocol', (p: any) => ({ ...p, containers: [{ ...web[0], ports: [{ port: 80, protocol: x }] }] })] as const),
      notInEnum(ProbeScheme).map((x) => ['containers[0].livenessProbe.scheme', (p: any) => ({
        ...p, containers: [{ ...web[0], livenessProbe: Probe.httpGet({ port: 80, scheme: x as ProbeScheme }) }],
      })] as const),
    ),
    (backend, [prop, breakIt]) => {
      // native already rejects restartPolicy and imagePullPolicy (plan checker, ALI-IPV6-010): not part of the bug
      fc.pre(!(backend === 'native' && (prop === 'restartPolicy' || prop === 'containers[0].imagePullPolicy')));
      const { stack, vpc, sg } = network();
      const base = { vpc, securityGroup: sg, containers: web, ipv6AddressCount: backend === 'native' ? 0 : 1 };
      expectRejected(stack, () => (backend === 'ess'
        ? new ContainerGroupFleet(stack, 'W', breakIt({ ...base, minSize: 1, maxSize: 1 }))
        : new ContainerGroup(stack, 'W', breakIt(base))), 'test/W', prop);
    }), params(SCALE));
}, timeout(SCALE));

/**
 * BUG 4 (out-of-range number, silently valid plan). cpu/memory of the group or of a container may be Infinity
 * (the check is `!(value > 0)`); JSON has no Infinity, so the plan gets `"cpu": null` (Terraform: unset) and the
 * template `"Cpu": null`:
 *   new ContainerGroup(stack, 'W', { ..., cpu: Infinity, memory: 2 })  → "cpu": null, no error.
 * Fixed: `!(Number.isFinite(value) && value > 0)` in validateSizing (now in validation.ts) and positive() (now in container-validation.ts).
 */
test('BUG 4: infinite cpu or memory is rejected', () => {
  fc.assert(fc.property(
    fc.constantFrom('ros', 'ess', 'native'), fc.constantFrom(Infinity, -Infinity), fc.constantFrom('cpu', 'memory', 'containers[0].cpu', 'containers[0].memory'),
    (backend, value, prop) => {
      const { stack, vpc, sg } = network();
      const containers = prop.startsWith('containers') ? [{ ...web[0], [prop.split('.')[1]]: value }] : web;
      const base: any = { vpc, securityGroup: sg, containers, ipv6AddressCount: backend === 'native' ? 0 : 1, ...(prop.startsWith('containers') ? {} : { [prop]: value }) };
      expectRejected(stack, () => (backend === 'ess'
        ? new ContainerGroupFleet(stack, 'W', { ...base, minSize: 1, maxSize: 1 })
        : new ContainerGroup(stack, 'W', base)), 'test/W', prop);
    }), params(SCALE));
}, timeout(SCALE));

/** Every literal string of the container spec, with where it must show up. */
function containerStrings(c: ContainerDefinition): string[] {
  const env = c.environment ?? {};
  return [...(c.commands ?? []), ...(c.args ?? []), ...Object.keys(env).sort().map((k) => env[k])];
}

/** The same strings as the plan carries them for a native or ESS container (Terraform JSON strings). */
function plannedStrings(x: any): string[] {
  return [...(x.commands ?? []), ...(x.args ?? []), ...(x.environment_vars ?? []).map((e: any) => e.value)];
}

const templateText: ContainerGenOptions = { text: fc.oneof(templateLikeText, plainText) };

/**
 * BUG 5 (invalid plan on valid input). Commands, args and env values go into the native
 * alicloud_eci_container_group and the ESS scaling configuration unescaped, so a literal `${` or `%{` becomes a
 * Terraform template: args: ['-c', 'echo ${HOME}'] → "args": ["-c", "echo ${HOME}"] → terraform validate:
 * "Invalid reference" (and `%{x}`: "Invalid template control keyword"); the plan checker treats `${...}` as
 * unknown, so nothing flags it. The ROS backend escapes the same text ($${HOME}), so one container spec means
 * different things per backend. Fixed: in toNativeContainers/toEssContainers (and probes' commands, volume
 * paths), pass literal strings through escapeTerraformTemplate (ros-template.ts) when !Token.isUnresolved(s).
 */
test('BUG 5: native and ESS containers keep literal ${ and %{ in commands, args and env (Terraform-escaped)', () => {
  fc.assert(fc.property(fc.boolean(), container('web', [], templateText), (fleet, c) => {
    fc.pre(containerStrings(c).some((s) => s.includes('${') || s.includes('%{')));
    const { stack, vpc, sg } = network();
    if (fleet) new ContainerGroupFleet(stack, 'W', { vpc, securityGroup: sg, containers: [c], minSize: 1, maxSize: 1 });
    else new ContainerGroup(stack, 'W', { vpc, securityGroup: sg, containers: [c] });
    const { doc } = expectClean(stack);
    const [planned] = fleet ? bodies(doc, 'alicloud_ess_eci_scaling_configuration') : bodies(doc, 'alicloud_eci_container_group');
    expect(plannedStrings(planned.containers[0]).map(tfLiteral)).toEqual(containerStrings(c));
  }), params(SCALE));
}, timeout(SCALE));

/** The ROS backend kept them literal all along (its whole template is escaped). */
test('the ROS backend keeps literal ${ and %{ in commands, args and env', () => {
  fc.assert(fc.property(container('web', [], templateText), (c) => {
    const { stack, vpc, sg } = network();
    new ContainerGroup(stack, 'W', { vpc, securityGroup: sg, containers: [c], ipv6AddressCount: 1 });
    const { doc } = expectClean(stack);
    const [rs] = bodies(doc, 'alicloud_ros_stack');
    const template = JSON.parse(tfLiteral(rs.template_body)!);
    const x = template.Resources.ContainerGroup.Properties.Container[0];
    expect([...(x.Command ?? []), ...(x.Arg ?? []), ...(x.EnvironmentVar ?? []).map((e: any) => e.Value)]).toEqual(containerStrings(c));
  }), params(0.25));
}, timeout(0.25));

/**
 * BUG 6 (silently valid plan). A security group of another VPC of the same stack is accepted: ContainerGroup
 * compares sg.vpcId with vpc.vpcId only when both are literals (here both are tokens), ContainerGroupFleet does
 * not compare at all:
 *   const other = new DualStackVpc(stack, 'Other', {...}); const otherSg = new SecurityGroup(stack, 'OtherSg', { vpc: other });
 *   new ContainerGroup(stack, 'W', { vpc, securityGroup: otherSg, containers })  → clean plan; fails at apply.
 * Fixed: when both IDs are tokens, compare `TerraformStack.of(this).resolve(a)` and `.resolve(b)`: two different
 * `${alicloud_vpc.<name>.id}` references are two different VPCs; add the same check to the fleet (or a rule
 * in the rule pack over the resolved document: an ECI's security group and vSwitch must reference the same VPC).
 */
test('BUG 6: a security group of another VPC of the stack is rejected', () => {
  fc.assert(fc.property(fc.constantFrom('ros', 'ess', 'native'), (backend) => {
    const { stack, vpc, otherSg } = network(true);
    const base = { vpc, securityGroup: otherSg, containers: web, ipv6AddressCount: backend === 'native' ? 0 : 1 };
    expectRejected(stack, () => (backend === 'ess'
      ? new ContainerGroupFleet(stack, 'W', { ...base, minSize: 1, maxSize: 1 })
      : new ContainerGroup(stack, 'W', base)), 'test/W', 'securityGroup');
  }), params(SCALE));
}, timeout(SCALE));

/**
 * BUG 7 (TypeError, JavaScript/jsii callers only: TypeScript rejects these at compile time). Missing required
 * props and wrongly typed values crash instead of naming the prop:
 *   new ContainerGroup(stack, 'W', { vpc, containers })            → TypeError: Cannot read properties of undefined (reading 'vpcId')
 *   new ContainerGroupFleet(stack, 'W', { securityGroup, ... })    → TypeError: ... (reading 'vSwitches')
 *   new DualStackVpc(stack, 'V', { cidrBlock: 123, zones })         → TypeError: text.indexOf is not a function
 * Fixed: check `props.vpc === undefined` / `props.securityGroup === undefined` (as SecurityGroup does for vpc) before
 * the first dereference, and `typeof cidrBlock !== 'string'` before parsing.
 */
test('BUG 7: missing required props and non-string CIDRs are construct errors, not TypeErrors', () => {
  fc.assert(fc.property(fc.constantFrom('group-vpc', 'group-sg', 'fleet-vpc', 'fleet-sg', 'vpc-cidr'), (which) => {
    const { stack, vpc, sg } = network();
    const [kind, prop] = which.split('-');
    const props: any = { vpc, securityGroup: sg, containers: web, minSize: 1, maxSize: 1 };
    if (prop === 'vpc') props.vpc = undefined;
    if (prop === 'sg') props.securityGroup = undefined;
    const name = { vpc: 'vpc', sg: 'securityGroup', cidr: 'cidrBlock' }[prop]!;
    expectRejected(stack, () => {
      if (kind === 'group') new ContainerGroup(stack, 'W', props);
      else if (kind === 'fleet') new ContainerGroupFleet(stack, 'W', props);
      else new DualStackVpc(stack, 'W', { zones: ['cn-huhehaote-c'], cidrBlock: 123 as any });
    }, 'test/W', name);
  }), params(SCALE));
}, timeout(SCALE));

// ---------------------------------------------------------------------------------------------------------
// BUG 8, fixed: tags are escaped on every backend
// ---------------------------------------------------------------------------------------------------------


/**
 * BUG 8 (invalid plan on valid input; one prop, two meanings). ContainerGroup/ContainerGroupFleet `tags` values
 * are escaped inside the ROS template (IPv6 groups) but written as they are on the native resource and the ESS
 * configuration, where a literal `${` or `%{` is a Terraform template:
 *   new ContainerGroup(stack, 'W', { vpc, securityGroup, containers, tags: { k: '${HOME}' } })
 *   → native: "tags": { "k": "${HOME}" } → terraform validate: "Invalid reference";
 *   → the same props with ipv6AddressCount: 1: "Tag": [..., { "Key": "k", "Value": "$${HOME}" }] (literal).
 * The plan checker and the rule pack treat `${...}` as unknown, so nothing flags it.
 * Fix: in ContainerGroup (native branch) and ContainerGroupFleet, map literal tag values (and keys) through the
 * same `esc()` that container-mapping.ts now applies to container text (escapeTerraformTemplate for non-tokens).
 */
test('BUG 8 (fixed): container group and fleet tags keep literal ${ and %{ on the native and ESS backends', () => {
  const templateValue = fc.tuple(plainText, fc.constantFrom('${HOME}', '%{if}', '${var.x}', '$${x}'), plainText).map(([x, t, y]) => `${x}${t}${y}`);
  fc.assert(fc.property(fc.constantFrom('native', 'ess'), fc.dictionary(fc.constantFrom('k', 'env', 'team'), templateValue, { minKeys: 1 }), (backend, tags) => {
    expect(plannedTags(backend, tags)).toEqual(tags);
  }), params(SCALE));
}, timeout(SCALE));

/** The ROS backend keeps tags literal (its whole template is escaped). */
test('the ROS backend keeps literal ${ and %{ in tags', () => {
  fc.assert(fc.property(fc.dictionary(fc.constantFrom('k', 'env', 'team'), fc.oneof(templateLikeText, plainText), { minKeys: 1 }), (tags) => {
    expect(plannedTags('ros', tags)).toEqual(tags);
  }), params(SCALE));
}, timeout(SCALE));

/** Synthesizes one group (or fleet) with `tags` and returns the tags as Terraform (or ROS) reads them. */
function plannedTags(backend: string, tags: { [k: string]: string }): Record<string, string | undefined> {
  const { stack, vpc, sg } = network();
  if (backend === 'ess') new ContainerGroupFleet(stack, 'W', { vpc, securityGroup: sg, containers: web, minSize: 1, maxSize: 1, tags });
  else new ContainerGroup(stack, 'W', { vpc, securityGroup: sg, containers: web, tags, ipv6AddressCount: backend === 'ros' ? 1 : 0 });
  const { doc } = expectClean(stack);
  if (backend === 'ros') {
    const template = JSON.parse(tfLiteral(bodies(doc, 'alicloud_ros_stack')[0].template_body)!);
    return Object.fromEntries(template.Resources.ContainerGroup.Properties.Tag
      .filter((t: any) => t.Key !== 'cdktf-id').map((t: any) => [t.Key, t.Value]));
  }
  const body = bodies(doc, backend === 'ess' ? 'alicloud_ess_eci_scaling_configuration' : 'alicloud_eci_container_group')[0];
  return Object.fromEntries(Object.entries<string>(body.tags).map(([k, v]) => [k, tfLiteral(v)]));
}
