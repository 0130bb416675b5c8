import { describe, expect, it } from 'vitest';
import { sectionLinesOf } from '../test-helpers.js';
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
  normalizeName,
} from './contact.js';

describe('normalizeName', () => {
  it.each([
    ['DUPONT Marie', 'Marie Dupont'],
    ['Sophie MARCHAND', 'Sophie Marchand'],
    ['yasmine BELKACEM', 'Yasmine Belkacem'],
    ['Thomas van der Berg', 'Thomas van der Berg'],
    ["Kevin N'Guessan", "Kevin N'Guessan"],
    ['Samira EL AMRANI', 'Samira El Amrani'],
    ['JEAN-PIERRE MARTIN', 'Jean-Pierre Martin'],
    ['Aïcha  Diallo', 'Aïcha Diallo'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('findPhone', () => {
  it.each([
    ['Tél. : 06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['Mobile: 07-00-11-22-33', '+33700112233'],
    ['Phone: +44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (text, expected) => {
    expect(findPhone(sectionLinesOf(text))?.value).toBe(expected);
  });

  it('prefers a labelled mobile number and gives its source span', () => {
    const text = 'Fixe 04 78 00 00 00\nPortable : 06 99 12 34 56';
    const found = findPhone(sectionLinesOf(text))!;
    expect(found.value).toBe('+33699123456');
    expect(text.slice(found.source.start, found.source.end)).toBe('06 99 12 34 56');
  });

  it('does not read a birth date as a phone number', () => {
    expect(findPhone(sectionLinesOf('Née le 12/04/1995'))).toBeNull();
  });
});

describe('findEmail and findName', () => {
  it('finds the e-mail in lower case', () => {
    expect(findEmail(sectionLinesOf('E-mail : Marie.Test@Example.fr'))?.value).toBe('marie.test@example.fr');
  });

  it('takes the name, not the job title or the heading', () => {
    const lines = sectionLinesOf(
      'CURRICULUM VITAE\nCariste confirmé\nDUVAL Jean-Pierre\n12 rue X, 69003 Lyon',
    );
    expect(findName(lines)?.value).toBe('Jean-Pierre Duval');
  });

  it('leaves a civility out of the name ("M. Jean-Marc MARCHETTI", "Mme Fatou NDIAYE")', () => {
    expect(findName(sectionLinesOf('M. Jean-Marc MARCHETTI\n06 12 34 56 78'))?.value).toBe(
      'Jean-Marc Marchetti',
    );
    expect(findName(sectionLinesOf('Mme Fatou NDIAYE\nAide-soignante'))?.value).toBe('Fatou Ndiaye');
  });
});

describe('findLocation', () => {
  it.each([
    ['12 rue X, 69003 Lyon', 'Lyon', '69003'],
    ['Vénissieux (69200)', 'Vénissieux', '69200'],
    ['20 rue de Lyon, 69120 Vaulx-en-Velin', 'Vaulx-en-Velin', '69120'],
  ])('%s', (text, city, postalCode) => {
    const found = findLocation(sectionLinesOf(text))!;
    expect(found.value).toMatchObject({ city, postalCode, country: 'FR' });
    expect(found.value.lat).not.toBeNull();
  });

  it('finds a commune written alone on a line', () => {
    expect(findLocation(sectionLinesOf('Villeurbanne'))?.value.city).toBe('Villeurbanne');
  });
});

describe('findLocation on a pasted contact line', () => {
  it('stops the commune name before the next words', () => {
    const text = '21 rue X 69100 Villeurbanne Tél. : 0700112236';
    const found = findLocation(sectionLinesOf(text))!;
    expect(found.value.city).toBe('Villeurbanne');
    expect(found.source.text).toBe('69100 Villeurbanne');
  });
});

describe('findName and job titles', () => {
  it.each([
    'PROJECT ACCOUNTANT',
    'Graphic Designer',
    'Director Of Information Technology',
    'Kindergarten Teachers',
  ])('"%s" is a job title, not a name', (title) => {
    expect(isJobTitleLine(title)).toBe(true);
    expect(findName(sectionLinesOf(`${title}\nSummary\nSeasoned professional.`))).toBeNull();
  });

  it('keeps names that are also trades in French or English surnames', () => {
    expect(findName(sectionLinesOf('Marie BOULANGER\nVendeuse en boulangerie'))?.value).toBe(
      'Marie Boulanger',
    );
    expect(findName(sectionLinesOf('Jane Baker\nSales Associate'))?.value).toBe('Jane Baker');
  });
});

describe('findName with a label', () => {
  it('reads "Nom : Paul MARTIN"', () => {
    expect(findName(sectionLinesOf('CV\nNom : Paul MARTIN\nAdresse : 5 rue X 75010 Paris'))?.value).toBe(
      'Paul Martin',
    );
  });
});

describe('findName on real-world first lines', () => {
  it.each([
    ['Jane Roe - Email me on Indeed: jane@example.org', 'Jane Roe'],
    ['Ivan Keel 87 Some Example Street', 'Ivan Keel'],
    ['"Hal Doe\n123 Main St.', 'Hal Doe'],
    ['RESUME\nLevi Rick Wild,\nPhD student (Computer Science)', 'Levi Rick Wild'],
    ['Allen Neal King ESB Integration Developer - Cisco Systems', 'Allen Neal King'],
  ])('%j → %s', (text, expected) => {
    expect(findName(sectionLinesOf(text))?.value).toBe(expected);
  });

  it.each([
    'Professional Summary\nJava Full Stack Developer',
    'Executive Summary\nTel Aviv, Israel',
    'Kansas City, MO 52364\nSenior Accountant',
    'Sample Resume\nYour Name\n123 Main Street',
    '****\nCandidate profile\nWarehouse operative',
    'Successful document management\nStrong team player',
  ])('finds no name in %j', (text) => {
    expect(findName(sectionLinesOf(text))).toBeNull();
  });
});

describe('findPlaceName', () => {
  it.each([
    ['Bengaluru, Karnataka - Email me on Indeed: x@example.org', 'Bengaluru', 'IN'],
    ['267 Shore Road, Norwalk, CT 06850', 'Norwalk', 'US'],
    ['Austin, TX', 'Austin', 'US'],
    ['Toronto, Ontario | 416-000-0000', 'Toronto', 'CA'],
    ['12 Oak Lane ● Houston, TX 77005', 'Houston', 'US'],
    ['Baltimore, MD 21211', 'Baltimore', 'US'],
    ['525 West 120th Street • New York, NY 10027 • (123)345-7890', 'New York', 'US'],
    ['2501 N. Blackwelder Ave. #466 Oklahoma City, OK 73106 | 123-345-7890', 'Oklahoma City', 'US'],
  ])('%s → %s', (text, city, country) => {
    const found = findPlaceName(sectionLinesOf(text))!;
    expect(found.value).toEqual({ city, postalCode: null, country, lat: null, lon: null });
    expect(found.source.text).toBe(city);
  });

  it('skips moving wishes, employers with dates and template placeholders', () => {
    const text =
      'Willing to relocate to: Pune, Maharashtra\nAcme, Dallas, TX | Mar 2008 - 2010\nCity , State';
    expect(findPlaceName(sectionLinesOf(text))).toBeNull();
  });
});

describe('findPlaceName: a city named like its region', () => {
  it('reads "New York, New York 10001" but not "Chandigarh, Chandigarh" alone', () => {
    expect(findPlaceName(sectionLinesOf('123 Main Street\nNew York, New York 10001'))?.value.city).toBe(
      'New York',
    );
    expect(findPlaceName(sectionLinesOf('Chandigarh, Chandigarh'))).toBeNull();
  });
});

describe('findPlaceName: three fields', () => {
  it.each([
    ['Cary, North Carolina, USA', 'Cary'],
    ['2136 G Street NW, Washington, DC 20052', 'Washington'],
  ])('%s → %s', (text, city) => {
    expect(findPlaceName(sectionLinesOf(text))?.value.city).toBe(city);
  });
});

describe('findPlaceAfterStreet', () => {
  it.each([
    ['Jane Roe\nFrancis Road\nSan Francisco\nPhone: 65-337-55', 'San Francisco'],
    ['Jane Roe\n10 Crichton Street\nEdinburgh\nEH8 9AB', 'Edinburgh'],
    ['Jane Roe\n111 First St, New York', 'New York'],
  ])('%j → %s', (text, city) => {
    const found = findPlaceAfterStreet(sectionLinesOf(text))!;
    expect(found.value.city).toBe(city);
    expect(found.source.text).toBe(city);
  });

  it('reads no town after a street when the next line is a heading, a title or a sentence', () => {
    const text = '12 Oak Lane\nObjective\n14 Elm Road\nSales Manager\n9 Hill Road\nI like to sell cars.';
    expect(findPlaceAfterStreet(sectionLinesOf(text))).toBeNull();
    // A street without a house number far from the head is a product ("Google Drive").
    const tools = 'Jane Roe\nSkills\nExcel\nWord\nSlack\nTrello\nGoogle Drive\nOff-boarding Google Calendar';
    expect(findPlaceAfterStreet(sectionLinesOf(tools))).toBeNull();
  });
});

describe('findPostcodePlace', () => {
  it.each([
    ['35 Hill Crescent, Rowville VIC 3178', 'Rowville', 'AU'],
    ['300 Geogiades Street, GREENACRE Vic 3999', 'GREENACRE', 'AU'],
    ['Birmingham B18 6NF', 'Birmingham', 'GB'],
    ['21 Lister Lane Springvale VIC 3171', 'Springvale', 'AU'],
  ])('%s → %s', (text, city, country) => {
    const found = findPostcodePlace(sectionLinesOf(text))!;
    expect(found.value).toEqual({ city, postalCode: null, country, lat: null, lon: null });
    expect(found.source.text).toBe(city);
  });

  it('reads no town in a street line or a sentence without a postcode', () => {
    expect(
      findPostcodePlace(sectionLinesOf('120 Vyse Street B18 6NF\nWorked in Leeds for ten years')),
    ).toBeNull();
  });
});

describe('findPlaceBeforeContact', () => {
  it.each([
    ['Coimbatore - Email me on Indeed: x@example.org', null, 'Coimbatore'],
    ['Chennai, Tamil Nadu, Tamil Nadu - Email me on Indeed: x@example.org', null, 'Chennai'],
    ['Kharadi, Pune, 411014, IN - Email me on Indeed: x@example.org', null, 'Kharadi'],
    ['Jane Roe, Telangana - Email me on Indeed: x@example.org', 'Jane Roe', 'Telangana'],
    ['Leeds | jane@example.org', null, 'Leeds'],
  ])('%s → %s', (text, name, city) => {
    const found = findPlaceBeforeContact(sectionLinesOf(text), name)!;
    expect(found.value.city).toBe(city);
    expect(found.source.text).toBe(city);
  });

  it('reads no place from a title, an employer or a heading before the contact fields', () => {
    const text =
      'Senior Software Engineer - Email me on Indeed: x@example.org\nAcme Corporation | jane@example.org\n' +
      'Summary - Email me on Indeed: x@example.org';
    expect(findPlaceBeforeContact(sectionLinesOf(text), null)).toBeNull();
  });
});

describe('findName: labels, stops and places', () => {
  it.each([
    ['RESUME OF Jane Roe\nLOS ANGELES\njane@example.org', 'Jane Roe'],
    ['CV Pat Quinn Harlow\n1. Position:\nLegal Manager\n2. Company:\nACME HOLDINGS\n', 'Pat Quinn Harlow'],
    [
      'Copy Writer CV Resume Template\nOmar Blossom Jacobson. Heath\nPhone: 123-345-7890',
      'Omar Blossom Jacobson',
    ],
  ])('%j → %s', (text, name) => {
    expect(findName(sectionLinesOf(text))?.value).toBe(name);
  });

  it('does not read a town and its state code as a name', () => {
    expect(findName(sectionLinesOf('Widener University\nChester PA 19013\nClayton VIC 3168'))).toBeNull();
  });
});
