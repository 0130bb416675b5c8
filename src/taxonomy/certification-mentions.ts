import { CACES_RECOMMENDATIONS, LEGACY_CACES } from './catalogue/caces.js';
import { OTHER_CERTIFICATIONS } from './catalogue/certifications.js';
import { type CertificationInfo, certificationCatalogue, certificationInfo } from './certifications.js';
import {
  dropOverlaps,
  type MentionToken,
  mentionTokens,
  PhraseMatcher,
  phraseKeys,
  type TaxonomyMention,
} from './mention-tokens.js';

/*
 * Finding certifications in whole CV or job-ad text. Precision first: a bare "cat 3" counts only after a
 * CACES anchor on the same line (or on a heading line just above), a bare "BR" only after
 * "habilitation électrique", and "ADR" only in capitals (not the "Adr." of an address).
 */

const CACES_ANCHORS = new Set(['caces', 'cace', 'cacces', 'cacess', 'caces®']);
const RECOMMENDATION = /^r(389|489|386|486|372|372m|482|483|484|485|487|490|390)$/;
const CATEGORY_WORDS = new Set(['cat', 'cats', 'categorie', 'categories', 'categ', 'option', 'type']);
const FILLERS = new Set([
  'et',
  'ou',
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'en',
  'n',
  'no',
  'caces',
  'recommandation',
]);
const CACES_CATEGORY = /^(1a|1b|2a|2b|[1-9]|10|a|b|b1|b2|b3|c|c1|c2|c3|d|e|f|g)$/;
/** Words after a number that make it a quantity ("5 ans"), ending a category list. */
const UNITS = new Set([
  'an',
  'ans',
  'annee',
  'annees',
  'mois',
  'jour',
  'jours',
  'semaine',
  'semaines',
  'heure',
  'heures',
  'h',
  'x',
  'fois',
  'personnes',
  'postes',
]);
const GLUED_CATEGORY = /^cat(1a|1b|2a|2b|[1-9]|10|[a-g][1-3]?)$/;

/** Single keywords that name a recommendation next to "CACES" (multi-word keywords use their last word). */
const KEYWORD_RECOMMENDATION = new Map<string, string>();
for (const item of CACES_RECOMMENDATIONS) {
  for (const keyword of item.keywords) {
    const keys = phraseKeys(keyword);
    const last = keys[keys.length - 1]!;
    if (!KEYWORD_RECOMMENDATION.has(last)) KEYWORD_RECOMMENDATION.set(last, item.recommendation);
    for (const key of keys) if (!FILLERS.has(key)) FILLERS.add(key);
  }
}

/** Current code for a (recommendation, category) pair, following old recommendations to the new ones. */
function cacesCode(recommendation: string | null, category: string): string | null {
  const upper = category.toUpperCase();
  if (recommendation) {
    const legacy = LEGACY_CACES[recommendation];
    if (legacy) return legacy[upper] ?? null;
    const code = upper ? `CACES_${recommendation}_${upper}` : `CACES_${recommendation}`;
    return certificationCatalogue().byCode.has(code) ? code : null;
  }
  // No recommendation written: numbers and 1A/1B/2A/2B are R489 (what "CACES 3" means in practice); a plain
  // letter is R482 when R482 has that exact category (A, D, E, F, G). "CACES B" stays ambiguous (R482/R486).
  // A bare "1" is the old R389 category 1 (now R489 1A); a bare "2" (now 2A or 2B) stays ambiguous.
  if (category === '1') return 'CACES_R489_1A';
  if (/^(1a|1b|2a|2b|[3-7])$/i.test(category)) return `CACES_R489_${upper}`;
  const r482 = `CACES_R482_${upper}`;
  return /^[adefg]$/i.test(category) && certificationCatalogue().byCode.has(r482) ? r482 : null;
}

function isCacesAnchor(tokens: readonly MentionToken[], position: number): boolean {
  const token = tokens[position]!;
  if (CACES_ANCHORS.has(token.key) || RECOMMENDATION.test(token.key)) return true;
  if (
    token.key === 'r' &&
    /^(389|489|386|486|372|482|483|484|485|487|490|390)$/.test(tokens[position + 1]?.key ?? '')
  ) {
    return tokens[position + 1]!.line === token.line;
  }
  // "cariste cat 3", "cariste cat3", "caristes catégories 3 et 5"
  if (token.key === 'cariste' || token.key === 'caristes') {
    const next = tokens[position + 1];
    return (
      !!next && next.line === token.line && (CATEGORY_WORDS.has(next.key) || GLUED_CATEGORY.test(next.key))
    );
  }
  return false;
}

