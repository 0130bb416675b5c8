import { describe, expect, it } from 'vitest';
import { NOW, READING_JOB, readingQuestion } from '../../../test/screening/helpers.js';
import type { QuestionTopic } from '../../domain/index.js';
import { interpretReplyWithRules, isUnsure } from './interpret-reply.js';
import { editDistance, FOLD_FROM, foldSpelling } from './reply-spelling.js';
import { normalizeReply } from './reply-text.js';

const read = (text: string, topic: QuestionTopic = 'availability', code: string | null = null) =>
  interpretReplyWithRules(text, { question: readingQuestion(topic, code), job: READING_JOB, now: NOW });
/** What the conversation takes from a reply: its intent, or `unclear` when the reading is unsure. */
const taken = (text: string, topic: QuestionTopic = 'availability') => {
  const reading = read(text, topic);
  return isUnsure(reading) ? 'unclear' : reading.intent;
};

describe('editDistance', () => {
  it('counts edits, a swap of neighbours as one, and stops above the limit', () => {
    expect(editDistance('disponible', 'disponible', 2)).toBe(0);
    expect(editDistance('disponbile', 'disponible', 2)).toBe(1);
    expect(editDistance('malheuresement', 'malheureusement', 2)).toBe(1);
    expect(editDistance('impossibe', 'impossible', 1)).toBe(1);
    expect(editDistance('voiture', 'disponible', 2)).toBe(3);
  });
});

describe('foldSpelling', () => {
  it('folds long misspelt words onto the vocabulary', () => {
    expect(foldSpelling('disponnible')).toBe('disponible');
    expect(foldSpelling('indisponnible')).toBe('indisponible');
    expect(foldSpelling('malheuresement')).toBe('malheureusement');
    expect(foldSpelling('carement')).toBe('carrement');
    expect(foldSpelling('evidement')).toBe('evidemment');
  });

  it('never folds across a prefix, a short word, a known word or digits', () => {
    // One letter off "disponible", but a different first letter: left as written.
    expect(foldSpelling('isponible')).toBe('isponible');
    expect(foldSpelling('possible')).toBe('possible');
    expect(foldSpelling('indisponible')).toBe('indisponible');
    expect('dispo'.length).toBeLessThan(FOLD_FROM);
    expect(foldSpelling('valabe')).toBe('valabe');
    expect(foldSpelling('dispo12')).toBe('dispo12');
  });

  it('leaves real words near an answer word as written', () => {
    for (const word of [
      'maintenance',
      'chargement',
      'classement',
      'conforme',
      'presence',
      'probleme',
      'financement',
    ])
      expect(foldSpelling(word), word).toBe(word);
  });
});

describe('SMS spellings', () => {
  it('spells out "je" glued to the verb and the phonetic "sa"', () => {
    expect(normalizeReply('jconfirme')).toBe('je confirme');
    expect(normalizeReply('jvous redis ca')).toBe('je vous redis ca');
    expect(normalizeReply('jlai')).toBe('je l ai');
    expect(normalizeReply('ok sa marche')).toBe('ok ca marche');
    // "sa" before a noun stays a possessive.
    expect(normalizeReply('avec sa voiture')).toBe('avec sa voiture');
  });

  it('reads days written in words and month-first English dates as dates, not as a yes', () => {
    expect(read('dispo le onze').extracted.dates.map((date) => date.date)).toEqual(['2027-01-11']);
    expect(read('dispo le onze').intent).toBe('date_given');
    expect(read('le quinze janvier').intent).toBe('date_given');
    expect(read('available jan 6').extracted.dates.map((date) => date.date)).toEqual(['2027-01-06']);
    expect(read("I'm free from Jan 6th").intent).toBe('date_given');
    // Counts that are no day of the month.
    expect(normalizeReply("j'ai deux enfants")).toBe('j ai deux enfants');
    expect(read('dans deux semaines').extracted.dates.map((date) => date.date)).toEqual(['2027-01-11']);
  });

  it('reads misspelt and phonetic answers, French and English', () => {
    expect(taken('oui je suis disponnible')).toBe('yes');
    expect(taken('ouais jsuis disponbile')).toBe('yes');
    expect(taken('carément')).toBe('yes');
    expect(taken('indisponnible')).toBe('no');
    expect(taken('impossibe pour moi')).toBe('no');
    expect(taken('malheuresement non')).toBe('no');
    expect(taken('niet')).toBe('no');
    expect(taken('chai pas trop')).toBe('partial');
    expect(taken('possible')).toBe('partial');
    expect(taken('🤔')).toBe('partial');
    expect(taken('im free')).toBe('yes');
    expect(taken('not free')).toBe('no');
    expect(taken('idk')).toBe('partial');
    expect(taken('sa me va', 'rate')).toBe('yes');
  });
});

describe('precision: a yes word must be in scope', () => {
  it('reads thanks alone as no answer', () => {
    for (const text of ['ok merci', "d'accord merci beaucoup", 'merci bien', 'ok thanks', 'thanks a lot'])
      expect(taken(text), text).toBe('unclear');
    expect(taken('oui merci')).toBe('yes');
    expect(taken('ok merci', 'confirmation')).toBe('unclear');
  });

  it('reads a way to come negated in its own piece as no yes', () => {
    expect(taken("non je suis à pied et c'est trop loin", 'transport')).toBe('no');
    expect(taken("j'ai pas le permis ni de voiture", 'transport')).toBe('no');
    expect(taken('g pas de caisse ni de scoot', 'transport')).toBe('no');
    expect(taken('ni voiture ni permis', 'transport')).toBe('no');
    // The way named in a piece of its own is the answer.
    expect(taken('en voiture... enfin non elle est vendue, en bus', 'transport')).toBe('yes');
    expect(taken("j'ai pas le permis mais je prends le train", 'transport')).toBe('yes');
    expect(taken('g ma caisse', 'transport')).toBe('yes');
  });

  it('reads praise of a pay at the legal minimum as sarcasm', () => {
    expect(taken('encore payé au smic, génial', 'rate')).toBe('no');
  });
});

describe('a leave whose reason is protected', () => {
  it('keeps the absence and leaves the reason out', () => {
    const reading = read("je suis en arrêt maladie jusqu'au 8");
    expect(reading.intent).toBe('date_given');
    expect(reading.extracted.dates.map((date) => `${date.kind}:${date.date}`)).toContain('from:2027-01-09');
    expect(reading.extracted.protectedFacts).toEqual(['health']);
    expect(JSON.stringify(reading.extracted.dates)).not.toContain('maladie');
  });
});
