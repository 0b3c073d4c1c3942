/**
 * The provider's patterns are Go regular expressions (RE2 syntax and semantics): `validation.StringMatch`
 * and the provider's own validators call `regexp.MustCompile(p).MatchString(s)`, an unanchored search.
 * re2js is the JavaScript port of RE2, so a pattern compiles and matches here exactly as in the provider
 * (Unicode classes, `(?P<name>)`, `\z`, `(?U)`, `\Q…\E`; no lookaround or backreferences).
 */
import { RE2JS } from 're2js';

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

/** Compiles an RE2 pattern as Go's `regexp.Compile` does. */
export function compileRe2(source: string): Re2Compilation {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (e) {
    return { kind: 'invalid', reason: (e as Error).message };
  }
  return { kind: 'ok', pattern: { source, test: (input: string) => compiled.matcher(input).find() } };
}
