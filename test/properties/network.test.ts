/**
 * Properties of the network constructs (DualStackVpc, SecurityGroup with Peer/Port, Ipv6Gateway,
 * Ipv6InternetBandwidth, Ipv6EgressOnlyRule) for generated valid props: synthesis succeeds, the plan checker
 * finds no error, no error annotation is added, the plan says what the props say, and it is deterministic.
 *
 * Cases per property: FC_NUM_RUNS (default 100; `npx projen test:props` runs 10000).
 */
import * as fc from 'fast-check';
import {
  alibabaName, bandwidth, explicitVSwitches, params, plainText, sgProps, sgRule, SgRuleCase, timeout, vpcCase,
} from './arbitraries';
import { bodies, expectClean, newStack, newVpc } from './harness';
import { DualStackVpc, Ipv6EgressOnlyRule, Ipv6Gateway, Ipv6InternetBandwidth, SecurityGroup } from '../../src';

/** Parses `a.b.c.d/n` (the oracle's own parser, independent of src/core/cidr). */
function parseV4(cidr: string): { start: number; size: number; prefix: number } {
  const [addr, p] = cidr.split('/');
  const start = addr.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return { start, size: 2 ** (32 - Number(p)), prefix: Number(p) };
}

describe('DualStackVpc (zones) with valid props', () => {
  test('synthesizes a clean plan: one IPv6 vSwitch per zone, disjoint blocks inside the VPC, unique IPv6 masks', () => {
    fc.assert(fc.property(vpcCase, (c) => {
      const { stack } = newStack(c.region);
      const vpc = newVpc(stack, c);
      const { doc } = expectClean(stack);

      const [vpcBody] = bodies(doc, 'alicloud_vpc');
      expect(vpcBody.cidr_block).toBe(c.cidrBlock ?? '10.0.0.0/16');
      expect(vpcBody.enable_ipv6).toBe(true);
      const vswitches = bodies(doc, 'alicloud_vswitch');
      expect(vswitches).toHaveLength(c.zones.length);
      expect(vpc.vSwitches.map((s) => s.zoneId)).toEqual(c.zones);
      expect(vswitches.map((s) => s.zone_id).sort()).toEqual([...c.zones].sort());

      const outer = parseV4(vpcBody.cidr_block);
      const blocks = vswitches.map((s) => parseV4(s.cidr_block)).sort((a, b) => a.start - b.start);
      for (const b of blocks) {
        expect(b.prefix).toBe(c.vSwitchCidrMask ?? 24);
        expect(b.start % b.size).toBe(0);
        expect(b.start >= outer.start && b.start + b.size <= outer.start + outer.size).toBe(true);
      }
      for (let i = 1; i < blocks.length; i++) expect(blocks[i].start).toBeGreaterThanOrEqual(blocks[i - 1].start + blocks[i - 1].size);

      const masks = vswitches.map((s) => s.ipv6_cidr_block_mask);
      expect(new Set(masks).size).toBe(masks.length);
      expect(masks.every((m) => Number.isInteger(m) && m >= 0 && m <= 255)).toBe(true);
      expect(vswitches.every((s) => s.enable_ipv6 === true)).toBe(true);

      expect(bodies(doc, 'alicloud_vpc_ipv6_gateway')).toHaveLength(c.ipv6Gateway === false ? 0 : 1);
      expect(vpc.ipv6Gateway === undefined).toBe(c.ipv6Gateway === false);
    }), params());
  }, timeout());

  test('the same props synthesize byte-identical plans', () => {
    fc.assert(fc.property(vpcCase, (c) => {
      const build = () => {
        const { stack } = newStack(c.region);
        newVpc(stack, c);
        return expectClean(stack).json;
      };
      expect(build()).toBe(build());
    }), params(0.5));
  }, timeout(0.5));
});

describe('DualStackVpc (explicit vSwitches) with valid props', () => {
  test('honours explicit blocks and masks and fills in the rest without clashes', () => {
    fc.assert(fc.property(explicitVSwitches, (c) => {
      const { stack } = newStack(c.region);
      const vpc = new DualStackVpc(stack, 'Vpc', { vSwitches: c.vSwitches });
      const { doc } = expectClean(stack);
      const res = (vpc as DualStackVpc).vSwitchResources;
      expect(res).toHaveLength(c.vSwitches.length);
      const byId = doc.resource.alicloud_vswitch;
      const planned = res.map((r) => byId[r.friendlyUniqueId]);
      planned.forEach((body, i) => {
        const spec = c.vSwitches[i];
        expect(body.zone_id).toBe(spec.zoneId);
        if (spec.cidrBlock !== undefined) expect(body.cidr_block).toBe(spec.cidrBlock);
        const ipv6 = spec.ipv6Enabled ?? true;
        expect(body.enable_ipv6).toBe(ipv6);
        if (ipv6 && spec.ipv6CidrBlockMask !== undefined) expect(body.ipv6_cidr_block_mask).toBe(spec.ipv6CidrBlockMask);
        if (!ipv6) expect(body.ipv6_cidr_block_mask).toBeUndefined();
      });
      const blocks = planned.map((b) => parseV4(b.cidr_block)).sort((a, b) => a.start - b.start);
      for (let i = 1; i < blocks.length; i++) expect(blocks[i].start).toBeGreaterThanOrEqual(blocks[i - 1].start + blocks[i - 1].size);
      const masks = planned.filter((b) => b.enable_ipv6).map((b) => b.ipv6_cidr_block_mask);
      expect(new Set(masks).size).toBe(masks.length);
    }), params());
  }, timeout());
});

