/**
 * Large HCL files are parsed in batches of whole top-level blocks (src/check/hcl-batches.ts): the merged document must be
 * the whole file's, cuts must fall outside strings, templates, heredocs and comments, and a syntax error must be reported
 * as for the whole file, at its real line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from '@cdktf/hcl2json';
import { HCL_BATCH_CHARS, hclBatches, parseHclBatches } from '../../src/check/hcl-batches';
import { runCli } from '../../src/cli/commands';

const FIXTURES = path.join('test', 'check', 'fixtures');

/** Blocks whose braces, quotes and line ends hide in strings, templates, heredocs and comments. */
const TRICKY = `# a comment with { and "
terraform {
  required_version = ">= 1.5" // }
}

/* a block comment
resource "x" "y" {
*/
locals {
  a = "}\\" { $\${not} %%{not}"
  b = "\${join("}", ["{", "]"])}"
  c = <<-EOT
    }
    resource "a" "b" {

    ]
  EOT
  d = [
    1,
    2,
  ]
  e = { for k, v in { x = "}" } : k => "%{ if v == "}" }y%{ endif }" }
}

resource "alicloud_vpc" "one" {
  cidr_block = "10.0.0.0/16"
  tags = {
    Name = "one"
  }
}

data "alicloud_zones" "z" {}

resource "alicloud_vpc" "two" {
  cidr_block = "10.1.0.0/16"
}

locals {
  f = <<EOF
not the end: EOF2
EOF
}

provider "alicloud" {
  region = "cn-huhehaote"
}
provider "alicloud" {
  alias  = "b"
  region = "cn-beijing"
}
`;

async function whole(text: string): Promise<string> {
  return JSON.stringify(await parse('main.tf', text));
}

describe('hclBatches', () => {
  test('a file no larger than one batch is not split', () => {
    expect(hclBatches(TRICKY, TRICKY.length)).toBeUndefined();
    expect(HCL_BATCH_CHARS).toBeGreaterThan(64 * 1024);
  });

  test('cuts fall only between top-level blocks, and each batch knows its first line', () => {
    const batches = hclBatches(TRICKY, 1)!;
    expect(batches.map((b) => b.text).join('')).toBe(TRICKY);
    const lines = TRICKY.split('\n');
    const starts = batches.map((b) => b.text.split('\n')[0]);
    expect(starts).toEqual([
      '# a comment with { and "', 'terraform {', '', '/* a block comment', 'locals {', '', 'resource "alicloud_vpc" "one" {', '',
      'data "alicloud_zones" "z" {}', '', 'resource "alicloud_vpc" "two" {', '', 'locals {', '', 'provider "alicloud" {',
      'provider "alicloud" {',
    ]);
    for (const b of batches) expect(lines[b.firstLine - 1]).toBe(b.text.split('\n')[0]);
    // never inside the heredoc, the multi-line list or the block comment
    for (const b of batches.slice(1)) expect(['    }', '    resource "a" "b" {', '  ]', 'resource "x" "y" {', 'EOF']).not.toContain(b.text.split('\n')[0]);
  });

  test.each([
    ['an unclosed block', 'resource "a" "b" {\n  x = 1\n'],
    ['an unclosed string', 'locals {\n  a = "abc\n}\n'],
    ['an unclosed heredoc', 'locals {\n  a = <<EOT\n  x\n}\n'],
    ['an unclosed comment', '/* x\nlocals {}\n'],
    ['a stray closing brace', 'locals {}\n}\nlocals {}\n'],
  ])('%s: no batches (the whole file is parsed)', (_what, text) => {
    expect(hclBatches(text, 1)).toBeUndefined();
  });
});

describe('parseHclBatches', () => {
  const fixtures = ['hcl-example', 'hcl-me-east', 'hcl-modules', path.join('hcl-modules', 'net')]
    .map((d) => path.join(FIXTURES, d, 'main.tf'));

  test.each([...fixtures, 'TRICKY'])('%s: the merged batches are the whole file\'s document, keys in the same order', async (file) => {
    const text = file === 'TRICKY' ? TRICKY : fs.readFileSync(file, 'utf-8');
    const batches = hclBatches(text, 200)!;
    expect(batches.length).toBeGreaterThan(1);
    expect(JSON.stringify(await parseHclBatches(parse, 'main.tf', batches))).toBe(await whole(text));
  });

  test('a batch that does not parse gives undefined (the caller parses the whole file)', async () => {
    const text = 'locals {\n  a = 1\n}\nresource "a" "b" {\n  x = \n}\n';
    expect(await parseHclBatches(parse, 'main.tf', hclBatches(text, 1)!)).toBeUndefined();
  });

  test('two top-level attributes of one name in two batches do not merge', async () => {
    const text = 'a = 1\n\nlocals {}\n\na = 2\n';
    expect(await parseHclBatches(parse, 'main.tf', hclBatches(text, 1)!)).toBeUndefined();
  });
});

describe('check on an HCL file larger than one batch', () => {
  /** A module of `n` VPCs, each block about 150 characters. */
  const vpcs = (n: number, at?: { index: number; block: string }) => {
    let s = 'provider "alicloud" {\n  region = "cn-huhehaote"\n}\n';
    for (let i = 0; i < n; i++) {
      s += at?.index === i ? at.block : `\nresource "alicloud_vpc" "v${i}" {\n  cidr_block  = "10.0.0.0/16"\n  enable_ipv6 = true\n  description = "vpc number ${i} of the batch test"\n}\n`;
    }
    return s;
  };
  const n = Math.ceil((2.5 * HCL_BATCH_CHARS) / 150);

  async function check(text: string): Promise<{ code: number; out: string; err: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcl-batches-'));
    fs.writeFileSync(path.join(dir, 'main.tf'), text);
    let out = '';
    let err = '';
    const code = await runCli(['check', dir, '--format', 'json'], { out: (t) => { out += t; }, err: (t) => { err += t; } });
    fs.rmSync(dir, { recursive: true, force: true });
    return { code, out, err };
  }

  test('every block is read, with its line', async () => {
    const text = vpcs(n);
    expect(hclBatches(text)!.length).toBeGreaterThan(2);
    const r = await check(text);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    const last = report.findings.filter((f: any) => f.address === `alicloud_vpc.v${n - 1}`);
    expect(last.length).toBeGreaterThan(0);
    const lineOfLast = text.split('\n').indexOf(`resource "alicloud_vpc" "v${n - 1}" {`) + 1;
    expect(last[0].line).toBe(lineOfLast);
  }, 120_000);

  test('a syntax error far into the file is reported at its line, as for the whole file', async () => {
    const index = n - 5;
    const text = vpcs(n, { index, block: `\nresource "alicloud_vpc" "v${index}" {\n  cidr_block = \n}\n` });
    const line = text.split('\n').indexOf(`resource "alicloud_vpc" "v${index}" {`) + 2;
    const r = await check(text);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`main.tf:${line}`);
    expect(r.err).toContain('is not valid HCL');
  }, 120_000);

  test('a resource declared in two batches is the duplicate it is in one file', async () => {
    const text = vpcs(n, { index: n - 1, block: '\nresource "alicloud_vpc" "v0" {\n  cidr_block = "10.0.0.0/16"\n}\n' });
    const r = await check(text);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Duplicate resource "alicloud_vpc" configuration: "v0" is already declared');
  }, 120_000);
});
