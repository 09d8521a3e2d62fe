// One jest run covers core, server, client logic, the booted mini-program and the browser tests.
// Suites that need PostgreSQL or Chromium find out for themselves (tests/support/requirements.ts):
// under CI=true a missing one fails, on a laptop it skips with a one-line notice.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: { '^@/core/(.*)$': '<rootDir>/src/core/$1' },
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  testTimeout: 30000,
  // Browser and booted-weapp suites start servers; keep workers modest on a 2-core machine.
  maxWorkers: 2,
  globalSetup: '<rootDir>/tests/support/global-setup.js',
}
