module.exports = require('../support/e2e-jest.config.js')(__dirname, 'api-e2e', 60000);
