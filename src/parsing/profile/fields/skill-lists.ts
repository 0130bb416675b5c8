import type { SourceSpan } from '../../../domain/index.js';
import { foldForMatch } from '../../../text/index.js';
import { headingKind, type SectionLine } from '../sections.js';
import { parseDateRange } from './dates.js';
import { isPlace } from './entry-parts.js';
import { mentionsSpokenLanguage } from './languages.js';

/** One item of a list, as written, with where it is in the document. */
export interface ListItem {
  text: string;
  source: SourceSpan;
  lineNumber: number;
  /** The list's label names a kind of skill or the tools of a job ("Databases:", "Environment:"). */
  categoryLabelled?: boolean;
}

/** Lines of one paragraph that wrapped: their text joined by `\n`, as in the document. */
interface Paragraph {
  text: string;
  lines: SectionLine[];
}

const balance = (text: string) => (text.match(/\(/g)?.length ?? 0) - (text.match(/\)/g)?.length ?? 0);

/**
 * Whether `next` continues `line` (a list or a phrase wrapped by the layout): an open parenthesis, a
 * trailing separator or conjunction, or a next line that starts in lower case or with a parenthesis.
 */
function continues(line: SectionLine, next: SectionLine): boolean {
  if (next.isBullet || next.isTable || line.isTable) return false;
  if (next.start !== line.start + line.text.length + 1) return false;
  // A next line with its own label ("Testing Tools: QTP") starts a new list.
  if (startsWithLabel(next.text)) return false;
  if (balance(line.text) > 0) return true;
  // A trailing "+" joins ("Java +"), a name ending with one does not ("C++", "Notepad++").
  if (/(?:[,&/]|(?<![\p{L}\p{N}+])\+|\band|\bet|\bor|\bou)$/iu.test(line.text.trim())) return true;
  return /^[\p{Ll}()]/u.test(next.text.trim());
}

/** Whether a line starts with a list label ("Databases: Oracle", "Testing Tools: QTP"). */
function startsWithLabel(text: string): boolean {
  const label = LIST_LABEL.exec(text);
  return label !== null && /^\p{Lu}/u.test(label[1]!) && label[1]!.split(/\s+/u).length <= 4;
}

/** Groups wrapped lines into paragraphs (a bullet starts a new one). */
export function paragraphsOf(lines: SectionLine[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    const current = paragraphs.at(-1);
    const last = current?.lines.at(-1);
    if (current && last && continues(last, line)) {
      current.text += `\n${line.text}`;
      current.lines.push(line);
    } else paragraphs.push({ text: line.text, lines: [line] });
  }
  return paragraphs;
}

