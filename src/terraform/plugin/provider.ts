/**
 * The logic of the schema-only alicloud provider, a tfplugin6 {@link ProviderServer} (tfprotov6.ts): it
 * serves the schema pack's schema, validates, configures and plans a first create, and answers every RPC
 * that would need the cloud with an error diagnostic "schema-only provider: ...". Typed requests in, typed
 * responses out; the gRPC service around it is server.ts.
 */
import { decodeDynamicValue, encodeMsgpack, UnknownValue } from './cty-msgpack';
import { planResourceChange } from './planner';
import { JsonBlock, schemaToWire } from './schema-wire';
import {
  ApplyResourceChangeRequest, ApplyResourceChangeResponse, AttributePath, AttributePathStep, ConfigureProviderResponse, Diagnostic,
  DIAGNOSTIC_SEVERITY_ERROR, DIAGNOSTIC_SEVERITY_WARNING, DynamicValue, GetMetadataResponse, GetProviderSchemaResponse,
  ImportResourceStateRequest, ImportResourceStateResponse, PlanResourceChangeRequest, PlanResourceChangeResponse, ProviderServer,
  ReadDataSourceRequest, ReadDataSourceResponse, ReadResourceRequest, ReadResourceResponse, Schema, ServerCapabilities,
  StopProviderResponse, UpgradeResourceStateRequest, UpgradeResourceStateResponse, ValidateDataResourceConfigRequest,
  ValidateDataResourceConfigResponse, ValidateProviderConfigResponse, ValidateResourceConfigRequest, ValidateResourceConfigResponse,
} from './tfprotov6';
import { ConfigWalker } from '../../schema/config-walker';
import { ConfigFindingCode, ConfigFindingLevel } from '../../schema/findings';
import { PROVIDER_VERSION, SchemaPack } from '../../schema/pack';
import { loadSchemaIndex } from '../../schema/schema-index';

/** The prefix of every diagnostic about something only the cloud can answer. */
export const SCHEMA_ONLY = 'schema-only provider';

const NEEDS_CLOUD_DETAIL = `This is the offline alicloud ${PROVIDER_VERSION} provider of cdktf-alicloud-ipv6: it serves the provider's schema so that `
  + 'Terraform can validate and plan a first create without the cloud. Use mock_provider "alicloud" in terraform test, '
  + 'or run Terraform with the real aliyun/alicloud provider and Alibaba Cloud credentials.';

function needsCloud(what: string): Diagnostic[] {
  return [{ severity: DIAGNOSTIC_SEVERITY_ERROR, summary: `${SCHEMA_ONLY}: ${what} needs the Alibaba Cloud API`, detail: NEEDS_CLOUD_DETAIL }];
}

function errorDiagnostic(summary: string, e: unknown): Diagnostic[] {
  return [{ severity: DIAGNOSTIC_SEVERITY_ERROR, summary, detail: e instanceof Error ? e.message : String(e) }];
}

/** Options of {@link SchemaOnlyProvider}. */
export interface SchemaOnlyProviderOptions {
  /** Where log lines go (never stdout). */
  readonly log?: (line: string) => void;
}

/**
 * Decoded config (unknowns, nulls, bigints) to the JSON shape the plan walker reads: unknown values become
 * a template string (the walker skips value checks for those), nulls are dropped.
 */
function toWalkerJson(v: unknown): unknown {
  if (v instanceof UnknownValue) return '${unknown}';
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toWalkerJson);
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = toWalkerJson(x);
    return out;
  }
  return v;
}

