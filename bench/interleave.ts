/**
 * Side-by-side measurement on a shared machine: a row and its baseline run in short
 * alternating slices (A B, B A, A B, …), so a neighbour's burst, a GC or a thermal step lands
 * on both instead of on whichever happened to run at the time. Each side's slices are merged
 * into one result (requests, latencies and seconds add up).
 */
import { emptyResult, merge, type LoadResult } from './load.js';

export type Slice = (seconds: number) => Promise<LoadResult>;

export interface Interleaved {
  baseline: LoadResult;
  row: LoadResult;
}

/** Each slice also records what it cost the server when given the server's CPU clock (µs). */
export async function interleave(
  slices: number,
  sliceSeconds: number,
  baseline: Slice,
  row: Slice,
  serverCpuMicros?: () => Promise<number>,
): Promise<Interleaved> {
  const result: Interleaved = { baseline: emptyResult(), row: emptyResult() };
  for (let i = 0; i < slices; i++) {
    // Alternating which side goes first cancels a slow drift (a warming JIT, a growing file).
    const order: (keyof Interleaved)[] = i % 2 === 0 ? ['baseline', 'row'] : ['row', 'baseline'];
    for (const side of order) {
      const cpuBefore = await serverCpuMicros?.();
      const slice = await (side === 'baseline' ? baseline : row)(sliceSeconds);
      if (serverCpuMicros && cpuBefore !== undefined) slice.serverCpuUs = (await serverCpuMicros()) - cpuBefore;
      merge(result[side], slice);
    }
  }
  return result;
}
