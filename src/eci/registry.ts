/**
 * Private images: ACR Enterprise Edition instances, registry logins, the instance RAM role, image caches,
 * and the secret values they carry (registry passwords, secret environment variables).
 *
 * Secrets must be cdktf tokens built only from sensitive values (a `TerraformVariable` with `sensitive: true`, an
 * attribute the provider schema marks sensitive, `Fn.sensitive(...)`; the rule is in secret-expression.ts): a literal
 * would be written in plain text to `cdk.tf.json`, the ROS template body, the plan and every snapshot test.
 */
import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ContainerDefinition } from './container';
import { AttributeSensitivity, checkSecretExpression, PathStep, referencesSensitiveValue, schemaSensitivity, SecretLookups } from './secret-expression';
import { PropValidator, resolveToString } from '../core/validation';
import { loadSchemaIndex } from '../schema/schema-index';

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

/** A registry login. The password must be a token built only from sensitive values, never a literal. */
export interface ImageRegistryCredential {
  /** Registry address without `http://` or `https://`, e.g. `registry.cn-hangzhou.aliyuncs.com`. */
  readonly server: string;
  /** User name for the registry. */
  readonly userName: string;
  /**
   * Password for the registry: a token, such as `new TerraformVariable(this, 'RegistryPassword', { type: 'string', sensitive: true }).stringValue`.
   * Its expression may use functions and locals, but only sensitive values (sensitive variables, attributes the
   * provider schema marks sensitive, `Fn.sensitive(...)`) and no literal text; anything else is a synth error.
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

const SECRET_EXPRESSION_FIX = 'build the value only from sensitive values, with no literal text: a TerraformVariable with sensitive: true, an attribute the provider schema marks sensitive, '
  + 'or a local built from those; wrap a value of another provider (e.g. random_password.x.result) or a data source attribute that is not marked sensitive in Fn.sensitive(...)';

/**
 * What the secret check needs to know about the stack of `scope`: its variables and locals (found by their
 * friendlyUniqueId and read through `toTerraform()`, so any copy of cdktf's core works; the stack is scanned
 * once, on the first lookup) and the alicloud provider schema.
 * @internal
 */
export class StackSecretLookups implements SecretLookups {
  private elements?: Map<unknown, IConstruct[]>;

  constructor(private readonly scope: IConstruct) {}

  public variableSensitive(name: string): boolean | undefined {
    const variable = this.block('variable', name);
    return variable === undefined ? undefined : variable.sensitive === true;
  }

  public variableDefaultWritten(name: string): boolean {
    const value = this.block('variable', name)?.default;
    return value !== undefined && value !== null && value !== '';
  }

  public localExpression(name: string): string | undefined {
    // undefined for a local that is missing or whose expression is not a string (a number, a list, a map)
    return resolveToString(this.scope, this.block('locals', name));
  }

  public attributeSensitivity(kind: 'resource' | 'data', type: string, path: readonly PathStep[]): AttributeSensitivity {
    const index = loadSchemaIndex();
    return schemaSensitivity((kind === 'data' ? index.dataSources : index.resources).get(type), path);
  }

  /** The construct ID of variable `name`, which the stack has (for a fix that shows how to create it). */
  public variableId(name: string): string {
    return this.withBlock('variable', name)!.node.id;
  }

  /** The `variable` or `locals` entry named `name` in the Terraform JSON of the stack's element with that name. */
  private block(section: 'variable' | 'locals', name: string): any {
    const element = this.withBlock(section, name);
    return element === undefined ? undefined : terraformOf(element)[section][name];
  }

