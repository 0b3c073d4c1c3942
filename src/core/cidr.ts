/**
 * Small IPv4/IPv6 CIDR helpers: pure functions, no dependencies, no tokens (callers skip tokens).
 *
 * Not part of the public API (not exported from src/index.ts); constructs in this package share it.
 */

/** A parsed IPv4 CIDR block. @internal */
export interface Ipv4Cidr {
  /** The address as written, as an unsigned 32-bit integer. */
  readonly address: number;
  /** Prefix length, 0-32. */
  readonly prefix: number;
  /** The network address (host bits cleared), as an unsigned 32-bit integer. */
  readonly network: number;
  /** Number of addresses in the block (2^(32-prefix)). */
  readonly size: number;
  /** True when the address has host bits set (for example `10.0.0.1/16`). */
  readonly hasHostBits: boolean;
}

const IPV4_ADDRESS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a dotted-quad IPv4 address (`10.0.0.1`) into an unsigned 32-bit integer, or undefined. @internal */
export function parseIpv4Address(text: string): number | undefined {
  if (typeof text !== 'string') return undefined; // JavaScript callers may pass anything
  const m = IPV4_ADDRESS.exec(text);
  if (!m) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i];
    // No leading zeros ("010" is ambiguous: octal in some tools).
    if (part.length > 1 && part.startsWith('0')) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

/** Formats an unsigned 32-bit integer as a dotted quad. @internal */
export function formatIpv4Address(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Parses `a.b.c.d/n` (n = 0-32). Returns undefined when the text is not an IPv4 CIDR. @internal */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  if (typeof text !== 'string') return undefined; // JavaScript callers may pass anything
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIpv4Address(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const network = address - (address % size);
  return { address, prefix, network, size, hasHostBits: network !== address };
}

/** True when `text` is an IPv4 CIDR block (`a.b.c.d/n`, host bits allowed). @internal */
export function isIpv4Cidr(text: string): boolean {
  return parseIpv4Cidr(text) !== undefined;
}

/** Formats a network address and prefix as `a.b.c.d/n`. @internal */
export function formatIpv4Cidr(network: number, prefix: number): string {
  return `${formatIpv4Address(network)}/${prefix}`;
}

/** True when CIDR `inner` lies entirely inside CIDR `outer` (both parsed). @internal */
export function ipv4CidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.network >= outer.network && inner.network + inner.size <= outer.network + outer.size;
}

/** True when two parsed IPv4 CIDR blocks share at least one address. @internal */
export function ipv4CidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return a.network < b.network + b.size && b.network < a.network + a.size;
}

/**
 * Carves `count` blocks of prefix length `mask` out of `vpcCidr`, in address order, skipping every block
 * that overlaps one of the `taken` CIDRs. Returns as many blocks as fit (fewer than `count` when the VPC
 * runs out of room), or an empty list when `vpcCidr` or a taken CIDR is not an IPv4 CIDR or `mask` is
 * shorter than the VPC prefix.
 *
 * Example: `carveSubnets('10.0.0.0/16', 24, 2, ['10.0.0.0/24'])` → `['10.0.1.0/24', '10.0.2.0/24']`.
 * @internal
 */
export function carveSubnets(vpcCidr: string, mask: number, count: number, taken: string[] = []): string[] {
  const vpc = parseIpv4Cidr(vpcCidr);
  const takenBlocks = taken.map(parseIpv4Cidr);
  if (!vpc || !Number.isInteger(mask) || mask < vpc.prefix || mask > 32 || takenBlocks.some((t) => t === undefined)) return [];
  const used = takenBlocks as Ipv4Cidr[];
  const size = 2 ** (32 - mask);
  const result: string[] = [];
  for (let network = vpc.network; network < vpc.network + vpc.size && result.length < count; network += size) {
    const candidate: Ipv4Cidr = { address: network, network, prefix: mask, size, hasHostBits: false };
    const clash = used.find((t) => ipv4CidrsOverlap(t, candidate));
    if (clash) {
      // Jump past the clashing block (it may be bigger than one candidate).
      const next = Math.max(network + size, clash.network + clash.size);
      network = next - size;
      continue;
    }
    result.push(formatIpv4Cidr(network, mask));
    used.push(candidate);
  }
  return result;
}

/**
 * Parses an IPv6 address (RFC 4291 text forms: full, `::`-compressed, with an embedded IPv4 tail) into
 * eight 16-bit groups, or undefined. Zone indexes (`%eth0`) are not accepted.
 * @internal
 */
export function parseIpv6Address(text: string): number[] | undefined {
  if (typeof text !== 'string') return undefined; // JavaScript callers may pass anything
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (part: string, allowIpv4Tail: boolean): number[] | undefined => {
    if (part === '') return [];
    const pieces = part.split(':');
    const groups: number[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (allowIpv4Tail && i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4Address(piece);
        if (v4 === undefined) return undefined;
        groups.push(Math.floor(v4 / 65536), v4 % 65536);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
        groups.push(parseInt(piece, 16));
      }
    }
    return groups;
  };
  if (halves.length === 1) {
    const groups = parseGroups(halves[0], true);
    return groups && groups.length === 8 ? groups : undefined;
  }
  const head = parseGroups(halves[0], false);
  const tail = parseGroups(halves[1], true);
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  return [...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail];
}

/** Parses `address/n` (n = 0-128) into groups and prefix, or undefined. @internal */
export function parseIpv6Cidr(text: string): { readonly groups: number[]; readonly prefix: number } | undefined {
  if (typeof text !== 'string') return undefined; // JavaScript callers may pass anything
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const groups = parseIpv6Address(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!groups || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 128) return undefined;
  return { groups, prefix };
}

/** True when `text` is an IPv6 CIDR block (`2408:4000::/56`, `::/0`; host bits allowed). @internal */
export function isIpv6Cidr(text: string): boolean {
  return parseIpv6Cidr(text) !== undefined;
}

/**
 * The canonical (RFC 5952) text of an IPv6 CIDR: lower case, no leading zeros, the longest run of two or
 * more zero groups compressed to `::`. Returns undefined when `text` is not an IPv6 CIDR.
 * @internal
 */
export function canonicalIpv6Cidr(text: string): string | undefined {
  const parsed = parseIpv6Cidr(text);
  if (!parsed) return undefined;
  const g = parsed.groups;
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((n) => n.toString(16));
  const address = bestStart < 0
    ? hex.join(':')
    : `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
  return `${address}/${parsed.prefix}`;
}

/**
 * The region of an Alibaba Cloud zone ID: `cn-huhehaote-a` → `cn-huhehaote`, `ap-southeast-1a` →
 * `ap-southeast-1`, `cn-shanghai-finance-1z` → `cn-shanghai-finance-1`. Returns undefined when the text
 * does not look like a zone ID.
 * @internal
 */
export function regionOfZone(zoneId: string): string | undefined {
  if (typeof zoneId !== 'string') return undefined; // JavaScript callers may pass anything
  // "<region>-<letter>" (cn-beijing-h) or "<region ending in a digit><letter>" (us-east-1a).
  const dashed = /^([a-z]+(?:-[a-z0-9]+)+)-[a-z]$/.exec(zoneId);
  if (dashed) return dashed[1];
  const glued = /^([a-z]+(?:-[a-z0-9]+)*-[a-z]*\d+)[a-z]$/.exec(zoneId);
  return glued ? glued[1] : undefined;
}
