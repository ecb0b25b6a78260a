// Jest's order for suites run side by side (npm test): the longest first, so that no long suite starts
// late and runs alone at the end. Jest orders by the durations it cached on the last run; on a fresh
// clone it has none and falls back to file size, which would start the ~4-minute production-topology
// suite fifteenth. The suites below are the longest (seconds on 2 cores in the note beside each):
// they go first whatever the cache says, the rest in Jest's own order.
'use strict';
const Sequencer = require('@jest/test-sequencer').default;

const LONGEST = [
  'test/topology/', // ~216 s: PostgreSQL, the Temporal server, 2 APIs and 2 workers from dist/
  'test/web/', // ~150 s for the two: Chromium against the embedded stack
];

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const path = test.path.slice(test.context.config.rootDir.length + 1);
      const i = LONGEST.findIndex((prefix) => path.startsWith(prefix));
      return i < 0 ? LONGEST.length : i;
    };
    return super
      .sort(tests)
      .map((test, order) => ({ test, order, rank: rank(test) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ test }) => test);
  }
}

module.exports = LongestFirstSequencer;
