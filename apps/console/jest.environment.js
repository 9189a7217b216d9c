// jsdom has no fetch primitives; the console's HTTP client is tested against Node's real Response and Headers.
const { TestEnvironment } = require('jest-environment-jsdom');

class ConsoleTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['Response', 'Request', 'Headers', 'TextEncoder', 'TextDecoder', 'structuredClone']) {
      if (typeof this.global[name] === 'undefined') this.global[name] = globalThis[name];
    }
  }
}

module.exports = ConsoleTestEnvironment;
