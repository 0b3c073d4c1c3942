/**
 * The vSwitch address planner of `DualStackVpc`, as pure arithmetic: which IPv4 block and which IPv6 /64
 * index (`ipv6_cidr_block_mask`, the last 8 bits of the vSwitch /64 inside the VPC /56) each vSwitch gets.
 *
 * It takes plain values (no tokens, no constructs): the VPC's IPv4 block, the size of carved blocks, the
 * requested vSwitches with their optional explicit block and index, and the vSwitches that already exist
 * (for `addVSwitch`). A value known only at apply time is passed as `UNKNOWN`. It returns the plan, or the
 * problems that prevent one as data: the construct words them (and checks types, zones and the VPC's own
 * props itself).
 *
 * Not part of the public API (not exported from src/index.ts).
 */
import { carveSubnets, formatIpv4Cidr, Ipv4Cidr, ipv4CidrContains, ipv4CidrsOverlap, parseIpv4Cidr } from '../core/cidr';

/** VPC IPv4 prefix range (CreateVpc). @internal */
export const MIN_VPC_PREFIX = 8;
/** See MIN_VPC_PREFIX. @internal */
export const MAX_VPC_PREFIX = 28;
/** vSwitch IPv4 prefix range (CreateVSwitch). @internal */
export const MIN_VSWITCH_PREFIX = 16;
/** See MIN_VSWITCH_PREFIX. @internal */
export const MAX_VSWITCH_PREFIX = 29;
/** Highest `ipv6_cidr_block_mask`: a /56 holds 256 /64s, numbered 0-255. @internal */
export const MAX_IPV6_INDEX = 255;

/** Stands for a value known only at apply time (a Terraform expression): nothing can be computed with it. @internal */
export const UNKNOWN: unique symbol = Symbol('unknown');
/** The type of UNKNOWN. @internal */
export type Unknown = typeof UNKNOWN;

/** A vSwitch to plan. @internal */
export interface VSwitchRequest {
  /** Its zone: only counted (see `VSwitchAllocation.zoneOrdinal`), never interpreted. */
  readonly zoneId: string;
  /** Its own IPv4 block (any text: the allocator checks it), or unset to carve one. */
  readonly cidrBlock?: string | Unknown;
  /** Whether it gets an IPv6 /64. */
  readonly ipv6Enabled: boolean;
  /** Its own /64 index, or unset for the lowest free one. */
  readonly ipv6Index?: number | Unknown;
}

/** A vSwitch the VPC already has: its block and index are taken. @internal */
export interface ExistingVSwitch {
  readonly zoneId: string;
  /** Its IPv4 block; text that is not an IPv4 CIDR block takes no room. */
  readonly cidrBlock: string | Unknown;
  /** Its /64 index; undefined when it has no IPv6. */
  readonly ipv6Index?: number | Unknown;
}

/** What to plan. @internal */
export interface AllocationInput {
  /**
   * The VPC's IPv4 block. Blocks are checked against it and carved from it only when it is an IPv4 CIDR
   * block with a prefix from MIN_VPC_PREFIX to MAX_VPC_PREFIX (see `usableVpcBlock`).
   */
  readonly vpcCidrBlock: string | Unknown;
  /** Prefix length of carved blocks: usable when a whole number from max(MIN_VSWITCH_PREFIX, VPC prefix) to MAX_VSWITCH_PREFIX. */
  readonly vSwitchPrefix: number | Unknown;
  /** The vSwitches to plan, in order: carved blocks and free indexes go to them in this order. */
  readonly requests: readonly VSwitchRequest[];
  /** The vSwitches the VPC already has. */
  readonly existing?: readonly ExistingVSwitch[];
}

/** The addresses of one requested vSwitch. @internal */
export interface VSwitchAllocation {
  /** The request's own block, or the one carved for it. */
  readonly cidrBlock: string | Unknown;
  /** The request's own index, or the lowest free one; undefined without IPv6. */
  readonly ipv6Index?: number | Unknown;
  /** 1 for the first vSwitch of its zone (existing ones counted first), 2 for the second... */
  readonly zoneOrdinal: number;
}

