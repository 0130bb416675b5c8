/** Lower-cases and removes accents one character at a time, so offsets in the result match the input. */
export function foldForMatch(text: string): string {
  let out = '';
  for (const char of text) {
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const lower = (base.length === 1 ? base : char).toLowerCase();
    out += lower.length === char.length ? lower : char;
  }
  return out;
}
