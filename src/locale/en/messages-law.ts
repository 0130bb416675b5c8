import type { lawMessages as reference } from '../fr/messages-law.js';

/** What the law forbids, in words for a recruiter, English (see `../fr/messages-law.ts`). */
export const lawMessages: Record<keyof typeof reference, string> = {
  'law.criterion':
    '{criterion, select, origin {origin} nationality {nationality (only the right to work in France may be asked)} sex {sex} sexualOrientation {sexual orientation} morals {morals} age {age} family {family situation} pregnancy {pregnancy} genetics {genetic characteristics} economicVulnerability {vulnerability due to economic situation} religion {religious beliefs} unionPolitics {political opinions or union activity} appearance {physical appearance} surname {surname} residence {place of residence} bankDetails {bank domiciliation} health {state of health} disability {disability} language {language (other than French)} whistleblowing {whistleblower status} other {a protected criterion}}',
  'law.field':
    '{field, select, title {Title} description {Description} requiredSkills {Required skill} preferredSkills {Preferred skill} other {{field}}}',
  'law.jobOrderWarning':
    '{field}: "{match}" selects on {criterion} (French Labour Code, article L1132-1). Remove this criterion from the order.',
  'law.refused':
    'Screening cannot start: order {jobId} selects on a forbidden criterion ({count, plural, =1 {1 item} other {# items}} to fix).',
};
