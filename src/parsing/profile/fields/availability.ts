import type { Availability, Mobility } from '../../../domain/index.js';
import { foldForMatch, spanIn } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';
import { parseFrenchDate } from './dates.js';
import type { Found } from './found.js';

const IMMEDIATE =
  /\b(?:disponible|dispo)\s+(?:immediatement|de suite|tout de suite|des maintenant|rapidement)\b|\b(?:available\s+(?:immediately|now|at once)|immediately available|immediate availability)\b/;
const FROM =
  /\b(?:disponible|dispo|disponibilite|available|availability)\b[^.\n]{0,20}?\b(?:a partir du|a partir de|a compter du|des le|des|from|as of|starting|le)\s+(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?/;
const WITHIN =
  /\b(?:disponible|dispo|available)\s+(?:sous|dans|d'ici|within|in)\s+(\d{1,2})\s*(jours?|semaines?|mois|days?|weeks?|months?)\b/;
const FROM_MONTH =
  /\b(?:disponible|dispo|available)\b[^.\n]{0,20}?\b(?:a partir de|a partir d'|a partir d’|des|from|in)\s+([a-z]+\.?\s+\d{4})/;

/** Availability: "disponible immédiatement", "dispo de suite", "à partir du 15/01" (next 15 January after `now`). */
export function findAvailability(lines: SectionLine[], now: Date): Found<Availability> | null {
  for (const line of lines) {
    const folded = foldForMatch(line.text);
    const immediate = IMMEDIATE.exec(folded);
    if (immediate) {
      return {
        value: { from: null, immediate: true },
        source: spanIn(line, immediate.index, immediate[0].length),
        confidence: 0.95,
      };
    }
    const from = FROM.exec(folded);
    if (from) {
      const day = Number(from[1]);
      const month = Number(from[2]);
      let year = from[3] ? Number(from[3]) : null;
      if (year !== null && year < 100) year += 2000;
      if (year === null) {
        year = now.getUTCFullYear();
        const candidate = Date.UTC(year, month - 1, day);
        if (candidate < Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) year += 1;
      }
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) continue;
      return {
        value: { from: date.toISOString().slice(0, 10), immediate: false },
        source: spanIn(line, from.index, from[0].length),
        confidence: from[3] ? 0.9 : 0.75,
      };
    }
    const within = WITHIN.exec(folded);
    if (within) {
      const count = Number(within[1]);
      const unit = within[2]!;
      const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      if (/^(?:jour|day)/.test(unit)) date.setUTCDate(date.getUTCDate() + count);
      else if (/^(?:semaine|week)/.test(unit)) date.setUTCDate(date.getUTCDate() + 7 * count);
      else date.setUTCMonth(date.getUTCMonth() + count);
      return {
        value: { from: date.toISOString().slice(0, 10), immediate: false },
        source: spanIn(line, within.index, within[0].length),
        confidence: 0.8,
      };
    }
    const fromMonth = FROM_MONTH.exec(folded);
    if (fromMonth) {
      const date = parseFrenchDate(fromMonth[1]!);
      if (!date) continue;
      return {
        value: { from: `${date.year}-${String(date.month ?? 1).padStart(2, '0')}-01`, immediate: false },
        source: spanIn(line, fromMonth.index, fromMonth[0].length),
        confidence: 0.7,
      };
    }
  }
  return null;
}

const VEHICLE =
  /\b(?:(non|pas)\s+)?vehicule(?:e|\(e\))?s?\b|\b(?:own car|own vehicle|has a car|car owner|with car)\b/;
const NO_VEHICLE = /\b(?:sans vehicule|non vehicule|pas de vehicule|no car|without a car)\b/;
const DISTANCE =
  /\b(?:rayon|perimetre|jusqu'?a|jusqu’a|maximum|max\.?|up to|within|radius|de)\s*(?:de\s*)?(\d{1,3})\s*km\b|\b(\d{1,3})\s*km\s*(?:max|maximum|autour|around|radius)\b/;
const MOBILE =
  /\b(?:mobile|mobilite|mobility|pret a me deplacer|willing to (?:travel|relocate)|deplacements? acceptes?)\b/;

/** Mobility: "véhiculé(e)" → hasVehicle, "rayon de 30 km" → maxDistanceKm, "mobile sur la région" → both null. */
export function findMobility(lines: SectionLine[]): Found<Mobility> | null {
  let hasVehicle: boolean | null = null;
  let maxDistanceKm: number | null = null;
  let firstLine: SectionLine | null = null;
  for (const line of lines) {
    const folded = foldForMatch(line.text);
    let matched = false;
    if (NO_VEHICLE.test(folded)) {
      hasVehicle ??= false;
      matched = true;
    } else {
      const vehicle = VEHICLE.exec(folded);
      if (vehicle) {
        hasVehicle ??= vehicle[1] === undefined;
        matched = true;
      }
    }
    const distance = DISTANCE.exec(folded);
    if (distance) {
      maxDistanceKm ??= Number(distance[1] ?? distance[2]);
      matched = true;
    }
    if (!matched && MOBILE.test(folded)) matched = true;
    if (matched) firstLine ??= line;
  }
  if (!firstLine) return null;
  return {
    value: { maxDistanceKm, hasVehicle },
    source: spanIn(firstLine),
    confidence: hasVehicle !== null || maxDistanceKm !== null ? 0.85 : 0.6,
  };
}
