/**
 * Message wording. Each key has variants from the fullest to the shortest; the first that fits in two
 * SMS segments is sent. Written to stay in GSM-7 (straight apostrophe, "Etes" not "Êtes", no ê/â/î/ô/û/ç).
 * Formal "vous", short plain sentences, no lists or markdown.
 */

export type TemplateKey =
  | 'intro'
  | 'availability'
  | 'certification'
  | 'licence'
  | 'transport'
  | 'rate'
  | 'confirmation'
  | 'reminder'
  | 'clarify'
  | 'injection'
  | 'answer-pay'
  | 'answer-hours'
  | 'answer-address'
  | 'answer-dates'
  | 'handoff-question'
  | 'handoff'
  | 'opt-out'
  | 'closing-qualified'
  | 'closing-review'
  | 'closing-not-qualified'
  | 'closing-not-interested';

/** Keys an agency may override through `options.templates`. */
export const templateKeys: readonly TemplateKey[] = [
  'intro',
  'availability',
  'certification',
  'licence',
  'transport',
  'rate',
  'confirmation',
  'reminder',
  'clarify',
  'injection',
  'answer-pay',
  'answer-hours',
  'answer-address',
  'answer-dates',
  'handoff-question',
  'handoff',
  'opt-out',
  'closing-qualified',
  'closing-review',
  'closing-not-qualified',
  'closing-not-interested',
];

type Wording = Record<TemplateKey, string[]>;

const FRENCH: Wording = {
  intro: [
    "Bonjour, ici l'assistant automatique (une IA) de l'agence {agency}. Je vous écris au sujet d'une mission {ofTitle}{place}{start}. Pour parler à une personne : {contact}. Pour ne plus recevoir de messages, répondez STOP.",
    "Bonjour, ici l'assistant automatique (une IA) de l'agence {agency}. Je vous écris au sujet d'une mission {ofTitle}{start}. Pour parler à une personne : {contact}. Répondez STOP pour ne plus recevoir de messages.",
    "Bonjour, ici l'assistant automatique (une IA) de l'agence {agency}, au sujet d'une mission {ofTitle}. Pour parler à une personne : {contact}. Répondez STOP pour arrêter.",
    "Bonjour, ici une IA de l'agence {agency}, pour une mission. Une personne : {contact}. STOP pour arrêter.",
  ],
  availability: [
    'Etes-vous disponible {when}{shift} ? Répondez oui ou non, ou indiquez votre date de disponibilité.',
    'Etes-vous disponible {when}{shift} ?',
  ],
  certification: [
    "Avez-vous {label} en cours de validité ? Si oui, jusqu'à quelle date ?",
    'Avez-vous {label} en cours de validité ?',
  ],
  licence: ['Avez-vous le {label} en cours de validité ?'],
  transport: [
    'La mission est à {city}. Comment pensez-vous vous y rendre (voiture, transports en commun, covoiturage) ?',
    'Comment pensez-vous vous rendre sur le site de {city} ?',
  ],
  rate: ['Le taux horaire est de {rate} brut. Cela vous convient-il ?'],
  confirmation: [
    'Merci. Dernière question : confirmez-vous que cette mission {ofTitle} vous intéresse ?',
    'Merci. Confirmez-vous que cette mission vous intéresse ?',
  ],
  reminder: [
    "Petit rappel de l'agence {agency} : {question}",
    'Petit rappel : pouvez-vous répondre à notre dernier message ? Répondez STOP pour ne plus recevoir de messages.',
  ],
  clarify: ["Je n'ai pas bien compris. {question}", "Je n'ai pas bien compris votre réponse."],
  injection: [
    'Je peux seulement parler de cette mission. {question}',
    'Je peux seulement parler de cette mission.',
  ],
  'answer-pay': ['Le taux horaire est de {rate} brut. {question}', 'Le taux horaire est de {rate} brut.'],
  'answer-hours': ['Horaires de la mission : {hours}. {question}', 'Horaires de la mission : {hours}.'],
  'answer-address': [
    "La mission se situe à {city}. L'adresse exacte vous sera donnée par l'agence. {question}",
    'La mission se situe à {city}.',
  ],
  'answer-dates': ['La mission {dates}. {question}', 'La mission {dates}.'],
  'handoff-question': [
    "Je transmets votre question à un conseiller de l'agence {agency}, qui vous répondra. {question}",
    "Je transmets votre question à un conseiller de l'agence {agency}, qui vous répondra.",
  ],
  handoff: [
    "D'accord. Un conseiller de l'agence {agency} va vous recontacter. Vous pouvez aussi le joindre : {contact}.",
    "D'accord. Un conseiller de l'agence {agency} va vous recontacter.",
  ],
  'opt-out': [
    "C'est noté, vous ne recevrez plus de messages de l'agence {agency}. Bonne journée.",
    "C'est noté, vous ne recevrez plus de messages.",
  ],
  'closing-qualified': [
    "Merci pour vos réponses. Un conseiller de l'agence {agency} va vous recontacter très vite pour la suite.",
    'Merci pour vos réponses. Un conseiller va vous recontacter.',
  ],
  'closing-review': [
    "Merci pour vos réponses. Un conseiller de l'agence {agency} va vous recontacter pour en parler.",
    'Merci pour vos réponses. Un conseiller va vous recontacter.',
  ],
  'closing-not-qualified': [
    "Merci pour votre réponse. Cette mission demande {requirement} : je transmets votre réponse à un conseiller de l'agence {agency}, qui reviendra vers vous.",
    "Merci pour votre réponse. Je la transmets à un conseiller de l'agence, qui reviendra vers vous.",
  ],
  'closing-not-interested': [
    "Merci pour votre réponse. L'agence vous proposera d'autres missions. Bonne journée.",
    'Merci pour votre réponse. Bonne journée.',
  ],
};

