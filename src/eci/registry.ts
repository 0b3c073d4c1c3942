/**
 * Private images: ACR Enterprise Edition instances, registry logins, the instance RAM role, image caches,
 * and the secret values they carry (registry passwords, secret environment variables).
 *
 * Secrets must be cdktf tokens (a `TerraformVariable` with `sensitive: true`, or an attribute of a data
 * source such as a KMS secret): a literal would be written in plain text to `cdk.tf.json`, the ROS template
 * body, the plan and every snapshot test.
 */
import { TerraformStack, TerraformVariable, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ContainerDefinition } from './container';
import { isBlank, PropValidator, resolveToString } from '../core/validation';

/** An ACR Enterprise Edition instance the ECIs pull images from, without a password (through the instance RAM role or the ECI service role). */
export interface AcrInstance {
  /** ID of the ACR Enterprise Edition instance (`cri-...`). */
  readonly instanceId: string;
  /**
   * Name of the instance.
   * @default - not given (ECI looks the instance up by ID)
   */
  readonly instanceName?: string;
  /**
   * Region of the instance.
   * @default - the region the ECI runs in
   */
  readonly regionId?: string;
  /**
   * Domain names of the instance the images are pulled from (e.g. `myacr-registry.cn-hangzhou.cr.aliyuncs.com`).
   * @default - all domain names of the instance
   */
  readonly domains?: string[];
}

/** A registry login. The password must be a token (a sensitive `TerraformVariable` or a data source value), never a literal. */
export interface ImageRegistryCredential {
  /** Registry address without `http://` or `https://`, e.g. `registry.cn-hangzhou.aliyuncs.com`. */
  readonly server: string;
  /** User name for the registry. */
  readonly userName: string;
  /**
   * Password for the registry: a token, such as `new TerraformVariable(this, 'RegistryPassword', { type: 'string', sensitive: true }).stringValue`.
   * A literal string is a synth error.
   */
  readonly password: string;
}

/** The private-registry props that ContainerGroup and ContainerGroupFleet share. @internal */
export interface RegistryProps {
  readonly containers: ContainerDefinition[];
  readonly acrInstances?: AcrInstance[];
  readonly imageRegistryCredentials?: ImageRegistryCredential[];
  readonly ramRoleName?: string;
  readonly autoMatchImageCache?: boolean;
  readonly imageSnapshotId?: string;
}

/** ImageRegistryCredential: at most 10 items (ros-eci-containergroup.md §4.1, the ROS resource specification). */
export const MAX_REGISTRY_CREDENTIALS = 10;

const SENSITIVE_VARIABLE_FIX = "pass a sensitive variable, e.g. const registryPassword = new TerraformVariable(this, 'RegistryPassword', { type: 'string', sensitive: true }); then password: registryPassword.stringValue (or a value read from a secret store through a data source)";

/** The variable a token is exactly (`${var.NAME}`), if it is one of the stack. */
function variableOf(scope: IConstruct, value: string): TerraformVariable | undefined {
  const r = resolveToString(scope, value);
  const m = r === undefined ? null : /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(r);
  if (!m) return undefined;
  return TerraformStack.of(scope).node.findAll().find((c): c is TerraformVariable => c instanceof TerraformVariable && c.friendlyUniqueId === m[1]);
}

/** Whether `value` is a token for a `TerraformVariable` with `sensitive: true`. @internal */
export function isSensitiveToken(scope: IConstruct, value: unknown): boolean {
  return typeof value === 'string' && Token.isUnresolved(value) && variableOf(scope, value)?.sensitive === true;
}

/**
 * Checks a secret value: it must be a token; a token that is a variable must be a sensitive one.
 * @internal
 */
export function validateSecret(v: PropValidator, scope: IConstruct, prop: string, value: unknown, what: string): void {
  if (value === undefined || value === null || value === '') {
    v.add(prop, 'is missing', SENSITIVE_VARIABLE_FIX);
    return;
  }
  if (typeof value !== 'string' || !Token.isUnresolved(value)) {
    // Never echo the value: the error message ends up in CI logs.
    v.add(prop, `is a literal string; ${what} would be written in plain text to cdk.tf.json, the ROS template, the Terraform plan and snapshot tests`, SENSITIVE_VARIABLE_FIX);
    return;
  }
  const variable = variableOf(scope, value);
  if (variable && variable.sensitive !== true) {
    v.add(prop, `is the variable '${variable.friendlyUniqueId}', which is not sensitive, so Terraform would print it in the plan`,
      `create the variable with sensitive: true (new TerraformVariable(this, '${variable.node.id}', { type: 'string', sensitive: true }))`);
  }
}

