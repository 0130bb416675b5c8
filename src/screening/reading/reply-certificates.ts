import type { ExtractedCertificate } from '../../domain/index.js';
import {
  fromEveryLocale,
  type LanguageCode,
  type MessageKey,
  message,
  vocabularySource,
} from '../../locale/index.js';
import {
  certificationInfo,
  findCertifications,
  findLicences,
  impliedLicences,
} from '../../taxonomy/index.js';

/**
 * Reading certificates and licences in short SMS replies, where the question gives the context:
 * "g le 3 et le 5" answers a CACES R489 question, "j'ai le C" a licence one.
 */

/** Recommendations renamed in 2020: people still write the old number. */
const CACES_RECOMMENDATION_ALIASES: Record<string, string> = {
  '389': 'R489',
  '489': 'R489',
  '372': 'R482',
  '482': 'R482',
  '386': 'R486',
  '486': 'R486',
  '490': 'R490',
  '483': 'R483',
  '484': 'R484',
  '485': 'R485',
  '487': 'R487',
};

/** "cat 3", "catégorie 3", "category 3", "level 3", "niveau 3". */
const CATEGORY = '(?:cat(?:egorie|egory|egories)?s?\\.?|level|niveau)';

const HABILITATIONS = [
  'B0',
  'H0V',
  'H0',
  'BS',
  'BE',
  'BR',
  'BC',
  'B1V',
  'B1',
  'B2V',
  'B2',
  'H1V',
  'H1',
  'H2V',
  'H2',
  'HC',
];
const LICENCES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1E', 'C1', 'CE', 'C', 'D1E', 'D1', 'DE', 'D'];

/** Words that, within a few words before a mention, mean the person does not (or no longer) hold it. */
const NEGATION_BEFORE = new RegExp(
  `\\b(?:${fromEveryLocale((locale) => locale.reply.certificateNegations).join('|')})\\b(?:\\s+\\S+){0,4}\\s*$`,
);
const NEGATION_AFTER = new RegExp(
  `^\\s*(?:\\S+\\s+){0,3}(?:${vocabularySource(
    fromEveryLocale((locale) => locale.reply.certificateLapsed),
    { boundary: 'none' },
  )})\\b`,
);

/** Expiry still to come: "expire fin janvier", "expire en juin", "expires next month" (not "a expiré en 2023"). */
const FUTURE_EXPIRY =
  /^\s*(?:(?!\b(?:a|est|deja|has|had|already)\s+expire)\S+\s+){0,3}(?:expire|expires|expirera|will expire)\s+(?:en|le|fin|dans|debut|mi|au|avant|cette|ce|l|in|on|at|next|this|end)\b/;

export interface CertificateContext {
  /** The code the question asks about, e.g. `CACES_R489_3`, `HAB_ELEC_B1V`, or a licence `C`. */
  code: string;
  kind: 'certification' | 'licence';
}

function push(
  out: ExtractedCertificate[],
  normalized: string,
  index: number,
  length: number,
  code: string,
  kind: ExtractedCertificate['kind'],
) {
  const before = normalized.slice(Math.max(0, index - 40), index);
  const after = normalized.slice(index + length, index + length + 40);
  const lead = before + normalized.slice(index, index + length);
  const onlyThis = /\b(?:que|qu|juste|seulement|uniquement)\b(?:\s+\S+){0,3}\s*$/.test(lead);
  const negated = NEGATION_BEFORE.test(before) && !onlyThis;
  // "il expire fin janvier", "elle expire dans 2 semaines": a date of validity, not lapsed (the date decides).
  const expired =
    NEGATION_AFTER.test(after) && !/\bpas (?:expire|perime)/.test(after) && !FUTURE_EXPIRY.test(after);
  const existing = out.find((item) => item.code === code);
  if (existing) {
    existing.negated = existing.negated && (negated || expired);
    return;
  }
  out.push({ code, kind, text: normalized.slice(index, index + length), negated: negated || expired });
}

/** `CACES_R489` + `1` → `CACES_R489_1A`: a bare 1 or 2 is the "A" category, as the taxonomy reads it. */
function cacesCode(family: string, category: string): string {
  const code = `${family}_${category.toUpperCase()}`;
  if (certificationInfo(code) || !certificationInfo(`${code}A`)) return code;
  return `${code}A`;
}