function findCaces(text: string, tokens: readonly MentionToken[]): TaxonomyMention<CertificationInfo>[] {
  const mentions: TaxonomyMention<CertificationInfo>[] = [];
  let position = 0;
  while (position < tokens.length) {
    if (!isCacesAnchor(tokens, position)) {
      position++;
      continue;
    }
    const anchor = tokens[position]!;
    let line = anchor.line;
    let recommendation: string | null = null;
    let hint: string | null = anchor.key.startsWith('cariste') ? 'R489' : null;
    let first = true;
    let cursor = position;
    let emitted = 0;
    const firstMention = mentions.length;
    while (cursor < tokens.length) {
      const token = tokens[cursor]!;
      if (token.line !== line) {
        // A heading line ("CACES :") continues on the next line when nothing was found on it yet.
        if (emitted === 0 && token.line === line + 1) line = token.line;
        else break;
      }
      let key = token.key;
      if (key === 'r' && /^\d{3}m?$/.test(tokens[cursor + 1]?.key ?? '')) {
        cursor++;
        key = `r${tokens[cursor]!.key}`;
      }
      const recommendationMatch = RECOMMENDATION.exec(key);
      const glued = GLUED_CATEGORY.exec(key);
      if (recommendationMatch) {
        recommendation = `R${recommendationMatch[1]!.replace(/m$/, '')}`;
        if (recommendation === 'R490' || recommendation === 'R390') {
          const code = cacesCode(recommendation, '');
          // R490 has no categories: the recommendation itself is the certificate.
          const next = tokens[cursor + 1];
          if (code && !(next && next.line === token.line && CACES_CATEGORY.test(next.key))) {
            const start = first ? anchor.start : token.start;
            mentions.push({
              value: certificationInfo(code)!,
              text: text.slice(start, token.end),
              start,
              end: token.end,
            });
            first = false;
            emitted++;
          }
        }
      } else if (token.raw === 'à') {
        // "grue à tour": a preposition, not category A
      } else if (key === 'en' && /^(cours|formation|preparation)$/.test(tokens[cursor + 1]?.key ?? '')) {
        mentions.splice(firstMention); // "CACES 3 et 5 en cours": not held yet
        break;
      } else if (/^\d+$/.test(key) && UNITS.has(tokens[cursor + 1]?.key ?? '')) {
        break; // "CACES 1, 3, 5 ans d'expérience": a quantity, not a category
      } else if (CACES_CATEGORY.test(key) || glued) {
        const category = glued ? glued[1]! : key;
        const code = cacesCode(recommendation ?? hint, category);
        if (code) {
          const start = first ? anchor.start : token.start;
          mentions.push({
            value: certificationInfo(code)!,
            text: text.slice(start, token.end),
            start,
            end: token.end,
          });
          first = false;
          emitted++;
        }
      } else if (KEYWORD_RECOMMENDATION.has(key)) {
        hint = recommendation ? hint : KEYWORD_RECOMMENDATION.get(key)!;
      } else if (!CATEGORY_WORDS.has(key) && !FILLERS.has(key) && !CACES_ANCHORS.has(key)) {
        break;
      }
      cursor++;
    }
    position = Math.max(cursor, position + 1);
  }
  return mentions;
}

const ELECTRICAL_LEVEL = /^(b0|h0|h0v|bs|be|br|bc|b1|b1v|b2|b2v|h1|h1v|h2|h2v|hc|bf|hf)$/;
const GLUED_LEVELS = /^(?:b0|h0v|h0|bs|br|bc|b1v|b1|b2v|b2|h1v|h1|h2v|h2|hc|bf|hf){2,}$/;
const SPLIT_LEVELS = /b0|h0v|h0|bs|br|bc|b1v|b1|b2v|b2|h1v|h1|h2v|h2|hc|bf|hf/g;
/** Levels distinctive enough to count without "habilitation électrique" in front (not B1/B2: language levels). */
const STANDALONE_LEVELS = new Set(['h0v', 'b1v', 'b2v', 'h1v', 'h2v']);
const BE_QUALIFIERS: Record<string, string> = {
  manoeuvre: 'BE_MANOEUVRE',
  manoeuvres: 'BE_MANOEUVRE',
  essai: 'BE_ESSAI',
  essais: 'BE_ESSAI',
  mesure: 'BE_MESURE',
  mesurage: 'BE_MESURE',
  mesures: 'BE_MESURE',
  verification: 'BE_VERIFICATION',
  verifications: 'BE_VERIFICATION',
};
const ELECTRICAL_FILLERS = new Set([
  'et',
  'ou',
  'niveau',
  'niveaux',
  'indice',
  'indices',
  'symbole',
  'type',
  'titre',
  'v',
]);

/** "habilitation(s) électrique(s)" and how people misspell or shorten it. */
const ELECTRICAL_ANCHORS = new Set([
  'habilitation',
  'habilitations',
  'habiliation',
  'habilitaion',
  'habilitatoin',
  'hab',
  'habilite',
]);

