import type { CandidateProfile, ProfileField, SourceSpan, Warning } from '../../domain/index.js';
import { detectLanguage, foldForMatch, spanIn } from '../../text/index.js';
import type { ExtractedDocument } from '../extract/types.js';
import { findAvailability, findMobility } from './fields/availability.js';
import {
  findEmail,
  findLocation,
  findName,
  findPhone,
  findPlaceAfterStreet,
  findPlaceBeforeContact,
  findPlaceName,
  findPostcodePlace,
  isJobTitleLine,
} from './fields/contact.js';
import { totalExperienceMonths } from './fields/dates.js';
import { extractEducation, namesDegreeInFull } from './fields/education.js';
import { headlineTitle, isPlace } from './fields/entry-parts.js';
import { findExperienceMentions } from './fields/experience-mentions.js';
import { extractExperiences } from './fields/experiences.js';
import type { Found } from './fields/found.js';
import { extractLanguages, languageLevel, mentionsSpokenLanguage } from './fields/languages.js';
import { findSensitive, hasSensitiveData } from './fields/sensitive.js';
import {
  extractCertifications,
  extractLicences,
  extractSkills,
  findSkillMentions,
  mergeSkills,
  type TaxonomyLookups,
} from './fields/skills.js';
import { missionEmployerInHeader, readMissionEmployer } from './fields/temp-agency.js';
import { type LineContext, lineContexts } from './line-context.js';
import { headingKind, linesOf, type Section, type SectionLine, splitSections } from './sections.js';

/** Below this confidence a field gets a `low-confidence` warning. */
export const LOW_CONFIDENCE = 0.5;
/** Smallest taxonomy score for an experience's occupation to be kept. */
export const OCCUPATION_MIN_SCORE = 0.5;
/** Occupation score above which a line under the name without a job-title word is still a headline. */
const HEADLINE_OCCUPATION_SCORE = 0.95;

export interface ExtractProfileContext {
  id: string;
  file: string | null;
  now: Date;
  language?: string;
  taxonomy: TaxonomyLookups;
}

