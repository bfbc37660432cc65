import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      // Only unit and component tests under src/: end-to-end suites elsewhere in the
      // repository must never be picked up (they start tauri-driver).
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/test/setup.ts'],
      // Process only the global stylesheet (a test reads its font stack); antd is CSS-in-JS.
      css: { include: [/src\/index\.css/] },
      // Generous: a test's time is mostly rendering, which a loaded machine slows down.
      testTimeout: 60_000,
    },
  }),
);
