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
} satisfies SmsTemplates;
