process.env.TZ = 'UTC';
module.exports = { ...require('../../jest.preset.js'), displayName: 'api', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
