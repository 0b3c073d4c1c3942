/**
 * The plugin's gRPC server layer: the go-plugin services (health, controller) and the tfplugin6.Provider
 * service, whose RPCs it hands to a {@link ProviderServer} (tfprotov6.ts) through one table,
 * {@link PROVIDER_RPCS}. Only this file, protocol.ts and grpc-server.ts (a unary gRPC server over Node's
 * http2) know gRPC: the provider (provider.ts) takes typed requests and returns typed responses. A provider
 * method that throws is answered with status INTERNAL.
 *
 * The handshake with the host (go-plugin, AutoMTLS) is handshake.ts; the encoded schema's cache is
 * schema-cache.ts.
 */
import { GrpcError, GrpcStatus, UnaryGrpcServer, UnaryHandler } from './grpc-server';
import { handshakeLine, handshakeProblem, makeServerCertificate, NO_CLIENT_CERT } from './handshake';
import { loadProtocol, ServiceDefinition } from './protocol';
import { SCHEMA_ONLY, SchemaOnlyProvider } from './provider';
import { encodedProviderSchema } from './schema-cache';
import { ProviderServer } from './tfprotov6';

/** A running plugin server. */
export interface RunningPlugin {
  readonly server: UnaryGrpcServer;
  readonly port: number;
  /** The line printed on stdout. */
  readonly handshake: string;
}

/** Options of {@link startPluginServer}. */
export interface StartOptions {
  /** `PLUGIN_CLIENT_CERT`: the client certificate to require (AutoMTLS). Required: there is no plain gRPC. */
  readonly clientCertPem: string;
  readonly log?: (line: string) => void;
  /** Called when the host asks the plugin to shut down (go-plugin's GRPCController.Shutdown). */
  readonly onShutdown?: () => void;
}

/** Starts the gRPC server on 127.0.0.1 (a free port) and returns the handshake line to print. */
export async function startPluginServer(options: StartOptions): Promise<RunningPlugin> {
  if (!options?.clientCertPem) throw new Error(NO_CLIENT_CERT);
  const log = options.log ?? (() => undefined);
  const protocol = loadProtocol();
  // The whole schema is one message of several MB.
  const server = new UnaryGrpcServer({ maxReceiveMessageLength: 256 * 1024 * 1024, log });
  const provider = new SchemaOnlyProvider({ log });
  server.addService(protocol.provider, {
    ...providerHandlers(provider, log),
    GetProviderSchema: schemaHandler(provider, protocol.provider, log),
  });
  server.addService(protocol.health, {
    Check: (request: any) => {
      const service: string = request?.service ?? '';
      return { status: service === '' || service === 'plugin' ? 1 : 3 };
    },
  });
  server.addService(protocol.controller, {
    Shutdown: () => {
      setImmediate(() => options.onShutdown?.());
      return {};
    },
  });

  const own = await makeServerCertificate();
  const port = await server.listen('127.0.0.1', { key: own.key, cert: own.cert, clientCertPem: options.clientCertPem });
  return { server, port, handshake: handshakeLine(port, own.cert) };
}

/**
 * The RPCs of tfplugin6.Provider, each with the {@link ProviderServer} method that answers it. The request
 * and the response pass through as the codec (protobuf.ts) decodes and encodes them (tfprotov6.ts). GetProviderSchema
 * is not here: {@link schemaHandler} serves it from encoded bytes.
 * @internal
 */
export const PROVIDER_RPCS: Readonly<Record<string, (provider: ProviderServer, req: any) => object>> = {
  GetMetadata: (p, r) => p.getMetadata(r),
  ValidateProviderConfig: (p, r) => p.validateProviderConfig(r),
  ValidateResourceConfig: (p, r) => p.validateResourceConfig(r),
  ValidateDataResourceConfig: (p, r) => p.validateDataResourceConfig(r),
  UpgradeResourceState: (p, r) => p.upgradeResourceState(r),
  ConfigureProvider: (p, r) => p.configureProvider(r),
  PlanResourceChange: (p, r) => p.planResourceChange(r),
  ApplyResourceChange: (p, r) => p.applyResourceChange(r),
  ReadResource: (p, r) => p.readResource(r),
  ImportResourceState: (p, r) => p.importResourceState(r),
  ReadDataSource: (p, r) => p.readDataSource(r),
  StopProvider: (p, r) => p.stopProvider(r),
};

/** The gRPC implementation of tfplugin6.Provider from {@link PROVIDER_RPCS}: each call logged, a throw answered INTERNAL. */
function providerHandlers(provider: ProviderServer, log: (line: string) => void): Record<string, UnaryHandler> {
  const handlers: Record<string, UnaryHandler> = {};
  for (const [name, rpc] of Object.entries(PROVIDER_RPCS)) {
    handlers[name] = (request: any) => {
      try {
        const res = rpc(provider, request);
        log(`${name} ${request?.type_name ?? ''}`.trim());
        return res;
      } catch (e) {
        log(`${name} failed: ${(e as Error).stack ?? e}`);
        throw new GrpcError(GrpcStatus.INTERNAL, `${SCHEMA_ONLY}: ${name}: ${(e as Error).message}`);
      }
    };
  }
  return handlers;
}

/** GetProviderSchema from the encoded bytes (schema-cache.ts), which the server passes through. */
function schemaHandler(provider: ProviderServer, def: ServiceDefinition, log: (line: string) => void): UnaryHandler {
  let bytes: Buffer | undefined;
  return () => {
    try {
      if (!bytes) bytes = encodedProviderSchema(() => def.GetProviderSchema.responseSerialize(provider.getProviderSchema({})), log);
      return bytes;
    } catch (e) {
      throw new GrpcError(GrpcStatus.INTERNAL, `${SCHEMA_ONLY}: GetProviderSchema: ${(e as Error).message}`);
    }
  };
}

/**
 * The plugin's main: checks the handshake environment (exit 1 with a message on stderr when it is not
 * Terraform that started it, or when the host did not ask for AutoMTLS), serves, prints the handshake
 * line, and exits when the host shuts it down, when the host process goes away, or on SIGTERM.
 */
export async function pluginMain(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const problem = handshakeProblem(env) ?? (env.PLUGIN_CLIENT_CERT ? undefined : NO_CLIENT_CERT);
  if (problem) {
    process.stderr.write(problem + '\n');
    process.exitCode = 1;
    return;
  }
  const verbose = !!env.TF_LOG || !!env.CDKTF_ALICLOUD_PLUGIN_LOG;
  const log = (line: string) => {
    if (verbose) process.stderr.write(`[cdktf-alicloud-ipv6 offline provider] ${line}\n`);
  };
  const stop = () => {
    running.server.forceShutdown();
    process.exit(0);
  };
  const running = await startPluginServer({ clientCertPem: env.PLUGIN_CLIENT_CERT!, log, onShutdown: () => stop() });
  process.stdout.write(running.handshake + '\n');
  log(`serving tfplugin6 on 127.0.0.1:${running.port} (AutoMTLS)`);
  process.on('SIGTERM', stop);
  // As go-plugin's servers do: Ctrl-C reaches the whole process group, and the host (which got it too)
  // decides when its plugins stop.
  process.on('SIGINT', () => log('SIGINT ignored: the host stops the plugin'));
  // go-plugin stops its plugins; if the host dies first, do not linger as an orphan.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
}
