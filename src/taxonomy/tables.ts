import appellationsData from './data/appellations.json' with { type: 'json' };
import escoSkillsData from './data/esco-skills.json' with { type: 'json' };
import mobilityData from './data/mobility.json' with { type: 'json' };
import occupationsData from './data/occupations.json' with { type: 'json' };
import romeSkillsData from './data/rome-skills.json' with { type: 'json' };
import stemsData from './data/stems.json' with { type: 'json' };

/**
 * The generated tables (see scripts/build-taxonomy.ts), typed. Imported as JSON modules so that the
 * bundler inlines them: the package never reads files at run time.
 */

/** `[code, label, parentCode]`, sorted by code. */
export const occupationRows = occupationsData as unknown as readonly (readonly [string, string, string])[];
/** Indexed titles `[code, priority, "stem stem …"]`: ROME labels (0), main appellations (1), others (2). */
export const titleRows = appellationsData as unknown as readonly (readonly [string, number, string])[];
/** `[word, stem]` for every word of the indexed titles and skill labels. */
export const stemRows = stemsData as unknown as readonly (readonly [string, string])[];
/** `{ from: "to.order to.order ..." }`, order 1 = closest. */
export const mobilityRows = mobilityData as unknown as Readonly<Record<string, string>>;
/** ROME v347 items `{ items: { ogr: label }, links: { code: ogr[] } }`. */
export const romeSkillRows = romeSkillsData as unknown as {
  items: Readonly<Record<string, string>>;
  links: Readonly<Record<string, readonly number[]>>;
};
/** ESCO skills `[uuid, preferredLabel, altLabels?]`. */
export const escoSkillRows = escoSkillsData as unknown as readonly (readonly [string, string, string[]?])[];
