/**
 * The gRPC service definitions the plugin serves, loaded from the package's `proto/` folder (our own
 * definitions of the public protocol; they ship in the npm package beside `schema/`).
 */
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** `<package>/proto`, from both `src/terraform/plugin` and `lib/terraform/plugin`. */
export const PROTO_DIR = path.join(__dirname, '..', '..', '..', 'proto');

/** go-plugin's core protocol version (the first field of the handshake line). */
export const GO_PLUGIN_CORE_PROTOCOL = 1;
/** The Terraform plugin protocol served: tfplugin6. */
export const TF_PROTOCOL_VERSION = 6;
/** The magic cookie Terraform sets for its provider plugins (go-plugin's handshake). */
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** The loaded services. */
export interface Protocol {
  readonly provider: grpc.ServiceDefinition;
  readonly health: grpc.ServiceDefinition;
  readonly controller: grpc.ServiceDefinition;
}

let loaded: Protocol | undefined;

/** Loads the three services once per process. */
export function loadProtocol(): Protocol {
  if (loaded) return loaded;
  const options: protoLoader.Options = { keepCase: true, longs: Number, enums: Number, defaults: false, oneofs: true };
  const def = protoLoader.loadSync(['tfplugin6.proto', 'grpc-health.proto', 'go-plugin.proto'].map((f) => path.join(PROTO_DIR, f)), options);
  const service = (name: string) => {
    const s = def[name] as grpc.ServiceDefinition | undefined;
    if (!s || typeof s !== 'object') throw new Error(`proto: no service ${name} in ${PROTO_DIR}`);
    return s;
  };
  loaded = {
    provider: service('tfplugin6.Provider'),
    health: service('grpc.health.v1.Health'),
    controller: service('plugin.GRPCController'),
  };
  return loaded;
}
