import { Token } from 'cdktf';
import { Peer, Port, Protocol } from '../../src';

describe('Peer', () => {
  test('any IPv4 and any IPv6', () => {
    expect([Peer.anyIpv4().cidr, Peer.anyIpv4().isIpv6]).toEqual(['0.0.0.0/0', false]);
    expect([Peer.anyIpv6().cidr, Peer.anyIpv6().isIpv6]).toEqual(['::/0', true]);
  });

  test('accepts valid CIDRs, with host bits and :: compression', () => {
    expect(Peer.ipv4('203.0.113.7/32').cidr).toBe('203.0.113.7/32');
    expect(Peer.ipv4('10.0.0.1/8').cidr).toBe('10.0.0.1/8');
    expect(Peer.ipv6('2408:4000:1000::7/128').cidr).toBe('2408:4000:1000::7/128');
    expect(Peer.ipv6('2001:DB8::/32').cidr).toBe('2001:db8::/32');
  });

  test('IPv6 blocks are held in RFC 5952 form, one text per block', () => {
    expect(Peer.ipv6('2001:0DB8:0000:0000::/32').cidr).toBe('2001:db8::/32');
    expect(Peer.ipv6('2001:0db8:0000:0000:0000:0000:0000:0001/128').cidr).toBe('2001:db8::1/128');
    expect(Peer.ipv6('2001:db8:0:0:1:0:0:0/128').cidr).toBe('2001:db8:0:0:1::/128'); // the longest zero run
    expect(Peer.ipv6('2001:db8:0:0:1:0:0:1/128').cidr).toBe('2001:db8::1:0:0:1/128'); // the first of two equal runs
    expect(Peer.ipv6('2001:db8:0:1:1:1:1:1/128').cidr).toBe('2001:db8:0:1:1:1:1:1/128'); // one zero group is not compressed
    expect(Peer.ipv6('0:0:0:0:0:FFFF:C000:0201/128').cidr).toBe('::ffff:192.0.2.1/128'); // IPv4-mapped: RFC 5952 section 5
    expect(Peer.ipv6('::ffff:192.0.2.1/128').cidr).toBe('::ffff:192.0.2.1/128');
    expect(Peer.ipv6('::192.0.2.1/128').cidr).toBe('::c000:201/128'); // IPv4-compatible (deprecated): plain hex
  });

  test('an IPv6 block with host bits set is held as its network address', () => {
    expect(Peer.ipv6('2001:db8::1/32').cidr).toBe('2001:db8::/32');
    expect(Peer.ipv6('2001:0db8:3c4d:0015:0000:0000:1a2f:1a2b/0').cidr).toBe('::/0');
  });

  test('accepts tokens as they are', () => {
    const t = Token.asString({ resolve: () => 'x' });
    expect(Peer.ipv4(t).cidr).toBe(t);
    expect(Peer.ipv6(t).isIpv6).toBe(true);
  });

  test.each(['10.0.0.0', '10.0.0.0/33', '300.0.0.0/8', '::/0', 'anywhere'])('Peer.ipv4(%p) fails naming the value and an example', (bad) => {
    expect(() => Peer.ipv4(bad)).toThrow(`Peer.ipv4('${bad}'): not an IPv4 CIDR block. Fix: write address/prefix with a prefix from 0 to 32, for example Peer.ipv4('203.0.113.0/24')`);
  });

  test.each(['2001:db8::', '2001:db8::/129', '2001:db8:::/32', '0.0.0.0/0', 'fe80::1%eth0/64', '::ffff:010.0.0.1/128', '::0x1.2.3.4/128', '2001:db8::/032'])('Peer.ipv6(%p) fails naming the value and an example', (bad) => {
    expect(() => Peer.ipv6(bad)).toThrow(`Peer.ipv6('${bad}'): not an IPv6 CIDR block. Fix: write address/prefix with a prefix from 0 to 128, for example Peer.ipv6('2408:4000:1000::/56')`);
  });
});

describe('Port', () => {
  test.each([
    [Port.tcp(80), Protocol.TCP, '80/80', 80, 80],
    [Port.tcpRange(8000, 8080), Protocol.TCP, '8000/8080', 8000, 8080],
    [Port.allTcp(), Protocol.TCP, '1/65535', 1, 65535],
    [Port.udp(53), Protocol.UDP, '53/53', 53, 53],
    [Port.udpRange(1, 65535), Protocol.UDP, '1/65535', 1, 65535],
    [Port.allUdp(), Protocol.UDP, '1/65535', 1, 65535],
    [Port.icmp(), Protocol.ICMP, '-1/-1', -1, -1],
    [Port.icmpv6(), Protocol.ICMPV6, '-1/-1', -1, -1],
    [Port.allTraffic(), Protocol.ALL, '-1/-1', -1, -1],
  ])('%s', (port, protocol, portRange, fromPort, toPort) => {
    expect(port).toMatchObject({ protocol, portRange, fromPort, toPort });
  });

  test.each([
    [() => Port.tcp(0), 'Port.tcp(0): port must be a whole number from 1 to 65535, got 0. Fix: use ports from 1 to 65535 with from <= to, for example Port.tcp(443).'],
    [() => Port.udp(65536), 'Port.udp(65536): port must be a whole number from 1 to 65535, got 65536.'],
    [() => Port.tcp(80.5), 'Port.tcp(80.5): port must be a whole number from 1 to 65535, got 80.5.'],
    [() => Port.tcpRange(0, 70000), 'Port.tcpRange(0, 70000): from port must be a whole number from 1 to 65535, got 0; to port must be a whole number from 1 to 65535, got 70000.'],
    [() => Port.udpRange(90, 80), 'Port.udpRange(90, 80): the range is reversed (90 > 80). Fix: use ports from 1 to 65535 with from <= to, for example Port.udpRange(8000, 8080).'],
  ])('invalid ports fail with a clear message (%#)', (make, message) => {
    expect(make).toThrow(message);
  });
});
