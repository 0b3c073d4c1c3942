/**
 * Properties of the IPv6 text the library writes (issue 11, item 2): parse → print → parse is the
 * identity, every spelling of one address (or block) gives one string, that string is the RFC 5952 form
 * of the test's own printer (an oracle independent of ipaddr.js), and the plan says it.
 *
 * Cases per property: FC_NUM_RUNS (default 100; `npx projen test:props` runs 10000).
 */
import * as fc from 'fast-check';
import { ipv6GroupsArb, ipv6Text, networkGroups, params, rfc5952Oracle, timeout } from './arbitraries';
import { bodies, expectClean, newStack, newVpc } from './harness';
import { Peer, Port, SecurityGroup } from '../../src';
import { canonicalIpv6Address, canonicalIpv6Cidr, ipv6CidrNetwork, parseIpv6Address, parseIpv6Cidr } from '../../src/core/cidr';

/** One of the five RFC 4291 text forms of `ipv6Text`, upper or lower case. */
const spelling = fc.tuple(fc.nat(4), fc.boolean());
const prefix = fc.integer({ min: 0, max: 128 });

describe('IPv6 addresses', () => {
  test('parse, then print, then parse again gives the same address', () => {
    fc.assert(fc.property(ipv6GroupsArb, spelling, (groups, [form, upper]) => {
      const text = ipv6Text(groups, form, upper);
      expect(parseIpv6Address(text)).toEqual(groups);
      const printed = canonicalIpv6Address(text)!;
      expect(parseIpv6Address(printed)).toEqual(groups);
      // printing is a fixed point: the canonical text prints as itself
      expect(canonicalIpv6Address(printed)).toBe(printed);
    }), params());
  }, timeout());

  test('every spelling of one address prints the same string, the RFC 5952 one', () => {
    fc.assert(fc.property(ipv6GroupsArb, spelling, spelling, (groups, [f1, u1], [f2, u2]) => {
      const a = canonicalIpv6Address(ipv6Text(groups, f1, u1));
      const b = canonicalIpv6Address(ipv6Text(groups, f2, u2));
      expect(a).toBe(b);
      expect(a).toBe(rfc5952Oracle(groups));
    }), params());
  }, timeout());

  test('two different addresses never print the same string', () => {
    fc.assert(fc.property(ipv6GroupsArb, ipv6GroupsArb, spelling, (g1, g2, [form, upper]) => {
      fc.pre(g1.some((x, i) => x !== g2[i]));
      expect(canonicalIpv6Address(ipv6Text(g1, form, upper))).not.toBe(canonicalIpv6Address(ipv6Text(g2, form, upper)));
    }), params());
  }, timeout());
});

describe('IPv6 CIDR blocks', () => {
  test('parse, print, parse: the same address and prefix; the network is the address with the host bits cleared', () => {
    fc.assert(fc.property(ipv6GroupsArb, spelling, prefix, (groups, [form, upper], p) => {
      const text = `${ipv6Text(groups, form, upper)}/${p}`;
      const parsed = parseIpv6Cidr(text)!;
      expect(parsed.groups).toEqual(groups);
      expect(parsed.prefix).toBe(p);
      const again = parseIpv6Cidr(canonicalIpv6Cidr(text)!)!;
      expect(again.groups).toEqual(groups);
      expect(again.prefix).toBe(p);
      const net = networkGroups(groups, p);
      expect(ipv6CidrNetwork(text)).toBe(`${rfc5952Oracle(net)}/${p}`);
      expect(parsed.hasHostBits).toBe(net.some((x, i) => x !== groups[i]));
    }), params());
  }, timeout());

  test('Peer.ipv6: every spelling of one block (and every address inside it) emits the same ipv6_cidr_ip', () => {
    fc.assert(fc.property(ipv6GroupsArb, ipv6GroupsArb, spelling, spelling, prefix, (g1, g2, [f1, u1], [f2, u2], p) => {
      // g2 keeps g1's network bits and takes other host bits: another address in the same block
      const other = g1.map((x, i) => {
        const host = 2 ** (16 - Math.max(0, Math.min(16, p - 16 * i))); // the group's host part
        return Math.floor(x / host) * host + (g2[i] % host);
      });
      const a = Peer.ipv6(`${ipv6Text(g1, f1, u1)}/${p}`);
      const b = Peer.ipv6(`${ipv6Text(other, f2, u2)}/${p}`);
      expect(a.cidr).toBe(b.cidr);
      expect(a.cidr).toBe(`${rfc5952Oracle(networkGroups(g1, p))}/${p}`);
    }), params());
  }, timeout());

  test('in the plan: two spellings of one block are one rule whose ipv6_cidr_ip does not depend on their order', () => {
    fc.assert(fc.property(ipv6GroupsArb, spelling, spelling, fc.integer({ min: 1, max: 128 }), (groups, [f1, u1], [f2, u2], p) => {
      const net = networkGroups(groups, p); // a network address: no host-bit warning
      const build = (first: string, second: string) => {
        const { stack } = newStack('cn-huhehaote');
        const vpc = newVpc(stack, { region: 'cn-huhehaote', zones: ['cn-huhehaote-a'], vpcPrefix: 16 });
        const sg = new SecurityGroup(stack, 'Sg', { vpc });
        sg.addIngressRule(Peer.ipv6(first), Port.tcp(443));
        sg.addIngressRule(Peer.ipv6(second), Port.tcp(443));
        return bodies(expectClean(stack).doc, 'alicloud_security_group_rule').map((r) => r.ipv6_cidr_ip);
      };
      const one = `${ipv6Text(net, f1, u1)}/${p}`;
      const two = `${ipv6Text(net, f2, u2)}/${p}`;
      const expected = [`${rfc5952Oracle(net)}/${p}`];
      expect(build(one, two)).toEqual(expected);
      expect(build(two, one)).toEqual(expected);
    }), params(0.3));
  }, timeout(0.3));
});
