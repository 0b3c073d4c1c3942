/**
 * `cdktf-alicloud-ipv6 check <path>...`: the IPv6 rule pack on any Terraform (a folder of .tf/.tf.json, a
 * synthesized stack or cdk.tf.json, a plan JSON), with text, JSON or SARIF output. Exit 0 when clean, 1 on
 * findings at or above --fail-on, 2 on a usage or input error (naming the file and line).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CheckConfig, CONFIG_FILE, defaultConfig, loadConfig } from '../check/config';
import { active, formatJson, formatSarif, formatText, summarize, summaryLine } from '../check/format';
import { CheckInputError, InputKind } from '../check/model';
import { checkInput } from '../check/resolve';
import { CheckedInput } from '../check/run';
import { VarSource } from '../check/values';
import { Ipv6CheckLevel } from '../rules/types';

/** What the command writes to; `isTty` decides colour. */
export interface CheckIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTty?: boolean;
}

/** The usage line. */
export const CHECK_USAGE = 'check <path>... [--input hcl|json|plan] [--format text|json|sarif] [--output FILE] [--fail-on error|warning|never] [--config FILE] [--var NAME=VALUE]... [--var-file FILE]... [--no-color]';

/** A bad command line (the caller prints it with the usage, exit 2). */
export class CheckUsageError extends Error {}

interface Options {
  readonly paths: string[];
  readonly input?: InputKind;
  readonly format: 'text' | 'json' | 'sarif';
  readonly output?: string;
  readonly failOn: 'error' | 'warning' | 'never';
  readonly config?: string;
  readonly colour?: boolean;
  /** `--var` and `--var-file`, in the order given. */
  readonly vars: VarSource[];
}

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new CheckUsageError(`${flag} needs a value (${allowed.join('|')})`);
  if (!(allowed as readonly string[]).includes(value)) throw new CheckUsageError(`${flag} ${value}: expected one of ${allowed.join(', ')}`);
  return value as T;
}

/** `--var name=value`, as Terraform's `-var`: the name before the first `=`, the rest is the value. */
function varFlag(text: string): VarSource {
  const eq = text.indexOf('=');
  const name = eq > 0 ? text.slice(0, eq).trim() : '';
  if (!/^[A-Za-z_][\w-]*$/.test(name)) throw new CheckUsageError(`--var ${text}: expected NAME=VALUE, e.g. --var region=cn-hangzhou`);
  return { kind: 'var', name, value: text.slice(eq + 1) };
}

function parseArgs(args: readonly string[]): Options {
  const paths: string[] = [];
  let input: InputKind | undefined; let format: Options['format'] = 'text'; let output: string | undefined;
  let failOn: Options['failOn'] = 'error'; let config: string | undefined; let colour: boolean | undefined;
  const vars: VarSource[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new CheckUsageError(`${flag} needs a value`);
      i++;
      return v;
    };
    switch (flag) {
      case '--input': input = choice(flag, value(), ['hcl', 'json', 'plan'] as const); break;
      case '--format': format = choice(flag, value(), ['text', 'json', 'sarif'] as const); break;
      case '--output': case '-o': output = value(); break;
      case '--fail-on': failOn = choice(flag, value(), ['error', 'warning', 'never'] as const); break;
      case '--config': config = value(); break;
      case '--var': vars.push(varFlag(value())); break;
      case '--var-file': vars.push({ kind: 'file', file: value() }); break;
      case '--no-color': colour = false; break;
      case '--color': colour = true; break;
      case '--': break;
      default:
        if (a.startsWith('-') && a !== '-') throw new CheckUsageError(`unknown option ${a}`);
        paths.push(a);
    }
  }
  if (paths.length === 0) throw new CheckUsageError('give at least one path: a Terraform folder, a synthesized stack folder or cdk.tf.json, or a plan JSON');
  return { paths, input, format, output, failOn, config, colour, vars };
}

/** The config: --config, else .ipv6-checks.json in the first input's folder, else in the working folder. */
function findConfig(o: Options): CheckConfig {
  if (o.config) return loadConfig(o.config);
  const first = o.paths[0];
  const dir = fs.existsSync(first) && fs.statSync(first).isDirectory() ? first : path.dirname(first);
  for (const d of [dir, '.']) {
    const f = path.join(d, CONFIG_FILE);
    if (fs.existsSync(f)) return loadConfig(f);
  }
  return defaultConfig();
}

/** Runs the check and resolves to the exit code (0, 1 or 2). Input errors are printed here. */
export async function runCheck(args: readonly string[], io: CheckIo): Promise<number> {
  const o = parseArgs(args);
  let results: CheckedInput[];
  try {
    const config = findConfig(o);
    results = [];
    for (const p of o.paths) results.push(await checkInput(p, o.input, { vars: o.vars }, config));
  } catch (e) {
    if (e instanceof CheckInputError) {
      io.err(`cdktf-alicloud-ipv6 check: ${e.describe()}\n`);
      return 2;
    }
    throw e;
  }
  const colour = o.output === undefined && (o.colour ?? (io.isTty === true && !process.env.NO_COLOR));
  const text = o.format === 'json' ? formatJson(results) : o.format === 'sarif' ? formatSarif(results) : formatText(results, colour);
  if (o.output) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(o.output)), { recursive: true });
      fs.writeFileSync(o.output, text);
    } catch (e) {
      io.err(`cdktf-alicloud-ipv6 check: cannot write ${o.output}: ${(e as Error).message}\n`);
      return 2;
    }
    if (o.format !== 'text') io.err(`${summaryLine(summarize(results))}\n`);
  } else {
    io.out(text);
  }
  const failing = (level: Ipv6CheckLevel) => o.failOn === 'never' ? false
    : level === Ipv6CheckLevel.ERROR || (o.failOn === 'warning' && level === Ipv6CheckLevel.WARNING);
  return results.some((r) => r.findings.some((f) => active(f) && failing(f.level))) ? 1 : 0;
}
