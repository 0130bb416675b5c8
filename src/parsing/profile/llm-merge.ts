import type { CandidateProfile, Experience, ProfileField, SourceSpan, Warning } from '../../domain/index.js';
import { phoneNumbers } from '../../support/phone-numbers.js';
import { foldForMatch } from '../../text/index.js';
import { totalExperienceMonths } from './fields/dates.js';
import type { LlmCv } from './llm-refine.js';

/** Below this confidence a rules value is open to the model's answer. */
export const LLM_REFINE_BELOW = 0.5;
/** Confidence of a value taken from the model: found in the text, but not otherwise checked. */
const MODEL_CONFIDENCE = 0.6;

/** Where `value` is written in `text` (case and accents ignored), or null. */
export function locate(text: string, folded: string, value: string): SourceSpan | null {
  const needle = foldForMatch(value.trim()).replace(/\s+/g, ' ');
  if (needle.length < 2) return null;
  const index = folded.indexOf(needle);
  if (index < 0) return null;
  return { text: text.slice(index, index + needle.length), start: index, end: index + needle.length };
}

function locatePhone(text: string, phone: string): SourceSpan | null {
  const parsed = phoneNumbers().parsePhoneNumberFromString(phone, 'FR');
  if (!parsed) return null;
  const digits = parsed.nationalNumber;
  // Digits of the number, with any separators between them, in the text.
  const pattern = new RegExp(digits.split('').join('[\\s.()-]*'));
  const match = pattern.exec(
    text.replace(/\+33\s*\(0\)\s*|\+33\s*/g, (prefix) => ' '.repeat(prefix.length - 1) + '0'),
  );
  if (!match) return null;
  return {
    text: text.slice(match.index, match.index + match[0].length),
    start: match.index,
    end: match.index + match[0].length,
  };
}

/** A value the model answered that is one of the placeholders it was shown. */
const isPlaceholder = (value: string) => /\[(?:name|email|phone)\]/iu.test(value);

/** The rules entry the model's entry is about: same start month, else same employer, else same title. */
function sameEntry(entries: Experience[], item: LlmCv['experiences'][number]): Experience | undefined {
  const fold = (value: string | null) => (value ? foldForMatch(value).trim() : null);
  return (
    entries.find((entry) => item.start !== null && entry.start === item.start) ??
    entries.find((entry) => item.company !== null && fold(entry.company) === fold(item.company)) ??
    entries.find((entry) => fold(entry.title) === fold(item.title))
  );
}

/**
 * Merges a model answer into a profile, field by field. A field is open to the model when the rules found
 * nothing or read it with a confidence under `LLM_REFINE_BELOW`; list entries the same, one by one (an
 * experience whose title the rules were unsure of takes the model's title and employer). A value is only
 * taken when it is written in the CV text; otherwise it is refused with an `llm-unverified` warning.
 * Values taken from the model get confidence 0.6.
 */
export function mergeModelAnswer(profile: CandidateProfile, answer: LlmCv, now: Date): CandidateProfile {
  const text = profile.text;
  const folded = foldForMatch(text);
  const warnings: Warning[] = [...profile.warnings];
  const next: CandidateProfile = {
    ...profile,
    confidence: { ...profile.confidence },
    sources: { ...profile.sources },
  };
  const refuse = (field: string, value: string) =>
    warnings.push({
      code: 'llm-unverified',
      message: `The model's ${field} "${value.slice(0, 80)}" is not in the CV text; not kept.`,
    });
  const open = (field: ProfileField, value: unknown) =>
    value === null || (next.confidence[field] ?? 0) < LLM_REFINE_BELOW;

  const scalar = (field: 'name' | 'email' | 'headline', value: string | null) => {
    if (value === null || isPlaceholder(value) || !open(field, next[field])) return;
    const source = locate(text, folded, value);
    if (!source) return refuse(field, value);
    next[field] = field === 'email' ? value.trim().toLowerCase() : value.trim();
    next.confidence[field] = MODEL_CONFIDENCE;
    next.sources[field] = source;
  };
  scalar('name', answer.name);
  scalar('email', answer.email);
  scalar('headline', answer.headline);
  if (answer.phone !== null && !isPlaceholder(answer.phone) && open('phone', next.phone)) {
    const source = locatePhone(text, answer.phone);
    const parsed = phoneNumbers().parsePhoneNumberFromString(answer.phone, 'FR');
    if (!source || !parsed) refuse('phone', answer.phone);
    else {
      next.phone = parsed.number;
      next.confidence.phone = MODEL_CONFIDENCE;
      next.sources.phone = source;
    }
  }
  if (answer.city !== null && open('location', next.location)) {
    const source = locate(text, folded, answer.city);
    if (!source) refuse('city', answer.city);
    else {
      next.location = { city: source.text, postalCode: null, country: null, lat: null, lon: null };
      next.confidence.location = MODEL_CONFIDENCE;
      next.sources.location = source;
    }
  }

  const experiences = next.experiences.map((entry) => ({ ...entry }));
  for (const item of answer.experiences) {
    const source = locate(text, folded, item.title);
    if (!source) {
      refuse('experience title', item.title);
      continue;
    }
    const company = item.company && locate(text, folded, item.company) ? item.company : null;
    const existing = sameEntry(experiences, item);
    if (existing) {
      if ((existing.confidence ?? 0) >= LLM_REFINE_BELOW) continue;
      if (foldForMatch(existing.title) !== foldForMatch(item.title)) existing.occupation = null;
      existing.title = item.title;
      existing.company = company ?? existing.company;
      existing.confidence = MODEL_CONFIDENCE;
      continue;
    }
    experiences.push({
      ...item,
      company,
      location: null,
      description: '',
      occupation: null,
      source,
      confidence: MODEL_CONFIDENCE,
    });
  }
  next.experiences = experiences;
  next.totalExperienceMonths = totalExperienceMonths(experiences, now);

  const degrees = new Set(next.education.map((item) => foldForMatch(item.degree)));
  for (const item of answer.education) {
    if (degrees.has(foldForMatch(item.degree))) continue;
    const source = locate(text, folded, item.degree);
    if (!source) refuse('degree', item.degree);
    else
      next.education = [
        ...next.education,
        { degree: item.degree, institution: null, year: item.year, source, confidence: MODEL_CONFIDENCE },
      ];
  }
  const skills = new Set(next.skills.map((item) => foldForMatch(item.name)));
  for (const name of answer.skills) {
    if (skills.has(foldForMatch(name))) continue;
    const source = locate(text, folded, name);
    if (!source) refuse('skill', name);
    else {
      skills.add(foldForMatch(name));
      next.skills = [...next.skills, { name, source, confidence: MODEL_CONFIDENCE }];
    }
  }
  const languages = new Set(next.languages.map((item) => foldForMatch(item.name)));
  for (const item of answer.languages) {
    if (languages.has(foldForMatch(item.name))) continue;
    const source = locate(text, folded, item.name);
    if (!source) refuse('language', item.name);
    else next.languages = [...next.languages, { ...item, source, confidence: MODEL_CONFIDENCE }];
  }
  // List fields' confidences follow their entries.
  for (const field of ['experiences', 'education', 'skills', 'languages'] as const) {
    const entries = next[field] as { confidence?: number | undefined }[];
    if (entries.length === 0) continue;
    const mean = entries.reduce((sum, entry) => sum + (entry.confidence ?? 0.5), 0) / entries.length;
    next.confidence[field] = Math.round(mean * 100) / 100;
    next.sources[field] ??= (next[field][0] as { source?: SourceSpan }).source;
  }
  next.warnings = warnings;
  return next;
}
