import { describe, expect, it } from 'vitest';
import { NOW, READING_JOB, readingQuestion } from '../../../test/screening/helpers.js';
import type { QuestionTopic, ReplyInterpretation } from '../../domain/index.js';
import { interpretReplyWithRules, isUnsure, POSITIVE_ANSWER_FROM } from './interpret-reply.js';
import { clauseScope, splitClauses } from './reply-scope.js';
import { normalizeReply } from './reply-text.js';

const job = READING_JOB;
const now = NOW;
const question = readingQuestion;
const taken = (text: string, topic: QuestionTopic = 'availability', code: string | null = null) => {
  const reading = interpretReplyWithRules(text, { question: question(topic, code), job, now });
  return isUnsure(reading) ? 'unclear' : reading.intent;
};
const clauses = (text: string) => splitClauses(normalizeReply(text));

describe('clause scope of a reply', () => {
  it('splits at connectives and ellipses, each clause with its role and stance', () => {
    expect(clauses('oui enfin non je suis pris').map((clause) => [clause.role, clause.stance])).toEqual([
      ['lead', 'yes'],
      ['correction', 'no'],
    ]);
    expect(clauses('ok si c est le matin').map((clause) => clause.role)).toEqual(['lead', 'condition']);
    expect(clauses('oui... non').map((clause) => clause.role)).toEqual(['lead', 'correction']);
    // Politeness is no condition; the "si" that contradicts a no is no condition either.
    expect(clauses('oui si vous voulez')).toHaveLength(1);
    expect(clauses('non enfin si je suis dispo').map((clause) => clause.role)).toEqual([
      'lead',
      'correction',
    ]);
  });

  it('lets the last correction with a clear stance decide, only against the opposite stance', () => {
    expect(clauseScope(clauses('oui enfin non'))).toMatchObject({ kind: 'corrected', stance: 'no' });
    expect(clauseScope(clauses('non... ah si pardon je suis libre'))).toMatchObject({
      kind: 'corrected',
      stance: 'yes',
    });
    // "enfin je crois" doubts, it corrects nothing: the yes is narrowed.
    expect(clauseScope(clauses('oui enfin je crois'))).toMatchObject({ kind: 'narrowed' });
    expect(clauseScope(clauses('oui dispo'))).toEqual({ kind: 'none' });
  });

  it('reads self-corrections by their last clause, in French and English', () => {
    expect(taken('oui enfin non je suis déjà pris')).toBe('no');
    expect(taken('ouais... non laissez tomber')).toBe('no');
    expect(taken('non enfin si, je suis dispo')).toBe('yes');
    expect(taken('no wait, yes I am available')).toBe('yes');
    expect(taken("oui le 3... ah non c'est le 1", 'certification', 'CACES_R489_3')).toBe('no');
  });

  it('makes a yes hang on its condition or on what is still to check: partial, never yes', () => {
    for (const text of [
      'normalement oui faut que je voie avec mon conjoint',
      'ok si on finit avant 14h',
      'oui à condition de ne pas travailler le samedi',
      'yes as long as it is mornings',
      'a priori oui, je dois juste vérifier mon planning',
    ])
      expect(taken(text), text).toBe('partial');
    expect(taken('bus normalement', 'transport')).toBe('partial');
    expect(taken('en voiture si ma sœur me la prête', 'transport')).toBe('partial');
    // Politeness keeps the yes whole.
    expect(taken('oui si vous voulez')).toBe('yes');
    expect(taken('normalement oui')).toBe('yes');
  });

  it('reads an ongoing commitment as a constraint, not as a date, unless the reply says when the person is free', () => {
    expect(taken("déjà en mission jusqu'à fin mars")).toBe('no');
    expect(taken("j'ai un contrat en cours jusqu'au 20 janvier")).toBe('no');
    expect(taken('already on a contract till February')).toBe('no');
    expect(taken("en mission jusqu'au 15 janvier, libre à partir du 18")).toBe('date_given');
    // Away is not bound: free the day after.
    expect(taken("en vacances jusqu'au 3 janvier")).toBe('date_given');
  });
});

describe('the confidence region of a yes or a date', () => {
  const yes = (confidence: number): ReplyInterpretation => ({
    intent: 'yes',
    extracted: {
      dates: [],
      immediate: false,
      certificates: [],
      hourlyRates: [],
      transport: null,
      questionAbout: null,
      protectedFacts: [],
    },
    confidence,
    by: 'rules',
  });

  it('takes a yes only from POSITIVE_ANSWER_FROM on, a no or a doubt from the unsure threshold', () => {
    expect(POSITIVE_ANSWER_FROM).toBeGreaterThan(0.6);
    expect(isUnsure(yes(POSITIVE_ANSWER_FROM - 0.01))).toBe(true);
    expect(isUnsure(yes(POSITIVE_ANSWER_FROM))).toBe(false);
    expect(isUnsure({ ...yes(0.65), intent: 'no' })).toBe(false);
    expect(isUnsure({ ...yes(0.65), intent: 'partial' })).toBe(false);
    expect(isUnsure(yes(0.85), 0.6, 0.9)).toBe(true);
  });

  it('leaves a yes unsure when a piece of the reply beside it is read by nothing', () => {
    expect(taken("oui je l'ai, comme la dernière fois...", 'certification', 'CACES_R489_3')).toBe('unclear');
    expect(taken('ouais ouais, comme d hab quoi', 'confirmation')).toBe('unclear');
    expect(taken('oui dispo')).toBe('yes');
    expect(taken("Bonjour oui je suis disponible, merci de m'avoir contacté")).toBe('yes');
  });

  it('never takes a yes beside an eye roll', () => {
    expect(taken('oui 🙄')).toBe('unclear');
    expect(taken('dispo lundi 😒')).toBe('unclear');
    expect(taken('non 🙄')).toBe('no');
  });
});
