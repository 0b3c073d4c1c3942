import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { errorOf, expectValidPlan, logicalIds, newStack, resources, synth } from './util';
import { alicloud, DualStackVpc, Ipv6Gateway } from '../../src';

const ZONES = ['cn-huhehaote-a', 'cn-huhehaote-b'];

describe('DualStackVpc defaults', () => {
  const { stack } = newStack();
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ZONES });
  new TerraformOutput(stack, 'ipv6_cidr_block', { value: vpc.ipv6CidrBlock });
  new TerraformOutput(stack, 'vswitch0_ipv6_cidr_block', { value: vpc.vSwitches[0].ipv6CidrBlock });
  new TerraformOutput(stack, 'vswitch0_id', { value: vpc.vSwitches[0].vSwitchId });
  const tf = synth(stack);

  test('creates an IPv6-enabled VPC with 10.0.0.0/16 and without the deprecated IPv6 arguments', () => {
    const [body] = resources(tf, 'alicloud_vpc');
    expect(body).toEqual({ cidr_block: '10.0.0.0/16', enable_ipv6: true });
    expect(body).not.toHaveProperty('ipv6_isp');
    expect(body).not.toHaveProperty('ipv6_cidr_block');
  });

  test('creates one IPv6 vSwitch per zone with consecutive /24s', () => {
    const vsw = resources(tf, 'alicloud_vswitch');
    expect(vsw).toHaveLength(2);
    expect(vsw.map((s) => [s.zone_id, s.cidr_block, s.enable_ipv6])).toEqual([
      ['cn-huhehaote-a', '10.0.0.0/24', true],
      ['cn-huhehaote-b', '10.0.1.0/24', true],
    ]);
    expect(vsw.every((s) => /^\$\{alicloud_vpc\.\w+\.id\}$/.test(s.vpc_id))).toBe(true);
  });

  test('gives each vSwitch a unique IPv6 mask, starting at 0', () => {
    expect(resources(tf, 'alicloud_vswitch').map((s) => s.ipv6_cidr_block_mask)).toEqual([0, 1]);
  });

  test('creates an IPv6 gateway for the VPC and exposes it', () => {
    const gws = resources(tf, 'alicloud_vpc_ipv6_gateway');
    expect(gws).toHaveLength(1);
    expect(gws[0].vpc_id).toMatch(/^\$\{alicloud_vpc\.\w+\.id\}$/);
    expect(gws[0]).not.toHaveProperty('spec');
    expect(vpc.ipv6Gateway).toBeInstanceOf(Ipv6Gateway);
  });

  test('has readable, zone-based logical ids', () => {
    expect(logicalIds(tf, 'alicloud_vswitch').map((id) => id.replace(/_[0-9A-F]{8}$/, ''))).toEqual([
      'Vpc_VSwitch-cn-huhehaote-a',
      'Vpc_VSwitch-cn-huhehaote-b',
    ]);
  });

  test('exposes the VPC /56 as ipv6_cidr_blocks[0].ipv6_cidr_block', () => {
    const [vpcId] = logicalIds(tf, 'alicloud_vpc');
    expect(tf.output.ipv6_cidr_block.value).toBe(`\${alicloud_vpc.${vpcId}.ipv6_cidr_blocks[0].ipv6_cidr_block}`);
  });

  test('exposes vSwitches with their zone, CIDR and IPv6 /64', () => {
    const [id0] = logicalIds(tf, 'alicloud_vswitch');
    expect(vpc.vSwitches.map((s) => [s.zoneId, s.cidrBlock, s.ipv6Enabled])).toEqual([
      ['cn-huhehaote-a', '10.0.0.0/24', true],
      ['cn-huhehaote-b', '10.0.1.0/24', true],
    ]);
    expect(tf.output.vswitch0_ipv6_cidr_block.value).toBe(`\${alicloud_vswitch.${id0}.ipv6_cidr_block}`);
    expect(tf.output.vswitch0_id.value).toBe(`\${alicloud_vswitch.${id0}.id}`);
    expect(vpc.vSwitchResources).toHaveLength(2);
    expect(vpc.vpcResource).toBeInstanceOf(alicloud.vpc.Vpc);
    expect(vpc.ipv6Enabled).toBe(true);
  });

  test('passes the offline plan check', () => expectValidPlan(stack));

  test('escape hatches reach the L1s, and the plan checker sees what they change', () => {
    const { stack: s2 } = newStack();
    const v2 = new DualStackVpc(s2, 'Vpc', { zones: ZONES });
    v2.vpcResource.addOverride('ipv6_isp', 'BGP');
    v2.vSwitchResources[0].addOverride('vswitch_nmae', 'typo');
    const json = Testing.synth(s2);
    expect(json).not.toBeValidAlicloudPlan();
    expect(json).toMatch(/"vswitch_nmae": "typo"/);
  });

  test('matches the snapshot', () => {
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describe('DualStackVpc with options', () => {
  test('names, tags and resource group reach the VPC, vSwitches and gateway', () => {
    const { stack } = newStack();
    new DualStackVpc(stack, 'Vpc', {
      vpcName: 'web',
      cidrBlock: '172.16.0.0/12',
      zones: ['cn-huhehaote-a'],
      description: 'Web tier',
      tags: { team: 'edge' },
      resourceGroupId: 'rg-123',
    });
    const tf = synth(stack);
    expect(resources(tf, 'alicloud_vpc')[0]).toEqual({
      vpc_name: 'web', cidr_block: '172.16.0.0/12', enable_ipv6: true, description: 'Web tier', tags: { team: 'edge' }, resource_group_id: 'rg-123',
    });
    expect(resources(tf, 'alicloud_vswitch')[0]).toMatchObject({ vswitch_name: 'web-cn-huhehaote-a', cidr_block: '172.16.0.0/24', tags: { team: 'edge' } });
    expect(resources(tf, 'alicloud_vpc_ipv6_gateway')[0]).toMatchObject({ ipv6_gateway_name: 'web-ipv6gw', tags: { team: 'edge' }, resource_group_id: 'rg-123' });
    expectValidPlan(stack);
  });

  test('ipv6Gateway: false creates no gateway, and a gateway made later becomes the VPC\'s', () => {
    const { stack } = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'], ipv6Gateway: false });
    expect(vpc.ipv6Gateway).toBeUndefined();
    expect(resources(synth(stack), 'alicloud_vpc_ipv6_gateway')).toHaveLength(0);
    const gw = new Ipv6Gateway(stack, 'Gateway', { vpc });
    expect(vpc.ipv6Gateway).toBe(gw);
    expectValidPlan(stack);
  });

  test('vSwitchCidrMask sets the size of carved blocks', () => {
    const { stack } = newStack();
    new DualStackVpc(stack, 'Vpc', { cidrBlock: '192.168.0.0/24', vSwitchCidrMask: 26, zones: ZONES });
    expect(resources(synth(stack), 'alicloud_vswitch').map((s) => s.cidr_block)).toEqual(['192.168.0.0/26', '192.168.0.64/26']);
  });

  test('explicit vSwitch specs are honoured and automatic values skip them', () => {
    const { stack } = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', {
      vpcName: 'app',
      vSwitches: [
        { zoneId: 'cn-huhehaote-a' },
        { zoneId: 'cn-huhehaote-a', cidrBlock: '10.0.0.0/24', ipv6CidrBlockMask: 0, vSwitchName: 'db' },
        { zoneId: 'cn-huhehaote-b', ipv6CidrBlockMask: 1 },
        { zoneId: 'cn-huhehaote-b', ipv6Enabled: false },
        { zoneId: 'cn-huhehaote-b' },
      ],
    });
    const vsw = resources(synth(stack), 'alicloud_vswitch');
    const byName = Object.fromEntries(vsw.map((s) => [s.vswitch_name, s]));
    expect(byName['app-cn-huhehaote-a']).toMatchObject({ cidr_block: '10.0.1.0/24', ipv6_cidr_block_mask: 2, enable_ipv6: true });
    expect(byName.db).toMatchObject({ cidr_block: '10.0.0.0/24', ipv6_cidr_block_mask: 0 });
    expect(byName['app-cn-huhehaote-b']).toMatchObject({ cidr_block: '10.0.2.0/24', ipv6_cidr_block_mask: 1 });
    expect(byName['app-cn-huhehaote-b-2']).toMatchObject({ cidr_block: '10.0.3.0/24', enable_ipv6: false });
    expect(byName['app-cn-huhehaote-b-2']).not.toHaveProperty('ipv6_cidr_block_mask');
    expect(byName['app-cn-huhehaote-b-3']).toMatchObject({ cidr_block: '10.0.4.0/24', ipv6_cidr_block_mask: 3 });
    expect(vpc.vSwitches[3].ipv6Enabled).toBe(false);
    expect(vpc.vSwitches[3].ipv6CidrBlock).toBe('');
    expectValidPlan(stack);
  });

  test('addVSwitch carves the next free block and mask', () => {
    const { stack } = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ZONES });
    const added = vpc.addVSwitch({ zoneId: 'cn-huhehaote-a' });
    expect(added.cidrBlock).toBe('10.0.2.0/24');
    expect(vpc.vSwitches).toHaveLength(3);
    const vsw = resources(synth(stack), 'alicloud_vswitch');
    expect(vsw.map((s) => [s.cidr_block, s.ipv6_cidr_block_mask]).sort()).toEqual([['10.0.0.0/24', 0], ['10.0.1.0/24', 1], ['10.0.2.0/24', 2]]);
    expect(errorOf(() => vpc.addVSwitch({ zoneId: 'cn-huhehaote-b', cidrBlock: '10.0.1.0/24', ipv6CidrBlockMask: 1 })))
      .toMatch(/spec.cidrBlock: '10.0.1.0\/24' overlaps vSwitch 'VSwitch-cn-huhehaote-b'[\s\S]*spec.ipv6CidrBlockMask: 1 is already used/);
    expectValidPlan(stack);
  });

  test('token CIDRs are accepted when every vSwitch has an explicit cidrBlock', () => {
    const { stack } = newStack();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    new DualStackVpc(stack, 'Vpc', { cidrBlock: cidr.stringValue, vSwitches: [{ zoneId: 'cn-huhehaote-a', cidrBlock: '10.9.0.0/24' }] });
    const tf = synth(stack);
    expect(resources(tf, 'alicloud_vpc')[0].cidr_block).toBe('${var.cidr}');
    expect(resources(tf, 'alicloud_vswitch')[0].cidr_block).toBe('10.9.0.0/24');
    expectValidPlan(stack);
  });

  test('without a provider region (or with a token region) zones are not checked against it', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'noregion');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', {});
    expect(() => new DualStackVpc(stack, 'Vpc', { zones: ['cn-beijing-h'] })).not.toThrow();
    const stack2 = new TerraformStack(app, 'tokenregion');
    const region = new TerraformVariable(stack2, 'region', { type: 'string' });
    new alicloud.provider.AlicloudProvider(stack2, 'alicloud', { region: region.stringValue });
    expect(() => new DualStackVpc(stack2, 'Vpc', { zones: ['cn-beijing-h'] })).not.toThrow();
  });
});

