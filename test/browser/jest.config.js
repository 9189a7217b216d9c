process.env.TZ = 'UTC';
const preset = require('../../jest.preset.js');
module.exports = {
  ...preset,
  displayName: 'browser-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/../support/global-setup.ts',
  globalTeardown: '<rootDir>/../support/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
