/** Hourly rates in euros read in a normalised reply ("12,50", "12.5€", "13€", "12€50"). */
export function readRates(normalized: string, isRateQuestion: boolean): number[] {
  const rates: number[] = [];
  if (isRateQuestion) {
    // Answering the rate question, a bare "13" or "13,5" is a rate.
    for (const match of normalized.matchAll(
      /(?<![\d/.,])(\d{1,2})(?:[.,](\d{1,2}))?(?![\d/.,€]|\s*(?:h\b|heures?|ans?|km|mois|jours?|min))/g,
    )) {
      const value = Number(`${match[1]}.${(match[2] ?? '0').padEnd(2, '0')}`);
      if (value >= 9 && value <= 40) rates.push(value);
    }
  }
  // "12,50", "12.5€", "13€", "13 euros" (→ "13€"), "12€50"
  for (const match of normalized.matchAll(
    /(?<![\d/])(\d{1,2})(?:[.,](\d{1,2})|€(\d{2})\b)?\s*(€)?(?!\s*(?:h\b|heures?|ans?|km|mois|jours?|\/|\d))/g,
  )) {
    const cents = match[2] ?? match[3];
    const hasEuro = match[4] !== undefined || match[3] !== undefined;
    if (!cents && !hasEuro) continue;
    const value = Number(`${match[1]}.${cents ?? '0'}`.replace(/\.(\d)$/, '.$10'));
    if (value >= 5 && value <= 60) rates.push(Math.round(value * 100) / 100);
  }
  return [...new Set(rates)];
}
