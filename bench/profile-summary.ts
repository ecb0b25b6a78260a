/**
 * Top self-time functions of a V8 .cpuprofile (from `npm run bench -- --profile`, or node --cpu-prof):
 * `node -r ts-node/register/transpile-only bench/profile-summary.ts <file.cpuprofile> [top]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const n = byId.get(id)!;
  const url = n.callFrame.url;
  const key = `${n.callFrame.functionName || '(anonymous)'}  ${url.replace(/^.*node_modules\//, 'nm:').replace(/^.*\/main\//, '')}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  const pkg =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
    (url.includes('/work/')
      ? url
          .replace(/^.*\/main\//, '')
          .split('/')
          .slice(0, 2)
          .join('/')
      : url
        ? 'node:internal'
        : n.callFrame.functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
  total += dt;
});
const top = Number(topArg ?? 30);
const pct = (v: number) => `${((v / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`total ${(total / 1e6).toFixed(1)} s sampled\n\nby package / source folder:`);
for (const [k, v] of [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${pct(v)}  ${k}`);
console.log('\nby function (self time):');
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
