import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IDualStackVpc, IIpv6Gateway, IVSwitch } from './interfaces';
import { Ipv6Gateway } from './ipv6-gateway';
import {
  AllocationProblem, allocateVSwitches, ExistingVSwitch, Holder, MAX_IPV6_INDEX, MAX_VPC_PREFIX, MAX_VSWITCH_PREFIX, MIN_VPC_PREFIX,
  MIN_VSWITCH_PREFIX, minVSwitchPrefix, UNKNOWN, Unknown, usableVpcBlock,
} from './vswitch-allocator';
import { checkZoneId, formatIpv4Cidr, Ipv4Cidr, ipv4CidrsOverlap, parseIpv4Cidr, parseIpv6Cidr, zoneIdOf } from '../core/cidr';
import { assertSameCore } from '../core/core-guard';
import { IPV6_GATEWAY_NAME_PATTERN } from '../core/name-rules';
import { escapeTerraformMap, literalText } from '../core/terraform-text';
import { isBlank, PropValidator, quote } from '../core/validation';
import * as alicloud from '../providers/alicloud';
import { Ipv6Checks } from '../rules/ipv6-checks';

/** One vSwitch of a `DualStackVpc`, given explicitly. */
export interface VSwitchSpec {
  /** Zone of the vSwitch, for example `cn-huhehaote-a`. All zones of a VPC must be in one region. */
  readonly zoneId: string;
  /**
   * IPv4 CIDR block of the vSwitch: inside the VPC's `cidrBlock`, prefix /16 to /29, overlapping no other
   * vSwitch.
   * @default - the next free block of size `vSwitchCidrMask` in the VPC's `cidrBlock`
   */
  readonly cidrBlock?: string;
  /**
   * The last 8 bits of the vSwitch's IPv6 /64 inside the VPC's /56 (`ipv6_cidr_block_mask`), 0-255. Unique
   * per VPC. Only used when `ipv6Enabled` is true.
   * @default - the lowest value (from 0) not used by another vSwitch of the VPC
   */
  readonly ipv6CidrBlockMask?: number;
  /**
   * Whether the vSwitch gets an IPv6 /64. ECIs with IPv6 need it.
   * @default true
   */
  readonly ipv6Enabled?: boolean;
  /**
   * Name of the vSwitch (`vswitch_name`).
   * @default - `<vpcName>-<zoneId>` (with `-2`, `-3`... for further vSwitches in the same zone) when the VPC
   * has a `vpcName`; no name otherwise
   */
  readonly vSwitchName?: string;
}

/** Properties of a `DualStackVpc`. Give exactly one of `zones` and `vSwitches`. */
export interface DualStackVpcProps {
  /**
   * Name of the VPC (`vpc_name`).
   * @default - no name
   */
  readonly vpcName?: string;
  /**
   * IPv4 CIDR block of the VPC, prefix /8 to /28, for example `10.0.0.0/16`. Not starting with 0 and not
   * inside 100.64.0.0/10, 224.0.0.0/4, 127.0.0.0/8 or 169.254.0.0/16. The IPv6 block is always a /56 allocated by Alibaba Cloud.
   * @default '10.0.0.0/16'
   */
  readonly cidrBlock?: string;
  /**
   * Zones to create one vSwitch each in, in this order, for example `['cn-huhehaote-a', 'cn-huhehaote-b']`.
   * Each vSwitch gets the next IPv4 block of size `vSwitchCidrMask` and the next free IPv6 mask.
   * @default - none; give `vSwitches` instead
   */
  readonly zones?: string[];
  /**
   * The vSwitches, given explicitly. Unset CIDR blocks and IPv6 masks are filled in automatically, around
   * the ones given.
   * @default - none; give `zones` instead
   */
  readonly vSwitches?: VSwitchSpec[];
  /**
   * Prefix length of the IPv4 blocks carved automatically for vSwitches without a `cidrBlock`: from the
   * VPC prefix (and at least 16) to 29.
   * @default 24
   */
  readonly vSwitchCidrMask?: number;
  /**
   * Whether to create an IPv6 gateway for the VPC. IPv6 Internet bandwidth and egress-only rules need one.
   * @default true
   */
  readonly ipv6Gateway?: boolean;
  /**
   * Description of the VPC.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Tags for the VPC, its vSwitches and its IPv6 gateway.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * ID of the resource group of the VPC and its IPv6 gateway.
   * @default - the account's default resource group
   */
  readonly resourceGroupId?: string;
}

