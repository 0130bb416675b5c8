import type { CandidateProfile, JobOrder } from '../../domain/index.js';
import { message } from '../../locale/index.js';
import { buildCandidatePrompt } from '../../matching/rerank/prompt.js';
import type { RerankAnswer } from '../../matching/rerank/types.js';
import type { DecisionClass } from './decision-class.js';
import type { FineTuningExample } from './fine-tuning-format.js';
import { ruleCriteria } from './rule-criteria.js';

/**
 * One training example from one recruiter decision: the messages the reranker sends for this job order and
 * this candidate alone (`buildCandidatePrompt`: pseudonymised, alias `c1`), and the answer in the
 * reranker's structured output shape (`rerankAnswerSchema`): the class's score, the prompt's criteria rated by
 * the rules with quotes from the text sent, and a two-sentence summary that states the decision.
 */
export function rerankExample(
  job: JobOrder,
  profile: CandidateProfile,
  decision: { class: DecisionClass; score: number; now: string },
): FineTuningExample {
  const language = job.language;
  const { entries, messages } = buildCandidatePrompt(job, [profile], { language });
  const entry = entries[0] as (typeof entries)[number];
  const criteria = ruleCriteria(job, profile, { language, now: decision.now, promptText: entry.text });
  const met = criteria.filter((criterion) => criterion.met === 'yes').length;
  const summary = [
    message(language, 'finetune.summary.criteria', { met, total: criteria.length }),
    message(language, `finetune.summary.${decision.class}`),
  ].join(' ');
  const answer: RerankAnswer = {
    candidates: [{ id: entry.alias, score: decision.score, criteria, summary }],
  };
  return {
    messages: [
      ...messages.map((chat) => ({ role: chat.role as 'system' | 'user', content: chat.content })),
      { role: 'assistant', content: JSON.stringify(answer) },
    ],
  };
}
