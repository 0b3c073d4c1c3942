/**
 * The provider's patterns are RE2. re2js matches them as Go does; the fast path (a native RegExp for patterns
 * in the subset where both engines agree) must give the same answer as re2js on every input.
 */
import * as fc from 'fast-check';
import { SchemaPack } from '../../src/schema/pack';
import { compileRe2, jsEquivalent, lazyRe2 } from '../../src/schema/re2';

const patterns = [...new Set(SchemaPack.load().entries().flatMap((e) => Object.values<any>(e.constraints))
  .flatMap((f) => [f.regex, f.regex_not, ...(f.any_of ?? []).flatMap((b: any) => [b.regex, b.regex_not])])
  .filter((r): r is string => typeof r === 'string'))];

function re2(p: string) {
  const t = compileRe2(p);
  if (t.kind !== 'ok') throw new Error(`${p}: ${t.reason}`);
  return t.pattern;
}

describe('the native fast path agrees with re2js', () => {
  const fast = patterns.filter((p) => jsEquivalent(p) !== undefined);

  test('most of the schema\'s patterns take the fast path; the others are left to re2js', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(90); // 93 distinct patterns in 1.289.0
    expect(fast.length).toBeGreaterThan(patterns.length / 2);
    // outside the subset: ., \s, \p{..}, flags, POSIX classes, \z, a leading ] in a class
    for (const p of ['^a.b$', '^\\s+$', '^\\p{Han}+$', '(?i)^abc$', '^[[:alpha:]]+$', 'a\\z', '^[]a]+$', '(?P<n>a)', '\\x{41}']) {
      expect(jsEquivalent(p)).toBeUndefined();
    }
    expect(jsEquivalent('^[a-zA-Z][\\w.-]{1,63}$')).toBeDefined();
  });

  test('property: on random and on matching inputs, every fast-path pattern of the schema answers as re2js does', () => {
    const inputs = (p: string) => {
      const js = jsEquivalent(p)!;
      const near = fc.stringMatching(js, { size: 'xsmall' }).chain((s) => fc.oneof(
        fc.constant(s),
        fc.tuple(fc.nat(s.length), fc.string({ unit: 'binary', maxLength: 2 })).map(([i, x]) => s.slice(0, i) + x + s.slice(i + 1)),
        fc.constant(`${s}\n`),
        fc.constant(`\u{1F600}${s}`),
      ));
      return fc.oneof(near, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }));
    };
    let compared = 0;
    for (const p of fast) {
      const js = jsEquivalent(p)!;
      const exact = re2(p);
      fc.assert(fc.property(inputs(p), (s) => {
        compared++;
        expect([p, s, js.test(s)]).toEqual([p, s, exact.test(s)]);
      }), { numRuns: 60 });
    }
    expect(compared).toBe(fast.length * 60);
  });

  test('lazyRe2: the same answers through either engine; an invalid pattern never produces a finding', () => {
    for (const p of ['^[a-z]{2,4}$', '^a.b$']) {
      const lazy = lazyRe2(p, true);
      for (const s of ['ab', 'abc', 'a\nb', 'axb', 'abcde']) expect(lazy.test(s)).toBe(re2(p).test(s));
    }
    expect(lazyRe2('a(', true).test('x')).toBe(true);
    expect(lazyRe2('a(', false).test('x')).toBe(false);
  });
});
