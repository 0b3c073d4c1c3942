import {
  AllocationInput, AllocationProblem, allocateVSwitches, ExistingVSwitch, minVSwitchPrefix, UNKNOWN, usableVpcBlock, VSwitchAllocation,
  VSwitchRequest,
} from '../../src/vpc/vswitch-allocator';

/** A request in zone `a` with IPv6, with the given overrides. */
function req(overrides: Partial<VSwitchRequest> = {}): VSwitchRequest {
  return { zoneId: 'a', ipv6Enabled: true, ...overrides };
}

/** The plan; fails the test with the problems when there is none. */
function plan(input: Partial<AllocationInput> & Pick<AllocationInput, 'requests'>): readonly VSwitchAllocation[] {
  const result = allocateVSwitches({ vpcCidrBlock: '10.0.0.0/16', vSwitchPrefix: 24, ...input });
  if (!result.ok) throw new Error(`expected a plan, got problems: ${JSON.stringify(result.problems)}`);
  return result.vSwitches;
}

/** The problems; fails the test when there is a plan. */
function problems(input: Partial<AllocationInput> & Pick<AllocationInput, 'requests'>): readonly AllocationProblem[] {
  const result = allocateVSwitches({ vpcCidrBlock: '10.0.0.0/16', vSwitchPrefix: 24, ...input });
  if (result.ok) throw new Error(`expected problems, got a plan: ${JSON.stringify(result.vSwitches)}`);
  return result.problems;
}

describe('allocateVSwitches: automatic blocks and indexes', () => {
  test('carves consecutive blocks from the start of the VPC and numbers the /64s 0, 1, 2', () => {
    expect(plan({ requests: [req(), req({ zoneId: 'b' }), req({ zoneId: 'c' })] })).toEqual([
      { cidrBlock: '10.0.0.0/24', ipv6Index: 0, zoneOrdinal: 1 },
      { cidrBlock: '10.0.1.0/24', ipv6Index: 1, zoneOrdinal: 1 },
      { cidrBlock: '10.0.2.0/24', ipv6Index: 2, zoneOrdinal: 1 },
    ]);
  });

  test('carves blocks of vSwitchPrefix, from the network address of the VPC block', () => {
    expect(plan({ vpcCidrBlock: '192.168.0.0/24', vSwitchPrefix: 26, requests: [req(), req()] }).map((a) => a.cidrBlock))
      .toEqual(['192.168.0.0/26', '192.168.0.64/26']);
    expect(plan({ vpcCidrBlock: '10.0.0.1/16', requests: [req()] })[0].cidrBlock).toBe('10.0.0.0/24');
    expect(plan({ vpcCidrBlock: '172.16.0.0/12', vSwitchPrefix: 16, requests: [req(), req()] }).map((a) => a.cidrBlock))
      .toEqual(['172.16.0.0/16', '172.17.0.0/16']);
  });

  test('a vSwitch without IPv6 gets no index and takes none', () => {
    expect(plan({ requests: [req({ ipv6Enabled: false }), req()] }).map((a) => a.ipv6Index)).toEqual([undefined, 0]);
  });

  test('counts the vSwitches of each zone, existing ones first', () => {
    const existing: ExistingVSwitch[] = [{ zoneId: 'b', cidrBlock: '10.0.0.0/24', ipv6Index: 0 }];
    expect(plan({ existing, requests: [req(), req({ zoneId: 'b' }), req(), req({ zoneId: 'b' })] }).map((a) => a.zoneOrdinal)).toEqual([1, 2, 2, 3]);
  });
});

