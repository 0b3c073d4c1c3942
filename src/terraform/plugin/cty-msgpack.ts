/**
 * Terraform's DynamicValue in msgpack, as cty writes it: objects are maps, null is nil, and an unknown
 * value is a msgpack extension (type 0; a refined unknown, which carries what is known about the value,
 * is type 12). Unknown values are decoded to {@link UnknownValue}, which keeps the extension's bytes, so
 * that a value decoded and encoded again is the same value.
 */
import { Decoder, Encoder, ExtensionCodec } from '@msgpack/msgpack';
import { DynamicValue } from './tfprotov6';

/** cty's extension type for an unknown value. */
export const CTY_UNKNOWN_EXT = 0;
/** cty's extension type for a refined unknown value (its refinements are the payload). */
export const CTY_REFINED_UNKNOWN_EXT = 12;

/** An unknown value ("known after apply"). */
export class UnknownValue {
  /** A plain unknown, as the plugin writes it: fixext1, type 0, data byte 0. */
  public static readonly PLAIN = new UnknownValue(CTY_UNKNOWN_EXT, new Uint8Array([0]));
  constructor(public readonly extType: number, public readonly data: Uint8Array) {}
}

/** Whether a decoded value is unknown. */
export function isUnknown(v: unknown): v is UnknownValue {
  return v instanceof UnknownValue;
}

const codec = new ExtensionCodec();
for (const type of [CTY_UNKNOWN_EXT, CTY_REFINED_UNKNOWN_EXT]) {
  codec.register({
    type,
    encode: (input) => (input instanceof UnknownValue && input.extType === type ? input.data : null),
    decode: (data) => new UnknownValue(type, data.slice()),
  });
}

// 64-bit integers stay exact (bigint); object keys come back as strings, in the order they were written.
const decoder = new Decoder({ extensionCodec: codec, useBigInt64: true });
const encoder = new Encoder({ extensionCodec: codec, useBigInt64: true, ignoreUndefined: false });

/** Decodes cty msgpack. Empty bytes (an absent DynamicValue) decode to null. */
export function decodeMsgpack(bytes: Uint8Array | undefined | null): unknown {
  if (!bytes || bytes.length === 0) return null;
  return decoder.decode(bytes);
}

/** Encodes a value (with {@link UnknownValue}s) to cty msgpack. `undefined` is written as null. */
export function encodeMsgpack(value: unknown): Buffer {
  const bytes = encoder.encode(value);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Decodes a DynamicValue, from msgpack or (when only that is set) JSON. */
export function decodeDynamicValue(dv: DynamicValue | undefined | null): unknown {
  if (!dv) return null;
  if (dv.msgpack && dv.msgpack.length > 0) return decodeMsgpack(dv.msgpack);
  if (dv.json && dv.json.length > 0) return JSON.parse(Buffer.from(dv.json).toString('utf-8'));
  return null;
}
