/** What every benchmark module returns; bench/run.ts collects them into bench/results.json and a table. */
export interface BenchResult {
  /** e.g. "recognition median, 10x catalog" */
  name: string;
  value: number;
  /** e.g. "µs", "ms", "KB gzip", "ratio" */
  unit: string;
  /** Extra figures (p95, sample count, catalog size…) shown beside the value. */
  detail?: Record<string, number | string>;
}

/** A benchmark file `bench/<area>.bench.ts` default-exports one of these. `quick` runs few iterations (CI). */
export type Bench = (options: { quick: boolean }) => Promise<BenchResult[]>;
