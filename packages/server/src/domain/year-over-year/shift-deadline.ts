/**
 * A carried task's date moved on by `years` (2025-06-30 → 2026-06-30); 29 February becomes the 28th in a
 * year without one. Null stays null.
 */
export function shiftDeadline(date: string | null, years: number): string | null {
  if (date === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const year = Number(match[1]) + years;
  const month = match[2] ?? '01';
  let day = match[3] ?? '01';
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === '02' && day === '29' && !leap) day = '28';
  return `${String(year)}-${month}-${day}`;
}
