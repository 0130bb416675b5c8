// Writes etc/public-api.txt: every export of src/index.ts with its kind. `npm run api:report`.
// Run it after a deliberate change to the public API and commit the report with the change.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPublicApi, PUBLIC_API_REPORT, readCommittedReport, readPublicApi } from './public-api.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const report = formatPublicApi(readPublicApi(root));
if (readCommittedReport(root) === report) {
  process.stderr.write(`${PUBLIC_API_REPORT} is up to date\n`);
} else {
  writeFileSync(join(root, PUBLIC_API_REPORT), report);
  process.stderr.write(`wrote ${PUBLIC_API_REPORT}: review the diff, it is the change of the public API\n`);
}
