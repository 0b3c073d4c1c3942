/**
 * Properties of the vSwitch allocator (src/vpc/vswitch-allocator.ts) for random VPC blocks, vSwitch sizes and
 * numbers of vSwitches, checked against this file's own arithmetic (its own CIDR parser and a first-fit
 * carver over every slot), and agreement between the allocator and what DualStackVpc synthesizes.
 *
 * Cases per property: FC_NUM_RUNS (default 100; `npx projen test:props` runs 10000).
 */
import * as fc from 'fast-check';
import { explicitVSwitches, ipv4Text, params, REGIONS, timeout, vpcCase } from './arbitraries';
import { bodies, expectClean, newStack, newVpc } from './harness';
import { DualStackVpc, VSwitchSpec } from '../../src';
import {
  AllocationResult, allocateVSwitches, ExistingVSwitch, UNKNOWN, VSwitchAllocation, VSwitchRequest,
} from '../../src/vpc/vswitch-allocator';

// ---------------------------------------------------------------------------------------------------------
// The test's own arithmetic
// ---------------------------------------------------------------------------------------------------------

interface Block { readonly start: number; readonly size: number; readonly prefix: number }

/** Parses `a.b.c.d/n` (independent of src/core/cidr); the network address, host bits cleared. */
function parseV4(cidr: string): Block {
  const [addr, p] = cidr.split('/');
  const address = addr.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(p));
  return { start: address - (address % size), size, prefix: Number(p) };
}

function overlap(a: Block, b: Block): boolean {
  return a.start < b.start + b.size && b.start < a.start + a.size;
}

function inside(outer: Block, inner: Block): boolean {
  return inner.start >= outer.start && inner.start + inner.size <= outer.start + outer.size;
}

/** First fit: up to `count` blocks of `prefix` in `vpc`, lowest address first, each clear of `held` and of the ones before. */
function firstFit(vpc: Block, prefix: number, count: number, held: Block[]): string[] {
  const size = 2 ** (32 - prefix);
  const taken = [...held];
  const found: string[] = [];
  for (let start = vpc.start; start < vpc.start + vpc.size && found.length < count; start += size) {
    const candidate = { start, size, prefix };
    if (taken.some((t) => overlap(t, candidate))) continue;
    taken.push(candidate);
    found.push(`${ipv4Text(start)}/${prefix}`);
  }
  return found;
}

/** The lowest `count` indexes from 0 that are not in `used`. */
function lowestFree(used: number[], count: number): number[] {
  const free: number[] = [];
  for (let i = 0; i <= 255 && free.length < count; i++) if (!used.includes(i)) free.push(i);
  return free;
}

// ---------------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------------

/** A private VPC block /8-/28 (host bits zero) and a vSwitch prefix from max(16, VPC prefix) to 29. */
const vpcAndPrefix = fc.constantFrom(
  { base: 10 * 2 ** 24, basePrefix: 8 },
  { base: (172 * 256 + 16) * 2 ** 16, basePrefix: 12 },
  { base: (192 * 256 + 168) * 2 ** 16, basePrefix: 16 },
).chain(({ base, basePrefix }) => fc.integer({ min: basePrefix, max: 28 }).chain((prefix) => fc.record({
  vpc: fc.integer({ min: 0, max: 2 ** (prefix - basePrefix) - 1 }).map((i) => `${ipv4Text(base + i * 2 ** (32 - prefix))}/${prefix}`),
  vSwitchPrefix: fc.integer({ min: Math.max(16, prefix), max: 29 }),
})));

/** A block of prefix max(16, VPC prefix)-29 at a random aligned place inside `vpc`. */
function blockInside(vpc: string): fc.Arbitrary<string> {
  const v = parseV4(vpc);
  return fc.integer({ min: Math.max(16, v.prefix), max: 29 }).chain((prefix) =>
    fc.integer({ min: 0, max: 2 ** (prefix - v.prefix) - 1 }).map((i) => `${ipv4Text(v.start + i * 2 ** (32 - prefix))}/${prefix}`));
}

/** Requests in zones a-d, some with IPv6 off, some (with `explicit`) with their own block or index. */
function requests(vpc: string, explicit: boolean, maxLength = 8): fc.Arbitrary<VSwitchRequest[]> {
  const none = fc.constant(undefined);
  return fc.array(fc.record({
    zoneId: fc.constantFrom('a', 'b', 'c', 'd'),
    ipv6Enabled: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    cidrBlock: explicit ? fc.option(blockInside(vpc), { nil: undefined, freq: 2 }) : none,
    ipv6Index: explicit ? fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined, freq: 2 }) : none,
  }), { minLength: 1, maxLength }).map((rs) => rs.map((r): VSwitchRequest => ({ ...r, ipv6Index: r.ipv6Enabled ? r.ipv6Index : undefined })));
}

// ---------------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------------

