import type { CandidateProfile } from '../../domain/index.js';
import type { TextLanguage } from '../../text/index.js';
import { shortQuote, sourceQuote } from '../support/evidence.js';
import { cachedTerms, skillId } from '../support/memo.js';
import { identityWords } from './identity-free-text.js';

/** Where one of the order's skills was found in a profile. */
export interface SkillMatch {
  skill: string;
  /** 1 found, 0.5 partly (some of its words), 0 not found. */
  coverage: number;
  /** Quote from the CV. */
  evidence: string | null;
}

interface Passage {
  terms: Set<string>;
  quote: string;
  /** Taxonomy id when the passage is a listed skill that normalises. */
  skillId: string | null;
  /** Listed skills are stronger evidence than a phrase in a description. */
  isListedSkill: boolean;
}

/** Job-related passages of a profile, tokenised once. Built from structured fields only, never contact data. */
export interface SkillIndex {
  passages: Passage[];
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;!?])\s+|\n+|\s+[-•·]\s+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 2);
}

/** Builds the passages skills are looked up in: listed skills, headline, experience titles and descriptions, degrees. */
export function indexProfileSkills(profile: CandidateProfile, language: TextLanguage): SkillIndex {
  const passages: Passage[] = [];
  // The words of the person's name are never a skill ("Baker", or a job title misread as a name).
  const excluded = new Set(cachedTerms([...identityWords(profile)].join(' '), language));
  const add = (text: string, quote: string, skillId: string | null, isListedSkill: boolean) => {
    const set = new Set(cachedTerms(text, language).filter((term) => !excluded.has(term)));
    if (set.size > 0) passages.push({ terms: set, quote: shortQuote(quote), skillId, isListedSkill });
  };
  for (const skill of profile.skills) {
    // `normalized` may be a label or an id depending on the parser: the taxonomy id is looked up again.
    const id = skillId(skill.name) ?? (skill.normalized ? skillId(skill.normalized) : null);
    add(skill.name, sourceQuote(profile, skill.source, skill.name), id, true);
  }
  if (profile.headline) add(profile.headline, profile.headline, null, false);
  for (const experience of profile.experiences) {
    add(experience.title, experience.title, null, false);
    for (const sentence of sentences(experience.description)) add(sentence, sentence, null, false);
  }
  for (const education of profile.education)
    add(education.degree, sourceQuote(profile, education.source, education.degree), null, false);
  return { passages };
}

/**
 * Looks one required or preferred skill up in a profile: same taxonomy id as a listed skill, or
 * all its content words (stemmed) in one passage → found; at least half of them in a listed skill,
 * or two thirds in a sentence → partly found.
 */
export function findSkill(skill: string, index: SkillIndex, language: TextLanguage): SkillMatch {
  const id = skillId(skill);
  if (id) {
    const same = index.passages.find((passage) => passage.skillId === id);
    if (same) return { skill, coverage: 1, evidence: same.quote };
  }
  const wanted = [...new Set(cachedTerms(skill, language))];
  if (wanted.length === 0) return { skill, coverage: 0, evidence: null };
  let best: { coverage: number; share: number; quote: string } | null = null;
  for (const passage of index.passages) {
    let shared = 0;
    for (const term of wanted) if (passage.terms.has(term)) shared++;
    const share = shared / wanted.length;
    const threshold = passage.isListedSkill ? 0.5 : 2 / 3;
    const coverage = share >= 1 ? 1 : share >= threshold ? 0.5 : 0;
    if (
      coverage > 0 &&
      (!best || coverage > best.coverage || (coverage === best.coverage && share > best.share))
    ) {
      best = { coverage, share, quote: passage.quote };
    }
  }
  return best
    ? { skill, coverage: best.coverage, evidence: best.quote }
    : { skill, coverage: 0, evidence: null };
}
