/**
 * The one light scanner of HCL sources (and, with `json`, of JSON ones). The parser (`@cdktf/hcl2json`) gives no
 * positions, so the places of blocks, arguments and inline skips, and the points where a large file can be cut into
 * batches of whole top-level blocks, come from this scan. It follows quoted strings (escapes, `${ }` / `%{ }`
 * templates, `$${` / `%%{` literals), heredocs (`<<EOF`, `<<-EOF`), comments (`#`, `//`, `/* *\/`) and the nesting of
 * braces, brackets and parentheses, and it notes, in source order:
 *
 * - block headers (`resource "t" "n" {`, `locals {`, one-line `a { b = 1 }`), with their labels, depth and last line;
 * - assignments (`name =` at the start of an item of a body or an object, `"key":` in JSON), with their depth;
 * - comments, with their text up to the end of their first line;
 * - cut points: the line ends outside every block, bracket, string, heredoc and comment.
 *
 * It does not judge the syntax. A scan that cannot end cleanly (an unclosed string, heredoc, comment or bracket, or a
 * closing bracket that closes nothing) stops there with `complete: false` and what it found before: its users then
 * fall back to the whole-file parse (batches) or keep to the places found (a place not found is the input's, never a
 * wrong one).
 * @internal
 */

/** A block header: `type "label" label {`. @internal */
export interface HclBlock {
  readonly type: string;
  /** The labels, without their quotes. */
  readonly labels: readonly string[];
  /** Whether each label is quoted. */
  readonly quoted: readonly boolean[];
  /** 1-based line of the header. */
  readonly line: number;
  /** Open braces, brackets and parentheses around it (0: top level). */
  readonly depth: number;
  /** Whether the header is the first thing on its line. */
  readonly lineStart: boolean;
  /** Whether the header starts at column 0. */
  readonly column0: boolean;
  /** The index in `blocks` of the block whose body holds it directly. */
  readonly parent?: number;
  /** The line of its closing brace (undefined when the scan stopped before it). */
  endLine?: number;
}

/** An assignment: `name = ...` (HCL) or `"key": ...` (JSON, or an HCL object's `"key" =`). @internal */
export interface HclAssignment {
  /** The name, without quotes. */
  readonly name: string;
  readonly line: number;
  /** Open braces, brackets and parentheses around it (0: a top-level assignment, 1: an argument of a top-level block). */
  readonly depth: number;
  readonly lineStart: boolean;
  /** The index in `blocks` of the block whose body holds it directly (undefined in an object or at the top level). */
  readonly block?: number;
}

/** A comment. @internal */
export interface HclComment {
  readonly line: number;
  /** From its marker (`#`, `//`, `/*`) to the end of that line. */
  readonly text: string;
}

/** A line end outside everything: `offset` is just after it, `line` the line that follows. @internal */
export interface HclCut {
  readonly offset: number;
  readonly line: number;
}

/** What one scan found. @internal */
export interface HclScan {
  /** Whether the scan ended outside every string, heredoc, comment and bracket, with every bracket matched. */
  readonly complete: boolean;
  readonly blocks: readonly HclBlock[];
  readonly assignments: readonly HclAssignment[];
  readonly comments: readonly HclComment[];
  readonly cuts: readonly HclCut[];
}

/** Options: `json` reads JSON (no comments, templates or heredocs; keys are `"key":`). @internal */
export interface HclScanOptions {
  readonly json?: boolean;
}

const HEREDOC = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
const IDENT = /[A-Za-z_][\w-]*/y;
const QUOTED = /"((?:[^"\\\n]|\\.)*)"/y;
const SPACE = /[ \t]*/y;

/**
 * Open contexts: 'B' a block body, '{' an object (or other brace of an expression), '[' and '(' brackets,
 * '"' a quoted string, 'T' a template's `${ }` / `%{ }` inside a string.
 */
type Context = 'B' | '{' | '[' | '(' | '"' | 'T';

