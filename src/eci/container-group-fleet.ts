import { Construct } from 'constructs';
import { defaultGroupName } from './common';
import { ContainerDefinition, RestartPolicy } from './container';
import { toEssContainers, toEssRegistry, toEssVolumes } from './container-mapping';
import { InstanceTypeGuard } from './instance-type-guard';
import { AcrInstance, ImageRegistryCredential } from './registry';
import { checkFleetTypes, validateFleetOwnProps, validateGroupProps } from './validation';
import { Volume } from './volume';
import { assertSameCore } from '../core/core-guard';
import { escapeTerraformMap, literalText } from '../core/terraform-text';
import { DataAlicloudInstanceTypes } from '../providers/alicloud/data-alicloud-instance-types';
import { EssEciScalingConfiguration } from '../providers/alicloud/ess-eci-scaling-configuration';
import { EssScalingGroup } from '../providers/alicloud/ess-scaling-group';
import { Ipv6Checks } from '../rules/ipv6-checks';
import { registerOwner } from '../rules/owners';
import { ESS_ECI, ESS_GROUP, ownerFields, terraformName } from '../schema/eci-fields';
import { ISecurityGroup } from '../security-group/interfaces';
import { IDualStackVpc, IVSwitch } from '../vpc/interfaces';

/** Props of a {@link ContainerGroupFleet}. */
export interface ContainerGroupFleetProps {
  /** The containers of every ECI in the fleet (at least one). */
  readonly containers: ContainerDefinition[];
  /** The VPC to run in. */
  readonly vpc: IDualStackVpc;
  /**
   * vSwitches to spread the ECIs over (all must be vSwitches of `vpc`).
   * @default - all of the VPC's vSwitches
   */
  readonly vSwitches?: IVSwitch[];
  /** The security group of every ECI. */
  readonly securityGroup: ISecurityGroup;
  /** Fewest ECIs, 0–2000. */
  readonly minSize: number;
  /** Most ECIs, 0–2000, at least `minSize`. */
  readonly maxSize: number;
  /**
   * ECIs to keep running, between `minSize` and `maxSize`.
   * @default - ESS keeps `minSize`
   */
  readonly desiredCapacity?: number;
  /**
   * IPv6 addresses per ECI: 0 or 1. ECIs of a fleet get a private IPv6 address only; ESS cannot
   * declare Internet bandwidth for instances that come and go.
   * @default 0
   */
  readonly ipv6AddressCount?: number;
  /**
   * vCPUs per ECI.
   * @default - the sum of the containers' requests
   */
  readonly cpu?: number;
  /**
   * Memory per ECI, GiB.
   * @default - the sum of the containers' requests
   */
  readonly memory?: number;
  /**
   * ECS instance types instead of vCPU/memory (at most 5). For IPv6 every family must support IPv6.
   * @default - sized by vCPU and memory
   */
  readonly instanceTypes?: string[];
  /**
   * Check at plan time, with the live API, that each instance type has IPv6 in the zone of each vSwitch.
   *
   * With IPv6 and `instanceTypes`, each type gets a `data "alicloud_instance_types"` lookup in the zone of each of the fleet's vSwitches with
   * `minimum_eni_ipv6_address_quantity = 1` and a postcondition, so `terraform plan` fails with a clear
   * message when Alibaba Cloud says a type has no IPv6 there (or does not sell it there). Lookups are
   * shared by every construct of the stack with the same type and zone. The synth-time family tables
   * (ALI-IPV6-002) are the first line; this live lookup is the authoritative second.
   *
   * Turn it off to plan without Alibaba Cloud credentials or API access (the lookup calls
   * DescribeAvailableResource and DescribeInstanceTypes at plan time), or when ECI offers a type that ECS
   * reports as sold out in a zone.
   * @default true
   */
  readonly instanceTypeGuard?: boolean;
  /**
   * Restart policy.
   * @default RestartPolicy.ALWAYS
   */
  readonly restartPolicy?: RestartPolicy;
  /**
   * Volumes that containers can mount.
   * @default - none
   */
  readonly volumes?: Volume[];
  /**
   * Name of the scaling group (2–64 characters).
   * @default - derived from the construct path
   */
  readonly scalingGroupName?: string;
  /**
   * Name given to every container group of the fleet.
   * @default - derived from the construct path
   */
  readonly containerGroupName?: string;
  /**
   * ACR Enterprise Edition instances to pull private images from, without a password: the ECI pulls
   * with its RAM role (`ramRoleName`) or the ECI service role. The recommended way to pull private images.
   * @default - none
   */
  readonly acrInstances?: AcrInstance[];
  /**
   * Registry logins (at most 10), for registries other than ACR EE instances. Each password must be a
   * token built only from sensitive values (a `TerraformVariable` with `sensitive: true`, an attribute the
   * provider schema marks sensitive, `Fn.sensitive(...)`), with no literal text; anything else is a synth error.
   * @default - none
   */
  readonly imageRegistryCredentials?: ImageRegistryCredential[];
  /**
   * The instance RAM role of the ECIs: used to pull from `acrInstances`, and by the containers' own API
   * calls (for example to read secrets from KMS Secrets Manager at start-up).
   * @default - no RAM role
   */
  readonly ramRoleName?: string;
  /**
   * Let ECI pick a matching image cache automatically, so large images start fast.
   * @default - ECI's default (no automatic match)
   */
  readonly autoMatchImageCache?: boolean;
  /**
   * ID of an image cache (`imc-...`) every ECI starts from (`image_snapshot_id`).
   * @default - none
   */
  readonly imageSnapshotId?: string;
  /**
   * Tags of every ECI.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * N identical ECIs managed by Auto Scaling (ESS): an `alicloud_ess_scaling_group` of type ECI and
 * an active `alicloud_ess_eci_scaling_configuration`, which carries `ipv6_address_count`.
 *
 * Fleet ECIs get private IPv6 only: ESS creates and removes them, so no IPv6 Internet bandwidth can
 * follow them.
 *
 * @example
 * const vpc = new DualStackVpc(this, 'Vpc', { zones: ['cn-huhehaote-a', 'cn-huhehaote-b'] });
 * const workerSg = new SecurityGroup(this, 'WorkerSg', { vpc });
 * const workers = new ContainerGroupFleet(this, 'Workers', {
 *   vpc,
 *   securityGroup: workerSg,
 *   minSize: 3,
 *   maxSize: 3,
 *   cpu: 0.5,
 *   memory: 1,
 *   ipv6AddressCount: 1,   // private IPv6 on every ECI of the fleet
 *   containers: [{ name: 'worker', image: 'busybox:1.36', commands: ['sleep'], args: ['86400'] }],
 * });
 * workers.scalingGroupId;
 */
export class ContainerGroupFleet extends Construct {
  /** ID of the scaling group. */
  public readonly scalingGroupId: string;
  /** ID of the ECI scaling configuration. */
  public readonly scalingConfigurationId: string;
  /** The vSwitches the fleet runs in. */
  public readonly vSwitches: IVSwitch[];
  /** Escape hatch: the scaling group. */
  public readonly scalingGroup: EssScalingGroup;
  /** Escape hatch: the ECI scaling configuration. */
  public readonly scalingConfiguration: EssEciScalingConfiguration;
  /**
   * Escape hatch: the plan-time instance-type lookups this fleet uses, one per (type, vSwitch zone).
   *
   * They are shared with other constructs of the stack. Empty without IPv6, without `instanceTypes`, or
   * with `instanceTypeGuard: false`.
   */
  public readonly instanceTypeLookups: DataAlicloudInstanceTypes[] = [];