/** Who already holds a block or an index: an earlier request or an existing vSwitch (by position). @internal */
export type Holder = { readonly request: number } | { readonly existing: number };

/**
 * Why there is no plan. Problems of one request name it (`request`, its position) and come in the order of
 * the requests; the problems of carving and of free indexes come last.
 * @internal
 */
export type AllocationProblem =
  /** The explicit index is not a whole number from 0 to MAX_IPV6_INDEX. */
  | { readonly kind: 'ipv6-index-range'; readonly request: number; readonly index: number }
  /** An index is given but the request has no IPv6. */
  | { readonly kind: 'ipv6-index-without-ipv6'; readonly request: number }
  /** The explicit block is not IPv4 CIDR text. */
  | { readonly kind: 'cidr-not-ipv4'; readonly request: number; readonly cidrBlock: string }
  /** The explicit block has host bits set; `network` is its network address. */
  | { readonly kind: 'cidr-host-bits'; readonly request: number; readonly cidrBlock: string; readonly network: string }
  /** The explicit block's prefix is outside MIN_VSWITCH_PREFIX..MAX_VSWITCH_PREFIX. */
  | { readonly kind: 'cidr-prefix'; readonly request: number; readonly cidrBlock: string; readonly prefix: number }
  /** The explicit block is not inside the (usable) VPC block. */
  | { readonly kind: 'cidr-outside-vpc'; readonly request: number; readonly cidrBlock: string }
  /** The explicit block overlaps one held before it (the first such). */
  | { readonly kind: 'cidr-overlap'; readonly request: number; readonly cidrBlock: string; readonly holder: Holder }
  /** The explicit index is held before it (the first such). */
  | { readonly kind: 'ipv6-index-taken'; readonly request: number; readonly index: number; readonly holder: Holder }
  /** `missing` requests need a carved block but the VPC block is UNKNOWN. */
  | { readonly kind: 'carve-in-unknown-vpc'; readonly missing: number }
  /** `missing` requests need a carved block but an explicit or existing block is UNKNOWN. */
  | { readonly kind: 'carve-around-unknown'; readonly missing: number }
  /** `missing` requests need a carved block but the prefix of carved blocks is UNKNOWN. */
  | { readonly kind: 'carve-unknown-prefix'; readonly missing: number }
  /** `missing` requests need a carved block but the VPC block or the prefix is not usable (the caller says why). */
  | { readonly kind: 'carve-unusable'; readonly missing: number }
  /** `missing` requests need a carved block but the VPC has room for only `room` more. */
  | { readonly kind: 'vpc-full'; readonly missing: number; readonly room: number }
  /** `missing` requests need a free index but an explicit or existing index is UNKNOWN. */
  | { readonly kind: 'ipv6-around-unknown'; readonly missing: number }
  /** Requests need a free index but all 256 are held. */
  | { readonly kind: 'ipv6-full'; readonly missing: number };

/** The plan (one allocation per request, in order), or the problems. @internal */
export type AllocationResult =
  | { readonly ok: true; readonly vSwitches: readonly VSwitchAllocation[] }
  | { readonly ok: false; readonly problems: readonly AllocationProblem[] };

/** A block in use, as the allocator tracks it. */
interface HeldBlock {
  /** The parsed block; undefined when it is UNKNOWN. */
  readonly cidr?: Ipv4Cidr;
  readonly holder: Holder;
}

/** An index in use (UNKNOWN when it is not known). */
interface HeldIndex {
  readonly index: number | Unknown;
  readonly holder: Holder;
}

/**
 * The VPC block when blocks can be checked against it and carved from it: IPv4 CIDR text with a prefix
 * from MIN_VPC_PREFIX to MAX_VPC_PREFIX (host bits are ignored). Undefined otherwise.
 * @internal
 */