describe('SecurityGroup with valid rules', () => {
  test('creates one rule per distinct (direction, protocol, ports, block), IPv6 peers as ipv6_cidr_ip, and a clean plan', () => {
    fc.assert(fc.property(sgProps, fc.array(sgRule, { maxLength: 8 }), (props, rules) => {
      const { stack } = newStack('cn-huhehaote');
      const vpc = newVpc(stack, { region: 'cn-huhehaote', zones: ['cn-huhehaote-a'], vpcPrefix: 16 });
      const sg = new SecurityGroup(stack, 'Sg', { vpc, ...props });
      for (const r of rules) {
        if (r.direction === 'ingress') sg.addIngressRule(r.peer.peer, r.port, r.description);
        else sg.addEgressRule(r.peer.peer, r.port, r.description);
      }
      const { doc } = expectClean(stack);

      const distinct = new Map<string, SgRuleCase>();
      for (const r of rules) {
        const key = `${r.direction}|${r.port.protocol}|${r.port.portRange}|${r.peer.key}`;
        if (!distinct.has(key)) distinct.set(key, r);
      }
      const planned = bodies(doc, 'alicloud_security_group_rule');
      expect(planned).toHaveLength(distinct.size);
      expect(sg.ingressRules.length + sg.egressRules.length).toBe(distinct.size);
      const expected = [...distinct.values()].map((r) => ({
        type: r.direction,
        ip_protocol: r.port.protocol,
        port_range: r.port.portRange,
        ...(r.peer.ipv6 ? { ipv6_cidr_ip: r.peer.emitted } : { cidr_ip: r.peer.emitted }),
      }));
      const actual = planned.map((b) => ({
        type: b.type,
        ip_protocol: b.ip_protocol,
        port_range: b.port_range,
        ...(b.ipv6_cidr_ip !== undefined ? { ipv6_cidr_ip: b.ipv6_cidr_ip } : {}),
        ...(b.cidr_ip !== undefined ? { cidr_ip: b.cidr_ip } : {}),
      }));
      const order = (x: any) => JSON.stringify(x);
      expect(actual.map(order).sort()).toEqual(expected.map(order).sort());
      for (const b of planned) {
        expect(b.policy).toBe('accept');
        expect((b.cidr_ip === undefined) !== (b.ipv6_cidr_ip === undefined)).toBe(true);
        const [from, to] = b.port_range.split('/').map(Number);
        if (b.ip_protocol === 'tcp' || b.ip_protocol === 'udp') expect(from >= 1 && from <= to && to <= 65535).toBe(true);
        else expect(b.port_range).toBe('-1/-1');
        if (b.ip_protocol === 'icmpv6') expect(b.ipv6_cidr_ip).toBeDefined();
        if (b.ip_protocol === 'icmp') expect(b.cidr_ip).toBeDefined();
      }
    }), params());
  }, timeout());
});

describe('Ipv6Gateway, Ipv6InternetBandwidth and Ipv6EgressOnlyRule with valid props', () => {
  test('plan what was asked for, cleanly', () => {
    fc.assert(fc.property(
      fc.record({
        gatewayName: fc.option(alibabaName, { nil: undefined }),
        bw: bandwidth,
        addressId: fc.stringMatching(/^ipv6-[a-z0-9]{8,20}$/),
        vpcId: fc.stringMatching(/^vpc-[a-z0-9]{8,20}$/),
        egressOnly: fc.boolean(),
        ruleName: fc.option(alibabaName, { nil: undefined }),
        ruleDescription: fc.option(plainText.filter((s) => s.length >= 2), { nil: undefined }),
      }),
      (c) => {
        const { stack } = newStack('cn-huhehaote');
        const gw = new Ipv6Gateway(stack, 'Gw', { vpcId: c.vpcId, ipv6GatewayName: c.gatewayName });
        const bw = new Ipv6InternetBandwidth(stack, 'Bw', { ipv6Gateway: gw, ipv6AddressId: c.addressId, ...c.bw });
        if (c.egressOnly) {
          new Ipv6EgressOnlyRule(stack, 'Egress', {
            ipv6Gateway: gw,
            ipv6AddressId: c.addressId,
            internetBandwidth: bw,
            ipv6EgressRuleName: c.ruleName,
            description: c.ruleDescription,
          });
        }
        const { doc } = expectClean(stack);
        const [g] = bodies(doc, 'alicloud_vpc_ipv6_gateway');
        expect(g.vpc_id).toBe(c.vpcId);
        expect(g.ipv6_gateway_name).toBe(c.gatewayName);
        const [b] = bodies(doc, 'alicloud_vpc_ipv6_internet_bandwidth');
        expect(b).toMatchObject({ bandwidth: c.bw.bandwidth, internet_charge_type: c.bw.internetChargeType ?? 'PayByBandwidth', ipv6_address_id: c.addressId });
        expect(bodies(doc, 'alicloud_vpc_ipv6_egress_rule')).toHaveLength(c.egressOnly ? 1 : 0);
      }), params());
  }, timeout());
});