  private withBlock(section: 'variable' | 'locals', name: string): IConstruct | undefined {
    this.elements ??= elementsByName(this.scope);
    return this.elements.get(name)?.find((c) => terraformOf(c)?.[section]?.[name] !== undefined);
  }
}

/** The constructs of the stack of `scope` by friendlyUniqueId (constructs that are not elements under undefined). */
function elementsByName(scope: IConstruct): Map<unknown, IConstruct[]> {
  const out = new Map<unknown, IConstruct[]>();
  for (const c of TerraformStack.of(scope).node.findAll()) {
    const id = (c as { friendlyUniqueId?: unknown }).friendlyUniqueId;
    const same = out.get(id);
    if (same) same.push(c);
    else out.set(id, [c]);
  }
  return out;
}

/** The Terraform JSON of a cdktf element (`toTerraform()`), or undefined when it has none. */
function terraformOf(c: IConstruct): any {
  try {
    return (c as unknown as { toTerraform(): unknown }).toTerraform();
  } catch {
    return undefined;
  }
}

/**
 * Checks a secret value (validation.ts calls it for every secret prop): it must be a token whose resolved expression references only sensitive values and has
 * no literal text (secret-expression.ts). The problem names what made it fail, never the value.
 * @internal
 */
export function validateSecret(
  v: PropValidator, scope: IConstruct, prop: string, value: unknown, what: string, lookups = new StackSecretLookups(scope),
): void {
  if (value === undefined || value === null || value === '') {
    v.add(prop, 'is missing', SENSITIVE_VARIABLE_FIX);
    return;
  }
  if (typeof value !== 'string') {
    v.add(prop, `is not a string (it is a ${typeof value})`, SENSITIVE_VARIABLE_FIX);
    return;
  }
  if (!Token.isUnresolved(value)) {
    // Never echo the value: the error message ends up in CI logs.
    v.add(prop, `is a literal string; ${what} would be written in plain text to cdk.tf.json, the ROS template, the Terraform plan and snapshot tests`, SENSITIVE_VARIABLE_FIX);
    return;
  }
  const resolved = resolveToString(scope, value);
  if (resolved === undefined) {
    v.add(prop, 'cannot be resolved in its stack, so it cannot be checked to be sensitive', SENSITIVE_VARIABLE_FIX);
    return;
  }
  const result = checkSecretExpression(resolved, lookups);
  if (result.ok) return;
  const variable = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(resolved)?.[1];
  if (variable !== undefined && lookups.variableSensitive(variable) === false) {
    v.add(prop, `is the variable '${variable}', which is not sensitive, so Terraform would print it in the plan`,
      `create the variable with sensitive: true (new TerraformVariable(this, '${lookups.variableId(variable)}', { type: 'string', sensitive: true }))`);
    return;
  }
  v.add(prop, result.reason, SECRET_EXPRESSION_FIX);
}

/**
 * A test for the ROS backend: whether a token value references a sensitive value (a sensitive variable or attribute,
 * a local built from one, `sensitive()`), so that its template parameter gets `NoEcho`. A value that cannot be
 * resolved counts as sensitive.
 * @internal
 */
export function sensitiveValueTest(scope: IConstruct): (value: string) => boolean {
  const lookups = new StackSecretLookups(scope);
  return (value) => {
    const resolved = resolveToString(scope, value);
    if (resolved === undefined) return true;
    // `${alicloud_vswitch.x.id}`: the answer is the provider schema's alone, the same for every group (bench/: each
    // group asks it for its vSwitch and security group)
    if (!ATTRIBUTE_REFERENCE.test(resolved)) return referencesSensitiveValue(resolved, lookups);
    let sensitive = attributeReferenceSensitive.get(resolved);
    if (sensitive === undefined) {
      sensitive = referencesSensitiveValue(resolved, lookups);
      if (attributeReferenceSensitive.size < 10_000) attributeReferenceSensitive.set(resolved, sensitive);
    }
    return sensitive;
  };
}

/**
 * One reference to an attribute of a resource or data source (`${type.name.attr}`, `${data.type.name.attr}`), nothing
 * else: whether it is sensitive depends only on the provider schema, never on the stack (no variable, local or module).
 */
const ATTRIBUTE_REFERENCE = /^\$\{(?!(?:var|local|module|each|count|path|terraform|self)\.)(?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*\}$/;
/** The answers for such references, by resolved text (bounded). */
const attributeReferenceSensitive = new Map<string, boolean>();

/**
 * The secret values (tokens) of the props: registry passwords and secret environment values. The ROS backend
 * passes them as `NoEcho` template parameters, like every other value that references a sensitive value
 * ({@link sensitiveValueTest}).
 * @internal
 */
export function secretValues(props: RegistryProps): string[] {
  const out: string[] = [];
  for (const c of props.imageRegistryCredentials ?? []) if (Token.isUnresolved(c.password)) out.push(c.password);
  for (const c of props.containers) {
    for (const value of Object.values(c.secretEnvironment ?? {})) if (Token.isUnresolved(value)) out.push(value);
  }
  return out;
}
