import { describe, expect, it } from 'vitest';
import { sectionLinesOf } from '../test-helpers.js';
import { isPlace, splitParts } from './entry-parts.js';
import { extractExperiences, splitHeader } from './experiences.js';

const noOccupation = () => null;
const read = (text: string, strict = false) =>
  extractExperiences(sectionLinesOf(text, 'experience', 'top'), {
    resolveOccupation: noOccupation,
    strict,
  }).map((item) => [item.title, item.company, item.location, item.start, item.end, item.current]);

describe('splitHeader', () => {
  it.each([
    ['Cariste – Entrepôt Rhône, Corbas', { title: 'Cariste', company: 'Entrepôt Rhône', location: 'Corbas' }],
    ['Cariste chez Transports X (Lyon)', { title: 'Cariste', company: 'Transports X', location: 'Lyon' }],
    [
      'Order Picker at Fulfilment Centre, Saint-Priest',
      { title: 'Order Picker', company: 'Fulfilment Centre', location: 'Saint-Priest' },
    ],
    ['Soudeur | Métallerie Y | Lyon', { title: 'Soudeur', company: 'Métallerie Y', location: 'Lyon' }],
    ['Aide-soignante', { title: 'Aide-soignante', company: null, location: null }],
    [
      'Strategic Marketing, Inc., Houston, TX',
      { title: '', company: 'Strategic Marketing, Inc.', location: 'Houston, TX' },
    ],
    ['Product Manager (Houston, TX) ,', { title: 'Product Manager', company: null, location: 'Houston, TX' }],
    // An employer before "City, ST" is no part of the place; "City, Region, Country" is a place.
    [
      'Flashstarts Media Group, Cleveland, OH',
      { title: '', company: 'Flashstarts Media Group', location: 'Cleveland, OH' },
    ],
    [
      'Analyst, Pune, Maharashtra, India',
      { title: 'Analyst', company: null, location: 'Pune, Maharashtra, India' },
    ],
    // Two titles joined by a slash stay one title ("Systems" is no employer's last word here).
    [
      'JAVA Developer/Senior Systems Engineer',
      { title: 'JAVA Developer/Senior Systems Engineer', company: null, location: null },
    ],
  ])('%s', (text, expected) => {
    expect(splitHeader(text)).toEqual(expected);
  });
});

describe('places in entry headers', () => {
  it('reads "City, Region, Country" as a place, not "Employer, City, ST"', () => {
    expect(isPlace('Pune, Maharashtra, India')).toBe(true);
    expect(isPlace('Austin, TX, USA')).toBe(true);
    expect(isPlace('FLASHSTARTS, Cleveland, OH')).toBe(false);
    // A state then its own code: the city and its state, after an employer.
    expect(isPlace('OTC Logic, New York, NY')).toBe(false);
    expect(isPlace('New York, NY')).toBe(true);
    expect(splitParts('OTC Logic, New York, NY').map((part) => part.text)).toEqual([
      'OTC Logic',
      'New York, NY',
    ]);
    expect(splitParts('NetSpend, Austin, Texas').map((part) => part.text)).toEqual([
      'NetSpend',
      'Austin, Texas',
    ]);
  });
});

