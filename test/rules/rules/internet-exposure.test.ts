import { TerraformVariable } from 'cdktf';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId, Peer, Port, SecurityGroup } from '../../../src';
import { findingsOf, ipv6Eci, network, newStack, only } from '../util';

const ID = Ipv6RuleId.INTERNET_EXPOSURE;
const FIX = 'narrow port_range to the ports the containers declare, restrict the source to the clients\' CIDR block, or declare the port on the container';

/** The network of util.ts (security group Sg opens TCP 80 to ::/0) with an IPv6 ECI declaring TCP 80 in it. */
function webStack() {
  const stack = newStack();
  const net = network(stack);
  ipv6Eci(stack, 'Web', net);
  return { stack, net };
}

describe('ALI-IPV6-008 internet-exposure', () => {
  test('compliant: ::/0 opens exactly the port the container declares', () => {
    const { stack } = webStack();
    const f = only(stack, ID, 'Sg/Ingress-tcp-80-AnyIpv6');
    expect(f.status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(f.message).toContain('opens tcp 80/80 to ::/0, all declared by the containers in security group');
  });

  test('non-compliant (warning): ::/0 opens a protocol and port no container declares', () => {
    const { stack, net } = webStack();
    net.securityGroup.addIngressRule(Peer.anyIpv6(), Port.udp(53), 'dns');
    const f = only(stack, ID, 'Sg/Ingress-udp-53-AnyIpv6');
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING, constructPath: 'test/Sg/Ingress-udp-53-AnyIpv6', fix: FIX });
    expect(f.message).toContain('opens udp 53/53 to ::/0 (the whole Internet)');
    expect(f.message).toContain('declare only tcp 80; 1 port (53) is open with no container port behind it');
  });

  test('cannot verify (info): a security group with no ECI of the stack in it, or a source from a variable', () => {
    const stack = newStack();
    network(stack); // Sg opens TCP 80 to ::/0, but no ECI uses it
    const empty = only(stack, ID, 'Sg/Ingress-tcp-80-AnyIpv6');
    expect(empty).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, constructPath: 'test/Sg/Ingress-tcp-80-AnyIpv6' });
    expect(empty.message).toContain('no ECI of this stack is in security group');
    expect(empty.fix).toContain('create the ECIs that use the security group in the same stack as the security group and its rules');

    const { stack: s2, net } = webStack();
    const cidr = new TerraformVariable(s2, 'cidr', { type: 'string' });
    net.securityGroup.addIngressRule(Peer.ipv6(cidr.stringValue), Port.tcp(22), 'ssh');
    const variable = only(s2, ID, 'Sg/Ingress-tcp-22-Ipv6Peer1');
    expect(variable).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(variable.message).toContain('its source or direction is the expression ${var.cidr}');
    expect(variable.fix).toBe('use literal CIDR blocks for ingress rules');
  });

  test('only ingress rules open to the whole Internet are subjects', () => {
    const stack = newStack();
    const { vpc } = network(stack);
    const office = new SecurityGroup(stack, 'Office', { vpc });
    office.addIngressRule(Peer.ipv6('2408:4000::/56'), Port.allTcp(), 'office');
    office.addIngressRule(Peer.ipv4('192.0.2.0/24'), Port.allTraffic(), 'lab');
    expect(findingsOf(stack, ID).map((f) => f.constructPath)).toEqual(['test/Sg/Ingress-tcp-80-AnyIpv6']);
  });
});
