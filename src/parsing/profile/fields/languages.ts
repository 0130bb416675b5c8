import type { CefrLevel, Language } from '../../../domain/index.js';
import { foldForMatch, spanIn } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';

// Folded language names (French and English) people write on CVs.
const LANGUAGE_NAMES = new Set(
  (
    'francais anglais espagnol allemand italien portugais arabe chinois mandarin japonais russe polonais roumain turc ' +
    'neerlandais neerlandais flamand grec serbe croate bosniaque albanais bulgare ukrainien hindi ourdou bengali tamoul ' +
    'vietnamien wolof bambara peul lingala swahili berbere kabyle tamazight malgache creole farsi persan hebreu coreen ' +
    'thai tagalog somali amharique tigrinya armenien georgien hongrois tcheque slovaque suedois norvegien danois finnois ' +
    'french english spanish german italian portuguese arabic chinese japanese russian polish romanian turkish dutch greek ' +
    'serbian croatian albanian bulgarian ukrainian urdu bengali tamil vietnamese swahili hebrew korean persian hungarian ' +
    'czech swedish norwegian danish finnish marathi telugu kannada malayalam gujarati punjabi nepali ' +
    'indonesian malay catalan'
  ).split(' '),
);

/**
 * Whether a text names a spoken language ("English (fluent)", "Hindi, Marathi", "Anglais courant"): a
 * "Languages" list or section that does is about spoken languages; one that does not lists the languages a
 * computer reads ("Languages: Java, C++").
 */
export function mentionsSpokenLanguage(text: string): boolean {
  return (foldForMatch(text).match(/[a-z]+/g) ?? []).some((word) => LANGUAGE_NAMES.has(word));
}

// Level words → CEFR, longest first.
const LEVELS: [RegExp, CefrLevel][] = [
  [/\b(langue maternelle|maternelle|natif|native|mother tongue|first language)\b/, 'native'],
  [/\b(bilingue|bilingual)\b/, 'C2'],
  [/\b(c2)\b/, 'C2'],
  [/\b(c1)\b/, 'C1'],
  [/\b(b2)\b/, 'B2'],
  [/\b(b1)\b/, 'B1'],
  [/\b(a2)\b/, 'A2'],
  [/\b(a1)\b/, 'A1'],
  [/\b(courant|couramment|fluent|fluently|avance|advanced|tres bon niveau|excellent)\b/, 'C1'],
  [/\b(bon niveau|professionnel|professional|upper[- ]intermediate|good)\b/, 'B2'],
  [/\b(intermediaire|intermediate|moyen|conversational|correct)\b/, 'B1'],
  [/\b(notions?|scolaire|basic|basique|elementaire|elementary|lu,? ecrit)\b/, 'A2'],
  [/\b(debutant|debutante|beginner)\b/, 'A1'],
];

/** CEFR level of a level text: "courant" → C1, "bilingue" → C2, "notions" → A2, "langue maternelle" → native. */
export function languageLevel(text: string): CefrLevel | null {
  const folded = foldForMatch(text);
  for (const [pattern, level] of LEVELS) if (pattern.test(folded)) return level;
  return null;
}

const NAME = /[\p{L}’'-]+/gu;

/**
 * Languages of a section (one per line or table row: "Anglais : courant", "English (fluent)", "Allemand B1",
 * "Anglais | courant"). Elsewhere in the CV, `strict` keeps only lines starting with a language name and a level.
 */
export function extractLanguages(lines: SectionLine[], options: { strict: boolean }): Language[] {
  const languages: Language[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    // "Anglais courant, espagnol notions" → pieces.
    const pieces = options.strict ? [{ text: line.text, offset: 0 }] : splitPieces(line.text);
    for (const piece of pieces) {
      const words = [...piece.text.matchAll(NAME)];
      const first = words[0];
      if (!first) continue;
      const key = foldForMatch(first[0]);
      if (!LANGUAGE_NAMES.has(key)) continue;
      const level = languageLevel(piece.text.slice(first.index + first[0].length));
      if (options.strict && (level === null || first.index > 2)) continue;
      if (seen.has(key)) continue;
      seen.add(key);
      languages.push({
        name: capitalize(first[0]),
        level,
        source: spanIn(line, piece.offset, piece.text.length),
        confidence: level ? 0.9 : 0.7,
      });
    }
  }
  return languages;
}

function splitPieces(text: string): { text: string; offset: number }[] {
  const pieces: { text: string; offset: number }[] = [];
  const pattern = /[^,;/•]+/gu;
  for (const match of text.matchAll(pattern)) {
    const trimmed = match[0].trim();
    if (trimmed) pieces.push({ text: trimmed, offset: match.index + match[0].indexOf(trimmed) });
  }
  return pieces;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
