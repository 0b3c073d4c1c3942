import { Construct } from 'constructs';
import { defaultGroupName, splitInstanceTypes } from './common';
import { ContainerDefinition, RestartPolicy } from './container';
import {
  dropUndefined,
  toNativeContainers,
  toNativeRegistry,
  toNativeVolumes,
  toRosContainers,
  toRosRegistry,
  toRosVolumes,
} from './container-mapping';
import { InstanceTypeGuard } from './instance-type-guard';
import { AcrInstance, ImageRegistryCredential, secretValues, sensitiveValueTest } from './registry';
import { escapeTerraformMap, RosTemplate } from './ros-template';
import { checkContainerGroupTypes, validateContainerGroupOwnProps, validateGroupProps } from './validation';
import { Volume } from './volume';
import { assertSameCore } from '../core/core-guard';
import { DataAlicloudEciContainerGroups } from '../providers/alicloud/data-alicloud-eci-container-groups';
import { DataAlicloudInstanceTypes } from '../providers/alicloud/data-alicloud-instance-types';
import { DataAlicloudVpcIpv6Addresses } from '../providers/alicloud/data-alicloud-vpc-ipv6-addresses';
import { EciContainerGroup } from '../providers/alicloud/eci-container-group';
import { RosStack } from '../providers/alicloud/ros-stack';
import { Ipv6Checks } from '../rules/ipv6-checks';
import { registerOwner } from '../rules/owners';
import { NATIVE_ECI, ownerFields, ROS_ECI, terraformName } from '../schema/eci-fields';
import { ISecurityGroup } from '../security-group/interfaces';
import { IDualStackVpc, IVSwitch } from '../vpc/interfaces';
import { InternetChargeType, Ipv6InternetBandwidth } from '../vpc/ipv6-internet-bandwidth';

/** IPv6 Internet bandwidth for a container group's IPv6 address. */
export interface ContainerGroupIpv6BandwidthOptions {
  /** Bandwidth in Mbit/s, 1–5000 (per-address caps: 2000 pay-by-bandwidth, 1000 pay-by-traffic). */
  readonly bandwidth: number;
  /**
   * Billing method.
   * @default InternetChargeType.PAY_BY_BANDWIDTH
   */
  readonly internetChargeType?: InternetChargeType;
}

/** How a container group is deployed. */
export enum ContainerGroupBackend {
  /** `alicloud_eci_container_group` (no IPv6: the provider has no IPv6 argument). */
  NATIVE = 'native',
  /** `alicloud_ros_stack` with an `ALIYUN::ECI::ContainerGroup` (the only provider path with `Ipv6AddressCount`). */
  ROS = 'ros',
}

/** Props of a {@link ContainerGroup}. */
export interface ContainerGroupProps {
  /** The containers (at least one). */
  readonly containers: ContainerDefinition[];
  /** The VPC to run in. */
  readonly vpc: IDualStackVpc;
  /**
   * The vSwitch (and so the zone) to run in. Must be one of `vpc.vSwitches`.
   * @default - the VPC's first vSwitch
   */
  readonly vSwitch?: IVSwitch;
  /** The security group; it decides who can reach the containers. */
  readonly securityGroup: ISecurityGroup;
  /**
   * Name of the container group (2–128 lowercase letters, digits, hyphens).
   * @default - derived from the construct path, unique in the app
   */
  readonly containerGroupName?: string;
  /**
   * vCPUs of the group. Set `cpu` and `memory`, or `instanceType`, or neither.
   * @default - the sum of the containers' requests (ECI's rule)
   */
  readonly cpu?: number;
  /**
   * Memory of the group, GiB.
   * @default - the sum of the containers' requests (ECI's rule)
   */
  readonly memory?: number;
  /**
   * ECS instance type(s) instead of vCPU/memory, comma-separated (e.g. `ecs.g7.large,ecs.c7.large`).
   * For IPv6, every type's family must support IPv6.
   * @default - sized by vCPU and memory
   */
  readonly instanceType?: string;
  /**
   * Check at plan time, with the live API, that each instance type has IPv6 in the vSwitch's zone.
   *
   * With IPv6 and `instanceType`, each type gets a `data "alicloud_instance_types"` lookup in the vSwitch's zone with
   * `minimum_eni_ipv6_address_quantity = 1` and a postcondition, so `terraform plan` fails with a clear
   * message when Alibaba Cloud says the type has no IPv6 there (or does not sell it there). Lookups are
   * shared by every group of the stack with the same type and zone. The synth-time family tables
   * (ALI-IPV6-002) are the first line; this live lookup is the authoritative second.
   *
   * Turn it off to plan without Alibaba Cloud credentials or API access (the lookup calls
   * DescribeAvailableResource and DescribeInstanceTypes at plan time), or when ECI offers a type that ECS
   * reports as sold out in the zone.
   * @default true
   */
  readonly instanceTypeGuard?: boolean;
  /**
   * Restart policy.
   * @default RestartPolicy.ALWAYS
   */
  readonly restartPolicy?: RestartPolicy;
  /**
   * IPv6 addresses of the group: 0 or 1 (Alibaba allows one per ECI). 1 needs an IPv6-enabled
   * vSwitch and deploys through ROS (see `backend`).
   * @default 0
   */
  readonly ipv6AddressCount?: number;
  /**
   * Makes the IPv6 address reachable from the Internet through the VPC's IPv6 gateway.
   * Needs `ipv6AddressCount: 1` and a VPC with an IPv6 gateway.
   * @default - private IPv6 only (reachable inside the VPC)
   */
  readonly ipv6InternetBandwidth?: ContainerGroupIpv6BandwidthOptions;
  /**
   * Volumes that containers can mount.
   * @default - none
   */
  readonly volumes?: Volume[];
  /**
   * Tags of the container group (the library adds `cdktf-id` to find the group after a ROS deployment).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
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
   * ID of an image cache (`imc-...`) to start from. Only with the ROS backend (`ipv6AddressCount: 1`):
   * `alicloud_eci_container_group` has no such argument (provider 1.289.0); there use `autoMatchImageCache`.
   * @default - none
   */
  readonly imageSnapshotId?: string;
  /**
   * ROS only: minutes ROS may take to create or update the group before it fails; the Terraform
   * timeouts are set 5 minutes longer.
   * @default 30
   */
  readonly stackTimeoutInMinutes?: number;
}

