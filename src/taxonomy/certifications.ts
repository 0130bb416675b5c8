import { CACES_RECOMMENDATIONS, cacesEntries, LEGACY_CACES } from './catalogue/caces.js';
import { electricalEntries, OTHER_CERTIFICATIONS } from './catalogue/certifications.js';
import type { CertificationEntry, CertificationFamily } from './catalogue/types.js';

export type { CertificationFamily } from './catalogue/types.js';

/** A certification of the curated catalogue, by canonical code (`CACES_R489_3`, `HAB_ELEC_B1V`, `SST`). */
export interface CertificationInfo {
  code: string;
  label: string;
  family: CertificationFamily;
  /** Years before renewal is due; null when it does not expire. */
  validityYears: number | null;
  /** Typical initial training for a novice, in days; null when it is not a short course (diplomas). */
  trainingDays: number | null;
}

interface Catalogue {
  entries: CertificationEntry[];
  byCode: Map<string, CertificationInfo>;
  /** Old codes (`CACES_R389_5`) → current code. */
  legacy: Map<string, string>;
}

let catalogue: Catalogue | undefined;

/** The whole curated catalogue (CACES, habilitations électriques, others), built once. */
export function certificationCatalogue(): Catalogue {
  if (catalogue) return catalogue;
  const entries = [...cacesEntries(), ...electricalEntries(), ...OTHER_CERTIFICATIONS];
  const byCode = new Map<string, CertificationInfo>();
  for (const { code, label, family, validityYears, trainingDays } of entries) {
    if (byCode.has(code)) throw new Error(`duplicate certification code ${code}`);
    byCode.set(code, { code, label, family, validityYears, trainingDays });
  }
  const legacy = new Map<string, string>();
  for (const [recommendation, categories] of Object.entries(LEGACY_CACES)) {
    for (const [category, current] of Object.entries(categories)) {
      legacy.set(`CACES_${recommendation}${category ? `_${category}` : ''}`, current);
    }
  }
  catalogue = { entries, byCode, legacy };
  return catalogue;
}

/** Canonical code for a code-like string (`caces_r389_5` → `CACES_R489_5`), or null. */
export function canonicalCertificationCode(code: string): string | null {
  const { byCode, legacy } = certificationCatalogue();
  const upper = code
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (byCode.has(upper)) return upper;
  return legacy.get(upper) ?? null;
}

/** Catalogue entry for a canonical code; old CACES codes resolve to their current equivalent. Null if unknown. */
export function certificationInfo(code: string): CertificationInfo | null {
  const canonical = canonicalCertificationCode(code);
  return canonical ? { ...certificationCatalogue().byCode.get(canonical)! } : null;
}

/** The CACES recommendation a code belongs to (`CACES_R489_3` → `R489`), for explanations. */
export function cacesRecommendation(code: string): string | null {
  const match = /^CACES_(R\d{3})/.exec(code);
  return match && CACES_RECOMMENDATIONS.some((item) => item.recommendation === match[1]) ? match[1]! : null;
}
