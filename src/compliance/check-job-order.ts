import type { JobOrder, JobOrderInput, JobOrderWarning, ProtectedCriterion } from '../domain/index.js';
import { type LanguageCode, languages, locales, message, vocabularySource } from '../locale/index.js';
import { memoise } from '../support/memoise.js';
import { foldAccents } from '../text/index.js';

/**
 * Checks a job order against Code du travail L1132-1: every criterion the order selects on that the law
 * forbids (sex, age, origin, nationality beyond the right to work, family situation, pregnancy, religion,
 * union or political activity, health, disability, appearance, surname, place of residence, a language
 * other than French, sexual orientation, genetics, economic vulnerability, bank domiciliation, morals,
 * whistleblowing) gives one typed warning, with the field and the words. Title, description and skills
 * are read, in every language cvmatch knows. "H/F" markers, both sexes named together, the right to work
 * and inclusive sentences are allowed. Structured language requirements are not flagged: the client says
 * the job needs them.
 */
export function checkJobOrder(
  job: Pick<JobOrder | JobOrderInput, 'title'> &
    Partial<Pick<JobOrder, 'description' | 'requiredSkills' | 'preferredSkills' | 'language'>>,
): JobOrderWarning[] {
  const fields: [string, string][] = [
    ['title', job.title],
    ['description', job.description ?? ''],
    ...(job.requiredSkills ?? []).map((skill, index): [string, string] => [`requiredSkills.${index}`, skill]),
    ...(job.preferredSkills ?? []).map((skill, index): [string, string] => [
      `preferredSkills.${index}`,
      skill,
    ]),
  ];
  const titleIsMixed = MIXED_MARKER.test(fold(job.title));
  const language: LanguageCode = job.language === 'en' ? 'en' : 'fr';
  const warnings: JobOrderWarning[] = [];
  const seen = new Set<string>();
  for (const [field, text] of fields) {
    if (!text.trim()) continue;
    let folded = ` ${fold(text)} `;
    folded = folded.replace(patterns().allowed, ' ; ');
    // A gendered job noun ("femme de chambre") is fine in an order whose title says H/F.
    if (titleIsMixed) folded = folded.replace(patterns().genderedTitles, ' ; ');
    for (const { criterion, pattern } of patterns().criteria) {
      pattern.lastIndex = 0;
      for (const found of folded.matchAll(pattern)) {
        const match = found[0].trim();
        const key = `${field}|${criterion}|${match}`;
        if (!match || seen.has(key)) continue;
        seen.add(key);
        warnings.push({
          code: 'discriminatory-criterion',
          criterion,
          field,
          match,
          message: message(language, 'law.jobOrderWarning', {
            field: message(language, 'law.field', { field: field.split('.')[0]! }),
            match,
            criterion: criterionWords(criterion, language),
          }),
        });
      }
    }
  }
  return warnings;
}

/** A criterion in words ("l'âge", "la situation de famille"). */
export function criterionWords(criterion: ProtectedCriterion, language: LanguageCode): string {
  // ICU select keys have no hyphens: `union-politics` → `unionPolitics`.
  const key = criterion.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
  return message(language, 'law.criterion', { criterion: key });
}

/** Folded, lower-cased, punctuation as single spaces (as the vocabularies are written for). */
function fold(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function everyLanguage(
  pick: (language: LanguageCode) => readonly Parameters<typeof vocabularySource>[0][number][],
) {
  const sources = languages.map(pick).filter((entries) => entries.length > 0);
  return sources.map((entries) => vocabularySource(entries)).join('|') || '(?!)';
}

/** The patterns, compiled on the first order checked. */
const patterns = memoise(() => ({
  allowed: new RegExp(
    everyLanguage((language) => locales[language].jobOrderCriteria.allowed),
    'g',
  ),
  genderedTitles: new RegExp(
    everyLanguage((language) => locales[language].jobOrderCriteria.genderedTitles),
    'g',
  ),
  criteria: (Object.keys(locales.fr.jobOrderCriteria.criteria) as ProtectedCriterion[]).map((criterion) => ({
    criterion,
    pattern: new RegExp(
      everyLanguage((language) => locales[language].jobOrderCriteria.criteria[criterion]),
      'g',
    ),
  })),
}));
const MIXED_MARKER = /\b(?:h f|f h|m f|f m|m w)\b|\b(?:homme|femme)s? (?:ou|et) (?:homme|femme)s?\b/;
