/**
 * A bounded-concurrency map over promises: generic, no knowledge of what the work is (the CLI validates
 * two stacks at a time with it, the Terraform suites run their stacks with it).
 */

/**
 * Starts `fn` on every item, at most `limit` at a time, and returns the promises in the items' order
 * (each settles as its item finishes).
 */
export function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Array<Promise<R>> {
  const gates: Array<{ resolve: (v: R) => void; reject: (e: unknown) => void; promise: Promise<R> }> = items.map(() => {
    let resolve!: (v: R) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<R>((res, rej) => { resolve = res; reject = rej; });
    // Handled here so that a failure of a later item is not an unhandled rejection while an earlier one is awaited.
    promise.catch(() => undefined);
    return { resolve, reject, promise };
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      try {
        gates[i].resolve(await fn(items[i], i));
      } catch (e) {
        gates[i].reject(e);
      }
    }
  };
  for (let w = 0; w < Math.max(1, Math.min(limit, items.length)); w++) void worker();
  return gates.map((g) => g.promise);
}
