/**
 * Terraform's diagnostics, in the one shape the driver, the command line and the testing API share
 * (the testing API exports it as it is: src/testing/terraform.ts), and as Terraform prints them.
 */

/** How bad a Terraform diagnostic is. */
export enum TerraformDiagnosticSeverity {
  /** The configuration is invalid. */
  ERROR = 'error',
  /** Valid, with a warning. */
  WARNING = 'warning',
}

/** One diagnostic of `terraform validate`, as Terraform reported it. */
export interface TerraformDiagnostic {
  /** Error or warning. */
  readonly severity: TerraformDiagnosticSeverity;
  /** Terraform's one-line summary, e.g. `Unsupported attribute`. */
  readonly summary: string;
  /**
   * Terraform's explanation.
   * @default - none
   */
  readonly detail?: string;
  /**
   * The resource address, when Terraform gives one.
   * @default - none
   */
  readonly address?: string;
  /**
   * The file in the stack folder, e.g. `cdk.tf.json`.
   * @default - none
   */
  readonly filename?: string;
  /**
   * The line in that file.
   * @default - none
   */
  readonly line?: number;
  /**
   * The source line Terraform points at.
   * @default - none
   */
  readonly snippet?: string;
}

/**
 * The source line Terraform points at; for a long line (synthesized JSON is often one line), only the part
 * around the highlighted range, with `…` where it was cut.
 */
export function snippetWindow(snippet: { code: string; highlight_start_offset?: number; highlight_end_offset?: number }, max = 160): string {
  const code = snippet.code;
  if (code.length <= max) return code;
  const start = Math.max(0, Math.min(snippet.highlight_start_offset ?? 0, code.length));
  const end = Math.max(start, Math.min(snippet.highlight_end_offset ?? start, code.length));
  const pad = Math.max(20, Math.floor((max - (end - start)) / 2));
  const from = Math.max(0, start - pad);
  const to = Math.min(code.length, Math.max(end + pad, from + max));
  return `${from > 0 ? '…' : ''}${code.slice(from, to)}${to < code.length ? '…' : ''}`;
}

/**
 * One diagnostic of Terraform's JSON output (`terraform validate -json`, the `diagnostic` of a
 * `-json` log line) in the shared shape.
 */
export function fromTerraformJson(d: any): TerraformDiagnostic {
  return {
    severity: d.severity === 'warning' ? TerraformDiagnosticSeverity.WARNING : TerraformDiagnosticSeverity.ERROR,
    summary: d.summary,
    detail: d.detail || undefined,
    address: d.address || undefined,
    filename: d.range?.filename,
    line: d.range?.start?.line,
    snippet: typeof d.snippet?.code === 'string' ? snippetWindow(d.snippet) : undefined,
  };
}

/** A diagnostic as Terraform prints it, in one block of text. */
export function formatDiagnostic(d: TerraformDiagnostic): string {
  const where = d.filename ? ` (${d.filename}:${d.line ?? 0})` : '';
  const addr = d.address ? ` [${d.address}]` : '';
  const snippet = d.snippet ? `\n  ${d.filename ? (d.line ?? 0) : ''}: ${d.snippet.trim()}` : '';
  const detail = d.detail ? `\n  ${d.detail.split('\n').join('\n  ')}` : '';
  return `${d.severity === TerraformDiagnosticSeverity.WARNING ? 'Warning' : 'Error'}: ${d.summary}${addr}${where}${snippet}${detail}`;
}
