import { maskPhoneNumber } from '../screening/transports/sms-transport.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Structured logs: one JSON object a line. */
export interface JsonLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface JsonLoggerOptions {
  /** Lowest level written; default `info`. */
  level?: LogLevel;
  /** Where lines go; default standard error. */
  write?: (line: string) => void;
  now?: () => Date;
}

// 9 to 15 digits, maybe grouped ("06 12 34 56 78", "+33612345678"), not inside a word (message ids) and
// not a date (8 digits at most).
const PHONE_LIKE = /(?<![\w+])(?:\+|00)?\d(?:[\s.-]?\d){8,14}(?!\w)/g;

/** Phone numbers inside a string value are masked (`+336•••••678`): a log line never holds one. */
function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(PHONE_LIKE, (match) => maskPhoneNumber(match));
  if (Array.isArray(value)) return value.map(scrubValue);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = scrubValue(inner);
    return out;
  }
  return value;
}

/**
 * A JSON-lines logger for the webhook server: `{ time, level, msg, ...fields }`. Callers never pass a
 * message text; every string field is scrubbed of phone numbers whatever the level.
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): JsonLogger {
  const threshold = LEVELS[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const log =
    (level: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[level] < threshold) return;
      write(
        JSON.stringify({
          time: now().toISOString(),
          level,
          msg: message,
          ...(scrubValue(fields) as Record<string, unknown>),
        }),
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
