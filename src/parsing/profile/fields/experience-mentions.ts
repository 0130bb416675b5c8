import type { Experience } from '../../../domain/index.js';
import { foldForMatch, spanIn } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';
import { hasCue, isPlace } from './entry-parts.js';
import { TITLE_WORDS } from './entry-words.js';
import type { OccupationResolver } from './experiences.js';
import { classifyHeaderPart } from './part-classifier.js';

/**
 * Jobs named in a sentence of the summary or the top of an English resume rather than as an entry of its
 * experience section: "Currently employed as a Business Analyst Intern at Walrus Systems", "Working as
 * Escalation Engineer with Microsoft", "Working currently with Accenture Services as a Software Test
 * Engineer". Read only where the part classifier would read the title piece as a job title and the employer
 * piece as an employer were they written as an entry header, and the employer is capitalised; undated, with a
 * lower confidence than an entry (`MENTION_CONFIDENCE` of the weaker piece).
 */

// "working / worked / employed / serving (currently) as (a|an) TITLE at|with|in|for EMPLOYER".
const AS_TITLE_AT =
  /\b(?:[Ww]ork(?:ing|ed)?|[Ee]mployed|[Ss]erv(?:ing|ed))\s+(?:currently\s+|presently\s+)?as\s+(?:an?\s+)?(?<title>[\p{L}][\p{L}\d.&/' -]{2,60}?)\s+(?:at|with|in|for)\s+(?<company>\p{Lu}[\p{L}\d.&' -]{1,60}?)(?=\s*(?:[,.;:()]|\s(?:from|since|in|as|for|on|where|and|to|with)\s|$))/u;
// "working / worked / employed (currently) at|with|in EMPLOYER as (a|an) TITLE".
const AT_AS_TITLE =
  /\b(?:[Ww]ork(?:ing|ed)?|[Ee]mployed)\s+(?:currently\s+|presently\s+)?(?:at|with|in|for)\s+(?<company>\p{Lu}[\p{L}\d.&' -]{1,60}?)\s+as\s+(?:an?\s+)?(?<title>[\p{L}][\p{L}\d.&/' -]{2,60}?)(?=\s*(?:[,.;:()]|\s(?:from|since|in|at|for|on|where|and|to|with)\s|$))/u;

/** Learned title probability, as a header piece, above which a mentioned title is read. */
const MENTION_TITLE = 0.7;
/** Learned employer probability, as a header piece, above which a mentioned employer is read. */
const MENTION_EMPLOYER = 0.25;
/** A mention's confidence: this share of the weaker of its two learned probabilities. */
const MENTION_CONFIDENCE = 0.5;

const asHeader = (text: string) =>
  classifyHeaderPart(
    { text, isBullet: false },
    { section: 'experience', previous: null, next: null },
    {
      text,
      offset: 0,
    },
  );

/** The job mentions of `lines` (summary and top lines), minus the titles `known` already holds. */
export function findExperienceMentions(
  lines: readonly SectionLine[],
  known: readonly Experience[],
  resolveOccupation: OccupationResolver,
): Experience[] {
  const seen = new Set(known.map((experience) => foldForMatch(experience.title)));
  const mentions: Experience[] = [];
  for (const line of lines) {
    const match = AS_TITLE_AT.exec(line.text) ?? AT_AS_TITLE.exec(line.text);
    if (!match?.groups) continue;
    const title = match.groups.title!.trim();
    const company = match.groups.company!.trim();
    if (!hasCue(title, TITLE_WORDS) || isPlace(company) || hasCue(company, TITLE_WORDS)) continue;
    const titleScore = asHeader(title).title;
    const employerScore = asHeader(company).employer;
    if (titleScore < MENTION_TITLE || employerScore < MENTION_EMPLOYER) continue;
    const key = foldForMatch(title);
    if (seen.has(key)) continue;
    seen.add(key);
    const titleOffset = line.text.indexOf(title, match.index);
    mentions.push({
      title,
      company,
      location: null,
      start: null,
      end: null,
      current: /\b(?:currently|presently|working|serving)\b/iu.test(match[0]),
      description: '',
      occupation: resolveOccupation(title),
      source: spanIn(line, titleOffset, title.length),
      confidence: Math.round(MENTION_CONFIDENCE * Math.min(titleScore, employerScore) * 100) / 100,
    });
  }
  return mentions;
}