/** CACES family (`CACES_R489`) of a code, or null. */
function cacesFamily(code: string): string | null {
  const match = /^CACES_(R\d{3})_/.exec(code);
  return match ? `CACES_${match[1]}` : null;
}

/**
 * Certificates and licences mentioned in a normalised reply. Bare categories ("le 3", "cat 5", "le C")
 * are read in the family of the question's code.
 */
export function extractCertificates(
  normalized: string,
  context: CertificateContext | null,
): ExtractedCertificate[] {
  const out: ExtractedCertificate[] = [];
  const questionFamily = context?.kind === 'certification' ? cacesFamily(context.code) : null;
  const questionIsHabilitation = context?.code.startsWith('HAB_ELEC_') ?? false;

  // CACES: "caces 3", "caces r489 cat 3", "r389 3", "cat 1a", "caces 3 et 5"
  const more = '((?:(?:\\s*(?:,|et|ou|\\+|/)\\s*|\\s+)(?:le |la |cat\\.? )?\\d[ab]?\\b)*)';
  const cacesPatterns = [
    new RegExp(`\\bcaces\\s*(?:r\\s?(\\d{3})\\s*)?(?:${CATEGORY}\\s*)?(\\d[ab]?)\\b${more}`, 'g'),
    new RegExp(`\\br\\s?(\\d{3})\\s*(?:${CATEGORY}\\s*)?(\\d[ab]?|[a-g])\\b${more}`, 'g'),
    new RegExp(`\\b()${CATEGORY}\\s*(\\d[ab]?|[a-g])\\b${more}`, 'g'),
  ];
  for (const pattern of cacesPatterns) {
    for (const match of normalized.matchAll(pattern)) {
      const recommendation = match[1] ? CACES_RECOMMENDATION_ALIASES[match[1]] : undefined;
      if (match[1] && !recommendation) continue;
      const family = recommendation ? `CACES_${recommendation}` : (questionFamily ?? 'CACES_R489');
      const categories = [match[2]!, ...(match[3]?.match(/\d[ab]?\b/g) ?? [])];
      for (const category of categories)
        push(out, normalized, match.index, match[0].length, cacesCode(family, category), 'certification');
    }
  }
  // Bare categories in a CACES question: "le 3", "g le 1a et le 5", "g le 1 3 et 5"
  if (questionFamily) {
    const notCategory = '(?!\\s*(?:€|h\\b|ans|mois|jours?|\\/))';
    const list = `((?:(?:\\s*(?:,|et|ou|\\+|/)\\s*|\\s+)(?:le |la )?\\d[ab]?\\b${notCategory})*)`;
    for (const match of normalized.matchAll(
      new RegExp(`\\b(?:le|la|du|que le|juste le) (\\d[ab]?)\\b${notCategory}${list}`, 'g'),
    ))
      for (const category of [match[1]!, ...(match[2]?.match(/\d[ab]?\b/g) ?? [])])
        push(
          out,
          normalized,
          match.index,
          match[0].length,
          cacesCode(questionFamily, category),
          'certification',
        );
  }
  // Electrical habilitations: "habilitation b1v", "br", "h0b0"
  const habilitationContext = questionIsHabilitation || /\bhabilitation|\belectrique/.test(normalized);
  if (habilitationContext) {
    for (const match of normalized.matchAll(/\b(b0|h0v|h0|bs|be|br|bc|b1v|b1|b2v|b2|h1v|h1|h2v|h2|hc)\b/g)) {
      const code = match[1]!.toUpperCase();
      if (HABILITATIONS.includes(code))
        push(out, normalized, match.index, match[0].length, `HAB_ELEC_${code}`, 'certification');
    }
  }
  // Driving licences: "permis c", "permis ce", "poids lourd", "super lourd", bare "le c" in a licence question
  for (const match of normalized.matchAll(/\bpermis (am|a1|a2|a|b|be|c1e|c1|ce|c|d1e|d1|de|d)\b/g))
    push(out, normalized, match.index, match[0].length, match[1]!.toUpperCase(), 'licence');
  // English: "the C licence", "a CE driving licence".
  for (const match of normalized.matchAll(
    /\b(am|a1|a2|b|be|c1e|c1|ce|c|d1e|d1|de|d) (?:driving )?licen[cs]e\b/g,
  ))
    push(out, normalized, match.index, match[0].length, match[1]!.toUpperCase(), 'licence');
  for (const match of normalized.matchAll(/\b(super lourd|poids lourd)\b/g))
    push(out, normalized, match.index, match[0].length, match[1] === 'super lourd' ? 'CE' : 'C', 'licence');
  if (context?.kind === 'licence') {
    for (const match of normalized.matchAll(
      /\b(?:le|la|du|que le) (am|a1|a2|a|b|be|c1e|c1|ce|c|d1e|d1|de|d)\b(?! est\b)/g,
    )) {
      const code = match[1]!.toUpperCase();
      if (LICENCES.includes(code)) push(out, normalized, match.index, match[0].length, code, 'licence');
    }
  }
  // Everything else the taxonomy knows (SST, AIPR, CACES R486 B, habilitations written in full…).
  for (const mention of findCertifications(normalized))
    push(out, normalized, mention.start, mention.end - mention.start, mention.value.code, 'certification');
  for (const mention of findLicences(normalized))
    push(out, normalized, mention.start, mention.end - mention.start, mention.value.code, 'licence');
  // Other certificates with fixed names
  const named: [RegExp, string][] = [
    [/\bfimo(?: marchandises?)?\b/g, 'FIMO_MARCHANDISES'],
    [/\bfco(?: marchandises?)?\b/g, 'FCO_MARCHANDISES'],
    [/\bdeas\b|\bdiplome (?:d etat )?d aide soignante?\b/g, 'DEAS'],
    [/\bdeap\b/g, 'DEAP'],
    [/\bsst\b|\bsauveteur secouriste\b/g, 'SST'],
    [/\baipr\b/g, 'AIPR'],
    [/\badr\b/g, 'ADR'],
    [/\bhaccp\b/g, 'HACCP'],
  ];
  for (const [pattern, code] of named) {
    for (const match of normalized.matchAll(pattern)) {
      const resolved =
        context?.code.startsWith(code.split('_')[0]!) && code.includes('_') ? context.code : code;
      push(out, normalized, match.index, match[0].length, resolved, 'certification');
    }
  }
  return out;
}

