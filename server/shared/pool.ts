/**
 * A bounded pool: at most `size` tasks run at once; the rest wait their turn, first come first
 * served. Made once at module level it is shared by the whole process, so callers in parallel
 * queue behind each other instead of multiplying the work in flight.
 */
export function boundedPool(size: number) {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("a pool holds at least one task");
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running < size) running++;
    else await new Promise<void>((turn) => waiting.push(turn)); // the finishing task hands over its place
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
