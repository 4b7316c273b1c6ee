import { defineConfig } from 'vitest/config';

// Unit tests of the dashboard's pure code (formatting, how live events update the query cache): node, no browser.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
