import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProtectedCriterion } from '../domain/index.js';
import { parseJobOrder } from '../parsing/index.js';
import { checkJobOrder } from './check-job-order.js';

const flagged = (description: string, title = 'Cariste') =>
  checkJobOrder({ title, description }).map((warning) => warning.criterion);

/** [order text, criterion it must be flagged for]: every L1132-1 criterion, as clients write them. */
const FORBIDDEN: [string, ProtectedCriterion][] = [
  ['Homme uniquement pour ce poste.', 'sex'],
  ['Profil féminin souhaité.', 'sex'],
  ['Men only, forklift licence.', 'sex'],
  ['Candidat de moins de 30 ans.', 'age'],
  ['Jeune homme dynamique.', 'age'],
  ['Âgé de 25 à 35 ans.', 'age'],
  ['Entre 20 et 40 ans.', 'age'],
  ['Nationalité française exigée.', 'nationality'],
  ['Ressortissants européens uniquement.', 'nationality'],
  ['Pas d’étrangers.', 'nationality'],
  ['Origine européenne.', 'origin'],
  ['Profil BBR.', 'origin'],
  ['Type européen.', 'origin'],
  ['Sans enfants.', 'family'],
  ['Célibataire de préférence.', 'family'],
  ['Sans charge de famille.', 'family'],
  ['Pas de projet de grossesse.', 'pregnancy'],
  ['Femmes enceintes s’abstenir.', 'pregnancy'],
  ['Pas de signes religieux.', 'religion'],
  ['Non pratiquant de préférence.', 'religion'],
  ['Non syndiqué.', 'union-politics'],
  ['Aucune activité syndicale.', 'union-politics'],
  ['Sans engagement politique.', 'union-politics'],
  ['En bonne santé.', 'health'],
  ['Pas d’arrêt maladie ces 2 dernières années.', 'health'],
  ['Aucune RQTH.', 'disability'],
  ['Personne valide.', 'disability'],
  ['Physique agréable.', 'appearance'],
  ['Sans tatouages ni piercings.', 'appearance'],
  ['1m75 minimum.', 'appearance'],
  ['Nom à consonance française.', 'surname'],
  ['Candidats habitant à Vénissieux uniquement.', 'residence'],
  ['Hors quartiers prioritaires.', 'residence'],
  ['Domiciliation bancaire en France.', 'bank-details'],
  ['Français langue maternelle, sans accent.', 'language'],
  ['Orientation sexuelle : hétérosexuel.', 'sexual-orientation'],
  ['Test génétique à l’embauche.', 'genetics'],
  ['Bénéficiaires du RSA s’abstenir.', 'economic-vulnerability'],
  ['Bonnes mœurs exigées.', 'morals'],
  ['Pas de lanceur d’alerte.', 'whistleblowing'],
];

/** Sentences real orders hold that select on nothing forbidden. */
const ALLOWED = [
  'Cariste H/F',
  'Femme de chambre (H/F)',
  'Poste ouvert aux personnes en situation de handicap.',
  'Titre de séjour valide autorisant à travailler en France exigé.',
  'Autorisation de travail en France.',
  '5 ans d’expérience minimum, dont plus de 2 ans d’expérience en entrepôt.',
  'Accompagnement des résidents, auprès de jeunes enfants.',
  'Port de charges lourdes, travail debout.',
  'Visite médicale d’embauche avec la médecine du travail.',
  'Tenue de travail fournie, chaussures de sécurité obligatoires.',
  'Entreprise en bonne santé financière.',
  'Produits d’origine animale.',
  'Moniteur de voile.',
  'Le site est accessible en tram.',
  'Rejoignez une équipe de 10 hommes et femmes.',
];

describe('checkJobOrder', () => {
  it(`flags every criterion of L1132-1 as clients write them (${FORBIDDEN.length} orders)`, () => {
    for (const [text, criterion] of FORBIDDEN) expect(flagged(text), text).toContain(criterion);
    const covered = new Set(FORBIDDEN.map(([, criterion]) => criterion));
    expect(covered.size).toBe(20);
  });

  it('flags the order of the issue, field by field, with the words as written', () => {
    const warnings = checkJobOrder({
      title: 'Cariste homme jeune sans enfants',
      description: 'Homme de moins de 30 ans, nationalité française exigée, sans enfants, non syndiqué',
    });
    const byField = (field: string) =>
      warnings.filter((warning) => warning.field === field).map((warning) => warning.criterion);
    expect(new Set(byField('title'))).toEqual(new Set(['sex', 'age', 'family']));
    expect(new Set(byField('description'))).toEqual(
      new Set(['sex', 'age', 'nationality', 'family', 'union-politics']),
    );
    expect(warnings[0]).toMatchObject({ code: 'discriminatory-criterion', field: 'title' });
    expect(warnings.find((warning) => warning.criterion === 'union-politics')!.message).toMatch(
      /non syndique.*L1132-1/,
    );
  });

  it('lets job requirements, mixed-gender titles, the right to work and inclusive wording through', () => {
    for (const text of ALLOWED)
      expect(flagged(text, text.startsWith('Femme de chambre') ? text : 'Cariste H/F'), text).toEqual([]);
    // A gendered title without "H/F" is a criterion.
    expect(flagged('', 'Femme de chambre')).toEqual(['sex']);
  });

  it('reads skills too', () => {
    const warnings = checkJobOrder({
      title: 'Cariste',
      requiredSkills: ['conduite de chariot', 'non syndiqué'],
    });
    expect(warnings.map((warning) => [warning.field, warning.criterion])).toEqual([
      ['requiredSkills.1', 'union-politics'],
    ]);
  });

  it('runs inside parseJobOrder, whatever the input says, and flags none of the fixture orders', () => {
    const order = parseJobOrder(
      'Cariste H/F\nHomme de moins de 30 ans, nationalité française exigée, sans enfants, non syndiqué.\nCACES 3, Lyon, 12,50 €/h',
      { now: '2026-11-01' },
    );
    expect(order.warnings.map((warning) => warning.criterion)).toEqual(
      expect.arrayContaining(['sex', 'age', 'nationality', 'family', 'union-politics']),
    );
    expect(parseJobOrder({ id: 'ok', title: 'Cariste', warnings: [{ bogus: true }] }).warnings).toEqual([]);
    const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'jobs');
    for (const file of readdirSync(fixtures)) {
      const text = readFileSync(join(fixtures, file), 'utf8');
      expect(parseJobOrder(text, { now: '2026-11-01' }).warnings, file).toEqual([]);
    }
  });
});
