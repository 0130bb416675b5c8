import { describe, expect, it } from 'vitest';
import { documentFromText } from '../extract/text-document.js';
import type { ExtractedDocument } from '../extract/types.js';
import { headingKind, splitSections } from './sections.js';

describe('headingKind', () => {
  it.each([
    ['EXPÉRIENCES PROFESSIONNELLES', 'experience'],
    ['Parcours', 'experience'],
    ['Experience', 'experience'],
    ['Formation(s)', null],
    ['Formations', 'education'],
    ['Diplômes :', 'education'],
    ['COMPÉTENCES', 'skills'],
    ['Skills', 'skills'],
    ['Permis & habilitations', 'certifications'],
    ['Langues', 'languages'],
    ["Centres d'intérêt", 'interests'],
    ['Education', 'education'],
    ['Cariste', null],
    ['Permis B', null],
    ['Professional Summary', 'profile'],
    ['CAREER OVERVIEW', 'profile'],
    ['Skill Highlights', 'skills'],
    ['Work History', 'experience'],
    ['Education and Training', 'education'],
    ['Accomplishments', 'other'],
    ['Highlights of Employment', 'experience'],
    ['ACADEMIC /TEACHING EXPERIENCE', 'experience'],
    ['Adjunct Academic Positions', 'experience'],
    ['ACADEMIC QUALIFICATIONS', 'education'],
    ['E xp er ie nc e', 'experience'],
    ['S K I L L S', 'skills'],
    ['Areas of Expertise', 'skills'],
    ['MISSIONS INTÉRIM', 'experience'],
    ['Missions d’intérim', 'experience'],
    ['EXPERIENCE PROFESIONNELLE', 'experience'],
    ['Compétences linguistiques', 'languages'],
    ["Bachelor's Degree in Physical Education", null],
    ['Master of Education', null],
    ['AREAS OF EXCELLENCE', 'skills'],
    ['Exchange Server Knowledge', 'skills'],
    ['Teacher Education', 'education'],
    ['EDUCATION & CERTIFICATION', 'education'],
    ['Education and Licensure', 'education'],
    ['CPR Certification', null],
    ['Forklift Training Certificate', null],
  ])('%s → %s', (text, kind) => {
    expect(headingKind(text)).toBe(kind);
  });
});

describe('splitSections', () => {
  it('splits by headings, keeps the lines before the first heading as top', () => {
    const sections = splitSections(
      documentFromText('Marie Curie\nCariste\nCOMPÉTENCES\n- Inventaires\nLangues\nAnglais : courant'),
    );
    expect(sections.map((section) => [section.kind, section.lines.map((line) => line.text)])).toEqual([
      ['top', ['Marie Curie', 'Cariste']],
      ['skills', ['Inventaires']],
      ['languages', ['Anglais : courant']],
    ]);
  });

  it('reads an inline heading "Compétences : a, b" as a section with content', () => {
    const document = documentFromText('Nom Prénom\nCompétences : gerbage, filmage');
    const sections = splitSections(document);
    const skills = sections.find((section) => section.kind === 'skills')!;
    expect(skills.lines[0]!.text).toBe('gerbage, filmage');
    expect(document.text.slice(skills.lines[0]!.start, skills.lines[0]!.start + 7)).toBe('gerbage');
  });

  it('joins a heading broken over two lines and reads each column in one piece', () => {
    const lines: [string, number, boolean?][] = [
      ['CONTACT', 0, true],
      ['PERMIS &', 0, true],
      ['Nicolas Exemple', 1],
      ['HABILITATIONS', 0, true],
      ['Permis B', 0],
      ['EXPÉRIENCES', 1, true],
      ['Cariste – X, Lyon', 1],
    ];
    let offset = 0;
    const document: ExtractedDocument = {
      format: 'pdf',
      pages: 1,
      text: lines.map(([text]) => text).join('\n'),
      tables: [],
      warnings: [],
      lines: lines.map(([text, column, bold]) => {
        const line = { text, page: 1, start: offset, column, bold: bold ?? false, fontSize: 10 };
        offset += text.length + 1;
        return line;
      }),
    };
    const sections = splitSections(document);
    expect(sections.map((section) => [section.kind, section.lines.map((line) => line.text)])).toEqual([
      ['contact', []],
      ['certifications', ['Permis B']],
      ['top', ['Nicolas Exemple']],
      ['experience', ['Cariste – X, Lyon']],
    ]);
  });
});
