import type { SensitiveData } from '../../../domain/index.js';
import { foldForMatch } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';

/** Sensitive data and the lines it came from (excluded from every other field). */
export interface SensitiveFinding {
  data: SensitiveData;
  /** Line numbers holding sensitive data. */
  lineNumbers: Set<number>;
}

const BIRTH =
  /\b(?:ne|nee|ne\(e\)|date de naissance|naissance|date of birth|born(?: on)?|dob)\s*(?:le|on)?\s*:?\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/;
const AGE =
  /(?:^|[,;•|(]\s*|\bage\s*:?\s*|\bage\b\s*)(\d{2})\s*(?:ans|years old|yo)\b(?!\s*(?:d'|d’|de\b|of\b|d\s))/;
const NATIONALITY = /\b(?:nationalite|nationality|citizenship)\s*:?\s*([\p{L}-]+)/u;
const NATIONALITY_WORD = /(?:nationalite|nationality|citizenship)\s*:?\s*/;
// Matched on the original text: "marié(e)" needs its accent, "Marie" is a first name.
const MARITAL =
  /(?:^|[\s,;•(–-])(mariée?|célibataire|divorcée?|pacsée?|veuve?|veuf|en couple|married|single|divorced|widowed)(?=$|[\s,;.)])/iu;

/**
 * Birth date, age, nationality and marital status (never used for matching). Searched in the lines before
 * the experience sections (contact block, sidebar), where CVs put them.
 */
export function findSensitive(lines: SectionLine[], hasImages: boolean | undefined): SensitiveFinding {
  const data: SensitiveData = {
    birthDate: null,
    age: null,
    nationality: null,
    maritalStatus: null,
    hasPhoto: hasImages ?? null,
  };
  const lineNumbers = new Set<number>();
  for (const line of lines) {
    const folded = foldForMatch(line.text);
    let found = false;
    const birth = BIRTH.exec(folded);
    if (birth && data.birthDate === null) {
      data.birthDate = `${birth[3]}-${birth[2]!.padStart(2, '0')}-${birth[1]!.padStart(2, '0')}`;
      found = true;
    }
    const age = AGE.exec(folded);
    if (age && data.age === null && Number(age[1]) >= 15 && Number(age[1]) <= 80) {
      data.age = Number(age[1]);
      found = true;
    }
    const nationality = NATIONALITY.exec(folded);
    if (nationality && data.nationality === null) {
      const at = NATIONALITY_WORD.exec(folded)!;
      const offset = at.index + at[0].length;
      data.nationality = line.text.slice(offset, offset + nationality[1]!.length);
      found = true;
    }
    const marital = MARITAL.exec(line.text);
    if (marital && data.maritalStatus === null) {
      const offset = marital.index + marital[0].length - marital[1]!.length;
      data.maritalStatus = line.text.slice(offset, offset + marital[1]!.length).toLowerCase();
      found = true;
    }
    if (found) lineNumbers.add(line.lineNumber);
  }
  return { data, lineNumbers };
}

/** Whether any sensitive value was found. */
export function hasSensitiveData(data: SensitiveData): boolean {
  return (
    data.birthDate !== null || data.age !== null || data.nationality !== null || data.maritalStatus !== null
  );
}
