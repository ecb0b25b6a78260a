// The V8 flags our long-running processes run with: `npm start` (package.json), the image
// (Dockerfile's NODE_OPTIONS) and the bench's stack processes. test/runtime/node-runtime.test.ts
// keeps the three in step.
//
// --max-semi-space-size=16: Node 24 lets each isolate's young generation (the main thread's and the
// Temporal workflow thread's) grow to 2 × 64 MiB under allocation, and keeps it; 16 MiB semi-spaces
// (Node 20's size) cap it at 32 MiB. Measured on the embedded process, 300 flows, 10 in flight:
// peak RSS 542 → 378 MiB (bench/README.md, "Memory").
'use strict';

const NODE_FLAGS = ['--max-semi-space-size=16'];

module.exports = { NODE_FLAGS };