export function usableVpcBlock(vpcCidrBlock: string | Unknown): Ipv4Cidr | undefined {
  if (vpcCidrBlock === UNKNOWN) return undefined;
  const parsed = parseIpv4Cidr(vpcCidrBlock);
  return parsed && parsed.prefix >= MIN_VPC_PREFIX && parsed.prefix <= MAX_VPC_PREFIX ? parsed : undefined;
}

/**
 * The smallest prefix a carved block may have in `vpc`: MIN_VSWITCH_PREFIX, or the VPC's prefix when longer.
 * @internal
 */
export function minVSwitchPrefix(vpc: Ipv4Cidr | undefined): number {
  return Math.max(MIN_VSWITCH_PREFIX, vpc?.prefix ?? MIN_VSWITCH_PREFIX);
}

/**
 * Plans the IPv4 blocks and IPv6 indexes of `input.requests`: explicit ones are checked (well formed, inside
 * the VPC, no overlap, no index twice), missing blocks are carved from the VPC block in address order
 * around every held block, and missing indexes are the lowest free ones from 0.
 *
 * Example: VPC `10.0.0.0/16`, prefix 24, two requests without values → `10.0.0.0/24` (index 0) and
 * `10.0.1.0/24` (index 1).
 * @internal
 */
export function allocateVSwitches(input: AllocationInput): AllocationResult {
  const existing = input.existing ?? [];
  const vpc = usableVpcBlock(input.vpcCidrBlock);
  const problems: AllocationProblem[] = [];
  const blocks: HeldBlock[] = existing.flatMap((e, i) => {
    const cidr = e.cidrBlock === UNKNOWN ? undefined : parseIpv4Cidr(e.cidrBlock);
    return cidr === undefined && e.cidrBlock !== UNKNOWN ? [] : [{ cidr, holder: { existing: i } }];
  });
  const indexes: HeldIndex[] = existing.flatMap((e, i) => (e.ipv6Index === undefined ? [] : [{ index: e.ipv6Index, holder: { existing: i } }]));

  input.requests.forEach((r, i) => {
    checkIndex(r, i, indexes, problems, 'range');
    checkBlock(r, i, vpc, blocks, problems);
    checkIndex(r, i, indexes, problems, 'taken');
  });

  const carved = carve(input, vpc, blocks, problems);
  const free = freeIndexes(input.requests, indexes, problems);
  if (problems.length > 0) return { ok: false, problems };

  const zoneCounts = new Map<string, number>();
  existing.forEach((e) => zoneCounts.set(e.zoneId, (zoneCounts.get(e.zoneId) ?? 0) + 1));
  const vSwitches = input.requests.map((r): VSwitchAllocation => {
    const zoneOrdinal = (zoneCounts.get(r.zoneId) ?? 0) + 1;
    zoneCounts.set(r.zoneId, zoneOrdinal);
    return {
      cidrBlock: r.cidrBlock ?? carved.shift()!,
      ipv6Index: r.ipv6Enabled ? r.ipv6Index ?? free.shift()! : undefined,
      zoneOrdinal,
    };
  });
  return { ok: true, vSwitches };
}

/**
 * The explicit index of request `i`: in range and only with IPv6 (stage 'range'), or held by nobody before
 * it (stage 'taken', which also records it as held).
 */
function checkIndex(r: VSwitchRequest, i: number, held: HeldIndex[], problems: AllocationProblem[], stage: 'range' | 'taken'): void {
  const index = r.ipv6Index;
  if (index === undefined) return;
  if (stage === 'range') {
    if (index !== UNKNOWN && (!Number.isInteger(index) || index < 0 || index > MAX_IPV6_INDEX)) problems.push({ kind: 'ipv6-index-range', request: i, index });
    if (!r.ipv6Enabled) problems.push({ kind: 'ipv6-index-without-ipv6', request: i });
    return;
  }
  if (!r.ipv6Enabled) return; // the provider ignores it: it holds nothing
  if (index !== UNKNOWN) {
    const other = held.find((h) => h.index === index);
    if (other) problems.push({ kind: 'ipv6-index-taken', request: i, index, holder: other.holder });
  }
  held.push({ index, holder: { request: i } });
}