/** The walker's JSON without empty lists and objects (Terraform sends an unset nested block as an empty one). */
function withoutEmptyBlocks(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(withoutEmptyBlocks).filter((x) => x !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const y = withoutEmptyBlocks(x);
      if (y !== undefined) out[k] = y;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return v;
}

/**
 * A finding's path (`containers[0].ports[1].port`) as a tfplugin6 AttributePath, so that Terraform points
 * at the right line; undefined when the path has parts that are not attribute names and list indexes.
 */
export function attributePath(p: string): AttributePath | undefined {
  if (!p) return undefined;
  const steps: AttributePathStep[] = [];
  for (const part of p.split('.')) {
    const m = /^([A-Za-z_][\w-]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    steps.push({ attribute_name: m[1] });
    for (const i of m[2].match(/\d+/g) ?? []) steps.push({ element_key_int: Number(i) });
  }
  return { steps };
}

/** The schema-only provider: every RPC of tfplugin6.Provider, typed. */
export class SchemaOnlyProvider implements ProviderServer {
  private readonly pack = SchemaPack.load();
  private readonly log: (line: string) => void;

  constructor(options: SchemaOnlyProviderOptions = {}) {
    this.log = options.log ?? (() => undefined);
  }

  /** The capabilities of a schema-only SDKv2-like provider. */
  public get serverCapabilities(): ServerCapabilities {
    return { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false };
  }

  /**
   * GetProviderSchema: every type of the pack. The server encodes it once and keeps the bytes (server.ts,
   * schema-cache.ts), so this builds it at most once per package version.
   */
  public getProviderSchema(): GetProviderSchemaResponse {
    const started = Date.now();
    const resource_schemas: Record<string, Schema> = {};
    const data_source_schemas: Record<string, Schema> = {};
    for (const t of this.pack.resourceTypes) resource_schemas[t] = schemaToWire(this.pack.entry('resource', t)!.schema, t);
    for (const t of this.pack.dataSourceTypes) data_source_schemas[t] = schemaToWire(this.pack.entry('data', t)!.schema, `data.${t}`);
    this.log(`schema of ${this.pack.resourceTypes.length} resources and ${this.pack.dataSourceTypes.length} data sources built in ${Date.now() - started} ms`);
    return {
      provider: schemaToWire(this.pack.provider().schema, 'provider'),
      resource_schemas,
      data_source_schemas,
      diagnostics: [],
      server_capabilities: this.serverCapabilities,
    };
  }

  /** GetMetadata: the type names and capabilities. */
  public getMetadata(): GetMetadataResponse {
    return {
      server_capabilities: this.serverCapabilities,
      diagnostics: [],
      resources: this.pack.resourceTypes.map((type_name) => ({ type_name })),
      data_sources: this.pack.dataSourceTypes.map((type_name) => ({ type_name })),
    };
  }

  /** ValidateProviderConfig: the provider's own arguments are Terraform's to check against the schema. */
  public validateProviderConfig(): ValidateProviderConfigResponse {
    return { diagnostics: [] };
  }

  /** ValidateResourceConfig: the pack's limits (enums, ranges, patterns) on the configuration. */
  public validateResourceConfig(req: ValidateResourceConfigRequest): ValidateResourceConfigResponse {
    return { diagnostics: this.validateConfig('resource', req.type_name, req.config) };
  }

  /** ValidateDataResourceConfig: as {@link validateResourceConfig}, for a data source. */
  public validateDataResourceConfig(req: ValidateDataResourceConfigRequest): ValidateDataResourceConfigResponse {
    return { diagnostics: this.validateConfig('data', req.type_name, req.config) };
  }

  /** UpgradeResourceState: the state is stored in the current schema's JSON form, so it is handed back as it is. */
  public upgradeResourceState(req: UpgradeResourceStateRequest): UpgradeResourceStateResponse {
    return { upgraded_state: { json: req.raw_state?.json ?? Buffer.from('null') }, diagnostics: [] };
  }

  /** ConfigureProvider: nothing to configure without the cloud. */
  public configureProvider(): ConfigureProviderResponse {
    return { diagnostics: [] };
  }

  /** PlanResourceChange: see planner.ts. */
  public planResourceChange(req: PlanResourceChangeRequest): PlanResourceChangeResponse {
    const typeName = req.type_name;
    const entry = this.pack.entry('resource', typeName);
    if (!entry) return { diagnostics: [{ severity: DIAGNOSTIC_SEVERITY_ERROR, summary: `${SCHEMA_ONLY}: unknown resource type ${typeName}` }] };
    try {
      const prior = decodeDynamicValue(req.prior_state);
      const proposed = decodeDynamicValue(req.proposed_new_state);
      const planned = planResourceChange(entry.schema.block as JsonBlock, prior, proposed, entry.constraints);
      return {
        planned_state: { msgpack: encodeMsgpack(planned) },
        requires_replace: [],
        planned_private: req.prior_private ?? Buffer.alloc(0),
        diagnostics: [],
        legacy_type_system: true,
      };
    } catch (e) {
      return { diagnostics: errorDiagnostic(`${SCHEMA_ONLY}: cannot plan ${typeName}`, e) };
    }
  }

  /** ApplyResourceChange needs the cloud. */
  public applyResourceChange(req: ApplyResourceChangeRequest): ApplyResourceChangeResponse {
    return { diagnostics: needsCloud(`applying ${req.type_name}`) };
  }

  /** ReadResource needs the cloud. */
  public readResource(req: ReadResourceRequest): ReadResourceResponse {
    return { diagnostics: needsCloud(`reading the existing ${req.type_name}`) };
  }

  /** ImportResourceState needs the cloud. */
  public importResourceState(req: ImportResourceStateRequest): ImportResourceStateResponse {
    return { imported_resources: [], diagnostics: needsCloud(`importing ${req.type_name} ${JSON.stringify(req.id ?? '')}`) };
  }

  /** ReadDataSource needs the cloud. */
  public readDataSource(req: ReadDataSourceRequest): ReadDataSourceResponse {
    return { diagnostics: needsCloud(`reading data source ${req.type_name}`) };
  }

  /** StopProvider: nothing runs in the background. */
  public stopProvider(): StopProviderResponse {
    return { Error: '' };
  }

  /** The diagnostics of ValidateResourceConfig / ValidateDataResourceConfig. */
  private validateConfig(kind: 'resource' | 'data', typeName: string, config: DynamicValue | undefined): Diagnostic[] {
    if (!this.pack.has(kind, typeName)) {
      return [{ severity: DIAGNOSTIC_SEVERITY_ERROR, summary: `${SCHEMA_ONLY}: unknown ${kind === 'data' ? 'data source' : 'resource'} type ${typeName}` }];
    }
    let value: unknown;
    try {
      value = decodeDynamicValue(config);
    } catch (e) {
      return errorDiagnostic(`${SCHEMA_ONLY}: cannot decode the configuration of ${typeName}`, e);
    }
    const doc = { [kind]: { [typeName]: { config: toWalkerJson(value) } } };
    const findings = new ConfigWalker(loadSchemaIndex()).runLimits(doc);
    const limits: Diagnostic[] = findings.map((f) => ({
      severity: f.level === ConfigFindingLevel.ERROR ? DIAGNOSTIC_SEVERITY_ERROR : DIAGNOSTIC_SEVERITY_WARNING,
      summary: f.message,
      detail: `alicloud ${PROVIDER_VERSION} limit (${f.code}), checked by the offline provider of cdktf-alicloud-ipv6.`,
      attribute: attributePath(f.path),
    }));
    return [...limits, ...this.deprecations(kind, typeName, value)];
  }

  /**
   * Warnings for what the schema marks deprecated and the configuration sets (the real provider warns
   * about those while validating; Terraform core does not). Blocks Terraform sends as empty are not set.
   */
  private deprecations(kind: 'resource' | 'data', typeName: string, value: unknown): Diagnostic[] {
    const doc = { [kind]: { [typeName]: { config: withoutEmptyBlocks(toWalkerJson(value)) ?? {} } } };
    return new ConfigWalker(loadSchemaIndex()).run(doc).filter((f) => f.code === ConfigFindingCode.DEPRECATED).map((f) => ({
      severity: DIAGNOSTIC_SEVERITY_WARNING,
      summary: `Deprecated: ${f.message}`,
      detail: `Marked deprecated in the alicloud ${PROVIDER_VERSION} schema, reported by the offline provider of cdktf-alicloud-ipv6.`,
      attribute: attributePath(f.path),
    }));
  }
}
