import { TerraformVariable } from 'cdktf';
import { ContainerGroup, ContainerGroupFleet, DualStackVpc, Ipv6Checks, Ipv6EgressOnlyRule, Ipv6InternetBandwidth, Peer, Port, SecurityGroup } from '../../src';
import { errorOf, setup } from '../eci/util';
import { newStack } from '../vpc/util';

/** Messages quote user input safely, and report wrong JavaScript types like any other bad prop. */
describe('user input in messages', () => {
  test('control characters are escaped: a value cannot add lines to the message', () => {
    const { stack } = newStack();
    const message = errorOf(() => new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a\n  - zones: all fine\u0007'] }));
    expect(message).toBe([
      "DualStackVpc at 'test/Vpc' has 1 invalid prop:",
      "  - zones[0]: 'cn-huhehaote-a\\n  - zones: all fine\\u0007' is not an Alibaba Cloud zone ID. Fix: use a zone ID such as 'cn-huhehaote-a' or 'ap-southeast-1a' (region plus zone letter).",
    ].join('\n'));
  });

  test('long values are cut to 80 characters with an ellipsis', () => {
    const { stack } = newStack();
    const long = `10.${'9'.repeat(5000)}`;
    const message = errorOf(() => new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'], cidrBlock: long }));
    expect(message).toContain(`  - cidrBlock: '${long.slice(0, 80)}…' is not an IPv4 CIDR block.`);
    expect(message.length).toBeLessThan(400);
  });

  test('a Fix never prints an unresolved token', () => {
    const { stack, vpc, securityGroup } = setup();
    const program = new TerraformVariable(stack, 'program', { type: 'string' });
    const message = errorOf(() => new ContainerGroup(stack, 'App', {
      vpc, securityGroup, ipv6AddressCount: 1, containers: [{ name: 'app', image: 'busybox', commands: [program.stringValue, '-c', 'run'] }],
    }));
    expect(message).toContain("containers[0].commands: has 3 items; with IPv6 the group is deployed through ROS, whose Container.Command takes at most 1. Fix: put the program in commands and the rest in args, e.g. commands: ['<token>'], args: ['-c', 'run'].");
    expect(message).not.toMatch(/TfToken|\$\{/);
  });
});

describe('wrong JavaScript types are reported like any other bad prop', () => {
  test('a number for a string (was: TypeError c.image.trim is not a function)', () => {
    const { stack, vpc, securityGroup } = setup();
    expect(errorOf(() => new ContainerGroup(stack, 'App', { vpc, securityGroup, containers: [{ name: 'app', image: 5 as any }] }))).toBe([
      "ContainerGroup at 'test/App' has 1 invalid prop:",
      "  - containers[0].image: must be a string, got the number 5. Fix: pass a string, for example 'nginx:alpine'.",
    ].join('\n'));
  });

  test('a string for a list (was: TypeError zones.map is not a function)', () => {
    const { stack } = newStack();
    expect(errorOf(() => new DualStackVpc(stack, 'Vpc', { zones: 'cn-huhehaote-a' as any }))).toBe([
      "DualStackVpc at 'test/Vpc' has 1 invalid prop:",
      "  - zones: must be an array of strings, got the string 'cn-huhehaote-a'. Fix: pass an array of strings, for example ['cn-huhehaote-a'], or leave zones out.",
    ].join('\n'));
  });

  test('null, at the top and deep inside', () => {
    const { stack } = newStack();
    expect(errorOf(() => new DualStackVpc(stack, 'A', null as any))).toContain("  - props: must be an object, got null. Fix: pass an object, for example { zones: ['cn-huhehaote-a'] }.");
    expect(errorOf(() => new DualStackVpc(stack, 'B', { zones: ['cn-huhehaote-a'], tags: { team: null as any } }))).toContain('  - tags.team: must be a string, got null.');
    const vpc = new DualStackVpc(stack, 'C', { zones: ['cn-huhehaote-a'] });
    const sg = new SecurityGroup(stack, 'Sg', { vpc });
    expect(errorOf(() => sg.addIngressRule(null as any, Port.tcp(80)))).toContain("SecurityGroup.addIngressRule at 'test/Sg' has 1 invalid prop:\n  - peer: must be a Peer, got null. Fix: pass a Peer, for example Peer.anyIpv6().");
  });

  test('every wrong prop is listed at once', () => {
    const { stack } = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    expect(errorOf(() => new SecurityGroup(stack, 'Sg', { vpc, description: 7 as any, tags: [] as any, securityGroupName: () => 'x' as any } as any))).toBe([
      "SecurityGroup at 'test/Sg' has 3 invalid props:",
      '  - securityGroupName: must be a string, got a function. Fix: pass a string, or leave securityGroupName out.',
      '  - description: must be a string, got the number 7. Fix: pass a string, or leave description out.',
      '  - tags: must be an object of strings (name → value), got an empty array. Fix: pass an object of strings (name → value), or leave tags out.',
    ].join('\n'));
  });

  test('a registry password of the wrong type is described by its type only', () => {
    const { stack, vpc, securityGroup } = setup();
    const message = errorOf(() => new ContainerGroup(stack, 'App', {
      vpc,
      securityGroup,
      containers: [{ name: 'app', image: 'nginx', secretEnvironment: { KEY: 987654321 as any } }],
      imageRegistryCredentials: [{ server: 'registry.example.com', userName: 'u', password: 123456789 as any }],
    }));
    expect(message).toContain('  - containers[0].secretEnvironment.KEY: must be a string, got a number.');
    expect(message).toContain('  - imageRegistryCredentials[0].password: must be a string, got a number.');
    expect(message).not.toMatch(/123456789|987654321/);
  });

  test('factories and the rule pack name the call and the argument', () => {
    expect(errorOf(() => Peer.ipv6(5 as any))).toBe("Peer.ipv6(cidr): cidr must be a string, got the number 5. Fix: pass the block as text, for example Peer.ipv6('2408:4000:1000::/56').");
    expect(errorOf(() => Port.tcp('443' as any))).toBe("Port.tcp(the string '443'): port must be a whole number from 1 to 65535, got the string '443'. Fix: use ports from 1 to 65535 with from <= to, for example Port.tcp(443).");
    expect(errorOf(() => new Ipv6Checks({ additionalRegions: 'cn-zhongwei' as any }))).toBe(
      "Ipv6Checks has 1 invalid prop:\n  - additionalRegions: must be an array of strings, got the string 'cn-zhongwei'. Fix: pass an array of strings, for example ['cn-zhongwei'], or leave additionalRegions out.");
  });
});

describe('found by the wrong-types property (test/properties/wrong-types.test.ts)', () => {
  test('a fleet names its own prop, instanceTypes[i], for a bad instance type (not ContainerGroup\'s instanceType)', () => {
    const { stack, vpc, securityGroup } = setup();
    const message = errorOf(() => new ContainerGroupFleet(stack, 'Fleet', {
      vpc, securityGroup, minSize: 1, maxSize: 1, containers: [{ name: 'app', image: 'nginx' }], instanceTypes: ['ecs.g7.large', ''],
    }));
    expect(message).toContain("  - instanceTypes[1]: '' is not an ECS instance type.");
  });

  test('values with no JSON or text form (a bigint, a symbol) are described, not a crash', () => {
    const { stack, vpc, securityGroup } = setup();
    expect(errorOf(() => new ContainerGroup(stack, 'App', { vpc, securityGroup, containers: [{ name: 'app', image: 'nginx' }], instanceTypeGuard: BigInt(5) as any })))
      .toContain('  - instanceTypeGuard: must be true or false, got the bigint 5.');
    expect(errorOf(() => new DualStackVpc(stack, 'Vpc2', { zones: [Symbol('z') as any] }))).toContain('  - zones[0]: must be a string, got a symbol.');
  });

  test('a blank IPv6 address ID is empty for the bandwidth and the egress-only rule, not just a mismatch', () => {
    const { stack, vpc } = setup();
    expect(errorOf(() => new Ipv6InternetBandwidth(stack, 'Bw', { ipv6AddressId: ' ', ipv6Gateway: vpc.ipv6Gateway! })))
      .toContain('  - ipv6AddressId: is empty.');
    const bw = new Ipv6InternetBandwidth(stack, 'Bw2', { ipv6AddressId: 'ipv6-1', ipv6Gateway: vpc.ipv6Gateway! });
    const message = errorOf(() => new Ipv6EgressOnlyRule(stack, 'Rule', { ipv6Gateway: vpc.ipv6Gateway!, ipv6AddressId: ' ', internetBandwidth: bw }));
    expect(message).toContain('  - ipv6AddressId: is empty.');
  });
});