describe('allocateVSwitches: explicit values', () => {
  test('are kept, and automatic blocks and indexes go around them', () => {
    const planned = plan({
      requests: [
        req(),
        req({ cidrBlock: '10.0.0.0/24', ipv6Index: 0 }),
        req({ zoneId: 'b', ipv6Index: 1 }),
        req({ zoneId: 'b', ipv6Enabled: false }),
        req({ zoneId: 'b' }),
      ],
    });
    expect(planned).toEqual([
      { cidrBlock: '10.0.1.0/24', ipv6Index: 2, zoneOrdinal: 1 },
      { cidrBlock: '10.0.0.0/24', ipv6Index: 0, zoneOrdinal: 2 },
      { cidrBlock: '10.0.2.0/24', ipv6Index: 1, zoneOrdinal: 1 },
      { cidrBlock: '10.0.3.0/24', ipv6Index: undefined, zoneOrdinal: 2 },
      { cidrBlock: '10.0.4.0/24', ipv6Index: 3, zoneOrdinal: 3 },
    ]);
  });

  test('carving skips blocks of any size and fills the gaps in address order', () => {
    const planned = plan({ requests: [req(), req({ cidrBlock: '10.0.0.0/23' }), req(), req({ cidrBlock: '10.0.3.128/25' })] });
    expect(planned.map((a) => a.cidrBlock)).toEqual(['10.0.2.0/24', '10.0.0.0/23', '10.0.4.0/24', '10.0.3.128/25']);
    const small = plan({ vpcCidrBlock: '192.168.0.0/24', vSwitchPrefix: 26, requests: [req({ cidrBlock: '192.168.0.64/28' }), req(), req(), req()] });
    expect(small.map((a) => a.cidrBlock)).toEqual(['192.168.0.64/28', '192.168.0.0/26', '192.168.0.128/26', '192.168.0.192/26']);
  });

  test('existing vSwitches keep their blocks and indexes', () => {
    const existing: ExistingVSwitch[] = [
      { zoneId: 'a', cidrBlock: '10.0.0.0/24', ipv6Index: 0 },
      { zoneId: 'a', cidrBlock: '10.0.2.0/24', ipv6Index: 2 },
      { zoneId: 'b', cidrBlock: '10.0.3.0/24' },
    ];
    expect(plan({ existing, requests: [req(), req()] })).toEqual([
      { cidrBlock: '10.0.1.0/24', ipv6Index: 1, zoneOrdinal: 3 },
      { cidrBlock: '10.0.4.0/24', ipv6Index: 3, zoneOrdinal: 4 },
    ]);
  });

  test('UNKNOWN explicit values pass through when nothing has to be computed around them', () => {
    const planned = plan({ vpcCidrBlock: UNKNOWN, vSwitchPrefix: UNKNOWN, requests: [req({ cidrBlock: UNKNOWN, ipv6Index: UNKNOWN }), req({ cidrBlock: '10.9.0.0/24', ipv6Index: 4 })] });
    expect(planned).toEqual([
      { cidrBlock: UNKNOWN, ipv6Index: UNKNOWN, zoneOrdinal: 1 },
      { cidrBlock: '10.9.0.0/24', ipv6Index: 4, zoneOrdinal: 2 },
    ]);
  });
});

