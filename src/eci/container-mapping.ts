/**
 * The three mappings of the container spec: native `alicloud_eci_container_group`, ROS
 * `ALIYUN::ECI::ContainerGroup`, ESS `alicloud_ess_eci_scaling_configuration`. The field names come from the
 * backends' tables (src/schema/eci-fields.ts); the validation of the spec is in container-validation.ts.
 * Tests compare the three mappings with each other (test/eci/container-mapping.test.ts).
 */
import { Token } from 'cdktf';
import { ContainerDefinition, ContainerProtocol, ImagePullPolicy, Probe } from './container';
import { AcrInstance, RegistryProps } from './registry';
import { Volume } from './volume';
import { literalText } from '../core/terraform-text';
import * as eci from '../providers/alicloud/eci-container-group';
import * as ess from '../providers/alicloud/ess-eci-scaling-configuration';
import { ESS_ECI, NATIVE_ECI, ROS_ECI } from '../schema/eci-fields';

/**
 * Literal text for a Terraform JSON string: `${` and `%{` in user text (`echo ${HOME}`) must stay literal,
 * as they do in the ROS backend, whose whole template is escaped. Tokens are left alone.
 */
const esc = literalText;
function escAll(list: string[] | undefined): string[] | undefined {
  return list === undefined || Token.isUnresolved(list) ? list : list.map((x) => esc(x));
}

/** `environment` and `secretEnvironment` together, sorted by name (secret values are tokens, never escaped). */
function envList(c: ContainerDefinition, escape: (s: string) => string = (s) => s): Array<{ key: string; value: string }> {
  const all = { ...(c.environment ?? {}), ...(c.secretEnvironment ?? {}) };
  return Object.keys(all).sort().map((key) => ({ key, value: escape(all[key]) }));
}

function hasEnv(c: ContainerDefinition): boolean {
  return c.environment !== undefined || c.secretEnvironment !== undefined;
}

/** The ports of a container, with the field names of the native resource and the ESS configuration (the ROS mapping renames them). */
function ports(c: ContainerDefinition): Array<{ port: number; protocol: string }> | undefined {
  const { port, protocol } = NATIVE_ECI.port;
  return c.ports?.map((p) => ({ [port]: p.port, [protocol]: p.protocol ?? ContainerProtocol.TCP }));
}

function nativeProbe(p: Probe | undefined): eci.EciContainerGroupContainersLivenessProbe[] | undefined {
  if (!p) return undefined;
  return [{
    initialDelaySeconds: p.options.initialDelaySeconds,
    periodSeconds: p.options.periodSeconds,
    timeoutSeconds: p.options.timeoutSeconds,
    successThreshold: p.options.successThreshold,
    failureThreshold: p.options.failureThreshold,
    httpGet: p.kind === 'httpGet' ? [{ path: esc(p.path), port: p.port, scheme: p.scheme }] : undefined,
    tcpSocket: p.kind === 'tcpSocket' ? [{ port: p.port }] : undefined,
    exec: p.kind === 'exec' ? [{ commands: escAll(p.commands) }] : undefined,
  }];
}

/**
 * The fields that the native resource and the ESS configuration write the same way (Terraform attribute
 * names in camelCase, literal text escaped).
 */
function terraformContainerFields(c: ContainerDefinition) {
  return {
    name: c.name,
    [NATIVE_ECI.container.image]: esc(c.image),
    cpu: c.cpu,
    memory: c.memory,
    commands: escAll(c.commands),
    args: escAll(c.args),
    workingDir: esc(c.workingDir),
    imagePullPolicy: c.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT,
    [NATIVE_ECI.container.ports]: ports(c),
    environmentVars: hasEnv(c) ? envList(c, esc) : undefined,
    volumeMounts: c.volumeMounts?.map((m) => ({ name: m.name, mountPath: esc(m.mountPath), readOnly: m.readOnly ?? false })),
  };
}

/** Native `alicloud_eci_container_group.containers`. */
export function toNativeContainers(containers: ContainerDefinition[]): eci.EciContainerGroupContainers[] {
  return containers.map((c) => ({
    ...terraformContainerFields(c),
    livenessProbe: nativeProbe(c.livenessProbe),
    readinessProbe: nativeProbe(c.readinessProbe),
  }));
}

