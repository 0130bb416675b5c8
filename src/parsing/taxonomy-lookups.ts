import { findCertifications } from '../taxonomy/certification-mentions.js';
import { findLicences } from '../taxonomy/licences.js';
import { normalizeOccupation } from '../taxonomy/occupations.js';
import { findSkills, normalizeSkill } from '../taxonomy/skills.js';
import type { TaxonomyLookups } from './fields/skills.js';

/** The taxonomy module's lookups, as field extraction uses them. */
export const defaultTaxonomy: TaxonomyLookups = {
  findCertifications,
  findLicences,
  findSkills,
  normalizeSkill,
  normalizeOccupation,
};
