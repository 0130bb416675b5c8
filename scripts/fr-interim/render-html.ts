/**
 * HTML of the PDF layouts of the French intérim set (printed to PDF by headless Chromium): Europass,
 * a designer template with a coloured sidebar, a classic one-column CV and a "missions intérim" list.
 */
import type { ComposedCv, ComposedJob } from './compose.js';
import type { Layout } from './people.js';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const page = (style: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 0; }
body { margin: 0; font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 10pt; color: #222; }
ul { margin: 2px 0 6px 0; padding-left: 16px; }
p { margin: 2px 0; }
${style}
</style></head><body>${body}</body></html>`;

const list = (items: string[]) =>
  items.length === 0 ? '' : `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;

/** One job as a block, in one of four arrangements of title, company, place and dates. */
function jobBlock(job: ComposedJob): string {
  const title = `<p class="job-title">${escapeHtml(job.title)}</p>`;
  switch (job.arrangement) {
    case 0:
      return `${title}<p>${escapeHtml(job.company)} — ${escapeHtml(job.city)}</p><p class="dates">${escapeHtml(job.dates)}</p>${list(job.tasks)}`;
    case 1:
      return `<p class="dates">${escapeHtml(job.dates)}</p><p class="job-title">${escapeHtml(job.title)} – ${escapeHtml(job.company)}</p><p>${escapeHtml(job.city)}</p>${list(job.tasks)}`;
    case 2:
      return `<p><b>${escapeHtml(job.company.toUpperCase())}</b>, ${escapeHtml(job.city)}<span class="right">${escapeHtml(job.dates)}</span></p>${title}${list(job.tasks)}`;
    default:
      return `<p class="job-title">${escapeHtml(job.title)} | ${escapeHtml(job.dates)}</p><p>${escapeHtml(job.company)}, ${escapeHtml(job.city)}</p>${list(job.tasks)}`;
  }
}

const degreeLines = (cv: ComposedCv) =>
  cv.degrees
    .map(
      (degree) =>
        `<p>${escapeHtml(degree.year)} : ${escapeHtml(degree.text)} – ${escapeHtml(degree.school)}</p>`,
    )
    .join('');

const languageLines = (cv: ComposedCv) =>
  cv.languages
    .map((language) => `<p>${escapeHtml(language.name)} : ${escapeHtml(language.text)}</p>`)
    .join('');

function europass(cv: ComposedCv): string {
  const row = (label: string, content: string) =>
    `<tr><td class="label">${escapeHtml(label)}</td><td>${content}</td></tr>`;
  const section = (title: string) => `<tr><td class="section" colspan="2">${escapeHtml(title)}</td></tr>`;
  const grid = cv.languages
    .filter((language) => language.level !== 'native')
    .map((language) => {
      const level = language.level && /^[ABC][12]$/.test(language.level) ? language.level : 'A2';
      return `<tr><td>${escapeHtml(language.name)}</td>${Array.from({ length: 5 }, () => `<td>${level}</td>`).join('')}</tr>`;
    })
    .join('');
  const natives = cv.languages
    .filter((language) => language.level === 'native')
    .map((language) => language.name);
  const body = `<div class="logo">europass</div><table class="ep">
${row('', `<p class="name">${escapeHtml(cv.name)}</p>`)}
${section('INFORMATIONS PERSONNELLES')}
${row('Adresse', cv.address.map(escapeHtml).join('<br>'))}
${row('Téléphone', escapeHtml(cv.phone))}
${row('Adresse e-mail', escapeHtml(cv.email))}
${row('EMPLOI RECHERCHÉ', `<b>${escapeHtml(cv.headline)}</b>`)}
${section(cv.headings.experience ?? 'EXPÉRIENCE PROFESSIONNELLE')}
${cv.jobs
  .map((job) =>
    row(
      job.dates,
      `<p class="job-title">${escapeHtml(job.title)}</p><p>${escapeHtml(job.company)} [ ${escapeHtml(job.city)}, France ]</p>${list(job.tasks)}`,
    ),
  )
  .join('')}
${section(cv.headings.education)}
${cv.degrees.map((degree) => row(degree.year, `<p class="job-title">${escapeHtml(degree.text)}</p><p>${escapeHtml(degree.school)}</p>`)).join('')}
${section('COMPÉTENCES PERSONNELLES')}
${row('Langue(s) maternelle(s)', escapeHtml(natives.join(', ').toLowerCase() || 'français'))}
${grid ? row('Autre(s) langue(s)', `<table class="grid"><tr><th></th><th>Écouter</th><th>Lire</th><th>Prendre part à une conversation</th><th>S’exprimer oralement en continu</th><th>Écrire</th></tr>${grid}</table>`) : ''}
${row('Compétences professionnelles', list(cv.skills))}
${cv.certificates.length > 0 ? row(cv.headings.certificates ? 'Certifications' : 'Autres compétences', list(cv.certificates)) : ''}
${cv.licences ? row('Permis de conduire', escapeHtml(cv.licences.replace(/^.*?permis\s*:?\s*/i, ''))) : ''}
</table>`;
  return page(
    `.logo { color: #0e47cb; font-size: 16pt; padding: 20px 30px 0; }
.ep { width: 100%; border-collapse: collapse; margin: 10px 20px; }
.ep td { vertical-align: top; padding: 3px 8px; }
.label { width: 28%; text-align: right; color: #1593cb; font-size: 9pt; }
.section { color: #0e47cb; font-weight: bold; padding-top: 12px !important; border-bottom: 1px solid #1593cb; }
.name { font-size: 18pt; }
.job-title { color: #0e47cb; font-weight: bold; }
.grid { border-collapse: collapse; font-size: 8pt; } .grid td, .grid th { border: 1px solid #ccc; padding: 2px; }`,
    body,
  );
}

function sidebar(cv: ComposedCv): string {
  const aside = `<aside>
<div class="photo"></div>
<h3>CONTACT</h3><p>${escapeHtml(cv.phone)}</p><p>${escapeHtml(cv.email)}</p>${cv.address.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}
${cv.personal.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}
<h3>${escapeHtml(cv.headings.skills.toUpperCase())}</h3>${list(cv.headings.certificates ? cv.skills : [...cv.skills, ...cv.certificates])}
${cv.headings.certificates && cv.certificates.length > 0 ? `<h3>${escapeHtml(cv.headings.certificates.toUpperCase())}</h3>${list(cv.certificates)}` : ''}
${cv.licences ? `<h3>${escapeHtml(cv.headings.licences.toUpperCase())}</h3><p>${escapeHtml(cv.licences)}</p>` : ''}
${cv.languages.length > 0 ? `<h3>${escapeHtml(cv.headings.languages.toUpperCase())}</h3>${languageLines(cv)}` : ''}
${cv.interests.length > 0 ? `<h3>${escapeHtml(cv.headings.interests.toUpperCase())}</h3><p>${escapeHtml(cv.interests.join(' • '))}</p>` : ''}
</aside>`;
  const main = `<main>
<h1>${escapeHtml(cv.name)}</h1><p class="headline">${escapeHtml(cv.headline)}</p>
${cv.profile ? `<h2>PROFIL</h2><p>${escapeHtml(cv.profile)}</p>` : ''}
<h2>${escapeHtml(cv.headings.experience ?? 'EXPÉRIENCES')}</h2>${cv.jobs.map((job) => `<div class="job">${jobBlock(job)}</div>`).join('')}
${cv.degrees.length > 0 ? `<h2>${escapeHtml(cv.headings.education)}</h2>${degreeLines(cv)}` : ''}
</main>`;
  return page(
    `body { display: flex; min-height: 297mm; }
aside { width: 32%; background: #23395d; color: #fff; padding: 24px 16px; box-sizing: border-box; min-height: 297mm; }
aside h3 { font-size: 10pt; letter-spacing: 1px; border-bottom: 1px solid #8fa8d0; margin: 14px 0 4px; }
.photo { width: 90px; height: 90px; border-radius: 50%; background: #8fa8d0; margin: 0 auto 10px; }
main { width: 68%; padding: 24px 22px; box-sizing: border-box; }
h1 { font-size: 20pt; margin: 0; color: #23395d; } .headline { font-size: 12pt; color: #5577aa; }
h2 { font-size: 11pt; color: #23395d; border-bottom: 2px solid #23395d; margin: 14px 0 6px; }
.job { margin-bottom: 8px; } .job-title { font-weight: bold; } .dates { color: #666; font-style: italic; }
.right { float: right; color: #666; }`,
    `${aside}${main}`,
  );
}

function classic(cv: ComposedCv, missionsList: boolean): string {
  const heading = (text: string) => `<h2>${escapeHtml(text)}</h2>`;
  const jobs = missionsList
    ? `<ul class="missions">${cv.jobs.map((job) => `<li>${escapeHtml(job.line)}</li>`).join('')}</ul>`
    : cv.jobs.map((job) => `<div class="job">${jobBlock(job)}</div>`).join('');
  const certificates =
    cv.certificates.length === 0
      ? ''
      : cv.headings.certificates
        ? `${heading(cv.headings.certificates)}${list(cv.certificates)}`
        : '';
  const skills = cv.headings.certificates ? cv.skills : [...cv.skills, ...cv.certificates];
  const body = `<div class="top"><h1>${escapeHtml(cv.name)}</h1>
<p>${[...cv.address, cv.phone, cv.email].map(escapeHtml).join(' | ')}</p>
${cv.personal.length > 0 ? `<p>${cv.personal.map(escapeHtml).join(' – ')}</p>` : ''}
<p class="headline">${escapeHtml(cv.headline)}</p>${cv.profile ? `<p><i>${escapeHtml(cv.profile)}</i></p>` : ''}</div>
${heading(cv.headings.experience ?? 'EXPÉRIENCES')}${jobs}
${missionsList ? certificates : ''}
${cv.degrees.length > 0 ? `${heading(cv.headings.education)}${degreeLines(cv)}` : ''}
${heading(cv.headings.skills)}${list(skills)}
${missionsList ? '' : certificates}
${cv.licences ? `<p>${escapeHtml(cv.licences)}</p>` : ''}
${cv.languages.length > 0 ? `${heading(cv.headings.languages)}${languageLines(cv)}` : ''}
${cv.interests.length > 0 ? `${heading(cv.headings.interests)}<p>${escapeHtml(cv.interests.join(', '))}</p>` : ''}`;
  return page(
    `body { padding: 28px 40px; }
.top { text-align: center; } h1 { font-size: 18pt; margin: 0; }
.headline { font-weight: bold; font-size: 12pt; margin-top: 6px; }
h2 { font-size: 11pt; text-transform: uppercase; border-bottom: 1px solid #999; margin: 14px 0 6px; }
.job { margin-bottom: 8px; } .job-title { font-weight: bold; } .dates { color: #555; }
.right { float: right; } .missions li { margin-bottom: 2px; }`,
    body,
  );
}

/** The HTML page of a PDF layout. */
export function renderHtml(cv: ComposedCv, layout: Layout): string {
  switch (layout) {
    case 'europass-pdf':
      return europass(cv);
    case 'sidebar-pdf':
      return sidebar(cv);
    case 'missions-pdf':
      return classic(cv, true);
    default:
      return classic(cv, false);
  }
}
