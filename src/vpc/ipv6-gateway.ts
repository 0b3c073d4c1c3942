import { Construct } from 'constructs';
import { IDualStackVpc, IIpv6Gateway } from './interfaces';
import { assertSameCore } from '../core/core-guard';
import { checkPattern, IPV6_GATEWAY_DESCRIPTION_PATTERN, IPV6_GATEWAY_NAME_PATTERN } from '../core/name-rules';
import { escapeTerraformMap, literalText } from '../core/terraform-text';
import { isBlank, PropValidator, VPC_MEMBERS } from '../core/validation';
import * as alicloud from '../providers/alicloud';
import { Ipv6Checks } from '../rules/ipv6-checks';

/** Properties of an `Ipv6Gateway`. Give exactly one of `vpc` and `vpcId`. */
export interface Ipv6GatewayProps {
  /**
   * The VPC the gateway serves. When it is a `DualStackVpc` without a gateway, the new gateway becomes its
   * `ipv6Gateway`.
   * @default - none; give `vpcId` instead
   */
  readonly vpc?: IDualStackVpc;
  /**
   * ID of the VPC the gateway serves (`vpc-...`), for a VPC that is not modelled as an `IDualStackVpc`.
   * @default - none; give `vpc` instead
   */
  readonly vpcId?: string;
  /**
   * Name of the IPv6 gateway: 2-129 characters, starting with a letter or Chinese character, then letters,
   * digits, Chinese characters, `_` or `-`.
   * @default - no name
   */
  readonly ipv6GatewayName?: string;
  /**
   * Description of the IPv6 gateway. The provider (1.289.0) only accepts 3-257 characters that start with a
   * letter or Chinese character, followed by letters, digits, Chinese characters, `_` or `-`: no spaces.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Tags of the IPv6 gateway.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * ID of the resource group the gateway belongs to.
   * @default - the account's default resource group
   */
  readonly resourceGroupId?: string;
}

/**
 * An IPv6 gateway (`alicloud_vpc_ipv6_gateway`): the VPC's door to the IPv6 Internet. A VPC has at most one.
 * IPv6 Internet bandwidth and egress-only rules are attached to it.
 *
 * `DualStackVpc` creates one by default; create it yourself for a VPC made elsewhere.
 *
 * @example
 * const gw = new Ipv6Gateway(this, 'Gateway', { vpcId: 'vpc-123', ipv6GatewayName: 'edge' });
 */
export class Ipv6Gateway extends Construct implements IIpv6Gateway {
  /**
   * Refers to an existing IPv6 gateway by ID; creates no resource.
   * @param scope the construct to create the reference in
   * @param id the construct ID, unique among the children of `scope`
   * @param ipv6GatewayId the gateway's ID (`ipv6gw-...`)
   */
  public static fromIpv6GatewayId(scope: Construct, id: string, ipv6GatewayId: string): IIpv6Gateway {
    return new ImportedIpv6Gateway(scope, id, ipv6GatewayId);
  }

  /** ID of the IPv6 gateway (`ipv6gw-...`). */
  public readonly ipv6GatewayId: string;
  /** ID of the VPC the gateway serves. */
  public readonly vpcId: string;
  /** The underlying `alicloud_vpc_ipv6_gateway` resource (escape hatch). */
  public readonly resource: alicloud.vpcIpv6Gateway.VpcIpv6Gateway;