/** Deterministic field extraction: an `ExtractedDocument` in, a `CandidateProfile` out (never throws on content). */
export function extractProfile(
  document: ExtractedDocument,
  context: ExtractProfileContext,
): CandidateProfile {
  const sections = splitSections(document);
  const language = context.language ?? detectLanguage(document.text);
  // The part classifier (fields/part-classifier.ts) was fitted on English resumes: French ones keep the
  // word rules alone.
  const learned = language === 'en';
  const contexts = learned ? lineContexts(sections) : undefined;
  const all = sections.flatMap((section) => section.lines);
  const has = (kind: Section['kind']) => sections.some((section) => section.kind === kind);
  const contactArea = linesOf(sections, 'top', 'contact');
  const outsideCareer = linesOf(sections, 'top', 'contact', 'other', 'info', 'profile');

  const sensitive = findSensitive(has('experience') ? outsideCareer : all, document.hasImages);
  const excluded = sensitive.lineNumbers;
  const usable = (lines: SectionLine[]) => lines.filter((line) => !excluded.has(line.lineNumber));

  const confidence: CandidateProfile['confidence'] = {};
  const sources: CandidateProfile['sources'] = {};
  const record = <T>(field: ProfileField, found: Found<T> | null): T | null => {
    if (!found) return null;
    confidence[field] = round(found.confidence);
    sources[field] = found.source;
    return found.value;
  };

  const email = record('email', findEmail(contactArea) ?? findEmail(all));
  const phone = record('phone', findPhone(usable(contactArea)) ?? findPhone(usable(all)));
  const topLines = usable(linesOf(sections, 'top'));
  // A first line read as a heading ("Special Education", "RÉSUMÉ SAMPLE : HIGHER EDUCATION") leaves no top
  // and puts the name in that first section: its first two lines are looked at next. A name in large bold
  // capitals can open an `other` section of its own ("KEVIN TRAORÉ" above the contact line), and in a
  // two-column template it comes after the sidebar: those headings are looked at last, the largest first
  // (findName's scores).
  const first = sections[0];
  const otherHeadings = sections.flatMap((section) =>
    section.kind === 'other' && section.heading ? [section.heading] : [],
  );
  const nameFound =
    findName(topLines) ??
    findName(usable(contactArea)) ??
    (first !== undefined && first.kind !== 'top' && !has('top')
      ? findName(usable(first.lines).slice(0, 2))
      : null) ??
    findName(usable(otherHeadings).slice(0, 12));
  const name = record('name', nameFound);
  const commune = findLocation(usable(contactArea)) ?? findLocation(usable(all).slice(0, 15));
  const head = usable(all).slice(0, 15);
  const placeName = () =>
    findPlaceName(usable(contactArea)) ??
    findPostcodePlace(usable(contactArea)) ??
    findPlaceBeforeContact(usable(contactArea), name) ??
    findPlaceAfterStreet(usable(contactArea)) ??
    findPlaceName(head) ??
    findPostcodePlace(head) ??
    findPlaceBeforeContact(head, name) ??
    findPlaceAfterStreet(head);
  // In English text a French commune named without its postal code is mostly a homonym ("Columbia",
  // "Cambridge", "Detroit" are French communes): a "City, Region" written in the head comes first.
  const location = record(
    'location',
    language === 'en' && commune !== null && commune.confidence < 0.95
      ? (placeName() ?? commune)
      : (commune ?? placeName()),
  );

  const resolveOccupation = (title: string) => {
    const result = context.taxonomy.normalizeOccupation(title, { limit: 1 });
    const best = result.matches[0];
    return best && !result.abstained && best.score >= OCCUPATION_MIN_SCORE
      ? { romeCode: best.romeCode, label: best.label }
      : null;
  };
  // The line under the name is a headline only when it has a job-title word or is an occupation of the
  // taxonomy almost word for word ("Kitchen Porter"): on the dotin development resumes the others were
  // places, schools, streets, "Resume" (the taxonomy finds an occupation close to many of those,
  // "University of Missouri" 0.84, "Melvin Street" 0.88, hence the high bar).
  const namesOccupation = (text: string) => {
    const result = context.taxonomy.normalizeOccupation(text, { limit: 1 });
    return !result.abstained && (result.matches[0]?.score ?? 0) >= HEADLINE_OCCUPATION_SCORE;
  };
  const headlineFound = findHeadline(topLines, nameFound?.source ?? null);
  const headline = record(
    'headline',
    headlineFound && (isJobTitleLine(headlineFound.value) || namesOccupation(headlineFound.value))
      ? headlineFound
      : null,
  );
  let experiences = extractExperiences(experienceLines(sections), {
    resolveOccupation,
    strict: false,
    learned,
  });
  if (experiences.length === 0) {
    // No experience section, or one whose heading was lost: dated ranges anywhere but in education.
    const scan = usable(linesOf(sections, 'top', 'other', 'profile', 'contact', 'skills'));
    experiences = extractExperiences(scan, { resolveOccupation, strict: true, learned, section: 'other' });
  }
  // Jobs named in a sentence of the summary or the top ("Currently employed as a Business Analyst at X").
  if (learned)
    experiences = [
      ...experiences,
      ...findExperienceMentions(usable(linesOf(sections, 'top', 'profile')), experiences, resolveOccupation),
    ];
  // A mission's employer written with its temp agency ("Adecco pour Leroy Merlin"): the client.
  experiences = experiences.map((experience) => {
    if (!experience.company) return experience;
    // "Kuehne+Nagel [ Vénissieux": a bracket opened around the place and cut off with it.
    const company = experience.company.replace(/\s*[[(][^\])]*$/u, '').trim() || experience.company;
    const mission = readMissionEmployer(company);
    // The agency alone ("Intérim Adecco"): the client may follow it in the header ("… – Leroy Merlin").
    const fromHeader =
      mission === null || mission.employer === mission.agency
        ? missionEmployerInHeader(
            mission?.employer ?? company,
            experience.source?.text ?? '',
            experience.title,
          )
        : null;
    return { ...experience, company: fromHeader ?? mission?.employer ?? company };
  });
  const educationSections = has('education')
    ? extractEducation(linesOf(sections, 'education'), { strict: false, ...(contexts ? { contexts } : {}) })
    : extractEducation(usable(linesOf(sections, 'top', 'other')), {
        strict: true,
        ...(contexts ? { contexts } : {}),
      });
  // No degree where the headings put education (a heading lost in a two-column layout, the degrees run
  // on after the last job): the lines elsewhere that start with a degree written in full.
  const education =
    educationSections.length > 0
      ? educationSections
      : extractEducation(
          usable(linesOf(sections, 'experience', 'skills', 'profile', 'info'))
            .filter((line) => namesDegreeInFull(line.text))
            .map(withoutBullet),
          { strict: true },
        );
  // Skills: the skills sections' lists, then inline lists anywhere else ("Technologies: X, Y"), and
  // without a skills section the taxonomy's skills named in the text.
  const inlineLists = extractSkills(
    usable([
      ...linesOf(
        sections.filter((section) => !isListFreeSection(section)),
        'top',
        'other',
        'info',
        'profile',
      ),
      // In experiences, labelled lists ("Technologies: X, Y"); with the part classifier to tell skills from
      // tasks and entry headers, any list ("Worked in C, C++, Perl").
      ...linesOf(sections, 'experience').filter((line) => learned || /^[^:]{2,40}:\s*\S/u.test(line.text)),
    ]),
    context.taxonomy,
    { excludedLines: excluded, requireList: true, ...(contexts ? { contexts } : {}) },
  );
  // A "Languages" section whose lines name no spoken language lists the languages a computer reads
  // ("Languages: Java, C++", running on through "Database: Oracle, MySQL"): read as a skills section.
  const computerLanguageLines = usable(linesOf(sections, 'languages')).filter(
    // "Fluent", "Good command": a level alone ("BASIC" in a list of languages is one).
    (line) =>
      !mentionsSpokenLanguage(line.text) &&
      (languageLevel(line.text) === null || line.text.split(/[\s,]+/u).length > 3),
  );
  const languageListSkills = extractSkills(computerLanguageLines, context.taxonomy, {
    excludedLines: excluded,
    ...(contexts ? { contexts: asSkillsSection(contexts, computerLanguageLines) } : {}),
  });
  // Taxonomy skills named in sentences: only for French text. On English resumes (dotin development set)
  // 6 in 100 of them are skills the resume claims; the rest are tasks, subjects and phrases that merely
  // share words with a skill label.
  const skills = has('skills')
    ? mergeSkills(
        extractSkills(linesOf(sections, 'skills'), context.taxonomy, {
          excludedLines: excluded,
          ...(contexts ? { contexts } : {}),
        }),
        languageListSkills,
        inlineLists,
      )
    : language === 'fr'
      ? mergeSkills(
          languageListSkills,
          inlineLists,
          findSkillMentions(usable(linesOf(sections, 'top', 'other', 'experience')), context.taxonomy, {
            excludedLines: excluded,
          }),
        )
      : mergeSkills(languageListSkills, inlineLists);
  const certifications = extractCertifications(usable(all), context.taxonomy);
  const licences = extractLicences(usable(all), context.taxonomy);
  const languages = has('languages')
    ? extractLanguages(linesOf(sections, 'languages'), { strict: false })
    : extractLanguages(usable(all), { strict: true });
  const nonCareer = usable(
    linesOf(sections, 'top', 'contact', 'info', 'other', 'profile', 'skills', 'certifications'),
  );
  const availability = record('availability', findAvailability(usable(all), context.now));
  const mobility = record('mobility', findMobility(nonCareer));

  listField('experiences', experiences, confidence, sources);
  listField('education', education, confidence, sources);
  listField('skills', skills, confidence, sources);
  listField('certifications', certifications, confidence, sources);
  listField('languages', languages, confidence, sources);
  if (licences.length > 0) {
    confidence.drivingLicences = round(Math.min(...licences.map((item) => item.confidence)));
    sources.drivingLicences = licences[0]!.source;
  }

  // Text left out as undecodable: whatever was read may be incomplete, and every field says so.
  if (document.garbledShare !== undefined) {
    const factor = Math.max(0.2, 1 - 2 * document.garbledShare);
    for (const field of Object.keys(confidence) as ProfileField[])
      confidence[field] = round(confidence[field]! * factor);
  }
  const warnings: Warning[] = [...document.warnings];
  for (const [field, value] of Object.entries(confidence) as [ProfileField, number][]) {
    if (value < LOW_CONFIDENCE) {
      const source = sources[field];
      warnings.push({
        code: 'low-confidence',
        message: `The ${field} field was read with low confidence (${value}); check it.`,
        ...(source ? { source } : {}),
      });
    }
  }
  for (const experience of experiences) {
    if (experience.start !== null && experience.end !== null && experience.end < experience.start) {
      warnings.push({
        code: 'date-inconsistent',
        message: `An experience ends (${experience.end}) before it starts (${experience.start}).`,
        ...(experience.source ? { source: experience.source } : {}),
      });
    }
  }

  return {
    id: context.id,
    source: {
      file: context.file,
      format: document.format,
      pages: document.pages,
      language,
    },
    name,
    email,
    phone,
    location,
    headline,
    experiences,
    education,
    skills,
    certifications,
    drivingLicences: licences.map((item) => item.value),
    languages,
    availability,
    mobility,
    totalExperienceMonths: totalExperienceMonths(experiences, context.now),
    warnings,
    confidence,
    sources,
    text: document.text,
    sensitive: hasSensitiveData(sensitive.data) || sensitive.data.hasPhoto === true ? sensitive.data : null,
  };
}