/** Records every problem of the private-registry props on `v`. @internal */
export function validateRegistry(v: PropValidator, scope: IConstruct, props: RegistryProps): void {
  (props.acrInstances ?? []).forEach((acr, i) => {
    const p = `acrInstances[${i}]`;
    if (!acr || isBlank(acr.instanceId)) {
      v.add(`${p}.instanceId`, 'is missing', "give the ACR Enterprise Edition instance ID, e.g. 'cri-xxxxxxxx' (ACR console, Instances)");
    }
    (acr?.domains && !Token.isUnresolved(acr.domains) ? acr.domains : []).forEach((d, j) => {
      if (!Token.isUnresolved(d) && (d.trim() === '' || /^[a-z]+:\/\//i.test(d) || d.includes('/'))) {
        v.add(`${p}.domains[${j}]`, `'${d}' is not a domain name`, "give the bare domain, e.g. 'myacr-registry.cn-hangzhou.cr.aliyuncs.com'");
      }
    });
  });
  const creds = props.imageRegistryCredentials ?? [];
  if (!Token.isUnresolved(creds) && creds.length > MAX_REGISTRY_CREDENTIALS) {
    v.add('imageRegistryCredentials', `has ${creds.length} items; ECI takes at most ${MAX_REGISTRY_CREDENTIALS}`, 'keep one login per registry server, or use acrInstances with a RAM role');
  }
  const servers = new Set<string>();
  (Token.isUnresolved(creds) ? [] : creds).forEach((c, i) => {
    const p = `imageRegistryCredentials[${i}]`;
    if (!c) return;
    if (isBlank(c.server)) {
      v.add(`${p}.server`, 'is missing', "give the registry address, e.g. 'registry.cn-hangzhou.aliyuncs.com'");
    } else if (!Token.isUnresolved(c.server)) {
      if (/^[a-z]+:\/\//i.test(c.server)) v.add(`${p}.server`, `'${c.server}' has a scheme`, `give the address without it: '${c.server.replace(/^[a-z]+:\/\//i, '')}'`);
      if (servers.has(c.server)) v.add(`${p}.server`, `'${c.server}' has another login in imageRegistryCredentials`, 'give one login per registry server');
      servers.add(c.server);
    }
    if (isBlank(c.userName)) {
      v.add(`${p}.userName`, 'is missing', 'give the registry user name (for ACR, the login name shown with docker login)');
    }
    validateSecret(v, scope, `${p}.password`, c.password, 'the registry password');
  });
  (props.containers ?? []).forEach((c, i) => {
    if (!c || !c.secretEnvironment || Token.isUnresolved(c.secretEnvironment)) return;
    for (const [key, value] of Object.entries(c.secretEnvironment)) {
      validateSecret(v, scope, `containers[${i}].secretEnvironment.${key}`, value, 'the secret');
      if (c.environment && Object.prototype.hasOwnProperty.call(c.environment, key)) {
        v.add(`containers[${i}].secretEnvironment.${key}`, 'is also in environment', 'set each variable in environment or in secretEnvironment, not both');
      }
    }
  });
}

/**
 * The secret values (tokens) of the props: registry passwords, secret environment values, and environment
 * values that are sensitive variables. The ROS backend passes them as `NoEcho` template parameters.
 * @internal
 */
export function secretValues(scope: IConstruct, props: RegistryProps): string[] {
  const out: string[] = [];
  for (const c of props.imageRegistryCredentials ?? []) if (Token.isUnresolved(c.password)) out.push(c.password);
  for (const c of props.containers) {
    for (const value of Object.values(c.secretEnvironment ?? {})) if (Token.isUnresolved(value)) out.push(value);
    for (const value of Object.values(c.environment ?? {})) if (isSensitiveToken(scope, value)) out.push(value);
  }
  return out;
}
