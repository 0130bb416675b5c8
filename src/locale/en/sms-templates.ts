import type { SmsTemplates } from '../locale.js';

/** SMS wording, English: same keys and placeholders as the French (`../fr/sms-templates.ts`). */
export const smsTemplates = {
  intro: [
    "Hello, this is {agency}'s automated assistant (an AI). I am writing about a job as {title}{place}{start}. To talk to a person: {contact}. Reply STOP to receive no more messages.",
    "Hello, this is {agency}'s automated assistant (an AI), about a job as {title}. To talk to a person: {contact}. Reply STOP to opt out.",
    'Hello, this is an AI for {agency}, about a job. A person: {contact}. STOP to opt out.',
  ],
  availability: [
    'Are you available {when}{shift}? Reply yes or no, or tell me the date you can start.',
    'Are you available {when}{shift}?',
  ],
  'availability-again': [
    'Can you start {when}{shift}? A yes, a no or the date you will be free is all I need.',
    'Can you start {when}{shift}? Reply yes, no or with a date.',
  ],
  certification: [
    'Do you hold a valid {label}? If so, until when is it valid?',
    'Do you hold a valid {label}?',
  ],
  'certification-again': ['Do you have {label}, valid today? A yes or a no is all I need.'],
  licence: ['Do you hold a valid {label}?'],
  'licence-again': ['Do you have a {label}, valid today? A yes or a no is all I need.'],
  transport: [
    'The job is in {city}. How would you get there (car, public transport, car sharing)?',
    'How would you get to the site in {city}?',
  ],
  'transport-again': [
    'To get to the site in {city}, will you have a car, public transport or a lift?',
    'How will you get to the site: car, bus or a lift?',
  ],
  rate: ['The pay is {rate} an hour, gross. Is that all right for you?'],
  'rate-again': ['Is {rate} an hour, gross, all right for you? Reply yes or no.'],
  confirmation: [
    'Last question: do you confirm you are interested in this job as {title}?',
    'Do you confirm you are interested in this job?',
  ],
  'confirmation-again': [
    'Are you still interested in the job as {title}? Reply yes or no.',
    'Are you still interested in the job? Reply yes or no.',
  ],
  thanks: ['Thank you.'],
  reminder: ['A reminder from {agency}:', 'A reminder:'],
  clarify: ["Sorry, I didn't understand your reply.", "Sorry, I didn't understand."],
  injection: ['I can only talk about this job.'],
  'answer-pay': ['The pay is {rate} an hour, gross.'],
  'answer-hours': ['Working hours: {hours}.'],
  'answer-address': [
    'The job is in {city}; the agency will give you the exact address.',
    'The job is in {city}.',
  ],
  'answer-dates': ['The job {dates}.'],
  'answer-bot': [
    "I am {agency}'s automated assistant (an AI), not a person: to talk to a consultant, {contact}.",
    'I am an automated assistant (an AI), not a person. A consultant: {contact}.',
  ],
  'answer-protected': ['That does not count: only your answers about the job are taken into account.'],
  'handoff-question': [
    'I am passing your question to a consultant at {agency}, who will answer you.',
    'I am passing your question to a consultant, who will answer you.',
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
} satisfies SmsTemplates;