describe('DualStackVpc validation', () => {
  function vpcError(props: ConstructorParameters<typeof DualStackVpc>[2], region = 'cn-huhehaote'): string {
    const { stack } = newStack(region);
    return errorOf(() => new DualStackVpc(stack, 'Vpc', props));
  }

  test('reports several problems in one error naming the path, the prop and the fix', () => {
    const msg = vpcError({ cidrBlock: '10.0.0.0/30', vSwitchCidrMask: 31, zones: ['cn-huhehaote-a', 'cn-huhehaote-a'] });
    expect(msg).toMatch(/^DualStackVpc at 'test\/Vpc' has 3 invalid props:/);
    expect(msg).toContain("- cidrBlock: '10.0.0.0/30' has prefix /30 but an Alibaba Cloud VPC needs /8 to /28. Fix: use a prefix between 8 and 28");
    expect(msg).toContain('- vSwitchCidrMask: must be an integer from 16 to 29, got 31. Fix:');
    expect(msg).toContain("- zones[1]: 'cn-huhehaote-a' is listed twice (also zones[0]). Fix:");
  });

  test('rejects a cidrBlock that is not a CIDR, has host bits, or is reserved', () => {
    expect(vpcError({ cidrBlock: '10.0.0/16', zones: ZONES })).toContain("cidrBlock: '10.0.0/16' is not an IPv4 CIDR block. Fix: write it as address/prefix, for example '10.0.0.0/16'");
    expect(vpcError({ cidrBlock: '10.0.0.1/16', zones: ZONES })).toContain("host bits set. Fix: use the network address '10.0.0.0/16'");
    expect(vpcError({ cidrBlock: '100.64.0.0/16', zones: ZONES })).toContain('overlaps 100.64.0.0/10, which Alibaba Cloud reserves');
    expect(vpcError({ cidrBlock: '0.16.0.0/16', zones: ZONES })).toContain('overlaps 0.0.0.0/8, which Alibaba Cloud reserves');
  });

  test('rejects vSwitch CIDRs outside the VPC, overlapping, malformed or of the wrong size', () => {
    const msg = vpcError({
      vSwitches: [
        { zoneId: 'cn-huhehaote-a', cidrBlock: '10.1.0.0/24' },
        { zoneId: 'cn-huhehaote-a', cidrBlock: '10.0.0.0/23' },
        { zoneId: 'cn-huhehaote-b', cidrBlock: '10.0.1.0/24' },
        { zoneId: 'cn-huhehaote-b', cidrBlock: 'ten/24' },
        { zoneId: 'cn-huhehaote-b', cidrBlock: '10.0.8.0/30' },
      ],
    });
    expect(msg).toMatch(/has 4 invalid props/);
    expect(msg).toContain("vSwitches[0].cidrBlock: '10.1.0.0/24' is not inside the VPC's cidrBlock 10.0.0.0/16. Fix:");
    expect(msg).toContain("vSwitches[2].cidrBlock: '10.0.1.0/24' overlaps vSwitches[1].cidrBlock (10.0.0.0/23)");
    expect(msg).toContain("vSwitches[3].cidrBlock: 'ten/24' is not an IPv4 CIDR block");
    expect(msg).toContain("vSwitches[4].cidrBlock: '10.0.8.0/30' has prefix /30 but a vSwitch needs /16 to /29");
  });

  test('reports when the VPC has no room for the vSwitches', () => {
    const msg = vpcError({ cidrBlock: '10.0.0.0/23', zones: ['cn-huhehaote-a', 'cn-huhehaote-b', 'cn-huhehaote-c'] });
    expect(msg).toContain("vSwitchCidrMask: the VPC's 10.0.0.0/23 has room for only 2 more /24 blocks but 3 vSwitches have no cidrBlock. Fix: use a larger cidrBlock");
  });

  test('rejects duplicate, out-of-range and pointless IPv6 masks', () => {
    const msg = vpcError({
      vSwitches: [
        { zoneId: 'cn-huhehaote-a', ipv6CidrBlockMask: 3 },
        { zoneId: 'cn-huhehaote-a', ipv6CidrBlockMask: 3 },
        { zoneId: 'cn-huhehaote-b', ipv6CidrBlockMask: 256 },
        { zoneId: 'cn-huhehaote-b', ipv6CidrBlockMask: 1.5 },
        { zoneId: 'cn-huhehaote-b', ipv6Enabled: false, ipv6CidrBlockMask: 9 },
      ],
    });
    expect(msg).toContain('vSwitches[1].ipv6CidrBlockMask: 3 is already used by vSwitches[0].ipv6CidrBlockMask; each vSwitch needs its own IPv6 /64. Fix:');
    expect(msg).toContain('vSwitches[2].ipv6CidrBlockMask: must be an integer from 0 to 255, got 256');
    expect(msg).toContain('vSwitches[3].ipv6CidrBlockMask: must be an integer from 0 to 255, got 1.5');
    expect(msg).toContain('vSwitches[4].ipv6CidrBlockMask: is set but ipv6Enabled is false');
  });

  test('requires exactly one of zones and vSwitches, non-empty', () => {
    expect(vpcError({})).toContain('zones: neither zones nor vSwitches is given');
    expect(vpcError({ zones: ZONES, vSwitches: [{ zoneId: 'cn-huhehaote-a' }] })).toContain('zones: zones and vSwitches are both given');
    expect(vpcError({ zones: [] })).toContain('zones: is empty');
    expect(vpcError({ vSwitches: [] })).toContain('vSwitches: is empty');
  });

  test('rejects zones from two regions and malformed zone ids', () => {
    const msg = vpcError({ zones: ['cn-huhehaote-a', 'cn-beijing-h', 'huhehaote'] });
    expect(msg).toContain("zones[1]: 'cn-beijing-h' is in region cn-beijing but 'cn-huhehaote-a' is in cn-huhehaote; a VPC and its vSwitches live in one region. Fix: use zones of cn-huhehaote only");
    expect(msg).toContain("zones[2]: 'huhehaote' is not an Alibaba Cloud zone ID");
  });

  test('rejects zones outside the provider region', () => {
    expect(vpcError({ zones: ['ap-southeast-1a', 'ap-southeast-1b'] }, 'cn-huhehaote'))
      .toContain("zones: zone 'ap-southeast-1a' is in region ap-southeast-1 but the stack's alicloud provider deploys to cn-huhehaote. Fix: use zones of cn-huhehaote");
    const { stack } = newStack('ap-southeast-1');
    expect(() => new DualStackVpc(stack, 'Vpc', { zones: ['ap-southeast-1a'] })).not.toThrow();
  });

  test('the zone hint uses the zone ID form of the provider\'s region', () => {
    // ap-northeast-1 ends in a digit: its zones are ap-northeast-1a, ... (never 'ap-northeast-1-a')
    const tokyo = vpcError({ zones: ['cn-huhehaote-a'] }, 'ap-northeast-1');
    expect(tokyo).toContain("Fix: use zones of ap-northeast-1 (zone IDs of ap-northeast-1 look like 'ap-northeast-1a'; DescribeZones lists them), or set the provider's region to cn-huhehaote.");
    expect(tokyo).not.toContain('ap-northeast-1-a');
    expect(vpcError({ zones: ['ap-northeast-1a'] }, 'cn-hangzhou')).toContain("zone IDs of cn-hangzhou look like 'cn-hangzhou-a'");
  });

  test('checks a provider added after the VPC at synth time', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'late');
    new DualStackVpc(stack, 'Vpc', { zones: ['cn-beijing-h'] });
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
    expect(() => Testing.synth(stack, true)).toThrow(/zone 'cn-beijing-h' is in region cn-beijing but the stack's alicloud provider deploys to cn-huhehaote/);
  });

  test('a token cidrBlock needs explicit vSwitch CIDRs', () => {
    const { stack } = newStack();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    const msg = errorOf(() => new DualStackVpc(stack, 'Vpc', { cidrBlock: cidr.stringValue, zones: ZONES }));
    expect(msg).toContain('cidrBlock: is a token (known only at apply time), so the CIDR blocks of vSwitches cannot be carved from it, and 2 vSwitches have no cidrBlock. Fix: give every vSwitch an explicit cidrBlock');
  });

  test('a token vSwitch cidrBlock blocks carving around it', () => {
    const { stack } = newStack();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    const msg = errorOf(() => new DualStackVpc(stack, 'Vpc', { vSwitches: [{ zoneId: 'cn-huhehaote-a', cidrBlock: cidr.stringValue }, { zoneId: 'cn-huhehaote-b' }] }));
    expect(msg).toContain('vSwitches: a vSwitch cidrBlock is a token, so free blocks cannot be carved around it');
  });
});

