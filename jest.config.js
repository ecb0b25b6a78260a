// Two projects: `unit` (*.spec.ts beside the code, pure and fast) and `integration`
// (test/**/*.test.ts against real servers: SQLite files, PostgreSQL, the Temporal dev server).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

// ESM-only packages (no CommonJS build) that code under test imports. Node 24 require()s them
// natively, but Jest's own module runtime cannot: they alone are transpiled to CommonJS (plain
// JS, per file, no type check). Add a package here when it is ESM-only and imported by tested code.
const ESM_ONLY_PACKAGES = ['openid-client', 'oauth4webapi', 'jose', '@cloudflare/blindrsa-ts'];
const ESM_ONLY = `/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/`;

const base = {
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
    [`${ESM_ONLY}.+\\.js$`]: [
      'ts-jest',
      {
        tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', sourceMap: false, esModuleInterop: true },
        isolatedModules: true,
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // A global option (Jest ignores it inside a project): integration tests start real servers.
  testTimeout: 120000,
  // Suites run side by side in `npm test` (scripts/test.js): the longest start first.
  testSequencer: '<rootDir>/test/support/longest-first-sequencer.js',
};