/** An existing vSwitch, for `DualStackVpc.fromVpcAttributes`. */
export interface VSwitchAttributes {
  /** ID of the vSwitch (`vsw-...`). */
  readonly vSwitchId: string;
  /** Zone of the vSwitch, for example `cn-huhehaote-a`. */
  readonly zoneId: string;
  /**
   * IPv4 CIDR block of the vSwitch.
   * @default - unknown (empty string)
   */
  readonly cidrBlock?: string;
  /**
   * IPv6 /64 of the vSwitch, for example `2408:4000:1000:1::/64`.
   *
   * Any RFC 4291 spelling is accepted and kept in RFC 5952 form. Host bits set are an error.
   * @default - unknown (empty string)
   */
  readonly ipv6CidrBlock?: string;
  /**
   * Whether IPv6 is enabled on the vSwitch.
   * @default true
   */
  readonly ipv6Enabled?: boolean;
}

/** An existing dual-stack VPC, for `DualStackVpc.fromVpcAttributes`. */
export interface DualStackVpcAttributes {
  /** ID of the VPC (`vpc-...`). */
  readonly vpcId: string;
  /**
   * The VPC's IPv6 CIDR block (its /56), for example `2408:4000:1000::/56`.
   *
   * Any RFC 4291 spelling is accepted and kept in RFC 5952 form. Host bits set are an error.
   * @default - unknown (empty string)
   */
  readonly ipv6CidrBlock?: string;
  /** The VPC's vSwitches that constructs may use. */
  readonly vSwitches: VSwitchAttributes[];
  /**
   * ID of the VPC's IPv6 gateway (`ipv6gw-...`).
   * @default - the VPC has no IPv6 gateway (`ipv6Gateway` is undefined)
   */
  readonly ipv6GatewayId?: string;
}

/** Default IPv4 CIDR block of a DualStackVpc. */
const DEFAULT_CIDR = '10.0.0.0/16';
const DEFAULT_VSWITCH_MASK = 24;
/** IPv4 ranges Alibaba Cloud does not accept as (part of) a VPC CIDR block. */
const FORBIDDEN_VPC_RANGES = ['0.0.0.0/8', '100.64.0.0/10', '224.0.0.0/4', '127.0.0.0/8', '169.254.0.0/16'];

/** A vSwitch planned by `DualStackVpc` before its resource is created. */
interface PlannedVSwitch {
  readonly zoneId: string;
  readonly cidrBlock: string;
  readonly ipv6Enabled: boolean;
  readonly ipv6CidrBlockMask?: number;
  readonly vSwitchName?: string;
  /** 1 for the VPC's first vSwitch in the zone, 2 for the second... */
  readonly zoneOrdinal: number;
}

/** Names a prop of the i-th vSwitch spec in messages (`vSwitches[i].cidrBlock`, `zones[i]`, `spec.cidrBlock`). */
type SpecProp = (i: number, field: keyof VSwitchSpec) => string;

/** A vSwitch as seen through IVSwitch. */
class VSwitchRef implements IVSwitch {
  constructor(
    public readonly vSwitchId: string,
    public readonly zoneId: string,
    public readonly cidrBlock: string,
    public readonly ipv6CidrBlock: string,
    public readonly ipv6Enabled: boolean,
  ) {}
}

/**
 * A VPC with IPv6 enabled (an Alibaba-allocated /56), one IPv6-enabled vSwitch per zone (each with its own
 * /64) and, by default, an IPv6 gateway.
 *
 * IPv4 blocks for the vSwitches are carved from `cidrBlock` in order and IPv6 masks are assigned 0, 1, 2...,
 * skipping any given explicitly. Every problem with the props is reported in one error.
 *
 * @example
 * const vpc = new DualStackVpc(this, 'Vpc', { vpcName: 'web', zones: ['cn-huhehaote-a', 'cn-huhehaote-b'] });
 * // vSwitches 10.0.0.0/24 (IPv6 mask 0) and 10.0.1.0/24 (IPv6 mask 1), plus vpc.ipv6Gateway
 */
export class DualStackVpc extends Construct implements IDualStackVpc {
  /**
   * Refers to an existing dual-stack VPC (and its vSwitches and IPv6 gateway) by ID; creates no resource.
   * @param scope the construct to create the reference in
   * @param id the construct ID, unique among the children of `scope`
   * @param attrs the VPC's ID, its vSwitches (ID and zone) and, optionally, its IPv6 gateway's ID and IPv6 block
   */
  public static fromVpcAttributes(scope: Construct, id: string, attrs: DualStackVpcAttributes): IDualStackVpc {
    return new ImportedDualStackVpc(scope, id, attrs);
  }

