/**
 * The one light HCL scanner (src/check/hcl-scan.ts): what it finds in the tricky places of HCL (braces and comment
 * markers inside strings, templates and heredocs, nested and one-line blocks, CRLF line ends), and that an input it
 * cannot read to the end is marked incomplete (its users then parse the whole file or keep to the places found).
 */
import * as path from 'path';
import { tempFolder } from './check-cli';
import { scanHcl } from '../../src/check/hcl-scan';
import { assignmentLines, hclBlocks } from '../../src/check/lines';
import { CheckDocument } from '../../src/check/model';
import { argumentLine, configLines, lineReader } from '../../src/check/source-lines';

const headers = (text: string) => scanHcl(text).blocks.map((b) => `${b.line}:${b.depth}:${[b.type, ...b.labels].join(' ')}`);
const assignments = (text: string) => scanHcl(text).assignments.map((a) => `${a.line}:${a.depth}:${a.name}`);

describe('scanHcl', () => {
  test('block headers with quoted and bare labels, nested blocks with their parent, depth and last line', () => {
    const text = [
      'resource "alicloud_vpc" "main" {', // 1
      '  cidr_block = "10.0.0.0/16"',
      '  lifecycle {', // 3
      '    ignore_changes = [tags]',
      '  }',
      '  dynamic "tag" {', // 6
      '    content {}',
      '  }',
      '}', // 9
      'locals {',
      '  a = 1',
      '}',
      'provider alicloud {}',
    ].join('\n');
    const scan = scanHcl(text);
    expect(scan.complete).toBe(true);
    expect(headers(text)).toEqual(['1:0:resource alicloud_vpc main', '3:1:lifecycle', '6:1:dynamic tag', '7:2:content', '10:0:locals', '13:0:provider alicloud']);
    expect(scan.blocks.map((b) => b.parent)).toEqual([undefined, 0, 0, 2, undefined, undefined]);
    expect(scan.blocks.map((b) => b.endLine)).toEqual([9, 5, 8, 7, 12, 13]);
    expect(scan.blocks[0].quoted).toEqual([true, true]);
    expect(scan.blocks[5].quoted).toEqual([false]);
    expect(assignments(text)).toEqual(['2:1:cidr_block', '4:2:ignore_changes', '11:1:a']);
    expect(scan.assignments.map((a) => a.block)).toEqual([0, 1, 4]);
  });

  test('braces, quotes and comment markers inside strings and templates are not structure', () => {
    const text = [
      'locals {',
      '  a = "}\\" { # not a comment // nor this"',
      '  b = "${join("}", ["{", "]"])} $${literal} %%{literal}"',
      '  c = "%{ if true }{%{ endif }"',
      '  d = 1',
      '}',
      'resource "x" "y" {}',
    ].join('\n');
    const scan = scanHcl(text);
    expect(scan.complete).toBe(true);
    expect(scan.comments).toEqual([]);
    expect(assignments(text)).toEqual(['2:1:a', '3:1:b', '4:1:c', '5:1:d']);
    expect(headers(text)).toEqual(['1:0:locals', '7:0:resource x y']);
    expect(scan.cuts.map((c) => c.line)).toEqual([7]);
  });

  test('heredocs hide braces, headers and comment markers up to their marker line (<<EOF and <<-EOF)', () => {
    const text = [
      'resource "alicloud_ros_stack" "s" {', // 1
      '  template_body = <<-EOT',
      '    { "a": [ "}" ] }',
      '    resource "not" "a_block" {',
      '    # ipv6-checks:skip=ALI-IPV6-002 not a comment',
      '  EOT',
      '  other = <<EOF', // 7
      'not the end: EOF2',
      'EOF',
      '  last = 1', // 10
      '}',
      'data "a" "b" {}', // 12
    ].join('\n');
    const scan = scanHcl(text);
    expect(scan.complete).toBe(true);
    expect(headers(text)).toEqual(['1:0:resource alicloud_ros_stack s', '12:0:data a b']);
    expect(assignments(text)).toEqual(['2:1:template_body', '7:1:other', '10:1:last']);
    expect(scan.comments).toEqual([]);
    expect(scan.blocks[0].endLine).toBe(11);
  });

  test('comments: #, // and /* */ (over several lines), each with its text to the end of its first line', () => {
    const text = [
      '# top { "',
      'resource "a" "b" { // ipv6-checks:skip=ALI-IPV6-002 a reason here',
      '  /* block',
      '  resource "x" "y" {',
      '  */ x = 1',
      '}',
    ].join('\n');
    const scan = scanHcl(text);
    expect(scan.complete).toBe(true);
    expect(scan.comments).toEqual([
      { line: 1, text: '# top { "' },
      { line: 2, text: '// ipv6-checks:skip=ALI-IPV6-002 a reason here' },
      { line: 3, text: '/* block' },
    ]);
    expect(headers(text)).toEqual(['2:0:resource a b']);
    expect(scan.blocks[0].endLine).toBe(6);
  });

  test('one-line blocks: the argument after the brace is the block\'s, nested objects are one level deeper', () => {
    const text = 'variable "x" { default = 1 }\nlocals { a = { b = 1, c = 2 } }\n';
    const scan = scanHcl(text);
    expect(scan.complete).toBe(true);
    expect(assignments(text)).toEqual(['1:1:default', '2:1:a', '2:2:b', '2:2:c']);
    expect(scan.assignments.map((a) => a.lineStart)).toEqual([false, false, false, false]);
    expect(scan.blocks.map((b) => b.endLine)).toEqual([1, 2]);
    expect(hclBlocks('main.tf', text).map((b) => [b.kind, b.labels, b.line, [...b.args]])).toEqual([
      ['variable', ['x'], 1, [['default', 1]]],
      ['locals', [], 2, [['a', 2]]],
    ]);
  });

  test('`==` is a comparison, not an assignment; expressions at the start of an object item are not either', () => {
    const text = 'locals {\n  a = b == c\n  d = { for k, v in e : k => v }\n}\n';
    expect(assignments(text)).toEqual(['2:1:a', '3:1:d']);
  });

  test('CRLF line ends: the same lines, cuts and comment texts as with LF', () => {
    const lf = 'resource "a" "b" { # c\n  x = <<EOT\n  }\nEOT\n}\n\nlocals {\n  y = 1\n}\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const [a, b] = [scanHcl(lf), scanHcl(crlf)];
    expect(b.complete).toBe(true);
    expect(b.blocks).toEqual(a.blocks);
    expect(b.assignments).toEqual(a.assignments);
    expect(b.comments).toEqual(a.comments);
    expect(b.cuts.map((c) => c.line)).toEqual(a.cuts.map((c) => c.line));
    expect(b.cuts.map((c) => crlf.slice(c.offset).split('\r\n')[0])).toEqual(a.cuts.map((c) => lf.slice(c.offset).split('\n')[0]));
  });

  test('cut points: only after line ends outside every block, bracket, string, heredoc and comment', () => {
    const text = 'terraform {\n}\n\n/* a\n*/\nlocals {\n  a = [\n    1,\n  ]\n}\n';
    const scan = scanHcl(text);
    expect(scan.cuts.map((c) => [c.line, text.slice(c.offset).split('\n')[0]])).toEqual([
      [3, ''], [4, '/* a'], [6, 'locals {'], [11, ''],
    ]);
  });

  test.each([
    ['an unclosed block', 'resource "a" "b" {\n  x = 1\n'],
    ['an unclosed string', 'locals {\n  a = "abc\n}\n'],
    ['an unclosed template', 'locals {\n  a = "${abc"\n}\n'],
    ['an unclosed heredoc', 'locals {\n  a = <<EOT\n  x\n}\n'],
    ['a heredoc without a marker', 'locals {\n  a = <<\n}\n'],
    ['an unclosed comment', 'locals {}\n/* x\nlocals {}\n'],
    ['a stray closing brace', 'locals {}\n}\nlocals {}\n'],
    ['a closing bracket that closes a brace', 'locals {\n  a = [1}\n}\n'],
  ])('%s: incomplete, with what was found before it', (_what, text) => {
    const scan = scanHcl(text);
    expect(scan.complete).toBe(false);
    expect(scan.blocks.length).toBeGreaterThan(0);
  });

  test('JSON: keys with their depth, nothing read as a comment, template or heredoc', () => {
    const text = '{\n  "a": "# ${x} <<EOF //",\n  "b": { "c": [1, {"d": 2}] },\n  "e\\"f": 3\n}\n';
    const scan = scanHcl(text, { json: true });
    expect(scan.complete).toBe(true);
    expect(scan.comments).toEqual([]);
    expect(scan.assignments.map((a) => `${a.line}:${a.depth}:${a.name}`)).toEqual(['2:1:a', '3:1:b', '3:2:c', '3:4:d', '4:1:e\\"f']);
  });
});