// Headings written inside a job's entry ("Achievements:", "Key Responsibilities"): what follows still
// belongs to the experience section, and so do the next entries under it.
const ENTRY_SUBHEADING =
  /^(?:key\s+|major\s+|main\s+|notable\s+|selected\s+)?(?:achievements?|accomplishments?|responsibilities|duties|highlights|contributions?|results|roles?\s+(?:and|&)\s+responsibilities)\s*:?$/u;

/**
 * The lines of the experience sections, with the sections right after one of them whose heading is a
 * heading of the entry itself ("Achievements:"): the entries written after it are jobs too.
 */
function experienceLines(sections: Section[]): SectionLine[] {
  const lines: SectionLine[] = [];
  let inExperience = false;
  for (const section of sections) {
    const continues: boolean =
      inExperience &&
      section.kind === 'other' &&
      section.heading !== null &&
      ENTRY_SUBHEADING.test(foldForMatch(section.heading.text).trim());
    inExperience = section.kind === 'experience' || continues;
    if (inExperience) lines.push(...section.lines);
  }
  return lines;
}

// Sections whose comma-separated lines are names, titles and places, never skills: publications (author
// lists), references, grants, awards, committees, memberships.
const LIST_FREE_HEADING =
  /\b(?:publications?|papers?|articles?|presentations?|talks?|conferences?|references?|referees?|grants?|funding|awards?|honou?rs?|committees?|memberships?|affiliations?|reviewer|citations?)\b/u;

