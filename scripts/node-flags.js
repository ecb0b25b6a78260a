// The V8 flags and the environment our long-running processes start with: `npm start` (package.json),
// the image (Dockerfile's CMD and ENV, docker-compose.yml's worker command) and the bench's stack
// processes. test/runtime/node-runtime.test.ts keeps them in step.
//
// --max-semi-space-size=8: Node 24 lets each isolate's young generation (the main thread's and the
// Temporal workflow thread's) grow to 2 × 64 MiB under allocation, and keeps it; 16 MiB semi-spaces
// (Node 20's size) capped it at 32 MiB (300 flows, 10 in flight: peak RSS 542 → 378 MiB, bench/README.md,
// "Memory"), 8 MiB at 16: −15 MiB in each isolate, no more CPU per command at 50 flows in flight
// ("Memory, round three").
// --heap-growing-percent=20: after a full GC V8 lets the old generation grow by up to 4× what
// survived before the next one; at 50 flows in flight the main isolate held ~77 MiB live in 322 MiB
// committed. 1.2× bounds the garbage, not the heap (no OOM risk: the limit is still V8's). Not
// allowed in NODE_OPTIONS, hence on the command lines (bench/README.md, "Memory, round two").
// MALLOC_ARENA_MAX=1: glibc gives each thread that allocates its own malloc arena (up to 8 per core;
// 10–13 seen in this process: libuv's pool, V8's platform threads, the Temporal core's runtime, the
// workflow thread), each keeping its freed memory. Two arenas still held ~20 MiB free in the second
// (the other threads'); one arena lets the main thread reuse it ("Memory, round three"). Each thread's
// malloc cache (tcache) keeps the lock off most allocations.
// MALLOC_MMAP_THRESHOLD_=131072: glibc raises its mmap threshold (up to 32 MiB) each time a mapped
// block is freed, so later blocks below it come from the arena and leave holes it never gives back;
// a fixed 128 KiB keeps large blocks mapped and returned on free: 337 → 312–314 MiB at 600 flows,
// CPU per command no higher ("Memory, round three").
'use strict';

const NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=20'];

const NODE_ENV = { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '131072' };

module.exports = { NODE_FLAGS, NODE_ENV };