describe('extractExperiences', () => {
  it('reads a header whose description goes on after a full stop on the same line', () => {
    const text = [
      'EXPERIENCE',
      'Newspaper Staff Member, The Daily',
      'Aug 2012 - present. Features editor of campus newspaper, responsible for award-winning design.',
      '2001-2002: Interim Department Chair, Political Science. Responsible for supervising faculty and staff.',
    ].join('\n');
    expect(read(text).map(([, , , start, end, current]) => [start, end, current])).toEqual([
      ['2012-08', null, true],
      ['2001-01', '2002-12', false],
    ]);
  });

  it('reads dated list items as missions ("- 03/2023 à 06/2023 : Cariste chez Lidl, Lyon")', () => {
    const text = [
      'MISSIONS INTÉRIM',
      '- 03/2023 à 06/2023 : Cariste chez Lidl, Lyon',
      '- Manutentionnaire – Geodis – 01/2022 - 02/2022',
      '- Worked with the team from 2019 to 2020 on many projects and improved the throughput.',
    ].join('\n');
    expect(read(text).map(([title, company, , start, end]) => [title, company, start, end])).toEqual([
      ['Cariste', 'Lidl', '2023-03', '2023-06'],
      ['Manutentionnaire', 'Geodis', '2022-01', '2022-02'],
    ]);
  });

  it('keeps the previous entry’s tasks out of a header that starts on its dates line', () => {
    const text = [
      'EXPERIENCES',
      'Soudeur TIG | 2024 – 2026',
      'Safran, Tourcoing',
      'Changement de série',
      'Respect des cadences et des règles de sécurité',
      'Opérateur de production | 2023-2024',
      'Valeo, Bordeaux',
      'Remplissage des fiches de production',
    ].join('\n');
    expect(read(text).map(([title, company]) => [title, company])).toEqual([
      ['Soudeur TIG', 'Safran'],
      ['Opérateur de production', 'Valeo'],
    ]);
  });

  it('opens no entry on a running footer ("Jane Doe, Curriculum Vitae, April 2013")', () => {
    const text = [
      'EXPERIENCE',
      'Legal Officer, Central Land Council',
      '1988-90',
      'Jane Doe, Curriculum Vitae, April 2013',
      'Jane Doe, page 2 of 3',
    ].join('\n');
    expect(read(text).map(([, , , start, end]) => [start, end])).toEqual([['1988-01', '1990-12']]);
  });

  it('opens entries on template years ("September 20XX-Present"), leaving their dates unknown', () => {
    const text = [
      'EXPERIENCE',
      'Food Service Worker',
      'Taco Restaurant',
      'September 20XX-Present',
      'Business Teacher, Treeville High School, Treeville, Nebraska, 19xx-20xx',
    ].join('\n');
    expect(read(text)).toEqual([
      ['Food Service Worker', 'Taco Restaurant', null, null, null, true],
      ['Business Teacher', 'Treeville High School', 'Treeville, Nebraska', null, null, false],
    ]);
  });

  it('reads dates cut over two lines with the header after the end date ("2007" / "Present: Copywriter, X")', () => {
    const text = [
      'EXPERIENCE',
      '2007',
      'Present: Associate Print Copywriter, Saatchi & Saatchi, New York City',
      'Compose taglines.',
      '1995',
      '1998: Senior Engineer',
    ].join('\n');
    expect(read(text)).toEqual([
      ['Associate Print Copywriter', 'Saatchi & Saatchi', null, '2007-01', null, true],
      ['Senior Engineer', null, null, '1995-01', '1998-12', false],
    ]);
  });

  it('reads the three usual layouts', () => {
    const text = [
      'EXPÉRIENCES PROFESSIONNELLES',
      'Cariste – Entrepôt Rhône, Corbas',
      "janv. 2021 – aujourd'hui",
      '• Chargement des camions',
      '03/2019 - 06/2020 : Préparateur de commandes chez LogiSud (Saint-Priest)',
      '• Préparation vocale',
      'Magasinier',
      'Quincaillerie Perret | Lyon | 2012 à 2014',
    ].join('\n');
    expect(read(text)).toEqual([
      ['Cariste', 'Entrepôt Rhône', 'Corbas', '2021-01', null, true],
      ['Préparateur de commandes', 'LogiSud', 'Saint-Priest', '2019-03', '2020-06', false],
      ['Magasinier', 'Quincaillerie Perret', 'Lyon', '2012-01', '2014-12', false],
    ]);
  });

  it('keeps bullets as the description and gives a source span covering title and dates', () => {
    const text =
      'EXPERIENCE\nForklift Driver – Cold Store, Lyon\nJan 2020 - Present\n• Loading trucks\n• Stock rotation';
    const [item] = extractExperiences(sectionLinesOf(text, 'experience'), {
      resolveOccupation: () => ({ romeCode: 'N1101', label: 'Conduite d’engins de déplacement des charges' }),
      strict: false,
    });
    expect(item!.description).toBe('Loading trucks\nStock rotation');
    expect(item!.occupation?.romeCode).toBe('N1101');
    expect(text.slice(item!.source!.start, item!.source!.end)).toBe(
      'Forklift Driver – Cold Store, Lyon\nJan 2020 - Present',
    );
  });

  it('takes the company from the line after "title (dates)"', () => {
    const text = 'EXPÉRIENCE\nCariste (2018 - 2020)\nPlateforme Est – Saint-Priest\n• Chargement';
    expect(read(text)).toEqual([['Cariste', 'Plateforme Est', 'Saint-Priest', '2018-01', '2020-12', false]]);
  });

  it('in strict mode (no headings) only takes real periods, not single dates', () => {
    const text =
      'Marie Exemple\nNée le 12/04/1995\n2019 : CAP Cuisine\ndepuis 2021 ASH chez Hôpital Nord (Lyon)';
    expect(read(text, true)).toEqual([['ASH', 'Hôpital Nord', 'Lyon', '2021-01', null, true]]);
  });
});

