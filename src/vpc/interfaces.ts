import { IConstruct } from 'constructs';

/**
 * A vSwitch that IPv6 resources can be placed in: made by `DualStackVpc` or adopted with
 * `DualStackVpc.fromVpcAttributes`.
 */
export interface IVSwitch {
  /** ID of the vSwitch (`vsw-...`). */
  readonly vSwitchId: string;
  /** Zone of the vSwitch, for example `cn-huhehaote-a`. */
  readonly zoneId: string;
  /** IPv4 CIDR block of the vSwitch (may be a token). */
  readonly cidrBlock: string;
  /** IPv6 /64 of the vSwitch (a token until apply). Empty when IPv6 is off. */
  readonly ipv6CidrBlock: string;
  /** Whether IPv6 is enabled on this vSwitch. */
  readonly ipv6Enabled: boolean;
}

/** An IPv6 gateway (one per VPC). */
export interface IIpv6Gateway extends IConstruct {
  /** ID of the IPv6 gateway (`ipv6gw-...`). */
  readonly ipv6GatewayId: string;
}

/** A VPC with IPv6 enabled, its vSwitches and (usually) its IPv6 gateway. */
export interface IDualStackVpc extends IConstruct {
  /** ID of the VPC (`vpc-...`). */
  readonly vpcId: string;
  /** The VPC's IPv6 CIDR block (a /56 allocated by Alibaba Cloud; a token until apply). */
  readonly ipv6CidrBlock: string;
  /** Whether IPv6 is enabled on the VPC. */
  readonly ipv6Enabled: boolean;
  /** The vSwitches of the VPC, in the order they were declared. */
  readonly vSwitches: IVSwitch[];
  /** The VPC's IPv6 gateway, if it has one (needed for IPv6 Internet bandwidth and egress-only rules). */
  readonly ipv6Gateway?: IIpv6Gateway;
}
