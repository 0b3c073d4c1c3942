/**
 * The values of the root module's variables as Terraform decides them, lowest precedence first: the
 * `default` of the `variable` block, `TF_VAR_<name>` environment variables, `terraform.tfvars`,
 * `terraform.tfvars.json`, `*.auto.tfvars` and `*.auto.tfvars.json` (in lexical order of their names), then
 * `-var name=value` and `-var-file FILE` in the order given. Each value says where it came from
 * (`the default at variables.tf:3`, `from terraform.tfvars:1`), so a finding decided from it can say so.
 * Child modules' variables take their module call's arguments, else their defaults (modules.ts).
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseJson, readText } from './files';
import { assignmentLines, BlockLines } from './lines';
import { CheckInputError } from './model';
import { isJsonObject as isObject } from '../core/terraform-json';

/** A `--var name=value` or `--var-file FILE` of the command line, in the order given. @internal */
export type VarSource =
  | { readonly kind: 'var'; readonly name: string; readonly value: string }
  | { readonly kind: 'file'; readonly file: string };

/** Where a value came from: a sentence, and the place when there is one. @internal */
export interface Origin {
  /** `the default at variables.tf:3`, `from terraform.tfvars:1`, `from --var region=me-east-1`. */
  readonly text: string;
  readonly file?: string;
  readonly line?: number;
}

/** A variable's value (`value` undefined: it has none) and where it came from. @internal */
export interface VariableValue {
  readonly value?: unknown;
  readonly origin: Origin;
}

let hcl2json: typeof import('@cdktf/hcl2json') | undefined;

/** Parses an HCL `.tfvars` file (attributes only) to JSON. */
async function parseTfvars(file: string, text: string): Promise<Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hcl2json ??= require('@cdktf/hcl2json') as typeof import('@cdktf/hcl2json');
  try {
    const out = await hcl2json.parse(path.basename(file), text);
    return isObject(out) ? out : {};
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    const m = /:(\d+),(\d+)(?:-[\d,]+)?: ([^\]]*)/.exec(message);
    throw new CheckInputError(`is not a valid variable definitions file: ${m ? m[3].trim() : message.replace(/^parse config: /, '')}`, file, m ? Number(m[1]) : undefined);
  }
}

/** The body of a `variable` block (HCL gives a list of one body, JSON an object). @internal */
export function variableBody(v: unknown): Record<string, any> {
  const body = Array.isArray(v) ? v[0] : v;
  return isObject(body) ? body : {};
}

/** Whether a variable's declared type is a collection or structure (a `-var` value is then parsed as HCL). */
function isComplexType(type: unknown): boolean {
  return typeof type === 'string' && /^\$\{\s*(list|set|map|tuple|object|any)\b/.test(type);
}

/** A value given as text (`-var`, `TF_VAR_`): a string for primitive types, an HCL expression for the others. */
async function textValue(text: string, type: unknown, where: string): Promise<unknown> {
  if (!isComplexType(type)) return text;
  const parsed = await parseTfvars(where, `value = ${text}\n`);
  return parsed.value;
}

const shown = (file: string, line: number | undefined) => `${file}${line !== undefined ? `:${line}` : ''}`;

/** Reads one variable definitions file (HCL or JSON) into name → value, with lines. */
async function readVarFile(file: string): Promise<{ values: Record<string, unknown>; lines: Map<string, number> }> {
  const text = readText(file);
  const values = file.endsWith('.json') ? parseJson(text, file) : await parseTfvars(file, text);
  if (!isObject(values)) throw new CheckInputError('must be a JSON object of variable names and values', file);
  return { values, lines: assignmentLines(file, text) };
}

/** The variable definitions files Terraform reads by itself in a root folder, in order. @internal */
export function autoVarFiles(dir: string): string[] {
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  return [...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)), ...auto]
    .map((n) => path.join(dir, n)).filter((f) => fs.statSync(f).isFile());
}

/**
 * The root module's variables: name → value with its origin, by Terraform's precedence. A `--var` for a
 * variable the root module does not declare is an error, as in Terraform; a definitions file may set others.
 * @internal
 */
export async function rootVariableValues(
  dir: string,
  variables: Record<string, unknown>,
  blocks: readonly BlockLines[],
  sources: readonly VarSource[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Map<string, VariableValue>> {
  const out = new Map<string, VariableValue>();
  const declared = new Map<string, Record<string, any>>();
  for (const [name, v] of Object.entries(variables)) declared.set(name, variableBody(v));
  for (const [name, body] of declared) {
    const block = blocks.find((b) => b.kind === 'variable' && b.labels[0] === name);
    if ('default' in body && body.default !== null) {
      const line = block?.args.get('default') ?? block?.line;
      out.set(name, { value: body.default, origin: { text: `the default at ${shown(block?.file ?? dir, line)}`, file: block?.file, line } });
    } else {
      out.set(name, {
        origin: {
          text: `var.${name} has no default and no value (terraform.tfvars, *.auto.tfvars, --var, --var-file)${block ? `, declared at ${shown(block.file, block.line)}` : ''}`,
          file: block?.file,
          line: block?.line,
        },
      });
    }
  }
  for (const [name, body] of declared) {
    const text = env[`TF_VAR_${name}`];
    if (text !== undefined) out.set(name, { value: await textValue(text, body.type, `TF_VAR_${name}`), origin: { text: `from the environment variable TF_VAR_${name}` } });
  }
  const fromFile = async (file: string) => {
    const { values, lines } = await readVarFile(file);
    for (const [name, value] of Object.entries(values)) {
      // Terraform warns about values for undeclared variables in files and ignores them; null means unset
      if (!declared.has(name) || value === null) continue;
      const line = lines.get(name);
      out.set(name, { value, origin: { text: `from ${shown(file, line)}`, file, line } });
    }
  };
  for (const file of autoVarFiles(dir)) await fromFile(file);
  for (const s of sources) {
    if (s.kind === 'file') {
      if (!fs.existsSync(s.file)) throw new CheckInputError('does not exist (given with --var-file)', s.file);
      await fromFile(s.file);
      continue;
    }
    const body = declared.get(s.name);
    if (!body) {
      throw new CheckInputError(`--var ${s.name}: the root module declares no variable "${s.name}" (Terraform rejects a value for an undeclared variable)${declared.size > 0 ? `; it declares ${[...declared.keys()].join(', ')}` : ''}`, dir);
    }
    out.set(s.name, { value: await textValue(s.value, body.type, `--var ${s.name}`), origin: { text: `from --var ${s.name}=${s.value}` } });
  }
  return out;
}
