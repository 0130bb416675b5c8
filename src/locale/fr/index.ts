import type { Locale } from '../locale.js';
import { calendarWords } from './calendar-words.js';
import { cvHeadings, cvHeadingWords } from './cv-headings.js';
import { genderedForms } from './gendered-forms.js';
import { guardWords } from './guard-words.js';
import { jobOrderCriteriaWords } from './job-order-criteria-words.js';
import { messages } from './messages.js';
import { protectedFactWords } from './protected-fact-words.js';
import { replyDateWords } from './reply-date-words.js';
import { replyWords } from './reply-words.js';
import { shiftWords } from './shift-words.js';
import { smsTemplates } from './sms-templates.js';

/** French: the reference language (its message keys are the catalogue's keys). */
export const fr: Locale = {
  tag: 'fr',
  messages,
  smsTemplates,
  calendar: calendarWords,
  cvHeadings,
  cvHeadingWords,
  shifts: shiftWords,
  guard: guardWords,
  reply: replyWords,
  replyDates: replyDateWords,
  protectedFacts: protectedFactWords,
  jobOrderCriteria: jobOrderCriteriaWords,
  jobAdListWords: [],
  genderedForms,
};
