/**
 * The provider's patterns are Go regular expressions (RE2 syntax and semantics): `validation.StringMatch`
 * and the provider's own validators call `regexp.MustCompile(p).MatchString(s)`, an unanchored search.
 * re2js is the JavaScript port of RE2, so a pattern compiles and matches here exactly as in the provider
 * (Unicode classes, `(?P<name>)`, `\z`, `(?U)`, `\Q…\E`; no lookaround or backreferences).
 *
 * Loading re2js costs 20–50 ms per process, and synth runs the limits on every stack, so `lazyRe2` takes a
 * fast path: a pattern written only in a small subset of the syntax on which RE2 and JavaScript's `u`-mode
 * RegExp agree (see `jsEquivalent`) is matched with a native RegExp; any other pattern with re2js, loaded and
 * compiled on the first match. test/schema/re2.test.ts checks the two engines agree on every fast-path pattern
 * of the schema.
 */
import type { RE2JS } from 're2js';

/** A compiled RE2 pattern. */
export interface Re2Pattern {
  /** The pattern as written in the provider. */
  readonly source: string;
  /** Go's `MatchString`: whether the pattern matches anywhere in the input. */
  test(input: string): boolean;
}

/** A compiled pattern, or why Go's `regexp.Compile` would reject it. */
export type Re2Compilation =
  | { readonly kind: 'ok'; readonly pattern: Re2Pattern }
  | { readonly kind: 'invalid'; readonly reason: string };

let engine: typeof RE2JS | undefined;

function re2js(): typeof RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= (require('re2js') as { RE2JS: typeof RE2JS }).RE2JS;
  return engine;
}

/** Compiles an RE2 pattern now, as Go's `regexp.Compile` does. */
export function compileRe2(source: string): Re2Compilation {
  let compiled: RE2JS;
  try {
    compiled = re2js().compile(source);
  } catch (e) {
    return { kind: 'invalid', reason: (e as Error).message };
  }
  return { kind: 'ok', pattern: { source, test: (input: string) => compiled.matcher(input).find() } };
}

/** Escapes that mean the same in RE2 and in a JavaScript `u`-mode RegExp: ASCII classes and escaped punctuation. */
const SAFE_ESCAPES = new Set(['d', 'D', 'w', 'W', ...'.-+*?()[]{}|^$\\/']);

/**
 * A JavaScript RegExp that matches exactly the strings the RE2 pattern matches, or undefined when the pattern
 * uses anything outside the agreed subset: literal characters, `^` and `$` (no multi-line flag in either),
 * groups without flags or names (`(`, `(?:`), the quantifiers `* + ? {n,m}` and their lazy forms (a boolean
 * search does not depend on greediness), bracket classes without POSIX names, and SAFE_ESCAPES. Left to RE2:
 * `.` (RE2 excludes only `\n`, JavaScript also `\r`, U+2028 and U+2029), `\s`, `\b`, `\p{..}`, `\x{..}`,
 * `\z`, `\Q..\E`, flags such as `(?i)`, named groups and `[[:alpha:]]`. `u` mode makes both count code points.
 */
export function jsEquivalent(source: string): RegExp | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (!SAFE_ESCAPES.has(source[i + 1])) return undefined;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '[') return undefined; // POSIX classes ([:alpha:]) or nested brackets
    } else if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++; // a leading ] is a literal in RE2, an empty class in JavaScript
      if (source[i] === ']') return undefined;
    } else if (c === '.') {
      return undefined;
    } else if (c === '(' && source[i + 1] === '?' && source[i + 2] !== ':') {
      return undefined;
    }
  }
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}

/**
 * A pattern compiled on its first `test` (natively when `jsEquivalent` allows, else with re2js). A pattern Go would reject cannot be in a shipped provider
 * (`regexp.MustCompile` panics at start-up); should one appear, `test` answers `whenInvalid`, so that
 * it never causes a finding (true for "must match", false for "must not match").
 */
export function lazyRe2(source: string, whenInvalid: boolean): Re2Pattern {
  let compiled: ((input: string) => boolean) | undefined;
  return {
    source,
    test(input: string): boolean {
      if (!compiled) {
        const native = jsEquivalent(source);
        const re2 = native ? undefined : compileRe2(source);
        compiled = native ? (s) => native.test(s) : re2!.kind === 'ok' ? re2!.pattern.test : () => whenInvalid;
      }
      return compiled(input);
    },
  };
}