  /**
   * @param scope the construct to create the gateway in (a stack, or a construct in one)
   * @param id the construct ID, unique among the children of `scope` (it becomes part of the Terraform resource names)
   * @param props the VPC the gateway serves, and its name and description
   */
  constructor(scope: Construct, id: string, props: Ipv6GatewayProps) {
    super(scope, id);
    assertSameCore(this, 'Ipv6Gateway'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    Ipv6Checks.applyTo(this); // the IPv6 rule pack, once per stack (RULES.md)
    const v = new PropValidator(this, 'Ipv6Gateway');
    checkGatewayPropTypes(v, props);
    v.throwIfAny(); // the checks below rely on the types
    const example = 'for example `ipv6GatewayName: \'web-ipv6gw\'`';
    v.check(props.vpc === undefined && props.vpcId === undefined, 'vpc', 'neither vpc nor vpcId is given',
      'pass the VPC as `vpc` (a DualStackVpc) or its ID as `vpcId`');
    v.check(props.vpc !== undefined && props.vpcId !== undefined, 'vpcId', 'both vpc and vpcId are given',
      'give only one of them: `vpc` for a DualStackVpc, `vpcId` for any other VPC');
    v.check(props.vpc !== undefined && props.vpc.ipv6Gateway !== undefined, 'vpc',
      `VPC '${props.vpc?.node.path}' already has an IPv6 gateway ('${props.vpc?.ipv6Gateway?.node.path}') and a VPC can have only one`,
      'use `vpc.ipv6Gateway` instead of creating another one, or create the DualStackVpc with `ipv6Gateway: false`');
    v.check(props.vpc !== undefined && props.vpc.ipv6Enabled === false, 'vpc', 'the VPC does not have IPv6 enabled',
      'enable IPv6 on the VPC (DualStackVpc always does)');
    checkPattern(v, 'ipv6GatewayName', props.ipv6GatewayName, IPV6_GATEWAY_NAME_PATTERN,
      '2-129 characters: a letter or Chinese character, then letters, digits, Chinese characters, `_` or `-`', example);
    checkPattern(v, 'description', props.description, IPV6_GATEWAY_DESCRIPTION_PATTERN,
      '3-257 characters: a letter or Chinese character, then letters, digits, Chinese characters, `_` or `-` (no spaces)',
      'for example `description: \'IPv6-gateway-for-web\'`');
    v.throwIfAny();

    this.vpcId = props.vpc?.vpcId ?? props.vpcId!;
    this.resource = new alicloud.vpcIpv6Gateway.VpcIpv6Gateway(this, 'Resource', {
      vpcId: this.vpcId,
      ipv6GatewayName: literalText(props.ipv6GatewayName),
      description: literalText(props.description),
      tags: escapeTerraformMap(props.tags),
      resourceGroupId: props.resourceGroupId,
    });
    this.ipv6GatewayId = this.resource.id;

    // A DualStackVpc made with `ipv6Gateway: false` adopts this gateway as its `ipv6Gateway`.
    const attachable = props.vpc as unknown as { _attachIpv6Gateway?: (gw: IIpv6Gateway) => void } | undefined;
    attachable?._attachIpv6Gateway?.(this);
  }
}

class ImportedIpv6Gateway extends Construct implements IIpv6Gateway {
  public readonly ipv6GatewayId: string;

  constructor(scope: Construct, id: string, ipv6GatewayId: string) {
    super(scope, id);
    assertSameCore(this, 'Ipv6Gateway'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    const v = new PropValidator(this, 'Ipv6Gateway.fromIpv6GatewayId');
    v.isString('ipv6GatewayId', ipv6GatewayId, { required: true, example: "'ipv6gw-2ze0abc'" });
    v.throwIfAny();
    v.check(isBlank(ipv6GatewayId), 'ipv6GatewayId', 'is empty',
      'pass the ID of an existing IPv6 gateway, for example \'ipv6gw-2ze0abc\'');
    v.throwIfAny();
    this.ipv6GatewayId = ipv6GatewayId;
  }
}

/** The types of Ipv6GatewayProps (JavaScript callers and jsii bindings can pass anything). */
function checkGatewayPropTypes(v: PropValidator, props: unknown): void {
  if (!v.isObject('props', props, { required: true, example: "{ vpcId: 'vpc-2ze0abc' }" })) return;
  v.isReference('vpc', props.vpc, VPC_MEMBERS, 'a VPC (IDualStackVpc)', { example: 'a DualStackVpc' });
  v.isString('vpcId', props.vpcId, { example: "'vpc-2ze0abc'" });
  v.isString('ipv6GatewayName', props.ipv6GatewayName, { example: "'web-ipv6gw'" });
  v.isString('description', props.description);
  v.isStringMap('tags', props.tags);
  v.isString('resourceGroupId', props.resourceGroupId);
}
