/**
 * The architecture the README draws, enforced (npm run lint:architecture; a test of the rules shows
 * each one failing on purpose, test/architecture/).
 *   libs/domain   pure: no framework, no I/O, nothing of ours but itself
 *   workflows/    Temporal's sandbox: @temporalio/workflow|common, the pure domain, and the pure
 *                 Temporal contract (libs/temporal/src/contracts.ts, domain-failure.ts)
 *   libs/*        never import apps/ (apps compose libs, not the other way round)
 */
const NODE_IO =
  '^(node:)?(fs|net|http|https|http2|child_process|cluster|dgram|dns|os|tls|worker_threads|readline|vm|crypto|zlib|stream)(/|$)';

/** Modules of libs/temporal that workflows import: the shared contract and the DomainError codec. */
const TEMPORAL_CONTRACT = '^libs/temporal/src/(contracts|domain-failure)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports no framework, driver or I/O module, and nothing of ours outside libs/domain.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: {
        // The award catalog is data (config/*.json), read by the domain's test fixtures.
        pathNot: ['^libs/domain/src', '^config/[^/]+\\.json$'],
        dependencyTypesNot: ['type-only', 'core'],
      },
    },
    {
      name: 'domain-no-node-io',
      comment: 'Deciders are pure functions: no Node I/O module, even type-free.',
      severity: 'error',
      from: { path: '^libs/domain/src', pathNot: '\\.spec\\.ts$|^libs/domain/src/testing/' },
      to: { path: NODE_IO, dependencyTypes: ['core'] },
    },
    {
      name: 'workflows-are-sandboxed',
      comment: 'Workflow code runs in the Temporal sandbox: only @temporalio/workflow|common and the pure domain.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: '\\.spec\\.ts$' },
      to: {
        pathNot: ['^workflows/', '^libs/domain/src', '^node_modules/@temporalio/(workflow|common)/', TEMPORAL_CONTRACT],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'temporal-contract-is-pure',
      comment:
        'The contract between workflows and activities (types, failure codec) is bundled into workflows: it may use only @temporalio/common and the pure domain.',
      severity: 'error',
      from: { path: TEMPORAL_CONTRACT },
      to: {
        pathNot: ['^libs/domain/src', '^node_modules/@temporalio/common/', TEMPORAL_CONTRACT],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'merkle-core-is-pure',
      comment:
        'The RFC 9162 tree (libs/event-store/src/audit/merkle) is pure: hashing with node:crypto, nothing else — no store, no file, no framework.',
      severity: 'error',
      from: { path: '^libs/event-store/src/audit/merkle/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^libs/event-store/src/audit/merkle/', '^(node:)?crypto$'] },
    },
    {
      name: 'libs-do-not-import-apps',
      comment: 'Apps compose libs; a lib never reaches into an app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|coverage|bench/\\.data|test/architecture/violations)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