describe('allocateVSwitches: problems of one request', () => {
  test('an index outside 0-255 or not whole, and an index without IPv6', () => {
    expect(problems({ requests: [req({ ipv6Index: 256 }), req({ ipv6Index: 1.5 }), req({ ipv6Index: -1 }), req({ ipv6Index: NaN })] })).toEqual([
      { kind: 'ipv6-index-range', request: 0, index: 256 },
      { kind: 'ipv6-index-range', request: 1, index: 1.5 },
      { kind: 'ipv6-index-range', request: 2, index: -1 },
      { kind: 'ipv6-index-range', request: 3, index: NaN },
    ]);
    expect(problems({ requests: [req({ ipv6Enabled: false, ipv6Index: 9 })] })).toEqual([{ kind: 'ipv6-index-without-ipv6', request: 0 }]);
    expect(plan({ requests: [req({ ipv6Index: 0 }), req({ ipv6Index: 255 })] }).map((a) => a.ipv6Index)).toEqual([0, 255]);
  });

  test('an index used twice names the first holder; an index without IPv6 holds nothing', () => {
    expect(problems({ requests: [req({ ipv6Index: 3 }), req({ ipv6Index: 3 }), req({ ipv6Index: 3 })] })).toEqual([
      { kind: 'ipv6-index-taken', request: 1, index: 3, holder: { request: 0 } },
      { kind: 'ipv6-index-taken', request: 2, index: 3, holder: { request: 0 } },
    ]);
    expect(problems({ existing: [{ zoneId: 'a', cidrBlock: '10.0.0.0/24', ipv6Index: 0 }], requests: [req({ ipv6Index: 0 })] }))
      .toEqual([{ kind: 'ipv6-index-taken', request: 0, index: 0, holder: { existing: 0 } }]);
    const disabled = problems({ requests: [req({ ipv6Enabled: false, ipv6Index: 0 }), req({ ipv6Index: 0 })] });
    expect(disabled).toEqual([{ kind: 'ipv6-index-without-ipv6', request: 0 }]);
  });

  test('a block that is not IPv4 CIDR text, has host bits, has a prefix outside /16-/29 or leaves the VPC', () => {
    expect(problems({ requests: [req({ cidrBlock: 'ten/24' }), req({ cidrBlock: '10.0.8.1/30' }), req({ cidrBlock: '10.1.0.0/24' }), req({ cidrBlock: '10.2.0.0/15' })] })).toEqual([
      { kind: 'cidr-not-ipv4', request: 0, cidrBlock: 'ten/24' },
      { kind: 'cidr-host-bits', request: 1, cidrBlock: '10.0.8.1/30', network: '10.0.8.0/30' },
      { kind: 'cidr-prefix', request: 1, cidrBlock: '10.0.8.1/30', prefix: 30 },
      { kind: 'cidr-outside-vpc', request: 2, cidrBlock: '10.1.0.0/24' },
      { kind: 'cidr-prefix', request: 3, cidrBlock: '10.2.0.0/15', prefix: 15 },
      { kind: 'cidr-outside-vpc', request: 3, cidrBlock: '10.2.0.0/15' },
    ]);
    expect(plan({ requests: [req({ cidrBlock: '10.0.0.0/16' })] })[0].cidrBlock).toBe('10.0.0.0/16');
    expect(plan({ requests: [req({ cidrBlock: '10.0.255.248/29' })] })[0].cidrBlock).toBe('10.0.255.248/29');
  });

  test('an overlapping block names the first holder, an existing vSwitch before the requests', () => {
    const existing: ExistingVSwitch[] = [{ zoneId: 'a', cidrBlock: '10.0.1.0/24', ipv6Index: 0 }];
    expect(problems({ existing, requests: [req({ cidrBlock: '10.0.0.0/23' }), req({ cidrBlock: '10.0.0.128/25' }), req({ cidrBlock: '10.0.2.0/24' })] })).toEqual([
      { kind: 'cidr-overlap', request: 0, cidrBlock: '10.0.0.0/23', holder: { existing: 0 } },
      { kind: 'cidr-overlap', request: 1, cidrBlock: '10.0.0.128/25', holder: { request: 0 } },
    ]);
  });

  test('the problems of each request come in request order, each request\'s in a fixed order', () => {
    const found = problems({ requests: [req({ cidrBlock: '10.0.0.0/24', ipv6Index: 1 }), req({ cidrBlock: '10.0.0.1/24', ipv6Enabled: false, ipv6Index: 1 })] });
    expect(found.map((p) => p.kind)).toEqual(['ipv6-index-without-ipv6', 'cidr-host-bits', 'cidr-overlap']);
    const both = problems({ requests: [req({ ipv6Index: 7 }), req({ cidrBlock: '10.2.0.0/24', ipv6Index: 7 })] });
    expect(both.map((p) => p.kind)).toEqual(['cidr-outside-vpc', 'ipv6-index-taken']);
  });
});

