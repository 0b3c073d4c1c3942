/**
 * Polls `fn` every 100 ms until it returns a value (not undefined), for the tests that wait for Terraform and the
 * plugin to start before they signal them. Fails with `timed out waiting for <what>` after `ms`.
 */
export async function waitFor<T>(what: string, fn: () => T | undefined, ms: number): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
