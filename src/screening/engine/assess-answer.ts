import type {
  Assessment,
  ReplyInterpretation,
  ScreeningAnswer,
  ScreeningJob,
  ScreeningQuestion,
} from '../../domain/index.js';
import { type LanguageCode, type MessageKey, type MessageValues, message } from '../../locale/index.js';
import { certificateLabel, certificateWithArticle } from '../reading/reply-certificates.js';
import { formatDay, formatLongDate, formatRate } from './templates.js';

export interface AssessedAnswer {
  answer: ScreeningAnswer;
  /** What the job requires, in words for the candidate, when the answer disqualifies. */
  requirement: string;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Turns a reading of a reply into an answer to the question: the value, whether it is fine, a concern
 * for a consultant or disqualifying, and a note for the recruiter (dates written out, "15 janvier 2027").
 * `reply` is the reply as the recruiter may see it (protected facts redacted).
 */
export function assessAnswer(
  question: ScreeningQuestion,
  reply: string,
  reading: ReplyInterpretation,
  job: ScreeningJob,
  language: LanguageCode,
): AssessedAnswer {
  const intent = reading.intent;
  let value: ScreeningAnswer['value'] = null;
  let assessment: Assessment = 'concern';
  let note = '';
  let requirement = '';
  const say = (key: MessageKey, values?: MessageValues) => message(language, key, values);
  const long = (isoDate: string) => formatLongDate(isoDate, language);

  switch (question.topic) {
    case 'availability': {
      requirement = job.startDate
        ? say('screening.requirement.availabilityFrom', { day: formatDay(job.startDate, language) })
        : say('screening.requirement.availabilitySoon');
      const date = reading.extracted.dates.find((item) => item.kind !== 'until')?.date ?? null;
      if (intent === 'yes') {
        value = true;
        assessment = 'ok';
        note = say('screening.note.available');
      } else if (intent === 'date_given' && date) {
        value = date;
        const start = job.startDate;
        if (!start || date <= start) {
          assessment = 'ok';
          note = say('screening.note.availableFrom', { date: long(date) });
        } else if (date <= addDays(start, 3)) {
          note = say('screening.note.availableSoonAfter', { date: long(date), start: long(start) });
        } else {
          assessment = 'disqualifying';
          note = say('screening.note.availableTooLate', { date: long(date), start: long(start) });
        }
      } else if (intent === 'no') {
        value = false;
        assessment = 'disqualifying';
        note = say('screening.note.notAvailable');
      } else {
        note = say('screening.note.availabilityUnsure');
      }
      break;
    }
    case 'certification':
    case 'licence': {
      const code = question.code ?? '';
      const label = certificateLabel(code, question.topic, language);
      requirement = certificateWithArticle(code, question.topic, language);
      const until = reading.extracted.dates.find((item) => item.kind === 'until')?.date ?? null;
      if (intent === 'yes') {
        value = true;
        assessment = 'ok';
        note = until
          ? say('screening.note.holdsUntil', { label, until: long(until) })
          : say('screening.note.holds', { label });
      } else if (intent === 'no') {
        value = false;
        assessment = 'disqualifying';
        const instead = reading.extracted.certificates
          .filter((item) => item.code !== code && !item.negated)
          .map((item) => item.code);
        note = instead.length
          ? say('screening.note.doesNotHoldButHolds', { label, others: instead.join(', ') })
          : say('screening.note.doesNotHold', { label });
      } else {
        note = until
          ? say('screening.note.validUntilOnly', { label, until: long(until) })
          : say('screening.note.certificateUnsure', { label });
      }
      break;
    }
    case 'transport': {
      const mode = reading.extracted.transport;
      value = mode;
      // Only a plain answer settles it: "voiture mais elle est en panne" is for a consultant.
      if (intent === 'yes' && mode !== 'none') {
        assessment = 'ok';
        value = mode ?? true;
        note = say('screening.note.transport', { mode: mode ?? 'unknown' });
      } else if (intent === 'no' || mode === 'none') {
        note = say('screening.note.noTransport');
      } else {
        note = say('screening.note.transportUnsure');
      }
      break;
    }
    case 'rate': {
      const rate = job.hourlyRateEur;
      requirement = rate !== null ? formatRate(rate, language) : '';
      const wanted = reading.extracted.hourlyRates.find((item) => rate !== null && item > rate) ?? null;
      if (intent === 'yes') {
        value = true;
        assessment = 'ok';
        note = say('screening.note.acceptsRate', { rate: requirement });
      } else if (wanted !== null) {
        value = wanted;
        note = say('screening.note.asksRate', { rate: formatRate(wanted, language) });
      } else if (intent === 'no') {
        value = false;
        assessment = 'disqualifying';
        note = say('screening.note.declinesRate');
      } else {
        note = say('screening.note.rateUnsure');
      }
      break;
    }
    case 'confirmation': {
      if (intent === 'yes') {
        value = true;
        assessment = 'ok';
        note = say('screening.note.confirmsInterest');
      } else if (intent === 'no') {
        value = false;
        assessment = 'disqualifying';
        note = say('screening.note.notInterested');
      } else {
        note = say('screening.note.interestUnsure');
      }
      break;
    }
  }
  return {
    answer: { questionId: question.id, topic: question.topic, value, reply, intent, assessment, note },
    requirement,
  };
}
