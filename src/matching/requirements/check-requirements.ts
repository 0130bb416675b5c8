import type { CandidateProfile, JobOrder } from '../../domain/index.js';
import { distanceKm } from '../../geo/index.js';
import { type LanguageCode, message } from '../../locale/index.js';
import { certificationInfo, certificationSatisfies, licenceSatisfies } from '../../taxonomy/index.js';
import { daysBetween, toIsoDate } from '../support/calendar.js';
import { quotes, sourceQuote } from '../support/evidence.js';
import { jobPoint, profilePoint } from './geography.js';
import { languageCode, levelReaches } from './languages.js';
import { type OccupationExperience, occupationExperience, rateExperiences } from './occupation-experience.js';
import {
  defaultPenalties,
  type PolicyOption,
  policyFor,
  type RequirementKind,
  type RequirementPolicy,
} from './requirement-policy.js';

/** Distance a candidate is assumed to travel when the CV says nothing (km). */
export const DEFAULT_MAX_DISTANCE_KM = 50;
/** Distance beyond which a candidate without a vehicle is penalised (km). */
export const NO_VEHICLE_MAX_DISTANCE_KM = 30;

/** Result of checking one requirement of the order against one profile. */
export interface RequirementCheck {
  kind: RequirementKind;
  /** What was required: a certification or licence code, a date, `25 km`, a language. */
  requirement: string;
  /** `unknown` when the profile does not say (never excluded, never penalised). */
  met: 'yes' | 'no' | 'unknown';
  /** Plain words in the order's language; for a gap, names it ("CACES R489 3 manquant : formation en 3 jours"). */
  message: string;
  /** Quotes from the CV supporting the verdict. */
  evidence: string[];
  policy: RequirementPolicy;
  /** True when unmet and the policy is `exclude`. */
  excluded: boolean;
  /** Score multiplier: 1 unless unmet under `penalize`. */
  penalty: number;
  /** Figures behind the verdict, for scoring. */
  detail: { distanceKm?: number; limitKm?: number; daysLate?: number; months?: number };
}

export interface CheckRequirementsOptions {
  policy?: PolicyOption;
  /** Reference date (`YYYY-MM-DD` or Date) for "now"; default today. */
  now?: string | Date;
  /** Language of the messages; default the order's. */
  language?: LanguageCode;
  /** The profile's experience in the order's occupation when already worked out (`assessPair` does it once a pair). */
  experience?: OccupationExperience;
}

type Draft = Omit<RequirementCheck, 'policy' | 'excluded' | 'penalty'>;

/**
 * Checks the order's hard requirements against one profile: certifications valid at the start
 * date, driving licences, availability by the start date, distance from the site against the
 * candidate's mobility, languages, minimum experience in the occupation. Reads only job-related
 * fields of the profile (never name, contact details or `sensitive`).
 */
export function checkRequirements(
  job: JobOrder,
  profile: CandidateProfile,
  options: CheckRequirementsOptions = {},
): RequirementCheck[] {
  const now = toIsoDate(options.now);
  const language = options.language ?? job.language;
  const onDate = job.startDate ?? now;
  const drafts: (Draft | null)[] = [
    ...job.requiredCertifications.map((code) => checkCertification(code, profile, onDate, language)),
    ...job.requiredLicences.map((code) => checkLicence(code, profile, language)),
    checkAvailability(profile, onDate, language),
    checkDistance(job, profile, language),
    ...job.languages.map((required) => checkLanguage(required, profile, language)),
  ];
  if (job.minExperienceMonths > 0) {
    const experience = options.experience ?? occupationExperience(rateExperiences(job, profile, now), now);
    drafts.push(checkExperience(job, experience, profile, language));
  }
  return drafts
    .filter((draft): draft is Draft => draft !== null)
    .map((draft) => {
      const policy = policyFor(options.policy, draft.kind);
      const unmet = draft.met === 'no';
      return {
        ...draft,
        policy,
        excluded: unmet && policy === 'exclude',
        penalty: unmet && policy === 'penalize' ? defaultPenalties[draft.kind] : 1,
      };
    });
}

