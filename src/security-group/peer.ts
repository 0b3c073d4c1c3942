import { Token } from 'cdktf';
import { brandClass, hasBrand } from '../core/brand';
import { isIpv4Cidr, parseIpv6Cidr } from '../core/cidr';
import { describeValue, quote } from '../core/validation';

/**
 * The other side of a security group rule: an IPv4 or an IPv6 CIDR block. IPv4 peers become `cidr_ip`,
 * IPv6 peers `ipv6_cidr_ip` (the provider does not allow both in one rule).
 *
 * IPv6 blocks are written in RFC 5952 form (lower case, no leading zeros, the longest run of zero groups
 * as `::`), the form Alibaba Cloud returns: `Peer.ipv6('2001:0DB8:0000:0000::/32')` and
 * `Peer.ipv6('2001:db8::/32')` both become `ipv6_cidr_ip = "2001:db8::/32"`.
 *
 * @example
 * sg.addIngressRule(Peer.anyIpv6(), Port.tcp(443), 'HTTPS from the IPv6 Internet');
 */
export class Peer {
  /**
   * Whether `x` is a Peer, also one made by another copy of this library in node_modules (checked by a
   * `Symbol.for` brand, as the CDK core's `TerraformStack.isStack` does, not by `instanceof`).
   * @param x any value
   */
  public static isPeer(x: any): x is Peer {
    return hasBrand(x, 'Peer');
  }

  /** Any IPv4 address (`0.0.0.0/0`). */
  public static anyIpv4(): Peer {
    return new Peer('0.0.0.0/0', false);
  }

  /** Any IPv6 address (`::/0`). */
  public static anyIpv6(): Peer {
    return new Peer('::/0', true);
  }

  /**
   * An IPv4 CIDR block, for example `10.0.0.0/16` (host bits allowed). Tokens are accepted as they are.
   * @throws when `cidr` is not an IPv4 CIDR block
   */
  public static ipv4(cidr: string): Peer {
    checkCidrType('Peer.ipv4', cidr, '203.0.113.0/24');
    if (!Token.isUnresolved(cidr) && !isIpv4Cidr(cidr)) {
      throw new Error(`Peer.ipv4(${quote(cidr)}): not an IPv4 CIDR block. Fix: write address/prefix with a prefix from 0 to 32, for example Peer.ipv4('203.0.113.0/24') (a single address is '203.0.113.7/32'); for IPv6 use Peer.ipv6().`);
    }
    return new Peer(cidr, false);
  }

  /**
   * An IPv6 CIDR block, for example `2408:4000::/56`, in any RFC 4291 text form (upper case, leading zeros,
   * `::` anywhere, an IPv4 tail). It is written to the plan in RFC 5952 form. An address with host bits set
   * (`2001:db8::1/32`) stands for its whole block: the API accepts it, and the block's network address
   * (`2001:db8::/32`) is written, with a warning from `SecurityGroup` that names it. Tokens are accepted as
   * they are.
   * @throws when `cidr` is not an IPv6 CIDR block
   */
  public static ipv6(cidr: string): Peer {
    checkCidrType('Peer.ipv6', cidr, '2408:4000:1000::/56');
    if (Token.isUnresolved(cidr)) return new Peer(cidr, true);
    const parsed = parseIpv6Cidr(cidr);
    if (!parsed) {
      throw new Error(`Peer.ipv6(${quote(cidr)}): not an IPv6 CIDR block. Fix: write address/prefix with a prefix from 0 to 128, for example Peer.ipv6('2408:4000:1000::/56') (a single address is '2408:4000:1000::7/128'); for IPv4 use Peer.ipv4().`);
    }
    const network = `${parsed.network}/${parsed.prefix}`;
    return new Peer(network, true, parsed.hasHostBits ? cidr : undefined);
  }

  /** The CIDR block (may be a token). IPv6 blocks in RFC 5952 form, with host bits cleared. */
  public readonly cidr: string;
  /** True for an IPv6 peer. */
  public readonly isIpv6: boolean;

  /** The text the peer was made from, when it had host bits set (for the warning). */
  private readonly hostBitsText?: string;

  private constructor(cidr: string, isIpv6: boolean, hostBitsText?: string) {
    this.cidr = cidr;
    this.isIpv6 = isIpv6;
    this.hostBitsText = hostBitsText;
  }

  /**
   * A key that is equal for two peers that mean the same block (IPv6 peers already hold the RFC 5952 text
   * of their network, one text per block).
   * @internal
   */
  public _key(): string {
    return `${this.isIpv6 ? 'ipv6' : 'ipv4'}:${this.cidr}`;
  }

  /**
   * The text the peer was written as, when that had host bits set (`2001:db8::1/32`); undefined otherwise.
   * @internal
   */
  public _hostBitsText(): string | undefined {
    return this.hostBitsText;
  }

  /** The CIDR block. */
  public toString(): string {
    return this.cidr;
  }
}
brandClass(Peer, 'Peer');

/** A CIDR argument must be a string (JavaScript callers and jsii bindings can pass anything). */
function checkCidrType(factory: string, cidr: unknown, example: string): void {
  if (typeof cidr !== 'string') {
    throw new Error(`${factory}(cidr): cidr must be a string, got ${describeValue(cidr)}. Fix: pass the block as text, for example ${factory}('${example}').`);
  }
}
