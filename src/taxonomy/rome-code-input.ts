import { occupationCatalog } from './occupation-catalog.js';
import { romeV3Rows } from './tables.js';

/**
 * A ROME code given instead of a title. Job boards still carry ROME v3 codes (M1403 for a data analyst, which
 * v460 files under M1419; K2305 for a pest-control technician, K2319 in v460). The 532 ROME v3 codes are
 * exactly the 532 v460 families (`code_rome_parent`), so a v3 code maps to its v460 family, whose own code
 * keeps the same number; a v460 code that is not a family code is a v4 code.
 */
export interface RomeCodeInput {
  /** The code as read, upper-cased (`rome m1403` → `M1403`). */
  code: string;
  /** `v3`: a ROME v3 code (= a v460 family code); `v4`: a v460 code that ROME v3 did not have. */
  version: 'v3' | 'v4';
  /** The ROME v460 code it stands for (the same number). */
  romeCode: string;
  /** Its v460 family (code_rome_parent). */
  family: string;
  /** The v460 codes of that family, the family code first. */
  familyCodes: string[];
  /** The ROME v3 label of a v3 code (`Études et prospectives socio-économiques`), else null. */
  v3Label: string | null;
  /** One sentence saying how the code was read. */
  note: string;
}

const CODE = /^\s*(?:(?:code\s*)?rome\s*(?:v\s*[34](?:\.\d+)?)?\s*[:#-]?\s*)?([a-n])\s?(\d{4})\s*$/i;

/** The ROME code an input consists of (`M1403`, `m1403`, `ROME M1403`, `code ROME : K2305`), or null. */
export function readRomeCode(input: string): RomeCodeInput | null {
  const match = CODE.exec(input.slice(0, 40));
  if (!match) return null;
  const code = `${match[1]!.toUpperCase()}${match[2]}`;
  const { labels, parents, children } = occupationCatalog();
  const family = parents.get(code);
  if (!family) return null;
  const familyCodes = [family, ...(children.get(family) ?? [])];
  if (family !== code) {
    return {
      code,
      version: 'v4',
      romeCode: code,
      family,
      familyCodes,
      v3Label: null,
      note: `${code} is a ROME v4 (v460) code, in the family ${family} (${labels.get(family)}).`,
    };
  }
  const v3Label = romeV3Rows()[code] ?? null;
  const others = familyCodes.slice(1);
  return {
    code,
    version: 'v3',
    romeCode: code,
    family,
    familyCodes,
    v3Label,
    note:
      `${code} is a ROME v3 code${v3Label ? ` (${v3Label})` : ''}, mapped to the ROME v460 family ${code}` +
      (others.length > 0
        ? `, which also files ${others.length} finer code${others.length > 1 ? 's' : ''} (${others
            .slice(0, 3)
            .map((other) => `${other} ${labels.get(other)}`)
            .join(', ')}${others.length > 3 ? ', …' : ''}).`
        : '.'),
  };
}
