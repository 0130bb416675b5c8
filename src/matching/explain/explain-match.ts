import type { CriterionScore, JobOrder, MatchResult } from '../../domain/index.js';
import { type LanguageCode, type MessageKey, type MessageValues, message } from '../../locale/index.js';
import { criterionLabel } from '../fuse/fuse-scores.js';

export interface ExplainOptions {
  /** `recruiter`: scores, weights and evidence; `candidate`: what was considered and how to ask a human. */
  audience: 'recruiter' | 'candidate';
  language: LanguageCode;
  /** The order, to name it in the text. */
  job?: Pick<JobOrder, 'title'>;
}

const MARK = { yes: '✓', partial: '~', no: '✗' } as const;

function percent(weight: number, language: LanguageCode): string {
  return message(language, 'explain.percent', { value: Math.round(weight * 100) });
}

function quotes(evidence: string[], language: LanguageCode, max = 2): string {
  const shown = evidence.slice(0, max).map((quote) => message(language, 'explain.quote', { quote }));
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

const SECTIONS: [CriterionScore['met'], MessageKey][] = [
  ['yes', 'explain.recruiter.met'],
  ['partial', 'explain.recruiter.partlyMet'],
  ['no', 'explain.recruiter.notMet'],
];

function explainToRecruiter(result: MatchResult, { language, job }: ExplainOptions): string {
  const say = (key: MessageKey, values?: MessageValues) => message(language, key, values);
  const lines: string[] = [];
  const title = job ? say('explain.recruiter.jobTitle', { title: job.title }) : '';
  lines.push(
    say('explain.recruiter.headline', {
      id: result.candidateId,
      title,
      rank: result.rank,
      score: result.score,
    }),
  );
  const weighted = result.breakdown.filter((entry) => entry.weight > 0);
  for (const [met, heading] of SECTIONS) {
    const entries = weighted.filter((entry) => entry.met === met);
    if (entries.length === 0) continue;
    lines.push(say(heading));
    for (const entry of entries) {
      const criterion = say('explain.recruiter.criterion', {
        label: criterionLabel(entry.criterion, language),
        source: entry.source === 'rule' ? '' : ` [${entry.source}]`,
        score: entry.score,
        weight: percent(entry.weight, language),
        quotes: quotes(entry.evidence, language),
      });
      lines.push(`  ${MARK[met]} ${criterion}`);
    }
  }
  const llmCriteria = result.breakdown.filter((entry) => entry.weight === 0 && entry.source === 'llm');
  if (llmCriteria.length) {
    lines.push(say('explain.recruiter.llmDetails'));
    for (const entry of llmCriteria) {
      lines.push(
        `  ${MARK[entry.met]} ${criterionLabel(entry.criterion, language)}${quotes(entry.evidence, language)}`,
      );
    }
  }
  if (result.unmetRequirements.length) {
    lines.push(say('explain.recruiter.unmet'));
    for (const item of result.unmetRequirements) lines.push(`  - ${item.message}`);
  }
  if (result.warnings.length) {
    lines.push(say('explain.recruiter.warnings'));
    for (const warning of result.warnings) lines.push(`  ! ${warning.code}: ${warning.message}`);
  }
  lines.push(aiRole(result, language));
  return lines.join('\n');
}

function aiRole(result: MatchResult, language: LanguageCode): string {
  const methods = [message(language, 'explain.ai.rules')];
  if (usesSource(result, 'embedding')) methods.push(message(language, 'explain.ai.embedding'));
  if (usesSource(result, 'llm')) methods.push(message(language, 'explain.ai.llm'));
  return message(language, 'explain.ai.role', { methods: methods.join(', ') });
}

function explainToCandidate(result: MatchResult, { language, job }: ExplainOptions): string {
  const say = (key: MessageKey, values?: MessageValues) => message(language, key, values);
  const lines: string[] = [];
  const offer = job ? say('explain.candidate.jobTitled', { title: job.title }) : say('explain.candidate.job');
  const considered = result.breakdown
    .filter((entry) => entry.weight > 0)
    .map((entry) => criterionLabel(entry.criterion, language));
  lines.push(say('explain.candidate.compared', { job: offer, criteria: considered.join(', ') }));
  const met = result.breakdown.filter((entry) => entry.weight > 0 && entry.met === 'yes');
  const notMet = result.breakdown.filter((entry) => entry.weight > 0 && entry.met !== 'yes');
  if (met.length) {
    lines.push(say('explain.candidate.matches'));
    for (const entry of met)
      lines.push(`  ✓ ${criterionLabel(entry.criterion, language)}${quotes(entry.evidence, language, 1)}`);
  }
  if (notMet.length || result.unmetRequirements.length) {
    lines.push(say('explain.candidate.missing'));
    for (const entry of notMet)
      lines.push(`  ${MARK[entry.met]} ${criterionLabel(entry.criterion, language)}`);
    for (const item of result.unmetRequirements) lines.push(`  - ${item.message}`);
  }
  lines.push(say('explain.candidate.recommendation'));
  lines.push(say('explain.candidate.review'));
  return lines.join('\n');
}
