import {
  canonicalIpv6Cidr,
  carveSubnets,
  formatIpv4Cidr,
  ipv4CidrContains,
  ipv4CidrsOverlap,
  isIpv4Cidr,
  isIpv6Cidr,
  parseIpv4Cidr,
  parseIpv6Address,
  regionOfZone,
} from '../../src/core/cidr';

describe('IPv4 CIDR parsing', () => {
  test('parses a CIDR into network, prefix and size', () => {
    expect(parseIpv4Cidr('10.0.0.0/16')).toEqual({ address: 0x0a000000, network: 0x0a000000, prefix: 16, size: 65536, hasHostBits: false });
    expect(parseIpv4Cidr('0.0.0.0/0')?.size).toBe(2 ** 32);
    expect(parseIpv4Cidr('255.255.255.255/32')?.network).toBe(2 ** 32 - 1);
  });

  test('flags host bits but still parses', () => {
    const c = parseIpv4Cidr('10.0.0.1/16')!;
    expect(c.hasHostBits).toBe(true);
    expect(formatIpv4Cidr(c.network, c.prefix)).toBe('10.0.0.0/16');
  });

  test.each(['10.0.0.0', '10.0.0/16', '10.0.0.256/24', '10.0.0.0/33', '10.0.0.0/-1', '010.0.0.0/8', 'a.b.c.d/8', '10.0.0.0/16 ', '::/0', ''])(
    'rejects %p', (text) => {
      expect(parseIpv4Cidr(text)).toBeUndefined();
      expect(isIpv4Cidr(text)).toBe(false);
    });

  test('containment and overlap', () => {
    const vpc = parseIpv4Cidr('10.0.0.0/16')!;
    expect(ipv4CidrContains(vpc, parseIpv4Cidr('10.0.255.0/24')!)).toBe(true);
    expect(ipv4CidrContains(vpc, parseIpv4Cidr('10.1.0.0/24')!)).toBe(false);
    expect(ipv4CidrContains(vpc, parseIpv4Cidr('10.0.0.0/8')!)).toBe(false);
    expect(ipv4CidrsOverlap(parseIpv4Cidr('10.0.0.0/23')!, parseIpv4Cidr('10.0.1.0/24')!)).toBe(true);
    expect(ipv4CidrsOverlap(parseIpv4Cidr('10.0.0.0/24')!, parseIpv4Cidr('10.0.1.0/24')!)).toBe(false);
  });
});

describe('carveSubnets', () => {
  test('carves blocks in address order', () => {
    expect(carveSubnets('10.0.0.0/16', 24, 3)).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
  });

  test('skips taken blocks of any size', () => {
    expect(carveSubnets('10.0.0.0/16', 24, 2, ['10.0.0.0/24'])).toEqual(['10.0.1.0/24', '10.0.2.0/24']);
    expect(carveSubnets('10.0.0.0/16', 24, 2, ['10.0.0.0/23', '10.0.3.128/25'])).toEqual(['10.0.2.0/24', '10.0.4.0/24']);
    expect(carveSubnets('192.168.0.0/24', 26, 3, ['192.168.0.64/28'])).toEqual(['192.168.0.0/26', '192.168.0.128/26', '192.168.0.192/26']);
  });

  test('returns fewer blocks when the VPC is full', () => {
    expect(carveSubnets('10.0.0.0/23', 24, 3)).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    expect(carveSubnets('10.0.0.0/24', 24, 1, ['10.0.0.0/24'])).toEqual([]);
  });

  test('returns nothing for bad input', () => {
    expect(carveSubnets('nope', 24, 1)).toEqual([]);
    expect(carveSubnets('10.0.0.0/16', 8, 1)).toEqual([]);
    expect(carveSubnets('10.0.0.0/16', 24, 1, ['bad'])).toEqual([]);
  });
});

describe('IPv6 CIDR parsing', () => {
  test.each(['::/0', '2408:4000:1000::/56', '2001:db8::1/128', '2001:0db8:0000:0000:0000:0000:0000:0001/64', 'fe80::/10', '::ffff:10.0.0.1/128', '2001:DB8::/32'])(
    'accepts %p', (text) => expect(isIpv6Cidr(text)).toBe(true));

  test.each(['::', '2001:db8::/129', '2001:db8:::/32', '2001::db8::1/64', '2001:db8:0:0:0:0:0:0:1/64', '12345::/16', 'g::/8', '10.0.0.0/8', '2001:db8::/-1', '::/0 '])(
    'rejects %p', (text) => expect(isIpv6Cidr(text)).toBe(false));

  test('expands :: and embedded IPv4', () => {
    expect(parseIpv6Address('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6Address('::ffff:10.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001]);
  });

  test('canonical form compresses the longest zero run and lower-cases', () => {
    expect(canonicalIpv6Cidr('2001:0DB8:0000:0000:0000:0000:0000:0001/64')).toBe('2001:db8::1/64');
    expect(canonicalIpv6Cidr('0:0:0:0:0:0:0:0/0')).toBe('::/0');
    expect(canonicalIpv6Cidr('2001:db8:0:1:0:0:0:1/64')).toBe('2001:db8:0:1::1/64');
    expect(canonicalIpv6Cidr('nope')).toBeUndefined();
  });
});

describe('regionOfZone', () => {
  test.each([
    ['cn-huhehaote-a', 'cn-huhehaote'],
    ['cn-beijing-h', 'cn-beijing'],
    ['ap-southeast-1a', 'ap-southeast-1'],
    ['us-east-1a', 'us-east-1'],
    ['eu-central-1a', 'eu-central-1'],
    ['cn-shanghai-finance-1z', 'cn-shanghai-finance-1'],
  ])('%s is in %s', (zone, region) => expect(regionOfZone(zone)).toBe(region));

  test.each(['cn-huhehaote', 'us-east-1', 'huhehaote', 'CN-HUHEHAOTE-A', ''])('%p is not a zone ID', (zone) => {
    expect(regionOfZone(zone)).toBeUndefined();
  });
});
