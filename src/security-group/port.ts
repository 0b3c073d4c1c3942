import { Token } from 'cdktf';
import { brandClass, hasBrand } from '../core/brand';
import { describeValue, scrubTokens } from '../core/validation';

/** IP protocol of a security group rule (`ip_protocol`). */
export enum Protocol {
  /** TCP. */
  TCP = 'tcp',
  /** UDP. */
  UDP = 'udp',
  /** ICMP (IPv4). */
  ICMP = 'icmp',
  /** ICMPv6 (IPv6). */
  ICMPV6 = 'icmpv6',
  /** GRE. */
  GRE = 'gre',
  /** All protocols. */
  ALL = 'all',
}

/**
 * The protocol and ports of a security group rule, rendered as `ip_protocol` and `port_range`
 * (`80/80`, `1/65535`, or `-1/-1` for protocols without ports).
 *
 * @example
 * Port.tcp(443); Port.tcpRange(8000, 8080); Port.icmpv6(); Port.allTraffic();
 */
export class Port {
  /**
   * Whether `x` is a Port, also one made by another copy of this library in node_modules (checked by a
   * `Symbol.for` brand, as the CDK core's `TerraformStack.isStack` does, not by `instanceof`).
   * @param x any value
   */
  public static isPort(x: any): x is Port {
    return hasBrand(x, 'Port');
  }

  /** One TCP port, 1-65535. */
  public static tcp(port: number): Port {
    return Port.ranged(Protocol.TCP, 'Port.tcp', port, port);
  }

  /** A range of TCP ports, `from` to `to` inclusive, 1-65535. */
  public static tcpRange(from: number, to: number): Port {
    return Port.ranged(Protocol.TCP, 'Port.tcpRange', from, to);
  }

  /** Every TCP port (`1/65535`). */
  public static allTcp(): Port {
    return new Port(Protocol.TCP, 1, 65535);
  }

  /** One UDP port, 1-65535. */
  public static udp(port: number): Port {
    return Port.ranged(Protocol.UDP, 'Port.udp', port, port);
  }

  /** A range of UDP ports, `from` to `to` inclusive, 1-65535. */
  public static udpRange(from: number, to: number): Port {
    return Port.ranged(Protocol.UDP, 'Port.udpRange', from, to);
  }

  /** Every UDP port (`1/65535`). */
  public static allUdp(): Port {
    return new Port(Protocol.UDP, 1, 65535);
  }

  /** All ICMP (IPv4) traffic. Use with IPv4 peers. */
  public static icmp(): Port {
    return new Port(Protocol.ICMP, -1, -1);
  }

  /** All ICMPv6 traffic (ping, and neighbour and path-MTU discovery). Use with IPv6 peers. */
  public static icmpv6(): Port {
    return new Port(Protocol.ICMPV6, -1, -1);
  }

  /** All protocols and ports (`all`, `-1/-1`). */
  public static allTraffic(): Port {
    return new Port(Protocol.ALL, -1, -1);
  }

  private static ranged(protocol: Protocol, factory: string, from: number, to: number): Port {
    const range = factory.endsWith('Range');
    const call = !range ? `${factory}(${argText(from)})` : `${factory}(${argText(from)}, ${argText(to)})`;
    const problems: string[] = [];
    for (const [name, value] of [['from', from], ['to', to]] as Array<[string, number]>) {
      if (typeof value === 'number' && Token.isUnresolved(value)) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
        const got = typeof value === 'number' ? String(value) : describeValue(value);
        problems.push(`${range ? `${name} port` : 'port'} must be a whole number from 1 to 65535, got ${got}`);
      }
      if (!factory.endsWith('Range')) break;
    }
    if (problems.length === 0 && !Token.isUnresolved(from) && !Token.isUnresolved(to) && from > to) {
      problems.push(`the range is reversed (${from} > ${to})`);
    }
    if (problems.length > 0) {
      throw new Error(`${call}: ${problems.join('; ')}. Fix: use ports from 1 to 65535 with from <= to, for example ${factory.endsWith('Range') ? `${factory}(8000, 8080)` : `${factory}(443)`}.`);
    }
    return new Port(protocol, from, to);
  }

  /** The IP protocol. */
  public readonly protocol: Protocol;
  /** First port, or -1 for protocols without ports. */
  public readonly fromPort: number;
  /** Last port, or -1 for protocols without ports. */
  public readonly toPort: number;
  /** The provider's `port_range`: `from/to`, for example `80/80` or `-1/-1`. */
  public readonly portRange: string;

  private constructor(protocol: Protocol, fromPort: number, toPort: number) {
    this.protocol = protocol;
    this.fromPort = fromPort;
    this.toPort = toPort;
    this.portRange = `${portText(fromPort)}/${portText(toPort)}`;
  }

  /** For example `tcp 80/80`. */
  public toString(): string {
    return `${this.protocol} ${this.portRange}`;
  }
}
brandClass(Port, 'Port');

/** A port as text; a number token becomes a string token that resolves to it. */
function portText(port: number): string {
  return Token.isUnresolved(port) ? Token.asString(port) : String(port);
}

/** An argument as the call shows it in a message: numbers as they are (a token as <token>), others described. */
function argText(value: unknown): string {
  return typeof value === 'number' ? scrubTokens(String(value)) : describeValue(value);
}
