import { describe, expect, it } from 'vitest';
import { loadJob, NOW, readingQuestion } from '../../../test/screening/helpers.js';
import type { QuestionTopic } from '../../domain/index.js';
import { interpretReplyWithRules, isUnsure } from './interpret-reply.js';
import { prepareReply } from './prepare-reply.js';

// Issue 15 round 5: clause scope, restrictions of days, commitments, expiry, holding words.
const job = loadJob('cariste-lyon');
const read = (text: string, topic: QuestionTopic = 'availability', code: string | null = null) =>
  interpretReplyWithRules(text, { question: readingQuestion(topic, code), job, now: NOW });
const taken = (text: string, topic: QuestionTopic = 'availability', code: string | null = null) => {
  const reading = read(text, topic, code);
  return isUnsure(reading) ? 'unclear' : reading.intent;
};
const dates = (text: string) => read(text).extracted.dates.map((date) => `${date.kind}:${date.date}`);

describe('reading restrictions, commitments, validity and holding words', () => {
  it('takes holding words as a yes only to a question about a fact', () => {
    expect(taken("j'ai le caces 3")).toBe('unclear');
    expect(taken("j'ai le caces 3", 'certification', 'CACES_R489_3')).toBe('yes');
    expect(taken('jai un empechement je pourrai pas venir', 'confirmation')).toBe('no');
    expect(taken("c'est bon j'ai déjà qqch")).toBe('no');
  });

  it('reads a date offered after a refusal, a weekday after a date following it', () => {
    const reading = read('je peux pas lundi mais mardi oui');
    expect(reading.intent).toBe('date_given');
    expect(reading.extracted.dates.map((date) => date.date)).toEqual(['2027-01-05']);
    expect(read('not monday but tuesday is fine').extracted.dates.map((date) => date.date)).toEqual([
      '2027-01-05',
    ]);
    expect(dates('lundi ou mardi')).toEqual(['on:2027-01-04', 'on:2027-01-05']);
    // A weekday gone by is no date to come.
    expect(read('g commencé un cdi lundi dernier')).toMatchObject({ intent: 'no' });
    expect(dates('g commencé un cdi lundi dernier')).toEqual([]);
  });

  it('reads days and shifts excluded as a restriction, one day refused as a refusal', () => {
    for (const text of ['pas les week ends', 'dispo sauf les lundis', 'not on sundays'])
      expect(taken(text), text).toBe('partial');
    expect(taken("je peux pas lundi, j'ai un truc")).not.toBe('yes');
    expect(taken('je compte sur le bus mais y en a pas le dimanche', 'transport')).toBe('partial');
  });

  it('reads absences as free the day after, commitments as a refusal', () => {
    expect(read('jsuis en vacances jusqua mi janvier')).toMatchObject({ intent: 'date_given' });
    expect(dates('jsuis en vacances jusqua mi janvier')).toContain('from:2027-01-16');
    expect(taken("je suis en mission jusqu'à fin février")).toBe('no');
    expect(taken('jsuis en formation jusqu en juin')).toBe('no');
    expect(taken('en mission jusqu au 8, libre à partir du 11')).toBe('date_given');
  });

  it('reads the expiry of a certificate against the mission', () => {
    const caces = (text: string) => taken(text, 'certification', 'CACES_R489_3');
    expect(caces("j'ai le 3 mais il expire fin janvier")).toBe('partial');
    expect(caces('le 3 expire en 2029')).toBe('yes');
    expect(caces('j ai le 3, il a expiré en 2023')).toBe('no');
    expect(caces('g le 1 3 et 5')).toBe('yes');
    expect(caces('I only have level 1')).toBe('no');
    expect(caces('oui mais pas encore reçu le papier')).toBe('partial');
    expect(taken('oui le C mais pas la FCO', 'licence', 'C')).toBe('yes');
  });

  it('keeps a yes apart from the question that follows it', () => {
    const reading = read('oui, ca finit a quelle heure le soir ?');
    expect(reading.intent).toBe('yes');
    expect(reading.extracted.questionAbout).toBe('hours');
    expect(read("yes but what's the pay").extracted.questionAbout).toBe('pay');
    expect(taken("ok mais c'est payé combien")).toBe('question');
    for (const text of ['oui ?', 'ah bon ?', 'euh oui ?']) expect(taken(text), text).toBe('unclear');
  });

  it('reads a grumble beside an explicit yes as accepting, beside an agreement word as partial', () => {
    expect(read("oui mais j'espérais plus", 'rate')).toMatchObject({ intent: 'yes', confidence: 0.75 });
    expect(taken("c'est un peu juste mais ok", 'rate')).toBe('partial');
    expect(taken("j'accepterais pour 14", 'rate')).toBe('partial');
  });

  it('reads the way offered after a contrast', () => {
    const reading = read('ma voiture est en panne mais je prendrai le bus', 'transport');
    expect(reading.intent).toBe('yes');
    expect(reading.extracted.transport).toBe('public');
  });

  it('redacts a home country and keeps the absence', () => {
    const prepared = prepareReply("je suis au bled jusqu'au 8");
    expect(prepared.forReading).not.toMatch(/bled/);
    expect(prepared.protectedFacts).toContain('origin');
    expect(read("je suis au bled jusqu'au 8").intent).toBe('date_given');
    // Abroad is an absence, no origin.
    expect(prepareReply("je suis a l'etranger jusqu'au 9").protectedFacts).toEqual([]);
  });
});

describe('reading a yes beside another topic, cancellations and English refusals', () => {
  it('reads a missing way to come beside a yes as a yes to the availability question', () => {
    expect(taken("oui mais j'ai pas de voiture")).toBe('yes');
    expect(taken('non pas de voiture')).toBe('no');
  });

  it('reads cancellations, "nah I\'m good" and a full diary as refusals', () => {
    expect(taken('annulez pour moi svp', 'confirmation')).toBe('no');
    expect(taken("nah mate I'm good")).toBe('no');
    expect(taken("I'm fully booked until march")).toBe('no');
    expect(read('unsub').intent).toBe('opt_out');
  });
});
