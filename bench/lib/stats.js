/**
 * The few statistics the report needs: median and nearest-rank percentiles over plain arrays of numbers.
 */

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (value, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
