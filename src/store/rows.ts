import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/** A timestamp column as ISO 8601 (UTC). */
export function isoTime(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** A timestamp column that may be NULL. */
export function isoTimeOrNull(value: Date | string | null): string | null {
  return value === null ? null : isoTime(value);
}

/** `count(*)` and bigserial columns: `pg` gives strings for int8, PGlite numbers. */
export function toCount(value: number | string | bigint): number {
  return Number(value);
}

/** A JSON parameter: always sent as text and cast with `::jsonb` (arrays would otherwise become SQL arrays). */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** A `Date`, an ISO string or nothing (now) as a Date for a timestamptz parameter. */
export function toDate(value: Date | string | undefined): Date {
  if (value === undefined) return new Date();
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new ValidationError(`invalid date ${String(value)}`, {
      issues: [{ path: [], message: 'invalid date' }],
    });
  }
  return date;
}

/** Validates `value` with `schema`, or throws `ValidationError` listing the issues. */
export function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(`invalid ${what}`, {
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
      message: issue.message,
    })),
    cause: parsed.error,
  });
}
