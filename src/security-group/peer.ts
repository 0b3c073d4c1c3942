import { Token } from 'cdktf';
import { canonicalIpv6Cidr, isIpv4Cidr, isIpv6Cidr } from '../core/cidr';

/**
 * The other side of a security group rule: an IPv4 or an IPv6 CIDR block. IPv4 peers become `cidr_ip`,
 * IPv6 peers `ipv6_cidr_ip` (the provider does not allow both in one rule).
 *
 * @example
 * sg.addIngressRule(Peer.anyIpv6(), Port.tcp(443), 'HTTPS from the IPv6 Internet');
 */
export class Peer {
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
    if (!Token.isUnresolved(cidr) && !isIpv4Cidr(cidr)) {
      throw new Error(`Peer.ipv4('${cidr}'): not an IPv4 CIDR block. Fix: write address/prefix with a prefix from 0 to 32, for example Peer.ipv4('203.0.113.0/24') (a single address is '203.0.113.7/32'); for IPv6 use Peer.ipv6().`);
    }
    return new Peer(cidr, false);
  }

  /**
   * An IPv6 CIDR block, for example `2408:4000::/56` (`::` compression and host bits allowed). Tokens are
   * accepted as they are.
   * @throws when `cidr` is not an IPv6 CIDR block
   */
  public static ipv6(cidr: string): Peer {
    if (!Token.isUnresolved(cidr) && !isIpv6Cidr(cidr)) {
      throw new Error(`Peer.ipv6('${cidr}'): not an IPv6 CIDR block. Fix: write address/prefix with a prefix from 0 to 128, for example Peer.ipv6('2408:4000:1000::/56') (a single address is '2408:4000:1000::7/128'); for IPv4 use Peer.ipv4().`);
    }
    return new Peer(Token.isUnresolved(cidr) ? cidr : cidr.toLowerCase(), true);
  }

  /** The CIDR block (may be a token). */
  public readonly cidr: string;
  /** True for an IPv6 peer. */
  public readonly isIpv6: boolean;

  private constructor(cidr: string, isIpv6: boolean) {
    this.cidr = cidr;
    this.isIpv6 = isIpv6;
  }

  /**
   * A key that is equal for two peers that mean the same block (IPv6 compared in canonical form).
   * @internal
   */
  public _key(): string {
    const canonical = this.isIpv6 && !Token.isUnresolved(this.cidr) ? canonicalIpv6Cidr(this.cidr) : undefined;
    return `${this.isIpv6 ? 'ipv6' : 'ipv4'}:${canonical ?? this.cidr}`;
  }

  /** The CIDR block. */
  public toString(): string {
    return this.cidr;
  }
}
