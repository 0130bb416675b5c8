import { normalizeKey } from '../text/normalize.js';

/**
 * Lookup key of a commune name, shared by the table build and the runtime lookup: accent/case folded,
 * punctuation (hyphens, apostrophes) as spaces, `St`/`Ste` expanded to `saint`/`sainte`.
 * `Saint-Étienne` → `saint etienne`, `St Priest` → `saint priest`.
 */
export function communeKey(name: string): string {
  // Plain ASCII names (most of them) skip Unicode normalisation; the result is the same as normalizeKey's.
  const folded = /^[\x20-\x7e]*$/.test(name)
    ? name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : normalizeKey(name);
  return folded.replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');
}

const ARRONDISSEMENT =
  /^(paris|lyon|marseille) 0?(\d{1,2}) ?(?:er|e|eme|ieme|em|ie|ieme)?(?: arr(?:ondissement)?)?\b/;

/**
 * Key of a municipal arrondissement of Paris, Lyon or Marseille, or null:
 * `Lyon 3e Arrondissement`, `Lyon 03`, `Lyon 3ème`, `Paris 15 Vaugirard` → `lyon 3` / `paris 15`.
 */
export function arrondissementKey(name: string): string | null {
  const match = ARRONDISSEMENT.exec(communeKey(name));
  if (!match) return null;
  const number = Number(match[2]);
  return number >= 1 && number <= 20 ? `${match[1]} ${number}` : null;
}

/** Département code of an INSEE commune code: `69123` → `69`, `2A004` → `2A`, `97411` → `974`. */
export function departementOfInsee(insee: string): string {
  return insee.startsWith('97') || insee.startsWith('98') ? insee.slice(0, 3) : insee.slice(0, 2);
}

/**
 * Départements a postal code can belong to: `69003` → [`69`], `20000` → [`2A`, `2B`], `97400` → [`974`].
 * A postal code's first digits are the département for almost every commune (a few border communes excepted).
 */
export function departementsOfPostalCode(postalCode: string): string[] {
  if (postalCode.startsWith('20')) return ['2A', '2B'];
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return [postalCode.slice(0, 3)];
  return [postalCode.slice(0, 2)];
}
