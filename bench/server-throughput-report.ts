/** What the throughput bench prints: each round's table, what each row measures, and the min/median over the rounds. */
import type { Figures } from './load.js';
import { median } from './stats.js';

export interface ServerFigureRow {
  what: string;
  generator: string;
  figures: Figures;
  /** The baseline's slices interleaved with this row's (`interleave.ts`): the ratio's denominator. */
  baseline?: { what: string; figures: Figures };
}

/** Issue 16's goals, as a fraction of the bare JSON POST's successes per second. */
export const SERVER_ROW_GOALS: readonly [prefix: string, atLeast: number][] = [
  ['TOTP verify', 0.4],
  ['guard, multi-use', 0.5],
  ['guard, single-use', 0.5],
];

/** What each row's requests do inside the server child, beyond what its baseline does too. */
export const SERVER_ROW_MEASURES: readonly [prefix: string, measures: string][] = [
  ['baseline: GET', "Node HTTP + Hono routing and the global middleware (no-store, body limit): the framework's ceiling"],
  [
    'baseline: POST',
    'the same plus reading and parsing a small JSON body: what every kit POST pays before its own work; every slice of it in the round (each row below is divided by its own interleaved slices)',
  ],
  [
    'TOTP verify',
    'session lookup (demo, one SELECT), body validation, device read, 3 HOTPs, ONE write transaction (lockout read + accept step + step_up_granted event INSERT; a user with failures counted also reserves and resets), ES256 sign (node:crypto)',
  ],
  [
    'ceiling',
    'one ES256 sign (node:crypto) and one INSERT committed (an audit event), nothing else: the least a verification that issues a token can cost, so no such row can reach a higher ratio',
  ],
  ['baseline: 2 sequential', 'two dependent bare POSTs through the fetch client: the ceiling of a two-request flow'],
  [
    'passkey',
    'options (challenge INSERT) → software authenticator → verify (challenge DELETE, ES256 assertion check by @simplewebauthn, counter UPDATE, ES256 token sign, event INSERT)',
  ],
  [
    'guard, multi-use',
    'session lookup, policy (one SELECT EXISTS), ES256 verify (node:crypto, jws-verifier.ts), no digest (unbound token), the delegation UPDATE',
  ],
  ['guard, single-use', 'the same plus the atomic jti INSERT (single use)'],
];

const lookup = <T>(table: readonly [string, T][], what: string) => table.find(([prefix]) => what.startsWith(prefix))?.[1];
const ratioOf = (row: ServerFigureRow) => (row.baseline ? row.figures.okPerSecond / row.baseline.figures.okPerSecond : undefined);
/** The ratio the server's own CPU gives (baseline µs per success ÷ this row's): what it would be if the server's core were the only limit. */
const cpuRatioOf = (row: ServerFigureRow) => (row.baseline ? row.baseline.figures.serverCpuUsPerOk / row.figures.serverCpuUsPerOk : undefined);
const orBlank = (value: number | undefined, digits: number) => (value === undefined || Number.isNaN(value) ? '' : value.toFixed(digits));

export function printMeasures(rows: ServerFigureRow[]) {
  console.log('What each row measures:');
  for (const row of rows) {
    const measures = lookup(SERVER_ROW_MEASURES, row.what);
    if (measures) console.log(`  - ${row.what}: ${measures}`);
  }
}

export function printRound(round: number, rows: ServerFigureRow[]) {
  console.log(`\nRound ${round}:`);
  console.table(
    rows.map((row) => {
      const ratio = ratioOf(row);
      return {
        what: row.what,
        generator: row.generator,
        'ok/s': row.figures.okPerSecond.toFixed(0),
        'p50 ms': row.figures.p50Ms.toFixed(2),
        'p99 ms': row.figures.p99Ms.toFixed(2),
        'baseline ok/s (its slices)': row.baseline ? row.baseline.figures.okPerSecond.toFixed(0) : '',
        'ok/s ÷ baseline': ratio === undefined ? '' : ratio.toFixed(3),
        'p50 ÷ baseline': row.baseline ? (row.figures.p50Ms / row.baseline.figures.p50Ms).toFixed(2) : '',
        'server CPU µs/ok': orBlank(row.figures.serverCpuUsPerOk, 0),
        'server busy': orBlank(row.figures.serverBusy, 2),
        'CPU: baseline ÷ row': orBlank(cpuRatioOf(row), 3),
        ok: row.figures.ok,
        failed: row.figures.failed,
      };
    }),
  );
}

/** Min and median of each row over the rounds, and whether each goal is met (by the median; the min says how sure). */
export function printSummary(rounds: ServerFigureRow[][]) {
  const minMedian = (values: number[], digits: number) => `${Math.min(...values).toFixed(digits)} / ${median(values).toFixed(digits)}`;
  console.log(`\nOver ${rounds.length} round(s), min / median:`);
  console.table(
    rounds[0]!.map((first, index) => {
      const same = rounds.map((rows) => rows[index]!);
      const ratios = same.map(ratioOf).filter((ratio): ratio is number => ratio !== undefined);
      const cpuRatios = same.map(cpuRatioOf).filter((ratio): ratio is number => ratio !== undefined && !Number.isNaN(ratio));
      const goal = lookup(SERVER_ROW_GOALS, first.what);
      return {
        what: first.what,
        'ok/s': minMedian(
          same.map((row) => row.figures.okPerSecond),
          0,
        ),
        'p50 ms': minMedian(
          same.map((row) => row.figures.p50Ms),
          2,
        ),
        'ok/s ÷ baseline': ratios.length ? minMedian(ratios, 3) : '',
        'server CPU µs/ok': minMedian(
          same.map((row) => row.figures.serverCpuUsPerOk),
          0,
        ),
        'CPU: baseline ÷ row': cpuRatios.length ? minMedian(cpuRatios, 3) : '',
        goal:
          goal === undefined ? '' : `≥ ${goal.toFixed(2)}: ${median(ratios) >= goal ? 'met' : 'NOT met'}${Math.min(...ratios) >= goal ? ' (every round)' : ''}`,
        failed: same.reduce((sum, row) => sum + row.figures.failed, 0),
      };
    }),
  );
}
