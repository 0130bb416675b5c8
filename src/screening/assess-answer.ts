import type { JobOrder } from '../domain/index.js';
import { certificateLabel, certificateWithArticle } from './reply-certificates.js';
import type { Assessment, ReplyInterpretation, ScreeningAnswer, ScreeningQuestion } from './schemas.js';
import { formatDay, formatRate } from './templates.js';

export interface AssessedAnswer {
  answer: ScreeningAnswer;
  /** What the job requires, in words for the candidate, when the answer disqualifies. */
  requirement: string;
}

const TRANSPORT_FR: Record<string, string> = {
  car: 'voiture',
  motorbike: 'deux-roues',
  bike: 'vélo',
  walk: 'à pied',
  public: 'transports en commun',
  carpool: 'covoiturage',
  none: 'aucun',
};

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Turns a reading of a reply into an answer to the question: the value, whether it is fine, a concern
 * for a consultant or disqualifying, and a note for the recruiter.
 */
export function assessAnswer(
  question: ScreeningQuestion,
  reply: string,
  reading: ReplyInterpretation,
  job: JobOrder,
  language: 'fr' | 'en',
): AssessedAnswer {
  const french = language === 'fr';
  const intent = reading.intent;
  let value: ScreeningAnswer['value'] = null;
  let assessment: Assessment = 'concern';
  let note = '';
  let requirement = '';
  const say = (fr: string, en: string) => (french ? fr : en);

  switch (question.topic) {
    case 'availability': {
      requirement = job.startDate
        ? say(
            `une disponibilité dès le ${formatDay(job.startDate, 'fr')}`,
            `availability from ${formatDay(job.startDate, 'en')}`,
          )
        : say('une disponibilité rapide', 'availability soon');
      const date = reading.extracted.dates.find((item) => item.kind !== 'until')?.date ?? null;
      if (intent === 'yes') {
        value = true;
        assessment = 'ok';
        note = say('disponible aux dates et horaires', 'available on the dates and shift');
      } else if (intent === 'date_given' && date) {
        value = date;
        const start = job.startDate;
        if (!start || date <= start) {
          assessment = 'ok';
          note = say(`disponible à partir du ${date}`, `available from ${date}`);
        } else if (date <= addDays(start, 3)) {
          note = say(
            `disponible le ${date}, la mission commence le ${start}`,
            `available on ${date}, job starts ${start}`,
          );
        } else {
          assessment = 'disqualifying';
          note = say(
            `disponible seulement à partir du ${date}, la mission commence le ${start}`,
            `only available from ${date}, job starts ${start}`,
          );
        }
      } else if (intent === 'no') {
        value = false;
        assessment = 'disqualifying';
        note = say('pas disponible aux dates ou horaires', 'not available on the dates or shift');
      } else {
        note = say('disponibilité partielle ou incertaine', 'partial or uncertain availability');
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
          ? say(`déclare ${label}, valide jusqu'au ${until}`, `says they hold ${label}, valid until ${until}`)
          : say(`déclare ${label} valide`, `says they hold a valid ${label}`);
      } else if (intent === 'no') {
        value = false;
        assessment = 'disqualifying';
        const instead = reading.extracted.certificates
          .filter((item) => item.code !== code && !item.negated)
          .map((item) => item.code);
        note = say(
          `n'a pas ${label}${instead.length ? ` (a : ${instead.join(', ')})` : ''}`,
          `does not hold ${label}${instead.length ? ` (holds: ${instead.join(', ')})` : ''}`,
        );
      } else {
        note = until
          ? say(`${label} valide jusqu'au ${until} seulement`, `${label} valid until ${until} only`)
          : say(`${label} : réponse incertaine, à vérifier`, `${label}: uncertain reply, to check`);
      }
      break;
    }
    case 'transport': {
      const mode = reading.extracted.transport;
      value = mode;
      if (intent === 'yes' || (mode && mode !== 'none' && intent !== 'no')) {
        assessment = 'ok';
        value = mode ?? true;
        note = say(
          `moyen de transport : ${mode ? TRANSPORT_FR[mode] : 'oui'}`,
          `transport: ${mode ?? 'yes'}`,
        );
      } else {
        note = say('pas de moyen de transport sûr pour venir sur le site', 'no sure way to get to the site');
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
        note = say('accepte le taux horaire', 'accepts the rate');
      } else if (wanted !== null) {
        value = wanted;
        note = say(
          `demande ${formatRate(wanted, 'fr')} de l'heure`,
          `asks for ${formatRate(wanted, 'en')} an hour`,
        );
      } else if (intent === 'no') {
        value = false;
        assessment = 'disqualifying';
        note = say('refuse le taux horaire', 'declines the rate');
      } else {
        note = say('hésite sur le taux horaire', 'unsure about the rate');
      }
      break;
    }
    case 'confirmation': {
      if (intent === 'yes') {
        value = true;
        assessment = 'ok';
        note = say('confirme son intérêt', 'confirms interest');
      } else if (intent === 'no') {
        value = false;
        assessment = 'disqualifying';
        note = say("n'est pas intéressé par la mission", 'not interested in the job');
      } else {
        note = say('intérêt à confirmer', 'interest to confirm');
      }
      break;
    }
  }
  return {
    answer: { questionId: question.id, topic: question.topic, value, reply, intent, assessment, note },
    requirement,
  };
}