/** A plan, as literal values (the generators never pass UNKNOWN). */
function literal(a: VSwitchAllocation): { cidrBlock: string; ipv6Index?: number } {
  if (a.cidrBlock === UNKNOWN || a.ipv6Index === UNKNOWN) throw new Error('UNKNOWN in a plan of literal values');
  return { cidrBlock: a.cidrBlock, ipv6Index: a.ipv6Index };
}

/**
 * Checks a result against the oracle: the plan when every explicit value is free and the VPC has room, with
 * explicit values kept, first-fit blocks and lowest free indexes; otherwise only the problems that apply.
 */
function checkAgainstOracle(vpc: string, vSwitchPrefix: number, rs: VSwitchRequest[], existing: ExistingVSwitch[], result: AllocationResult): void {
  const outer = parseV4(vpc);
  const held: Block[] = existing.map((e) => parseV4(e.cidrBlock as string));
  const usedIndexes = existing.flatMap((e) => (e.ipv6Index === undefined ? [] : [e.ipv6Index as number]));
  const clashes: string[] = [];
  rs.forEach((r, i) => {
    if (r.cidrBlock !== undefined) {
      const b = parseV4(r.cidrBlock as string);
      if (held.some((h) => overlap(h, b))) clashes.push(`cidr-overlap ${i}`);
      held.push(b);
    }
    if (r.ipv6Index !== undefined) {
      if (usedIndexes.includes(r.ipv6Index as number)) clashes.push(`ipv6-index-taken ${i}`);
      usedIndexes.push(r.ipv6Index as number);
    }
  });
  const missing = rs.filter((r) => r.cidrBlock === undefined).length;
  const carved = firstFit(outer, vSwitchPrefix, missing, held);
  const expectedProblems = [...clashes, ...(carved.length < missing ? [`vpc-full ${missing} ${carved.length}`] : [])];

  if (!result.ok) {
    const found = result.problems.map((p) => ('request' in p ? `${p.kind} ${p.request}` : p.kind === 'vpc-full' ? `${p.kind} ${p.missing} ${p.room}` : p.kind));
    expect(found).toEqual(expectedProblems);
    return;
  }
  expect(expectedProblems).toEqual([]);
  const plan = result.vSwitches.map(literal);
  const free = lowestFree(usedIndexes, rs.filter((r) => r.ipv6Enabled && r.ipv6Index === undefined).length);
  const expected = rs.map((r) => ({
    cidrBlock: (r.cidrBlock as string | undefined) ?? carved.shift()!,
    ipv6Index: r.ipv6Enabled ? (r.ipv6Index as number | undefined) ?? free.shift()! : undefined,
  }));
  expect(plan).toEqual(expected);

  // Whatever the oracle says: every block inside the VPC and disjoint, every index unique and 0-255.
  const all = [...existing.map((e) => e.cidrBlock as string), ...plan.map((p) => p.cidrBlock)].map(parseV4);
  all.forEach((b, i) => {
    expect(inside(outer, b)).toBe(true);
    all.slice(0, i).forEach((other) => expect(overlap(b, other)).toBe(false));
  });
  const indexes = [...existing.map((e) => e.ipv6Index), ...plan.map((p) => p.ipv6Index)].filter((x) => x !== undefined) as number[];
  expect(new Set(indexes).size).toBe(indexes.length);
  expect(indexes.every((x) => Number.isInteger(x) && x >= 0 && x <= 255)).toBe(true);
  rs.forEach((r, i) => {
    if (r.cidrBlock === undefined) expect(parseV4(plan[i].cidrBlock).prefix).toBe(vSwitchPrefix);
    expect(plan[i].ipv6Index === undefined).toBe(!r.ipv6Enabled);
  });
}

/** The allocator's plan as the construct's existing vSwitches. */
function asExisting(rs: VSwitchRequest[], plan: readonly VSwitchAllocation[]): ExistingVSwitch[] {
  return plan.map((a, i) => ({ zoneId: rs[i].zoneId, cidrBlock: a.cidrBlock, ipv6Index: a.ipv6Index }));
}

// ---------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------

