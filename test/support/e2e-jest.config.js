// Shared by the API and browser end-to-end suites: one fresh database per run, tests run one at a time.
process.env.TZ = 'UTC';
const path = require('path');
module.exports = (dir, displayName, testTimeout) => ({
  ...require('../../jest.preset.js'),
  displayName,
  rootDir: dir,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  globalSetup: path.join(__dirname, 'global-setup.ts'),
  globalTeardown: path.join(__dirname, 'global-teardown.ts'),
  testTimeout,
  maxWorkers: 1,
});
