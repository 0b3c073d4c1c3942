/**
 * The plan-time instance-type guard: one `data "alicloud_instance_types"` per distinct (instance type,
 * zone) of the stack's IPv6 ECIs sized by ECS instance type, with `minimum_eni_ipv6_address_quantity = 1`
 * and a postcondition, so that `terraform plan` fails with a clear message when Alibaba Cloud says the
 * type has no IPv6 there. The synth-time facts tables (ALI-IPV6-002) are the first line; this lookup asks
 * the live API and is the authoritative second.
 *
 * What the provider does with it (terraform-provider-alicloud `alicloud/data_source_alicloud_instance_types.go`,
 * commit 81c43b6, see schema/PROVENANCE.md):
 * - it calls `DescribeAvailableResource` (DestinationResource = InstanceType, the region, pay-as-you-go,
 *   no spot) and keeps the types that are not sold out, per zone; with `availability_zone` only that zone
 *   (an unavailable or sold-out zone is a provider error);
 * - it calls `DescribeInstanceTypes` (all pages) with `MinimumEniIpv6AddressQuantity = 1` and
 *   `InstanceType = <type>`, and returns the types that are in both answers;
 * - it does not filter by `instance_type` itself, and the ECS API's request model declares `InstanceTypes`
 *   (a list), not `InstanceType`. So the postcondition does not trust the filter: it looks for the type in
 *   the result and checks its `eni_ipv6_address_quantity`.
 * @internal
 */
import { Lazy, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { hasBrand, brandClass } from '../core/brand';
import { DataAlicloudInstanceTypes } from '../providers/alicloud/data-alicloud-instance-types';

/** Construct ID of the per-stack guard. @internal */
export const INSTANCE_TYPE_GUARD_ID = 'Ipv6InstanceTypeGuard';

/** One ECI construct that needs a lookup, for the error message. */
interface Requester {
  readonly path: string;
  readonly construct: string;
  readonly prop: string;
}

interface Lookup {
  readonly data: DataAlicloudInstanceTypes;
  readonly requesters: Requester[];
}

/**
 * The per-stack singleton that owns the lookups, deduplicated by (instance type, zone).
 * @internal
 */
export class InstanceTypeGuard extends Construct {
  /** The guard of the stack of `scope`, created on first use. */
  public static of(scope: IConstruct): InstanceTypeGuard {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(INSTANCE_TYPE_GUARD_ID);
    // Another copy of this library in node_modules may have made the stack's guard: its brand, not instanceof.
    if (hasBrand(existing, 'InstanceTypeGuard')) return existing as InstanceTypeGuard;
    return new InstanceTypeGuard(stack, INSTANCE_TYPE_GUARD_ID);
  }

  private readonly lookups = new Map<string, Lookup>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /**
   * The lookup for `instanceType` in `zoneId`, created once per stack. A zone that is a token (unknown
   * at synth) is left out: the lookup then covers the whole region and still runs at plan time (an
   * unknown argument would defer it to apply). A type that is a token is not guarded (undefined).
   *
   * @param instanceType an ECS instance type, for example `ecs.g8i.large`
   * @param zoneId the zone of the vSwitch, or undefined
   * @param requester the construct asking, for the message
   * @param construct its class name, for the message
   * @param prop the prop that names the type, for the message
   */
  public require(
    instanceType: string, zoneId: string | undefined, requester: IConstruct, construct: string, prop: string,
  ): DataAlicloudInstanceTypes | undefined {
    if (Token.isUnresolved(instanceType)) return undefined;
    const type = instanceType.trim();
    const zone = zoneId !== undefined && !Token.isUnresolved(zoneId) && zoneId.trim() !== '' ? zoneId.trim() : undefined;
    const key = `${type}@${zone ?? '*'}`;
    let lookup = this.lookups.get(key);
    if (!lookup) {
      const requesters: Requester[] = [];
      const where = zone ? `zone ${zone}` : 'the region of the alicloud provider (the vSwitch zone is unknown at synth time)';
      const example = type === 'ecs.g8i.large' ? 'ecs.c8i.large' : 'ecs.g8i.large';
      const data = new DataAlicloudInstanceTypes(this, `${type}-${zone ?? 'any-zone'}`.replace(/[^A-Za-z0-9_-]/g, '-'), {
        instanceType: type,
        availabilityZone: zone,
        minimumEniIpv6AddressQuantity: 1,
        lifecycle: {
          postcondition: [{
            condition: `\${anytrue([for t in self.instance_types : t.id == "${type}" && coalesce(t.eni_ipv6_address_quantity, 0) >= 1])}`,
            errorMessage: Lazy.stringValue({
              produce: () => `Instance type ${type} cannot give an IPv6 address in ${where}: Alibaba Cloud (DescribeInstanceTypes with MinimumEniIpv6AddressQuantity = 1, and DescribeAvailableResource) does not list it there, so the type has no IPv6 (EniIpv6AddressQuantity = 0) or is not sold there. `
                + `Used for IPv6 by ${requesters.map((r) => `${r.construct} '${r.path}' (${r.prop})`).join(', ')}. `
                + `Fix: use an instance type with IPv6 that is sold in ${zone ?? 'the region'} (for example ${example}), or size the ECI by cpu and memory (always IPv6), or set ipv6AddressCount: 0. `
                + 'If you know ECI offers this type there anyway, turn this check off with instanceTypeGuard: false.',
            }),
          }],
        },
      });
      lookup = { data, requesters };
      this.lookups.set(key, lookup);
    }
    const path = requester.node.path;
    if (!lookup.requesters.some((r) => r.path === path && r.prop === prop)) lookup.requesters.push({ path, construct, prop });
    return lookup.data;
  }
}
brandClass(InstanceTypeGuard, 'InstanceTypeGuard');