/** Native `alicloud_eci_container_group.volumes`. */
export function toNativeVolumes(volumes: Volume[]): eci.EciContainerGroupVolumes[] {
  return volumes.map((v) => ({
    name: v.name,
    type: v.type,
    nfsVolumeServer: esc(v.nfsServer),
    nfsVolumePath: esc(v.nfsPath),
    nfsVolumeReadOnly: v.nfsReadOnly,
  }));
}

function flatProbe(prefix: 'liveness' | 'readiness', p: Probe | undefined): Record<string, unknown> {
  if (!p) return {};
  return {
    [`${prefix}ProbeInitialDelaySeconds`]: p.options.initialDelaySeconds,
    [`${prefix}ProbePeriodSeconds`]: p.options.periodSeconds,
    [`${prefix}ProbeTimeoutSeconds`]: p.options.timeoutSeconds,
    [`${prefix}ProbeSuccessThreshold`]: p.options.successThreshold,
    [`${prefix}ProbeFailureThreshold`]: p.options.failureThreshold,
    [`${prefix}ProbeHttpGetPath`]: p.kind === 'httpGet' ? esc(p.path) : undefined,
    [`${prefix}ProbeHttpGetPort`]: p.kind === 'httpGet' ? p.port : undefined,
    [`${prefix}ProbeHttpGetScheme`]: p.kind === 'httpGet' ? p.scheme : undefined,
    [`${prefix}ProbeTcpSocketPort`]: p.kind === 'tcpSocket' ? p.port : undefined,
    [`${prefix}ProbeExecCommands`]: p.kind === 'exec' ? escAll(p.commands) : undefined,
  };
}

/** ESS `alicloud_ess_eci_scaling_configuration.containers` (probes are flattened there). */
export function toEssContainers(containers: ContainerDefinition[]): ess.EssEciScalingConfigurationContainers[] {
  return containers.map((c) => ({
    ...terraformContainerFields(c),
    ...flatProbe('liveness', c.livenessProbe),
    ...flatProbe('readiness', c.readinessProbe),
  }));
}

/** ESS `alicloud_ess_eci_scaling_configuration.volumes`. */
export function toEssVolumes(volumes: Volume[]): ess.EssEciScalingConfigurationVolumes[] {
  return toNativeVolumes(volumes);
}

function rosProbe(p: Probe | undefined): Record<string, unknown> | undefined {
  if (!p) return undefined;
  // Dotted keys, as in the ROS resource specification and the ECI API (ros-eci-containergroup.md §4.2).
  return dropUndefined({
    'InitialDelaySeconds': p.options.initialDelaySeconds,
    'PeriodSeconds': p.options.periodSeconds,
    'TimeoutSeconds': p.options.timeoutSeconds,
    'SuccessThreshold': p.options.successThreshold,
    'FailureThreshold': p.options.failureThreshold,
    'HttpGet.Path': p.kind === 'httpGet' ? p.path : undefined,
    'HttpGet.Port': p.kind === 'httpGet' ? p.port : undefined,
    'HttpGet.Scheme': p.kind === 'httpGet' ? p.scheme : undefined,
    'TcpSocket.Port': p.kind === 'tcpSocket' ? p.port : undefined,
    'Exec.Command': p.kind === 'exec' ? p.commands : undefined,
  });
}

/** ROS `ALIYUN::ECI::ContainerGroup.Container`. */
export function toRosContainers(containers: ContainerDefinition[]): Array<Record<string, unknown>> {
  const { container, port } = ROS_ECI;
  return containers.map((c) => dropUndefined({
    Name: c.name,
    [container.image]: c.image,
    Cpu: c.cpu,
    Memory: c.memory,
    Command: c.commands,
    Arg: c.args,
    WorkingDir: c.workingDir,
    ImagePullPolicy: c.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT,
    [container.ports]: ports(c)?.map((p) => ({ [port.port]: p.port, [port.protocol]: p.protocol })),
    EnvironmentVar: hasEnv(c) ? envList(c).map((e) => ({ Key: e.key, Value: e.value })) : undefined,
    VolumeMount: c.volumeMounts?.map((m) => ({ Name: m.name, MountPath: m.mountPath, ReadOnly: m.readOnly ?? false })),
    LivenessProbe: rosProbe(c.livenessProbe),
    ReadinessProbe: rosProbe(c.readinessProbe),
  }));
}

