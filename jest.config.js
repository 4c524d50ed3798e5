// Two projects: unit tests need no engine; integration tests talk to a real Docker engine.
const shared = {
  preset: undefined,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^berth$': '<rootDir>/src/index.ts',
    '^berth/redis$': '<rootDir>/src/modules/redis/index.ts',
    '^berth/jest$': '<rootDir>/src/jest/index.ts',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/examples/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/retry-integration.ts'],
      slowTestThreshold: 30,
    },
  ],
  reporters: ['default', '<rootDir>/test/support/summary-line-reporter.js'],
  testTimeout: 120000,
  maxWorkers: 2,
};
