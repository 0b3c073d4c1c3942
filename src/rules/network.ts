/**
 * Network lookups shared by the rules: which VPC a vSwitch, an IPv6 address or a gateway belongs to.
 * @internal
 */
import { RuleContext, TfBlock } from './context';
import { referencesIn } from './references';
import { typeKey } from '../core/terraform-json';

/** Where a VPC was found, for messages, and its comparison key. @internal */
export interface VpcOf {
  /** A key equal for the same VPC (a resource address, `literal:vpc-…`, or `expr:…`). */
  readonly key: string;
  /** Human text: `alicloud_vpc.X (web/Vpc/Resource)` or `'vpc-123'`. */
  readonly text: string;
  /** True when the key is an expression (two different expressions may still be the same VPC). */
  readonly fuzzy: boolean;
}

/** The VPC of a value naming a VPC. @internal */
export function vpcOfValue(ctx: RuleContext, value: unknown): VpcOf | undefined {
  const l = ctx.link(value, ['alicloud_vpc']);
  const key = ctx.keyOf(value, ['alicloud_vpc']);
  if (key === undefined) return undefined;
  return { key, text: ctx.describe(l), fuzzy: l.kind === 'expression' };
}

/** The VPC of a value naming a vSwitch (only when the vSwitch is created in this stack). @internal */
export function vpcOfVSwitchValue(ctx: RuleContext, value: unknown): VpcOf | undefined {
  const l = ctx.link(value, ['alicloud_vswitch']);
  return l.kind === 'resource' ? vpcOfValue(ctx, l.block.body.vpc_id) : undefined;
}

/**
 * The VPC of an IPv6 address ID expression: followed through `data.alicloud_vpc_ipv6_addresses`
 * (vpc_id or vswitch_id), `data.alicloud_eci_container_groups` (vswitch_id) or `alicloud_vpc_ipv6_address`
 * (vswitch_id) that it references.
 * @internal
 */
export function vpcOfIpv6AddressId(ctx: RuleContext, value: unknown): VpcOf | undefined {
  for (const ref of referencesIn(value)) {
    const block = ctx.get(ref.address);
    if (!block) continue;
    const found = vpcOfAddressSource(ctx, block);
    if (found) return found;
  }
  return undefined;
}

function vpcOfAddressSource(ctx: RuleContext, block: TfBlock): VpcOf | undefined {
  const b = block.body;
  switch (typeKey(block.kind, block.type)) {
    case 'data.alicloud_vpc_ipv6_addresses':
      return (b.vpc_id !== undefined ? vpcOfValue(ctx, b.vpc_id) : undefined) ?? vpcOfVSwitchValue(ctx, b.vswitch_id);
    case 'data.alicloud_eci_container_groups':
    case 'alicloud_vpc_ipv6_address':
      return vpcOfVSwitchValue(ctx, b.vswitch_id);
    default:
      return undefined;
  }
}
