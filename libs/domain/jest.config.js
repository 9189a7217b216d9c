process.env.TZ = 'UTC';
module.exports = { ...require('../../jest.preset.js'), displayName: require('./project.json').name, rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
