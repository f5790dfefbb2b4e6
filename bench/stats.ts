/** Small statistics and timing helpers for the benchmark. Times are in milliseconds. */

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

export const median = (values: number[]) => quantile(values, 0.5);
export const p95 = (values: number[]) => quantile(values, 0.95);

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured; returns each run's duration. */
export async function sample(
  fn: () => Promise<unknown>,
  runs: number,
  warmup = Math.ceil(runs / 5),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human statement of the budget, e.g. "≤ 1.5× crypto floor". */
  budget: string;
  /** undefined when the figure is informational only. */
  meets?: boolean;
  note?: string;
}

export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    `${Number.isFinite(f.value) ? (Math.abs(f.value) >= 100 ? f.value.toFixed(0) : f.value.toFixed(2)) : 'n/a'} ${f.unit}`,
    f.budget || '—',
    f.meets === undefined ? 'info' : f.meets ? 'yes' : 'NO',
  ]);
  const header = ['figure', 'value', 'budget', 'meets'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
