/**
 * The gRPC service definitions the plugin serves, loaded from the package's `proto/` folder (our own
 * definitions of the public protocol; they ship in the npm package beside `schema/`), read and encoded by
 * protobuf.ts. A definition has the shape of `@grpc/grpc-js`'s ServiceDefinition (path, serializers), so a
 * grpc-js client can be made from it (the tests do); the plugin serves it with grpc-server.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseProto, ProtoCodec } from './protobuf';

/** `<package>/proto`, from both `src/terraform/plugin` and `lib/terraform/plugin`. */
export const PROTO_DIR = path.join(__dirname, '..', '..', '..', 'proto');

/** go-plugin's core protocol version (the first field of the handshake line). */
export const GO_PLUGIN_CORE_PROTOCOL = 1;
/** The Terraform plugin protocol served: tfplugin6. */
export const TF_PROTOCOL_VERSION = 6;
/** The magic cookie Terraform sets for its provider plugins (go-plugin's handshake). */
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** One unary or streaming method: its HTTP/2 path and its messages' (de)serializers. */
export interface MethodDefinition {
  readonly path: string;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
  readonly requestSerialize: (value: any) => Buffer;
  readonly requestDeserialize: (bytes: Buffer) => any;
  readonly responseSerialize: (value: any) => Buffer;
  readonly responseDeserialize: (bytes: Buffer) => any;
  /** The method's name in camelCase (grpc-js clients also answer to it). */
  readonly originalName: string;
}

/** A service: its methods by their .proto names. */
export type ServiceDefinition = Record<string, MethodDefinition>;

/** The loaded services. */
export interface Protocol {
  readonly provider: ServiceDefinition;
  readonly health: ServiceDefinition;
  readonly controller: ServiceDefinition;
}

let loaded: Protocol | undefined;

/** Loads the three services once per process. */
export function loadProtocol(): Protocol {
  if (loaded) return loaded;
  const files = ['tfplugin6.proto', 'grpc-health.proto', 'go-plugin.proto'];
  const codec = new ProtoCodec(parseProto(Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(PROTO_DIR, f), 'utf-8')]))));
  const service = (name: string): ServiceDefinition => {
    const methods = codec.root.services.get(name);
    if (!methods) throw new Error(`proto: no service ${name} in ${PROTO_DIR}`);
    return Object.fromEntries(methods.map((m) => [m.name, {
      path: `/${name}/${m.name}`,
      requestStream: m.clientStreaming,
      responseStream: m.serverStreaming,
      requestSerialize: (v: any) => codec.encode(m.input, v),
      requestDeserialize: (b: Buffer) => codec.decode(m.input, b),
      responseSerialize: (v: any) => codec.encode(m.output, v),
      responseDeserialize: (b: Buffer) => codec.decode(m.output, b),
      originalName: m.name.charAt(0).toLowerCase() + m.name.slice(1),
    }]));
  };
  loaded = {
    provider: service('tfplugin6.Provider'),
    health: service('grpc.health.v1.Health'),
    controller: service('plugin.GRPCController'),
  };
  return loaded;
}
