/**
 * SMS length accounting (3GPP TS 23.038 / GSM 03.38).
 *
 * A message that uses only the GSM 7-bit default alphabet (plus its extension table, whose characters
 * cost two septets: an escape and the character) is sent as GSM-7: 160 septets in one SMS, 153 per part
 * when concatenated. One character outside it (ê, â, î, ô, û, lowercase ç, œ, ’, emoji…) switches the
 * whole message to UCS-2: 70 UTF-16 units in one SMS, 67 per part.
 */

/** The GSM 03.38 default alphabet (basic table), in code order. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table, reached through the escape character: each costs two septets. */
const GSM_EXTENSION = '\f^{}\\[~]|€';

const basicSet = new Set(Array.from(GSM_BASIC).filter((character) => character !== '\u001b'));
const extensionSet = new Set(Array.from(GSM_EXTENSION));

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** Number of SMS parts the message is sent as (1 for an empty message). */
  segments: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
}

const SINGLE_LIMIT: Record<SmsEncoding, number> = { 'GSM-7': 160, 'UCS-2': 70 };
const PART_LIMIT: Record<SmsEncoding, number> = { 'GSM-7': 153, 'UCS-2': 67 };

/** Whether one character is in the GSM-7 basic or extension table. */
export function isGsm7Character(character: string): boolean {
  return basicSet.has(character) || extensionSet.has(character);
}

/**
 * Counts the SMS segments of a text. Multi-part messages never split an escape sequence (GSM-7)
 * or a surrogate pair (UCS-2) across two parts, as real SMS centres do.
 */
export function countSmsSegments(text: string): SmsSegmentCount {
  const characters = Array.from(text);
  const isGsm = characters.every(isGsm7Character);
  const encoding: SmsEncoding = isGsm ? 'GSM-7' : 'UCS-2';
  // Cost of each character in units of the chosen encoding.
  const costs = characters.map((character) =>
    isGsm ? (extensionSet.has(character) ? 2 : 1) : character.length,
  );
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  if (units <= SINGLE_LIMIT[encoding]) return { encoding, segments: 1, units };
  const partLimit = PART_LIMIT[encoding];
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > partLimit) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments, units };
}

/** Characters of a text that force UCS-2, in order of appearance (deduplicated). */
export function nonGsm7Characters(text: string): string[] {
  return [...new Set(Array.from(text).filter((character) => !isGsm7Character(character)))];
}

/** Characters outside GSM-7 that have a plain form in it. */
const GSM_REPLACEMENTS: Readonly<Record<string, string>> = {
  œ: 'oe',
  Œ: 'OE',
  '’': "'",
  '‘': "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '\u00A0': ' ',
  '\u202F': ' ',
};

/**
 * A name or value written with GSM-7 characters only, so one accent does not push a whole SMS to UCS-2:
 * "Intérim Rhône" → "Intérim Rhone" (é is GSM-7, ô is not), "Cœur" → "Coeur". Characters with no plain
 * form are dropped.
 */
export function transliterateToGsm7(text: string): string {
  let out = '';
  for (const character of text) {
    if (isGsm7Character(character)) out += character;
    else if (GSM_REPLACEMENTS[character] !== undefined) out += GSM_REPLACEMENTS[character];
    else {
      const stripped = character.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += Array.from(stripped).every(isGsm7Character) ? stripped : '';
    }
  }
  return out;
}
