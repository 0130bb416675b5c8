import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkJobOrder, createAuditLog, readAuditLog } from '../../src/compliance/index.js';
import { type ScreeningState, screeningStateSchema } from '../../src/domain/index.js';
import { DiscriminatoryJobOrderError } from '../../src/errors.js';
import {
  countSmsSegments,
  createScreening,
  createScreeningState,
  guardMessage,
  type StepResult,
  step,
} from '../../src/screening/index.js';
import { AGENCY, loadJob, NOW, syntheticCandidate } from './helpers.js';

const job = loadJob('cariste-lyon');
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const fresh = () => createScreeningState({ job, candidate: syntheticCandidate(), agency: AGENCY, now: NOW });

/** Feeds replies one minute apart, returning every result. */
function play(state: ScreeningState, replies: string[]): { state: ScreeningState; results: StepResult[] } {
  const results = [step(state, { type: 'start', at: NOW })];
  for (const [index, text] of replies.entries())
    results.push(step(results.at(-1)!.state, { type: 'reply', at: at(index + 1), text }));
  return { state: results.at(-1)!.state, results };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('step: the pure screening engine', () => {
  it('never changes the state it is given, reads no clock, and gives the same result for the same input', () => {
    const state = fresh();
    const frozen = structuredClone(state);
    vi.useFakeTimers({ now: new Date('2031-05-05T05:05:05Z') });
    const first = step(state, { type: 'start', at: NOW });
    vi.setSystemTime(new Date('2019-01-01T00:00:00Z'));
    const again = step(state, { type: 'start', at: NOW });
    expect(state).toEqual(frozen);
    expect(again).toEqual(first);
    const reply = step(first.state, { type: 'reply', at: at(1), text: 'oui dispo' });
    expect(step(first.state, { type: 'reply', at: at(1), text: 'oui dispo' })).toEqual(reply);
    expect(reply.state.answers[0]).toMatchObject({ questionId: 'availability', value: true });
  });

  it('keeps a versioned JSON state whose revision grows only when something happens', () => {
    const started = step(fresh(), { type: 'start', at: NOW });
    expect(started.state).toMatchObject({ version: 2, revision: 1, phase: 'awaiting-reply' });
    expect(screeningStateSchema.parse(JSON.parse(JSON.stringify(started.state)))).toEqual(started.state);
    const quiet = step(started.state, { type: 'tick', at: at(10) });
    expect(quiet).toMatchObject({ outgoing: [], events: [] });
    expect(quiet.state.revision).toBe(1);
    const reminded = step(started.state, { type: 'tick', at: at(200) });
    expect(reminded.state.revision).toBe(2);
    expect(reminded.outgoing.map((message) => message.kind)).toEqual(['reminder']);
  });

  it('reports what happened as events, without message text', () => {
    const { results } = play(fresh(), ['mdr', 'oui dispo']);
    const events = results.flatMap((result) => result.events);
    expect(events.map((event) => event.type)).toEqual([
      'message-sent',
      'message-sent',
      'reply-received',
      'reply-read',
      'clarification',
      'message-sent',
      'reply-received',
      'reply-read',
      'answer-recorded',
      'message-sent',
    ]);
    expect(events.find((event) => event.type === 'reply-read')).toMatchObject({
      intent: 'off_topic',
      by: 'rules',
      unsure: true,
    });
    const texts = results.flatMap((result) => result.outgoing.map((message) => message.text));
    const serialised = JSON.stringify(events);
    for (const text of [...texts, 'mdr', 'oui dispo']) expect(serialised).not.toContain(text);
  });

  it('answers "are you a robot?" truthfully in one sentence and goes on', () => {
    const { results, state } = play(fresh(), ['vous êtes un robot ?']);
    const answer = results.at(-1)!.outgoing;
    expect(answer).toHaveLength(1);
    expect(answer[0]!.text).toMatch(
      /^Je suis un assistant automatique \(une IA\)[^.?!]*pas une personne[^.?!]*\./,
    );
    expect(answer[0]!.text).toContain(AGENCY.humanContact);
    expect(answer[0]!.questionId).toBe('availability');
    expect(state.phase).toBe('awaiting-reply');
    // A yes and the same question: the answer is taken, the question answered, the next one asked.
    const both = play(fresh(), ['oui et vous êtes une IA ou un humain ?']);
    expect(both.state.answers[0]).toMatchObject({ questionId: 'availability', value: true });
    expect(both.results.at(-1)!.outgoing[0]!.text).toMatch(/assistant automatique \(une IA\).*CACES/);
    expect(both.state.endedBy).toBeNull();
  });

  it('never guesses "available": small talk is asked again in other words, then a person takes over', () => {
    const state = createScreeningState({
      job,
      candidate: syntheticCandidate({ availability: { immediate: false, from: '2027-01-15' } }),
      agency: AGENCY,
      now: NOW,
    });
    const { results, state: end } = play(state, ['il fait beau aujourd hui', 'joyeux noël !']);
    const clarify = results[1]!.outgoing[0]!;
    expect(clarify.kind).toBe('clarify');
    expect(clarify.text).toMatch(/^Je n'ai pas bien compris votre réponse\. Pouvez-vous commencer/);
    expect(results[2]!.outgoing.map((message) => message.kind)).toEqual(['handoff']);
    expect(end.answers).toEqual([]);
    expect(end.events).toContainEqual(expect.objectContaining({ type: 'handoff', reason: 'unclear' }));
  });

  it('honours STOP in every form with one confirmation, and sends nothing after', () => {
    for (const text of ['ＳＴＯＰ', 'S T O P', 'stop!!', '🛑', "arrêtez de m'écrire", 'non merci, stop']) {
      const { results, state } = play(fresh(), ['oui dispo', text, 'oui', 'appelez moi']);
      expect(
        results[2]!.outgoing.map((message) => message.kind),
        text,
      ).toEqual(['opt-out']);
      expect(
        results.slice(3).flatMap((result) => result.outgoing),
        text,
      ).toEqual([]);
      expect(step(state, { type: 'tick', at: at(9_000) }).outgoing).toEqual([]);
      expect(state.endedBy, text).toBe('opt-out');
    }
  });

  it('writes names in GSM-7 instead of falling back to a terse UCS-2 message', () => {
    const state = createScreeningState({
      job,
      candidate: syntheticCandidate(),
      agency: { name: 'Intérim Rhône', humanContact: '04 00 00 00 00' },
      now: NOW,
    });
    const intro = step(state, { type: 'start', at: NOW }).outgoing[0]!.text;
    expect(intro).toContain("l'agence Intérim Rhone");
    expect(intro).toContain('Vénissieux');
    expect(countSmsSegments(intro).encoding).toBe('GSM-7');
  });

  it('joins its sentences cleanly: no "Merci." after a clarification, one thanks before the next question', () => {
    const { results } = play(fresh(), ['oui dispo', 'oui le 3', 'hmm', 'oui en voiture', 'bof ?', 'oui']);
    const texts = results.flatMap((result) => result.outgoing.map((message) => message.text));
    for (const text of texts) {
      expect(text).not.toMatch(/compris[^.]*\.\s*Merci\./);
      expect(text).not.toMatch(/\.\s*\.|Merci\.\s*Merci\./);
      expect(guardMessage(text).violations, text).toEqual([]);
    }
    expect(texts).toContain('Merci. Le taux horaire est de 12,50 € brut. Cela vous convient-il ?');
  });
});

describe('the screening refuses a discriminatory order', () => {
  it('refuses to start, with the typed warnings of checkJobOrder, and sends nothing', () => {
    const order = {
      ...job,
      title: 'Cariste homme jeune sans enfants',
      description: 'Homme de moins de 30 ans, nationalité française exigée, sans enfants, non syndiqué.',
    };
    let error: unknown;
    try {
      createScreening({ job: order, candidate: syntheticCandidate(), agency: AGENCY, now: NOW });
    } catch (caught) {
      error = caught;
    }
    expect(DiscriminatoryJobOrderError.isInstance(error)).toBe(true);
    const criteria = (error as DiscriminatoryJobOrderError).warnings.map((warning) => warning.criterion);
    expect(new Set(criteria)).toEqual(new Set(['sex', 'age', 'family', 'nationality', 'union-politics']));
    expect(checkJobOrder(order)).toEqual((error as DiscriminatoryJobOrderError).warnings);
  });
});

describe('what the recruiter sees', () => {
  it('keeps volunteered protected facts, names and phones out of the outcome, and writes dates in French', async () => {
    const screening = createScreening({ job, candidate: syntheticCandidate(), agency: AGENCY, now: NOW });
    screening.start();
    const replies = [
      "je suis musulman et j'ai 3 enfants, 55 ans",
      'Mohamed Diallo 07 81 22 33 44 dispo à partir du 6 janvier',
      'je suis syndiqué à la CGT, ça pose problème ?',
      'oui le 3 mais je suis handicapé',
      'ok',
      'oui',
    ];
    for (const [index, reply] of replies.entries()) await screening.receive(reply, at(index + 1));
    const outcome = JSON.stringify(screening.outcome());
    for (const fact of [
      'musulman',
      '3 enfants',
      '55 ans',
      'Mohamed',
      'Diallo',
      '07 81',
      'syndiqué',
      'CGT',
      'handicap',
    ])
      expect(outcome).not.toContain(fact);
    expect(outcome).not.toMatch(/\d{4}-\d{2}-\d{2}"?[^,]*(?:mission|commence)/);
    expect(screening.outcome().answers[0]).toMatchObject({
      value: '2027-01-06',
      note: 'disponible le 6 janvier 2027, la mission commence le 4 janvier 2027',
    });
    expect(screening.outcome().summary).toContain('6 janvier 2027');
  });
});

describe('audit', () => {
  it('logs every screening event, without message text unless asked', async () => {
    const lines: string[] = [];
    const log = createAuditLog({ write: (line) => lines.push(line), runId: 'screening-1' });
    const screening = createScreening({
      job,
      candidate: syntheticCandidate(),
      agency: AGENCY,
      now: NOW,
      audit: { log },
    });
    screening.start();
    for (const [index, reply] of ['vous êtes un robot ?', 'oui dispo', 'STOP'].entries())
      await screening.receive(reply, at(index + 1));
    const events = lines.map((line) => JSON.parse(line) as { type: string; event: string; text?: string });
    expect(events.every((event) => event.type === 'screening')).toBe(true);
    expect(new Set(events.map((event) => event.event))).toEqual(
      new Set(['message-sent', 'reply-received', 'reply-read', 'answer-recorded', 'opt-out', 'outcome']),
    );
    expect(events.length).toBe(screening.state.events.length);
    expect(lines.join('\n')).not.toMatch(/robot|oui dispo|STOP|Bonjour/);

    const withText: string[] = [];
    const textLog = createAuditLog({ write: (line) => withText.push(line) });
    const verbose = createScreening({
      job,
      candidate: syntheticCandidate(),
      agency: AGENCY,
      now: NOW,
      audit: { log: textLog, includeText: true },
    });
    verbose.start();
    await verbose.receive('oui dispo', at(1));
    expect(withText.join('\n')).toContain('oui dispo');
    expect(withText.join('\n')).toContain('Bonjour');
  });

  it('writes lines the audit reader accepts', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'cvmatch-screening-audit-')), 'audit.jsonl');
    const screening = createScreening({
      job,
      candidate: syntheticCandidate(),
      agency: AGENCY,
      now: NOW,
      audit: { log: createAuditLog({ file }) },
    });
    screening.start();
    await screening.receive('je veux parler à un humain', at(1));
    const read = readAuditLog(file);
    expect(read.map((event) => (event.type === 'screening' ? event.event : event.type))).toContain('handoff');
  });
});
