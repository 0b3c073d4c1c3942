import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ContainerDefinition, ImagePullPolicy, Probe, ProbeScheme, Volume } from '../../src';
import { PropValidator } from '../../src/core/validation';
import { validateContainers } from '../../src/eci/container-validation';

/** The problems `validateContainers` records, one line each (`prop: problem. Fix: fix.`); [] when none. */
function problems(containers: ContainerDefinition[] | undefined, volumes: Volume[] = []): string[] {
  const v = new PropValidator(new Construct(new App(), 'Scope'), 'Thing');
  validateContainers(v, 'containers', containers, volumes);
  try {
    v.throwIfAny();
  } catch (e) {
    return (e as Error).message.split('\n').slice(1).map((l) => l.replace(/^ {2}- /, ''));
  }
  return [];
}

const ok = (extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({ name: 'web', image: 'nginx', ...extra });

describe('containers', () => {
  test('none, or an empty list, is refused with an example', () => {
    const expected = ["containers: needs at least one container. Fix: add a container, e.g. containers: [{ name: 'web', image: 'nginx:alpine' }]."];
    expect(problems(undefined)).toEqual(expected);
    expect(problems([])).toEqual(expected);
  });

  test('a valid container has no problem', () => {
    expect(problems([ok({ name: 'ab' }), ok({ name: 'a'.repeat(128) })])).toEqual([]);
  });

  test.each(['a', 'a'.repeat(129), 'Web', 'web-', '-web', 'w_b'])('container name %s is refused, at its index', (name) => {
    expect(problems([ok(), ok({ name })])).toEqual([
      `containers[1].name: '${name}' is not a valid container name. Fix: use 2–128 lowercase letters, digits and hyphens, starting and ending with a letter or digit.`,
    ]);
  });

  test('two containers with one name: the second is reported', () => {
    expect(problems([ok(), ok({ image: 'x' })])).toEqual(["containers[1].name: 'web' is used by another container. Fix: give every container a unique name."]);
  });

  test('a name that is a token is not checked', () => {
    const token = new TerraformVariable(new TerraformStack(Testing.app(), 's'), 'n', { type: 'string' }).stringValue;
    expect(problems([ok({ name: token }), ok({ name: token })])).toEqual([]);
  });

  test('an empty or blank image is refused', () => {
    expect(problems([ok({ image: '' })])).toEqual(["containers[0].image: is empty. Fix: set an image, e.g. 'nginx:alpine'."]);
    expect(problems([ok({ image: '   ' })])).toEqual(["containers[0].image: is empty. Fix: set an image, e.g. 'nginx:alpine'."]);
  });

  test('cpu and memory must be finite and positive', () => {
    expect(problems([ok({ cpu: 0, memory: Infinity }), ok({ name: 'bb', cpu: -1, memory: 0.5 })])).toEqual([
      'containers[0].cpu: must be a finite number greater than 0, got 0. Fix: leave it unset or give a positive number.',
      'containers[0].memory: must be a finite number greater than 0, got Infinity. Fix: leave it unset or give a positive number.',
      'containers[1].cpu: must be a finite number greater than 0, got -1. Fix: leave it unset or give a positive number.',
    ]);
  });

  test('the pull policy, port numbers and protocols are checked, each at its path', () => {
    expect(problems([ok({ imagePullPolicy: 'Sometimes' as ImagePullPolicy, ports: [{ port: 80 }, { port: 0 }, { port: 65536, protocol: 'SCTP' as any }] })])).toEqual([
      "containers[0].imagePullPolicy: must be one of 'Always', 'IfNotPresent', 'Never', got 'Sometimes'. Fix: set containers[0].imagePullPolicy to one of 'Always', 'IfNotPresent', 'Never'.",
      'containers[0].ports[1].port: must be an integer from 1 to 65535, got 0. Fix: set containers[0].ports[1].port to a whole number between 1 and 65535.',
      'containers[0].ports[2].port: must be an integer from 1 to 65535, got 65536. Fix: set containers[0].ports[2].port to a whole number between 1 and 65535.',
      "containers[0].ports[2].protocol: must be one of 'TCP', 'UDP', got 'SCTP'. Fix: set containers[0].ports[2].protocol to one of 'TCP', 'UDP'.",
    ]);
  });

  test('environment variable names: letters, digits, _ . -, not starting with a digit, at most 128', () => {
    expect(problems([ok({ environment: { 'A_1': '', '_x': '', 'a.b-c': '', [`V${'x'.repeat(127)}`]: '' } })])).toEqual([]);
    expect(problems([ok({ environment: { '1X': '', 'A B': '', [`V${'x'.repeat(128)}`]: '' } })])).toEqual([
      "containers[0].environment: '1X' is not a valid variable name. Fix: use 1–128 letters, digits and underscores, not starting with a digit.",
      "containers[0].environment: 'A B' is not a valid variable name. Fix: use 1–128 letters, digits and underscores, not starting with a digit.",
      `containers[0].environment: 'V${'x'.repeat(128)}' is not a valid variable name. Fix: use 1–128 letters, digits and underscores, not starting with a digit.`,
    ]);
    // a bad name among the secret variables is reported at secretEnvironment (its value is never shown)
    expect(problems([ok({ secretEnvironment: { 'A B': '${var.secret}' } })])).toEqual([
      "containers[0].secretEnvironment: 'A B' is not a valid variable name. Fix: use 1–128 letters, digits and underscores, not starting with a digit.",
    ]);
  });

  test('mounts must name a volume of the group and use an absolute path', () => {
    const volumes = [Volume.emptyDir('cache'), Volume.emptyDir('tmp')];
    expect(problems([ok({ volumeMounts: [{ name: 'cache', mountPath: '/c' }, { name: 'data', mountPath: 'data/' }] })], volumes)).toEqual([
      "containers[0].volumeMounts[1].name: mounts 'data', which is not a volume of this group. Fix: declare it in volumes (known: cache, tmp).",
      "containers[0].volumeMounts[1].mountPath: 'data/' is not an absolute path. Fix: start the path with '/'.",
    ]);
    expect(problems([ok({ volumeMounts: [{ name: 'data', mountPath: '/d' }] })])).toEqual([
      "containers[0].volumeMounts[0].name: mounts 'data', which is not a volume of this group. Fix: declare it in volumes (known: none).",
    ]);
  });

  test('two volumes with one name: the second is reported', () => {
    expect(problems([ok()], [Volume.emptyDir('a'), Volume.emptyDir('b'), Volume.emptyDir('a')])).toEqual([
      "volumes[2].name: 'a' is used by another volume. Fix: give every volume a unique name.",
    ]);
  });
});

describe('probes', () => {
  test('a valid probe of each kind has no problem', () => {
    expect(problems([ok({ livenessProbe: Probe.httpGet({ port: 80 }), readinessProbe: Probe.exec(['true'], { periodSeconds: 86400 }) })])).toEqual([]);
  });

  test('ports, schemes, empty commands and every timing option are checked at the probe\'s path', () => {
    const options = { initialDelaySeconds: -1, periodSeconds: 0, timeoutSeconds: 86401, successThreshold: 101, failureThreshold: 0 };
    expect(problems([ok({
      livenessProbe: Probe.httpGet({ port: 0, scheme: 'FTP' as ProbeScheme, ...options }),
      readinessProbe: Probe.exec([], { periodSeconds: 1.5 }),
    })])).toEqual([
      'containers[0].livenessProbe.port: must be an integer from 1 to 65535, got 0. Fix: set containers[0].livenessProbe.port to a whole number between 1 and 65535.',
      "containers[0].livenessProbe.scheme: must be one of 'HTTP', 'HTTPS', got 'FTP'. Fix: set containers[0].livenessProbe.scheme to one of 'HTTP', 'HTTPS'.",
      'containers[0].livenessProbe.initialDelaySeconds: must be an integer from 0 to 86400, got -1. Fix: set containers[0].livenessProbe.initialDelaySeconds to a whole number between 0 and 86400.',
      'containers[0].livenessProbe.periodSeconds: must be an integer from 1 to 86400, got 0. Fix: set containers[0].livenessProbe.periodSeconds to a whole number between 1 and 86400.',
      'containers[0].livenessProbe.timeoutSeconds: must be an integer from 1 to 86400, got 86401. Fix: set containers[0].livenessProbe.timeoutSeconds to a whole number between 1 and 86400.',
      'containers[0].livenessProbe.successThreshold: must be an integer from 1 to 100, got 101. Fix: set containers[0].livenessProbe.successThreshold to a whole number between 1 and 100.',
      'containers[0].livenessProbe.failureThreshold: must be an integer from 1 to 100, got 0. Fix: set containers[0].livenessProbe.failureThreshold to a whole number between 1 and 100.',
      "containers[0].readinessProbe.commands: is empty. Fix: give the command to run, e.g. Probe.exec(['cat', '/tmp/healthy']).",
      'containers[0].readinessProbe.periodSeconds: must be an integer from 1 to 86400, got 1.5. Fix: set containers[0].readinessProbe.periodSeconds to a whole number between 1 and 86400.',
    ]);
  });

  test('a tcpSocket probe\'s port is checked; a token command list is not', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const commands = new TerraformVariable(stack, 'c', { type: 'list(string)' }).listValue;
    expect(problems([ok({ readinessProbe: Probe.tcpSocket(70000), livenessProbe: Probe.exec(commands) })])).toEqual([
      'containers[0].readinessProbe.port: must be an integer from 1 to 65535, got 70000. Fix: set containers[0].readinessProbe.port to a whole number between 1 and 65535.',
    ]);
  });
});
