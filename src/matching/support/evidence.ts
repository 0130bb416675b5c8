import type { CandidateProfile, SourceSpan } from '../../domain/index.js';

const MAX_QUOTE = 160;
/** Quotes shorter than this ("3", "B") say little: the whole line around them is quoted instead. */
const MIN_QUOTE = 12;

/** First non-empty line of a text, at most 160 characters (a verbatim substring of the CV). */
export function shortQuote(text: string): string {
  const line = text.split('\n').find((part) => part.trim().length > 0) ?? text;
  return line.trim().slice(0, MAX_QUOTE);
}

/**
 * A quote from the CV for a value: its source span's text, widened to its line in `profile.text`
 * when very short; else `fallback` (the value as written). Empty when there is nothing to quote.
 */
export function sourceQuote(
  profile: CandidateProfile,
  span: SourceSpan | null | undefined,
  fallback = '',
): string {
  const text = span?.text.trim() ?? '';
  if (span && text.length < MIN_QUOTE && span.end <= profile.text.length) {
    const lineStart = profile.text.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
    const lineEnd = profile.text.indexOf('\n', span.end);
    const line = profile.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
    if (line.length > text.length) return shortQuote(line);
  }
  return shortQuote(text || fallback);
}

/** Non-empty, distinct quotes, in order. */
export function quotes(items: string[]): string[] {
  return [...new Set(items.filter((item) => item.trim().length > 0))];
}
