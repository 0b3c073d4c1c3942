import { docFinding, docFindings, Sections, tfDoc } from './doc';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

const ID = Ipv6RuleId.VSWITCH_IPV6_MASK;
const VPC = { v: { cidr_block: '10.0.0.0/16', enable_ipv6: true } };

/** One vSwitch `s` in VPC `v` (IPv6) with the given body, plus more vSwitches and resources. */
function doc(vsw: Record<string, unknown>, more: Record<string, Record<string, unknown>> = {}, extra: Sections = {}) {
  return tfDoc({
    alicloud_vpc: VPC,
    alicloud_vswitch: { s: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ...vsw }, ...more },
    ...extra,
  });
}
const one = (vsw: Record<string, unknown>, extra: Sections = {}) => docFinding(doc(vsw, {}, extra), ID, 'alicloud_vswitch.s');

describe('ALI-IPV6-005 messages', () => {
  test('masks are unique per VPC IPv6 block: the same block and mask twice are both errors, another block is fine', () => {
    const block = '2408:4000:1000:1000::/56';
    const twins = docFindings(doc({ ipv6_cidr_block_mask: 4, vpc_ipv6_cidr_block: block },
      { t: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: 4, vpc_ipv6_cidr_block: block } }), ID);
    expect(twins.map((f) => [f.address, f.status])).toEqual([
      ['alicloud_vswitch.s', Ipv6CheckStatus.NON_COMPLIANT], ['alicloud_vswitch.t', Ipv6CheckStatus.NON_COMPLIANT],
    ]);
    const apart = docFindings(doc({ ipv6_cidr_block_mask: 4, vpc_ipv6_cidr_block: block },
      { t: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: 4, vpc_ipv6_cidr_block: '2408:4000:2000:1000::/56' } }), ID);
    expect(apart.map((f) => f.status)).toEqual([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.COMPLIANT]);
  });

  test('a mask in range is compliant; the message gives the mask and the range', () => {
    expect(one({ ipv6_cidr_block_mask: 0 })).toMatchObject({ status: Ipv6CheckStatus.COMPLIANT, message: 'vSwitch alicloud_vswitch.s has IPv6 mask 0, within 0-255 and unique in its VPC' });
    expect(one({ ipv6_cidr_block_mask: 255 }).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(one({ ipv6_cidr_block_mask: '17' }).message).toBe('vSwitch alicloud_vswitch.s has IPv6 mask 17, within 0-255 and unique in its VPC');
  });

  test('a missing mask is an error citing the provider release, with a fix in range', () => {
    const f = one({});
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(f.message).toBe('vSwitch alicloud_vswitch.s has enable_ipv6 = true but no ipv6_cidr_block_mask, which the provider requires since v1.281.0, 2026-06-08 (older releases failed with MissingParam.Ipv6CidrBlock)');
    expect(f.fix).toBe('set ipv6_cidr_block_mask to a free value from 0 to 255 (DualStackVpc assigns one)');
  });

  test.each([256, -1, 1.5, 'x'])('a mask of %p is out of range: an error', (mask) => {
    const f = one({ ipv6_cidr_block_mask: mask });
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toBe(`ipv6_cidr_block_mask of vSwitch alicloud_vswitch.s is ${typeof mask === 'string' ? mask : String(mask)} but must be a whole number from 0 to 255 (the last 8 bits of the vSwitch /64 in the VPC's /56)`);
    expect(f.fix).toBe('set ipv6_cidr_block_mask between 0 and 255');
  });

  test.each([
    ['2408:4000:1000:1000::/60', 15, 16],
    ['2408:4000:1000::/48', 65535, 65536],
    ['2408:4000:1000:1000::/64', 0, 1],
    [' 2408:4000::/52 ', 4095, 4096],
    ['2408:4000::/47', 255, 256],
    ['2408:4000::/65', 255, 256],
    ['2408:4000::', 255, 256],
  ])('the range follows a literal vpc_ipv6_cidr_block %s (largest mask %d)', (block, max, tooBig) => {
    expect(one({ vpc_ipv6_cidr_block: block, ipv6_cidr_block_mask: max }).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(one({ vpc_ipv6_cidr_block: block, ipv6_cidr_block_mask: tooBig }).message).toContain(`must be a whole number from 0 to ${max} `);
  });

  test('the prefix is read from a referenced alicloud_vpc_ipv6_cidr_block\'s ipv6_cidr_mask', () => {
    const cidr = (mask: unknown) => ({ alicloud_vpc_ipv6_cidr_block: { c: { vpc_id: '${alicloud_vpc.v.id}', ipv6_cidr_mask: mask } } });
    const ref = '${alicloud_vpc_ipv6_cidr_block.c.ipv6_cidr_block}';
    expect(one({ vpc_ipv6_cidr_block: ref, ipv6_cidr_block_mask: 16 }, cidr(60)).message).toBe(
      "ipv6_cidr_block_mask of vSwitch alicloud_vswitch.s is 16 but must be a whole number from 0 to 15 (the last 4 bits of the vSwitch /64 in the VPC's /60)");
    expect(one({ vpc_ipv6_cidr_block: ref, ipv6_cidr_block_mask: 16 }, cidr('60')).status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(one({ vpc_ipv6_cidr_block: ref, ipv6_cidr_block_mask: 16 }, cidr(60.5)).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(one({ vpc_ipv6_cidr_block: ref, ipv6_cidr_block_mask: 16 }, cidr('${var.m}')).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(one({ vpc_ipv6_cidr_block: '${alicloud_vpc.v.ipv6_cidr_block}', ipv6_cidr_block_mask: 16 }, cidr(60)).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('a mask or enable_ipv6 from an expression cannot be verified: info, with the range in the fix', () => {
    const mask = one({ ipv6_cidr_block_mask: '${var.mask}' });
    expect(mask).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(mask.message).toBe('Cannot verify at synth time the ipv6_cidr_block_mask of vSwitch alicloud_vswitch.s: it is the expression ${var.mask}');
    expect(mask.fix).toBe('use a literal mask from 0 to 255');
    const enabled = one({ enable_ipv6: '${var.on}' });
    expect(enabled.message).toBe('Cannot verify at synth time the IPv6 mask of vSwitch alicloud_vswitch.s: enable_ipv6 is the expression ${var.on}');
    expect(enabled.fix).toBe('when enable_ipv6 can be true, always set ipv6_cidr_block_mask too');
  });

  test('vSwitches with enable_ipv6 false or unset are not subjects; "true" and 1 are', () => {
    const d = doc({ enable_ipv6: false }, {
      unset: { vpc_id: '${alicloud_vpc.v.id}' },
      text: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: 'true', ipv6_cidr_block_mask: 1 },
      one: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: 1, ipv6_cidr_block_mask: 2 },
    });
    expect(docFindings(d, ID).map((f) => [f.address, f.status])).toEqual([
      ['alicloud_vswitch.text', Ipv6CheckStatus.COMPLIANT],
      ['alicloud_vswitch.one', Ipv6CheckStatus.COMPLIANT],
    ]);
  });

  describe('masks must be unique per VPC and VPC IPv6 block', () => {
    test('three vSwitches with one mask: each names the other two', () => {
      const d = doc({ ipv6_cidr_block_mask: 7 }, {
        t: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: '7' },
        u: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: 7 },
        other: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: 8 },
      });
      const found = docFindings(d, ID);
      expect(found.map((f) => f.status)).toEqual(['non-compliant', 'non-compliant', 'non-compliant', 'compliant']);
      expect(found[0].message).toBe('ipv6_cidr_block_mask 7 of vSwitch alicloud_vswitch.s is also used by alicloud_vswitch.t, alicloud_vswitch.u in the same VPC, so both would get the same IPv6 /64');
      expect(found[0].fix).toBe('give each IPv6 vSwitch of a VPC its own ipv6_cidr_block_mask');
      expect(found[1].message).toContain('is also used by alicloud_vswitch.s, alicloud_vswitch.u in the same VPC');
    });

    test('the same mask from different VPC IPv6 blocks of one VPC is fine', () => {
      const d = doc({ ipv6_cidr_block_mask: 7, vpc_ipv6_cidr_block: '2408:4000:1::/56' }, {
        t: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: 7, vpc_ipv6_cidr_block: '2408:4000:2::/56' },
      });
      expect(docFindings(d, ID).map((f) => f.status)).toEqual([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.COMPLIANT]);
    });

    test('the same literal VPC ID counts as the same VPC; vSwitches without vpc_id are not compared', () => {
      const same = tfDoc({ alicloud_vswitch: { a: { vpc_id: 'vpc-1', enable_ipv6: true, ipv6_cidr_block_mask: 3 }, b: { vpc_id: 'vpc-1', enable_ipv6: true, ipv6_cidr_block_mask: 3 } } });
      expect(docFindings(same, ID).map((f) => f.status)).toEqual([Ipv6CheckStatus.NON_COMPLIANT, Ipv6CheckStatus.NON_COMPLIANT]);
      const noVpc = { enable_ipv6: true, ipv6_cidr_block_mask: 3 };
      const none = tfDoc({ alicloud_vswitch: { a: noVpc, b: { ...noVpc } } });
      expect(docFindings(none, ID).map((f) => f.status)).toEqual([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.COMPLIANT]);
    });

    test('a vSwitch whose enable_ipv6 is an expression does not take a mask from the others', () => {
      const d = doc({ ipv6_cidr_block_mask: 7 }, { maybe: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: '${var.on}', ipv6_cidr_block_mask: 7 } });
      expect(docFinding(d, ID, 'alicloud_vswitch.s').status).toBe(Ipv6CheckStatus.COMPLIANT);
    });
  });

  test('a VPC without IPv6 adds its own problem and fix to the mask problem', () => {
    const d = tfDoc({ alicloud_vpc: { v: { cidr_block: '10.0.0.0/16' } }, alicloud_vswitch: { s: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true } } });
    const f = docFinding(d, ID);
    expect(f.message).toMatch(/^vSwitch alicloud_vswitch\.s has enable_ipv6 = true but no ipv6_cidr_block_mask, .*; vSwitch alicloud_vswitch\.s has enable_ipv6 = true but its VPC alicloud_vpc\.v has IPv6 disabled$/);
    expect(f.fix).toBe('set ipv6_cidr_block_mask to a free value from 0 to 255 (DualStackVpc assigns one); set enable_ipv6 = true on the VPC (or attach an alicloud_vpc_ipv6_cidr_block)');
  });

  test('a VPC whose enable_ipv6 is an expression is not reported', () => {
    const d = tfDoc({ alicloud_vpc: { v: { enable_ipv6: '${var.on}' } }, alicloud_vswitch: { s: { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: true, ipv6_cidr_block_mask: 0 } } });
    expect(docFinding(d, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });
});
