import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/store/**', 'test/server/**'],
        },
      },
      {
        // Store tests run against embedded PGlite AND a real PostgreSQL server started by the global setup;
        // so do the webhook server's (a real server on 127.0.0.1 over a real store).
        extends: true,
        test: {
          name: 'store',
          include: ['test/store/**/*.test.ts', 'test/server/**/*.test.ts'],
          globalSetup: ['test/store/global-setup.ts'],
          hookTimeout: 120_000,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
