/**
 * The whole provider: the schema pack holds every resource and data source of alicloud 1.289.0, rebuilds
 * the reference files it was made from, and the checker accepts a valid config of every type.
 */
import * as crypto from 'crypto';
import * as fc from 'fast-check';
import { LIMIT_CODES, ConfigWalker } from '../../src/schema/config-walker';
import { PackKind, rebuildReferenceFiles, SchemaPack } from '../../src/schema/pack';
import { compileRe2 } from '../../src/schema/re2';
import { loadSchemaIndex } from '../../src/schema/schema-index';
import { AlicloudConfigChecker, ConfigFinding } from '../../src/testing';

const pack = SchemaPack.load();
const index = loadSchemaIndex();
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** A JavaScript regex that generates candidates for an RE2 pattern (checked with re2js afterwards). */
function jsRegex(pattern: string): RegExp | undefined {
  const js = pattern.replace(/\\z/g, '$').replace(/\(\?P</g, '(?<');
  for (const flags of ['u', '']) {
    try {
      return new RegExp(js, flags);
    } catch {
      // next flags
    }
  }
  return undefined;
}

/** A string matching an RE2 pattern, or undefined when none could be generated. */
function matching(pattern: string, seed: number): string | undefined {
  const compiled = compileRe2(pattern);
  if (compiled.kind !== 'ok') return undefined;
  const simple = ['web-1', 'web', 'Web1', 'a', '1', 'v'.repeat(8), 'ab_c', '10.0.0.0/16', 'cn-hangzhou'].find((s) => compiled.pattern.test(s));
  if (simple) return simple;
  const re = jsRegex(pattern);
  if (!re) return undefined;
  let samples: string[];
  try {
    samples = fc.sample(fc.stringMatching(re, { size: 'xsmall' }), { numRuns: 30, seed });
  } catch {
    return undefined; // a construct fast-check cannot generate from
  }
  return samples.find((s) => compiled.pattern.test(s));
}

/** The facts of an argument as the checker applies them: its own and its elements' (`path.*`). */
function factsAt(facts: Record<string, any>, path: string): any {
  const f = { ...facts[path], ...facts[`${path}.*`] };
  if (f.any_of) Object.assign(f, f.any_of[0]);
  return f;
}

class Unbuildable extends Error {}

/** A literal of a schema type that satisfies the facts; throws Unbuildable when it cannot make one. */
function valueOf(type: any, f: any, seed: number): unknown {
  if (typeof type === 'string') {
    if (f.enum) return f.enum[seed % f.enum.length];
    if (f.int_enum) return f.int_enum[seed % f.int_enum.length];
    if (f.int_between) return f.int_between[0] + (seed % (f.int_between[1] - f.int_between[0] + 1));
    if (f.int_at_least !== undefined) return f.int_at_least + (seed % 3);
    if (f.int_at_most !== undefined) return Math.min(0, f.int_at_most);
    if (f.float_between) return f.float_between[0];
    if (f.float_at_least !== undefined) return f.float_at_least + 0.5;
    if (type === 'number') return 1 + (seed % 5);
    if (type === 'bool') return seed % 2 === 0;
    if (f.validators?.includes('validation.StringIsJSON')) return '{}';
    if (f.validators?.includes('validation.StringIsValidRegExp')) return '^web-[0-9]+$';
    if (f.regex) {
      const s = matching(f.regex, seed);
      if (s === undefined) throw new Unbuildable(`no string for ${f.regex}`);
      return s;
    }
    const [min, max] = f.string_length_between ?? [f.string_length_at_least ?? 1, 64];
    return 'v'.repeat(Math.max(min, Math.min(max, 8)));
  }
  const [kind, elem] = type;
  if (kind === 'list' || kind === 'set') {
    const n = Math.max(1, f.min_items ?? 0);
    return Array.from({ length: n }, (_, i) => valueOf(elem, { ...f, min_items: undefined }, seed + i));
  }
  if (kind === 'map') return { key: valueOf(elem, f, seed) };
  if (kind === 'object') return Object.fromEntries(Object.entries<any>(elem).map(([k, t]) => [k, valueOf(t, {}, seed)]));
  throw new Unbuildable(`no value for ${JSON.stringify(type)}`);
}

/**
 * A valid body of a block: its required arguments and blocks, one member of each exactly/at-least-one-of
 * group, and the optional arguments that `pick` chooses (skipping conflicts, adding what they require).
 */
function bodyOf(block: any, facts: Record<string, any>, prefix: string, seed: number, pick: (name: string) => boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const attrs = Object.entries<any>(block.attributes ?? {});
  const excludes = (a: string, b: string) => (facts[prefix + a]?.conflicts_with ?? []).includes(b)
    || (facts[prefix + a]?.exactly_one_of ?? []).includes(b);
  const conflicts = (name: string) => Object.keys(body).some((b) => excludes(name, b) || excludes(b, name));
  const set = (name: string) => {
    if (name in body) return;
    const attr = block.attributes[name];
    if (!attr) return;
    body[name] = valueOf(attr.type, factsAt(facts, prefix + name), seed);
    for (const other of facts[prefix + name]?.required_with ?? []) set(other);
  };
  for (const [name, attr] of attrs) if (attr.required) set(name);
  for (const [name] of attrs) {
    for (const group of [facts[prefix + name]?.exactly_one_of, facts[prefix + name]?.at_least_one_of]) {
      if (group && !group.some((m: string) => m in body)) {
        set([...group].sort().find((m: string) => block.attributes[m] && !facts[prefix + m]?.deprecated) ?? group[0]);
      }
    }
  }
  for (const [name, attr] of attrs) {
    const f = facts[prefix + name] ?? {};
    if (attr.required || !attr.optional || f.deprecated || f.removed || attr.deprecated) continue;
    if (f.exactly_one_of || f.at_least_one_of || conflicts(name) || !pick(name)) continue;
    try {
      set(name);
    } catch (e) {
      if (!(e instanceof Unbuildable)) throw e;
    }
  }
  for (const [name, bt] of Object.entries<any>(block.block_types ?? {})) {
    if ((bt.min_items ?? 0) > 0) {
      body[name] = Array.from({ length: bt.min_items }, (_, i) => bodyOf(bt.block, facts, `${prefix}${name}.`, seed + i, pick));
    }
  }
  return body;
}

interface TypeCase { kind: PackKind; type: string }
const types: TypeCase[] = [
  ...pack.resourceTypes.map((type) => ({ kind: 'resource' as const, type })),
  ...pack.dataSourceTypes.map((type) => ({ kind: 'data' as const, type })),
];

function docOf(c: TypeCase, body: Record<string, unknown>): Record<string, unknown> {
  return { [c.kind]: { [c.type]: { x: body } } };
}

function errors(findings: ConfigFinding[]): string[] {
  return findings.filter((f) => f.level === 'error').map((f) => `${f.address} ${f.path} [${f.code}] ${f.message}`);
}

describe('the schema pack', () => {
  test('holds every type of alicloud 1.289.0 and rebuilds both reference files byte for byte (sha256)', () => {
    expect(pack.header.provider_version).toBe('1.289.0');
    expect(pack.resourceTypes).toHaveLength(1184);
    expect(pack.dataSourceTypes).toHaveLength(780);
    expect(pack.header.counts).toEqual({ resources: 1184, data_sources: 780 });
    const rebuilt = rebuildReferenceFiles(pack);
    expect(sha256(rebuilt.schema)).toBe(pack.header.reference_files.schema.sha256);
    expect(sha256(rebuilt.constraints)).toBe(pack.header.reference_files.constraints.sha256);
    // the sha256 recorded in schema/PROVENANCE.md
    expect(pack.header.reference_files.schema.sha256).toBe('03ed93f5346eef1713cd25e0073c4d227da8ba5ffa2ea8b45c0ebe1552edf41a');
    expect(pack.header.reference_files.constraints.sha256).toBe('312c6146b3768c0586b8eaa26ff073b6dac9ba9a8898187cdafda815f9830dff');
  });

  test('reads a type on demand: 13 names are both a resource and a data source, each with its own constraints', () => {
    const shared = pack.resourceTypes.filter((t) => pack.has('data', t));
    expect(shared).toHaveLength(13);
    expect(shared).toContain('alicloud_fc_service');
    const data = pack.entry('data', 'alicloud_fc_service')!;
    expect(data.constraints_key).toBe('alicloud_fc_service (data source)');
    expect(pack.entry('resource', 'alicloud_fc_service')!.schema.block).not.toEqual(data.schema.block);
    expect(pack.entry('resource', 'alicloud_no_such_type')).toBeUndefined();
  });
});

describe('every type of the provider', () => {
  test('a minimal valid config of each of the 1,964 types has no errors, and an unknown argument fails each', () => {
    const failures: string[] = [];
    let unknownCaught = 0;
    for (const c of types) {
      const e = pack.entry(c.kind, c.type)!;
      const body = bodyOf(e.schema.block, e.constraints, '', 0, () => false);
      failures.push(...errors(AlicloudConfigChecker.checkObject(docOf(c, body))));
      const bad = AlicloudConfigChecker.checkObject(docOf(c, { ...body, not_an_argument_of_it: 'x' }));
      if (bad.some((f) => f.code === 'unknown-attribute' && f.path === 'not_an_argument_of_it')) unknownCaught++;
    }
    expect(failures).toEqual([]);
    expect(unknownCaught).toBe(types.length);
  });

  test('property: random types with random valid optional arguments have no errors; the limits-only walk agrees with the full walk', () => {
    let optionalSet = 0;
    fc.assert(fc.property(fc.constantFrom(...types), fc.integer({ min: 0, max: 1_000_000 }), (c, seed) => {
      const e = pack.entry(c.kind, c.type)!;
      const body = bodyOf(e.schema.block, e.constraints, '', seed, (name) => (seed + name.length) % 3 !== 0);
      optionalSet += Object.keys(body).length;
      const doc = docOf(c, body);
      expect(errors(new ConfigWalker(index).run(doc))).toEqual([]);
      expect(new ConfigWalker(index).runLimits(doc)).toEqual([]);
      // break one limited argument: both walks report it
      const spec = (c.kind === 'resource' ? index.resources : index.dataSources).get(c.type)!;
      const limited = spec.limitedAttributes.find((a) => typeof a.type === 'string' && !a.removed && !a.computedOnly && (a.facts.enum || a.facts.int_between));
      if (limited) {
        const broken = docOf(c, { ...body, [limited.name]: limited.facts.enum ? 'not-a-listed-value' : limited.facts.int_between![1] + 1 });
        const full = new ConfigWalker(index).run(broken).filter((f) => LIMIT_CODES.has(f.code));
        expect(full.length).toBeGreaterThan(0);
        expect(new ConfigWalker(index).runLimits(broken)).toEqual(full);
      }
    }), { numRuns: Number(process.env.FC_NUM_RUNS ?? process.env.FC_NUM_RUNS_DEFAULT ?? 200) });
    expect(optionalSet).toBeGreaterThan(200);
  });
});

describe('Terraform JSON as other tools write it (found by running the checker on the provider\'s own docs examples)', () => {
  const walk = (doc: unknown) => new ConfigWalker(index).run(doc).map((f) => [f.level, f.path, f.code, f.message]);

  test('a lifecycle block given as an array of one body is read like the object form; two are an error', () => {
    const vpc = (lifecycle: unknown) => ({ resource: { alicloud_vpc: { v: [{ vpc_name: 'a', cidr_block: '10.0.0.0/8', lifecycle }] } } });
    expect(walk(vpc([{ ignore_changes: ['tags'] }]))).toEqual([]);
    expect(walk(vpc([{ ignore_changes: ['tagz'] }]))).toEqual([
      ['error', 'lifecycle[0].ignore_changes[0]', 'unknown-attribute', 'ignore_changes names "tagz", which is not an argument or block of alicloud_vpc. Did you mean "tags"?'],
    ]);
    expect(walk(vpc([{ ignore_changes: ['tags'] }, { prevent_destroy: true }]))).toEqual([
      ['error', 'lifecycle', 'wrong-type', '"lifecycle": only one block is allowed, got 2'],
    ]);
  });

  test('a dynamic block\'s content given as an array of one body is checked by both walks', () => {
    const doc = {
      resource: {
        alicloud_nlb_server_group: {
          g: { server_group_name: 'g', vpc_id: '${alicloud_vpc.v.id}', dynamic: { health_check: { for_each: '${var.hc}', content: [{ health_check_type: 'TCPX' }] } } },
        },
      },
    };
    const full = new ConfigWalker(index).run(doc).filter((f) => LIMIT_CODES.has(f.code));
    expect(full.map((f) => [f.path, f.code])).toEqual([['dynamic.health_check.content[0].health_check_type', 'not-in-enum']]);
    expect(new ConfigWalker(index).runLimits(doc)).toEqual(full);
  });

  test('a deprecated resource type is a warning', () => {
    const spec = index.resources.get('alicloud_cs_kubernetes')!;
    expect(spec.deprecated).toBe(true);
    const findings = new ConfigWalker(index).run({ resource: { alicloud_cs_kubernetes: { k: {} } } });
    expect(findings.filter((f) => f.code === 'deprecated' && f.path === '')).toEqual([expect.objectContaining({
      level: 'warning',
      message: 'resource type "alicloud_cs_kubernetes" is deprecated in the alicloud provider 1.289.0; the provider names its replacement in a warning at plan time',
    })]);
    expect(index.resources.get('alicloud_vpc')!.deprecated).toBe(false);
  });
});
