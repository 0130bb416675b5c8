// Screening: the pure engine a campaign or a webhook server drives (step on a stored state), then the
// single-conversation wrapper with an audit log. Offline: replies are read by the rules.
import { readFileSync } from 'node:fs';
import {
  checkJobOrder,
  createAuditLog,
  createScreening,
  createScreeningState,
  parseCv,
  parseJobOrder,
  type ScreeningState,
  step,
} from '../src/index.js';

const job = parseJobOrder(
  readFileSync(new URL('../fixtures/jobs/cariste-lyon.json', import.meta.url), 'utf8'),
);
const { profile: candidate } = await parseCv(
  new URL('../fixtures/cvs/agent-entretien-hard-sloppy-marta-nowak.txt', import.meta.url).pathname,
);
const agency = { name: 'Intérim Rhône', humanContact: '04 00 00 00 00' };
const at = (minutes: number) => new Date(Date.parse('2026-12-28T09:00:00Z') + minutes * 60_000).toISOString();

// 1. The engine: step(state, input) → { state, outgoing, events }. Store `state` as JSON between calls.
let stored = JSON.stringify(createScreeningState({ job, candidate, agency, now: at(0) }));
const inputs = [
  { type: 'start', at: at(0) },
  { type: 'reply', at: at(3), text: 'vous êtes un robot ?' },
  { type: 'reply', at: at(5), text: 'oui dispo à partir du lundi 4' },
] as const;
for (const input of inputs) {
  const { state, outgoing, events } = step(JSON.parse(stored) as ScreeningState, input);
  stored = JSON.stringify(state);
  if (input.type === 'reply') console.log(`candidate: ${input.text}`);
  for (const message of outgoing) console.log(`assistant: ${message.text}`);
  console.log(`  events: ${events.map((event) => event.type).join(', ')}`);
}

// 2. The wrapper for one conversation, every event in the audit log (no message text by default).
const lines: string[] = [];
const screening = createScreening({
  job,
  candidate,
  agency,
  now: at(0),
  audit: { log: createAuditLog({ write: (line) => lines.push(line) }) },
});
screening.start();
for (const [minute, reply] of ['oui dispo', 'oui le caces 3', 'ok', 'oui je confirme'].entries())
  await screening.receive(reply, at(minute + 1));
const outcome = screening.outcome();
console.log(`\noutcome: ${outcome.status}\n${outcome.summary}\naudit: ${lines.length} events`);

// 3. An order that selects on a forbidden criterion is flagged; screening refuses to start on it.
const warnings = checkJobOrder({ title: 'Cariste homme jeune sans enfants' });
console.log(`\n${warnings.map((warning) => `${warning.criterion}: ${warning.message}`).join('\n')}`);
