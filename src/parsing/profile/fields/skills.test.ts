import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../extract/text-document.js';
import { lineContexts } from '../line-context.js';
import { linesOf, splitSections } from '../sections.js';
import { defaultTaxonomy } from '../taxonomy-lookups.js';
import { sectionLinesOf } from '../test-helpers.js';
import { extractCertifications, extractLicences, extractSkills, validUntilOf } from './skills.js';

describe('validUntilOf', () => {
  it.each([
    [' (2021)', 5, '2026-01-01'],
    [' obtenu en 2019', 5, '2024-01-01'],
    [" valable jusqu'au 31/03/2027", 5, '2027-03-31'],
    [' valid until 2026', null, '2026-12-31'],
    [' (2021)', null, null],
    [' et 5', 5, null],
  ])('%j (validity %s) → %s', (after, validity, expected) => {
    expect(validUntilOf(after, validity)).toBe(expected);
  });
});

describe('certifications, licences and skills', () => {
  it('finds certifications with their expiry and licences in the whole text', () => {
    const lines = sectionLinesOf('PERMIS\nPermis B et C\nFCO marchandises (2021)\nCACES R489 cat. 3 et 5');
    const certifications = extractCertifications(lines, defaultTaxonomy);
    expect(certifications.map((item) => [item.code, item.validUntil])).toEqual([
      ['FCO_MARCHANDISES', '2026-01-01'],
      ['CACES_R489_3', null],
      ['CACES_R489_5', null],
    ]);
    expect(extractLicences(lines, defaultTaxonomy).map((item) => item.value)).toEqual(['B', 'C']);
  });

  it('keeps skills as written and leaves certifications, licences and languages out', () => {
    const lines = sectionLinesOf(
      'COMPÉTENCES\nGestion de stock, Inventaires\nCACES R489 cat. 3\nPermis B\n• Anglais courant',
    );
    expect(
      extractSkills(lines, defaultTaxonomy, { excludedLines: new Set() }).map((item) => item.name),
    ).toEqual(['Gestion de stock', 'Inventaires']);
  });
});

describe('skill tables and junk items', () => {
  it('reads a category label glued to the first item of a row, and leaves numbers and relocation places out', () => {
    const lines = sectionLinesOf(
      'SKILLS\nOperating Systems Windows, Linux, Solaris\nLanguages Java, Python\nSQL Server 2008, Oracle\n' +
        '$521,792 (two years), Kanban\nWilling to relocate to: Pune, Maharashtra - Chennai, Tamil Nadu',
    );
    expect(
      extractSkills(lines, defaultTaxonomy, { excludedLines: new Set() }).map((item) => item.name),
    ).toEqual(['Windows', 'Linux', 'Solaris', 'Java', 'Python', 'SQL Server 2008', 'Oracle', 'Kanban']);
  });
});

describe('list items that are not skills', () => {
  it('leaves dates and contact lines out of lists', () => {
    const lines = sectionLinesOf('SKILLS\nAugust 2003\nSQL Server 2008\nKanban');
    expect(
      extractSkills(lines, defaultTaxonomy, { excludedLines: new Set() }).map((item) => item.name),
    ).toEqual(['SQL Server 2008', 'Kanban']);
    const top = sectionLinesOf('Flat 5a, 26 Gistock Street, Aberdeen, AB26 3NP\nJava, Python, Kotlin', 'top');
    expect(
      extractSkills(top, defaultTaxonomy, { excludedLines: new Set(), requireList: true }).map(
        (item) => item.name,
      ),
    ).toEqual(['Java', 'Python', 'Kotlin']);
  });

  it('with the part classifier, reads lists inside sentences and scores every item', () => {
    const text = [
      'SUMMARY',
      'Developer with 6 years of experience in Java, Hibernate, Spring MVC, SQL Server and Linux.',
      'Led a team of 5, cut costs by 10%, and shipped on time every quarter of the year.',
    ].join('\n');
    const sections = splitSections(documentFromText(text));
    const skills = extractSkills(linesOf(sections, 'profile', 'other', 'top'), defaultTaxonomy, {
      excludedLines: new Set(),
      requireList: true,
      contexts: lineContexts(sections),
    });
    const names = skills.map((skill) => skill.name);
    expect(names).toEqual(expect.arrayContaining(['Hibernate', 'Spring MVC']));
    expect(names).not.toContain('cut costs by 10%');
    for (const skill of skills) expect(skill.confidence).toBeGreaterThanOrEqual(0.3);
    // Without the context (French resumes), a list inside a sentence is not read.
    const rules = extractSkills(linesOf(sections, 'profile', 'other', 'top'), defaultTaxonomy, {
      excludedLines: new Set(),
      requireList: true,
    });
    expect(rules.map((skill) => skill.name)).not.toContain('Hibernate');
  });
});

