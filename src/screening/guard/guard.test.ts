import { describe, expect, it } from 'vitest';
import { type GuardCategory, guardMessage } from './guard.js';

/** [allowed sentence, forbidden twin, category the twin must be blocked for]. */
const PAIRS: [string, string, GuardCategory][] = [
  ['Êtes-vous autorisé(e) à travailler en France ?', 'Quelle est votre nationalité ?', 'nationality'],
  ['Etes-vous autorise a travailler en France ?', 'Etes vous de nationalite francaise ?', 'nationality'],
  ['Avez-vous une autorisation de travail en France ?', 'Avez-vous un titre de séjour ?', 'nationality'],
  ['Parlez-vous français sur le poste ?', 'Êtes-vous français ?', 'nationality'],
  ['Quelle est votre date de disponibilité ?', 'Quelle est votre nationalitée ?', 'nationality'],
  ['Vous venez pour la mission de lundi ?', "D'où venez-vous ?", 'origin'],
  ['Quelle est votre expérience en logistique ?', 'Quelles sont vos origines ?', 'origin'],
  ['Pouvez-vous travailler le vendredi ?', 'Pratiquez-vous une religion ?', 'religion'],
  ['Pouvez-vous travailler le samedi ?', 'Pratiquez vous une relgion ?', 'religion'],
  ['Une pause est prévue à midi.', 'Faites-vous la prière à midi ?', 'religion'],
  ['Acceptez-vous de porter la tenue de travail fournie ?', 'Portez-vous le voile ?', 'religion'],
  ['Êtes-vous disponible en 2x8 ?', 'Êtes-vous marié(e) ?', 'family'],
  ['Etes vous disponible le week-end ?', 'Etes vous mariee ?', 'family'],
  ['Avez-vous le CACES R489 cat. 3 ?', 'Avez-vous des enfants ?', 'family'],
  ['Avez-vous le permis C ?', 'Avez vous des enfant ?', 'family'],
  [
    'Avez-vous de l’expérience avec des enfants en crèche ?',
    'Quelle est votre situation familiale ?',
    'family',
  ],
  ['Pouvez-vous commencer à 6h ?', 'Avez-vous une garde pour vos enfants le matin ?', 'family'],
  ['Êtes-vous disponible à partir du 4 janvier ?', 'Êtes-vous enceinte ?', 'pregnancy'],
  ['Etes-vous disponible en janvier ?', 'Etes vous encinte ?', 'pregnancy'],
  ['La mission dure trois mois.', 'Avez-vous un projet de grossesse ?', 'pregnancy'],
  ['Avez-vous la formation SST (sauveteur secouriste du travail) ?', 'Êtes-vous en bonne santé ?', 'health'],
  ['Pouvez-vous travailler debout toute la journée ?', 'Avez-vous un handicap ?', 'disability'],
  ['Avez-vous vos chaussures de sécurité ?', 'Avez vous un handicape ?', 'disability'],
  ['Avez-vous déjà conduit un chariot ?', 'Avez-vous déjà eu un arrêt maladie ?', 'health'],
  ['Êtes-vous inscrit(e) dans notre agence ?', 'Êtes-vous syndiqué(e) ?', 'union-politics'],
  ['Connaissez-vous le site de Corbas ?', 'Etes vous syndiquer ?', 'union-politics'],
  ['Avez-vous travaillé en entrepôt ?', 'Avez-vous déjà fait grève ?', 'union-politics'],
  ['Avez-vous plus de 2 ans d’expérience ?', 'Avez-vous plus de 50 ans ?', 'age'],
  ['Depuis quand avez-vous votre CACES ?', 'Quel âge avez-vous ?', 'age'],
  ['Quelle est votre date de début possible ?', 'Quelle est votre date de naissance ?', 'age'],
  ['Depuis combien de temps avez-vous le permis ?', 'Quel age avez vous ?', 'age'],
  ['La tenue de travail est fournie.', 'Avez-vous des tatouages ?', 'appearance'],
  ['Quelle est votre taille de chaussures de sécurité ?', 'Combien pesez-vous ?', 'appearance'],
  ['Le travail est physique.', 'Envoyez-nous une photo de vous.', 'appearance'],
  ['Quelles sont vos compétences ?', 'Quelle est votre orientation sexuelle ?', 'sexual-orientation'],
  ['Êtes-vous à l’aise en équipe ?', 'Êtes-vous homosexuel ?', 'sexual-orientation'],
  ['La mission se situe à Vénissieux, 12 rue des Lilas.', 'Où habitez-vous ?', 'residence'],
  ['Comment pensez-vous vous rendre sur le site ?', 'Dans quel quartier vivez-vous ?', 'residence'],
  ["L'adresse du site vous sera donnée par l'agence.", 'Quelle est votre adresse ?', 'residence'],
  ['Le site est desservi par le tram T4.', 'Vous habitez en banlieue ?', 'residence'],
  ['Le taux horaire est de 12,50 € brut.', 'Envoyez-nous votre RIB.', 'bank-details'],
  ['La paie est versée chaque mois.', 'Quel est votre IBAN ?', 'bank-details'],
  ['Vous serez payé à la semaine.', 'Donnez-nous vos coordonnées bancaires.', 'bank-details'],
  ['Etes-vous disponible lundi ?', 'Etes-vous un homme ?', 'sex'],
  ['Etes-vous à l’aise en hauteur ?', 'Etes-vous une femme ?', 'sex'],
  ['Quel est votre poste actuel ?', 'Quel est votre sexe ?', 'sex'],
  ['Parlez-vous français sur le poste ?', 'Vous parlez arabe à la maison ?', 'language'],
  ['Lisez-vous les consignes en français ?', 'Quelle est votre langue maternelle ?', 'language'],
  [
    'Avez-vous un justificatif de formation ?',
    'Avez-vous des antécédents familiaux de maladie ?',
    'genetics',
  ],
  ['Êtes-vous inscrit à France Travail ?', 'Êtes-vous au RSA ?', 'economic-vulnerability'],
  ['Quel est votre prénom d’usage ?', 'Quel est votre nom de jeune fille ?', 'surname'],
  [
    'Avez-vous déjà signalé un risque au responsable sécurité ?',
    'Êtes-vous lanceur d’alerte ?',
    'whistleblowing',
  ],
  [
    'Avez-vous déjà été élu délégué de classe en formation ?',
    'Avez-vous un mandat électif ?',
    'union-politics',
  ],
  ['Are you allowed to work in France?', 'Where are you from?', 'origin'],
  ['Are you available on Sunday?', 'Are you a man or a woman?', 'sex'],
  ['Do you speak French at work?', 'What language do you speak at home?', 'language'],
  ['Are you available on Monday?', 'Are you married?', 'family'],
  ['Do you hold a valid CACES?', 'How old are you?', 'age'],
  ['How would you get to the site?', 'Where do you live?', 'residence'],
];

