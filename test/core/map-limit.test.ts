import { mapLimit } from '../../src/core/map-limit';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('mapLimit', () => {
  test('at most `limit` items run at a time; results come back in the items\' order', async () => {
    const gates = [0, 1, 2, 3, 4].map(() => deferred<void>());
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = mapLimit(['a', 'b', 'c', 'd', 'e'], 2, async (item, i) => {
      started.push(i);
      most = Math.max(most, ++running);
      await gates[i].promise;
      running--;
      return `${item}${i}`;
    });
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(results)).toEqual(['a0', 'b1', 'c2', 'd3', 'e4']);
    expect(most).toBe(2);
  });

  test('a failure settles its own promise only, and never as an unhandled rejection', async () => {
    const results = mapLimit([1, 2, 3], 1, async (n) => {
      if (n === 2) throw new Error('two');
      return n * 10;
    });
    await expect(results[2]).resolves.toBe(30);
    await expect(results[1]).rejects.toThrow('two');
    await expect(results[0]).resolves.toBe(10);
  });

  test('no items: no promises; a limit below 1 still runs one at a time', async () => {
    expect(mapLimit([], 3, async () => 1)).toEqual([]);
    expect(await Promise.all(mapLimit([1, 2], 0, async (n) => n + 1))).toEqual([2, 3]);
  });
});