const ID_TAG = 'cdktf-id';

/**
 * One Elastic Container Instance, optionally with an IPv6 address and IPv6 Internet bandwidth.
 *
 * Without IPv6 it is an `alicloud_eci_container_group`. With `ipv6AddressCount: 1` it is an
 * `alicloud_ros_stack` holding one `ALIYUN::ECI::ContainerGroup` (the Terraform resource has no
 * IPv6 argument); the group is then read back with `data.alicloud_eci_container_groups` (by name and
 * a unique tag) for its ID and IPv6 address, and `data.alicloud_vpc_ipv6_addresses` gives the
 * address ID that the IPv6 Internet bandwidth needs.
 *
 * @example
 * new ContainerGroup(this, 'Web', {
 *   vpc, securityGroup,
 *   containers: [{ name: 'nginx', image: 'nginx:alpine', ports: [{ port: 80 }] }],
 *   cpu: 1, memory: 2,
 *   ipv6AddressCount: 1,
 *   ipv6InternetBandwidth: { bandwidth: 10 },
 * });
 */
export class ContainerGroup extends Construct {
  /** How the group is deployed: `native` or `ros`. */
  public readonly backend: ContainerGroupBackend;
  /** Name of the container group. */
  public readonly containerGroupName: string;
  /** ID of the group's IPv6 address (`ipv6-...`), for bandwidth and egress-only rules; undefined without IPv6. */
  public readonly ipv6AddressId?: string;
  /** The vSwitch the group runs in. */
  public readonly vSwitch: IVSwitch;
  /** The IPv6 Internet bandwidth, when requested. */
  public readonly internetBandwidth?: Ipv6InternetBandwidth;
  /** Escape hatch: the native resource (native backend). */
  public readonly containerGroupResource?: EciContainerGroup;
  /** Escape hatch: the ROS stack (ROS backend). */
  public readonly rosStack?: RosStack;
  /** Escape hatch: the lookup of the group after the ROS stack (ROS backend). */
  public readonly containerGroupLookup?: DataAlicloudEciContainerGroups;
  /** Escape hatch: the lookup of the IPv6 address ID (ROS backend). */
  public readonly ipv6AddressLookup?: DataAlicloudVpcIpv6Addresses;
  /**
   * Escape hatch: the plan-time instance-type lookups this group uses.
   *
   * They are shared with other constructs of the stack. Empty without IPv6, without `instanceType`, or
   * with `instanceTypeGuard: false`.
   */
  public readonly instanceTypeLookups: DataAlicloudInstanceTypes[] = [];

  // Attribute references are built on first use: each one costs cdktf a token and a stack trace, and a
  // stack of a thousand groups rarely reads them all (bench/).
  private groupAttributes?: { id: string; intranetIp: string; ipv6Address?: string };

