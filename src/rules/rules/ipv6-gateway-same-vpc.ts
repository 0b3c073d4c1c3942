import { RuleContext, TfBlock } from '../context';
import { fix, suppressHereFix } from '../fix-text';
import { vpcOfIpv6AddressId, vpcOfValue } from '../network';
import { show } from '../references';
import { compliant, FixText, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-006: IPv6 Internet bandwidth and egress-only rules go through an IPv6 gateway of the VPC the
 * IPv6 address is in (a gateway serves only its own VPC). Resolved where the gateway and the address can
 * be followed to VPCs of this stack (through `data.alicloud_vpc_ipv6_addresses`,
 * `data.alicloud_eci_container_groups` or `alicloud_vpc_ipv6_address`).
 * @internal
 */
export const ipv6GatewaySameVpc: RuleDefinition = {
  id: Ipv6RuleId.IPV6_GATEWAY_SAME_VPC,
  name: 'ipv6-gateway-same-vpc',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'IPv6 Internet bandwidth and egress-only rules use an IPv6 gateway of the same VPC as the IPv6 address.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const b of ctx.ofType('alicloud_vpc_ipv6_internet_bandwidth')) yield subject(b, () => check(ctx, b, 'IPv6 Internet bandwidth', b.body.ipv6_address_id));
    for (const b of ctx.ofType('alicloud_vpc_ipv6_egress_rule')) yield subject(b, () => check(ctx, b, 'egress-only rule', b.body.instance_id));
  },
};

/** A gateway for a VPC: the construct, or the resource. */
const NEW_GATEWAY: FixText = {
  cdktf: 'new Ipv6Gateway(this, \'Gw\', { vpc })',
  terraform: 'resource "alicloud_vpc_ipv6_gateway" "gw" { vpc_id = alicloud_vpc.<the VPC>.id }',
};

const FIX = fix`use the IPv6 gateway of the address's VPC (${{
  cdktf: 'vpc.ipv6Gateway of its DualStackVpc',
  terraform: 'ipv6_gateway_id = alicloud_vpc_ipv6_gateway.<the gateway whose vpc_id is that VPC>.id',
}}); create one with ${NEW_GATEWAY} if the VPC has none`;

function check(ctx: RuleContext, block: TfBlock, what: string, addressId: unknown): Verdict {
  const label = `${what} ${block.address}`;
  if (block.body.ipv6_gateway_id === undefined) {
    return nonCompliant(`${label} names no IPv6 gateway (ipv6_gateway_id)`, FIX);
  }
  const gw = ctx.link(block.body.ipv6_gateway_id, ['alicloud_vpc_ipv6_gateway']);
  if (gw.kind !== 'resource') {
    const other = ctx.crossStackOf(block.body.ipv6_gateway_id);
    if (other) {
      return notVerifiable(`Cannot verify at synth time that the IPv6 gateway of ${label} serves the address's VPC: the gateway '${other.constructPath}' is in stack '${other.stack}' (a cross-stack reference), and the pack checks one stack's plan at a time`,
        `to have it verified at synth, create ${label} in stack '${other.stack}', next to the gateway and its VPC; with DualStackVpc, vpc.ipv6Gateway is always the gateway of that VPC, so passing it is enough, and suppressing ALI-IPV6-006 here with that reason is safe`);
    }
    return notVerifiable(`Cannot verify at synth time that the IPv6 gateway of ${label} serves the address's VPC: the gateway is ${ctx.describe(gw)}, not created in this stack`,
      fix`to have it verified at synth, create the gateway in this stack (${NEW_GATEWAY}); for an existing gateway, check its VPC with DescribeIpv6Gateways and ${suppressHereFix('ALI-IPV6-006', 'the result', 'here')}`);
  }
  const gwVpc = vpcOfValue(ctx, gw.block.body.vpc_id);
  const addrVpc = vpcOfIpv6AddressId(ctx, addressId);
  if (!gwVpc || !addrVpc) {
    const which = !gwVpc ? `the VPC of gateway ${gw.block.address}` : `the VPC of the IPv6 address ${show(addressId)}`;
    return notVerifiable(`Cannot verify at synth time that ${label} uses the gateway of the address's VPC: ${which} cannot be followed in this stack`, FIX);
  }
  if (gwVpc.key === addrVpc.key) return compliant(`${label} goes through IPv6 gateway ${gw.block.address} of the address's VPC ${gwVpc.text}`);
  if (gwVpc.fuzzy || addrVpc.fuzzy) {
    return notVerifiable(`Cannot verify at synth time that ${label} uses the gateway of the address's VPC: the gateway is in ${gwVpc.text}, the address in ${addrVpc.text}`, FIX);
  }
  return nonCompliant(
    `${label} goes through IPv6 gateway ${gw.block.address}, which serves VPC ${gwVpc.text}, but the IPv6 address is in VPC ${addrVpc.text}; a gateway serves only its own VPC`,
    FIX,
  );
}
