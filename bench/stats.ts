// Median and p90 of a list of durations, and the table the startup benchmark prints.

/** The value at quantile `q` (nearest rank) of `values`. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** One row of results. */
export interface Row {
  contender: string;
  samples: number[];
  errors: number;
}

/** A Markdown table: median, p90, ratio of each median and p90 to the floor's (the first row). */
export function table(rows: readonly Row[]): string {
  const floor = rows[0];
  const fm = floor ? quantile(floor.samples, 0.5) : Number.NaN;
  const fp = floor ? quantile(floor.samples, 0.9) : Number.NaN;
  const lines = [
    '| contender | runs | median ms | p90 ms | median / floor | p90 / floor |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const m = quantile(row.samples, 0.5);
    const p = quantile(row.samples, 0.9);
    const runs = `${row.samples.length}${row.errors ? ` (+${row.errors} failed)` : ''}`;
    lines.push(`| ${row.contender} | ${runs} | ${m.toFixed(0)} | ${p.toFixed(0)} | ${(m / fm).toFixed(2)}x | ${(p / fp).toFixed(2)}x |`);
  }
  return lines.join('\n');
}