describe('the scanner\'s users', () => {
  test('assignmentLines: top-level assignments of a .tfvars, the first of each name, not those inside objects or heredocs', () => {
    const text = 'region = "cn-hangzhou"\nmap = {\n  region = "x"\n}\ndoc = <<EOF\nzone = 1\nEOF\nregion = "again"\n';
    expect([...assignmentLines('a.tfvars', text)]).toEqual([['region', 1], ['map', 2], ['doc', 5]]);
  });

  test('assignmentLines: the top-level keys of a .tfvars.json, each the first thing on its line', () => {
    const text = '{\n  "region": "cn-hangzhou",\n  "map": {\n    "region": "x"\n  }\n}\n';
    expect([...assignmentLines('a.tfvars.json', text)]).toEqual([['region', 2], ['map', 3]]);
  });

  test('hclBlocks: top-level blocks only, with their direct arguments (not those of nested blocks or objects)', () => {
    const text = 'module "net" {\n  source = "./net"\n  tags = {\n    source = "x"\n  }\n  lifecycle {\n    name = 1\n  }\n}\n';
    expect(hclBlocks('main.tf', text).map((b) => [b.kind, b.labels, b.line, [...b.args]])).toEqual([
      ['module', ['net'], 1, [['source', 2], ['tags', 3]]],
    ]);
  });

  const MAIN = [
    'terraform {', // 1
    '  required_providers {',
    '    random = { source = "hashicorp/random", version = "3.0.0" }',
    '    alicloud = {',
    '      source  = "aliyun/alicloud"', // 5
    '      version = "~> 1.289.0"',
    '    }',
    '  }',
    '}',
    'provider "alicloud" {', // 10
    '  region = "cn-hangzhou"',
    '}',
    'provider "alicloud" {',
    '  assume_role {',
    '    role_arn = "x"', // 15
    '  }',
    '  alias  = "hk"',
    '  region = <<EOT',
    'alias = "not-this"',
    'EOT', // 20
    '}',
    'resource "alicloud_eci_container_group" "g" {',
    '  note = <<EOT',
    '  containers {',
    '  EOT', // 25
    '  containers {',
    '    image = "nginx"',
    '    ports {',
    '      port = 80',
    '    }', // 30
    '  }',
    '  dynamic "volumes" {',
    '    content {}',
    '  }',
    '}', // 35
    '',
  ].join('\n');

  test('configLines: the alicloud provider blocks with their aliases, and the version in required_providers', () => {
    const dir = tempFolder({ 'main.tf': MAIN });
    const doc = { input: dir, kind: 'hcl' } as CheckDocument;
    const lines = configLines(doc);
    const file = path.join(dir, 'main.tf');
    expect([...lines.providers]).toEqual([['provider.alicloud', { file, line: 10 }], ['provider.alicloud.hk', { file, line: 13 }]]);
    expect(lines.versionConstraint).toEqual({ file, line: 6 });
  });

  test('argumentLine: arguments, nested and dynamic blocks inside the block, never in a heredoc or past its end', () => {
    const dir = tempFolder({ 'main.tf': MAIN });
    const file = path.join(dir, 'main.tf');
    const read = lineReader();
    const at = (argPath: string) => argumentLine({ file, line: 22 }, argPath, read)?.line;
    expect(at('containers[0].ports[0].port')).toBe(29);
    expect(at('containers[0].image')).toBe(27);
    expect(at('volumes')).toBe(32);
    expect(at('containers[0].missing')).toBe(26);
    expect(at('alias')).toBeUndefined();
    expect(argumentLine({ file, line: 13 }, 'region', read)?.line).toBe(18);
  });
});
