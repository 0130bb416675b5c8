/**
 * Development aid: what the search sees of titles given on the command line (cleaned text, query statistics,
 * candidates of both indexes with their sources), to understand an answer. Not part of the package.
 *
 *   npx tsx scripts/occupation-eval/debug-title.ts "Technicien 3D H/F" "Line Cook"
 */
import { occupationLabel } from '../../src/taxonomy/index.js';
import { occupationConfidence } from '../../src/taxonomy/occupation-confidence.js';
import { searchOccupations } from '../../src/taxonomy/occupation-search.js';

for (const title of process.argv.slice(2)) {
  const search = searchOccupations(title, 6);
  const { confidence, familyConfidence } = occupationConfidence(search);
  process.stdout.write(
    `${title}\n  cleaned: ${search.signals.cleaned}  ${JSON.stringify(search.signals.query)} generic ${search.signals.genericWords} famShare ${search.signals.familyShare.toFixed(2)} conf ${confidence.toFixed(2)}/${familyConfidence.toFixed(2)}\n`,
  );
  for (const c of search.candidates) {
    process.stdout.write(
      `  ${c.romeCode} ${c.score.toFixed(3)} ${c.language} src${c.source} qc${c.queryCoverage.toFixed(2)} tc${c.titleCoverage.toFixed(2)}${c.fuzzy ? ' fuzzy' : ''} ${occupationLabel(c.romeCode)}\n`,
    );
  }
}
