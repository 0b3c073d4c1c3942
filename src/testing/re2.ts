/**
 * Translation of Go RE2 patterns (as written in the provider's validators) to JavaScript RegExps.
 *
 * Only what has a faithful JavaScript equivalent is translated. A pattern that uses anything else
 * (inline flags other than a leading `(?ims)`, `(?U)`, `\Q...\E`, `\C`, octal escapes, negated
 * POSIX classes, ...) is reported as untranslatable so the caller can skip the check instead of
 * guessing.
 */

/** The outcome of translating one RE2 pattern. */
export type Re2Translation =
  | { readonly kind: 'ok'; readonly regex: RegExp }
  /** Uses an RE2 feature with no faithful JavaScript form: skip checks that need it. */
  | { readonly kind: 'untranslatable'; readonly reason: string }
  /** Translated, but the result does not compile: the pattern itself is malformed. */
  | { readonly kind: 'invalid'; readonly reason: string };

/** Characters that JavaScript `u`-mode patterns allow after a backslash (plus `-` inside a class). */
const JS_SYNTAX_CHARS = '^$\\.*+?()[]{}|/';

/** RE2 `[:name:]` classes as JavaScript class contents (ASCII, like RE2). */
const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** RE2's `\s` is the Perl class `[\t\n\f\r ]`, narrower than JavaScript's Unicode `\s`. */
const RE2_SPACE = '\\t\\n\\f\\r ';

class Untranslatable extends Error {}

/** Maps an RE2 Unicode class name (`L`, `Lu`, `Greek`, `Any`) to JavaScript `\p{...}` syntax. */
function unicodeProperty(name: string): string {
  if (/^[A-Z][a-z]?$/.test(name) || name === 'Any') return name;
  if (/^[A-Z][A-Za-z_]*$/.test(name)) return `Script=${name}`;
  throw new Untranslatable(`Unicode class \\p{${name}}`);
}

function hexEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
}

/** Rewrites RE2 syntax into JavaScript syntax; throws Untranslatable. Returns [source, flags, needsUnicode]. */
function rewrite(pattern: string): [string, string, boolean] {
  let src = pattern;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    if (lead[1].includes('U')) throw new Untranslatable('ungreedy flag (?U)');
    flags = [...new Set(lead[1])].join('');
    src = src.slice(lead[0].length);
  }
  let needsUnicode = false;
  let out = '';
  let inClass = false;
  let classStart = false; // just after `[` or `[^`: a `]` here is a literal
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const atClassStart = classStart;
    classStart = false;
    if (c === '\\') {
      const n = src[++i];
      if (n === undefined) throw new Untranslatable('trailing backslash');
      if (n === 'A' || n === 'z') {
        if (inClass || flags.includes('m')) throw new Untranslatable(`\\${n} with multi-line flag or in a class`);
        out += n === 'A' ? '^' : '$';
      } else if (n === 'p' || n === 'P') {
        let name: string;
        if (src[i + 1] === '{') {
          const end = src.indexOf('}', i + 2);
          if (end < 0) throw new Untranslatable('unterminated \\p{');
          name = src.slice(i + 2, end);
          i = end;
        } else {
          name = src[++i] ?? '';
        }
        let negate = n === 'P';
        if (name.startsWith('^')) {
          negate = !negate;
          name = name.slice(1);
        }
        out += `\\${negate ? 'P' : 'p'}{${unicodeProperty(name)}}`;
        needsUnicode = true;
      } else if (n === 'x') {
        if (src[i + 1] === '{') {
          const end = src.indexOf('}', i + 2);
          const hex = end < 0 ? '' : src.slice(i + 2, end);
          if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) throw new Untranslatable('malformed \\x{...}');
          out += `\\u{${hex}}`;
          needsUnicode = true;
          i = end;
        } else {
          const hex = src.slice(i + 1, i + 3);
          if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new Untranslatable('malformed \\x escape');
          out += `\\x${hex}`;
          i += 2;
        }
      } else if (n === 's') {
        out += inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
      } else if (n === 'S') {
        if (inClass) throw new Untranslatable('\\S inside a class');
        out += `[^${RE2_SPACE}]`;
      } else if ('dDwWbBtnrfv'.includes(n)) {
        out += `\\${n}`;
      } else if (n === 'a') {
        out += '\\x07';
      } else if (/[A-Za-z0-9]/.test(n)) {
        throw new Untranslatable(`escape \\${n}`);
      } else if (JS_SYNTAX_CHARS.includes(n) || (inClass && n === '-')) {
        out += `\\${n}`;
      } else {
        // RE2 allows escaping any punctuation; JavaScript u-mode does not, so spell it out.
        out += hexEscape(n);
      }
      continue;
    }
    if (inClass) {
      if (c === '[' && src[i + 1] === ':') {
        const end = src.indexOf(':]', i + 2);
        if (end < 0) {
          out += '\\[';
          continue;
        }
        const name = src.slice(i + 2, end);
        const body = POSIX_CLASSES[name];
        if (body === undefined) throw new Untranslatable(`POSIX class [:${name}:]`);
        out += body;
        i = end + 1;
      } else if (c === ']' && atClassStart) {
        out += '\\]';
      } else if (c === '[') {
        out += '\\[';
      } else {
        if (c === ']') inClass = false;
        out += c;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') {
        out += '^';
        i++;
      }
      classStart = true;
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      if (src.startsWith('(?P<', i)) {
        out += '(?<';
        i += 3;
      } else if (src.startsWith('(?:', i)) {
        out += '(?:';
        i += 2;
      } else if (src.startsWith('(?<', i) && /^\(\?<[A-Za-z_]/.test(src.slice(i))) {
        out += '(?<';
        i += 2;
      } else {
        throw new Untranslatable('inline flags or look-around group');
      }
      continue;
    }
    out += c;
  }
  if (inClass) throw new Untranslatable('unterminated character class');
  return [out, flags, needsUnicode];
}

/**
 * Translates a Go RE2 pattern to an equivalent JavaScript RegExp (unanchored search, like Go's
 * `MatchString`). The `u` flag is used when it compiles, so that classes match code points as RE2
 * does; a pattern that only compiles without it is still exact for characters in the BMP.
 */
export function translateRe2(pattern: string): Re2Translation {
  let rewritten: [string, string, boolean];
  try {
    rewritten = rewrite(pattern);
  } catch (e) {
    if (e instanceof Untranslatable) return { kind: 'untranslatable', reason: e.message };
    throw e;
  }
  const [source, flags, needsUnicode] = rewritten;
  try {
    return { kind: 'ok', regex: new RegExp(source, `${flags}u`) };
  } catch (e) {
    if (needsUnicode) return { kind: 'invalid', reason: (e as Error).message };
  }
  try {
    return { kind: 'ok', regex: new RegExp(source, flags) };
  } catch (e) {
    return { kind: 'invalid', reason: (e as Error).message };
  }
}
