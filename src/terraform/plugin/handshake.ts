/**
 * go-plugin's side of the plugin process: how Terraform starts it and how the plugin answers.
 *
 * Terraform starts the plugin with `TF_PLUGIN_MAGIC_COOKIE`, `PLUGIN_PROTOCOL_VERSIONS` and (AutoMTLS)
 * `PLUGIN_CLIENT_CERT`, its own certificate. The plugin then
 *   - makes a self-signed EC P-256 certificate for `localhost` (a CA certificate: Terraform trusts
 *     exactly that certificate);
 *   - serves gRPC over TLS on 127.0.0.1, requiring a client certificate that verifies against
 *     `PLUGIN_CLIENT_CERT` (server.ts);
 *   - prints ONE line on stdout, `1|6|tcp|127.0.0.1:<port>|grpc|<certificate DER, base64 without padding>`.
 * Without `PLUGIN_CLIENT_CERT` (a go-plugin host without AutoMTLS) it refuses to start, with a message on
 * stderr and exit 1: it never serves plain gRPC. Logs go to stderr; nothing else is ever written to stdout.
 */
import { GO_PLUGIN_CORE_PROTOCOL, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, TF_PROTOCOL_VERSION } from './protocol';
import { selfSignedCertificate } from './x509';

/** What `main` tells someone who runs the plugin by hand. */
export const NOT_FOR_HUMANS = 'This binary is a plugin: the offline, schema-only aliyun/alicloud provider of cdktf-alicloud-ipv6. '
  + 'It is not meant to be executed directly; Terraform starts it. Run `cdktf-alicloud-ipv6 validate <stack-dir>` or '
  + '`cdktf-alicloud-ipv6 terraform <stack-dir> -- <terraform args>` instead.';

/** Why the plugin does not start without `PLUGIN_CLIENT_CERT`. */
export const NO_CLIENT_CERT = 'cdktf-alicloud-ipv6 offline provider: PLUGIN_CLIENT_CERT is not set, so the host did not ask for AutoMTLS; '
  + 'this plugin never serves plain gRPC and does not start. Terraform 0.15 or later sets it (do not set TF_DISABLE_PLUGIN_TLS).';

/** The server certificate and key, PEM. */
export interface ServerCertificate {
  readonly cert: string;
  readonly key: string;
}

/** A self-signed EC P-256 CA certificate for `localhost`, valid for a day (one plugin process). */
export async function makeServerCertificate(): Promise<ServerCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 24 * 3600_000);
  // Node's crypto, not a certificate package (x509.ts): the same extensions as before.
  return selfSignedCertificate({
    commonName: 'localhost',
    organizationName: 'cdktf-alicloud-ipv6 offline provider',
    notBefore: notBeforeDate,
    notAfter: notAfterDate,
    dnsNames: ['localhost'],
  });
}

/** The handshake's certificate field: the DER as base64 without padding (the PEM body, joined). */
export function handshakeCertificate(pem: string): string {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return body.replace(/=+$/, '');
}

/** The line the plugin prints on stdout once it serves on `port` with the certificate `certPem`. */
export function handshakeLine(port: number, certPem: string): string {
  const fields = [String(GO_PLUGIN_CORE_PROTOCOL), String(TF_PROTOCOL_VERSION), 'tcp', `127.0.0.1:${port}`, 'grpc', handshakeCertificate(certPem)];
  return fields.join('|');
}

/** Why the environment is not a go-plugin host's, or undefined when it is. */
export function handshakeProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) return NOT_FOR_HUMANS;
  const versions = (env.PLUGIN_PROTOCOL_VERSIONS ?? String(TF_PROTOCOL_VERSION)).split(',').map((s) => s.trim());
  if (!versions.includes(String(TF_PROTOCOL_VERSION))) {
    return `This plugin speaks Terraform plugin protocol ${TF_PROTOCOL_VERSION}; the host offers ${versions.join(', ')} (Terraform 1.0 or later speaks 6).`;
  }
  return undefined;
}
