/**
 * IPv4/IPv6 address and CIDR helpers on top of `ipaddr.js` (bundled): parsing, network addresses,
 * containment and the RFC 5952 printer all come from the library. What stays here is what it does not do:
 * a strict syntax gate in front of its parser (it also accepts octal and hex IPv4 parts, zone indexes and
 * `/032`), the IPv4-mapped text form of RFC 5952 section 5, carving vSwitch blocks, and zone IDs.
 *
 * Pure functions, no tokens (callers skip tokens). Not part of the public API (not exported from
 * src/index.ts); constructs in this package share it.
 */
import * as ipaddr from 'ipaddr.js';

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

/** A parsed IPv6 CIDR block. @internal */
export interface Ipv6Cidr {
  /** The address as written, in RFC 5952 form (`2001:db8::1`). */
  readonly address: string;
  /** Prefix length, 0-128. */
  readonly prefix: number;
  /** The network address (host bits cleared), in RFC 5952 form (`2001:db8::`). */
  readonly network: string;
  /** True when the address has host bits set (for example `2001:db8::1/32`). */
  readonly hasHostBits: boolean;
  /** The eight 16-bit groups of the address as written. */
  readonly groups: number[];
}

/** Only the characters of RFC 4291 text forms: hex digits, colons, and dots of an IPv4 tail. */
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
/** A prefix length: decimal digits, no sign, no leading zero (one spelling per prefix). */
const PREFIX = /^(0|[1-9]\d{0,2})$/;

/** True for a dotted quad of decimal parts 0-255 without leading zeros (ipaddr.js also reads octal and hex). */
function isDottedQuad(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) && ipaddr.IPv4.isValidFourPartDecimal(text);
}

/** The library's IPv4 address for strict dotted-quad text, or undefined. */
function strictIpv4(text: string): ipaddr.IPv4 | undefined {
  if (typeof text !== 'string' || !isDottedQuad(text)) return undefined; // JavaScript callers may pass anything
  return ipaddr.IPv4.parse(text);
}

/**
 * The library's IPv6 address for strict RFC 4291 text (no zone index, strict IPv4 tail), or undefined.
 * An IPv4 tail is turned into its two hex groups first: ipaddr.js reads `::1.2.3.4` (RFC 4291: the
 * IPv4-compatible ::102:304) as the IPv4-mapped ::ffff:102:304, a different address.
 */
function strictIpv6(text: string): ipaddr.IPv6 | undefined {
  if (typeof text !== 'string' || !IPV6_CHARS.test(text)) return undefined; // JavaScript callers may pass anything
  const lastColon = text.lastIndexOf(':');
  let hex = text;
  if (lastColon >= 0 && text.includes('.')) {
    const tail = strictIpv4(text.slice(lastColon + 1));
    if (!tail) return undefined;
    const [a, b, c, d] = tail.toByteArray();
    hex = `${text.slice(0, lastColon + 1)}${(a * 256 + b).toString(16)}:${(c * 256 + d).toString(16)}`;
  }
  if (!ipaddr.IPv6.isValid(hex)) return undefined;
  return ipaddr.IPv6.parse(hex);
}

function toUint32(a: ipaddr.IPv4): number {
  return a.toByteArray().reduce((n, byte) => n * 256 + byte, 0);
}

/** Parses a dotted-quad IPv4 address (`10.0.0.1`) into an unsigned 32-bit integer, or undefined. @internal */
export function parseIpv4Address(text: string): number | undefined {
  const a = strictIpv4(text);
  return a ? toUint32(a) : undefined;
}

