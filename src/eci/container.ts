/**
 * The container spec, modelled once. `container-mapping.ts` maps it to each backend:
 * the native `alicloud_eci_container_group`, the ROS `ALIYUN::ECI::ContainerGroup` template,
 * and the ESS `alicloud_ess_eci_scaling_configuration`. `container-validation.ts` checks it.
 */
import { brandClass, hasBrand } from '../core/brand';
import { PropValidator } from '../core/validation';

/** Restart policy of the containers of a group. */
export enum RestartPolicy {
  /** Always restart (services). */
  ALWAYS = 'Always',
  /** Restart only after a failure (jobs). */
  ON_FAILURE = 'OnFailure',
  /** Never restart (one-shot tasks). */
  NEVER = 'Never',
}

/** Protocol of a container port. */
export enum ContainerProtocol {
  /** TCP. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
}

/** When the image is pulled. */
export enum ImagePullPolicy {
  /** Pull on every start. */
  ALWAYS = 'Always',
  /** Pull only when the image is not cached. */
  IF_NOT_PRESENT = 'IfNotPresent',
  /** Never pull; the image must be cached. */
  NEVER = 'Never',
}

/** A port the container listens on. */
export interface ContainerPort {
  /** Port number, 1–65535. */
  readonly port: number;
  /**
   * Protocol.
   * @default ContainerProtocol.TCP
   */
  readonly protocol?: ContainerProtocol;
}

/** Mounts a volume of the container group into the container. */
export interface ContainerVolumeMount {
  /** Name of the volume. */
  readonly name: string;
  /** Path in the container. */
  readonly mountPath: string;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}

/** Scheme of an HTTP probe. */
export enum ProbeScheme {
  /** Plain HTTP. */
  HTTP = 'HTTP',
  /** HTTPS. */
  HTTPS = 'HTTPS',
}

/** Timing of a probe (Kubernetes semantics). */
export interface ProbeOptions {
  /**
   * Seconds after the container starts before the first check.
   * @default - ECI default (0)
   */
  readonly initialDelaySeconds?: number;
  /**
   * Seconds between checks (at least 1).
   * @default - ECI default (10)
   */
  readonly periodSeconds?: number;
  /**
   * Seconds until a check times out (at least 1).
   * @default - ECI default (1)
   */
  readonly timeoutSeconds?: number;
  /**
   * Consecutive successes after a failure to count as healthy.
   * @default - ECI default (1)
   */
  readonly successThreshold?: number;
  /**
   * Consecutive failures to count as unhealthy.
   * @default - ECI default (3)
   */
  readonly failureThreshold?: number;
}

/** Options of an HTTP GET probe. */
export interface HttpGetProbeOptions extends ProbeOptions {
  /** Port to send the request to. */
  readonly port: number;
  /**
   * Path to request.
   * @default '/'
   */
  readonly path?: string;
  /**
   * Scheme.
   * @default ProbeScheme.HTTP
   */
  readonly scheme?: ProbeScheme;
}

/** A liveness or readiness probe: HTTP GET, TCP socket or a command. */
export class Probe {
  /**
   * Whether `x` is a Probe, also one made by another copy of this library in node_modules (checked by a
   * `Symbol.for` brand, as the CDK core's `TerraformStack.isStack` does, not by `instanceof`).
   * @param x any value
   */
  public static isProbe(x: any): x is Probe {
    return hasBrand(x, 'Probe');
  }

  /** Probe with an HTTP GET request. */
  public static httpGet(options: HttpGetProbeOptions): Probe {
    const v = new PropValidator(undefined, 'Probe.httpGet');
    if (v.isObject('options', options, { required: true, example: "{ port: 80, path: '/healthz' }" })) {
      v.isNumber('options.port', options.port, { required: true, example: '80' });
      v.isString('options.path', options.path, { example: "'/healthz'" });
      v.isString('options.scheme', options.scheme, { example: 'ProbeScheme.HTTPS' });
      checkProbeOptions(v, options);
    }
    v.throwIfAny();
    return new Probe('httpGet', options, { path: options.path ?? '/', port: options.port, scheme: options.scheme ?? ProbeScheme.HTTP });
  }

