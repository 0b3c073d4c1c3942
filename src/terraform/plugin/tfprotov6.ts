/**
 * The typed requests and responses of Terraform's plugin protocol 6, and the interface of a provider that
 * answers them ({@link ProviderServer}): the contract between the gRPC server layer (server.ts) and the
 * provider's logic (provider.ts), which imports nothing of gRPC.
 *
 * The fields are named and typed as the codec (protobuf.ts) hands the messages over, as `@grpc/proto-loader`
 * did with the options `keepCase` (the .proto's snake_case names), `longs: Number`, `enums: Number`, bytes as
 * Buffer, so the server passes requests and responses through as they are, with no conversion. Only the
 * fields this provider reads or writes are listed; see proto/tfplugin6.proto for the messages.
 */

/** A value of a schema's implied type: cty msgpack (what Terraform sends) or JSON. */
export interface DynamicValue {
  readonly msgpack?: Uint8Array;
  readonly json?: Uint8Array;
}

/** Diagnostic.Severity. */
export const DIAGNOSTIC_SEVERITY_ERROR = 1;
export const DIAGNOSTIC_SEVERITY_WARNING = 2;
export type DiagnosticSeverity = typeof DIAGNOSTIC_SEVERITY_ERROR | typeof DIAGNOSTIC_SEVERITY_WARNING;

/** One step of an AttributePath: an attribute name or a list index. */
export type AttributePathStep = { readonly attribute_name: string } | { readonly element_key_int: number };

/** Where in the configuration a diagnostic points. */
export interface AttributePath {
  readonly steps: AttributePathStep[];
}

export interface Diagnostic {
  readonly severity: DiagnosticSeverity;
  readonly summary: string;
  readonly detail?: string;
  readonly attribute?: AttributePath;
}

/** Schema.Attribute. */
export interface SchemaAttribute {
  readonly name: string;
  /** The JSON encoding of the cty type (empty with `nested_type`). */
  readonly type: Uint8Array;
  readonly nested_type?: SchemaObject;
  readonly description: string;
  /** StringKind: 0 plain, 1 markdown. */
  readonly description_kind: number;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly sensitive: boolean;
  readonly deprecated: boolean;
  readonly write_only: boolean;
}

/** Schema.Object: a nested attribute type. */
export interface SchemaObject {
  readonly attributes: SchemaAttribute[];
  /** Schema.Object.NestingMode. */
  readonly nesting: number;
}

/** Schema.NestedBlock. */
export interface SchemaNestedBlock {
  readonly type_name: string;
  readonly block: SchemaBlock;
  /** Schema.NestedBlock.NestingMode. */
  readonly nesting: number;
  readonly min_items: number;
  readonly max_items: number;
}

/** Schema.Block. */
export interface SchemaBlock {
  readonly attributes: SchemaAttribute[];
  readonly block_types: SchemaNestedBlock[];
  readonly description: string;
  readonly description_kind: number;
  readonly deprecated: boolean;
}

export interface Schema {
  readonly version: number;
  readonly block: SchemaBlock;
}

export interface ServerCapabilities {
  readonly plan_destroy: boolean;
  readonly get_provider_schema_optional: boolean;
  readonly move_resource_state: boolean;
}

/** What every response carries. */
interface WithDiagnostics {
  readonly diagnostics: Diagnostic[];
}

/** A request about one resource or data source type. */
interface TypeRequest {
  readonly type_name: string;
}

export type GetMetadataRequest = Record<string, never>;
export interface GetMetadataResponse extends WithDiagnostics {
  readonly server_capabilities: ServerCapabilities;
  readonly resources: Array<{ readonly type_name: string }>;
  readonly data_sources: Array<{ readonly type_name: string }>;
}

export type GetProviderSchemaRequest = Record<string, never>;
export interface GetProviderSchemaResponse extends WithDiagnostics {
  readonly provider: Schema;
  readonly resource_schemas: Record<string, Schema>;
  readonly data_source_schemas: Record<string, Schema>;
  readonly server_capabilities: ServerCapabilities;
}

