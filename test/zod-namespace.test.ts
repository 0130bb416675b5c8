import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

describe('zod in the bundle', () => {
  it('is imported as a namespace (`import * as z`), so the build leaves out the parts no schema uses', () => {
    // `import { z } from 'zod'` takes zod's `z` object whole: every locale and converter lands in dist/ and
    // is loaded at start-up (see `bundled` in tsup.config.ts). Type-only imports cost nothing.
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) =>
        /^import\s+(?!type\b)[^;]*\{[^}]*\bz\b[^}]*\}\s+from\s+'zod'/m.test(
          readFileSync(join(src, file), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