describe('guardMessage', () => {
  it(`allows job-related sentences and blocks their forbidden twins (${PAIRS.length} pairs)`, () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(30);
    for (const [allowed, forbidden, category] of PAIRS) {
      const ok = guardMessage(allowed);
      expect(ok.violations, allowed).toEqual([]);
      expect(ok.allowed, allowed).toBe(true);
      const blocked = guardMessage(forbidden);
      expect(blocked.allowed, forbidden).toBe(false);
      expect(
        blocked.violations.map((violation) => violation.category),
        forbidden,
      ).toContain(category);
    }
  });

  it('reads through accents, their absence, capitals and typos', () => {
    for (const variant of [
      'Quelle est votre NATIONALITÉ ?',
      'quelle est votre nationalite',
      'Quelle est votre natinalité ?',
      'Etes-vous enceinte',
      'ETES VOUS ENCEINTE ?',
      'avez-vous une RQTH ?',
      'Avez vous un handicapp ?',
      'Quelle est vôtre religion ?',
    ]) {
      expect(guardMessage(variant).allowed, variant).toBe(false);
    }
  });

  it('does not snap ordinary words to forbidden ones', () => {
    for (const sentence of [
      "C'est grave ?",
      'Préparer les salades et les desserts',
      'Vous avez travaillé dans la marine ?',
      'Adressez-vous à l’accueil du site.',
      'La région lyonnaise est desservie.',
      'Vous pouvez garer votre véhicule sur le parking.',
    ]) {
      expect(guardMessage(sentence).violations, sentence).toEqual([]);
    }
  });

  it('reports the category and the words that matched', () => {
    const result = guardMessage('Êtes-vous marié ? Et votre IBAN ?');
    expect(result.violations).toEqual([
      { category: 'family', match: 'etes vous marie' },
      { category: 'bank-details', match: 'iban' },
    ]);
  });
});

describe('guard categories', () => {
  it('cover every protected criterion, with words in French and English for each', async () => {
    const { protectedCriterionSchema } = await import('../../domain/index.js');
    const { locales } = await import('../../locale/index.js');
    for (const criterion of protectedCriterionSchema.options) {
      expect(locales.fr.guard.categories[criterion].length, criterion).toBeGreaterThan(0);
      expect(locales.en.guard.categories[criterion].length, criterion).toBeGreaterThan(0);
      expect(locales.fr.jobOrderCriteria.criteria[criterion].length, criterion).toBeGreaterThan(0);
    }
  });
});