  /** Probe by opening a TCP connection to `port`. */
  public static tcpSocket(port: number, options: ProbeOptions = {}): Probe {
    const v = new PropValidator(undefined, 'Probe.tcpSocket');
    v.isNumber('port', port, { required: true, example: '80' });
    if (v.isObject('options', options)) checkProbeOptions(v, options);
    v.throwIfAny();
    return new Probe('tcpSocket', options, { port });
  }

  /** Probe by running a command in the container (exit code 0 = healthy). */
  public static exec(commands: string[], options: ProbeOptions = {}): Probe {
    const v = new PropValidator(undefined, 'Probe.exec');
    v.isStringList('commands', commands, { required: true, example: "['cat', '/tmp/healthy']" });
    if (v.isObject('options', options)) checkProbeOptions(v, options);
    v.throwIfAny();
    return new Probe('exec', options, { commands });
  }

  /** `httpGet`, `tcpSocket` or `exec`. */
  public readonly kind: string;
  /** Timing options. */
  public readonly options: ProbeOptions;
  /** HTTP path (httpGet only). */
  public readonly path?: string;
  /** Port (httpGet and tcpSocket). */
  public readonly port?: number;
  /** Scheme (httpGet only). */
  public readonly scheme?: ProbeScheme;
  /** Command (exec only). */
  public readonly commands?: string[];

  private constructor(kind: string, options: ProbeOptions, target: { path?: string; port?: number; scheme?: ProbeScheme; commands?: string[] }) {
    this.kind = kind;
    this.options = options;
    this.path = target.path;
    this.port = target.port;
    this.scheme = target.scheme;
    this.commands = target.commands;
  }
}
brandClass(Probe, 'Probe');

/** One container of a container group. */
export interface ContainerDefinition {
  /** Container name: lowercase letters, digits and hyphens, 2–128 characters, unique in the group. */
  readonly name: string;
  /** Image, for example `nginx:1.27-alpine` or `registry.cn-huhehaote.aliyuncs.com/ns/app:1.0`. */
  readonly image: string;
  /**
   * vCPUs for this container.
   * @default - shares the group's vCPUs
   */
  readonly cpu?: number;
  /**
   * Memory for this container, GiB.
   * @default - shares the group's memory
   */
  readonly memory?: number;
  /**
   * Command (entrypoint). The ROS backend (used for IPv6) takes at most one item: put the program
   * here and its arguments in `args`.
   * @default - the image's entrypoint
   */
  readonly commands?: string[];
  /**
   * Arguments to the command.
   * @default - the image's arguments
   */
  readonly args?: string[];
  /**
   * Ports the container listens on. Opening them to clients is the security group's job.
   * @default - none
   */
  readonly ports?: ContainerPort[];
  /**
   * Environment variables (name → value). Values are written to the plan in plain text: never
   * put secrets here (use `secretEnvironment`).
   * @default - none
   */
  readonly environment?: { [name: string]: string };
  /**
   * Secret environment variables (name → value). Each value must be a token built only from sensitive values
   * (a `TerraformVariable` with `sensitive: true`, an attribute the provider schema marks sensitive,
   * `Fn.sensitive(...)`), with no literal text; anything else is a synth error. Terraform masks them in the plan,
   * and the ROS backend passes them as `NoEcho` template parameters.
   *
   * ECI has no secret-reference mechanism for environment variables (no Kubernetes `secretKeyRef`): the value
   * is still stored in the Terraform state and visible in the ECI console and `DescribeContainerGroups`.
   * Better: give the group a `ramRoleName` and read the secret at start-up from KMS Secrets Manager.
   * @default - none
   */
  readonly secretEnvironment?: { [name: string]: string };
  /**
   * Working directory.
   * @default - the image's working directory
   */
  readonly workingDir?: string;
  /**
   * Image pull policy.
   * @default ImagePullPolicy.IF_NOT_PRESENT
   */
  readonly imagePullPolicy?: ImagePullPolicy;
  /**
   * Volume mounts.
   * @default - none
   */
  readonly volumeMounts?: ContainerVolumeMount[];
  /**
   * Liveness probe.
   * @default - none
   */
  readonly livenessProbe?: Probe;
  /**
   * Readiness probe.
   * @default - none
   */
  readonly readinessProbe?: Probe;
}

/** The types of ProbeOptions (JavaScript callers and jsii bindings can pass anything). */
function checkProbeOptions(v: PropValidator, options: Record<string, unknown>): void {
  for (const key of ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold']) {
    v.isNumber(`options.${key}`, options[key]);
  }
}
