import appellationsData from './data/appellations.json' with { type: 'json' };
import escoSkillsData from './data/esco-skills.json' with { type: 'json' };
import mobilityData from './data/mobility.json' with { type: 'json' };
import occupationsData from './data/occupations.json' with { type: 'json' };
import romeSkillsData from './data/rome-skills.json' with { type: 'json' };

/**
 * The generated tables (see scripts/build-taxonomy.ts), typed. Imported as JSON modules so that the
 * bundler inlines them: the package never reads files at run time.
 */

/** `[code, label, parentCode]`, sorted by code. */
export const occupationRows = occupationsData as unknown as readonly (readonly [string, string, string])[];
/** `[title, code, 1 if PRINCIPALE]`. */
export const appellationRows = appellationsData as unknown as readonly (readonly [string, string, number])[];
/** `{ from: "to.order to.order ..." }`, order 1 = closest. */
export const mobilityRows = mobilityData as unknown as Readonly<Record<string, string>>;
/** ROME v347 items `{ items: { ogr: label }, links: { code: ogr[] } }`. */
export const romeSkillRows = romeSkillsData as unknown as {
  items: Readonly<Record<string, string>>;
  links: Readonly<Record<string, readonly number[]>>;
};
/** ESCO skills `[uuid, preferredLabel, altLabels?]`. */
export const escoSkillRows = escoSkillsData as unknown as readonly (readonly [string, string, string[]?])[];
