/**
 * Word and plain-text layouts of the French intérim set: a Word template with the jobs in a table, a Word
 * CV with bold headings and mixed lines, and a CV typed by the candidate (few headings, one line per job).
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { stabiliseDocx } from '../fixtures/render-docx.js';
import type { ComposedCv } from './compose.js';

const FIXED_DATE = new Date(Date.UTC(2026, 11, 7, 9, 0, 0));

const text = (value: string, options: { bold?: boolean; size?: number; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text: value, ...options })] });
const bullet = (value: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(value)] });
const heading = (value: string) =>
  new Paragraph({
    spacing: { before: 200 },
    children: [new TextRun({ text: value.toUpperCase(), bold: true, size: 24 })],
  });

/** Word CV; `table` puts each job (dates | title, company, tasks) and each diploma in table rows. */
export async function renderDocx(cv: ComposedCv, table: boolean): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [];
  if (table) {
    // Header as a two-cell table: identity left, contact right (a common Word template).
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            children: [
              new TableCell({
                children: [text(cv.name, { bold: true, size: 32 }), text(cv.headline, { italics: true })],
              }),
              new TableCell({
                children: [...cv.address, cv.phone, cv.email, ...cv.personal].map(
                  (line) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(line)] }),
                ),
              }),
            ],
          }),
        ],
      }),
    );
  } else {
    body.push(text(cv.name, { bold: true, size: 32 }));
    for (const line of [...cv.address, `Tél. : ${cv.phone}`, `Mail : ${cv.email}`, ...cv.personal])
      body.push(text(line));
    body.push(text(cv.headline, { bold: true, size: 26 }));
  }
  if (cv.profile) body.push(text(cv.profile, { italics: true }));
  body.push(heading(cv.headings.experience ?? 'Expériences'));
  if (table) {
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: cv.jobs.map(
          (job) =>
            new TableRow({
              children: [
                new TableCell({
                  width: { size: 25, type: WidthType.PERCENTAGE },
                  children: [text(job.dates)],
                }),
                new TableCell({
                  children: [
                    text(job.title, { bold: true }),
                    text(`${job.company} – ${job.city}`),
                    ...job.tasks.map(bullet),
                  ],
                }),
              ],
            }),
        ),
      }),
    );
  } else {
    for (const job of cv.jobs) {
      if (job.arrangement % 2 === 0) {
        body.push(text(job.line, { bold: job.arrangement === 0 }));
      } else {
        body.push(text(`${job.title} – ${job.company}`, { bold: true }), text(`${job.city}, ${job.dates}`));
      }
      for (const task of job.tasks) body.push(bullet(task));
    }
  }
  if (cv.degrees.length > 0) {
    body.push(heading(cv.headings.education));
    if (table) {
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: cv.degrees.map(
            (degree) =>
              new TableRow({
                children: [
                  new TableCell({
                    width: { size: 25, type: WidthType.PERCENTAGE },
                    children: [text(degree.year)],
                  }),
                  new TableCell({ children: [text(degree.text, { bold: true }), text(degree.school)] }),
                ],
              }),
          ),
        }),
      );
    } else {
      for (const degree of cv.degrees) body.push(text(`${degree.text} (${degree.school}) – ${degree.year}`));
    }
  }
  body.push(heading(cv.headings.skills));
  const skills = cv.headings.certificates ? cv.skills : [...cv.skills, ...cv.certificates];
  if (table) for (const skill of skills) body.push(bullet(skill));
  else body.push(text(skills.join(', ')));
  if (cv.headings.certificates && cv.certificates.length > 0) {
    body.push(heading(cv.headings.certificates));
    for (const certificate of cv.certificates) body.push(bullet(certificate));
  }
  if (cv.licences) body.push(text(cv.licences));
  if (cv.languages.length > 0) {
    body.push(heading(cv.headings.languages));
    for (const language of cv.languages) body.push(text(`${language.name} : ${language.text}`));
  }
  if (cv.interests.length > 0) {
    body.push(heading(cv.headings.interests));
    body.push(text(cv.interests.join(', ')));
  }
  const document = new Document({
    creator: 'cvmatch fr-interim set',
    title: `CV ${cv.name}`,
    sections: [{ children: body }],
  });
  return stabiliseDocx(await Packer.toBuffer(document), FIXED_DATE);
}

/** A CV typed by the candidate: name, contact, jobs one per line, few headings, sloppy spacing. */
export function renderTypedText(cv: ComposedCv): string {
  const lines: string[] = [cv.name.toUpperCase(), ...cv.address, cv.phone, cv.email, ...cv.personal, ''];
  lines.push(cv.headline, '');
  if (cv.profile) lines.push(cv.profile, '');
  if (cv.headings.experience) lines.push(`${cv.headings.experience} :`);
  for (const job of cv.jobs) {
    lines.push(`- ${job.line}`);
    for (const task of job.tasks.slice(0, 1)) lines.push(`   ${task.toLowerCase()}`);
  }
  lines.push('');
  if (cv.degrees.length > 0) {
    lines.push(`${cv.headings.education} :`);
    for (const degree of cv.degrees) lines.push(`${degree.year}  ${degree.text}`);
    lines.push('');
  }
  lines.push(`${cv.headings.skills} : ${cv.skills.join(', ')}`);
  if (cv.certificates.length > 0) lines.push(cv.certificates.join(' / '));
  if (cv.licences) lines.push(cv.licences);
  if (cv.languages.length > 0)
    lines.push(
      `${cv.headings.languages} : ${cv.languages.map((language) => `${language.name} (${language.text})`).join(', ')}`,
    );
  if (cv.interests.length > 0) lines.push(`${cv.headings.interests} : ${cv.interests.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
