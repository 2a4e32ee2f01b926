import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['test/helpers/prime-order-cache.ts'],
    projects: [
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/components/**'] } },
      // Site components rendered through Astro's container API, which needs Astro's Vite plugins.
      'vitest.components.config.ts',
    ],
  },
});