// "(2 years)", "(Less than 1 year)", "(10+ years)", "(3 ans)", "(6 mois)".
const DURATION =
  /\s*\(\s*(?:less than\s+|moins d['’]\s*)?\d+(?:[.,]\d+)?\+?\s*(?:years?|yrs?|months?|ans?|mois)\s*\)/giu;
// "Languages:", "Outils :", "Operating systems:" in front of a list.
const LIST_LABEL = /^([\p{L}][\p{L}\d /&'’().-]{0,40}?)\s*:\s*/u;
// Labels whose lists are not skills (handled elsewhere, or not about skills at all).
const NOT_SKILL_LABELS =
  /^(?:hobbies|interests?|loisirs|centres? d.?interets?|activites|address|adresse|e-?mail|phone|tel|telephone|mobile|portable|nationalit[ey]|nationalite|date of birth|birth|ne le|nee le|age|permis|driving licen[cs]e|references?|linkedin|github|website|site|marital status|situation|disponibilite|availability|mobilite|mobility|salaire|salary|spoken languages?|langues? parlees|duration|period|periode|client|team size|company|employer|position|designation|role|title|location|project|projet|willing to relocate(?: to)?|relocation|preferred locations?|current location)$/u;

const LANGUAGES_LABEL = /\b(?:languages?|langues?)\b/u;

// Head nouns of the category labels of skill tables, whose cell separator extraction may lose
// ("Operating Systems Windows, Linux", "Build Tool Ant, Maven", "Languages Java, C++").
const CATEGORY_NOUNS = new Set(
  (
    'language languages tool tools technologies servers databases framework frameworks systems platforms ' +
    'protocol protocols ide ides environments packages utilities methodologies os logiciels outils langages ' +
    'environnements'
  ).split(' '),
);

// Last words of labels naming a kind of skill, for a lone item after them ("Database: SQL Server 2008").
const CATEGORY_LABEL_WORDS = new Set([
  ...CATEGORY_NOUNS,
  ...'database software technology skills frmwks platform server'.split(' '),
]);

/** Whether a list label names a kind of skill ("Database", "Operating Systems", "Technologies/Frmwks"). */
function isCategoryLabel(label: string): boolean {
  const words = foldForMatch(label).match(/[a-z]+/g) ?? [];
  return words.length > 0 && words.length <= 3 && CATEGORY_LABEL_WORDS.has(words.at(-1)!);
}

// Labels of the tools a job used ("Environment:", "Technologies used:", "Tools & Technologies:").
const TOOLS_LABEL =
  /^(?:(?:technical|software|development|project|working|work|tools?\s*(?:&|and))\s+)?(?:environments?|technolog(?:y|ies)|tools|platforms?)(?:\s+used)?$/u;

/** Whether a list label names a kind of skill or the tools of a job. */
function isSkillCategoryLabel(label: string): boolean {
  return isCategoryLabel(label) || TOOLS_LABEL.test(foldForMatch(label).replace(/\s+/g, ' ').trim());
}

/**
 * A category label glued to the first item of a table row ("Operating Systems Windows, Linux"): its
 * length, when the row is a list (a comma in its first line), the label is one to four capitalised words
 * ending with a category noun, and a capitalised item follows.
 */
function gluedLabelLength(text: string): number {
  const firstLine = text.split('\n')[0] ?? '';
  if (!firstLine.includes(',')) return 0;
  const tokens = [...firstLine.matchAll(/\S+/gu)].slice(0, 5);
  for (let index = 0; index < tokens.length - 1 && index < 4; index++) {
    const token = tokens[index]![0];
    if (!/^[\p{Lu}]/u.test(token) || /[,:;]$/u.test(token)) return 0;
    const key = foldForMatch(token).replace(/[^a-z]/g, '');
    const next = tokens[index + 1]![0];
    if (
      CATEGORY_NOUNS.has(key) &&
      /^[\p{Lu}.]/u.test(next) &&
      !CATEGORY_NOUNS.has(foldForMatch(next).replace(/[^a-z]/g, ''))
    )
      return tokens[index + 1]!.index;
  }
  return 0;
}

/** Whether a list label says its items are not skills ("Hobbies:", "Adresse :"). */
export function isNonSkillLabel(label: string): boolean {
  return NOT_SKILL_LABELS.test(foldForMatch(label).replace(/\s+/g, ' ').trim());
}

const blank = (match: string) => ' '.repeat(match.length);

/**
 * Cleans one list item without moving its characters (what is removed becomes spaces): durations,
 * leading bullets and conjunctions, trailing punctuation. `lead` is where the kept text starts, `text`
 * the kept text (spaces collapsed), `length` its extent in the item.
 */
function cleanItem(text: string): { text: string; lead: number; length: number } {
  const masked = text
    .replace(DURATION, blank)
    .replace(/^[\s(]*(?:[-–—•·*]+\s*)?(?:(?:and|et|&)\s+)?/iu, blank)
    .replace(/[\s.:;(-]+$/u, blank);
  const lead = masked.length - masked.trimStart().length;
  const kept = masked.trim();
  return { text: kept.replace(/\s+/g, ' '), lead, length: kept.length };
}

// English words that make an item a phrase ("knowledge of", "worked on", "proficient in"); French skill
// names keep their "de" ("Préparation de commandes").
const PHRASE_WORDS = new Set(['of', 'in', 'with', 'on', 'for', 'to', 'the', 'a', 'an']);

/** Whether a cleaned item can be a skill: short, with letters, not a sentence, link, date or label. */
function isPlausibleItem(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (text.length < 1 || text.length > 60 || words.length > 5 || !/\p{L}|[+#]/u.test(text)) return false;
  // "Good knowledge of basic networking", "Worked on Jenkins": a phrase about a skill, not its name.
  if (words.length >= 3 && words.some((word) => PHRASE_WORDS.has(word))) return false;
  if (/https?:|www\.|@|^\(/iu.test(text)) return false;
  // "792 (two years)", "199814 July 1999", "+61 3 9905 4170": numbers, not skill names.
  if (/^[+\d][\d\s()+.-]{2,}/u.test(text) && !/^\d[a-z]/iu.test(text)) return false;
  if (balance(text) !== 0) return false;
  if (!/\d/.test(text)) return headingKind(text) === null;
  // "August 2003", "2012 - 2014": a date, not a skill ("SQL Server 2008" keeps its version).
  const date = parseDateRange(text);
  return date === null || (!date.isRange && date.length < text.length * 0.6);
}

// Contact and address lines: their comma-separated fields are not a list of skills.
const CONTACT_LINE =
  /@|\d{3}[\s.)-]+\d{3}|\b(?:street|road|avenue|lane|drive|boulevard|flat|apt|suite|zip|rue|chemin|impasse)\b/iu;

/**
 * Whether the pieces of a paragraph outside a skills section make a list: every piece short (at most four
 * words), and at least two pieces after a label ("Technologies: Java, SQL") or three without one.
 */
function isInlineList(pieces: string[], labelled: boolean, inSentences: boolean): boolean {
  if (pieces.length < (labelled ? 2 : 3)) return false;
  const short = (piece: string) =>
    piece.length > 0 && piece.split(/\s+/).length <= 4 && !/[.!?]$/u.test(piece);
  // A list inside a sentence ("… experience in C, C++, Perl and Python."): its inner pieces are short.
  if (inSentences && !labelled && pieces.length >= 4) return pieces.slice(1, -1).every(short);
  return pieces.every(short);
}

// A parenthesised list inside a list ("Office (Excel, Access, Word)", "DBMS (MySQL, Oracle)").
const SUB_LIST = /\(([^()]*[,;][^()]*)\)/gu;

/** The text with the parentheses of its sub-lists turned into separators (same length, same offsets). */
function openSubLists(text: string): string {
  return text.replace(SUB_LIST, (_, inner: string) => `,${inner},`);
}

// Slashed names that are one skill, not two ("PL/SQL", "TCP/IP", "CI/CD").
const SLASHED_NAMES = new Set(
  'pl/sql t/sql tcp/ip udp/ip ci/cd i/o a/b ui/ux ux/ui os/2 r/3 s/4 as/400 os/400 b2b/b2c p/l 2d/3d n/a'.split(
    ' ',
  ),
);

/**
 * The items one separated piece holds: itself, or its parts when it is several names joined by slashes
 * ("C/C++/C#", "VMware Workstation / VirtualBox"). Parts are short (three words at most); a version after a slash ("Windows 95/98", "Oracle 9i/10g") or a known
 * slashed name ("PL/SQL") keeps the piece whole.
 */
function subItems(text: string, index: number): { text: string; index: number }[] {
  const whole = [{ text, index }];
  const separator = /\s*\/\s*/gu;
  const parts: { text: string; index: number }[] = [];
  let from = 0;
  for (const match of text.matchAll(separator)) {
    parts.push({ text: text.slice(from, match.index), index: index + from });
    from = match.index + match[0].length;
  }
  if (parts.length === 0) return whole;
  parts.push({ text: text.slice(from), index: index + from });
  const words = (part: string) => part.trim().split(/\s+/u).filter(Boolean).length;
  if (parts.some((part) => words(part.text) === 0 || words(part.text) > 3)) return whole;
  if (parts.slice(1).some((part) => /^\s*\d/u.test(part.text))) return whole;
  const slashed = foldForMatch(text).replace(/\s+/g, '');
  if ([...SLASHED_NAMES].some((name) => slashed.includes(name))) return whole;
  return parts;
}

/**
 * Whether a label names a skill its text describes in a sentence ("Communication: Confident communicating
 * one-to-one…"): a label of one to four words, starting with a capital, that does not name a kind of skill
 * ("Languages:", "Tools:") or a non-skill field, followed by a sentence of six words or more with no
 * separator-delimited list in it.
 */
function isSkillLabelOfSentence(label: string, content: string): boolean {
  const words = label.trim().split(/\s+/u);
  if (
    words.length > 4 ||
    !/^\p{Lu}/u.test(label.trim()) ||
    isSkillCategoryLabel(label) ||
    isNonSkillLabel(label)
  )
    return false;
  if (
    /^(?:skills?|competenc|expertise|proficien|knowledge|summary|objective|profile|note)/iu.test(
      foldForMatch(label),
    )
  )
    return false;
  const contentWords = content.trim().split(/\s+/u);
  if (contentWords.length < 6) return false;
  const pieces = content
    .split(/[,;|•·]/u)
    .map((piece) => piece.trim())
    .filter(Boolean);
  // "Hands on experience on Cisco devices, AAA, TACACS, RADIUS": a list after all.
  return pieces.filter((piece) => piece.split(/\s+/u).length <= 3).length <= 1;
}

// A list announced at the end of a sentence: "… Tools used include: Oracle APEX, Oracle RDBMS, HTML".
const INNER_LABEL =
  /\b(?:includ(?:e|es|ed|ing)|used|using|such as|like|technologies|tools|environment)\s*:\s*/giu;

/**
 * Where the list after a label inside a paragraph starts ("Overall objectives were… Tools used include:
 * Oracle APEX, Oracle RDBMS, HTML."), or 0: the text after the last such label must be a list of three
 * items or more, each of four words at most.
 */
function innerLabelEnd(text: string): number {
  const last = [...text.matchAll(INNER_LABEL)].at(-1);
  if (!last || last.index === 0) return 0;
  const end = last.index + last[0].length;
  const pieces = text
    .slice(end)
    .split(/[,;|•·]/u)
    .map((piece) => cleanItem(piece).text)
    .filter(Boolean);
  return pieces.length >= 3 && pieces.every((piece) => piece.split(/\s+/u).length <= 4) ? end : 0;
}

// A category label before a spaced dash ("Technical Skills - Java, SQL", "Tools - Eclipse, Maven").
const DASH_LABEL = /^([\p{L}][\p{L} /&]{0,30}?)\s+[-–—]\s+(?=\S)/u;

/** The length of a category label written with a dash in front of a list, or 0. */
function dashLabelLength(text: string): number {
  const label = DASH_LABEL.exec(text);
  return label && isCategoryLabel(label[1]!) ? label[0].length : 0;
}

/**
 * The items of list paragraphs (with `inSentences`, also the short inner items of a list written in a
 * sentence, for a caller that scores the items): each paragraph (wrapped lines joined) loses its label ("Languages:") and is
 * split on commas, semicolons, pipes and bullets (table cells: on cells); every item is cleaned of
 * durations ("Java (3 years)" → "Java") and kept when plausible. A paragraph whose label says it is not
 * about skills ("Hobbies:") gives nothing. `requireList`: only paragraphs with a label or at least two items
 * (inline lists in any section), not a lone phrase.
 */
export function listItems(
  lines: SectionLine[],
  options: { requireList: boolean; inSentences?: boolean },
): ListItem[] {
  const items: ListItem[] = [];
  for (const paragraph of paragraphsOf(lines)) {
    let text = paragraph.text;
    let offset = 0;
    const label = LIST_LABEL.exec(text);
    let labelled = label !== null;
    if (label) {
      if (isNonSkillLabel(label[1]!)) continue;
      // "Languages: English, Hindi" are spoken languages (read elsewhere); "Languages: Java, C++" skills.
      if (
        LANGUAGES_LABEL.test(foldForMatch(label[1]!)) &&
        mentionsSpokenLanguage(text.slice(label[0].length))
      )
        continue;
      offset = label[0].length;
      text = text.slice(offset);
    } else {
      const glued = gluedLabelLength(text) || dashLabelLength(text) || innerLabelEnd(text);
      if (glued > 0) {
        offset = glued;
        text = text.slice(offset);
        labelled = true;
      }
    }
    if (options.requireList && CONTACT_LINE.test(paragraph.text)) continue;
    const pattern = paragraph.lines[0]!.isTable ? /[^|]+/gu : /[^,;|•·]+/gu;
    const pieces = [...openSubLists(text).matchAll(pattern)].flatMap((piece) =>
      subItems(piece[0], piece.index),
    );
    const texts = pieces.map((piece) => cleanItem(piece.text).text);
    // "Database: SQL Server 2008", "OS: Windows": one item after a label naming a kind of skill.
    const categoryLabelled = label !== null && isCategoryLabel(label[1]!);
    if (
      options.requireList &&
      (!(
        isInlineList(texts, labelled, options.inSentences === true) ||
        (categoryLabelled && texts.length === 1)
      ) ||
        (/\d/.test(text) && parseDateRange(text)?.isRange))
    )
      continue;
    // "Pune, Maharashtra - Bengaluru, Karnataka": places, not skills.
    if (texts.filter((piece) => isPlace(piece)).length * 2 >= texts.length) continue;
    // "Team Work: Developed the ability to adapt…" in a skills list: the label is the skill, what follows
    // says how it was gained (a sentence, not a list).
    if (!options.requireList && label && isSkillLabelOfSentence(label[1]!, text)) {
      const first = paragraph.lines[0]!;
      const name = label[1]!.trim();
      items.push({
        text: name,
        source: {
          text: name,
          start: first.start,
          end: first.start + name.length,
          page: first.page,
          line: first.lineNumber,
        },
        lineNumber: first.lineNumber,
      });
      continue;
    }
    for (const piece of pieces) {
      const cleaned = cleanItem(piece.text);
      if (!isPlausibleItem(cleaned.text) || isPlace(cleaned.text)) continue;
      const start = offset + piece.index + cleaned.lead;
      const raw = paragraph.text.slice(start, start + cleaned.length);
      const first = paragraph.lines[0]!;
      const line = paragraph.lines.find(
        (candidate) => candidate.start + candidate.text.length >= first.start + start,
      )!;
      items.push({
        text: cleaned.text.replace(/\s*\n\s*/g, ' '),
        source: {
          text: raw,
          start: first.start + start,
          end: first.start + start + raw.length,
          page: line.page,
          line: line.lineNumber,
        },
        lineNumber: line.lineNumber,
        ...(label !== null && isSkillCategoryLabel(label[1]!) ? { categoryLabelled: true } : {}),
      });
    }
  }
  return items;
}
