import type { ScreeningJob, ScreeningQuestion } from '../../domain/index.js';
import { type LanguageCode, message } from '../../locale/index.js';
import { type GuardViolation, guardMessage } from '../guard/guard.js';
import { certificateLabel, certificateWithArticle } from '../reading/reply-certificates.js';
import { countSmsSegments, transliterateToGsm7 } from './sms-segments.js';
import {
  fillBuiltInTemplate,
  fillTemplate,
  formatDay,
  formatRate,
  formatShift,
  formatShiftHours,
  type TemplateKey,
  templateVariants,
} from './templates.js';

/** Most SMS segments one message may use. */
export const MAX_SEGMENTS = 2;

export interface ComposeContext {
  language: LanguageCode;
  agency: { name: string; humanContact: string };
  job: ScreeningJob;
  /** Agency wording overrides by template key. */
  overrides: Record<string, string>;
}

export interface ComposedMessage {
  /** The text to send, or null when no wording fits and passes the guard (escalate to a human). */
  text: string | null;
  /** Which wording was sent. */
  source: 'override' | 'built-in';
  /** Wordings the guard refused, in the order tried. */
  blocked: { source: 'override' | 'built-in'; text: string; violations: GuardViolation[] }[];
}

/**
 * Renders a template key: the agency override first, then built-in variants, keeping the first that fits
 * in `MAX_SEGMENTS` SMS and passes the guard. Names (agency, title, city) are written in GSM-7 characters,
 * so an accent in a name does not switch the message to UCS-2.
 */
export function composeMessage(
  key: TemplateKey,
  values: Record<string, string>,
  context: ComposeContext,
): ComposedMessage {
  const all = { ...baseValues(context), ...values };
  const override = context.overrides[key];
  const tries: { source: 'override' | 'built-in'; template: string }[] = [
    ...(override ? [{ source: 'override' as const, template: override }] : []),
    ...templateVariants(key, context.language).map((template) => ({ source: 'built-in' as const, template })),
  ];
  const blocked: ComposedMessage['blocked'] = [];
  for (const { source, template } of tries) {
    const text =
      source === 'override'
        ? fillTemplate(template, all)
        : fillBuiltInTemplate(template, all, context.language);
    if (text === null || /\{\w+\}/.test(text)) continue;
    if (countSmsSegments(text).segments > MAX_SEGMENTS) continue;
    const guard = guardMessage(text, { language: context.language });
    if (!guard.allowed) {
      blocked.push({ source, text, violations: guard.violations });
      continue;
    }
    return { text, source, blocked };
  }
  return { text: null, source: 'built-in', blocked };
}

function baseValues(context: ComposeContext): Record<string, string> {
  const { job, language } = context;
  const city = job.city ? transliterateToGsm7(job.city) : null;
  const title = transliterateToGsm7(job.title);
  const values: Record<string, string> = {
    agency: transliterateToGsm7(context.agency.name),
    contact: transliterateToGsm7(context.agency.humanContact),
    title,
    /** "de Cariste", "d'Agent de propreté". */
    ofTitle: message(language, 'sms.ofTitle', { title, initial: title.charAt(0).toLowerCase() }),
    place: city ? message(language, 'sms.place', { city }) : '',
    start: job.startDate ? message(language, 'sms.start', { day: formatDay(job.startDate, language) }) : '',
  };
  if (city) values.city = city;
  if (job.hourlyRateEur !== null) values.rate = formatRate(job.hourlyRateEur, language);
  if (job.shift) values.hours = formatShiftHours(job.shift, language);
  if (job.startDate) {
    const start = formatDay(job.startDate, language);
    values.dates = job.endDate
      ? message(language, 'sms.jobDatesWithEnd', { start, end: formatDay(job.endDate, language) })
      : message(language, 'sms.jobDates', { start });
  }
  return values;
}

/** The template key and values that ask one question; `again`: in other words, after a reply not understood. */
export function questionTemplate(
  question: ScreeningQuestion,
  context: ComposeContext,
  again = false,
): { key: TemplateKey; values: Record<string, string> } {
  const { job, language } = context;
  const key = (base: TemplateKey): TemplateKey => (again ? (`${base}-again` as TemplateKey) : base);
  switch (question.topic) {
    case 'availability': {
      const when = job.startDate
        ? message(language, 'sms.availableFrom', { day: formatDay(job.startDate, language) })
        : message(language, 'sms.availableSoon');
      const shift = job.shift ? ` ${formatShift(job.shift, language)}` : '';
      return { key: key('availability'), values: { when, shift } };
    }
    case 'certification':
      return {
        key: key('certification'),
        values: { label: certificateWithArticle(question.code ?? '', 'certification', language) },
      };
    case 'licence':
      return {
        key: key('licence'),
        values: { label: certificateLabel(question.code ?? '', 'licence', language) },
      };
    case 'transport':
      return { key: key('transport'), values: {} };
    case 'rate':
      return { key: key('rate'), values: {} };
    case 'confirmation':
      return { key: key('confirmation'), values: {} };
  }
}
