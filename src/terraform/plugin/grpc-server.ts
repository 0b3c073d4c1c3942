/**
 * A unary-only gRPC server over Node's own HTTP/2 and TLS: what the plugin needs of `@grpc/grpc-js`, whose
 * bundled copy (with @grpc/proto-loader, protobufjs and its `@types/node`) was about 9 MB of the npm package.
 *
 * The wire protocol (gRPC over HTTP/2): a POST to `/<package.Service>/<Method>` whose body is one
 * length-prefixed message (a flag byte, 0 = not compressed, and a 4-byte big-endian length); the answer is
 * HTTP status 200, `content-type: application/grpc`, one length-prefixed message, then the trailers
 * `grpc-status` (0 = OK) and `grpc-message`. An error is answered "trailers only": the status in the headers
 * and no body. Streaming methods, compression and deadlines are not served (the plugin needs none: every
 * tfplugin6 RPC it answers is unary; a streaming method is answered UNIMPLEMENTED, as grpc-js does for a
 * method it has no handler for).
 */
import * as http2 from 'http2';
import type { ServiceDefinition } from './protocol';

/** gRPC status codes used here. */
export const GrpcStatus = {
  OK: 0,
  INVALID_ARGUMENT: 3,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
} as const;

/** A handler's error with a gRPC status (anything else it throws is INTERNAL). */
export class GrpcError extends Error {
  public constructor(public readonly code: number, message: string) {
    super(message);
  }
}

/** Answers one request message with a response message (or bytes already encoded, passed through). */
export type UnaryHandler = (request: any) => object | Buffer;

/** The server's TLS: its key and certificate, and the one client certificate it trusts (AutoMTLS). */
export interface GrpcTlsOptions {
  readonly key: string;
  readonly cert: string;
  readonly clientCertPem: string;
}

/** `grpc-message` is percent-encoded (outside printable ASCII, and '%'). */
function percentEncode(s: string): string {
  return Array.from(Buffer.from(s, 'utf-8'))
    .map((b) => (b >= 0x20 && b <= 0x7e && b !== 0x25 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

interface Route {
  readonly handler: UnaryHandler;
  readonly deserialize: (b: Buffer) => any;
  readonly serialize: (v: any) => Buffer;
}

/** A unary gRPC server (see the top of this file). */
export class UnaryGrpcServer {
  private readonly routes = new Map<string, Route>();
  private readonly sessions = new Set<http2.ServerHttp2Session>();
  private server?: http2.Http2SecureServer;

  public constructor(private readonly options: { readonly maxReceiveMessageLength: number; readonly log?: (line: string) => void }) {}

  /** Serves the unary methods of `def` that `impl` has a handler for; any other is UNIMPLEMENTED. */
  public addService(def: ServiceDefinition, impl: Record<string, UnaryHandler>): void {
    for (const [name, handler] of Object.entries(impl)) {
      const m = def[name];
      if (!m) throw new Error(`grpc: no method ${name} in the service`);
      if (m.requestStream || m.responseStream) throw new Error(`grpc: ${m.path} is a streaming method; only unary methods are served`);
      this.routes.set(m.path, {
        handler,
        deserialize: m.requestDeserialize,
        serialize: (v) => (Buffer.isBuffer(v) ? v : m.responseSerialize(v)),
      });
    }
  }

  /** Listens on `host` (a free port) with TLS that requires the client certificate; resolves to the port. */
  public listen(host: string, tls: GrpcTlsOptions): Promise<number> {
    const server = http2.createSecureServer({
      key: tls.key,
      cert: tls.cert,
      ca: tls.clientCertPem,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      // The whole schema is one response of several MB: let it queue (the unit is MB).
      maxSessionMemory: 1024,
    });
    this.server = server;
    server.on('session', (session: http2.ServerHttp2Session) => {
      this.sessions.add(session);
      session.on('close', () => this.sessions.delete(session));
      session.on('error', (e) => this.options.log?.(`http2 session: ${e.message}`));
    });
    server.on('tlsClientError', (e) => this.options.log?.(`TLS: ${e.message}`));
    server.on('stream', (stream, headers) => this.onStream(stream, headers));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => {
        server.off('error', reject);
        resolve((server.address() as { port: number }).port);
      });
    });
  }

  /** Closes the listener and every connection at once. */
  public forceShutdown(): void {
    for (const s of this.sessions) s.destroy();
    this.sessions.clear();
    this.server?.close();
  }

  private onStream(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    stream.on('error', (e) => this.options.log?.(`http2 stream: ${e.message}`));
    const fail = (code: number, message: string) => {
      if (stream.destroyed || stream.headersSent) return;
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(code), 'grpc-message': percentEncode(message) }, { endStream: true });
    };
    if (headers[':method'] !== 'POST' || !String(headers['content-type'] ?? '').startsWith('application/grpc')) {
      stream.respond({ ':status': 415 }, { endStream: true });
      return;
    }
    const route = this.routes.get(String(headers[':path']));
    const chunks: Buffer[] = [];
    let length = 0;
    let tooLong = false;
    stream.on('data', (c: Buffer) => {
      length += c.length;
      if (length > this.options.maxReceiveMessageLength + 5) tooLong = true;
      else chunks.push(c);
    });
    stream.on('end', () => {
      if (!route) return fail(GrpcStatus.UNIMPLEMENTED, `unknown method ${headers[':path']}`);
      if (tooLong) return fail(GrpcStatus.RESOURCE_EXHAUSTED, `request larger than ${this.options.maxReceiveMessageLength} bytes`);
      const body = Buffer.concat(chunks);
      if (body.length < 5 || body.readUInt32BE(1) !== body.length - 5) return fail(GrpcStatus.INVALID_ARGUMENT, 'expected exactly one length-prefixed message');
      if (body[0] !== 0) return fail(GrpcStatus.UNIMPLEMENTED, 'compressed messages are not supported');
      let bytes: Buffer;
      try {
        bytes = route.serialize(route.handler(route.deserialize(body.subarray(5))));
      } catch (e) {
        return fail(e instanceof GrpcError ? e.code : GrpcStatus.INTERNAL, (e as Error).message);
      }
      if (stream.destroyed) return;
      const prefix = Buffer.alloc(5);
      prefix.writeUInt32BE(bytes.length, 1);
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0', 'grpc-message': '' }));
      stream.write(prefix);
      stream.end(bytes);
    });
  }
}
