import { ContainerDefinition, Probe, ProbeScheme, Volume } from '../../src';
import {
  toEssContainers, toEssVolumes, toNativeContainers, toNativeVolumes, toRosContainers, toRosVolumes,
} from '../../src/eci/container-mapping';

/** The keys of an object whose values are set. */
function defined(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

const timing = { initialDelaySeconds: 1, periodSeconds: 2, timeoutSeconds: 3, successThreshold: 4, failureThreshold: 5 };
const http = Probe.httpGet({ port: 8080, path: '/health/${x}', scheme: ProbeScheme.HTTPS, ...timing });
const tcp = Probe.tcpSocket(9090, { periodSeconds: 7 });
const exec = Probe.exec(['sh', '-c', 'test -f /tmp/${ok}']);
const container = (livenessProbe?: Probe, readinessProbe?: Probe): ContainerDefinition => ({ name: 'web', image: 'nginx', livenessProbe, readinessProbe });

describe('probes on the ESS backend (flattened fields)', () => {
  test('an HTTP liveness probe and a TCP readiness probe fill only their own fields', () => {
    expect(defined(toEssContainers([container(http, tcp)])[0])).toEqual({
      name: 'web',
      image: 'nginx',
      imagePullPolicy: 'IfNotPresent',
      livenessProbeInitialDelaySeconds: 1,
      livenessProbePeriodSeconds: 2,
      livenessProbeTimeoutSeconds: 3,
      livenessProbeSuccessThreshold: 4,
      livenessProbeFailureThreshold: 5,
      livenessProbeHttpGetPath: '/health/$${x}',
      livenessProbeHttpGetPort: 8080,
      livenessProbeHttpGetScheme: 'HTTPS',
      readinessProbePeriodSeconds: 7,
      readinessProbeTcpSocketPort: 9090,
    });
  });

  test('an exec probe fills the command (escaped), nothing else', () => {
    expect(defined(toEssContainers([container(undefined, exec)])[0])).toEqual({
      name: 'web', image: 'nginx', imagePullPolicy: 'IfNotPresent', readinessProbeExecCommands: ['sh', '-c', 'test -f /tmp/$${ok}'],
    });
  });
});

describe('probes on the native backend (one block each)', () => {
  test('each kind fills its own sub-block', () => {
    const c = toNativeContainers([container(http, tcp)])[0] as any;
    expect(c.livenessProbe).toHaveLength(1);
    expect(defined(c.livenessProbe[0])).toEqual({ ...timing, httpGet: [{ path: '/health/$${x}', port: 8080, scheme: 'HTTPS' }] });
    expect(defined(c.readinessProbe[0])).toEqual({ periodSeconds: 7, tcpSocket: [{ port: 9090 }] });
    const e = toNativeContainers([container(exec)])[0] as any;
    expect(defined(e.livenessProbe[0])).toEqual({ exec: [{ commands: ['sh', '-c', 'test -f /tmp/$${ok}'] }] });
    expect(e.readinessProbe).toBeUndefined();
  });
});

describe('probes on the ROS backend (dotted keys, the template is escaped as a whole)', () => {
  test('each kind has only its own keys', () => {
    const c = toRosContainers([container(http, tcp)])[0] as any;
    expect(c.LivenessProbe).toEqual({
      'InitialDelaySeconds': 1,
      'PeriodSeconds': 2,
      'TimeoutSeconds': 3,
      'SuccessThreshold': 4,
      'FailureThreshold': 5,
      'HttpGet.Path': '/health/${x}',
      'HttpGet.Port': 8080,
      'HttpGet.Scheme': 'HTTPS',
    });
    expect(c.ReadinessProbe).toEqual({ 'PeriodSeconds': 7, 'TcpSocket.Port': 9090 });
    expect((toRosContainers([container(undefined, exec)])[0] as any).ReadinessProbe).toEqual({ 'Exec.Command': ['sh', '-c', 'test -f /tmp/${ok}'] });
  });

  test('environment variables are sorted by name on ROS too', () => {
    const c = toRosContainers([{ name: 'web', image: 'nginx', environment: { Z: '1', A: '2', M: '3' } }])[0] as any;
    expect(c.EnvironmentVar).toEqual([{ Key: 'A', Value: '2' }, { Key: 'M', Value: '3' }, { Key: 'Z', Value: '1' }]);
  });
});

describe('volumes', () => {
  const volumes = [Volume.emptyDir('cache'), Volume.nfs('data', { server: 'nas.example', path: '/exports/${team}', readOnly: true })];

  test('native and ESS: the NFS fields, with ${ kept literal', () => {
    const expected = [
      { name: 'cache', type: 'EmptyDirVolume' },
      { name: 'data', type: 'NFSVolume', nfsVolumeServer: 'nas.example', nfsVolumePath: '/exports/$${team}', nfsVolumeReadOnly: true },
    ];
    expect(toNativeVolumes(volumes).map(defined)).toEqual(expected);
    expect(toEssVolumes(volumes).map(defined)).toEqual(expected);
  });

  test('ROS: dotted NFSVolume keys, unset ones left out', () => {
    expect(toRosVolumes(volumes)).toEqual([
      { Name: 'cache', Type: 'EmptyDirVolume' },
      { 'Name': 'data', 'Type': 'NFSVolume', 'NFSVolume.Server': 'nas.example', 'NFSVolume.Path': '/exports/${team}', 'NFSVolume.ReadOnly': true },
    ]);
  });
});
