import { communeIndex } from '../../geo/commune-table.js';
import {
  findCertifications,
  findLicences,
  findSkills,
  normalizeOccupation,
  normalizeSkill,
} from '../../taxonomy/index.js';
import { loadOccupationIndexes } from '../../taxonomy/occupation-search.js';
import { loadSkillTables } from '../../taxonomy/skills.js';
import type { TaxonomyLookups } from './fields/skills.js';

/** The taxonomy module's lookups, as field extraction uses them. */
export const defaultTaxonomy: TaxonomyLookups = {
  findCertifications,
  findLicences,
  findSkills,
  normalizeSkill,
  normalizeOccupation,
};

/**
 * Loads the tables building a profile needs (skills, occupation titles, communes), which every CV uses: done
 * on a cold start while the extraction process boots, so the two overlap (see `parseCv`).
 */
export function loadProfileTables(): void {
  loadSkillTables();
  loadOccupationIndexes();
  communeIndex();
}