export interface ValidateProviderConfigRequest {
  readonly config?: DynamicValue;
}
export type ValidateProviderConfigResponse = WithDiagnostics;

export interface ValidateResourceConfigRequest extends TypeRequest {
  readonly config?: DynamicValue;
}
export type ValidateResourceConfigResponse = WithDiagnostics;

export interface ValidateDataResourceConfigRequest extends TypeRequest {
  readonly config?: DynamicValue;
}
export type ValidateDataResourceConfigResponse = WithDiagnostics;

export interface UpgradeResourceStateRequest extends TypeRequest {
  readonly version?: number;
  readonly raw_state?: { readonly json?: Uint8Array };
}
export interface UpgradeResourceStateResponse extends WithDiagnostics {
  readonly upgraded_state: DynamicValue;
}

export interface ConfigureProviderRequest {
  readonly terraform_version?: string;
  readonly config?: DynamicValue;
}
export type ConfigureProviderResponse = WithDiagnostics;

export interface PlanResourceChangeRequest extends TypeRequest {
  readonly prior_state?: DynamicValue;
  readonly proposed_new_state?: DynamicValue;
  readonly config?: DynamicValue;
  readonly prior_private?: Uint8Array;
}
/** Without `planned_state` when planning failed (then `diagnostics` says why). */
export interface PlanResourceChangeResponse extends WithDiagnostics {
  readonly planned_state?: DynamicValue;
  readonly requires_replace?: AttributePath[];
  readonly planned_private?: Uint8Array;
  /** Set by SDKv2 providers (alicloud is one). */
  readonly legacy_type_system?: boolean;
}

export type ApplyResourceChangeRequest = TypeRequest;
export type ApplyResourceChangeResponse = WithDiagnostics;

export type ReadResourceRequest = TypeRequest;
export type ReadResourceResponse = WithDiagnostics;

export interface ImportResourceStateRequest extends TypeRequest {
  readonly id?: string;
}
export interface ImportedResource extends TypeRequest {
  readonly state?: DynamicValue;
  readonly private?: Uint8Array;
}
export interface ImportResourceStateResponse extends WithDiagnostics {
  readonly imported_resources: ImportedResource[];
}

export type ReadDataSourceRequest = TypeRequest;
export type ReadDataSourceResponse = WithDiagnostics;

export type StopProviderRequest = Record<string, never>;
export interface StopProviderResponse {
  /** Empty: stopped. (The .proto names the field `Error`.) */
  readonly Error: string;
}

/**
 * A tfplugin6 provider: one method per RPC of the Provider service, typed request in, typed response out.
 * A method that throws is answered with gRPC status INTERNAL by the server; everything the provider has
 * to say to the user goes in `diagnostics`.
 */
export interface ProviderServer {
  getMetadata(req: GetMetadataRequest): GetMetadataResponse;
  getProviderSchema(req: GetProviderSchemaRequest): GetProviderSchemaResponse;
  validateProviderConfig(req: ValidateProviderConfigRequest): ValidateProviderConfigResponse;
  validateResourceConfig(req: ValidateResourceConfigRequest): ValidateResourceConfigResponse;
  validateDataResourceConfig(req: ValidateDataResourceConfigRequest): ValidateDataResourceConfigResponse;
  upgradeResourceState(req: UpgradeResourceStateRequest): UpgradeResourceStateResponse;
  configureProvider(req: ConfigureProviderRequest): ConfigureProviderResponse;
  planResourceChange(req: PlanResourceChangeRequest): PlanResourceChangeResponse;
  applyResourceChange(req: ApplyResourceChangeRequest): ApplyResourceChangeResponse;
  readResource(req: ReadResourceRequest): ReadResourceResponse;
  importResourceState(req: ImportResourceStateRequest): ImportResourceStateResponse;
  readDataSource(req: ReadDataSourceRequest): ReadDataSourceResponse;
  stopProvider(req: StopProviderRequest): StopProviderResponse;
}
