/**
 * A computed figure as people write it: at most two decimals, half away from zero, trailing zeros dropped
 * (59.473096 → 59.47, 4.975 → 4.98, −2.345 → −2.35, 81.5 → 81.5). The server keeps the full value; only what
 * is shown is rounded.
 */
export function formatFigure(value: number): string {
  const sign = value < 0 ? -1 : 1;
  // Shifting by exponent text, not by × 100, rounds 4.975 up (4.975 × 100 is 497.49999… in binary).
  const shifted = Number(`${String(Math.round(Number(`${String(Math.abs(value))}e2`)))}e-2`);
  // A figure already in exponent form (1e-7) cannot be shifted by text: it rounds to 0 either way.
  const rounded = Number.isFinite(shifted) ? shifted : Math.round(Math.abs(value) * 100) / 100;
  return String(rounded === 0 ? 0 : sign * rounded);
}
