/**
 * Two load generators with one result shape:
 * - `cannon`: autocannon (open pipeline of independent requests over N keep-alive connections),
 *   each request taken from a list so every one can carry its own session and code;
 * - `closedLoop`: N workers each running a flow of dependent requests (options → sign →
 *   verify) with fetch, one after another; latency is measured per flow.
 * Latencies are kept per request (ms), so runs can be merged and percentiles are exact.
 */
import { performance } from 'node:perf_hooks';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { quantile } from './stats.js';

export interface LoadResult {
  /** Requests (or flows) answered. */
  total: number;
  /** Answered with the status that means success for this load. */
  ok: number;
  statuses: Record<string, number>;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  /** CPU the server spent meanwhile (µs, every thread), when the run measured it; else 0. */
  serverCpuUs: number;
}

export interface Figures {
  okPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  ok: number;
  failed: number;
  seconds: number;
  /** Server CPU per success (µs), when measured: what the row costs the server, whatever the load generator could offer. */
  serverCpuUsPerOk: number;
  /** Server CPU ÷ wall time: 1 is one core kept busy. */
  serverBusy: number;
}

export function emptyResult(): LoadResult {
  return { total: 0, ok: 0, statuses: {}, errors: 0, seconds: 0, latenciesMs: [], serverCpuUs: 0 };
}

export function merge(into: LoadResult, from: LoadResult): LoadResult {
  into.total += from.total;
  into.ok += from.ok;
  into.errors += from.errors;
  into.seconds += from.seconds;
  into.serverCpuUs += from.serverCpuUs;
  for (const [status, count] of Object.entries(from.statuses)) into.statuses[status] = (into.statuses[status] ?? 0) + count;
  for (const latency of from.latenciesMs) into.latenciesMs.push(latency);
  return into;
}

export function figures(result: LoadResult): Figures {
  return {
    okPerSecond: result.seconds > 0 ? result.ok / result.seconds : 0,
    p50Ms: quantile(result.latenciesMs, 0.5),
    p99Ms: quantile(result.latenciesMs, 0.99),
    total: result.total,
    ok: result.ok,
    failed: result.total - result.ok + result.errors,
    seconds: result.seconds,
    serverCpuUsPerOk: result.ok > 0 ? result.serverCpuUs / result.ok : Number.NaN,
    serverBusy: result.seconds > 0 ? result.serverCpuUs / 1e6 / result.seconds : Number.NaN,
  };
}

export interface RequestSpec {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Handed back with the answer (e.g. which user a harvested token belongs to). */
  tag?: unknown;
}

export interface CannonOptions {
  url: string;
  connections: number;
  /** Stop after this many seconds (at most). */
  durationSeconds: number;
  /** One request, repeated; or a list consumed in order (the run ends when it runs out, unless `cycle`). */
  request: RequestSpec | RequestSpec[];
  cycle?: boolean;
  /** Where in the list to start, advanced by each request sent: slices of one run share it, so no request is sent twice. */
  cursor?: { next: number };
  okStatus: number;
  /** Sees each answer body (e.g. to harvest tokens) with the request's tag. */
  onBody?: (status: number, body: string, tag: unknown) => void;
}

export async function cannon(options: CannonOptions): Promise<LoadResult> {
  const list = Array.isArray(options.request) ? options.request : undefined;
  const cursor = options.cursor ?? { next: 0 };
  const remaining = list ? list.length - cursor.next : Infinity;
  if (list && !options.cycle && remaining <= 0) return emptyResult();
  const request: AutocannonRequest = list
    ? {
        setupRequest: (req, context) => {
          const spec = list[cursor.next++ % list.length]!;
          context.tag = spec.tag;
          return { ...req, method: spec.method, path: spec.path, headers: spec.headers ?? {}, ...(spec.body !== undefined ? { body: spec.body } : {}) };
        },
      }
    : { ...(options.request as RequestSpec) };
  if (options.onBody) {
    const onBody = options.onBody;
    request.onResponse = (status, body, context) => onBody(status, body, context.tag);
  }
  const latenciesMs: number[] = [];
  const started = performance.now();
  let lastAnswerAt = started;
  const instance = autocannon({
    url: options.url,
    // autocannon refuses more connections than requests.
    connections: Math.min(options.connections, remaining),
    pipelining: 1,
    ...(list && !options.cycle ? { amount: remaining } : {}),
    duration: options.durationSeconds,
    requests: [request],
    timeout: 30,
    // autocannon notices the end of a run only at a sample tick (1 s by default): finer ticks end a short slice on time.
    sampleInt: 50,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latenciesMs.push(responseTime);
    lastAnswerAt = performance.now();
  });
  // With `amount`, autocannon ignores `duration`: stop it ourselves.
  const stopTimer = list && !options.cycle ? setTimeout(() => instance.stop(), options.durationSeconds * 1000) : undefined;
  const result = await instance;
  clearTimeout(stopTimer);
  // Up to the last answer: a list that runs out before the deadline leaves no idle tail in the rate.
  const seconds = (lastAnswerAt - started) / 1000;
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) statuses[status] = Number(count);
  return {
    total: Object.values(statuses).reduce((a, b) => a + b, 0),
    ok: statuses[String(options.okStatus)] ?? 0,
    statuses,
    errors: result.errors,
    seconds,
    latenciesMs,
    serverCpuUs: 0,
  };
}

export interface ClosedLoopOptions<W> {
  workers: W[];
  durationSeconds: number;
  /** One flow; resolves to the final status. */
  flow: (worker: W) => Promise<number>;
  okStatus: number;
}

export async function closedLoop<W>(options: ClosedLoopOptions<W>): Promise<LoadResult> {
  const result = emptyResult();
  const started = performance.now();
  const deadline = started + options.durationSeconds * 1000;
  await Promise.all(
    options.workers.map(async (worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const status = await options.flow(worker);
          result.latenciesMs.push(performance.now() - t0);
          result.total++;
          result.statuses[status] = (result.statuses[status] ?? 0) + 1;
          if (status === options.okStatus) result.ok++;
        } catch {
          result.errors++;
        }
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
