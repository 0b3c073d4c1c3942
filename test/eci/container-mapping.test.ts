import { ContainerDefinition, ContainerProtocol, ImagePullPolicy, Probe, ProbeScheme, Volume } from '../../src';
import { toEssContainers, toNativeContainers, toRosContainers } from '../../src/eci/container-mapping';

/** One container, every field set: the three backends must say the same thing about it. */
const rich: ContainerDefinition = {
  name: 'web',
  image: 'nginx:1.27-alpine',
  cpu: 0.5,
  memory: 1,
  commands: ['/docker-entrypoint.sh'],
  args: ['nginx', '-g', 'daemon off;'],
  ports: [{ port: 80 }, { port: 53, protocol: ContainerProtocol.UDP }],
  environment: { B_VAR: '2', A_VAR: '1' },
  workingDir: '/srv',
  imagePullPolicy: ImagePullPolicy.ALWAYS,
  volumeMounts: [{ name: 'cache', mountPath: '/var/cache/nginx' }],
  livenessProbe: Probe.httpGet({ port: 80, path: '/healthz', periodSeconds: 5, failureThreshold: 4 }),
  readinessProbe: Probe.tcpSocket(80, { initialDelaySeconds: 2 }),
};

/** A backend-neutral view of a container, for comparing the mappings. */
interface Canon {
  name: unknown;
  image: unknown;
  cpu: unknown;
  memory: unknown;
  commands: unknown;
  args: unknown;
  workingDir: unknown;
  pull: unknown;
  ports: unknown;
  env: unknown;
  mounts: unknown;
  liveness: unknown;
  readiness: unknown;
}

function fromNative(c: any): Canon {
  const probe = (p: any) => p && {
    period: p[0].periodSeconds,
    initialDelay: p[0].initialDelaySeconds,
    failure: p[0].failureThreshold,
    httpPath: p[0].httpGet?.[0].path,
    httpPort: p[0].httpGet?.[0].port,
    scheme: p[0].httpGet?.[0].scheme,
    tcpPort: p[0].tcpSocket?.[0].port,
  };
  return {
    name: c.name,
    image: c.image,
    cpu: c.cpu,
    memory: c.memory,
    commands: c.commands,
    args: c.args,
    workingDir: c.workingDir,
    pull: c.imagePullPolicy,
    ports: c.ports,
    env: c.environmentVars,
    mounts: c.volumeMounts,
    liveness: probe(c.livenessProbe),
    readiness: probe(c.readinessProbe),
  };
}

function fromEss(c: any): Canon {
  const probe = (k: 'liveness' | 'readiness') => ({
    period: c[`${k}ProbePeriodSeconds`],
    initialDelay: c[`${k}ProbeInitialDelaySeconds`],
    failure: c[`${k}ProbeFailureThreshold`],
    httpPath: c[`${k}ProbeHttpGetPath`],
    httpPort: c[`${k}ProbeHttpGetPort`],
    scheme: c[`${k}ProbeHttpGetScheme`],
    tcpPort: c[`${k}ProbeTcpSocketPort`],
  });
  return {
    name: c.name,
    image: c.image,
    cpu: c.cpu,
    memory: c.memory,
    commands: c.commands,
    args: c.args,
    workingDir: c.workingDir,
    pull: c.imagePullPolicy,
    ports: c.ports,
    env: c.environmentVars,
    mounts: c.volumeMounts,
    liveness: probe('liveness'),
    readiness: probe('readiness'),
  };
}

function fromRos(c: any): Canon {
  const probe = (p: any) => p && {
    period: p.PeriodSeconds,
    initialDelay: p.InitialDelaySeconds,
    failure: p.FailureThreshold,
    httpPath: p['HttpGet.Path'],
    httpPort: p['HttpGet.Port'],
    scheme: p['HttpGet.Scheme'],
    tcpPort: p['TcpSocket.Port'],
  };
  return {
    name: c.Name,
    image: c.Image,
    cpu: c.Cpu,
    memory: c.Memory,
    commands: c.Command,
    args: c.Arg,
    workingDir: c.WorkingDir,
    pull: c.ImagePullPolicy,
    ports: c.Port?.map((p: any) => ({ port: p.Port, protocol: p.Protocol })),
    env: c.EnvironmentVar?.map((e: any) => ({ key: e.Key, value: e.Value })),
    mounts: c.VolumeMount?.map((m: any) => ({ name: m.Name, mountPath: m.MountPath, readOnly: m.ReadOnly })),
    liveness: probe(c.LivenessProbe),
    readiness: probe(c.ReadinessProbe),
  };
}

describe('one container spec, three backends', () => {
  const native = fromNative(toNativeContainers([rich])[0]);
  const ess = fromEss(toEssContainers([rich])[0]);
  const ros = fromRos(toRosContainers([rich])[0]);

  test('native, ESS and ROS mappings carry the same container', () => {
    expect(ess).toEqual(native);
    expect(ros).toEqual(native);
  });

  test('the shared view has the values the user gave (not just agreement)', () => {
    expect(native.ports).toEqual([{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]);
    expect(native.env).toEqual([{ key: 'A_VAR', value: '1' }, { key: 'B_VAR', value: '2' }]);
    expect(native.liveness).toMatchObject({ httpPath: '/healthz', httpPort: 80, scheme: ProbeScheme.HTTP, period: 5, failure: 4 });
    expect(native.readiness).toMatchObject({ tcpPort: 80, initialDelay: 2, httpPath: undefined });
    expect(native.pull).toBe('Always');
  });

  test('defaults: TCP ports, IfNotPresent pulls, read-write mounts', () => {
    const minimal: ContainerDefinition = { name: 'app', image: 'busybox', ports: [{ port: 8080 }], volumeMounts: [{ name: 'v', mountPath: '/v' }] };
    for (const c of [fromNative(toNativeContainers([minimal])[0]), fromEss(toEssContainers([minimal])[0]), fromRos(toRosContainers([minimal])[0])]) {
      expect(c.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
      expect(c.pull).toBe('IfNotPresent');
      expect(c.mounts).toEqual([{ name: 'v', mountPath: '/v', readOnly: false }]);
    }
  });

  test('ROS probes use the dotted keys of the ROS specification', () => {
    const ros0 = toRosContainers([{ name: 'x1', image: 'busybox', livenessProbe: Probe.exec(['cat', '/tmp/ok']) }])[0] as any;
    expect(ros0.LivenessProbe).toEqual({ 'Exec.Command': ['cat', '/tmp/ok'] });
  });

  test('volumes are value objects with the ECI type names', () => {
    expect(Volume.emptyDir('cache').type).toBe('EmptyDirVolume');
    const nfs = Volume.nfs('data', { server: 'nas.example', path: '/' });
    expect([nfs.type, nfs.nfsServer, nfs.nfsPath, nfs.nfsReadOnly]).toEqual(['NFSVolume', 'nas.example', '/', false]);
  });
});