/** ROS `ALIYUN::ECI::ContainerGroup.Volume`. */
export function toRosVolumes(volumes: Volume[]): Array<Record<string, unknown>> {
  return volumes.map((v) => dropUndefined({
    'Name': v.name,
    'Type': v.type,
    'NFSVolume.Server': v.nfsServer,
    'NFSVolume.Path': v.nfsPath,
    'NFSVolume.ReadOnly': v.nfsReadOnly,
  }));
}

/** The private-registry settings of a group, as the three backends write them. */
export type RegistryMappingInput = Omit<RegistryProps, 'containers'>;

function tfAcr(a: AcrInstance): eci.EciContainerGroupAcrRegistryInfo {
  const f = NATIVE_ECI.acr; // ESS names them alike
  return { [f.instanceId]: a.instanceId, [f.instanceName]: esc(a.instanceName), [f.regionId]: a.regionId, [f.domains]: a.domains };
}

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

/**
 * Native `alicloud_eci_container_group`: `acr_registry_info`, `image_registry_credential`, `ram_role_name`,
 * `auto_match_image_cache` (provider 1.289.0; the resource has no image snapshot argument).
 */
export function toNativeRegistry(
  r: RegistryMappingInput,
): Pick<eci.EciContainerGroupConfig, 'acrRegistryInfo' | 'imageRegistryCredential' | 'ramRoleName' | 'autoMatchImageCache'> {
  const { group: f, credential } = NATIVE_ECI;
  return dropUndefined({
    [f.acrInstances]: nonEmpty(r.acrInstances)?.map(tfAcr),
    [f.imageRegistryCredentials]: nonEmpty(r.imageRegistryCredentials)?.map((c) => ({
      [credential.server]: esc(c.server), [credential.userName]: esc(c.userName), [credential.password]: c.password,
    })),
    [f.ramRoleName]: r.ramRoleName,
    [f.autoMatchImageCache]: r.autoMatchImageCache,
  });
}

/**
 * ESS `alicloud_ess_eci_scaling_configuration`: `acr_registry_infos`, `image_registry_credentials` (with
 * `username`, not `user_name`), `ram_role_name`, `auto_match_image_cache`, `image_snapshot_id`.
 */
export function toEssRegistry(
  r: RegistryMappingInput,
): Pick<ess.EssEciScalingConfigurationConfig, 'acrRegistryInfos' | 'imageRegistryCredentials' | 'ramRoleName' | 'autoMatchImageCache' | 'imageSnapshotId'> {
  const { group: f, credential } = ESS_ECI;
  return dropUndefined({
    [f.acrInstances]: nonEmpty(r.acrInstances)?.map(tfAcr),
    [f.imageRegistryCredentials]: nonEmpty(r.imageRegistryCredentials)?.map((c) => ({
      [credential.server]: esc(c.server), [credential.userName]: esc(c.userName), [credential.password]: c.password,
    })),
    [f.ramRoleName]: r.ramRoleName,
    [f.autoMatchImageCache]: r.autoMatchImageCache,
    [f.imageSnapshotId]: r.imageSnapshotId,
  });
}

/**
 * ROS `ALIYUN::ECI::ContainerGroup`: `AcrRegistryInfo` (with `Domain`), `ImageRegistryCredential`,
 * `RamRoleName`, `AutoMatchImageCache`, `ImageSnapshotId` (ros-eci-containergroup.md §4.1, §4.2).
 */
export function toRosRegistry(r: RegistryMappingInput): Record<string, unknown> {
  const { group: f, acr, credential } = ROS_ECI;
  return dropUndefined({
    [f.acrInstances]: nonEmpty(r.acrInstances)?.map((a) => dropUndefined({
      [acr.instanceId]: a.instanceId, [acr.instanceName]: a.instanceName, [acr.regionId]: a.regionId, [acr.domains]: a.domains,
    })),
    [f.imageRegistryCredentials]: nonEmpty(r.imageRegistryCredentials)?.map((c) => ({
      [credential.server]: c.server, [credential.userName]: c.userName, [credential.password]: c.password,
    })),
    [f.ramRoleName]: r.ramRoleName,
    [f.autoMatchImageCache]: r.autoMatchImageCache,
    [f.imageSnapshotId]: r.imageSnapshotId,
  });
}

/** `o` without its undefined entries (a ROS template property left unset is left out, not written as null). @internal */
export function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
