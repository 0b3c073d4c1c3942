/**
 * The field names of the three ECI backends, one table per backend, each keyed by the prop (of ContainerGroup,
 * ContainerGroupFleet, a container, a registry login, an ACR instance) that the field carries:
 *
 * - {@link ROS_ECI}: `ALIYUN::ECI::ContainerGroup` in the template of an `alicloud_ros_stack` (ros-eci-containergroup.md §4.1, §4.2);
 * - {@link NATIVE_ECI}: `alicloud_eci_container_group`;
 * - {@link ESS_ECI}: `alicloud_ess_eci_scaling_configuration`, and {@link ESS_GROUP}: its `alicloud_ess_scaling_group`.
 *
 * The writers (container-mapping.ts, container-group.ts, container-group-fleet.ts), the owner maps they register
 * (so that rule messages name props) and the rule pack's reader (src/rules/eci-model.ts) all spell the names from
 * here. It lives in src/schema (what the backends call each field) and imports nothing, so that both src/eci and
 * src/rules can read it without an arrow upward (src/eci imports src/rules).
 *
 * The Terraform tables hold the keys of the generated cdktf bindings (camelCase, as the writers pass them);
 * {@link terraformName} gives the name in the Terraform JSON (snake_case), which the reader and the owner maps use.
 * @internal
 */

/** `ALIYUN::ECI::ContainerGroup` (ROS resource specification). @internal */
export const ROS_ECI = {
  resourceType: 'ALIYUN::ECI::ContainerGroup',
  group: {
    containerGroupName: 'ContainerGroupName',
    vSwitch: 'VSwitchId',
    securityGroup: 'SecurityGroupId',
    cpu: 'Cpu',
    memory: 'Memory',
    instanceType: 'InstanceType',
    restartPolicy: 'RestartPolicy',
    ipv6AddressCount: 'Ipv6AddressCount',
    containers: 'Container',
    volumes: 'Volume',
    tags: 'Tag',
    acrInstances: 'AcrRegistryInfo',
    imageRegistryCredentials: 'ImageRegistryCredential',
    ramRoleName: 'RamRoleName',
    autoMatchImageCache: 'AutoMatchImageCache',
    imageSnapshotId: 'ImageSnapshotId',
  },
  container: { image: 'Image', ports: 'Port' },
  port: { port: 'Port', protocol: 'Protocol' },
  acr: { instanceId: 'InstanceId', instanceName: 'InstanceName', regionId: 'RegionId', domains: 'Domain' },
  credential: { server: 'Server', userName: 'UserName', password: 'Password' },
} as const;

/** The container, port and ACR fields that the native resource and the ESS configuration name alike. */
const TERRAFORM_CONTAINER = {
  container: { image: 'image', ports: 'ports' },
  port: { port: 'port', protocol: 'protocol' },
  acr: { instanceId: 'instanceId', instanceName: 'instanceName', regionId: 'regionId', domains: 'domains' },
} as const;

/** `alicloud_eci_container_group` (provider 1.289.0; it has no IPv6 and no image snapshot argument). @internal */
export const NATIVE_ECI = {
  resourceType: 'alicloud_eci_container_group',
  group: {
    containerGroupName: 'containerGroupName',
    vSwitch: 'vswitchId',
    securityGroup: 'securityGroupId',
    instanceType: 'instanceType',
    containers: 'containers',
    acrInstances: 'acrRegistryInfo',
    imageRegistryCredentials: 'imageRegistryCredential',
    ramRoleName: 'ramRoleName',
    autoMatchImageCache: 'autoMatchImageCache',
  },
  ...TERRAFORM_CONTAINER,
  credential: { server: 'server', userName: 'userName', password: 'password' },
} as const;

/** `alicloud_ess_eci_scaling_configuration`: plural list names, and `username`, not `user_name`. @internal */
export const ESS_ECI = {
  resourceType: 'alicloud_ess_eci_scaling_configuration',
  group: {
    containerGroupName: 'containerGroupName',
    securityGroup: 'securityGroupId',
    instanceTypes: 'instanceTypes',
    ipv6AddressCount: 'ipv6AddressCount',
    containers: 'containers',
    acrInstances: 'acrRegistryInfos',
    imageRegistryCredentials: 'imageRegistryCredentials',
    ramRoleName: 'ramRoleName',
    autoMatchImageCache: 'autoMatchImageCache',
    imageSnapshotId: 'imageSnapshotId',
    /** Not a prop: the scaling group the configuration belongs to (its vSwitches are the fleet's). */
    scalingGroup: 'scalingGroupId',
  },
  ...TERRAFORM_CONTAINER,
  credential: { server: 'server', userName: 'username', password: 'password' },
} as const;

/** `alicloud_ess_scaling_group` of a fleet. @internal */
export const ESS_GROUP = {
  resourceType: 'alicloud_ess_scaling_group',
  group: { vSwitches: 'vswitchIds', minSize: 'minSize', maxSize: 'maxSize', desiredCapacity: 'desiredCapacity' },
} as const;

/** The Terraform JSON name of a cdktf binding key: `acrRegistryInfo` → `acr_registry_info`. @internal */
export function terraformName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The owner map of a resource for `registerOwner` (src/rules/owners.ts): field name → prop, for `props` of a table's
 * `group` section. `name` turns a table entry into the field name the rule pack sees (terraformName for the Terraform tables).
 * @internal
 */
export function ownerFields<P extends string>(
  group: Readonly<Record<P, string>>, props: readonly P[], name: (field: string) => string = (f) => f,
): Record<string, string> {
  return Object.fromEntries(props.map((p) => [name(group[p]), p]));
}
