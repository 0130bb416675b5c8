// `node --import ./test/support/record-imports.mjs …`: appends every resolved module URL that belongs to a
// database driver (PGlite, pgvector for PGlite, pg) to the file named by CVMATCH_IMPORT_LOG.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);
