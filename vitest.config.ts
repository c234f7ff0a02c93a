import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // The extension's mocha suite runs inside VS Code (npm run test:vscode), not in vitest.
        exclude: ['test/extension/suite/**', '**/node_modules/**'],
        setupFiles: ['test/setup.ts'],
        testTimeout: 30_000,
        hookTimeout: 120_000,
        pool: 'forks'
    }
});