describe('allocateVSwitches: exhaustion and unknown values', () => {
  test('the VPC runs out of blocks: how many are missing and how many fit', () => {
    expect(problems({ vpcCidrBlock: '10.0.0.0/23', requests: [req(), req({ ipv6Index: 5 }), req()] })).toEqual([{ kind: 'vpc-full', missing: 3, room: 2 }]);
    expect(problems({ vpcCidrBlock: '10.0.0.0/24', existing: [{ zoneId: 'a', cidrBlock: '10.0.0.0/25' }], requests: [req()] }))
      .toEqual([{ kind: 'vpc-full', missing: 1, room: 0 }]);
    expect(plan({ vpcCidrBlock: '10.0.0.0/23', requests: [req(), req()] }).map((a) => a.cidrBlock)).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
  });

  test('the /56 runs out of /64s after 256', () => {
    const existing: ExistingVSwitch[] = Array.from({ length: 255 }, (_, i) => ({ zoneId: 'a', cidrBlock: '10.0.0.0/29', ipv6Index: i + 1 }));
    expect(plan({ vpcCidrBlock: '10.0.0.0/8', existing, requests: [req({ cidrBlock: '10.1.0.0/24' })] })[0].ipv6Index).toBe(0);
    expect(problems({ vpcCidrBlock: '10.0.0.0/8', existing, requests: [req({ cidrBlock: '10.1.0.0/24' }), req({ cidrBlock: '10.2.0.0/24' })] }))
      .toEqual([{ kind: 'ipv6-full', missing: 2 }]);
    const lowOnes: ExistingVSwitch[] = Array.from({ length: 255 }, (_, i) => ({ zoneId: 'a', cidrBlock: '10.0.0.0/29', ipv6Index: i }));
    expect(plan({ vpcCidrBlock: '10.0.0.0/8', existing: lowOnes, requests: [req({ cidrBlock: '10.1.0.0/24' })] })[0].ipv6Index).toBe(255);
  });

  test('nothing is carved in, or around, a block known only at apply time', () => {
    expect(problems({ vpcCidrBlock: UNKNOWN, requests: [req(), req()] })).toEqual([{ kind: 'carve-in-unknown-vpc', missing: 2 }]);
    expect(problems({ requests: [req({ cidrBlock: UNKNOWN }), req()] })).toEqual([{ kind: 'carve-around-unknown', missing: 1 }]);
    expect(problems({ existing: [{ zoneId: 'a', cidrBlock: UNKNOWN, ipv6Index: 0 }], requests: [req()] })).toEqual([{ kind: 'carve-around-unknown', missing: 1 }]);
    expect(problems({ vSwitchPrefix: UNKNOWN, requests: [req()] })).toEqual([{ kind: 'carve-unknown-prefix', missing: 1 }]);
  });

  test('no index is chosen around one known only at apply time', () => {
    expect(problems({ requests: [req({ ipv6Index: UNKNOWN }), req(), req({ ipv6Enabled: false })] })).toEqual([{ kind: 'ipv6-around-unknown', missing: 1 }]);
    expect(problems({ existing: [{ zoneId: 'a', cidrBlock: '10.0.0.0/24', ipv6Index: UNKNOWN }], requests: [req()] })).toEqual([{ kind: 'ipv6-around-unknown', missing: 1 }]);
    expect(plan({ existing: [{ zoneId: 'a', cidrBlock: '10.0.0.0/24', ipv6Index: UNKNOWN }], requests: [req({ ipv6Enabled: false })] })[0].cidrBlock).toBe('10.0.1.0/24');
  });

  test('an unusable VPC block or prefix: no carving, and blocks are not checked against the VPC', () => {
    expect(problems({ vpcCidrBlock: '10.0.0.0/30', requests: [req()] })).toEqual([{ kind: 'carve-unusable', missing: 1 }]);
    expect(problems({ vpcCidrBlock: 'nope', requests: [req()] })).toEqual([{ kind: 'carve-unusable', missing: 1 }]);
    expect(problems({ vSwitchPrefix: 15, requests: [req()] })).toEqual([{ kind: 'carve-unusable', missing: 1 }]);
    expect(problems({ vSwitchPrefix: 24.5, requests: [req()] })).toEqual([{ kind: 'carve-unusable', missing: 1 }]);
    expect(problems({ vpcCidrBlock: '10.0.0.0/20', vSwitchPrefix: 19, requests: [req()] })).toEqual([{ kind: 'carve-unusable', missing: 1 }]);
    expect(plan({ vpcCidrBlock: '10.0.0.0/4', vSwitchPrefix: 31, requests: [req({ cidrBlock: '192.168.0.0/24' })] })[0].cidrBlock).toBe('192.168.0.0/24');
  });
});

describe('usableVpcBlock and minVSwitchPrefix', () => {
  test('a VPC block is usable with a prefix from 8 to 28', () => {
    expect(usableVpcBlock('10.0.0.0/8')?.prefix).toBe(8);
    expect(usableVpcBlock('10.0.0.0/28')?.prefix).toBe(28);
    expect(usableVpcBlock('10.0.0.0/7')).toBeUndefined();
    expect(usableVpcBlock('10.0.0.0/29')).toBeUndefined();
    expect(usableVpcBlock('10.0.0/16')).toBeUndefined();
    expect(usableVpcBlock(UNKNOWN)).toBeUndefined();
  });

  test('carved blocks are at least /16 and never larger than the VPC', () => {
    expect(minVSwitchPrefix(undefined)).toBe(16);
    expect(minVSwitchPrefix(usableVpcBlock('10.0.0.0/8'))).toBe(16);
    expect(minVSwitchPrefix(usableVpcBlock('10.0.0.0/20'))).toBe(20);
  });
});
