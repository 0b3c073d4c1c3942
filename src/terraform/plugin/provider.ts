/**
 * The tfplugin6.Provider service of the schema-only alicloud provider: it serves the schema pack's
 * schema, validates, configures and plans a first create, and answers every RPC that would need the
 * cloud with an error diagnostic "schema-only provider: ...".
 */
import * as grpc from '@grpc/grpc-js';
import { decodeDynamicValue, DynamicValueMessage, encodeMsgpack, UnknownValue } from './cty-msgpack';
import { planResourceChange } from './planner';
import { JsonBlock, schemaToWire } from './schema-wire';
import { PlanFindingLevel } from '../../schema/findings';
import { PROVIDER_VERSION, SchemaPack } from '../../schema/pack';
import { PlanWalker } from '../../schema/plan-walker';
import { loadSchemaIndex } from '../../schema/schema-index';

/** tfplugin6 Diagnostic.Severity. */
export const SEVERITY_ERROR = 1;
export const SEVERITY_WARNING = 2;

/** A diagnostic as the wire wants it. */
export interface WireDiagnostic {
  readonly severity: number;
  readonly summary: string;
  readonly detail?: string;
  readonly attribute?: { readonly steps: object[] };
}

/** The prefix of every diagnostic about something only the cloud can answer. */
export const SCHEMA_ONLY = 'schema-only provider';

const NEEDS_CLOUD_DETAIL = `This is the offline alicloud ${PROVIDER_VERSION} provider of cdktf-alicloud-ipv6: it serves the provider's schema so that `
  + 'Terraform can validate and plan a first create without the cloud. Use mock_provider "alicloud" in terraform test, '
  + 'or run Terraform with the real aliyun/alicloud provider and Alibaba Cloud credentials.';

function needsCloud(what: string): WireDiagnostic[] {
  return [{ severity: SEVERITY_ERROR, summary: `${SCHEMA_ONLY}: ${what} needs the Alibaba Cloud API`, detail: NEEDS_CLOUD_DETAIL }];
}

