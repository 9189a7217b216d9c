module.exports = require('../support/e2e-jest.config.js')(__dirname, 'browser-e2e', 120000);