describe('DualStackVpc.fromVpcAttributes', () => {
  test('adopts an existing VPC without creating resources', () => {
    const { stack } = newStack();
    const vpc = DualStackVpc.fromVpcAttributes(stack, 'Existing', {
      vpcId: 'vpc-123',
      ipv6CidrBlock: '2408:4000:1000::/56',
      vSwitches: [{ vSwitchId: 'vsw-1', zoneId: 'cn-huhehaote-a', cidrBlock: '10.0.0.0/24' }, { vSwitchId: 'vsw-2', zoneId: 'cn-huhehaote-b', ipv6Enabled: false }],
      ipv6GatewayId: 'ipv6gw-1',
    });
    expect(vpc.vpcId).toBe('vpc-123');
    expect(vpc.ipv6Enabled).toBe(true);
    expect(vpc.ipv6CidrBlock).toBe('2408:4000:1000::/56');
    expect(vpc.vSwitches.map((s) => [s.vSwitchId, s.zoneId, s.cidrBlock, s.ipv6Enabled])).toEqual([
      ['vsw-1', 'cn-huhehaote-a', '10.0.0.0/24', true],
      ['vsw-2', 'cn-huhehaote-b', '', false],
    ]);
    expect(vpc.ipv6Gateway?.ipv6GatewayId).toBe('ipv6gw-1');
    expect(synth(stack).resource).toBeUndefined();
  });

  test('IPv6 blocks are kept in RFC 5952 form; host bits and non-blocks are errors naming the network address', () => {
    const { stack } = newStack();
    const vpc = DualStackVpc.fromVpcAttributes(stack, 'A', {
      vpcId: 'vpc-1',
      ipv6CidrBlock: '2408:4000:1000:0000::/56',
      vSwitches: [{ vSwitchId: 'vsw-1', zoneId: 'cn-huhehaote-a', ipv6CidrBlock: '2408:4000:1000:0001:0000::/64' }],
    });
    expect(vpc.ipv6CidrBlock).toBe('2408:4000:1000::/56');
    expect(vpc.vSwitches[0].ipv6CidrBlock).toBe('2408:4000:1000:1::/64');
    const msg = errorOf(() => DualStackVpc.fromVpcAttributes(stack, 'B', {
      vpcId: 'vpc-1',
      ipv6CidrBlock: '2408:4000:1000::1/56',
      vSwitches: [{ vSwitchId: 'vsw-1', zoneId: 'cn-huhehaote-a', ipv6CidrBlock: '10.0.0.0/24' }],
    }));
    expect(msg).toContain("ipv6CidrBlock: '2408:4000:1000::1/56' has host bits set, but a block is named by its network address. Fix: use the network address '2408:4000:1000::/56'.");
    expect(msg).toContain("vSwitches[0].ipv6CidrBlock: '10.0.0.0/24' is not an IPv6 CIDR block. Fix: write it as address/prefix, for example '2408:4000:1000:1::/64', or leave it unset.");
    const token = new TerraformVariable(stack, 'block', { type: 'string' }).stringValue;
    expect(DualStackVpc.fromVpcAttributes(stack, 'C', { vpcId: 'vpc-1', ipv6CidrBlock: token, vSwitches: [] }).ipv6CidrBlock).toBe(token);
  });

  test('without ipv6GatewayId it has no gateway; empty IDs are errors', () => {
    const { stack } = newStack();
    expect(DualStackVpc.fromVpcAttributes(stack, 'A', { vpcId: 'vpc-1', vSwitches: [] }).ipv6Gateway).toBeUndefined();
    const msg = errorOf(() => DualStackVpc.fromVpcAttributes(stack, 'B', { vpcId: '', vSwitches: [{ vSwitchId: '', zoneId: 'cn-huhehaote-a' }] }));
    expect(msg).toMatch(/^DualStackVpc.fromVpcAttributes at 'test\/B' has 2 invalid props:/);
    expect(msg).toContain('vSwitches[0].vSwitchId: is empty');
  });
});
