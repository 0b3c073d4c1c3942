import { Construct } from 'constructs';
import { IIpv6Gateway } from './interfaces';
import { brandClass, hasBrand } from '../core/brand';
import { assertSameCore } from '../core/core-guard';
import { GATEWAY_MEMBERS, isBlank, PropValidator } from '../core/validation';
import * as alicloud from '../providers/alicloud';
import { Ipv6Checks } from '../rules/ipv6-checks';

/** How IPv6 Internet bandwidth is billed (`internet_charge_type`). Cannot be changed in place. */
export enum InternetChargeType {
  /** Billed by the bandwidth bought, whether used or not. */
  PAY_BY_BANDWIDTH = 'PayByBandwidth',
  /** Billed by the data transferred; `bandwidth` is then a cap. */
  PAY_BY_TRAFFIC = 'PayByTraffic',
}

/** Lowest and highest `bandwidth` the provider accepts (Mbit/s). */
const MIN_BANDWIDTH = 1;
const MAX_BANDWIDTH = 5000;

/** Properties of an `Ipv6InternetBandwidth`. */
export interface Ipv6InternetBandwidthProps {
  /**
   * ID of the IPv6 address (`ipv6-...`) that gets Internet access. Not the address itself: for an ECI it is
   * looked up with `data.alicloud_vpc_ipv6_addresses`.
   */
  readonly ipv6AddressId: string;
  /** The IPv6 gateway of the address's VPC. */
  readonly ipv6Gateway: IIpv6Gateway;
  /**
   * Internet bandwidth of the address in Mbit/s, a whole number from 1 to 5000. (Alibaba Cloud's default
   * per-address caps are lower: 2000 for PayByBandwidth, 1000 for PayByTraffic.)
   * @default 1
   */
  readonly bandwidth?: number;
  /**
   * How the bandwidth is billed.
   * @default InternetChargeType.PAY_BY_BANDWIDTH
   */
  readonly internetChargeType?: InternetChargeType;
}

/**
 * IPv6 Internet bandwidth for one IPv6 address (`alicloud_vpc_ipv6_internet_bandwidth`): without it an IPv6
 * address only reaches the VPC. It goes through the VPC's IPv6 gateway.
 *
 * @example
 * new Ipv6InternetBandwidth(this, 'Bandwidth', { ipv6AddressId, ipv6Gateway: vpc.ipv6Gateway!, bandwidth: 10 });
 */
export class Ipv6InternetBandwidth extends Construct {
  /**
   * Whether `x` is an Ipv6InternetBandwidth, also one made by another copy of this library in node_modules (checked by a
   * `Symbol.for` brand, as the CDK core's `TerraformStack.isStack` does, not by `instanceof`).
   * @param x any value
   */
  public static isIpv6InternetBandwidth(x: any): x is Ipv6InternetBandwidth {
    return hasBrand(x, 'Ipv6InternetBandwidth');
  }

  /** ID of the IPv6 address the bandwidth is for. */
  public readonly ipv6AddressId: string;
  /** The IPv6 gateway the bandwidth goes through. */
  public readonly ipv6Gateway: IIpv6Gateway;
  /** Bandwidth in Mbit/s. */
  public readonly bandwidth: number;
  /** How the bandwidth is billed. */
  public readonly internetChargeType: InternetChargeType;
  /** The underlying `alicloud_vpc_ipv6_internet_bandwidth` resource (escape hatch). */
  public readonly resource: alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth;

  /**
   * @param scope the construct to create the bandwidth in (a stack, or a construct in one)
   * @param id the construct ID, unique among the children of `scope` (it becomes part of the Terraform resource names)
   * @param props the IPv6 gateway, the IPv6 address ID, the bandwidth and how it is billed
   */
  constructor(scope: Construct, id: string, props: Ipv6InternetBandwidthProps) {
    super(scope, id);
    assertSameCore(this, 'Ipv6InternetBandwidth'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    Ipv6Checks.applyTo(this); // the IPv6 rule pack, once per stack (RULES.md)
    const v = new PropValidator(this, 'Ipv6InternetBandwidth');
    if (v.isObject('props', props, { required: true, example: '{ ipv6AddressId, ipv6Gateway: vpc.ipv6Gateway }' })) {
      v.isString('ipv6AddressId', props.ipv6AddressId, { required: true, example: "'ipv6-2ze0abc'" });
      v.isReference('ipv6Gateway', props.ipv6Gateway, GATEWAY_MEMBERS, 'an IPv6 gateway (IIpv6Gateway)', { example: 'vpc.ipv6Gateway of a DualStackVpc' });
      v.isNumber('bandwidth', props.bandwidth, { example: '10' });
      v.isString('internetChargeType', props.internetChargeType, { example: 'InternetChargeType.PAY_BY_TRAFFIC' });
    }
    v.throwIfAny(); // the checks below rely on the types
    v.check(isBlank(props.ipv6AddressId), 'ipv6AddressId', 'is empty',
      'pass the ID of the IPv6 address (ipv6-...), for example from data.alicloud_vpc_ipv6_addresses');
    v.check(props.ipv6Gateway === undefined, 'ipv6Gateway', 'is missing',
      'pass the VPC\'s IPv6 gateway, for example `vpc.ipv6Gateway` of a DualStackVpc');
    v.integerInRange('bandwidth', props.bandwidth, MIN_BANDWIDTH, MAX_BANDWIDTH,
      `set bandwidth to a whole number of Mbit/s from ${MIN_BANDWIDTH} to ${MAX_BANDWIDTH}`);
    v.oneOf('internetChargeType', props.internetChargeType, Object.values(InternetChargeType));
    v.throwIfAny();

    this.ipv6AddressId = props.ipv6AddressId;
    this.ipv6Gateway = props.ipv6Gateway;
    this.bandwidth = props.bandwidth ?? MIN_BANDWIDTH;
    this.internetChargeType = props.internetChargeType ?? InternetChargeType.PAY_BY_BANDWIDTH;
    this.resource = new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(this, 'Resource', {
      ipv6AddressId: props.ipv6AddressId,
      ipv6GatewayId: props.ipv6Gateway.ipv6GatewayId,
      bandwidth: this.bandwidth,
      internetChargeType: this.internetChargeType,
    });
  }

  /** ID of the IPv6 Internet bandwidth (`ipv6bw-...`); the reference is built on first use. */
  public get internetBandwidthId(): string {
    return this.resource.id;
  }
}
brandClass(Ipv6InternetBandwidth, 'Ipv6InternetBandwidth');