function checkCertification(
  code: string,
  profile: CandidateProfile,
  onDate: string,
  language: LanguageCode,
): Draft {
  const info = certificationInfo(code);
  // Catalogue labels may carry a long parenthetical ("… (chariots élévateurs en porte-à-faux ≤ 6 000 kg)").
  const label = (info?.label ?? code.replace(/_/g, ' ')).replace(/\s*\(.*\)\s*$/, '');
  let expired: { evidence: string; message: string } | null = null;
  for (const held of profile.certifications) {
    const check = certificationSatisfies(
      { code: held.code, validUntil: held.validUntil ?? null },
      code,
      onDate,
    );
    const quote = sourceQuote(profile, held.source, held.label);
    if (check.satisfied) {
      return {
        kind: 'certification',
        requirement: code,
        met: 'yes',
        message: message(language, 'requirement.certificationHeld', { label }),
        evidence: [quote],
        detail: {},
      };
    }
    if (check.status === 'expired' && !expired) expired = { evidence: quote, message: check.message };
  }
  const training = info?.trainingDays
    ? message(language, 'requirement.trainable', { days: info.trainingDays })
    : null;
  if (expired) {
    return {
      kind: 'certification',
      requirement: code,
      met: 'no',
      message: training
        ? message(language, 'requirement.certificationExpiredTrainable', { label, date: onDate, training })
        : message(language, 'requirement.certificationExpired', { label, date: onDate }),
      evidence: [expired.evidence],
      detail: {},
    };
  }
  return {
    kind: 'certification',
    requirement: code,
    met: 'no',
    message: training
      ? message(language, 'requirement.certificationMissingTrainable', { label, training })
      : message(language, 'requirement.certificationMissing', { label }),
    evidence: [],
    detail: {},
  };
}

function checkLicence(code: string, profile: CandidateProfile, language: LanguageCode): Draft {
  const held = profile.drivingLicences;
  const met = licenceSatisfies(held, code);
  const quote = sourceQuote(profile, profile.sources.drivingLicences, held.join(', '));
  return {
    kind: 'licence',
    requirement: code,
    met: met ? 'yes' : 'no',
    message: met
      ? message(language, 'requirement.licenceHeld', { code })
      : held.length
        ? message(language, 'requirement.licenceMissingHolds', { code, held: held.join(', ') })
        : message(language, 'requirement.licenceMissing', { code }),
    evidence: met ? quotes([quote]) : [],
    detail: {},
  };
}

function checkAvailability(profile: CandidateProfile, onDate: string, language: LanguageCode): Draft {
  const availability = profile.availability;
  const evidence = quotes([sourceQuote(profile, profile.sources.availability)]);
  if (!availability || (!availability.immediate && !availability.from)) {
    return {
      kind: 'availability',
      requirement: onDate,
      met: 'unknown',
      message: message(language, 'requirement.availabilityUnknown'),
      evidence: [],
      detail: {},
    };
  }
  const daysLate =
    availability.immediate || !availability.from ? 0 : Math.max(0, daysBetween(onDate, availability.from));
  if (daysLate === 0) {
    return {
      kind: 'availability',
      requirement: onDate,
      met: 'yes',
      message: availability.immediate
        ? message(language, 'requirement.availableNow')
        : message(language, 'requirement.availableFrom', { date: availability.from ?? '' }),
      evidence,
      detail: { daysLate: 0 },
    };
  }
  return {
    kind: 'availability',
    requirement: onDate,
    met: 'no',
    message: message(language, 'requirement.availableLate', {
      date: availability.from ?? '',
      days: daysLate,
      start: onDate,
    }),
    evidence,
    detail: { daysLate },
  };
}

