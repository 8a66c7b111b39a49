/** A tiny benchmark harness: each bench prints figures and ratios against a baseline measured in the same run. */
export interface BenchReport {
  section(title: string): void;
  figure(label: string, value: number, unit: string): void;
  ratio(label: string, value: number, baseline: number, unit: string): void;
}

export function consoleReport(): BenchReport {
  const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
  return {
    section: (title) => console.log(`\n== ${title}`),
    figure: (label, value, unit) => console.log(`  ${label.padEnd(52)} ${fmt(value).padStart(12)} ${unit}`),
    ratio: (label, value, baseline, unit) =>
      console.log(`  ${label.padEnd(52)} ${fmt(value).padStart(12)} ${unit}   (baseline ${fmt(baseline)} ${unit}, ratio ${(value / baseline).toFixed(2)}×)`),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export type Bench = (report: BenchReport) => Promise<void>;
