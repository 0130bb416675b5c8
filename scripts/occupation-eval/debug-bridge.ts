/** Development aid: how the ESCO bridge resolves concepts whose English label contains the given text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SOURCE_DIR, parseCsv } from '../build-taxonomy.js';

const [query] = process.argv.slice(2);
const read = (path: string) => {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index] ?? ''])));
};
const en = read(join(DEFAULT_SOURCE_DIR, 'esco-en', 'occupations_en.csv'));
const fr = new Map(
  read(join(DEFAULT_SOURCE_DIR, 'esco-fr', 'occupations_fr.csv')).map((row) => [row.conceptUri, row]),
);
const table = JSON.parse(readFileSync('src/taxonomy/data/english-titles.json', 'utf8')) as [
  string,
  number,
  string,
][];
for (const row of en.filter((item) => item.preferredLabel!.includes(query ?? ''))) {
  const key = row.preferredLabel!.toLowerCase();
  const hits = table.filter(([, , stems]) => stems === key.split(/\s+/).sort().join(' '));
  process.stdout.write(
    `${row.iscoGroup} ${row.preferredLabel} → ${hits.map((hit) => hit[0]).join(',') || 'NOT INDEXED'} | ${fr.get(row.conceptUri)?.preferredLabel}\n`,
  );
}