function checkDistance(job: JobOrder, profile: CandidateProfile, language: LanguageCode): Draft | null {
  const site = jobPoint(job);
  if (!site) return null; // the order gives no place: nothing to check
  const home = profilePoint(profile);
  const stated = profile.mobility?.maxDistanceKm ?? null;
  const hasVehicle = profile.mobility?.hasVehicle ?? null;
  let limitKm = stated ?? DEFAULT_MAX_DISTANCE_KM;
  if (hasVehicle === false) limitKm = Math.min(limitKm, NO_VEHICLE_MAX_DISTANCE_KM);
  const requirement = `${limitKm} km`;
  if (!home) {
    return {
      kind: 'distance',
      requirement,
      met: 'unknown',
      message: message(language, 'requirement.homeUnknown'),
      evidence: [],
      detail: { limitKm },
    };
  }
  const distance = Math.round(distanceKm(site, home));
  // The home address line is not quoted (personal data, and not what the verdict rests on): the mobility line is.
  const evidence = quotes([sourceQuote(profile, profile.sources.mobility)]);
  if (distance <= limitKm) {
    return {
      kind: 'distance',
      requirement,
      met: 'yes',
      message: message(language, 'requirement.distance', { km: distance }),
      evidence,
      detail: { distanceKm: distance, limitKm },
    };
  }
  const why =
    hasVehicle === false
      ? message(language, 'requirement.noVehicle')
      : stated !== null
        ? message(language, 'requirement.statedMobility', { km: stated })
        : message(language, 'requirement.beyond', { km: limitKm });
  return {
    kind: 'distance',
    requirement,
    met: 'no',
    message: message(language, 'requirement.distanceTooFar', { km: distance, why }),
    evidence,
    detail: { distanceKm: distance, limitKm },
  };
}

function checkLanguage(
  required: JobOrder['languages'][number],
  profile: CandidateProfile,
  language: LanguageCode,
): Draft {
  const code = languageCode(required.name);
  const requirement = required.level ? `${required.name} ${required.level}` : required.name;
  const held = profile.languages.find((item) => languageCode(item.name) === code);
  if (!held) {
    if (code === profile.source.language) {
      return {
        kind: 'language',
        requirement,
        met: 'yes',
        message: message(language, 'requirement.languageOfCv', { language: required.name }),
        evidence: [],
        detail: {},
      };
    }
    return {
      kind: 'language',
      requirement,
      met: 'no',
      message: message(language, 'requirement.languageMissing', { language: required.name }),
      evidence: [],
      detail: {},
    };
  }
  const evidence = quotes([
    sourceQuote(profile, held.source, `${held.name}${held.level ? ` ${held.level}` : ''}`),
  ]);
  if (!required.level || (held.level && levelReaches(held.level, required.level))) {
    return {
      kind: 'language',
      requirement,
      met: 'yes',
      message: `${requirement}: ${held.level ?? '✓'}`,
      evidence,
      detail: {},
    };
  }
  if (!held.level) {
    return {
      kind: 'language',
      requirement,
      met: 'unknown',
      message: message(language, 'requirement.languageNoLevel', { language: required.name }),
      evidence,
      detail: {},
    };
  }
  return {
    kind: 'language',
    requirement,
    met: 'no',
    message: message(language, 'requirement.languageLevel', {
      language: required.name,
      held: held.level,
      required: required.level,
    }),
    evidence,
    detail: {},
  };
}

function checkExperience(
  job: JobOrder,
  { months, relevant }: OccupationExperience,
  profile: CandidateProfile,
  language: LanguageCode,
): Draft {
  const required = job.minExperienceMonths;
  const evidence = quotes(
    relevant.slice(0, 3).map((item) => sourceQuote(profile, item.experience.source, item.experience.title)),
  );
  const met = months >= required;
  return {
    kind: 'experience',
    requirement: message(language, 'requirement.experienceMonths', { months: required }),
    met: met ? 'yes' : 'no',
    message: met
      ? message(language, 'requirement.experience', { months })
      : message(language, 'requirement.experienceShort', { months, required }),
    evidence,
    detail: { months },
  };
}
