process.env.TZ = 'UTC';
const preset = require('../../jest.preset.js');

// fastify's inject() goes through light-my-request, which requires cookie 2, an ESM-only package.
const transformIgnorePatterns = preset.transformIgnorePatterns.map((pattern) => (pattern.includes('|cookie|') ? pattern : pattern.replace('(?!(', '(?!(cookie|')));

module.exports = { ...preset, transformIgnorePatterns, displayName: require('./project.json').name, rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