  /** ID of the VPC (`vpc-...`). */
  public readonly vpcId: string;
  /** The VPC's IPv6 /56 (`ipv6_cidr_blocks[0].ipv6_cidr_block`; a token until apply). */
  public readonly ipv6CidrBlock: string;
  /** Always true: the VPC is created with `enable_ipv6 = true`. */
  public readonly ipv6Enabled: boolean = true;
  /** IPv4 CIDR block of the VPC. */
  public readonly cidrBlock: string;
  /** The vSwitches, in the order they were declared (then added). */
  public readonly vSwitches: IVSwitch[] = [];
  /** The underlying `alicloud_vpc` resource (escape hatch). */
  public readonly vpcResource: alicloud.vpc.Vpc;
  /** The underlying `alicloud_vswitch` resources, in the same order as `vSwitches` (escape hatch). */
  public readonly vSwitchResources: alicloud.vswitch.Vswitch[] = [];

  private _ipv6Gateway?: IIpv6Gateway;
  private readonly vpcName?: string;
  private readonly tags?: { [key: string]: string };
  private readonly vSwitchCidrMask: number;
  /** The vSwitches created so far as the allocator sees them, in the order of `vSwitches`. */
  private readonly allocated: ExistingVSwitch[] = [];
  /** Region of the zones seen so far, and the zone it came from. */
  private region?: { readonly region: string; readonly zone: string };
  private providerRegionChecked = false;

