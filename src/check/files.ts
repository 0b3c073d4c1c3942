/**
 * Reading input files safely: text only (a binary file is an error naming it), JSON with the line of a
 * syntax error.
 * @internal
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import { CheckInputError } from './model';

/** The text of a file; throws a CheckInputError for a binary file, a folder or an unreadable file. @internal */
export function readText(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new CheckInputError(`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
  // A NUL byte in the first 8 KiB, or bytes that are not UTF-8: not a Terraform or JSON file.
  if (buf.subarray(0, 8192).includes(0)) throw new CheckInputError('is a binary file, not Terraform (HCL), Terraform JSON or a plan JSON', file);
  // isUtf8 validates without decoding (a fatal TextDecoder costs as much as JSON.parse on a large plan).
  if (!isUtf8(buf)) throw new CheckInputError('is not UTF-8 text (a binary file?), not Terraform (HCL), Terraform JSON or a plan JSON', file);
  const text = buf.toString('utf-8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The 1-based line of a character offset. @internal */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** JSON.parse, with a CheckInputError naming the file and the line of a syntax error. @internal */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const line = lc ? Number(lc[1]) : pos ? lineAt(text, Number(pos[1])) : text.trim() === '' ? 1 : undefined;
    throw new CheckInputError(`is not valid JSON: ${text.trim() === '' ? 'the file is empty' : message.replace(/^JSON\.parse: /, '')}`, file, line);
  }
}