/** Certificates with a label of their own in messages. */
const NAMED_CERTIFICATES: Record<string, MessageKey> = {
  FCO_MARCHANDISES: 'certificate.fcoGoods',
  FIMO_MARCHANDISES: 'certificate.fimoGoods',
  FCO_VOYAGEURS: 'certificate.fcoPassengers',
  FIMO_VOYAGEURS: 'certificate.fimoPassengers',
  DEAS: 'certificate.deas',
  DEAP: 'certificate.deap',
  SST: 'certificate.sst',
};

/** Short label of a certification or licence code for a message ("CACES R489 cat. 3", "permis C"). */
export function certificateLabel(
  code: string,
  kind: 'certification' | 'licence',
  language: LanguageCode,
): string {
  if (kind === 'licence') return message(language, 'certificate.licence', { code });
  const caces = /^CACES_(R\d{3})_(\w+)$/.exec(code);
  if (caces)
    return message(language, 'certificate.caces', { recommendation: caces[1]!, category: caces[2]! });
  const habilitation = /^HAB_ELEC_(\w+)$/.exec(code);
  if (habilitation) return message(language, 'certificate.habilitation', { level: habilitation[1]! });
  const named = NAMED_CERTIFICATES[code];
  if (named) return message(language, named);
  return certificationInfo(code)?.label ?? code.replace(/_/g, ' ');
}

/** The label with its article where the language has one ("le CACES…", "l'habilitation…", "la FCO…"). */
export function certificateWithArticle(
  code: string,
  kind: 'certification' | 'licence',
  language: LanguageCode,
): string {
  const label = certificateLabel(code, kind, language);
  return message(language, 'certificate.withArticle', {
    label,
    initial: label.charAt(0).toLowerCase(),
    family: label.split(' ')[0]!,
  });
}

/** Whether holding `held` covers `required`: the same code, or a licence that includes it (CE covers C). */
export function certificateCovers(held: string, required: string): boolean {
  return held === required || (!held.includes('_') && impliedLicences(held).includes(required));
}