  /**
   * @param scope the construct to create the VPC, its vSwitches and its IPv6 gateway in (a stack, or a construct in one)
   * @param id the construct ID, unique among the children of `scope` (it becomes part of the Terraform resource names)
   * @param props the zones or vSwitch specs, the IPv4 CIDR block, and whether to create an IPv6 gateway
   */
  constructor(scope: Construct, id: string, props: DualStackVpcProps) {
    super(scope, id);
    assertSameCore(this, 'DualStackVpc'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    Ipv6Checks.applyTo(this); // the IPv6 rule pack, once per stack (RULES.md)
    const v = new PropValidator(this, 'DualStackVpc');
    checkVpcPropTypes(v, props);
    v.throwIfAny(); // the checks below rely on the types
    this.vpcName = props.vpcName;
    this.tags = props.tags;
    this.cidrBlock = props.cidrBlock ?? DEFAULT_CIDR;
    this.vSwitchCidrMask = props.vSwitchCidrMask ?? DEFAULT_VSWITCH_MASK;
    this.validateVSwitchCidrMask(v, this.validateVpcCidr(v));

    // zones XOR vSwitches
    let specs: VSwitchSpec[] = [];
    let propOf: SpecProp;
    if (props.zones !== undefined && props.vSwitches !== undefined) {
      v.add('zones', 'zones and vSwitches are both given', 'give `zones` for one default vSwitch per zone, or `vSwitches` for explicit vSwitches, not both');
    }
    if (props.zones === undefined && props.vSwitches === undefined) {
      v.add('zones', 'neither zones nor vSwitches is given, so the VPC would have no vSwitch',
        'give `zones`, for example `zones: [\'cn-huhehaote-a\', \'cn-huhehaote-b\']`, or explicit `vSwitches`');
    }
    if (props.vSwitches !== undefined) {
      specs = props.vSwitches;
      propOf = (i, field) => `vSwitches[${i}].${field}`;
      v.check(specs.length === 0, 'vSwitches', 'is empty', 'give at least one vSwitch, for example `vSwitches: [{ zoneId: \'cn-huhehaote-a\' }]`');
    } else {
      const zones = props.zones ?? [];
      specs = zones.map((zoneId) => ({ zoneId }));
      propOf = (i) => `zones[${i}]`;
      v.check(props.zones !== undefined && zones.length === 0, 'zones', 'is empty',
        'give at least one zone, for example `zones: [\'cn-huhehaote-a\']`');
      zones.forEach((z, i) => {
        const first = zones.indexOf(z);
        v.check(!Token.isUnresolved(z) && first !== i, `zones[${i}]`, `${quote(z)} is listed twice (also zones[${first}])`,
          'list each zone once; for two vSwitches in one zone use `vSwitches` with explicit entries');
      });
    }

    const planned = this.planVSwitches(v, specs, propOf);
    this.checkProviderRegion(v, props.vSwitches !== undefined ? 'vSwitches' : 'zones');
    v.throwIfAny();

    this.vpcResource = new alicloud.vpc.Vpc(this, 'Resource', {
      vpcName: literalText(props.vpcName),
      cidrBlock: this.cidrBlock,
      enableIpv6: true,
      description: literalText(props.description),
      tags: escapeTerraformMap(props.tags),
      resourceGroupId: props.resourceGroupId,
    });
    this.vpcId = this.vpcResource.id;
    this.ipv6CidrBlock = this.vpcResource.ipv6CidrBlocks.get(0).ipv6CidrBlock;
    planned.forEach((p) => this.createVSwitch(p));

    if (props.ipv6Gateway ?? true) {
      const name = props.vpcName !== undefined && !Token.isUnresolved(props.vpcName) ? `${props.vpcName}-ipv6gw` : undefined;
      new Ipv6Gateway(this, 'Ipv6Gateway', {
        vpc: this,
        ipv6GatewayName: name !== undefined && IPV6_GATEWAY_NAME_PATTERN.test(name) ? name : undefined,
        tags: props.tags,
        resourceGroupId: props.resourceGroupId,
      });
    }

    // A provider added after this VPC is checked at synth time instead.
    if (!this.providerRegionChecked) {
      this.node.addValidation({
        validate: () => {
          const late = new PropValidator(this, 'DualStackVpc');
          this.checkProviderRegion(late, 'zones');
          try {
            late.throwIfAny();
            return [];
          } catch (e) {
            return [(e as Error).message];
          }
        },
      });
    }
  }

  /** The VPC's IPv6 gateway: the one created by default, or one created later with `new Ipv6Gateway(..., { vpc })`. */
  public get ipv6Gateway(): IIpv6Gateway | undefined {
    return this._ipv6Gateway;
  }

  /**
   * Adds a vSwitch. Its IPv4 block and IPv6 mask are chosen as for the constructor's vSwitches when not
   * given.
   * @param spec the zone, and optionally the IPv4 block, the IPv6 mask and the name
   * @returns the new vSwitch
   */
  public addVSwitch(spec: VSwitchSpec): IVSwitch {
    const v = new PropValidator(this, 'DualStackVpc.addVSwitch');
    if (v.isObject('spec', spec, { required: true, example: "{ zoneId: 'cn-huhehaote-c' }" })) checkSpecTypes(v, spec, (field) => `spec.${field}`);
    v.throwIfAny(); // the checks below rely on the types
    const [planned] = this.planVSwitches(v, [spec], (_i, field) => `spec.${field}`);
    this.checkProviderRegion(v, 'spec.zoneId');
    v.throwIfAny();
    return this.createVSwitch(planned);
  }

  /**
   * Records the gateway created for this VPC by `new Ipv6Gateway(scope, id, { vpc })`.
   * @internal
   */
  public _attachIpv6Gateway(gateway: IIpv6Gateway): void {
    if (this._ipv6Gateway === undefined) this._ipv6Gateway = gateway;
  }

  /** Checks `cidrBlock`; returns it parsed when vSwitch blocks can be checked against it and carved from it. */
  private validateVpcCidr(v: PropValidator): Ipv4Cidr | undefined {
    const cidr = this.cidrBlock;
    if (Token.isUnresolved(cidr)) return undefined;
    const parsed = parseIpv4Cidr(cidr);
    if (!parsed) {
      v.add('cidrBlock', `${quote(cidr)} is not an IPv4 CIDR block`, 'write it as address/prefix, for example \'10.0.0.0/16\'');
      return undefined;
    }
    if (parsed.prefix < MIN_VPC_PREFIX || parsed.prefix > MAX_VPC_PREFIX) {
      v.add('cidrBlock', `${quote(cidr)} has prefix /${parsed.prefix} but an Alibaba Cloud VPC needs /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX}`,
        'use a prefix between 8 and 28, for example \'10.0.0.0/16\'');
    }
    if (parsed.hasHostBits) {
      v.add('cidrBlock', `${quote(cidr)} has host bits set`, `use the network address '${formatIpv4Cidr(parsed.network, parsed.prefix)}'`);
    }
    const forbidden = FORBIDDEN_VPC_RANGES.find((r) => ipv4CidrsOverlap(parseIpv4Cidr(r)!, parsed));
    if (forbidden) {
      v.add('cidrBlock', `${quote(cidr)} overlaps ${forbidden}, which Alibaba Cloud reserves`,
        'use a private range such as 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (or a part of one)');
    }
    return usableVpcBlock(cidr);
  }

  /** `vpcBlock`: the VPC's block when it is usable (see validateVpcCidr). */
  private validateVSwitchCidrMask(v: PropValidator, vpcBlock: Ipv4Cidr | undefined): void {
    const mask = this.vSwitchCidrMask;
    if (Token.isUnresolved(mask)) return;
    const min = minVSwitchPrefix(vpcBlock);
    v.integerInRange('vSwitchCidrMask', mask, min, MAX_VSWITCH_PREFIX,
      `set vSwitchCidrMask between ${min} (the VPC prefix, and never below 16) and ${MAX_VSWITCH_PREFIX}, for example 24`);
  }

  /**
   * Checks the zones of `specs` and plans their addresses with the allocator, around the vSwitches that
   * already exist. Records problems in `v`; the result is only meaningful when `v` has none.
   */
  private planVSwitches(v: PropValidator, specs: VSwitchSpec[], propOf: SpecProp): PlannedVSwitch[] {
    const result = allocateVSwitches({
      vpcCidrBlock: known(this.cidrBlock),
      vSwitchPrefix: known(this.vSwitchCidrMask),
      requests: specs.map((s) => ({
        zoneId: s.zoneId, cidrBlock: known(s.cidrBlock), ipv6Enabled: s.ipv6Enabled ?? true, ipv6Index: known(s.ipv6CidrBlockMask),
      })),
      existing: this.allocated,
    });
    const problems = result.ok ? [] : result.problems;
    // Each spec's zone first, then the allocator's problems with it; the problems of the whole plan last.
    specs.forEach((spec, i) => {
      this.checkZone(v, spec.zoneId, propOf(i, 'zoneId'));
      problems.filter((p) => 'request' in p && p.request === i).forEach((p) => this.reportAllocationProblem(v, p, specs, propOf));
    });
    problems.filter((p) => !('request' in p)).forEach((p) => this.reportAllocationProblem(v, p, specs, propOf));
    if (!result.ok || !v.ok) return [];

    return specs.map((spec, i) => {
      const a = result.vSwitches[i];
      const defaultName = this.vpcName !== undefined && !Token.isUnresolved(this.vpcName) && !Token.isUnresolved(spec.zoneId)
        ? `${this.vpcName}-${spec.zoneId}${a.zoneOrdinal > 1 ? `-${a.zoneOrdinal}` : ''}` : undefined;
      return {
        zoneId: spec.zoneId,
        cidrBlock: a.cidrBlock === UNKNOWN ? spec.cidrBlock! : a.cidrBlock,
        ipv6Enabled: spec.ipv6Enabled ?? true,
        ipv6CidrBlockMask: a.ipv6Index === UNKNOWN ? spec.ipv6CidrBlockMask : a.ipv6Index,
        vSwitchName: spec.vSwitchName ?? defaultName,
        zoneOrdinal: a.zoneOrdinal,
      };
    });
  }

  /** A zone ID, in the region of the VPC's other zones (which a literal zone sets when it is the first). */
  private checkZone(v: PropValidator, zone: string, prop: string): void {
    if (zone === undefined || zone === '') {
      v.add(prop, 'is empty', 'give a zone ID such as \'cn-huhehaote-a\'');
      return;
    }
    if (Token.isUnresolved(zone)) return;
    const checked = checkZoneId(zone, quote(zone));
    if (!('region' in checked)) {
      v.add(prop, checked.problem, checked.fix);
    } else if (this.region === undefined) {
      this.region = { region: checked.region, zone };
    } else if (this.region.region !== checked.region) {
      v.add(prop, `${quote(zone)} is in region ${checked.region} but ${quote(this.region.zone)} is in ${this.region.region}; a VPC and its vSwitches live in one region`,
        `use zones of ${this.region.region} only (or create one DualStackVpc per region, each in a stack whose provider has that region)`);
    }
  }

  /** Words one of the allocator's problems with `specs` (named by `propOf`). */
  private reportAllocationProblem(v: PropValidator, p: AllocationProblem, specs: VSwitchSpec[], propOf: SpecProp): void {
    const example = usableVpcBlock(known(this.cidrBlock)) ? `inside ${this.cidrBlock}` : 'for example \'10.0.3.0/24\'';
    const noBlock = (missing: number) => `${missing} vSwitch${missing > 1 ? 'es have' : ' has'} no cidrBlock`;
    switch (p.kind) {
      case 'ipv6-index-range':
        v.integerInRange(propOf(p.request, 'ipv6CidrBlockMask'), p.index, 0, MAX_IPV6_INDEX,
          'set ipv6CidrBlockMask to a whole number from 0 to 255 (the last 8 bits of the vSwitch /64 in the VPC /56), or leave it unset to assign one automatically');
        return;
      case 'ipv6-index-without-ipv6':
        v.add(propOf(p.request, 'ipv6CidrBlockMask'), 'is set but ipv6Enabled is false, so the provider ignores it', 'remove ipv6CidrBlockMask, or set ipv6Enabled to true');
        return;
      case 'cidr-not-ipv4':
        v.add(propOf(p.request, 'cidrBlock'), `${quote(p.cidrBlock)} is not an IPv4 CIDR block`,
          'write it as address/prefix, for example \'10.0.3.0/24\', or leave it unset to carve one automatically');
        return;
      case 'cidr-host-bits':
        v.add(propOf(p.request, 'cidrBlock'), `${quote(p.cidrBlock)} has host bits set`, `use the network address '${p.network}'`);
        return;
      case 'cidr-prefix':
        v.add(propOf(p.request, 'cidrBlock'), `${quote(p.cidrBlock)} has prefix /${p.prefix} but a vSwitch needs /${MIN_VSWITCH_PREFIX} to /${MAX_VSWITCH_PREFIX}`,
          `use a prefix between 16 and 29 ${example}`);
        return;
      case 'cidr-outside-vpc':
        v.add(propOf(p.request, 'cidrBlock'), `${quote(p.cidrBlock)} is not inside the VPC's cidrBlock ${this.cidrBlock}`, `use a block ${example}, or widen the VPC's cidrBlock`);
        return;
      case 'cidr-overlap':
        v.add(propOf(p.request, 'cidrBlock'), `${quote(p.cidrBlock)} overlaps ${this.holderOf(p.holder, 'cidrBlock', specs, propOf)}`,
          'give each vSwitch its own block, or leave cidrBlock unset to carve a free one automatically');
        return;
      case 'ipv6-index-taken':
        v.add(propOf(p.request, 'ipv6CidrBlockMask'), `${p.index} is already used by ${this.holderOf(p.holder, 'ipv6CidrBlockMask', specs, propOf)}; each vSwitch needs its own IPv6 /64`,
          'give each vSwitch a different ipv6CidrBlockMask (0-255), or leave it unset to assign a free one automatically');
        return;
      case 'carve-in-unknown-vpc':
        v.add('cidrBlock', `is a token (known only at apply time), so the CIDR blocks of vSwitches cannot be carved from it, and ${noBlock(p.missing)}`,
          'give every vSwitch an explicit cidrBlock in `vSwitches`, or pass a literal cidrBlock such as \'10.0.0.0/16\'');
        return;
      case 'carve-around-unknown':
        v.add('vSwitches', `a vSwitch cidrBlock is a token, so free blocks cannot be carved around it, and ${noBlock(p.missing)}`,
          'give every vSwitch an explicit cidrBlock, or none as tokens');
        return;
      case 'carve-unknown-prefix':
        v.add('vSwitchCidrMask', `is a token, so the CIDR blocks of vSwitches cannot be carved, and ${noBlock(p.missing)}`, 'pass a literal vSwitchCidrMask such as 24');
        return;
      case 'carve-unusable':
        return; // validateVpcCidr or validateVSwitchCidrMask has said what is wrong with the VPC's cidrBlock or vSwitchCidrMask
      case 'vpc-full':
        v.add('vSwitchCidrMask', `the VPC's ${this.cidrBlock} has room for only ${p.room} more /${this.vSwitchCidrMask} block${p.room === 1 ? '' : 's'} but ${noBlock(p.missing)}`,
          'use a larger cidrBlock (a smaller prefix), a larger vSwitchCidrMask (smaller vSwitches), or fewer vSwitches');
        return;
      case 'ipv6-around-unknown':
        v.add('vSwitches', `an ipv6CidrBlockMask is a token, so free masks cannot be chosen around it, and ${p.missing} vSwitch${p.missing > 1 ? 'es need' : ' needs'} one`,
          'give every IPv6 vSwitch an explicit ipv6CidrBlockMask, or none as tokens');
        return;
      case 'ipv6-full':
        v.add('vSwitches', 'the VPC\'s IPv6 /56 holds 256 vSwitch /64s and they are all taken', 'use fewer IPv6 vSwitches (set ipv6Enabled: false on some)');
        return;
    }
  }

  /** Who holds a block or an index, for messages: `vSwitches[1].cidrBlock (10.0.0.0/23)`, `vSwitch 'VSwitch-cn-huhehaote-b'`. */
  private holderOf(holder: Holder, field: 'cidrBlock' | 'ipv6CidrBlockMask', specs: VSwitchSpec[], propOf: SpecProp): string {
    const block = field === 'cidrBlock';
    if ('request' in holder) return block ? `${propOf(holder.request, field)} (${specs[holder.request].cidrBlock})` : propOf(holder.request, field);
    const id = `vSwitch '${this.vSwitchResources[holder.existing].node.id}'`;
    return block ? `${id} (${this.vSwitches[holder.existing].cidrBlock})` : id;
  }

  private createVSwitch(p: PlannedVSwitch): IVSwitch {
    const literalZone = !Token.isUnresolved(p.zoneId);
    const id = literalZone ? `VSwitch-${p.zoneId}${p.zoneOrdinal > 1 ? `-${p.zoneOrdinal}` : ''}` : `VSwitch${this.vSwitches.length + 1}`;
    const resource = new alicloud.vswitch.Vswitch(this, id, {
      vpcId: this.vpcId,
      zoneId: p.zoneId,
      cidrBlock: p.cidrBlock,
      enableIpv6: p.ipv6Enabled,
      ipv6CidrBlockMask: p.ipv6CidrBlockMask,
      vswitchName: literalText(p.vSwitchName),
      tags: escapeTerraformMap(this.tags),
    });
    const ref = new VSwitchRef(resource.id, p.zoneId, p.cidrBlock, p.ipv6Enabled ? resource.ipv6CidrBlock : '', p.ipv6Enabled);
    const ipv6Index = p.ipv6Enabled ? known(p.ipv6CidrBlockMask) ?? UNKNOWN : undefined;
    this.allocated.push({ zoneId: p.zoneId, cidrBlock: known(p.cidrBlock), ipv6Index });
    this.vSwitches.push(ref);
    this.vSwitchResources.push(resource);
    return ref;
  }

  /**
   * When the stack has one default alicloud provider with a literal region, the zones must be in it.
   */
  private checkProviderRegion(v: PropValidator, prop: string): void {
    if (this.region === undefined) return;
    const region = findProviderRegion(this);
    if (region === undefined) return;
    this.providerRegionChecked = true;
    v.check(region !== this.region.region, prop,
      `zone ${quote(this.region.zone)} is in region ${this.region.region} but the stack's alicloud provider deploys to ${region}`,
      `use zones of ${region} (zone IDs of ${region} look like '${zoneIdOf(region)}'; DescribeZones lists them), or set the provider's region to ${this.region.region}`);
  }
}

/** A prop value as the allocator takes it: UNKNOWN when it is a token (known only at apply time). */
function known<T>(value: T): T | Unknown {
  return Token.isUnresolved(value) ? UNKNOWN : value;
}

/**
 * The literal region of the stack's default (alias-less) alicloud provider, or undefined when there is none,
 * several, or its region is a token.
 */
function findProviderRegion(scope: IConstruct): string | undefined {
  const stack = TerraformStack.of(scope);
  const providers = stack.node.findAll().filter((c): c is TerraformProvider =>
    // the core's brand check, not instanceof: a provider package may bring its own copy of the core
    TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'alicloud' && c.alias === undefined);
  if (providers.length !== 1) return undefined;
  const region = (providers[0] as unknown as { region?: unknown }).region;
  return typeof region === 'string' && !Token.isUnresolved(region) ? region : undefined;
}

class ImportedDualStackVpc extends Construct implements IDualStackVpc {
  public readonly vpcId: string;
  public readonly ipv6CidrBlock: string;
  public readonly ipv6Enabled = true;
  public readonly vSwitches: IVSwitch[];
  public readonly ipv6Gateway?: IIpv6Gateway;