describe('a plain text CV with labels and comma-separated experience lines', () => {
  const occupations = new Set(['cariste', 'magasinier']);
  const resolveOccupation = (title: string) =>
    occupations.has(title.toLowerCase()) ? { romeCode: 'N1101', label: 'Cariste' } : null;

  it('does not take the last description line as the next title', () => {
    const text = [
      'EXPERIENCES',
      '2020 - 2023 Cariste, Société Y, Gonesse',
      'Conduite de chariots',
      '2015 - 2019 Magasinier - Z - Paris',
    ].join('\n');
    const items = extractExperiences(sectionLinesOf(text, 'experience'), {
      resolveOccupation,
      strict: false,
    });
    expect(items.map((item) => [item.title, item.company, item.description])).toEqual([
      ['Cariste', 'Société Y', 'Conduite de chariots'],
      ['Magasinier', 'Z', ''],
    ]);
  });
});

describe('experiences whatever the order of title, employer, place and dates', () => {
  const titles = (text: string) =>
    extractExperiences(sectionLinesOf(text, 'experience'), {
      resolveOccupation: noOccupation,
      strict: false,
    }).map((item) => [item.title, item.company, item.location, item.start, item.end, item.current]);

  it('reads title / employer - place - / dates (job-board export)', () => {
    const text = [
      'WORK EXPERIENCE',
      'Senior Software Engineer',
      'Infosys Limited -  Bangalore Urban, Karnataka -',
      'July 2017 to Present',
      '- Led the offshore team',
      'Associate Consultant',
      'Acme -  Pune, Maharashtra -',
      'May 2016 to June 2017',
    ].join('\n');
    expect(titles(text)).toEqual([
      ['Senior Software Engineer', 'Infosys Limited', 'Bangalore Urban, Karnataka', '2017-07', null, true],
      ['Associate Consultant', 'Acme', 'Pune, Maharashtra', '2016-05', '2017-06', false],
    ]);
  });

  it('reads dates in square brackets and leaves months and sentence ends out of the employer', () => {
    const text = [
      'WORK EXPERIENCE',
      'Team Lead - Sapient Consulting Pvt. Ltd. [July 2011 to August 2012]',
      'Support Engineer - 000 - Responsibilities',
      'March 2009 to June 2011',
    ].join('\n');
    expect(titles(text)).toEqual([
      ['Team Lead', 'Sapient Consulting Pvt. Ltd.', null, '2011-07', '2012-08', false],
      ['Support Engineer', null, null, '2009-03', '2011-06', false],
    ]);
  });

  it('reads anonymised templates: "Company Name City , State TITLE dates", and dates first', () => {
    const text = [
      'Experience',
      'Company Name City , State KINDERGARTEN TEACHER 09/2013 to Current',
      'Create engaging lesson plans.',
      'PROJECT ACCOUNTANT',
      'February 2003 to Current Company Name - City , State',
    ].join('\n');
    expect(titles(text)).toEqual([
      ['KINDERGARTEN TEACHER', 'Company Name', 'City , State', '2013-09', null, true],
      ['PROJECT ACCOUNTANT', 'Company Name', 'City , State', '2003-02', null, true],
    ]);
    const datesFirst = [
      'EXPÉRIENCES',
      '01/2019 – 06/2020',
      'Cariste',
      'Entrepôt Nord, Corbas',
      'Chargement.',
    ];
    expect(titles(datesFirst.join('\n'))).toEqual([
      ['Cariste', 'Entrepôt Nord', 'Corbas', '2019-01', '2020-06', false],
    ]);
  });

  it('reads labelled lines, dates cut over two lines, and roles nested under their employer', () => {
    const labelled = [
      'EXPERIENCE',
      'Duration: Jan 2015 to Dec 2017',
      'Position: Test Engineer',
      'Employer: Acme Labs',
    ];
    expect(titles(labelled.join('\n'))).toEqual([
      ['Test Engineer', 'Acme Labs', null, '2015-01', '2017-12', false],
    ]);
    const cut = ['EXPERIENCE', 'Teacher Aide', 'Tucson, AZ | Mar 2011', 'Present'];
    expect(titles(cut.join('\n'))).toEqual([['Teacher Aide', null, 'Tucson, AZ', '2011-03', null, true]]);
    const nested = [
      'EXPERIENCE',
      'Northwind Systems, Dallas, TX',
      '1999 - 2005',
      'Senior Marketing Manager',
      '2002 - 2005',
      'Key Account Manager',
      '1999 - 2002',
    ];
    expect(titles(nested.join('\n'))).toEqual([
      ['Senior Marketing Manager', 'Northwind Systems', 'Dallas, TX', '2002-01', '2005-12', false],
      ['Key Account Manager', 'Northwind Systems', 'Dallas, TX', '1999-01', '2002-12', false],
    ]);
  });

  it('never makes a job of a bullet, a sentence, a heading or a degree', () => {
    const text = [
      'EXPERIENCE',
      '• $360B in accounting adjustments allowing 2015 - 2016',
      'I worked there from 2012 to 2014 as a volunteer helping families.',
      'Educational Background 2008 - 2012',
      'Bachelors of Arts 2004 - 2008',
    ].join('\n');
    expect(titles(text)).toEqual([]);
  });

  describe('with the part classifier (English resumes)', () => {
    const learned = (text: string) =>
      extractExperiences(sectionLinesOf(text, 'experience'), {
        resolveOccupation: noOccupation,
        strict: false,
        learned: true,
      }).map((item) => [item.title, item.company, item.start]);

    it('reads "Title, Employer" by cutting the piece at its comma when that reading is more probable', () => {
      const text = [
        'WORK EXPERIENCE',
        'Produce Clerk, Expensive Foods, Pretend, NE',
        'June 2010 - August 2012',
        '• Stocked shelves.',
        'Writing Center Tutor, Towson University',
        'September 2012 - May 2013',
        '• Tutored students.',
      ].join('\n');
      expect(learned(text)).toEqual([
        ['Produce Clerk', 'Expensive Foods', '2010-06'],
        ['Writing Center Tutor', null, '2012-09'],
      ]);
    });

    it('finds the title of an employer-only entry under a line about the employer', () => {
      const text = [
        'PROFESSIONAL EXPERIENCE',
        'NORTHWIND TRADERS, INC., Boston, MA',
        '2007 - Present',
        'Family-owned distributor of power backup solutions.',
        'Vice President, Sales',
        'Grew annual revenues by 40% through multi-year contracts with airlines.',
      ].join('\n');
      expect(learned(text)).toEqual([['Vice President', 'NORTHWIND TRADERS, INC.', '2007-01']]);
    });

    it('reads an entry written without dates when its title is clear', () => {
      const text = [
        'WORK EXPERIENCE',
        'Software Engineer - Contoso Ltd',
        'January 2016 to Present',
        '• Built the billing service.',
        'Senior Software Engineer',
        '• Led a team of four developers on the payments platform.',
      ].join('\n');
      const read = learned(text);
      expect(read[0]).toEqual(['Software Engineer', 'Contoso Ltd', '2016-01']);
      expect(read.map((entry) => entry[0])).toContain('Senior Software Engineer');
      expect(read.find((entry) => entry[0] === 'Senior Software Engineer')?.[2]).toBeNull();
    });

    it('keeps description lines out of the next header, which then takes the employer line after its dates', () => {
      const text = [
        'EXPERIENCE',
        'Web Developer, 2017 - 2019',
        'Northwind Traders, Inc., Charlotte, NC',
        'Built the backend and set up the database for the platform and',
        'expanded online tools for a rapidly growing company',
        'Web Developer, 2015 - 2017',
        'Contoso Solutions, Norfolk, VA',
        'Added tables to several customer databases with many records',
        'Support Engineer, 2013 - 2015',
        'Fabrikam Motor Company, Detroit, MI',
      ].join('\n');
      expect(learned(text)).toEqual([
        ['Web Developer', 'Northwind Traders, Inc.', '2017-01'],
        ['Web Developer', 'Contoso Solutions', '2015-01'],
        ['Support Engineer', 'Fabrikam Motor Company', '2013-01'],
      ]);
    });

    it('opens an entry on dates written alone under a description, with the employer line after them', () => {
      const text = [
        'EMPLOYMENT',
        'Legal Work',
        '2008',
        'Present',
        'Legal Coaching',
        'Coached attorneys and legal staff on ways to grow their practice.',
        '1987',
        '2007',
        'Law Offices of Jane Roe',
        'A full service law firm handling cases from the claim stage through appeals.',
      ].join('\n');
      expect(learned(text)).toContainEqual(['', 'Law Offices of Jane Roe', '1987-01']);
    });

    it('gives an entry written without dates the employer written alone on the line above it', () => {
      const text = [
        'EXPERIENCE',
        'NORTHWIND COMPUTER',
        'Software Engineer, Intern',
        'Designed a new approach for searching files, enabling rapid searching.',
        'CONTOSO CORPORATION',
        'Software Design Engineer, Intern',
        'Implemented features for developer products.',
      ].join('\n');
      expect(learned(text)).toEqual([
        ['Software Engineer', 'NORTHWIND COMPUTER', null],
        ['Software Design Engineer', 'CONTOSO CORPORATION', null],
      ]);
    });

    it('reads the employer after the comma of the title when the part it first chose was doubtful', () => {
      const text = [
        'EXPERIENCE',
        'Software Engineer, Northwind Traders - Client: Contoso - 2016 - 2018',
      ].join('\n');
      expect(learned(text)).toEqual([['Software Engineer', 'Northwind Traders', '2016-01']]);
    });

    it('reads the employer line under a line that only gives the length of the job', () => {
      const text = [
        'EXPERIENCE',
        'Senior Game Programmer',
        'February 2013 to April 2014',
        '1 Year 3 Months',
        'Northwind Games Pvt. Ltd., Indore, India',
        'o Gameplay programming of two published titles',
      ].join('\n');
      expect(learned(text)).toEqual([['Senior Game Programmer', 'Northwind Games Pvt. Ltd.', '2013-02']]);
    });

    it('takes the employer of a titled entry from a line under its dates that the classifier reads as one', () => {
      const text = [
        'EXPERIENCE',
        'Software Engineer',
        '2012 - 2013',
        'Contoso Technologies Pvt Ltd',
        'Built the billing service.',
      ].join('\n');
      expect(learned(text)).toEqual([['Software Engineer', 'Contoso Technologies Pvt Ltd', '2012-01']]);
    });

    it('keeps an entry whose only employer is doubtful when a title follows its header, without that employer', () => {
      const text = [
        'EXPERIENCE',
        'Client: Contoso 2012 - 2014',
        'Campus Director',
        'Provide leadership and supervision to student services.',
      ].join('\n');
      expect(learned(text)).toEqual([['Campus Director', null, '2012-01']]);
    });

    it('leaves an employer the part classifier doubts empty, and keeps a clear one', () => {
      const text = [
        'EXPERIENCE',
        'Java Developer - Client: Contoso - 2016 - 2018',
        'Java Developer - Contoso Ltd - 2012 - 2014',
      ].join('\n');
      expect(learned(text)).toEqual([
        ['Java Developer', null, '2016-01'],
        ['Java Developer', 'Contoso Ltd', '2012-01'],
      ]);
    });

    it('still leaves bullets and sentences out', () => {
      const text = [
        'EXPERIENCE',
        '• Responsible for supervising the night shift team',
        'I managed the warehouse and reported to the director of operations.',
      ].join('\n');
      expect(learned(text)).toEqual([]);
    });
  });
});
