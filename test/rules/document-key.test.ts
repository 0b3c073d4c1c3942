import { createHash } from 'crypto';
import { documentKey } from '../../src/rules/synthesized';

/** The document as Testing.synth shapes it: every `//` key dropped, object keys sorted, as JSON text (the reference). */
function shaped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shaped);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) if (k !== '//') out[k] = shaped((value as Record<string, unknown>)[k]);
  return out;
}
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A document of many resources, written with its keys out of order and with `//` metadata at two depths. */
function bigDocument(n: number): Record<string, any> {
  const resource: Record<string, any> = {};
  for (let i = n - 1; i >= 0; i--) {
    resource[`r${i}`] = { 'name': `web-${i}`, '//': { metadata: { path: `app/r${i}` } }, 'cidr_block': '10.0.0.0/16', 'tags': { z: 'last', a: `first ${i} "q"` }, 'list': [3, { b: 1, a: null }, 'x'] };
  }
  return { 'resource': { alicloud_vpc: resource }, '//': { metadata: { version: '0.21.0' } }, 'provider': { alicloud: [{ region: 'cn-huhehaote' }] } };
}

describe('documentKey', () => {
  test.each([1, 10, 2000])('of a document of %i resources (up to about 300 KB of text, hashed in pieces) is the SHA-256 of its shaped JSON text', (n) => {
    const doc = bigDocument(n);
    expect(documentKey(doc)).toBe(sha256(JSON.stringify(shaped(doc))));
  });

  test('ignores `//` metadata and key order, and sees every value change', () => {
    const doc = bigDocument(50);
    const reordered = JSON.parse(JSON.stringify(shaped(doc)));
    expect(documentKey(reordered)).toBe(documentKey(doc));
    reordered.resource.alicloud_vpc.r49.tags.a = 'changed';
    expect(documentKey(reordered)).not.toBe(documentKey(doc));
  });
});
