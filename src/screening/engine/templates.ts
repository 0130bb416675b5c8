import {
  formatMessage,
  type LanguageCode,
  locales,
  message,
  messageArguments,
  type SmsTemplateKey,
} from '../../locale/index.js';

/**
 * Message wording lives in `src/locale/<language>/sms-templates.ts`: each key has variants from the fullest
 * to the shortest; the first that fits in two SMS segments is sent.
 */
export type TemplateKey = SmsTemplateKey;

/** Keys an agency may override through `options.templates`. */
export const templateKeys: readonly TemplateKey[] = Object.keys(locales.fr.smsTemplates) as TemplateKey[];

/** Built-in wording variants for a key, fullest first (ICU MessageFormat, see `fillBuiltInTemplate`). */
export function templateVariants(key: TemplateKey, language: LanguageCode): readonly string[] {
  return locales[language].smsTemplates[key];
}

/** Spaces left by empty values closed up: "mission de Cariste ." → "mission de Cariste.". */
function tidy(text: string): string {
  return text
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,])/g, '$1')
    .trim();
}

/** Fills `{name}` placeholders; unknown placeholders are left as written (and then fail the fit check). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return tidy(template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole));
}

/** Fills a built-in variant, or null when `values` lacks one it prints (the next variant is tried). */
export function fillBuiltInTemplate(
  template: string,
  values: Record<string, string>,
  language: LanguageCode,
): string | null {
  for (const name of messageArguments(template).printed) if (values[name] === undefined) return null;
  return tidy(formatMessage(language, template, values));
}

/** `2027-01-04` → "lundi 4 janvier" / "Monday 4 January". */
export function formatDay(isoDate: string, language: LanguageCode): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  const { weekdayNames, monthNames } = locales[language].calendar;
  return message(language, 'sms.day', {
    weekday: weekdayNames[date.getUTCDay()]!,
    day: date.getUTCDate(),
    month: monthNames[date.getUTCMonth()]!,
  });
}

/** `2027-01-15` → "15 janvier 2027" / "15 January 2027": dates the recruiter reads. */
export function formatLongDate(isoDate: string, language: LanguageCode): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return message(language, 'screening.date', {
    day: date.getUTCDate(),
    month: locales[language].calendar.monthNames[date.getUTCMonth()]!,
    year: date.getUTCFullYear(),
  });
}

/** 12.5 → "12,50 €" / "€12.50". */
export function formatRate(rate: number, language: LanguageCode): string {
  const [units, cents] = rate.toFixed(2).split('.');
  return message(language, 'sms.rate', { units: units!, cents: cents! });
}

function shiftKey(shift: string): string {
  return shift.toLowerCase().replace(/\s+/g, '');
}

/** Shift as words: `2x8` → "en 2x8 (matin ou après-midi, en alternance)". */
export function formatShift(shift: string, language: LanguageCode): string {
  return locales[language].shifts[shiftKey(shift)]?.[0] ?? message(language, 'sms.shiftOther', { shift });
}

/** Shift as working hours: `2x8` → "2x8 (matin ou après-midi, en alternance)". */
export function formatShiftHours(shift: string, language: LanguageCode): string {
  return (
    locales[language].shifts[shiftKey(shift)]?.[1] ?? message(language, 'sms.shiftOtherHours', { shift })
  );
}