  /**
   * @param scope the construct to create the fleet (the scaling group and its configuration) in (a stack, or a construct in one)
   * @param id the construct ID, unique among the children of `scope` (it becomes part of the Terraform resource names)
   * @param props the fleet: network, containers, size (`minSize`, `maxSize`, `desiredCapacity`), sizing by cpu and memory or `instanceTypes`, IPv6
   */
  constructor(scope: Construct, id: string, props: ContainerGroupFleetProps) {
    super(scope, id);
    assertSameCore(this, 'ContainerGroupFleet'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    checkFleetTypes(this, props);
    const instanceTypes = props.instanceTypes ?? [];
    const v = validateGroupProps(this, 'ContainerGroupFleet', props, instanceTypes, 'instanceTypes');
    Ipv6Checks.applyTo(this); // the IPv6 rule pack, once per stack (RULES.md)
    const vSwitches = props.vSwitches ?? props.vpc.vSwitches;
    validateFleetOwnProps(v, props, instanceTypes, vSwitches);

    this.vSwitches = vSwitches;
    const ipv6Count = props.ipv6AddressCount ?? 0;
    const name = defaultGroupName(this);
    const g = ESS_GROUP.group;
    this.scalingGroup = new EssScalingGroup(this, 'ScalingGroup', {
      scalingGroupName: literalText(props.scalingGroupName) ?? name.slice(-64).replace(/^-+/, ''),
      groupType: 'ECI',
      [g.minSize]: props.minSize,
      [g.maxSize]: props.maxSize,
      [g.desiredCapacity]: props.desiredCapacity,
      [g.vSwitches]: vSwitches.map((sw) => sw.vSwitchId),
    });
    const f = ESS_ECI.group;
    this.scalingConfiguration = new EssEciScalingConfiguration(this, 'Configuration', {
      [f.scalingGroup]: this.scalingGroup.id,
      active: true,
      forceDelete: true,
      [f.containerGroupName]: props.containerGroupName ?? name,
      [f.securityGroup]: props.securityGroup.securityGroupId,
      cpu: props.cpu,
      memory: props.memory,
      [f.instanceTypes]: instanceTypes.length > 0 ? instanceTypes : undefined,
      [f.ipv6AddressCount]: ipv6Count === 1 ? 1 : undefined,
      restartPolicy: props.restartPolicy ?? RestartPolicy.ALWAYS,
      [f.containers]: toEssContainers(props.containers),
      volumes: props.volumes ? toEssVolumes(props.volumes) : undefined,
      tags: escapeTerraformMap(props.tags),
      ...toEssRegistry(props),
    });
    const shared = { ...ownerFields(g, ['vSwitches'], terraformName), ...ownerFields(f, ['securityGroup', 'containers'], terraformName) };
    registerOwner(this.scalingGroup, this, 'ContainerGroupFleet', { ...shared, ...ownerFields(g, ['minSize', 'maxSize', 'desiredCapacity'], terraformName) });
    registerOwner(this.scalingConfiguration, this, 'ContainerGroupFleet', {
      ...shared,
      ...ownerFields(f, ['instanceTypes', 'ipv6AddressCount', 'imageRegistryCredentials', 'acrInstances', 'ramRoleName'], terraformName),
    });
    if (ipv6Count === 1 && (props.instanceTypeGuard ?? true)) {
      for (const type of instanceTypes) {
        for (const sw of vSwitches) {
          const lookup = InstanceTypeGuard.of(this).require(type, sw.zoneId, this, 'ContainerGroupFleet', 'instanceTypes');
          if (lookup && !this.instanceTypeLookups.includes(lookup)) this.instanceTypeLookups.push(lookup);
        }
      }
    }
    this.scalingGroupId = this.scalingGroup.id;
    this.scalingConfigurationId = this.scalingConfiguration.id;
  }
}