const ENGLISH: Wording = {
  intro: [
    "Hello, this is {agency}'s automated assistant (an AI). I am writing about a job as {title}{place}{start}. To talk to a person: {contact}. Reply STOP to receive no more messages.",
    "Hello, this is {agency}'s automated assistant (an AI), about a job as {title}. To talk to a person: {contact}. Reply STOP to opt out.",
    'Hello, this is an AI for {agency}, about a job. A person: {contact}. STOP to opt out.',
  ],
  availability: [
    'Are you available {when}{shift}? Reply yes or no, or tell me the date you can start.',
    'Are you available {when}{shift}?',
  ],
  certification: [
    'Do you hold a valid {label}? If so, until when is it valid?',
    'Do you hold a valid {label}?',
  ],
  licence: ['Do you hold a valid {label}?'],
  transport: [
    'The job is in {city}. How would you get there (car, public transport, car sharing)?',
    'How would you get to the site in {city}?',
  ],
  rate: ['The pay is {rate} an hour, gross. Is that all right for you?'],
  confirmation: [
    'Thank you. Last question: do you confirm you are interested in this job as {title}?',
    'Thank you. Do you confirm you are interested in this job?',
  ],
  reminder: [
    'A reminder from {agency}: {question}',
    'A reminder: could you reply to our last message? Reply STOP to opt out.',
  ],
  clarify: ["Sorry, I didn't understand. {question}", "Sorry, I didn't understand your reply."],
  injection: ['I can only talk about this job. {question}', 'I can only talk about this job.'],
  'answer-pay': ['The pay is {rate} an hour, gross. {question}', 'The pay is {rate} an hour, gross.'],
  'answer-hours': ['Working hours: {hours}. {question}', 'Working hours: {hours}.'],
  'answer-address': [
    'The job is in {city}. The agency will give you the exact address. {question}',
    'The job is in {city}.',
  ],
  'answer-dates': ['The job {dates}. {question}', 'The job {dates}.'],
  'handoff-question': [
    'I am passing your question to a consultant at {agency}, who will answer you. {question}',
    'I am passing your question to a consultant at {agency}, who will answer you.',
  ],
  handoff: [
    'All right. A consultant from {agency} will contact you. You can also reach them: {contact}.',
    'All right. A consultant from {agency} will contact you.',
  ],
  'opt-out': [
    'Done, you will receive no more messages from {agency}. Goodbye.',
    'Done, you will receive no more messages.',
  ],
  'closing-qualified': [
    'Thank you for your answers. A consultant from {agency} will contact you very soon about next steps.',
    'Thank you for your answers. A consultant will contact you.',
  ],
  'closing-review': [
    'Thank you for your answers. A consultant from {agency} will contact you to talk it over.',
    'Thank you for your answers. A consultant will contact you.',
  ],
  'closing-not-qualified': [
    'Thank you for your reply. This job requires {requirement}: I am passing your answer to a consultant at {agency}, who will get back to you.',
    'Thank you for your reply. I am passing it to a consultant, who will get back to you.',
  ],
  'closing-not-interested': [
    'Thank you for your reply. {agency} will offer you other jobs. Goodbye.',
    'Thank you for your reply. Goodbye.',
  ],
};

/** Built-in wording variants for a key, fullest first. */
export function templateVariants(key: TemplateKey, language: 'fr' | 'en'): string[] {
  return (language === 'en' ? ENGLISH : FRENCH)[key];
}

/** Fills `{name}` placeholders; unknown placeholders are left as written (and then fail the fit check). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,])/g, '$1')
    .trim();
}

const FRENCH_DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const ENGLISH_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2027-01-04` → "lundi 4 janvier" / "Monday 4 January". */
export function formatDay(isoDate: string, language: 'fr' | 'en'): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  const weekday = date.getUTCDay();
  const day = date.getUTCDate();
  const month = date.getUTCMonth();
  return language === 'en'
    ? `${ENGLISH_DAYS[weekday]} ${day} ${ENGLISH_MONTHS[month]}`
    : `${FRENCH_DAYS[weekday]} ${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month]}`;
}

/** 12.5 → "12,50 €" / "€12.50". */
export function formatRate(rate: number, language: 'fr' | 'en'): string {
  const fixed = rate.toFixed(2);
  return language === 'en' ? `€${fixed}` : `${fixed.replace('.', ',')} €`;
}

/** Shift as words: `2x8` → "en 2x8 (horaires alternés)". */
export function formatShift(shift: string, language: 'fr' | 'en'): string {
  const key = shift.toLowerCase().replace(/\s+/g, '');
  const french: Record<string, string> = {
    jour: 'en journée',
    journee: 'en journée',
    nuit: 'de nuit',
    '2x8': 'en 2x8 (matin ou après-midi, en alternance)',
    '3x8': 'en 3x8 (matin, après-midi ou nuit, en alternance)',
    'week-end': 'le week-end',
    weekend: 'le week-end',
  };
  const english: Record<string, string> = {
    jour: 'on day shifts',
    journee: 'on day shifts',
    nuit: 'on night shifts',
    '2x8': 'on rotating morning and afternoon shifts (2x8)',
    '3x8': 'on rotating 3x8 shifts, nights included',
    'week-end': 'at weekends',
    weekend: 'at weekends',
  };
  const table = language === 'en' ? english : french;
  return table[key] ?? (language === 'en' ? `with hours: ${shift}` : `avec ces horaires : ${shift}`);
}
