// The V8 flags and the environment our long-running processes start with: `npm start` (package.json),
// the image (Dockerfile's CMD and ENV, docker-compose.yml's worker command) and the bench's stack
// processes. test/runtime/node-runtime.test.ts keeps them in step.
//
// --max-semi-space-size=16: Node 24 lets each isolate's young generation (the main thread's and the
// Temporal workflow thread's) grow to 2 × 64 MiB under allocation, and keeps it; 16 MiB semi-spaces
// (Node 20's size) cap it at 32 MiB. Measured on the embedded process, 300 flows, 10 in flight:
// peak RSS 542 → 378 MiB (bench/README.md, "Memory").
// --heap-growing-percent=20: after a full GC V8 lets the old generation grow by up to 4× what
// survived before the next one; at 50 flows in flight the main isolate held ~77 MiB live in 322 MiB
// committed. 1.2× bounds the garbage, not the heap (no OOM risk: the limit is still V8's). Not
// allowed in NODE_OPTIONS, hence on the command lines (bench/README.md, "Memory, round two").
// MALLOC_ARENA_MAX=2: glibc gives each thread that allocates its own malloc arena (up to 8 per core;
// 10–13 seen in this process: libuv's pool, V8's platform threads, the Temporal core's runtime, the
// workflow thread), each keeping its freed memory; two arenas share it.
'use strict';

const NODE_FLAGS = ['--max-semi-space-size=16', '--heap-growing-percent=20'];

const NODE_ENV = { MALLOC_ARENA_MAX: '2' };

module.exports = { NODE_FLAGS, NODE_ENV };
