import type { CriterionScore, JobOrder, MatchResult } from '../../domain/index.js';
import { criterionLabel } from '../fuse/fuse-scores.js';

export interface ExplainOptions {
  /** `recruiter`: scores, weights and evidence; `candidate`: what was considered and how to ask a human. */
  audience: 'recruiter' | 'candidate';
  language: 'fr' | 'en';
  /** The order, to name it in the text. */
  job?: Pick<JobOrder, 'title'>;
}

const MARK = { yes: '✓', partial: '~', no: '✗' } as const;

function percent(weight: number, language: 'fr' | 'en'): string {
  return `${Math.round(weight * 100)}${language === 'fr' ? '\u00a0%' : '%'}`;
}

function quotes(evidence: string[], language: 'fr' | 'en', max = 2): string {
  const shown = evidence.slice(0, max).map((quote) => (language === 'fr' ? `« ${quote} »` : `"${quote}"`));
  return shown.length ? ` — ${shown.join(', ')}` : '';
}

function usesSource(result: MatchResult, source: CriterionScore['source']): boolean {
  return result.breakdown.some((entry) => entry.source === source && entry.weight > 0);
}

/**
 * Plain-language explanation of one match. For recruiters: criteria met and unmet with their
 * weights and CV quotes, unmet requirements, warnings, and the role of the AI. For candidates:
 * what was considered, what matched or was missing, that a human decides, and how to ask for a
 * review. Deterministic; no score is invented: everything comes from `result`.
 */
export function explainMatch(result: MatchResult, options: ExplainOptions): string {
  return options.audience === 'recruiter'
    ? explainToRecruiter(result, options)
    : explainToCandidate(result, options);
}

function explainToRecruiter(result: MatchResult, { language, job }: ExplainOptions): string {
  const fr = language === 'fr';
  const lines: string[] = [];
  const title = job ? (fr ? ` pour « ${job.title} »` : ` for "${job.title}"`) : '';
  lines.push(
    fr
      ? `Candidat ${result.candidateId}${title} : rang ${result.rank}, score ${result.score}/100.`
      : `Candidate ${result.candidateId}${title}: rank ${result.rank}, score ${result.score}/100.`,
  );
  const weighted = result.breakdown.filter((entry) => entry.weight > 0);
  const group = (met: CriterionScore['met']) => weighted.filter((entry) => entry.met === met);
  const sections: [CriterionScore['met'], string, string][] = [
    ['yes', 'Critères remplis :', 'Criteria met:'],
    ['partial', 'Critères partiellement remplis :', 'Criteria partly met:'],
    ['no', 'Critères non remplis :', 'Criteria not met:'],
  ];
  for (const [met, headingFr, headingEn] of sections) {
    const entries = group(met);
    if (entries.length === 0) continue;
    lines.push(fr ? headingFr : headingEn);
    for (const entry of entries) {
      const source = entry.source === 'rule' ? '' : ` [${entry.source}]`;
      const separator = fr ? ' : ' : ': ';
      const weight = `${fr ? 'poids' : 'weight'} ${percent(entry.weight, language)}`;
      lines.push(
        `  ${MARK[met]} ${criterionLabel(entry.criterion, language)}${source}${separator}${entry.score}/100, ${weight}${quotes(entry.evidence, language)}`,
      );
    }
  }
  const llmCriteria = result.breakdown.filter((entry) => entry.weight === 0 && entry.source === 'llm');
  if (llmCriteria.length) {
    lines.push(fr ? 'Détail de l’avis du LLM :' : 'LLM assessment details:');
    for (const entry of llmCriteria) {
      lines.push(
        `  ${MARK[entry.met]} ${criterionLabel(entry.criterion, language)}${quotes(entry.evidence, language)}`,
      );
    }
  }
  if (result.unmetRequirements.length) {
    lines.push(fr ? 'Exigences non remplies (écart à combler) :' : 'Unmet requirements (gap to close):');
    for (const item of result.unmetRequirements) lines.push(`  - ${item.message}`);
  }
  if (result.warnings.length) {
    lines.push(fr ? 'Avertissements :' : 'Warnings:');
    for (const warning of result.warnings) lines.push(`  ! ${warning.code}: ${warning.message}`);
  }
  lines.push(aiRole(result, language));
  return lines.join('\n');
}

function aiRole(result: MatchResult, language: 'fr' | 'en'): string {
  const fr = language === 'fr';
  const methods = [fr ? 'règles explicites sur le CV' : 'explicit rules on the CV'];
  if (usesSource(result, 'embedding'))
    methods.push(fr ? 'similarité sémantique (embeddings)' : 'semantic similarity (embeddings)');
  if (usesSource(result, 'llm'))
    methods.push(
      fr ? 'évaluation par un modèle de langage (LLM)' : 'an assessment by a language model (LLM)',
    );
  return fr
    ? `Rôle de l'IA : score calculé automatiquement (${methods.join(', ')}). C'est une recommandation à valider par un recruteur ; aucune décision automatique.`
    : `Role of the AI: score computed automatically (${methods.join(', ')}). It is a recommendation for a recruiter to check; no automated decision.`;
}

function explainToCandidate(result: MatchResult, { language, job }: ExplainOptions): string {
  const fr = language === 'fr';
  const lines: string[] = [];
  const offer = job
    ? fr
      ? `l'offre « ${job.title} »`
      : `the job "${job.title}"`
    : fr
      ? "l'offre"
      : 'the job';
  const considered = result.breakdown
    .filter((entry) => entry.weight > 0)
    .map((entry) => criterionLabel(entry.criterion, language));
  lines.push(
    fr
      ? `Pour ${offer}, votre CV a été comparé aux critères du poste : ${considered.join(', ')}.`
      : `For ${offer}, your CV was compared with the job's criteria: ${considered.join(', ')}.`,
  );
  const met = result.breakdown.filter((entry) => entry.weight > 0 && entry.met === 'yes');
  const notMet = result.breakdown.filter((entry) => entry.weight > 0 && entry.met !== 'yes');
  if (met.length) {
    lines.push(fr ? 'Ce qui correspond au poste :' : 'What matches the job:');
    for (const entry of met)
      lines.push(`  ✓ ${criterionLabel(entry.criterion, language)}${quotes(entry.evidence, language, 1)}`);
  }
  if (notMet.length || result.unmetRequirements.length) {
    lines.push(
      fr
        ? 'Ce qui manque ou n’a pas été trouvé dans votre CV :'
        : 'What is missing or was not found in your CV:',
    );
    for (const entry of notMet)
      lines.push(`  ${MARK[entry.met]} ${criterionLabel(entry.criterion, language)}`);
    for (const item of result.unmetRequirements) lines.push(`  - ${item.message}`);
  }
  lines.push(
    fr
      ? "Ce résultat est une recommandation produite par un outil automatique (IA) : aucune décision n'est prise automatiquement, un recruteur examine chaque candidature. Votre nom, vos coordonnées, votre âge, votre nationalité ou votre situation familiale ne sont pas utilisés."
      : 'This result is a recommendation made by an automated tool (AI): no decision is taken automatically, a recruiter reviews every application. Your name, contact details, age, nationality and family situation are not used.',
  );
  lines.push(
    fr
      ? "Si une information est inexacte ou manquante, ou pour contester ce résultat, demandez à parler à un recruteur de l'agence : il réexaminera votre candidature avec vous."
      : 'If something is wrong or missing, or to contest this result, ask to speak with a recruiter at the agency, who will review your application with you.',
  );
  return lines.join('\n');
}
