import { aliasFor, profileIdentifiers } from '../../compliance/pseudonymize-profile.js';
import { pseudonymizeText } from '../../compliance/redact-text.js';
import type { CandidateProfile, JobOrder } from '../../domain/index.js';
import { message } from '../../locale/index.js';
import { redactReply } from '../../screening/reading/protected-facts.js';
import type { FineTuningExample, FineTuningMessage } from './fine-tuning-format.js';

/** One SMS of a stored conversation, oldest first. */
export interface TranscriptMessage {
  direction: 'in' | 'out';
  body: string;
}

/**
 * One training example from one screening conversation: a system message with the screening rules, a user
 * message with the job order (title, start) and the candidate's neutral alias, then the SMS, the agency's
 * as the assistant and the candidate's as the user, consecutive ones of one side joined. Every SMS loses
 * protected facts and identity as the recruiter sees replies (`redactReply`); the candidate's replies are
 * also pseudonymised as the reranker's text is (`pseudonymizeText`: address, age, nationality…). The example ends on the
 * agency's last SMS; null when the candidate never answered before it (nothing to learn from).
 */
export function screeningExample(
  job: JobOrder,
  candidateId: string,
  transcript: readonly TranscriptMessage[],
  profile: CandidateProfile | null,
): FineTuningExample | null {
  const language = job.language;
  const identifiers = profile ? profileIdentifiers(profile) : {};
  const listed = (values: (string | null | undefined)[] | undefined) =>
    (values ?? []).filter((value): value is string => typeof value === 'string' && value.length > 0);
  const lists = {
    names: listed(identifiers.names),
    phones: listed(identifiers.phones),
    emails: listed(identifiers.emails),
  };
  // The agency's SMS keep their wording (only identity and protected facts go); the candidate's replies are
  // also pseudonymised like a CV (address, age, birth date, nationality, family status, health…).
  const redact = (sms: TranscriptMessage) => {
    const redacted = redactReply(sms.body, lists);
    return (
      sms.direction === 'out' ? redacted : pseudonymizeText(redacted, identifiers, { language }).text
    ).trim();
  };
  const turns: FineTuningMessage[] = [];
  for (const sms of transcript) {
    const content = redact(sms);
    if (!content) continue;
    const role = sms.direction === 'out' ? 'assistant' : 'user';
    const last = turns.at(-1);
    if (last && last.role === role) last.content = `${last.content}\n${content}`;
    else turns.push({ role, content });
  }
  while (turns.length > 0 && turns.at(-1)?.role !== 'assistant') turns.pop();
  if (!turns.some((turn) => turn.role === 'user')) return null;
  const context = message(language, 'finetune.screening.context', {
    title: job.title,
    start: job.startDate ?? '—',
    alias: aliasFor(candidateId),
  });
  // The transcript opens with the agency's first SMS: the context message goes before it, so the roles
  // alternate from the start (user, assistant, user…).
  const first = turns[0];
  const opening: FineTuningMessage[] =
    first?.role === 'user'
      ? [{ role: 'user', content: `${context}\n${first.content}` }]
      : [{ role: 'user', content: context }, ...(first ? [first] : [])];
  return {
    messages: [
      { role: 'system', content: message(language, 'finetune.screening.system') },
      ...opening,
      ...turns.slice(1),
    ],
  };
}
