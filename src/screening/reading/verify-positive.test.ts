import { describe, expect, it } from 'vitest';
import { NOW, READING_JOB, readingQuestion } from '../../../test/screening/helpers.js';
import type { QuestionTopic } from '../../domain/index.js';
import { interpretReplyWithRules, isUnsure } from './interpret-reply.js';

const read = (text: string, topic: QuestionTopic = 'availability', code: string | null = null) =>
  interpretReplyWithRules(text, { question: readingQuestion(topic, code), job: READING_JOB, now: NOW });
/** What the conversation does with the reply: an unsure reading is asked again ('unclear'). */
const taken = (text: string, topic: QuestionTopic = 'availability', code: string | null = null) => {
  const reading = read(text, topic, code);
  return isUnsure(reading) ? 'unclear' : reading.intent;
};
const reason = (text: string, topic: QuestionTopic = 'availability') =>
  read(text, topic).verification?.reason;

describe('second reading of a yes or a date', () => {
  it('lets plain answers stand, untouched', () => {
    for (const text of ['oui dispo', 'pas de souci je suis libre', 'dispo à partir du 11', 'mardi ça ira ?'])
      expect(read(text).verification, text).toBeUndefined();
    expect(taken('oui, je suis dispo, pourquoi ?')).toBe('yes');
    expect(taken('oui c ou exactement ?')).toBe('yes');
    expect(taken('lundi 4 ? ouais si vous voulez')).toBe('date_given');
    expect(taken('ma femme me dépose', 'transport')).toBe('yes');
  });

  it('reads a yes or a date asked back as a question, saying so', () => {
    for (const text of ['oui quoi ?', 'yes to what?', 'dispo pour quoi exactement ?', 'le 4 ou le 11 ?']) {
      expect(taken(text), text).toBe('question');
      expect(reason(text), text).toBe('asked');
    }
    expect(read('c est bien à partir du 4 janvier ?').verification).toEqual({
      firstIntent: 'date_given',
      reason: 'asked',
    });
  });

  it('reads the reply without what it quotes of the message', () => {
    expect(taken('"Êtes-vous disponible le 4 janvier ?" non désolé')).toBe('no');
    expect(reason('« disponible le 4 » ? non désolé')).toBe('quoted');
  });

  it("takes no yes from someone else's words or about someone else", () => {
    expect(taken('mon frère dit oui')).toBe('unclear');
    expect(reason('mon frère dit oui')).toBe('reported');
    expect(taken('ma copine pense que je devrais dire oui')).toBe('partial');
    expect(taken('my cousin is free from monday')).toBe('unclear');
    expect(taken('mon pote a une voiture, moi non', 'transport')).not.toBe('yes');
  });

  it('takes no yes from the past, and a date gone by is no date (free since it is free now)', () => {
    expect(taken("I was free until the 23rd, now I'm on a job")).toBe('no');
    expect(reason("j'ai fini ma dernière mission le 18 décembre")).toBe('past-date');
    expect(taken("j'ai fini ma dernière mission le 18 décembre")).toBe('unclear');
    const since = read('dispo depuis le 15 décembre');
    expect(since).toMatchObject({ intent: 'yes', extracted: { immediate: true, dates: [] } });
    expect(taken('I used to drive, no car now', 'transport')).toBe('no');
  });

  it('narrows a yes or a date in doubt, put off or hypothetical to partial', () => {
    expect(taken('je serai peut-être dispo le 4')).toBe('partial');
    expect(reason('I might be free on the 4th')).toBe('doubt');
    expect(taken('je pourrai vous dire la semaine prochaine')).toBe('partial');
    expect(taken('ok je lis ça ce soir')).toBe('unclear');
    expect(taken('je ne dis pas non')).toBe('partial');
    expect(reason("oui dès que j'ai fini mon contrat")).toBe('time-bound');
    expect(taken("oui dès que j'ai fini mon contrat")).toBe('partial');
    expect(taken('oui quand vous voulez')).toBe('yes');
    expect(taken('oui dès mon retour')).toBe('partial');
    expect(taken('oui à partir de lundi en huit')).toBe('partial');
    expect(reason('oui je serai en vacances')).toBe('negated');
    // A veto never makes an unsure reading sure: an eye roll stays unsure.
    expect(taken('bien sûr, je suis toujours là quand il faut 🙄')).toBe('unclear');
  });

  it('sets aside a yes that greets, thanks, reacts, says who one is or mocks', () => {
    expect(taken('oui bonjour')).toBe('unclear');
    expect(taken('oui bonjour je suis dispo')).toBe('yes');
    expect(taken('super merci de penser à moi')).toBe('unclear');
    expect(taken('ok ça marche, merci')).toBe('yes');
    expect(taken("oui c'est bien mon numéro")).toBe('unclear');
    expect(taken("mdr oui c'est ça")).toBe('unclear');
    expect(taken("ah oui super 12,50, je vais m'acheter une villa", 'rate')).toBe('no');
  });

  it('reads a way to come whose licence is negated as no way', () => {
    expect(read("oui j'ai une voiture mais pas le permis", 'transport')).toMatchObject({
      intent: 'no',
      verification: { firstIntent: 'yes', reason: 'negated' },
    });
  });
});

describe('settling a mixed or unread reply', () => {
  it('reads a last clause that refuses outright as a no', () => {
    for (const text of [
      'je vous avais dit oui mais c’est plus possible',
      'avant oui, maintenant non',
      'was free last week, not now',
      'même si ça m’intéresse, c’est non',
    ])
      expect(taken(text), text).toBe('no');
    expect(taken("on m'a proposé le 4 ailleurs, j'ai dit oui")).toBe('no');
    expect(taken('yes but my licence was suspended in november', 'licence')).toBe('no');
    expect(taken('yes I have a car, but no licence', 'transport')).toBe('no');
    // A yes said to this agency's people is no yes elsewhere.
    expect(taken("j'ai répondu oui à votre collègue")).not.toBe('no');
    // A refusal that bears on something is a restriction.
    expect(taken('oui mais je peux pas le matin')).toBe('partial');
  });

  it('reads a refusal of one day and a litotes as partial, an appointment on a day as partial', () => {
    expect(taken("j'ai mon code le 7 donc pas ce jour là")).toBe('partial');
    expect(taken('pas impossible')).toBe('partial');
    expect(taken('rdv chez le notaire le 5 janvier')).toBe('partial');
    expect(taken('I had an interview on the 20th, never heard back')).not.toBe('partial');
  });

  it('reads a sentence that asks, and nothing else, as a question', () => {
    expect(read('vous êtes sûrs que c est le 4 ?')).toMatchObject({
      intent: 'question',
      extracted: { questionAbout: 'dates' },
    });
  });
});
