import type { CandidateProfile, JobOrder, MatchResult } from '../domain/index.js';
import { ValidationError } from '../errors.js';
import { message } from '../locale/index.js';
import { foldAccents } from '../text/normalize.js';
import {
  type CounterfactualKind,
  mapProfileStrings,
  swapAddress,
  swapAge,
  swapGender,
  swapPhoto,
} from './counterfactual-swaps.js';
import { literalPattern } from './redact-text.js';

/** A made-up identity used to test that names, origins and genders change nothing. */
export interface SyntheticIdentity {
  firstName: string;
  lastName: string;
  gender: 'female' | 'male' | 'neutral';
  /** Where the name is common, to read results by group (a label, not a claim about anyone). */
  origin: string;
}

/** Synthetic names of varied origins and genders (16). */
export const FAIRNESS_IDENTITIES: readonly SyntheticIdentity[] = [
  { firstName: 'Marie', lastName: 'Dubois', gender: 'female', origin: 'france' },
  { firstName: 'Kévin', lastName: 'Lefebvre', gender: 'male', origin: 'france' },
  { firstName: 'Aïcha', lastName: 'Benali', gender: 'female', origin: 'maghreb' },
  { firstName: 'Mohamed', lastName: 'Haddad', gender: 'male', origin: 'maghreb' },
  { firstName: 'Fatou', lastName: 'Diop', gender: 'female', origin: 'west-africa' },
  { firstName: 'Mamadou', lastName: 'Traoré', gender: 'male', origin: 'west-africa' },
  { firstName: 'Lan', lastName: 'Nguyen', gender: 'female', origin: 'east-asia' },
  { firstName: 'Wei', lastName: 'Zhang', gender: 'male', origin: 'east-asia' },
  { firstName: 'Svetlana', lastName: 'Ivanova', gender: 'female', origin: 'eastern-europe' },
  { firstName: 'Piotr', lastName: 'Nowak', gender: 'male', origin: 'eastern-europe' },
  { firstName: 'Ana', lastName: 'Pereira', gender: 'female', origin: 'southern-europe' },
  { firstName: 'Rahul', lastName: 'Sharma', gender: 'male', origin: 'south-asia' },
  { firstName: 'Camille', lastName: 'Laurent', gender: 'neutral', origin: 'france' },
  { firstName: 'Sacha', lastName: 'Roussel', gender: 'neutral', origin: 'france' },
  { firstName: 'Dominique', lastName: "N'Diaye", gender: 'neutral', origin: 'west-africa' },
  { firstName: 'Yasmine', lastName: 'El Amrani', gender: 'female', origin: 'maghreb' },
];

const CIVILITY_LONG = /(?<![\p{L}])(?:Monsieur|Madame|Mademoiselle)(?![\p{L}])/gu;
const CIVILITY_SHORT = /(?<![\p{L}\p{N}$€£.])(?:Mme|Mlle|M\.)(?=\s)/gu;