describe('allocateVSwitches for random VPC blocks and vSwitch counts', () => {
  test('automatic blocks: first fit inside the VPC, disjoint, of vSwitchPrefix; indexes 0, 1, 2...; or the VPC is full', () => {
    fc.assert(fc.property(vpcAndPrefix.chain((v) => fc.record({ v: fc.constant(v), rs: requests(v.vpc, false, 12) })), ({ v, rs }) => {
      const result = allocateVSwitches({ vpcCidrBlock: v.vpc, vSwitchPrefix: v.vSwitchPrefix, requests: rs });
      checkAgainstOracle(v.vpc, v.vSwitchPrefix, rs, [], result);
      const slots = 2 ** (v.vSwitchPrefix - parseV4(v.vpc).prefix);
      expect(result.ok).toBe(rs.length <= slots);
    }), params());
  }, timeout());

  test('explicit blocks and indexes are kept or reported, and a second round around the first agrees with the oracle', () => {
    const round = vpcAndPrefix.chain((v) => fc.record({ v: fc.constant(v), first: requests(v.vpc, true), second: requests(v.vpc, true, 4) }));
    fc.assert(fc.property(round, ({ v, first, second }) => {
      const one = allocateVSwitches({ vpcCidrBlock: v.vpc, vSwitchPrefix: v.vSwitchPrefix, requests: first });
      checkAgainstOracle(v.vpc, v.vSwitchPrefix, first, [], one);
      if (!one.ok) return;
      const existing = asExisting(first, one.vSwitches);
      const two = allocateVSwitches({ vpcCidrBlock: v.vpc, vSwitchPrefix: v.vSwitchPrefix, requests: second, existing });
      checkAgainstOracle(v.vpc, v.vSwitchPrefix, second, existing, two);
      if (two.ok) {
        const zones = [...first, ...second].map((r) => r.zoneId);
        const ordinals = second.map((r, i) => zones.slice(0, first.length + i + 1).filter((z) => z === r.zoneId).length);
        expect(two.vSwitches.map((a) => a.zoneOrdinal)).toEqual(ordinals);
      }
    }), params());
  }, timeout());
});

describe('DualStackVpc synthesizes what the allocator plans', () => {
  test('zones form: each vSwitch has the allocator\'s block and index', () => {
    fc.assert(fc.property(vpcCase, (c) => {
      const { stack } = newStack(c.region);
      const vpc = newVpc(stack, c);
      const { doc } = expectClean(stack);
      const rs = c.zones.map((zoneId) => ({ zoneId, ipv6Enabled: true }));
      const result = allocateVSwitches({ vpcCidrBlock: c.cidrBlock ?? '10.0.0.0/16', vSwitchPrefix: c.vSwitchCidrMask ?? 24, requests: rs });
      if (!result.ok) throw new Error(`the allocator found problems: ${JSON.stringify(result.problems)}`);
      const synthesized = vpc.vSwitchResources.map((r) => doc.resource.alicloud_vswitch[r.friendlyUniqueId]);
      expect(synthesized.map((b) => ({ cidrBlock: b.cidr_block, ipv6Index: b.ipv6_cidr_block_mask }))).toEqual(result.vSwitches.map(literal));
      expect(bodies(doc, 'alicloud_vswitch')).toHaveLength(c.zones.length);
    }), params());
  }, timeout());

  test('vSwitches form and addVSwitch: the construct fails exactly when the allocator has problems, and otherwise plans the same', () => {
    const extra = (zones: readonly string[]) => fc.array(fc.record({
      zoneId: fc.constantFrom(...zones),
      ipv6CidrBlockMask: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
      cidrBlock: fc.option(fc.integer({ min: 0, max: 7 }).map((i) => `10.0.${i}.0/24`), { nil: undefined }),
    }), { maxLength: 3 });
    const cases = explicitVSwitches.chain((c) => fc.record({
      c: fc.constant(c),
      added: extra(REGIONS.find((r) => r.region === c.region)!.zones),
    }));
    fc.assert(fc.property(cases, ({ c, added }) => {
      const { stack } = newStack(c.region);
      const vpc = new DualStackVpc(stack, 'Vpc', { vSwitches: c.vSwitches });
      const toRequest = (s: VSwitchSpec): VSwitchRequest =>
        ({ zoneId: s.zoneId, cidrBlock: s.cidrBlock, ipv6Enabled: s.ipv6Enabled ?? true, ipv6Index: s.ipv6CidrBlockMask });
      const first = c.vSwitches.map(toRequest);
      const one = allocateVSwitches({ vpcCidrBlock: '10.0.0.0/16', vSwitchPrefix: 24, requests: first });
      if (!one.ok) throw new Error(`the allocator found problems: ${JSON.stringify(one.problems)}`);
      let existing = asExisting(first, one.vSwitches);
      const expected = one.vSwitches.map(literal);
      for (const spec of added) {
        const request = toRequest(spec);
        const result = allocateVSwitches({ vpcCidrBlock: '10.0.0.0/16', vSwitchPrefix: 24, requests: [request], existing });
        let threw = false;
        try {
          vpc.addVSwitch(spec);
        } catch (e) {
          threw = true;
          expect((e as Error).message).toMatch(/^DualStackVpc.addVSwitch at 'test\/Vpc' has \d+ invalid props?:/);
        }
        expect(threw).toBe(!result.ok);
        if (result.ok) {
          existing = [...existing, ...asExisting([request], result.vSwitches)];
          expected.push(literal(result.vSwitches[0]));
        }
      }
      const { doc } = expectClean(stack);
      const synthesized = vpc.vSwitchResources.map((r) => doc.resource.alicloud_vswitch[r.friendlyUniqueId]);
      expect(synthesized.map((b) => ({ cidrBlock: b.cidr_block, ipv6Index: b.ipv6_cidr_block_mask }))).toEqual(expected);
    }), params());
  }, timeout());
});
