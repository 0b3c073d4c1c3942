import {
  canonicalIpv6Address,
  canonicalIpv6Cidr,
  displayIp,
  ipv6CidrNetwork,
  ipv6HexCidr,
  parseIpv6Cidr,
  zoneIdOf,
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

describe('IPv6 network addresses and RFC 5952 text', () => {
  test('the network of a block clears the host bits; every spelling of the block gives one text', () => {
    expect(ipv6CidrNetwork('2001:0DB8:0000:0000::/32')).toBe('2001:db8::/32');
    expect(ipv6CidrNetwork('2001:db8::1/32')).toBe('2001:db8::/32');
    expect(ipv6CidrNetwork('2001:db8:ffff:ffff::/33')).toBe('2001:db8:8000::/33');
    expect(ipv6CidrNetwork('2001:0db8:3c4d:0015:0000:0000:1a2f:1a2b/0')).toBe('::/0');
    expect(parseIpv6Cidr('2001:db8::1/32')).toMatchObject({ address: '2001:db8::1', network: '2001:db8::', prefix: 32, hasHostBits: true });
    expect(parseIpv6Cidr('2001:db8::/32')?.hasHostBits).toBe(false);
  });

  test('IPv4 tails: RFC 4291 meaning (not ipaddr.js\'s), IPv4-mapped printed in the mixed form of RFC 5952 section 5', () => {
    expect(canonicalIpv6Address('::1.2.3.4')).toBe('::102:304');
    expect(canonicalIpv6Address('::FFFF:1.2.3.4')).toBe('::ffff:1.2.3.4');
    expect(canonicalIpv6Address('0:0:0:0:0:ffff:0102:0304')).toBe('::ffff:1.2.3.4');
    expect(ipv6HexCidr('::ffff:1.2.3.4/128')).toBe('::ffff:102:304/128');
    expect(canonicalIpv6Address('::ffff:01.2.3.4')).toBeUndefined();
    expect(canonicalIpv6Address('::0x1.2.3.4')).toBeUndefined();
    expect(canonicalIpv6Address('fe80::1%eth0')).toBeUndefined();
  });

  test('messages show literal IPv6 in RFC 5952 form and anything else as it is', () => {
    expect(displayIp('2001:0DB8::0/0')).toBe('2001:db8::/0');
    expect(displayIp('0.0.0.0/0')).toBe('0.0.0.0/0');
    expect(displayIp('${var.cidr}')).toBe('${var.cidr}');
  });
});

describe('zoneIdOf (the zone ID form per region)', () => {
  test.each([
    ['cn-hangzhou', 'b', 'cn-hangzhou-b'],
    ['cn-hongkong', 'b', 'cn-hongkong-b'],
    ['ap-northeast-1', 'a', 'ap-northeast-1a'],
    ['us-east-1', 'a', 'us-east-1a'],
    ['eu-central-1', 'a', 'eu-central-1a'],
    ['cn-shanghai-finance-1', 'z', 'cn-shanghai-finance-1z'],
  ])('%s, zone %s → %s, which regionOfZone maps back', (region, letter, zone) => {
    expect(zoneIdOf(region, letter)).toBe(zone);
    expect(regionOfZone(zone)).toBe(region);
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
