import {
  findCertifications,
  findLicences,
  findSkills,
  normalizeOccupation,
  normalizeSkill,
} from '../../taxonomy/index.js';
import type { TaxonomyLookups } from './fields/skills.js';

/** The taxonomy module's lookups, as field extraction uses them. */
export const defaultTaxonomy: TaxonomyLookups = {
  findCertifications,
  findLicences,
  findSkills,
  normalizeSkill,
  normalizeOccupation,
};
