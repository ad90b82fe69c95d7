import { defineConfig } from 'vitest/config';

// Unit tests of the UI's logic (rules, payloads, choices); the components
// are exercised in a real browser by tests/browser.
export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    // $localize, as the application's polyfills give it (the source texts).
    setupFiles: ['@angular/localize/init'],
  },
});
