/**
 * One diagnostic shape from Terraform's JSON to the testing API: the driver reads `terraform validate
 * -json` into TerraformDiagnostic, and OfflineTerraform passes it through and prints it as the CLI does.
 */
import { formatDiagnostic, fromTerraformJson, TerraformDiagnosticSeverity } from '../../../src/terraform/run/diagnostics';
import { parseValidate } from '../../../src/terraform/run/validate';
import { OfflineTerraform } from '../../../src/testing/terraform';

const terraformJson = {
  severity: 'error',
  summary: 'Unsupported attribute',
  detail: 'This object has no argument named "x".',
  address: 'alicloud_vpc.v',
  range: { filename: 'cdk.tf.json', start: { line: 7, column: 3, byte: 80 }, end: { line: 7, column: 9, byte: 86 } },
  snippet: { code: '"x": 1', highlight_start_offset: 0, highlight_end_offset: 3 },
};

test('Terraform\'s JSON diagnostic in the shared shape', () => {
  expect(fromTerraformJson(terraformJson)).toEqual({
    severity: TerraformDiagnosticSeverity.ERROR,
    summary: 'Unsupported attribute',
    detail: 'This object has no argument named "x".',
    address: 'alicloud_vpc.v',
    filename: 'cdk.tf.json',
    line: 7,
    snippet: '"x": 1',
  });
  expect(fromTerraformJson({ severity: 'warning', summary: 'w', detail: '' })).toEqual({ severity: TerraformDiagnosticSeverity.WARNING, summary: 'w' });
});

test('validate -json output, an init failure and output that is not JSON', () => {
  const run = (stdout: string, exitCode = 1, initFailed = false) => ({ exitCode, stdout, stderr: '', initFailed, workDir: '/w' });
  const parsed = parseValidate(run(JSON.stringify({ valid: false, diagnostics: [terraformJson] })));
  expect(parsed.valid).toBe(false);
  expect(parsed.diagnostics).toEqual([fromTerraformJson(terraformJson)]);
  expect(parseValidate(run(JSON.stringify({ valid: true, diagnostics: [] }), 0))).toMatchObject({ valid: true, diagnostics: [] });
  expect(parseValidate(run('Error: no provider', 1, true)).diagnostics)
    .toEqual([{ severity: TerraformDiagnosticSeverity.ERROR, summary: 'terraform init failed', detail: 'Error: no provider' }]);
  expect(parseValidate(run('not json')).diagnostics[0].summary).toBe('terraform validate did not print JSON');
});

test('the testing API prints the diagnostics as the command line does', () => {
  const d = fromTerraformJson(terraformJson);
  const text = 'Error: Unsupported attribute [alicloud_vpc.v] (cdk.tf.json:7)\n  7: "x": 1\n  This object has no argument named "x".';
  expect(formatDiagnostic(d)).toBe(text);
  expect(OfflineTerraform.format([d, { severity: TerraformDiagnosticSeverity.WARNING, summary: 'Deprecated' }])).toBe(`${text}\n\nWarning: Deprecated`);
});