  constructor(scope: Construct, id: string, attrs: DualStackVpcAttributes) {
    super(scope, id);
    assertSameCore(this, 'DualStackVpc'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    const v = new PropValidator(this, 'DualStackVpc.fromVpcAttributes');
    checkAttributeTypes(v, attrs);
    v.throwIfAny(); // the checks below rely on the types
    v.check(isBlank(attrs.vpcId), 'vpcId', 'is empty', 'pass the ID of the existing VPC, for example \'vpc-2ze0abc\'');
    (attrs.vSwitches ?? []).forEach((s, i) => {
      v.check(isBlank(s.vSwitchId), `vSwitches[${i}].vSwitchId`, 'is empty', 'pass the ID of the existing vSwitch, for example \'vsw-2ze0abc\'');
      v.check(isBlank(s.zoneId), `vSwitches[${i}].zoneId`, 'is empty', 'pass the vSwitch\'s zone, for example \'cn-huhehaote-a\'');
      if (!isBlank(s.zoneId) && !Token.isUnresolved(s.zoneId)) {
        const checked = checkZoneId(s.zoneId, quote(s.zoneId));
        if (!('region' in checked)) v.add(`vSwitches[${i}].zoneId`, checked.problem, checked.fix);
      }
    });
    const vpcBlock = canonicalIpv6Block(v, 'ipv6CidrBlock', attrs.ipv6CidrBlock, '2408:4000:1000::/56');
    const vSwitchBlocks = (attrs.vSwitches ?? []).map((s, i) =>
      canonicalIpv6Block(v, `vSwitches[${i}].ipv6CidrBlock`, s.ipv6CidrBlock, '2408:4000:1000:1::/64'));
    v.throwIfAny();
    this.vpcId = attrs.vpcId;
    this.ipv6CidrBlock = vpcBlock;
    this.vSwitches = (attrs.vSwitches ?? []).map((s, i) => new VSwitchRef(s.vSwitchId, s.zoneId, s.cidrBlock ?? '', vSwitchBlocks[i], s.ipv6Enabled ?? true));
    this.ipv6Gateway = attrs.ipv6GatewayId !== undefined ? Ipv6Gateway.fromIpv6GatewayId(this, 'Ipv6Gateway', attrs.ipv6GatewayId) : undefined;
  }
}

/**
 * An IPv6 block given as an attribute, in RFC 5952 form; '' when unset, a token as it is. Records a problem
 * when the text is not an IPv6 CIDR block or has host bits set (a VPC's or vSwitch's block never has).
 */
function canonicalIpv6Block(v: PropValidator, prop: string, value: string | undefined, example: string): string {
  if (value === undefined || value === '' || Token.isUnresolved(value)) return value ?? '';
  const parsed = parseIpv6Cidr(value);
  if (!parsed) {
    v.add(prop, `${quote(value)} is not an IPv6 CIDR block`, `write it as address/prefix, for example '${example}', or leave it unset`);
    return value;
  }
  const network = `${parsed.network}/${parsed.prefix}`;
  v.check(parsed.hasHostBits, prop, `${quote(value)} has host bits set, but a block is named by its network address`, `use the network address '${network}'`);
  return network;
}

// ---------------------------------------------------------------------------------------------------------
// Type checks (JavaScript callers and jsii bindings can pass anything): before any other check.
// ---------------------------------------------------------------------------------------------------------

const ZONE_EXAMPLE = "'cn-huhehaote-a'";

/** The types of a vSwitch spec's fields, named by `prop(field)`. */
function checkSpecTypes(v: PropValidator, spec: Record<string, unknown>, prop: (field: keyof VSwitchSpec) => string): void {
  v.isString(prop('zoneId'), spec.zoneId, { required: true, example: ZONE_EXAMPLE });
  v.isString(prop('cidrBlock'), spec.cidrBlock, { example: "'10.0.3.0/24'" });
  v.isNumber(prop('ipv6CidrBlockMask'), spec.ipv6CidrBlockMask, { example: '3' });
  v.isBoolean(prop('ipv6Enabled'), spec.ipv6Enabled);
  v.isString(prop('vSwitchName'), spec.vSwitchName);
}

/** The types of DualStackVpcProps. */
function checkVpcPropTypes(v: PropValidator, props: unknown): void {
  if (!v.isObject('props', props, { required: true, example: "{ zones: ['cn-huhehaote-a'] }" })) return;
  v.isString('vpcName', props.vpcName);
  v.isString('cidrBlock', props.cidrBlock, { example: "'10.0.0.0/16'" });
  v.isStringList('zones', props.zones, { example: `[${ZONE_EXAMPLE}]` });
  if (v.isArray('vSwitches', props.vSwitches, { example: `[{ zoneId: ${ZONE_EXAMPLE} }]` })) {
    (props.vSwitches ?? []).forEach((spec, i) => {
      if (v.isObject(`vSwitches[${i}]`, spec, { required: true, example: `{ zoneId: ${ZONE_EXAMPLE} }` })) {
        checkSpecTypes(v, spec, (field) => `vSwitches[${i}].${field}`);
      }
    });
  }
  v.isNumber('vSwitchCidrMask', props.vSwitchCidrMask, { example: '24' });
  v.isBoolean('ipv6Gateway', props.ipv6Gateway);
  v.isString('description', props.description);
  v.isStringMap('tags', props.tags);
  v.isString('resourceGroupId', props.resourceGroupId);
}

/** The types of DualStackVpcAttributes. */
function checkAttributeTypes(v: PropValidator, attrs: unknown): void {
  if (!v.isObject('attrs', attrs, { required: true, example: "{ vpcId: 'vpc-2ze0abc', vSwitches: [] }" })) return;
  v.isString('vpcId', attrs.vpcId, { required: true, example: "'vpc-2ze0abc'" });
  v.isString('ipv6CidrBlock', attrs.ipv6CidrBlock, { example: "'2408:4000:1000::/56'" });
  v.isString('ipv6GatewayId', attrs.ipv6GatewayId, { example: "'ipv6gw-2ze0abc'" });
  if (!v.isArray('vSwitches', attrs.vSwitches, { example: `[{ vSwitchId: 'vsw-2ze0abc', zoneId: ${ZONE_EXAMPLE} }]` })) return;
  (attrs.vSwitches ?? []).forEach((s, i) => {
    if (!v.isObject(`vSwitches[${i}]`, s, { required: true, example: `{ vSwitchId: 'vsw-2ze0abc', zoneId: ${ZONE_EXAMPLE} }` })) return;
    v.isString(`vSwitches[${i}].vSwitchId`, s.vSwitchId, { required: true, example: "'vsw-2ze0abc'" });
    v.isString(`vSwitches[${i}].zoneId`, s.zoneId, { required: true, example: ZONE_EXAMPLE });
    v.isString(`vSwitches[${i}].cidrBlock`, s.cidrBlock, { example: "'10.0.0.0/24'" });
    v.isString(`vSwitches[${i}].ipv6CidrBlock`, s.ipv6CidrBlock, { example: "'2408:4000:1000:1::/64'" });
    v.isBoolean(`vSwitches[${i}].ipv6Enabled`, s.ipv6Enabled);
  });
}
