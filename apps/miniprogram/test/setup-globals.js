// Compile-time constants that Taro's webpack DefinePlugin normally injects.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: false,
  DEPRECATED_ADAPTER_COMPONENT: false,
  GLOW_API_BASE: 'http://api.test',
});
process.env.TARO_ENV = process.env.TARO_ENV || 'h5';
