import type { AuditEvent } from '../compliance/audit-log.js';
import { type MessageKey, type MessageValues, message } from '../locale/index.js';
import type { Store } from '../store/open-store.js';
import { getCampaign } from './call-list.js';
import { auditRunId } from './campaign-state.js';

function formatTime(iso: string, language: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/**
 * What happened in a campaign and why, in French or English, read from its audit trail (waves, outcomes,
 * call-list changes, held and blocked sends, STOPs, hand-overs, recruiter decisions), then the call list.
 * Candidates are named by their CV file (or id); no message text is printed.
 */
export async function campaignReport(
  store: Store,
  campaignId: string,
  options: { language?: 'fr' | 'en' } = {},
): Promise<string> {
  const language = options.language ?? 'fr';
  const view = await getCampaign(store, campaignId);
  const say = (key: MessageKey, values?: MessageValues) => message(language, key, values);
  const names = new Map(
    view.outcomes.map((outcome) => [outcome.candidateId, outcome.file ?? outcome.candidateId]),
  );
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? id) : '');
  const events = await store.audit.list({ runId: auditRunId(campaignId) });
  const lines = [
    say('campaign.report.title', {
      campaignId,
      jobId: view.jobId,
      headcount: view.headcount,
      status: view.status,
    }),
    say('campaign.report.totals', {
      startedAt: formatTime(view.startedAt, language),
      waves: view.waves,
      contacted: view.contacted,
      smsSent: view.smsSent,
      size: view.callList.length,
      capacity: view.capacity,
      fullAt: view.fullAt ? formatTime(view.fullAt, language) : 'none',
    }),
    '',
    say('campaign.report.events'),
  ];
  for (const { event } of events) {
    const line = describe(event, language, nameOf);
    if (line) lines.push(`  ${line}`);
  }
  lines.push('');
  if (view.callList.length === 0) lines.push(say('campaign.report.callListEmpty'));
  else {
    lines.push(say('campaign.report.callList'));
    view.callList.forEach((entry, index) => {
      lines.push(
        `  ${say('campaign.report.callListEntry', {
          position: index + 1,
          candidate: nameOf(entry.candidateId),
          rank: entry.rank,
          score: Math.round(entry.score),
          status: entry.status,
          summary: entry.summary,
        })}`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

/** ICU select keys are identifiers: `not-qualified` → `notQualified`. */
function selector(value: unknown): string {
  return String(value ?? 'other').replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

function describe(
  event: AuditEvent,
  language: 'fr' | 'en',
  nameOf: (id: string | null | undefined) => string,
): string | null {
  const say = (key: MessageKey, values?: MessageValues) => message(language, key, values);
  if (event.type === 'decision')
    return say('campaign.event.decision', {
      at: formatTime(event.timestamp, language),
      by: event.by,
      candidate: nameOf(event.candidateId),
      decision: event.decision,
    });
  if (event.type === 'screening') {
    const at = formatTime(event.at, language);
    if (event.event === 'opt-out')
      return say('campaign.event.optOut', { at, candidate: nameOf(event.candidateId) });
    if (event.event === 'handoff')
      return say('campaign.event.handoff', {
        at,
        candidate: nameOf(event.candidateId),
        reason: selector(event.detail.reason),
      });
    return null;
  }
  if (event.type !== 'campaign') return null;
  const at = formatTime(event.at, language);
  const candidate = nameOf(event.candidateId);
  const detail = event.detail;
  const number = (key: string) => Number(detail[key] ?? 0);
  switch (event.event) {
    case 'campaign-created':
      return say('campaign.event.created', {
        at,
        ranked: number('ranked'),
        poolSize: number('poolSize'),
        minScore: number('minScore'),
        callsPerPosition: number('callsPerPosition'),
      });
    case 'wave-sent':
      return say('campaign.event.wave', {
        at,
        wave: number('wave'),
        started: number('started'),
        optedOut: number('skippedOptedOut'),
        contactCap: number('skippedContactCap'),
        noPhone: number('skippedNoPhone'),
      });
    case 'conversation-outcome':
      return say('campaign.event.outcome', {
        at,
        candidate,
        status: selector(detail.status),
        answers: number('answers'),
        asked: number('asked'),
      });
    case 'call-list-changed':
      return say('campaign.event.callList', { at, size: number('size'), capacity: number('capacity') });
    case 'campaign-full':
      return say('campaign.event.full', {
        at,
        cancelled: number('cancelledMessages'),
        closed: number('closedConversations'),
      });
    case 'campaign-reopened':
      return say('campaign.event.reopened', { at });
    case 'campaign-exhausted':
      return say('campaign.event.exhausted', { at });
    case 'send-held':
      return say('campaign.event.held', {
        at,
        candidate,
        until: formatTime(String(detail.until), language),
      });
    case 'send-blocked':
      return say('campaign.event.blocked', { at, candidate, reason: selector(detail.reason) });
    case 'send-failed':
      return say('campaign.event.failed', { at, candidate, error: String(detail.error) });
    case 'candidate-skipped':
      return say('campaign.event.skipped', { at, candidate, reason: selector(detail.reason) });
    case 'late-reply':
      return say('campaign.event.late', { at, candidate });
    default:
      return null;
  }
}