/** Scans an HCL (or, with `json`, a JSON) source once. @internal */
export function scanHcl(text: string, options: HclScanOptions = {}): HclScan {
  const json = options.json === true;
  const blocks: HclBlock[] = [];
  const assignments: HclAssignment[] = [];
  const comments: HclComment[] = [];
  const cuts: HclCut[] = [];
  const stack: Context[] = [];
  /** For each open 'B' in `stack`, the index of its block. */
  const open: number[] = [];
  let line = 1;
  let lineStartOffset = 0;
  /** At the start of an item: of the file, of a body or object (after `{`, `,` or a line end). */
  let itemStart = true;
  let i = 0;
  const n = text.length;
  const result = (complete: boolean): HclScan => ({ complete, blocks, assignments, comments, cuts });
  /** Brackets around the current position (strings and templates not counted). */
  const depth = () => {
    let d = 0;
    for (const c of stack) if (c !== '"' && c !== 'T') d++;
    return d;
  };
  const firstOnLine = (at: number) => text.slice(lineStartOffset, at).trim() === '';
  const innerBlock = () => (stack.length > 0 && stack[stack.length - 1] === 'B' ? open[open.length - 1] : undefined);
  const newline = () => {
    line++;
    lineStartOffset = i;
  };

  while (i < n) {
    const c = text[i];
    const top = stack.length === 0 ? undefined : stack[stack.length - 1];
    if (top === '"') {
      if (c === '\\') {
        i += 2;
      } else if (c === '"') {
        stack.pop();
        i++;
      } else if (!json && (c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
        i += 3; // $${ and %%{ are literal
      } else if (!json && (c === '$' || c === '%') && text[i + 1] === '{') {
        stack.push('T');
        i += 2;
      } else {
        i++;
        if (c === '\n') newline(); // not valid HCL: the parser will say so
      }
      continue;
    }
    // the head of an item: an assignment or a block header
    if (itemStart && (top === undefined || top === 'B' || (top === '{' && !stack.includes('T')))) {
      if (c === ' ' || c === '\t' || c === '\r') {
        i++;
        continue;
      }
      itemStart = false;
      const head = json ? undefined : itemHead(text, i, top !== '{');
      if (head?.kind === 'assignment' || (c === '"' && !json)) {
        const a = head?.kind === 'assignment' ? head : quotedKey(text, i, '=');
        if (a) assignments.push({ name: a.name, line, depth: depth(), lineStart: firstOnLine(i), block: innerBlock() });
      } else if (head?.kind === 'block') {
        const parent = innerBlock();
        blocks.push({
          type: head.type,
          labels: head.labels,
          quoted: head.quoted,
          line,
          depth: depth(),
          lineStart: firstOnLine(i),
          column0: i === lineStartOffset,
          ...(parent !== undefined ? { parent } : {}),
        });
        open.push(blocks.length - 1);
        stack.push('B');
        i = head.end; // just after its `{`
        itemStart = true;
        continue;
      } else if (json && c === '"') {
        const a = quotedKey(text, i, ':');
        if (a) assignments.push({ name: a.name, line, depth: depth(), lineStart: firstOnLine(i) });
      }
    }
    if (c === '\n') {
      i++;
      newline();
      if (stack.length === 0) cuts.push({ offset: i, line });
      const t = stack.length === 0 ? undefined : stack[stack.length - 1];
      itemStart = t === undefined || t === 'B' || t === '{';
    } else if (!json && (c === '#' || (c === '/' && text[i + 1] === '/'))) {
      const end = text.indexOf('\n', i);
      comments.push({ line, text: text.slice(i, end < 0 ? n : end).replace(/\r$/, '') });
      i = end < 0 ? n : end;
    } else if (!json && c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const eol = text.indexOf('\n', i);
      comments.push({ line, text: text.slice(i, eol < 0 ? n : eol).replace(/\r$/, '') });
      if (end < 0) return result(false);
      for (let k = i; k < end; k++) {
        if (text.charCodeAt(k) === 10) {
          line++;
          lineStartOffset = k + 1;
        }
      }
      i = end + 2;
    } else if (c === '"') {
      stack.push('"');
      i++;
    } else if (!json && c === '<' && text[i + 1] === '<') {
      HEREDOC.lastIndex = i;
      const m = HEREDOC.exec(text);
      if (!m) return result(false);
      // the body ends at the first line that is the marker alone (indented with <<-, and in practice either way)
      let k = i + m[0].length;
      line++;
      lineStartOffset = k;
      for (;;) {
        if (k >= n) return result(false);
        let end = text.indexOf('\n', k);
        if (end < 0) end = n;
        if (text.slice(k, end).trim() === m[2]) {
          i = end; // the line end after the marker is read as any other
          break;
        }
        if (end < n) {
          line++;
          lineStartOffset = end + 1;
        }
        k = end + 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      stack.push(c);
      i++;
      itemStart = c === '{';
    } else if (c === '}') {
      if (top !== '{' && top !== 'T' && top !== 'B') return result(false);
      stack.pop();
      if (top === 'B') blocks[open.pop()!].endLine = line;
      i++;
    } else if (c === ']' || c === ')') {
      if (top !== (c === ']' ? '[' : '(')) return result(false);
      stack.pop();
      i++;
    } else {
      if (c === ',' && top === '{') itemStart = true;
      i++;
    }
  }
  return result(stack.length === 0);
}

type ItemHead =
  | { readonly kind: 'assignment'; readonly name: string }
  | { readonly kind: 'block'; readonly type: string; readonly labels: string[]; readonly quoted: boolean[]; readonly end: number };

/**
 * What an item starting at `at` is: `name =` (not `==`), or, where blocks may be (`blocks`), `type labels... {` on
 * one line; undefined for anything else (an expression, a quoted key: see `quotedKey`).
 */
function itemHead(text: string, at: number, blocks: boolean): ItemHead | undefined {
  IDENT.lastIndex = at;
  const id = IDENT.exec(text);
  if (!id) return undefined;
  let k = skipSpace(text, at + id[0].length);
  if (text[k] === '=' && text[k + 1] !== '=') return { kind: 'assignment', name: id[0] };
  if (!blocks) return undefined;
  const labels: string[] = [];
  const quoted: boolean[] = [];
  for (;;) {
    QUOTED.lastIndex = k;
    const q = text[k] === '"' ? QUOTED.exec(text) : null;
    if (q) {
      labels.push(q[1]);
      quoted.push(true);
      k = skipSpace(text, k + q[0].length);
      continue;
    }
    IDENT.lastIndex = k;
    const l = IDENT.exec(text);
    if (l) {
      labels.push(l[0]);
      quoted.push(false);
      k = skipSpace(text, k + l[0].length);
      continue;
    }
    break;
  }
  return text[k] === '{' ? { kind: 'block', type: id[0], labels, quoted, end: k + 1 } : undefined;
}

/** A quoted key at `at` followed by `sep` (`"key" =` in HCL objects, `"key":` in JSON). */
function quotedKey(text: string, at: number, sep: '=' | ':'): { readonly name: string } | undefined {
  QUOTED.lastIndex = at;
  const q = QUOTED.exec(text);
  if (!q) return undefined;
  const k = skipSpace(text, at + q[0].length);
  if (text[k] !== sep || (sep === '=' && text[k + 1] === '=')) return undefined;
  return { name: q[1] };
}

function skipSpace(text: string, at: number): number {
  SPACE.lastIndex = at;
  SPACE.exec(text);
  return SPACE.lastIndex;
}