/** The explicit block of request `i`: IPv4 CIDR text, a vSwitch prefix, inside the VPC, no overlap; recorded as held. */
function checkBlock(r: VSwitchRequest, i: number, vpc: Ipv4Cidr | undefined, held: HeldBlock[], problems: AllocationProblem[]): void {
  const cidrBlock = r.cidrBlock;
  if (cidrBlock === undefined) return;
  if (cidrBlock === UNKNOWN) {
    held.push({ holder: { request: i } });
    return;
  }
  const parsed = parseIpv4Cidr(cidrBlock);
  if (!parsed) {
    problems.push({ kind: 'cidr-not-ipv4', request: i, cidrBlock });
    return;
  }
  if (parsed.hasHostBits) problems.push({ kind: 'cidr-host-bits', request: i, cidrBlock, network: formatIpv4Cidr(parsed.network, parsed.prefix) });
  if (parsed.prefix < MIN_VSWITCH_PREFIX || parsed.prefix > MAX_VSWITCH_PREFIX) problems.push({ kind: 'cidr-prefix', request: i, cidrBlock, prefix: parsed.prefix });
  if (vpc && !ipv4CidrContains(vpc, parsed)) problems.push({ kind: 'cidr-outside-vpc', request: i, cidrBlock });
  const clash = held.find((h) => h.cidr !== undefined && ipv4CidrsOverlap(h.cidr, parsed));
  if (clash) problems.push({ kind: 'cidr-overlap', request: i, cidrBlock, holder: clash.holder });
  held.push({ cidr: parsed, holder: { request: i } });
}

/** Carves one block for each request without one, or records why it cannot. */
function carve(input: AllocationInput, vpc: Ipv4Cidr | undefined, held: HeldBlock[], problems: AllocationProblem[]): string[] {
  const missing = input.requests.filter((r) => r.cidrBlock === undefined).length;
  if (missing === 0) return [];
  const prefix = input.vSwitchPrefix;
  if (input.vpcCidrBlock === UNKNOWN) {
    problems.push({ kind: 'carve-in-unknown-vpc', missing });
  } else if (held.some((h) => h.cidr === undefined)) {
    problems.push({ kind: 'carve-around-unknown', missing });
  } else if (vpc && prefix !== UNKNOWN && Number.isInteger(prefix) && prefix >= minVSwitchPrefix(vpc) && prefix <= MAX_VSWITCH_PREFIX) {
    const taken = held.map((h) => formatIpv4Cidr(h.cidr!.network, h.cidr!.prefix));
    const carved = carveSubnets(formatIpv4Cidr(vpc.network, vpc.prefix), prefix, missing, taken);
    if (carved.length < missing) problems.push({ kind: 'vpc-full', missing, room: carved.length });
    return carved;
  } else if (prefix === UNKNOWN) {
    problems.push({ kind: 'carve-unknown-prefix', missing });
  } else {
    problems.push({ kind: 'carve-unusable', missing });
  }
  return [];
}

/** The lowest free index for each IPv6 request without one, or records why there are not enough. */
function freeIndexes(requests: readonly VSwitchRequest[], held: HeldIndex[], problems: AllocationProblem[]): number[] {
  const missing = requests.filter((r) => r.ipv6Enabled && r.ipv6Index === undefined).length;
  if (missing === 0) return [];
  if (held.some((h) => h.index === UNKNOWN)) {
    problems.push({ kind: 'ipv6-around-unknown', missing });
    return [];
  }
  const used = new Set(held.map((h) => h.index));
  const free: number[] = [];
  for (let index = 0; index <= MAX_IPV6_INDEX && free.length < missing; index++) {
    if (!used.has(index)) free.push(index);
  }
  if (free.length < missing) problems.push({ kind: 'ipv6-full', missing });
  return free;
}
