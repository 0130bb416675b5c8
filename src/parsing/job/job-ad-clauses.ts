import type { TaxonomyMention } from '../../taxonomy/index.js';
import { foldAccents } from '../../text/index.js';

/** Words that make what they qualify a "nice to have" (folded text). */
export const PREFERRED =
  /\b(un plus|est un plus|sont un plus|serait un plus|appreciee?s?|souhaitee?s?|souhaitables?|atouts?|nice to have|would be a plus|is a plus|a plus|desirable|preferred|preferably|appreciated|welcome|an asset|an advantage)\b/;
/** Words that make what they qualify a requirement (folded text). */
const REQUIRED =
  /\b(exigee?s?|obligatoires?|indispensables?|requise?s?|imperatif|imperatifs|imperatives?|necessaires?|required|mandatory|essential|must|needed)\b/;

/** Sentence ends (not "cat. 3"), semicolons and line breaks end a clause. */
const CLAUSE_END = /[.!?](?=\s+[\p{Lu}(])|[.!?]\s*$|[;\n]/gu;

function clauseBounds(text: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(CLAUSE_END)) {
    const at = match.index ?? 0;
    if (at < start) from = at + match[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return [from, to];
}

type Marker = { at: number; preferred: boolean };

function markers(clause: string, offset: number): Marker[] {
  const folded = foldAccents(clause).toLowerCase();
  const out: Marker[] = [];
  for (const [pattern, preferred] of [
    [PREFERRED, true],
    [REQUIRED, false],
  ] as const) {
    for (const match of folded.matchAll(new RegExp(pattern.source, 'g'))) {
      out.push({ at: offset + (match.index ?? 0), preferred });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Whether a mention in a job ad is only preferred, decided in its own clause: the nearest
 * requirement word after it ("CACES 3 exigé, permis B souhaité": the CACES is required, the licence
 * preferred), else the nearest one before it ("Nice to have: SST"); required when the clause has none.
 */
export function isPreferredMention(text: string, start: number, end: number): boolean {
  const [from, to] = clauseBounds(text, start, end);
  const found = markers(text.slice(from, to), from);
  const after = found.find((marker) => marker.at >= end);
  if (after) return after.preferred;
  const before = found.filter((marker) => marker.at < start).pop();
  return before?.preferred ?? false;
}

/** Mentions split into required and preferred by `isPreferredMention`. */
export function splitMentions<T>(
  text: string,
  mentions: TaxonomyMention<T>[],
): { required: TaxonomyMention<T>[]; preferred: TaxonomyMention<T>[] } {
  const required: TaxonomyMention<T>[] = [];
  const preferred: TaxonomyMention<T>[] = [];
  for (const mention of mentions) {
    (isPreferredMention(text, mention.start, mention.end) ? preferred : required).push(mention);
  }
  return { required, preferred };
}