/** Formats an unsigned 32-bit integer as a dotted quad. @internal */
export function formatIpv4Address(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Splits `address/prefix` and checks the prefix against `max`. */
function splitCidr(text: string, max: number): [string, number] | undefined {
  if (typeof text !== 'string') return undefined; // JavaScript callers may pass anything
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const prefixText = text.slice(slash + 1);
  if (!PREFIX.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= max ? [text.slice(0, slash), prefix] : undefined;
}

/** Parses `a.b.c.d/n` (n = 0-32). Returns undefined when the text is not an IPv4 CIDR. @internal */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const split = splitCidr(text, 32);
  const a = split ? strictIpv4(split[0]) : undefined;
  if (!split || !a) return undefined;
  const prefix = split[1];
  const address = toUint32(a);
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
 * RFC 5952 text of an IPv6 address: lower case, no leading zeros, the longest (first, on a tie) run of two
 * or more zero groups compressed to `::`, and IPv4-mapped addresses in the mixed form `::ffff:192.0.2.1`
 * that section 5 recommends.
 */
function rfc5952(a: ipaddr.IPv6): string {
  if (a.isIPv4MappedAddress()) return `::ffff:${a.toIPv4Address().toString()}`;
  return a.toRFC5952String();
}

/**
 * Parses an IPv6 address (RFC 4291 text forms: full, `::`-compressed, with an embedded IPv4 tail) into
 * eight 16-bit groups, or undefined. Zone indexes (`%eth0`) are not accepted.
 * @internal
 */
export function parseIpv6Address(text: string): number[] | undefined {
  return strictIpv6(text)?.parts.slice();
}

/** The RFC 5952 text of an IPv6 address (`2001:0DB8::0001` → `2001:db8::1`), or undefined. @internal */
export function canonicalIpv6Address(text: string): string | undefined {
  const a = strictIpv6(text);
  return a ? rfc5952(a) : undefined;
}

/** Parses `address/n` (n = 0-128), or undefined. @internal */
export function parseIpv6Cidr(text: string): Ipv6Cidr | undefined {
  const split = splitCidr(text, 128);
  const a = split ? strictIpv6(split[0]) : undefined;
  if (!split || !a) return undefined;
  const prefix = split[1];
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${a.toNormalizedString()}/${prefix}`);
  const address = rfc5952(a);
  const networkText = rfc5952(network);
  return { address, prefix, network: networkText, hasHostBits: address !== networkText, groups: a.parts.slice() };
}

/** True when `text` is an IPv6 CIDR block (`2408:4000::/56`, `::/0`; host bits allowed). @internal */
export function isIpv6Cidr(text: string): boolean {
  return parseIpv6Cidr(text) !== undefined;
}

/**
 * The RFC 5952 text of an IPv6 CIDR as written (host bits kept): `2001:0DB8::0001/64` → `2001:db8::1/64`.
 * Returns undefined when `text` is not an IPv6 CIDR.
 * @internal
 */
export function canonicalIpv6Cidr(text: string): string | undefined {
  const c = parseIpv6Cidr(text);
  return c ? `${c.address}/${c.prefix}` : undefined;
}

/**
 * The RFC 5952 text of the network of an IPv6 CIDR (host bits cleared): `2001:0DB8::1/32` → `2001:db8::/32`.
 * Every spelling of one block gives the same text. Returns undefined when `text` is not an IPv6 CIDR.
 * @internal
 */
export function ipv6CidrNetwork(text: string): string | undefined {
  const c = parseIpv6Cidr(text);
  return c ? `${c.network}/${c.prefix}` : undefined;
}

/**
 * The RFC 5952 text of an IPv6 CIDR as written but all in hex groups, also for IPv4-mapped addresses
 * (`::ffff:1.2.3.4/128` → `::ffff:102:304/128`): for construct IDs, where `.` and `:` read alike.
 * @internal
 */
export function ipv6HexCidr(text: string): string | undefined {
  const split = splitCidr(text, 128);
  const a = split ? strictIpv6(split[0]) : undefined;
  return split && a ? `${a.toRFC5952String()}/${split[1]}` : undefined;
}

/**
 * For messages: a literal IPv6 CIDR or address in RFC 5952 form (as written, host bits kept); anything else
 * (IPv4, expressions, other values) as it is.
 * @internal
 */
export function displayIp(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const text = value.trim();
  return canonicalIpv6Cidr(text) ?? canonicalIpv6Address(text) ?? value;
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

/**
 * Checks a literal zone ID: its region, or what is wrong with it. A zone ID is its region plus a zone letter,
 * in the form of the region (see zoneIdOf): `ap-northeast-1a` but not `ap-northeast-1-a`, `cn-hangzhou-b`
 * but not `cn-hangzhoub`. `quoted` is how the zone is shown in the problem (the caller's quoting).
 * @internal
 */
export function checkZoneId(zoneId: string, quoted: string): { readonly region: string } | { readonly problem: string; readonly fix: string } {
  const region = regionOfZone(zoneId);
  if (region === undefined) {
    return {
      problem: `${quoted} is not an Alibaba Cloud zone ID`,
      fix: 'use a zone ID such as \'cn-huhehaote-a\' or \'ap-southeast-1a\' (region plus zone letter)',
    };
  }
  const letter = zoneId.slice(-1);
  const expected = zoneIdOf(region, letter);
  if (expected !== zoneId) {
    return {
      problem: `${quoted} is not in the form of region ${region}: its zone IDs are the region and the zone letter ${/\d$/.test(region) ? 'with no hyphen' : 'joined by a hyphen'}, like '${zoneIdOf(region)}'`,
      fix: `write '${expected}'`,
    };
  }
  return { region };
}

/**
 * A zone ID of `region` with the zone letter `letter`, in the form Alibaba Cloud uses for that region: a
 * region ID that ends in a digit takes the letter directly (`ap-northeast-1` → `ap-northeast-1a`,
 * `us-east-1a`, `eu-central-1a`, `cn-shanghai-finance-1z`); one that ends in a letter takes a hyphen first
 * (`cn-hangzhou` → `cn-hangzhou-b`, `cn-hongkong-b`). Source: the zone IDs of "Regions and zones supported
 * by ECI" (help.aliyun.com/en/eci/product-overview/regions-and-zones, Dec 2025) and of DescribeZones.
 * The letter is only a shape: which letters a region has is for DescribeZones to say.
 * @internal
 */
export function zoneIdOf(region: string, letter = 'a'): string {
  return /\d$/.test(region) ? `${region}${letter}` : `${region}-${letter}`;
}