/** Tokens the anchor takes (2 for "habilitation électrique", 1 for "habilitation", 0 for a standalone level), or -1. */
function isElectricalAnchor(tokens: readonly MentionToken[], position: number): number {
  const token = tokens[position]!;
  const next = tokens[position + 1];
  if (ELECTRICAL_ANCHORS.has(token.key) && next && next.line === token.line && /^elec/.test(next.key))
    return 2;
  if (ELECTRICAL_ANCHORS.has(token.key) && token.key !== 'hab') return 1;
  if (STANDALONE_LEVELS.has(token.key) || (GLUED_LEVELS.test(token.key) && /b0|h0|v/.test(token.key)))
    return 0;
  return -1;
}

function findElectrical(text: string, tokens: readonly MentionToken[]): TaxonomyMention<CertificationInfo>[] {
  const mentions: TaxonomyMention<CertificationInfo>[] = [];
  let position = 0;
  while (position < tokens.length) {
    const anchorLength = isElectricalAnchor(tokens, position);
    if (anchorLength < 0) {
      position++;
      continue;
    }
    const anchor = tokens[position]!;
    let cursor = position + anchorLength;
    let first = true;
    while (cursor < tokens.length && tokens[cursor]!.line === anchor.line) {
      const token = tokens[cursor]!;
      // Levels with their offsets; a glued "B0H0V" gives one mention per level inside the word.
      const levels: { level: string; start: number; end: number }[] = ELECTRICAL_LEVEL.test(token.key)
        ? [{ level: token.key, start: token.start, end: token.end }]
        : GLUED_LEVELS.test(token.key) && token.key.length === token.raw.length
          ? [...token.key.matchAll(SPLIT_LEVELS)].map((match) => ({
              level: match[0],
              start: token.start + match.index,
              end: token.start + match.index + match[0].length,
            }))
          : [];
      if (levels.length > 0) {
        for (const level of levels) {
          let code = level.level.toUpperCase();
          let end = level.end;
          if (code === 'BE') {
            const qualifier = tokens[cursor + 1] ? BE_QUALIFIERS[tokens[cursor + 1]!.key] : undefined;
            if (!qualifier) continue; // a bare "BE" does not say which operations
            code = qualifier;
            cursor++;
            end = tokens[cursor]!.end;
          }
          const info = certificationInfo(`HAB_ELEC_${code}`);
          if (!info) continue;
          const start = first ? anchor.start : level.start;
          mentions.push({ value: info, text: text.slice(start, end), start, end });
          first = false;
        }
      } else if (!ELECTRICAL_FILLERS.has(token.key) && !/^elec/.test(token.key)) {
        break;
      }
      cursor++;
    }
    position = Math.max(cursor, position + 1);
  }
  return mentions;
}

/** Acronyms that are ordinary abbreviations in lower case ("Adr." for adresse). */
const UPPER_CASE_ONLY = new Set(['ADR', 'AMB', 'TMD', 'ASSP', 'ADVF']);
let phraseMatcher: PhraseMatcher<CertificationInfo> | undefined;

function otherMatcher(): PhraseMatcher<CertificationInfo> {
  if (phraseMatcher) return phraseMatcher;
  const matcher = new PhraseMatcher<CertificationInfo>();
  for (const entry of OTHER_CERTIFICATIONS) {
    const info = certificationInfo(entry.code)!;
    for (const alias of entry.aliases) {
      matcher.add(alias, info, { upperCase: UPPER_CASE_ONLY.has(alias.split(' ')[0]!) });
    }
  }
  phraseMatcher = matcher;
  return matcher;
}

/**
 * All certifications mentioned in free text, in order, with offsets: CACES (any recommendation, old ones
 * mapped to the current codes, lists such as "CACES 1, 3 et 5" give one mention per category), habilitations
 * électriques ("habilitation électrique B1V, BR", "B0H0V"), and the curated others (SST, FIMO, ADR, DEAS…).
 */
export function findCertifications(text: string): TaxonomyMention<CertificationInfo>[] {
  const tokens = mentionTokens(text);
  return dropOverlaps([
    ...findCaces(text, tokens),
    ...findElectrical(text, tokens),
    ...otherMatcher().findAll(text, tokens),
  ]);
}

/**
 * The certification a short text names, or null: a canonical or old code (`CACES_R389_5`), a phrase
 * ("CACES R389 cat 5" → CACES_R489_5, "caces 3", "hab elec BR", "SST"), or a bare category/level that
 * only makes sense as one ("cat 5" → CACES_R489_5, "B1V"). The first mention wins.
 */
export function normalizeCertification(text: string): CertificationInfo | null {
  const direct = certificationInfo(text);
  if (direct) return direct;
  const first = findCertifications(text)[0];
  if (first) return first.value;
  const key = phraseKeys(text).join(' ');
  if (/^(cat|categorie)\s?\w+$/.test(key)) return findCertifications(`CACES ${text}`)[0]?.value ?? null;
  if (ELECTRICAL_LEVEL.test(key.replace(/\s+/g, '')) || /^be \w+$/.test(key)) {
    return findCertifications(`habilitation électrique ${text}`)[0]?.value ?? null;
  }
  return null;
}
