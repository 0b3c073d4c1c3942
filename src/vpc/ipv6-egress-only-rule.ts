import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { IIpv6Gateway } from './interfaces';
import { Ipv6InternetBandwidth } from './ipv6-internet-bandwidth';
import { assertSameCore } from '../core/core-guard';
import { checkLength, checkPattern, IPV6_EGRESS_RULE_NAME_PATTERN } from '../core/name-rules';
import { literalText } from '../core/terraform-text';
import { GATEWAY_MEMBERS, isBlank, PropValidator, quote } from '../core/validation';
import * as alicloud from '../providers/alicloud';
import { Ipv6Checks } from '../rules/ipv6-checks';

/** Properties of an `Ipv6EgressOnlyRule`. */
export interface Ipv6EgressOnlyRuleProps {
  /** The IPv6 gateway of the address's VPC. */
  readonly ipv6Gateway: IIpv6Gateway;
  /** ID of the IPv6 address (`ipv6-...`) that may only open connections outwards. */
  readonly ipv6AddressId: string;
  /**
   * The Internet bandwidth of the same address. An egress-only rule needs Internet bandwidth on the address
   * first, so the rule is made to depend on it.
   * @default - no dependency; the bandwidth must exist before the rule is created
   */
  readonly internetBandwidth?: Ipv6InternetBandwidth;
  /**
   * Name of the rule: 3-129 characters, starting with a letter or Chinese character, then letters, digits,
   * Chinese characters, `_` or `-`.
   * @default - no name
   */
  readonly ipv6EgressRuleName?: string;
  /**
   * Description of the rule, 2-256 characters.
   * @default - no description
   */
  readonly description?: string;
}

/**
 * An egress-only rule (`alicloud_vpc_ipv6_egress_rule`, `instance_type = Ipv6Address`): the IPv6 address can
 * reach the Internet but the Internet cannot open connections to it (like an AWS egress-only Internet gateway,
 * per address).
 *
 * @example
 * const bw = new Ipv6InternetBandwidth(this, 'Bandwidth', { ipv6AddressId, ipv6Gateway });
 * new Ipv6EgressOnlyRule(this, 'EgressOnly', { ipv6AddressId, ipv6Gateway, internetBandwidth: bw });
 */
export class Ipv6EgressOnlyRule extends Construct {
  /** ID of the egress-only rule (`ipv6_egress_rule_id`, `ipv6py-...`). */
  public readonly ipv6EgressRuleId: string;
  /** The underlying `alicloud_vpc_ipv6_egress_rule` resource (escape hatch). */
  public readonly resource: alicloud.vpcIpv6EgressRule.VpcIpv6EgressRule;

  /**
   * @param scope the construct to create the rule in (a stack, or a construct in one)
   * @param id the construct ID, unique among the children of `scope` (it becomes part of the Terraform resource names)
   * @param props the IPv6 gateway and the IPv6 address (or its ID) the rule applies to
   */
  constructor(scope: Construct, id: string, props: Ipv6EgressOnlyRuleProps) {
    super(scope, id);
    assertSameCore(this, 'Ipv6EgressOnlyRule'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    Ipv6Checks.applyTo(this); // the IPv6 rule pack, once per stack (RULES.md)
    const v = new PropValidator(this, 'Ipv6EgressOnlyRule');
    if (v.isObject('props', props, { required: true, example: '{ ipv6Gateway, ipv6AddressId }' })) {
      v.isReference('ipv6Gateway', props.ipv6Gateway, GATEWAY_MEMBERS, 'an IPv6 gateway (IIpv6Gateway)', { example: 'vpc.ipv6Gateway of a DualStackVpc' });
      v.isString('ipv6AddressId', props.ipv6AddressId, { required: true, example: "'ipv6-2ze0abc'" });
      v.isInstance('internetBandwidth', props.internetBandwidth, Ipv6InternetBandwidth, 'an Ipv6InternetBandwidth');
      v.isString('ipv6EgressRuleName', props.ipv6EgressRuleName, { example: "'web-egress-only'" });
      v.isString('description', props.description);
    }
    v.throwIfAny(); // the checks below rely on the types
    v.check(isBlank(props.ipv6AddressId), 'ipv6AddressId', 'is empty',
      'pass the ID of the IPv6 address (ipv6-...), the same one that has Internet bandwidth');
    v.check(props.ipv6Gateway === undefined, 'ipv6Gateway', 'is missing', 'pass the VPC\'s IPv6 gateway, for example `vpc.ipv6Gateway`');
    const bw = props.internetBandwidth;
    v.check(bw !== undefined && isLiteral(bw.ipv6AddressId) && isLiteral(props.ipv6AddressId) && bw.ipv6AddressId !== props.ipv6AddressId,
      'internetBandwidth', `is for address ${quote(bw?.ipv6AddressId)}, not ${quote(props.ipv6AddressId)}`, 'pass the Internet bandwidth of the same IPv6 address as ipv6AddressId, or correct ipv6AddressId');
    v.check(bw !== undefined && props.ipv6Gateway !== undefined && bw.ipv6Gateway !== props.ipv6Gateway
      && isLiteral(bw.ipv6Gateway.ipv6GatewayId) && isLiteral(props.ipv6Gateway.ipv6GatewayId)
      && bw.ipv6Gateway.ipv6GatewayId !== props.ipv6Gateway.ipv6GatewayId,
    'internetBandwidth', 'goes through another IPv6 gateway', 'use the same ipv6Gateway for the bandwidth and the rule');
    checkPattern(v, 'ipv6EgressRuleName', props.ipv6EgressRuleName, IPV6_EGRESS_RULE_NAME_PATTERN,
      '3-129 characters: a letter or Chinese character, then letters, digits, Chinese characters, `_` or `-`',
      'for example `ipv6EgressRuleName: \'web-egress-only\'`');
    checkLength(v, 'description', props.description, 2, 256);
    v.throwIfAny();

    this.resource = new alicloud.vpcIpv6EgressRule.VpcIpv6EgressRule(this, 'Resource', {
      ipv6GatewayId: props.ipv6Gateway.ipv6GatewayId,
      instanceId: props.ipv6AddressId,
      instanceType: 'Ipv6Address',
      ipv6EgressRuleName: literalText(props.ipv6EgressRuleName),
      description: literalText(props.description),
      dependsOn: bw ? [bw.resource] : undefined,
    });
    this.ipv6EgressRuleId = this.resource.ipv6EgressRuleId;
  }
}

function isLiteral(s: string): boolean {
  return !Token.isUnresolved(s) && !s.includes('${');
}