  /**
   * @param scope the construct to create the container group (the ROS stack or the ECI resource, and the lookups) in (a stack, or a construct in one)
   * @param id the construct ID, unique among the children of `scope` (it becomes part of the Terraform resource names)
   * @param props the group: network, containers, sizing (cpu and memory, or `instanceType`), IPv6 and its Internet bandwidth
   */
  constructor(scope: Construct, id: string, props: ContainerGroupProps) {
    super(scope, id);
    assertSameCore(this, 'ContainerGroup'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    this.vSwitch = this.validate(props);
    this.containerGroupName = props.containerGroupName ?? defaultGroupName(this);
    this.backend = props.ipv6AddressCount === 1 ? ContainerGroupBackend.ROS : ContainerGroupBackend.NATIVE;
    if (this.backend === ContainerGroupBackend.NATIVE) {
      this.containerGroupResource = this.buildNative(props);
      return;
    }
    // ROS backend: the only provider-accepted way to set Ipv6AddressCount on one ECI.
    this.rosStack = this.buildRos(props);
    this.containerGroupLookup = this.lookUpGroup(this.rosStack);
    this.ipv6AddressLookup = this.lookUpIpv6Address(this.rosStack, this.containerGroupLookup);
    const match = `[for a in ${this.ipv6AddressLookup.fqn}.addresses : a.ipv6_address_id if a.ipv6_address == try(${this.containerGroupLookup.fqn}.groups[0].ipv6_address, "")]`;
    this.ipv6AddressId = `\${one(${match})}`;
    this.internetBandwidth = this.wireBandwidth(props, this.ipv6AddressId);
  }

  /** Checks every prop (validation.ts) and applies the IPv6 rule pack; returns the vSwitch to run in. */
  private validate(props: ContainerGroupProps): IVSwitch {
    checkContainerGroupTypes(this, props);
    const v = validateGroupProps(this, 'ContainerGroup', props, splitInstanceTypes(props.instanceType));
    Ipv6Checks.applyTo(this); // the IPv6 rule pack, once per stack (RULES.md)
    validateContainerGroupOwnProps(v, props);
    return props.vSwitch ?? props.vpc.vSwitches[0];
  }

  /** The native backend: one `alicloud_eci_container_group` (no IPv6). */
  private buildNative(props: ContainerGroupProps): EciContainerGroup {
    const f = NATIVE_ECI.group;
    const tags = props.tags ?? {};
    const resource = new EciContainerGroup(this, 'Resource', {
      [f.containerGroupName]: this.containerGroupName,
      [f.vSwitch]: this.vSwitch.vSwitchId,
      [f.securityGroup]: props.securityGroup.securityGroupId,
      cpu: props.cpu,
      memory: props.memory,
      [f.instanceType]: props.instanceType,
      restartPolicy: props.restartPolicy ?? RestartPolicy.ALWAYS,
      [f.containers]: toNativeContainers(props.containers),
      volumes: props.volumes ? toNativeVolumes(props.volumes) : undefined,
      tags: Object.keys(tags).length > 0 ? escapeTerraformMap(tags) : undefined,
      ...toNativeRegistry(props),
    });
    registerOwner(resource, this, 'ContainerGroup', ownerFields(f, [
      'instanceType', 'vSwitch', 'securityGroup', 'containers', 'imageRegistryCredentials', 'acrInstances', 'ramRoleName',
    ], terraformName));
    return resource;
  }

  /**
   * The ROS backend: an `alicloud_ros_stack` whose template holds the `ALIYUN::ECI::ContainerGroup`, and the plan-time
   * instance-type guard.
   */
  private buildRos(props: ContainerGroupProps): RosStack {
    const f = ROS_ECI.group;
    const tags: { [key: string]: string } = { ...(props.tags ?? {}), [ID_TAG]: this.node.addr };
    const template = new RosTemplate(`ECI ${this.containerGroupName} (${this.node.path}), generated by cdktf-alicloud-ipv6`);
    // NoEcho parameters, masked by the ROS console and API: the secrets, and every value that references a sensitive one
    template.markSecret(...secretValues(props));
    template.markSecretWhen(sensitiveValueTest(this));
    template.addResource('ContainerGroup', ROS_ECI.resourceType, dropUndefined({
      [f.containerGroupName]: this.containerGroupName,
      [f.vSwitch]: template.namedParameter(f.vSwitch, this.vSwitch.vSwitchId),
      [f.securityGroup]: template.namedParameter(f.securityGroup, props.securityGroup.securityGroupId),
      [f.cpu]: props.cpu,
      [f.memory]: props.memory,
      [f.instanceType]: props.instanceType,
      [f.restartPolicy]: props.restartPolicy ?? RestartPolicy.ALWAYS,
      [f.ipv6AddressCount]: 1,
      [f.containers]: toRosContainers(props.containers),
      [f.volumes]: props.volumes ? toRosVolumes(props.volumes) : undefined,
      [f.tags]: Object.keys(tags).sort().map((key) => ({ Key: key, Value: tags[key] })),
      ...toRosRegistry(props),
    }));
    const timeout = props.stackTimeoutInMinutes ?? 30;
    const stack = new RosStack(this, 'Stack', {
      stackName: `${this.containerGroupName}-eci`.slice(0, 255),
      templateBody: template.body,
      parameters: template.parameterValues.map((p) => ({ parameterKey: p.key, parameterValue: p.value })),
      // Ipv6AddressCount, VSwitchId, SecurityGroupId and the name are not editable in ROS: let ROS replace the ECI.
      replacementOption: 'Enabled',
      timeoutInMinutes: timeout,
      timeouts: { create: `${timeout + 5}m`, update: `${timeout + 5}m`, delete: '15m' },
    });
    if (props.instanceTypeGuard ?? true) {
      const zone = this.vSwitch.zoneId;
      for (const type of splitInstanceTypes(props.instanceType)) {
        const lookup = InstanceTypeGuard.of(this).require(type, zone, this, 'ContainerGroup', 'instanceType');
        if (lookup && !this.instanceTypeLookups.includes(lookup)) this.instanceTypeLookups.push(lookup);
      }
    }
    registerOwner(stack, this, 'ContainerGroup', ownerFields(f, [
      'instanceType', 'ipv6AddressCount', 'vSwitch', 'securityGroup', 'containers', 'imageRegistryCredentials', 'acrInstances', 'ramRoleName',
    ]));
    return stack;
  }

  /** The stack exports no outputs in Terraform: read the group back by its name and unique tag. */
  private lookUpGroup(stack: RosStack): DataAlicloudEciContainerGroups {
    return new DataAlicloudEciContainerGroups(this, 'Lookup', {
      containerGroupName: this.containerGroupName,
      tags: { [ID_TAG]: this.node.addr },
      vswitchId: this.vSwitch.vSwitchId,
      dependsOn: [stack],
      lifecycle: {
        postcondition: [{
          condition: '${length(self.groups) == 1}',
          errorMessage: `Expected exactly one ECI named ${this.containerGroupName} with tag ${ID_TAG}=${this.node.addr} after ROS stack ${this.node.path}/Stack; check the stack's events in the ROS console.`,
        }],
      },
    });
  }

  /** No filter by address exists: list the vSwitch's IPv6 addresses (the group's is picked by the caller). */
  private lookUpIpv6Address(stack: RosStack, lookup: DataAlicloudEciContainerGroups): DataAlicloudVpcIpv6Addresses {
    return new DataAlicloudVpcIpv6Addresses(this, 'Ipv6AddressLookup', {
      vswitchId: this.vSwitch.vSwitchId,
      dependsOn: [stack],
      lifecycle: {
        postcondition: [{
          // Checked only when the group lookup found its one group: otherwise that lookup's postcondition has
          // already failed with the message that matters, and `groups[0]` would add "Invalid index" errors
          // (terraform test, test/terraform-core, found them on the run's teardown).
          condition: `\${length(${lookup.fqn}.groups) != 1 || length([for a in self.addresses : a if a.ipv6_address == try(${lookup.fqn}.groups[0].ipv6_address, "")]) == 1}`,
          errorMessage: `Expected the IPv6 address of ECI ${this.containerGroupName} among the IPv6 addresses of its vSwitch.`,
        }],
      },
    });
  }

  /** The IPv6 Internet bandwidth of the group's address, when requested. */
  private wireBandwidth(props: ContainerGroupProps, ipv6AddressId: string): Ipv6InternetBandwidth | undefined {
    const bw = props.ipv6InternetBandwidth;
    if (!bw) return undefined;
    return new Ipv6InternetBandwidth(this, 'Ipv6InternetBandwidth', {
      ipv6AddressId,
      ipv6Gateway: props.vpc.ipv6Gateway!,
      bandwidth: bw.bandwidth,
      internetChargeType: bw.internetChargeType,
    });
  }

  /** ID of the container group (`eci-...`). */
  public get containerGroupId(): string {
    return this.attributes().id;
  }

  /** Private IPv4 address. */
  public get intranetIp(): string {
    return this.attributes().intranetIp;
  }

  /** The group's IPv6 address; undefined without IPv6. */
  public get ipv6Address(): string | undefined {
    return this.attributes().ipv6Address;
  }

  private attributes(): { id: string; intranetIp: string; ipv6Address?: string } {
    if (!this.groupAttributes) {
      if (this.containerGroupLookup) {
        // The group's attributes, or null when the lookup did not find it: its postcondition then reports that,
        // and outputs and references do not add "Invalid index" errors (on a destroy too).
        const lookup = this.containerGroupLookup.fqn;
        const attr = (name: string) => `\${try(${lookup}.groups[0].${name}, null)}`;
        this.groupAttributes = { id: attr('id'), intranetIp: attr('intranet_ip'), ipv6Address: attr('ipv6_address') };
      } else {
        const resource = this.containerGroupResource!;
        this.groupAttributes = { id: resource.id, intranetIp: resource.intranetIp };
      }
    }
    return this.groupAttributes;
  }
}
