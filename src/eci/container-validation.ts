/**
 * Validation of the container spec: containers, their ports, environment, volume mounts and probes, and the
 * group's volumes. The construct-level checks, which call this one, are in validation.ts.
 */
import { Token } from 'cdktf';
import { ContainerDefinition, ContainerProtocol, ImagePullPolicy, Probe, ProbeScheme } from './container';
import { imageReferenceProblem } from './image-reference';
import { Volume } from './volume';
import { PropValidator, quote } from '../core/validation';

const CONTAINER_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const lit = (v: unknown): boolean => v !== undefined && !Token.isUnresolved(v);

/** Records every problem of `containers` (and their volumes) on `v`, under prop `prop`. */
export function validateContainers(v: PropValidator, prop: string, containers: ContainerDefinition[] | undefined, volumes: Volume[] = []): void {
  if (!containers || containers.length === 0) {
    v.add(prop, 'needs at least one container', `add a container, e.g. ${prop}: [{ name: 'web', image: 'nginx:alpine' }]`);
    return;
  }
  const names = new Set<string>();
  const volumeNames = new Set(volumes.map((vol) => vol.name));
  containers.forEach((c, i) => {
    const p = `${prop}[${i}]`;
    if (lit(c.name)) {
      if (c.name.length < 2 || c.name.length > 128 || !CONTAINER_NAME.test(c.name)) {
        v.add(`${p}.name`, `${quote(c.name)} is not a valid container name`, 'use 2–128 lowercase letters, digits and hyphens, starting and ending with a letter or digit');
      }
      if (names.has(c.name)) v.add(`${p}.name`, `${quote(c.name)} is used by another container`, 'give every container a unique name');
      names.add(c.name);
    }
    if (lit(c.image) && c.image.trim() === '') {
      v.add(`${p}.image`, 'is empty', "set an image, e.g. 'nginx:alpine'");
    } else if (lit(c.image)) {
      const bad = imageReferenceProblem(c.image, () => quote(c.image)); // quoted only for a message (most images are fine)
      if (bad) v.add(`${p}.image`, bad.problem, bad.fix);
    }
    positive(v, `${p}.cpu`, c.cpu);
    positive(v, `${p}.memory`, c.memory);
    v.oneOf(`${p}.imagePullPolicy`, c.imagePullPolicy, Object.values(ImagePullPolicy));
    (c.ports ?? []).forEach((port, j) => {
      v.integerInRange(`${p}.ports[${j}].port`, port.port, 1, 65535);
      v.oneOf(`${p}.ports[${j}].protocol`, port.protocol, Object.values(ContainerProtocol));
    });
    for (const envProp of ['environment', 'secretEnvironment'] as const) {
      for (const key of Object.keys(c[envProp] ?? {})) {
        if (!Token.isUnresolved(key) && (key.length > 128 || !ENV_NAME.test(key))) {
          v.add(`${p}.${envProp}`, `${quote(key)} is not a valid variable name`, 'use 1–128 letters, digits and underscores, not starting with a digit');
        }
      }
    }
    (c.volumeMounts ?? []).forEach((m, j) => {
      if (lit(m.name) && !volumeNames.has(m.name)) {
        v.add(`${p}.volumeMounts[${j}].name`, `mounts ${quote(m.name)}, which is not a volume of this group`, `declare it in volumes (known: ${[...volumeNames].join(', ') || 'none'})`);
      }
      if (lit(m.mountPath) && !m.mountPath.startsWith('/')) {
        v.add(`${p}.volumeMounts[${j}].mountPath`, `${quote(m.mountPath)} is not an absolute path`, "start the path with '/'");
      }
    });
    validateProbe(v, `${p}.livenessProbe`, c.livenessProbe);
    validateProbe(v, `${p}.readinessProbe`, c.readinessProbe);
  });
  const vn = new Set<string>();
  volumes.forEach((vol, i) => {
    if (vn.has(vol.name)) v.add(`volumes[${i}].name`, `${quote(vol.name)} is used by another volume`, 'give every volume a unique name');
    vn.add(vol.name);
  });
}

function positive(v: PropValidator, prop: string, value: number | undefined): void {
  if (lit(value) && !(Number.isFinite(value) && value! > 0)) v.add(prop, `must be a finite number greater than 0, got ${value}`, 'leave it unset or give a positive number');
}

function validateProbe(v: PropValidator, prop: string, probe: Probe | undefined): void {
  if (!probe) return;
  if (probe.port !== undefined) v.integerInRange(`${prop}.port`, probe.port, 1, 65535);
  v.oneOf(`${prop}.scheme`, probe.scheme, Object.values(ProbeScheme));
  if (probe.commands !== undefined && !Token.isUnresolved(probe.commands) && probe.commands.length === 0) {
    v.add(`${prop}.commands`, 'is empty', 'give the command to run, e.g. Probe.exec([\'cat\', \'/tmp/healthy\'])');
  }
  const o = probe.options;
  v.integerInRange(`${prop}.initialDelaySeconds`, o.initialDelaySeconds, 0, 86400);
  v.integerInRange(`${prop}.periodSeconds`, o.periodSeconds, 1, 86400);
  v.integerInRange(`${prop}.timeoutSeconds`, o.timeoutSeconds, 1, 86400);
  v.integerInRange(`${prop}.successThreshold`, o.successThreshold, 1, 100);
  v.integerInRange(`${prop}.failureThreshold`, o.failureThreshold, 1, 100);
}