function slug(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function keepCase(match: string, replacement: string): string {
  if (match.length > 1 && match === match.toUpperCase() && match !== match.toLowerCase()) {
    return replacement.toUpperCase();
  }
  return replacement;
}

/**
 * The same profile under another identity: name, email local part, name parts in every text (any case or
 * accents), and civility (Monsieur/Madame, M./Mme; removed for a neutral identity). The profile id is kept
 * so results can be compared. Source offsets are not shifted (texts may change length).
 */
export function swapIdentity(profile: CandidateProfile, identity: SyntheticIdentity): CandidateProfile {
  const newName = `${identity.firstName} ${identity.lastName}`;
  const replacements: [RegExp, string][] = [];
  const domain = profile.email?.split('@')[1] ?? 'example.org';
  const newEmail = `${slug(identity.firstName)}.${slug(identity.lastName)}@${domain}`;
  if (profile.email) replacements.push([new RegExp(literalPattern(profile.email), 'giu'), newEmail]);
  const localPart = profile.email?.split('@')[0];
  if (localPart && localPart.length >= 3) {
    replacements.push([new RegExp(literalPattern(localPart), 'giu'), newEmail.split('@')[0]!]);
  }
  // Name parts, then the pieces of the email local part ("emilie.zarkowski" also shows in URLs).
  const localTokens = (localPart ?? '').split(/[._\-+]+/).filter((token) => /^\p{L}{3,}$/u.test(token));
  if (profile.name || localTokens.length > 0) {
    const nameParts = (profile.name ?? '').split(/\s+/).filter((part) => part.length >= 2);
    const known = new Set(nameParts.map((part) => slug(part)));
    const parts = [...nameParts, ...localTokens.filter((token) => !known.has(slug(token)))];
    if (profile.name) replacements.push([new RegExp(literalPattern(profile.name), 'giu'), newName]);
    parts.forEach((part, index) => {
      const target = index === 0 ? identity.firstName : identity.lastName;
      replacements.push([
        new RegExp(`(?<![\\p{L}\\p{N}])${literalPattern(part)}(?![\\p{L}\\p{N}])`, 'giu'),
        target,
      ]);
    });
  }
  // French civilities, as the CVs write them (see CIVILITY_LONG); empty for a neutral identity.
  const civilityLong = message('fr', 'fairness.civility', { gender: identity.gender });
  const civilityShort = message('fr', 'fairness.civilityShort', { gender: identity.gender });
  const swapText = (text: string): string => {
    let result = text;
    for (const [pattern, replacement] of replacements) {
      result = result.replace(pattern, (match) => keepCase(match, replacement));
    }
    result = result.replace(CIVILITY_LONG, (match) => keepCase(match, civilityLong));
    result = result.replace(CIVILITY_SHORT, civilityShort);
    return civilityLong === '' ? result.replace(/^[ \t]+/gm, '') : result;
  };
  const swapped = mapProfileStrings(profile, swapText);
  // A profile with no name read keeps none (its text has no name to swap).
  return { ...swapped, name: profile.name ? newName : null, email: profile.email ? newEmail : null };
}

/** One candidate under one substituted identity. */
export interface FairnessDetail {
  candidateId: string;
  /** What the variant changed: the name (`identity`), gender agreements, age or street address. */
  swap: CounterfactualKind;
  /** The substituted identity, e.g. `Fatou Diop`. */
  identity: string;
  gender: SyntheticIdentity['gender'];
  origin: string;
  baselineScore: number;
  /** Null when the candidate disappeared from the variant's results. */
  variantScore: number | null;
  scoreDelta: number | null;
  baselineRank: number;
  variantRank: number | null;
}

export interface FairnessReport {
  /** True when no score moved by more than `tolerance`, no rank changed and nobody disappeared. */
  passed: boolean;
  maxScoreDelta: number;
  /** Candidate × variant pairs whose rank changed. */
  rankChanges: number;
  /** Candidate × variant pairs missing from the variant's results. */
  missing: number;
  /** Mean signed score delta of the identity swaps per gender and per origin label (0 everywhere for a fair ranker). */
  meanDeltaByGroup: { gender: Record<string, number>; origin: Record<string, number> };
  /** Largest absolute score delta per kind of swap run. */
  maxDeltaBySwap: Partial<Record<CounterfactualKind, number>>;
  /** How many times `rank` was called (1 baseline + one per variant round). */
  rankCalls: number;
  details: FairnessDetail[];
}

export interface AuditFairnessInput {
  job: JobOrder;
  profiles: CandidateProfile[];
  /** The ranking to audit, e.g. `rankCandidates` with its options bound. */
  rank: (job: JobOrder, profiles: CandidateProfile[]) => Promise<MatchResult[]>;
  /** Identities each profile is tried under (default 6; at most the number of identities). */
  variants?: number;
  /** Identities to use (default `FAIRNESS_IDENTITIES`). */
  identities?: readonly SyntheticIdentity[];
  /** Largest accepted score change (default 0: identical). */
  tolerance?: number;
  /**
   * What the variants change (default `['identity']`): `identity` runs `variants` rounds of name, email and
   * civility swaps; `gender` one round with every gendered word flipped (serveur ↔ serveuse, né ↔ née,
   * H/F ↔ F/H, he ↔ she); `age` one round 9 years older; `address` one round at another street address
   * in the same town; `photo` one round with a photo mentioned at the top of the CV text.
   */
  swaps?: readonly CounterfactualKind[];
}

const SWAPS: Record<
  Exclude<CounterfactualKind, 'identity'>,
  (profile: CandidateProfile) => CandidateProfile
> = { gender: swapGender, age: (profile) => swapAge(profile), address: swapAddress, photo: swapPhoto };

/**
 * Checks that who a candidate seems to be changes nothing: ranks the pool once as given, then `variants`
 * more times with every profile's name, email and civility swapped for synthetic identities of varied
 * origins and genders (profile i gets identity (i + round) mod n, so each round mixes groups), and compares
 * each candidate's score and rank with the baseline.
 */
export async function auditFairness(input: AuditFairnessInput): Promise<FairnessReport> {
  const identities = input.identities ?? FAIRNESS_IDENTITIES;
  const variants = input.variants ?? 6;
  if (!Number.isInteger(variants) || variants < 1 || variants > identities.length) {
    throw new ValidationError(`variants must be an integer from 1 to ${identities.length}`, {
      issues: [{ path: ['variants'], message: `got ${variants}` }],
    });
  }
  const tolerance = input.tolerance ?? 0;
  const baseline = new Map(
    (await input.rank(input.job, input.profiles)).map((result) => [result.candidateId, result]),
  );
  const details: FairnessDetail[] = [];
  const rounds: {
    swap: CounterfactualKind;
    profiles: CandidateProfile[];
    identities: SyntheticIdentity[] | null;
  }[] = [];
  for (const swap of input.swaps ?? ['identity']) {
    if (swap !== 'identity') {
      rounds.push({ swap, profiles: input.profiles.map(SWAPS[swap]), identities: null });
      continue;
    }
    for (let round = 0; round < variants; round++) {
      const assigned = input.profiles.map((_, index) => identities[(index + round) % identities.length]!);
      rounds.push({
        swap,
        profiles: input.profiles.map((profile, index) => swapIdentity(profile, assigned[index]!)),
        identities: assigned,
      });
    }
  }
  for (const round of rounds) {
    const results = new Map(
      (await input.rank(input.job, round.profiles)).map((result) => [result.candidateId, result]),
    );
    input.profiles.forEach((profile, index) => {
      const before = baseline.get(profile.id);
      if (!before) return; // not ranked in the baseline either (excluded): nothing to compare
      const after = results.get(profile.id);
      const identity = round.identities?.[index];
      details.push({
        candidateId: profile.id,
        swap: round.swap,
        identity: identity ? `${identity.firstName} ${identity.lastName}` : round.swap,
        gender: identity?.gender ?? 'neutral',
        origin: identity?.origin ?? round.swap,
        baselineScore: before.score,
        variantScore: after?.score ?? null,
        scoreDelta: after ? after.score - before.score : null,
        baselineRank: before.rank,
        variantRank: after?.rank ?? null,
      });
    });
  }
  const deltas = details
    .map((detail) => detail.scoreDelta)
    .filter((delta): delta is number => delta !== null);
  const maxScoreDelta = deltas.reduce((max, delta) => Math.max(max, Math.abs(delta)), 0);
  const rankChanges = details.filter(
    (detail) => detail.variantRank !== null && detail.variantRank !== detail.baselineRank,
  ).length;
  const missing = details.filter((detail) => detail.variantScore === null).length;
  const meanBy = (key: 'gender' | 'origin') => {
    const sums = new Map<string, { sum: number; count: number }>();
    for (const detail of details) {
      if (detail.scoreDelta === null || detail.swap !== 'identity') continue;
      const entry = sums.get(detail[key]) ?? { sum: 0, count: 0 };
      entry.sum += detail.scoreDelta;
      entry.count++;
      sums.set(detail[key], entry);
    }
    return Object.fromEntries(
      [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, { sum, count }]) => [group, sum / count]),
    );
  };
  return {
    passed: maxScoreDelta <= tolerance && rankChanges === 0 && missing === 0,
    maxScoreDelta,
    rankChanges,
    missing,
    meanDeltaByGroup: { gender: meanBy('gender'), origin: meanBy('origin') },
    maxDeltaBySwap: Object.fromEntries(
      [...new Set(rounds.map((round) => round.swap))].map((swap) => [
        swap,
        details
          .filter((detail) => detail.swap === swap && detail.scoreDelta !== null)
          .reduce((max, detail) => Math.max(max, Math.abs(detail.scoreDelta as number)), 0),
      ]),
    ),
    rankCalls: rounds.length + 1,
    details,
  };
}
