import { foldAccents } from '../text/index.js';

/**
 * Job-board titles carry more than the job: "Agent d'entretien H/F - ABER PROPRETE AGENCE MENDE",
 * "Warehouse Operative - Nights - £12.50/hr", "URGENT - Cariste CACES 3 (F/H) - Lyon". This keeps the part
 * that names the job: pay and gender markers are removed, the title is cut into parts at separators
 * (" - ", " | ", ",", parentheses…), and a part is kept only when it reads like job words: most of its words
 * are words of the indexed titles, and it does not look like a company (a legal form or agency word, or a
 * part in capitals after a title that is not). The first part with a job word is the title; later parts
 * that pass (a specialty: "Technicien 3D (dératisation, désinsectisation)") are added to it.
 */
export interface CleanedTitle {
  /** The parts that name the job, joined by spaces. */
  text: string;
  /** The first of those parts: the title itself, before any specialty added after a separator. */
  title: string;
  /** Parts left out (company, place, contract, pay…), for diagnostics. */
  dropped: string[];
}

/** Share of known words above which a part after the title counts as part of the title. */
const KNOWN_SHARE = 0.5;

const PAY =
  /[£$€]\s?\d+(?:[.,]\d+)?\s?k?(?:\s?(?:\/|per|p\/|an?)\s?(?:hr|hour|h|heure|an|year|yr|annum|month|mois|week))?|\d+(?:[.,]\d+)?\s?(?:k€|€|eur|euros?)(?:\s?(?:\/|par)\s?\p{L}+)?/giu;
/** H/F, F/H, (H/F/X), M/F, m/w/d, H-F: the gender markers of job ads. */
const GENDER =
  /[([]?\s*(?<![\p{L}\p{N}])[hfmwdx]\s*[/\\|-]\s*[hfmwdx](?:\s*[/\\|-]\s*[hfmwdx])?(?![\p{L}\p{N}])\s*[)\]]?/giu;
/** "Agent(e)", "Technicien(ne)": inclusive writing, not a part in parentheses. */
const INCLUSIVE_SUFFIX = /(\p{L})\((?:e|es|ne|nne|euse|se|sse|esse|trice|rice|ice|ere|le|te|ve|eure)\)/giu;
/** Separators between the title and what follows it. A hyphen inside a word ("chauffeur-livreur") is not one. */
const SEPARATOR = /\s+[-–—:]\s+|\s*[|•;,()[\]]\s*|\s+[-–—]$|^[-–—]\s+/u;
/** Words that mark a company or agency name. */
const COMPANY_WORDS = new Set(
  'sas sasu sarl eurl inc ltd llc plc gmbh group groupe holding agence agency interim recrutement solutions consulting'.split(
    ' ',
  ),
);

/**
 * @param knownShare share (0..1) of a part's words that are words of the indexed titles (the caller's
 *   vocabulary, after its own noise and stopword filtering); NaN when the part has no word at all
 */
export function cleanJobTitle(raw: string, knownShare: (part: string) => number): CleanedTitle {
  const text = raw.replace(PAY, ' ').replace(GENDER, ' ').replace(INCLUSIVE_SUFFIX, '$1');
  const parts = text
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
  const dropped: string[] = [];
  const kept: string[] = [];
  let titleIsUpperCase = false;
  for (const part of parts) {
    const share = knownShare(part);
    if (kept.length === 0) {
      // Before the title: "URGENT", "CDI", a place. The first part with a job word is the title.
      if (Number.isNaN(share) || share === 0) dropped.push(part);
      else {
        kept.push(part);
        titleIsUpperCase = isUpperCase(part);
      }
      continue;
    }
    if (Number.isNaN(share) || share <= KNOWN_SHARE || looksLikeCompany(part, titleIsUpperCase))
      dropped.push(part);
    else kept.push(part);
  }
  // Nothing known anywhere (typos only, a word the index lacks): let the search try the whole text.
  if (kept.length === 0) return { text: parts.join(' '), title: parts.join(' '), dropped: [] };
  return { text: kept.join(' '), title: kept[0]!, dropped };
}

function isUpperCase(part: string): boolean {
  return /\p{Lu}/u.test(part) && part === part.toUpperCase();
}

function looksLikeCompany(part: string, titleIsUpperCase: boolean): boolean {
  const words =
    foldAccents(part)
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? [];
  if (words.some((word) => COMPANY_WORDS.has(word))) return true;
  return !titleIsUpperCase && isUpperCase(part) && words.length > 1;
}
