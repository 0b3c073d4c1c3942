/**
 * A self-signed X.509 v3 certificate made with Node's own crypto: an EC P-256 key (crypto.generateKeyPair),
 * the TBSCertificate written in DER here, signed with ECDSA-SHA256 (crypto.sign). This replaces the
/*, @noble/hashes) into
 * the npm package for one certificate per plugin process.
 *
 * Only what the plugin's certificate needs is written: a Name of UTF8String attributes, UTCTime validity
 * (dates before 2050), and the four extensions below.
 */
/* eslint-disable no-bitwise */ // DER lengths, OID arcs and key-usage bits are bit fields.
import * as crypto from 'crypto';

/** A DER TLV. */
function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) {len = Buffer.from([n]);} else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf-8'));
const octets = (b: Buffer) => tlv(0x04, b);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
/** BIT STRING with `unused` unused bits in the last byte. */
const bits = (b: Buffer, unused = 0) => tlv(0x03, Buffer.from([unused]), b);
/** A non-negative INTEGER from big-endian bytes (a leading 0x00 when the top bit is set; no redundant zeros). */
function uint(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && b[i + 1] < 0x80) i++;
  const v = b.subarray(i);
  return tlv(0x02, v[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const sub: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) sub.unshift(0x80 | (v & 0x7f));
    out.push(...sub);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime `YYMMDDHHMMSSZ` (RFC 5280: dates through 2049). */
function utcTime(d: Date): Buffer {
  if (d.getUTCFullYear() < 1950 || d.getUTCFullYear() >= 2050) throw new Error(`x509: ${d.toISOString()} is outside UTCTime's range`);
  const p = (n: number) => String(n).padStart(2, '0');
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, 'ascii'));
}

const OID = {
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

/** Options of {@link selfSignedCertificate}. */
export interface SelfSignedOptions {
  readonly commonName: string;
  readonly organizationName?: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DNS names of the subjectAltName extension. */
  readonly dnsNames: readonly string[];
}

/** The certificate and its private key, PEM (the key as PKCS#8). */
export interface SelfSignedCertificate {
  readonly cert: string;
  readonly key: string;
}

/**
 * A self-signed EC P-256 CA certificate (basicConstraints cA, critical; keyUsage digitalSignature,
 * keyEncipherment, keyCertSign, critical; extKeyUsage serverAuth + clientAuth; subjectAltName DNS names).
 */
export function selfSignedCertificate(options: SelfSignedOptions): SelfSignedCertificate {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = seq(
    set(seq(oid(OID.commonName), utf8(options.commonName))),
    ...(options.organizationName ? [set(seq(oid(OID.organizationName), utf8(options.organizationName)))] : []),
  );
  const serial = crypto.randomBytes(16);
  serial[0] &= 0x7f; // positive
  const algorithm = seq(oid(OID.ecdsaWithSha256));
  // keyUsage bits 0 (digitalSignature), 2 (keyEncipherment), 5 (keyCertSign): 1010 0100, 2 unused bits.
  const keyUsage = bits(Buffer.from([0xa4]), 2);
  const extensions = seq(
    extension(OID.basicConstraints, true, seq(bool(true))),
    extension(OID.keyUsage, true, keyUsage),
    extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth), oid(OID.clientAuth))),
    // dNSName is [2] IMPLICIT IA5String
    extension(OID.subjectAltName, false, seq(...options.dnsNames.map((d) => tlv(0x82, Buffer.from(d, 'ascii'))))),
  );
  const tbs = seq(
    tlv(0xa0, uint(Buffer.from([2]))), // [0] EXPLICIT version: v3
    uint(serial),
    algorithm,
    name, // issuer: self-signed
    seq(utcTime(options.notBefore), utcTime(options.notAfter)),
    name, // subject
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, extensions), // [3] EXPLICIT extensions
  );
  const signature = crypto.sign('sha256', tbs, privateKey); // DER ECDSA-Sig-Value
  const der = seq(tbs, algorithm, bits(signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  return { cert, key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}