function errorDiagnostic(summary: string, e: unknown): WireDiagnostic[] {
  return [{ severity: SEVERITY_ERROR, summary, detail: e instanceof Error ? e.message : String(e) }];
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

/**
 * A finding's path (`containers[0].ports[1].port`) as a tfplugin6 AttributePath, so that Terraform points
 * at the right line; undefined when the path has parts that are not attribute names and list indexes.
 */
export function attributePath(p: string): { steps: object[] } | undefined {
  if (!p) return undefined;
  const steps: object[] = [];
  for (const part of p.split('.')) {
    const m = /^([A-Za-z_][\w-]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    steps.push({ attribute_name: m[1] });
    for (const i of m[2].match(/\d+/g) ?? []) steps.push({ element_key_int: Number(i) });
  }
  return { steps };
}

/** The handlers. */
export class SchemaOnlyProvider {
  private readonly pack = SchemaPack.load();
  private readonly log: (line: string) => void;

  constructor(options: SchemaOnlyProviderOptions = {}) {
    this.log = options.log ?? (() => undefined);
  }

  /** The capabilities of a schema-only SDKv2-like provider. */
  public get serverCapabilities(): object {
    return { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false };
  }

  /**
   * GetProviderSchema: every type of the pack. The server encodes it once and keeps the bytes (server.ts
   * `schemaHandler`), so this builds it at most once per package version.
   */
  public getProviderSchema(): object {
    const started = Date.now();
    const resource_schemas: Record<string, object> = {};
    const data_source_schemas: Record<string, object> = {};
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
  public getMetadata(): object {
    return {
      server_capabilities: this.serverCapabilities,
      diagnostics: [],
      resources: this.pack.resourceTypes.map((type_name) => ({ type_name })),
      data_sources: this.pack.dataSourceTypes.map((type_name) => ({ type_name })),
    };
  }

  /** ValidateResourceConfig / ValidateDataResourceConfig. */
  public validateConfig(kind: 'resource' | 'data', typeName: string, config: DynamicValueMessage | undefined): WireDiagnostic[] {
    if (!this.pack.has(kind, typeName)) {
      return [{ severity: SEVERITY_ERROR, summary: `${SCHEMA_ONLY}: unknown ${kind === 'data' ? 'data source' : 'resource'} type ${typeName}` }];
    }
    let value: unknown;
    try {
      value = decodeDynamicValue(config);
    } catch (e) {
      return errorDiagnostic(`${SCHEMA_ONLY}: cannot decode the configuration of ${typeName}`, e);
    }
    const doc = { [kind]: { [typeName]: { config: toWalkerJson(value) } } };
    const findings = new PlanWalker(loadSchemaIndex()).runLimits(doc);
    return findings.map((f) => ({
      severity: f.level === PlanFindingLevel.ERROR ? SEVERITY_ERROR : SEVERITY_WARNING,
      summary: f.message,
      detail: `alicloud ${PROVIDER_VERSION} limit (${f.code}), checked by the offline provider of cdktf-alicloud-ipv6.`,
      attribute: attributePath(f.path),
    }));
  }

  /** PlanResourceChange: see planner.ts. */
  public planResourceChange(req: any): object {
    const typeName: string = req.type_name;
    const entry = this.pack.entry('resource', typeName);
    if (!entry) return { diagnostics: [{ severity: SEVERITY_ERROR, summary: `${SCHEMA_ONLY}: unknown resource type ${typeName}` }] };
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

  /** The gRPC implementation of tfplugin6.Provider, without GetProviderSchema (server.ts serves it from encoded bytes). */
  public handlers(): grpc.UntypedServiceImplementation {
    const unary = (name: string, fn: (req: any) => object): grpc.handleUnaryCall<any, any> => (call, callback) => {
      try {
        const res = fn(call.request);
        this.log(`${name} ${call.request?.type_name ?? ''}`.trim());
        callback(null, res);
      } catch (e) {
        this.log(`${name} failed: ${(e as Error).stack ?? e}`);
        callback({ code: grpc.status.INTERNAL, details: `${SCHEMA_ONLY}: ${name}: ${(e as Error).message}` });
      }
    };
    return {
      GetMetadata: unary('GetMetadata', () => this.getMetadata()),
      ValidateProviderConfig: unary('ValidateProviderConfig', () => ({ diagnostics: [] })),
      ValidateResourceConfig: unary('ValidateResourceConfig', (r) => ({ diagnostics: this.validateConfig('resource', r.type_name, r.config) })),
      ValidateDataResourceConfig: unary('ValidateDataResourceConfig', (r) => ({ diagnostics: this.validateConfig('data', r.type_name, r.config) })),
      // The state is stored in the current schema's JSON form: hand it back as it is.
      UpgradeResourceState: unary('UpgradeResourceState', (r) => ({ upgraded_state: { json: r.raw_state?.json ?? Buffer.from('null') }, diagnostics: [] })),
      ConfigureProvider: unary('ConfigureProvider', () => ({ diagnostics: [] })),
      PlanResourceChange: unary('PlanResourceChange', (r) => this.planResourceChange(r)),
      ApplyResourceChange: unary('ApplyResourceChange', (r) => ({ diagnostics: needsCloud(`applying ${r.type_name}`) })),
      ReadResource: unary('ReadResource', (r) => ({ diagnostics: needsCloud(`reading the existing ${r.type_name}`) })),
      ImportResourceState: unary('ImportResourceState', (r) => ({ imported_resources: [], diagnostics: needsCloud(`importing ${r.type_name} ${JSON.stringify(r.id ?? '')}`) })),
      ReadDataSource: unary('ReadDataSource', (r) => ({ diagnostics: needsCloud(`reading data source ${r.type_name}`) })),
      StopProvider: unary('StopProvider', () => ({ Error: '' })),
    };
  }
}
