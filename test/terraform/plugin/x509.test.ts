import * as crypto from 'crypto';
import { makeServerCertificate } from '../../../src/terraform/plugin/handshake';
import { oid, selfSignedCertificate } from '../../../src/terraform/plugin/x509';

/**
 * The plugin's AutoMTLS certificate, made with Node's crypto (x509.ts), read back by Node's X.509 parser
 * (OpenSSL). That Terraform (Go's crypto/x509) accepts it is shown by every `npx projen test:terraform` run.
 */
describe('the plugin\'s server certificate', () => {
  let pem: { cert: string; key: string };
  let cert: crypto.X509Certificate;
  beforeAll(async () => {
    pem = await makeServerCertificate();
    cert = new crypto.X509Certificate(pem.cert);
  });

  test('is a self-signed CA certificate for localhost, signed by its own EC P-256 key', () => {
    expect(cert.subject).toBe('CN=localhost\nO=cdktf-alicloud-ipv6 offline provider');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.ca).toBe(true);
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.subjectAltName).toBe('DNS:localhost');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']); // extKeyUsage: serverAuth, clientAuth
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkIssued(cert)).toBe(true);
    expect(cert.publicKey.asymmetricKeyType).toBe('ec');
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const key = crypto.createPrivateKey(pem.key);
    expect(cert.checkPrivateKey(key)).toBe(true);
  });

  test('is valid from a minute ago for a day, with a fresh key and serial each time', async () => {
    const from = Date.parse(cert.validFrom);
    expect(Math.abs(from - (Date.now() - 60_000))).toBeLessThan(30_000);
    expect(Date.parse(cert.validTo) - from).toBe(24 * 3600_000);
    const other = new crypto.X509Certificate((await makeServerCertificate()).cert);
    expect(other.serialNumber).not.toBe(cert.serialNumber);
    expect(other.publicKey.export({ type: 'spki', format: 'der' })).not.toEqual(cert.publicKey.export({ type: 'spki', format: 'der' }));
  });

  test('a key that is not the certificate\'s does not verify it', () => {
    const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(cert.verify(publicKey)).toBe(false);
  });
});

describe('DER pieces', () => {
  test('object identifiers, with multi-byte arcs', () => {
    expect(oid('2.5.29.19').toString('hex')).toBe('0603551d13');
    expect(oid('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302');
    expect(oid('1.3.6.1.5.5.7.3.1').toString('hex')).toBe('06082b06010505070301');
  });

  test('long names get multi-byte lengths; dates outside UTCTime are refused', () => {
    const c = selfSignedCertificate({ commonName: 'x'.repeat(300), notBefore: new Date(Date.UTC(2030, 0, 1)), notAfter: new Date(Date.UTC(2031, 0, 1)), dnsNames: ['a', 'b'] });
    const x = new crypto.X509Certificate(c.cert);
    expect(x.subject).toBe(`CN=${'x'.repeat(300)}`);
    expect(x.subjectAltName).toBe('DNS:a, DNS:b');
    expect(x.verify(x.publicKey)).toBe(true);
    expect(() => selfSignedCertificate({ commonName: 'x', notBefore: new Date(Date.UTC(2049, 0, 1)), notAfter: new Date(Date.UTC(2050, 0, 1)), dnsNames: [] }))
      .toThrow(/outside UTCTime's range/);
  });
});
