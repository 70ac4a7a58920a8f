// @ts-check
/** Figures the benchmarks print. */

/**
 * The `q` quantile (0 … 1) of `xs`, nearest rank; NaN for no values.
 * @param {number[]} xs @param {number} q
 */
export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
}
