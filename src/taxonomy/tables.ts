import appellationsText from './data/appellations.js';
import escoSkillsText from './data/esco-skills.js';
import mobilityText from './data/mobility.js';
import occupationsText from './data/occupations.js';
import romeSkillsText from './data/rome-skills.js';
import stemsText from './data/stems.js';

/**
 * The generated tables (see scripts/build-taxonomy.ts), parsed on first use. Each data module exports JSON
 * text; `JSON.parse` of a string is several times cheaper than evaluating the same data as an object
 * literal, and tables a caller never uses (the skill labels, for occupation lookups) are never parsed.
 */
function lazy<T>(text: string): () => T {
  let value: T | undefined;
  return () => {
    value ??= JSON.parse(text) as T;
    return value;
  };
}

/** `[code, label, parentCode]`, sorted by code. */
export const occupationRows = lazy<readonly (readonly [string, string, string])[]>(occupationsText);
/** Indexed titles `[code, priority, "stem stem …"]`: ROME labels (0), main appellations (1), others (2). */
export const titleRows = lazy<readonly (readonly [string, number, string])[]>(appellationsText);
/** `[word, stem]` for every word of the indexed titles and skill labels. */
export const stemRows = lazy<readonly (readonly [string, string])[]>(stemsText);
/** `{ from: "to.order to.order ..." }`, order 1 = closest. */
export const mobilityRows = lazy<Readonly<Record<string, string>>>(mobilityText);
/** ROME v347 items `{ items: { ogr: label }, links: { code: ogr[] } }`. */
export const romeSkillRows = lazy<{
  items: Readonly<Record<string, string>>;
  links: Readonly<Record<string, readonly number[]>>;
}>(romeSkillsText);
/** ESCO skills `[uuid, preferredLabel, altLabels?]`. */
export const escoSkillRows = lazy<readonly (readonly [string, string, string[]?])[]>(escoSkillsText);
