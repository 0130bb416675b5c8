/** Small date helpers for matching. Dates are ISO strings (`YYYY-MM-DD`, `YYYY-MM`), compared in UTC. */

/** Today's date as `YYYY-MM-DD` (UTC), or the given date formatted. */
export function toIsoDate(date: Date | string | undefined): string {
  if (typeof date === 'string') return date.slice(0, 10);
  return (date ?? new Date()).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/** Month index (`year * 12 + month - 1`) of a `YYYY-MM` or `YYYY-MM-DD` string. */
export function monthIndex(value: string): number {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  return year * 12 + month - 1;
}