/** Whether an `other` section's heading says its lists are not skills. */
function isListFreeSection(section: Section): boolean {
  return (
    section.kind === 'other' &&
    section.heading !== null &&
    LIST_FREE_HEADING.test(foldForMatch(section.heading.text))
  );
}

/** A line without its leading bullet ("• Bachelors in Arts, …" read as the entry it is). */
function withoutBullet(line: SectionLine): SectionLine {
  const lead = /^[\p{So}\p{Co}•●▪■◦*-]\s*/u.exec(line.text)?.[0].length ?? 0;
  return lead === 0 && !line.isBullet
    ? line
    : { ...line, text: line.text.slice(lead), start: line.start + lead, isBullet: false };
}

/** The contexts of `lines` as if they were in a skills section (the part classifier's view of them). */
function asSkillsSection(
  contexts: ReadonlyMap<number, LineContext>,
  lines: readonly SectionLine[],
): Map<number, LineContext> {
  const moved = new Map(contexts);
  for (const line of lines) {
    const context = contexts.get(line.lineNumber);
    if (context) moved.set(line.lineNumber, { ...context, section: 'skills' });
  }
  return moved;
}

function listField(
  field: ProfileField,
  items: { confidence?: number | undefined; source?: SourceSpan | undefined }[],
  confidence: CandidateProfile['confidence'],
  sources: CandidateProfile['sources'],
): void {
  if (items.length === 0) return;
  const values = items.map((item) => item.confidence ?? 0.5);
  confidence[field] = round(values.reduce((sum, value) => sum + value, 0) / values.length);
  const first = items[0]!.source;
  if (first) sources[field] = first;
}

/** The short line after the name ("Cariste expérimenté"), skipping contact lines in between. */
function findHeadline(lines: SectionLine[], nameSource: SourceSpan | null): Found<string> | null {
  if (!nameSource) return findTitleLine(lines);
  const index = lines.findIndex((line) => line.lineNumber === nameSource.line);
  if (index < 0) return null;
  for (const next of lines.slice(index + 1, index + 4)) {
    const text = next.text.trim();
    if (/@|\d{2}/.test(text) || isPlace(text)) continue;
    if (/:/.test(text) || text.split(/\s+/).length > 10) return null;
    // "Software Engineer - Disney": the title without the employer beside it.
    const title = headlineTitle(text);
    return { value: title.text, source: spanIn(next, title.offset, title.text.length), confidence: 0.7 };
  }
  return null;
}

/**
 * Without a name (an anonymised CV, or one that starts with the job title), the headline is the first
 * short line near the top that names a job: a known job-title word, or an occupation of the taxonomy.
 */
function findTitleLine(lines: SectionLine[]): Found<string> | null {
  for (const line of lines.slice(0, 3)) {
    const text = line.text.trim();
    if (/[@:|]|\d{2}/.test(text) || headingKind(text)) continue;
    const words = text.split(/\s+/);
    if (words.length > 10) return null;
    if (isJobTitleLine(text)) return { value: text, source: spanIn(line), confidence: 0.6 };
  }
  return null;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