describe('tool lists of a job', () => {
  it('keeps the short items of an "Environment:" list in an experience, whatever their score alone', () => {
    const text = [
      'EXPERIENCE',
      'QA Analyst',
      'Acme Corp, 2010 - 2012',
      'Tested the billing application across releases.',
      'Environment: Win XP, Vista, Win7, Citrix, QC, Jira, ESB',
      'Managed: the release calendar, weekly status reports and the defect triage meetings',
    ].join('\n');
    const sections = splitSections(documentFromText(text));
    const skills = extractSkills(linesOf(sections, 'experience'), defaultTaxonomy, {
      excludedLines: new Set(),
      requireList: true,
      contexts: lineContexts(sections),
    });
    const names = skills.map((skill) => skill.name);
    expect(names).toEqual(expect.arrayContaining(['Win7', 'Citrix', 'ESB', 'Jira']));
    expect(names).not.toContain('weekly status reports');
    for (const skill of skills) expect(skill.confidence).toBeGreaterThanOrEqual(0.45);
  });
});

describe('a list announced at the end of a sentence', () => {
  it('reads the items after "Tools used include:" in a wrapped paragraph', () => {
    const text = [
      'EXPERIENCE',
      'Data Engineer',
      'Acme Corp, 2010 - 2012',
      'Extracted, cleaned and loaded data from legacy systems to new environments. Tools used include: Oracle APEX,',
      'Oracle RDBMS, Ensemble, HTML, Javascript.',
    ].join('\n');
    const sections = splitSections(documentFromText(text));
    const names = extractSkills(linesOf(sections, 'experience'), defaultTaxonomy, {
      excludedLines: new Set(),
      requireList: true,
      contexts: lineContexts(sections),
    }).map((skill) => skill.name);
    expect(names).toEqual(expect.arrayContaining(['Oracle RDBMS', 'HTML', 'Javascript']));
    expect(names.some((name) => name.includes('legacy'))).toBe(false);
  });
});

describe('list items', () => {
  const names = (text: string) =>
    extractSkills(sectionLinesOf(text), defaultTaxonomy, { excludedLines: new Set() }).map(
      (item) => item.name,
    );

  it('splits parenthesised sub-lists and slashed names, not slashed terms or versions', () => {
    expect(names('SKILLS\nOffice (Excel, Word), C/C++/C#, PL/SQL, Windows 95/98')).toEqual([
      'Office',
      'Excel',
      'Word',
      'C',
      'C++',
      'C#',
      'PL/SQL',
      'Windows 95/98',
    ]);
  });

  it('reads a category label before a dash and a lone item after a category label', () => {
    expect(names('SKILLS\nTools - Eclipse, Maven\nDatabase: SQL Server 2008')).toEqual([
      'Eclipse',
      'Maven',
      'SQL Server 2008',
    ]);
  });

  it('splits two known names joined by a conjunction, not a phrase', () => {
    expect(
      names(
        'SKILLS\nOperating systems: Windows and Linux\nJSP & Hibernate\nResearch and Development\nSales & Marketing',
      ),
    ).toEqual(['Windows', 'Linux', 'JSP', 'Hibernate', 'Research and Development', 'Sales & Marketing']);
  });

  it('reads the label of a skill described in a sentence, not the sentence', () => {
    expect(
      names(
        'SKILLS\nTime Management: Successfully balanced work of twenty hours a week with full-time study\n' +
          'Networking: Hands on experience on Cisco devices, AAA, TACACS, RADIUS',
      ),
    ).toEqual(['Time Management', 'AAA', 'TACACS', 'RADIUS']);
  });

  it('reads "Languages:" lists of programming languages, not spoken ones', () => {
    expect(names('SKILLS\nKnown languages: Java, Python\nKnown languages: English, Hindi')).toEqual([
      'Java',
      'Python',
    ]);
  });
});

describe('wrapped lists', () => {
  it('does not run a list ending with "C++" on into the next labelled line', () => {
    const names = extractSkills(
      sectionLinesOf('SKILLS\nLanguages: C, C++\nTesting Tools: QTP, LoadRunner\nJava, Spring,\nHibernate'),
      defaultTaxonomy,
      { excludedLines: new Set() },
    ).map((item) => item.name);
    expect(names).toEqual(['C', 'C++', 'QTP', 'LoadRunner', 'Java', 'Spring', 'Hibernate']);
  });
});
