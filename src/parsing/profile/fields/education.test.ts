import { describe, expect, it } from 'vitest';
import { sectionLinesOf } from '../test-helpers.js';
import { extractEducation, namesDegreeInFull } from './education.js';

const read = (text: string, strict = false) =>
  extractEducation(sectionLinesOf(text, strict ? 'top' : 'education'), { strict }).map((item) => [
    item.degree,
    item.institution,
    item.year,
  ]);

describe('extractEducation', () => {
  it('reads degree, institution and year in both layouts', () => {
    const text = [
      'FORMATION',
      '2019 : Bac pro Logistique – Lycée Hélène Boucher',
      'BTS Support à l’action managériale – Lycée Jules Siegfried (2017)',
      '2016-2018 : DUT GEA – IUT Lyon 3',
      'CAP Maçon',
    ].join('\n');
    expect(read(text)).toEqual([
      ['Bac pro Logistique', 'Lycée Hélène Boucher', 2019],
      ['BTS Support à l’action managériale', 'Lycée Jules Siegfried', 2017],
      ['DUT GEA', 'IUT Lyon 3', 2018],
      ['CAP Maçon', null, null],
    ]);
  });

  it('reads a subject under a bare degree code, a labelled degree and a degree line ending with a dot', () => {
    const text = [
      'EDUCATION',
      'Nuneaton University',
      'BSc (Hons)',
      'Sales Management',
      'Qualification: Degree in Engineering (Metallurgy)',
      '2003-2005',
      'Masters of Commerce in Sales and Marketing, London School of Commerce.',
    ].join('\n');
    expect(read(text).map((entry) => entry[0])).toEqual([
      'BSc (Hons) Sales Management',
      'Degree in Engineering (Metallurgy)',
      'Masters of Commerce in Sales and Marketing',
    ]);
  });

  it('joins a line wrapped by the PDF layout', () => {
    const text = 'FORMATION\nBac pro Cuisine – Lycée hôtelier\nFrançois Rabelais (2019)';
    expect(read(text)).toEqual([['Bac pro Cuisine', 'Lycée hôtelier François Rabelais', 2019]]);
  });

  it('in strict mode keeps only lines with a degree word (not addresses or licences)', () => {
    const text = '21 rue de la Paix 69003 Lyon\nagent de service\nPermis B\nDEAS 2022';
    expect(read(text, true)).toEqual([['DEAS', null, 2022]]);
  });

  it('reads degree, school and dates written on separate lines, and English degree codes', () => {
    const text = [
      'EDUCATION',
      'B.Tech in Computer Science and Engineering',
      'Uttar Pradesh Technical University - Ghaziabad, Uttar Pradesh',
      'July 2010 to April 2014',
      'MBA, Michigan State University',
      'BS Electrical Engineering',
      'Rutgers University, New Brunswick, NJ (2009)',
    ].join('\n');
    expect(read(text)).toEqual([
      ['B.Tech in Computer Science and Engineering', 'Uttar Pradesh Technical University', 2014],
      ['MBA', 'Michigan State University', null],
      ['BS Electrical Engineering', 'Rutgers University', 2009],
    ]);
  });

  it('leaves out dated lines that are not degrees when the section has degrees', () => {
    const text = [
      'EDUCATION',
      'Master of Science in Statistics, 2015',
      'Provost Outstanding Teaching Award, 2016',
      'Dean’s list, Spring 2014',
    ].join('\n');
    expect(read(text)).toEqual([['Master of Science in Statistics', null, 2015]]);
  });
});

describe('a degree code and its subject', () => {
  it('keeps the subject written after a comma or a dash', () => {
    const text =
      'EDUCATION\nB.S., Elementary Education, 2004\nM.Ed., Educational Leadership, 2008\nBS - Behavioral Science';
    expect(read(text)).toEqual([
      ['B.S., Elementary Education', null, 2004],
      ['M.Ed., Educational Leadership', null, 2008],
      ['BS - Behavioral Science', null, null],
    ]);
  });
});

describe('degrees written loosely', () => {
  it('keeps the subject after a degree named by its broad field, and reads B-TECH', () => {
    const text = [
      'EDUCATION',
      'Master of Arts, Counseling Psychology',
      'May 2015',
      'B-TECH',
      'JAWAHARLAL NEHRU TECHNOLOGICAL UNIVERSITY',
      'Bachelor of Arts',
      'coursework',
    ].join('\n');
    expect(read(text)).toEqual([
      ['Master of Arts, Counseling Psychology', null, 2015],
      ['B-TECH', 'JAWAHARLAL NEHRU TECHNOLOGICAL UNIVERSITY', null],
      // "coursework" is no subject of the degree (what becomes of it is the institution rule's business).
      [expect.stringMatching(/^Bachelor of Arts$/u), expect.anything(), null],
    ]);
  });

  it.each([
    ['Bachelors in Arts, Clifford College, Ohio, 2002', true],
    ["Bachelor's Degree in Physical Education", true],
    ['Master of Science in Nursing', true],
    ['Associate of Arts in Education', true],
    ['Master Electrician', false],
    ['Associate Director of Sales', false],
    ['master of ceremonies at events', false],
  ])('%s names a degree in full: %s', (text, expected) => {
    expect(namesDegreeInFull(text)).toBe(expected);
  });
});

describe('lines that name no qualification', () => {
  it('leaves out schools named after their kind, generic words, graduation-date labels and sentence tails', () => {
    const text = [
      'EDUCATION',
      'B.Sc. in Chemistry, Westfield University, 2012',
      'Arlington High School, 2008',
      'UNDERGRADUATE DEGREE',
      'Expected Graduation Date: May 2020',
      'teaching undergraduate and postgraduate courses.',
      'High School Diploma, 2008',
    ].join('\n');
    expect(read(text).map((entry) => entry[0])).toEqual(['B.Sc. in Chemistry', 'High School Diploma']);
  });
});
