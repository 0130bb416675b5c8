import { foldAccents } from '../text/index.js';

/** A value found in free text, with its offsets in the input string (`text === input.slice(start, end)`). */
export interface TaxonomyMention<T> {
  value: T;
  text: string;
  start: number;
  end: number;
}

/** A word of the input with its offsets, its folded lower-case key, its line and the text since the previous word. */
export interface MentionToken {
  raw: string;
  key: string;
  start: number;
  end: number;
  line: number;
  /** Characters between the previous token and this one ('' for the first). */
  gap: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text with offsets. Keys are accent-folded and lower-cased (`Électrique` → `electrique`). */
export function mentionTokens(text: string): MentionToken[] {
  const tokens: MentionToken[] = [];
  let line = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const gap = text.slice(previousEnd, start);
    for (const char of gap) if (char === '\n') line++;
    const raw = match[0];
    tokens.push({ raw, key: foldAccents(raw).toLowerCase(), start, end: start + raw.length, line, gap });
    previousEnd = start + raw.length;
  }
  return tokens;
}

/** Folded word keys of a phrase, as `mentionTokens` would produce them. */
export function phraseKeys(phrase: string): string[] {
  return mentionTokens(phrase).map((token) => token.key);
}

interface Phrase<T> {
  keys: string[];
  value: T;
  /** When set, the first word must be written in capitals in the text (`ADR`, not the "adr." of an address). */
  upperCase: boolean;
}

/** Phrases given as space-joined keys, read when a text first holds their first key (see `addJoinedKeys`). */
interface PendingPhrases<T> {
  joined: readonly string[];
  valueAt: (position: number) => T;
  /** First key → positions in `joined`, in order. */
  byFirstKey: Map<string, number[]>;
}

/**
 * Finds known phrases in tokenised text: at each word, the longest phrase that starts there and stays on one
 * line wins; matches do not overlap.
 */
export class PhraseMatcher<T> {
  private readonly byFirstKey = new Map<string, Phrase<T>[]>();
  private readonly seen = new Set<string>();
  private sorted = true;
  private pending: PendingPhrases<T>[] = [];

  add(phrase: string, value: T, options?: { upperCase?: boolean }): void {
    this.addKeys(phraseKeys(phrase), value, options);
  }

  /** Adds a phrase given as keys (for callers that compare stems rather than folded words). */
  addKeys(keys: string[], value: T, options?: { upperCase?: boolean }): void {
    // Phrases keep their order of addition: lazily added ones are read in first.
    if (this.pending.length > 0) this.readAllPending();
    this.insert(keys, value, options?.upperCase ?? false);
  }

  /**
   * Adds many phrases at once, each given as its keys joined by spaces, with its value by position: a phrase is
   * only split and stored when a text first holds its first key. For large tables (skills) most of whose
   * phrases a document never reaches; the same matches as `addKeys` on each in order.
   */
  addJoinedKeys(joined: readonly string[], valueAt: (position: number) => T): void {
    const byFirstKey = new Map<string, number[]>();
    for (let position = 0; position < joined.length; position++) {
      const phrase = joined[position]!;
      const space = phrase.indexOf(' ');
      const first = space < 0 ? phrase : phrase.slice(0, space);
      if (first.length === 0) continue;
      const positions = byFirstKey.get(first);
      if (positions) positions.push(position);
      else byFirstKey.set(first, [position]);
    }
    this.pending.push({ joined, valueAt, byFirstKey });
  }

  /** Stores a phrase (the first one added with the same keys wins). */
  private insert(keys: string[], value: T, upperCase: boolean): void {
    const joined = keys.join(' ');
    if (keys.length === 0 || this.seen.has(joined)) return;
    this.seen.add(joined);
    const list = this.byFirstKey.get(keys[0]!);
    const phrase = { keys, value, upperCase };
    if (list) list.push(phrase);
    else this.byFirstKey.set(keys[0]!, [phrase]);
    this.sorted = false;
  }

  /**
   * Stores the pending phrases whose first key is `first`, in order of addition, and sorts that key's list
   * (stable, so equal lengths stay in order of addition, as `sortOnce` would leave them).
   */
  private readPending(first: string): void {
    let read = false;
    for (const batch of this.pending) {
      const positions = batch.byFirstKey.get(first);
      if (positions === undefined) continue;
      batch.byFirstKey.delete(first);
      const wasSorted = this.sorted;
      for (const position of positions)
        this.insert(batch.joined[position]!.split(' '), batch.valueAt(position), false);
      this.sorted = wasSorted;
      read = true;
    }
    if (read) this.byFirstKey.get(first)?.sort((a, b) => b.keys.length - a.keys.length);
  }

  /** Stores every pending phrase, in order of addition. */
  private readAllPending(): void {
    const batches = this.pending;
    this.pending = [];
    for (const batch of batches) {
      for (const positions of batch.byFirstKey.values())
        for (const position of positions)
          this.insert(batch.joined[position]!.split(' '), batch.valueAt(position), false);
    }
  }

  /** Longest phrases first (stable: insertion order among equal lengths), once after the last `add`. */
  private sortOnce(): void {
    if (this.sorted) return;
    for (const list of this.byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);
    this.sorted = true;
  }

  /** The phrase (if any) starting exactly at `tokens[position]`, longest first. */
  matchAt(tokens: readonly MentionToken[], position: number): { value: T; length: number } | null {
    const first = tokens[position];
    if (!first) return null;
    if (this.pending.length > 0) this.readPending(first.key);
    this.sortOnce();
    for (const phrase of this.byFirstKey.get(first.key) ?? []) {
      if (phrase.upperCase && first.raw !== first.raw.toUpperCase()) continue;
      let matches = true;
      for (let offset = 1; offset < phrase.keys.length; offset++) {
        const token = tokens[position + offset];
        if (!token || token.key !== phrase.keys[offset] || token.line !== first.line) {
          matches = false;
          break;
        }
      }
      if (matches) return { value: phrase.value, length: phrase.keys.length };
    }
    return null;
  }

  /** All non-overlapping matches, left to right. */
  findAll(text: string, tokens: readonly MentionToken[] = mentionTokens(text)): TaxonomyMention<T>[] {
    const mentions: TaxonomyMention<T>[] = [];
    for (let position = 0; position < tokens.length; position++) {
      const match = this.matchAt(tokens, position);
      if (!match) continue;
      const start = tokens[position]!.start;
      const end = tokens[position + match.length - 1]!.end;
      mentions.push({ value: match.value, text: text.slice(start, end), start, end });
      position += match.length - 1;
    }
    return mentions;
  }
}

/** Sorts mentions by start (then longest first) and drops those overlapping an earlier one. */
export function dropOverlaps<T>(mentions: TaxonomyMention<T>[]): TaxonomyMention<T>[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TaxonomyMention<T>[] = [];
  let reach = -1;
  for (const mention of sorted) {
    if (mention.start < reach) continue;
    kept.push(mention);
    reach = mention.end;
  }
  return kept;
}
