import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * workflows/shared-modules.ts lists the modules every workflow shares (preloaded once into the
 * worker's V8 context). A module a workflow loads at run time and the list misses is copied into
 * each cached workflow again; a shared module with state of its own would leak it between workflows.
 */
const ROOT = resolve(__dirname, '..');
const SHARED = join(__dirname, 'shared-modules.ts');

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourcesUnder(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });

/** Relative modules a file loads at run time (type-only imports are erased by the compiler). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/^import\s+(type\s+)?([^'";]*?)\s*(?:from\s+)?'([^']+)';/gms)) {
    const [, typeOnly, clause, spec] = m;
    if (typeOnly) continue;
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    const names = braces
      ? braces[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    if (braces && names.every((n) => n.startsWith('type '))) continue;
    found.push(spec);
  }
  return found;
}

const resolveTs = (from: string, spec: string) => `${resolve(dirname(from), spec)}.ts`;
const rel = (p: string) => relative(ROOT, p);

function transitiveLibs(files: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop()!;
    for (const spec of runtimeImports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = resolveTs(file, spec);
      if (!rel(target).startsWith('libs/') || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

describe('the modules all workflows share', () => {
  const shared = runtimeImports(SHARED);
  const sharedFiles = new Set(shared.filter((s) => s.startsWith('.')).map((s) => resolveTs(SHARED, s)));

  it('include every library module a workflow loads at run time', () => {
    const workflows = sourcesUnder(__dirname).filter((f) => f !== SHARED);
    const loaded = workflows.flatMap((f) =>
      runtimeImports(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => resolveTs(f, s))
        .filter((p) => rel(p).startsWith('libs/')),
    );
    expect(loaded.length).toBeGreaterThan(5);
    const missing = [...new Set(loaded)].filter((p) => !sharedFiles.has(p)).map(rel);
    expect(missing).toEqual([]);
    expect(shared).toContain('@temporalio/workflow');
  });

  it('hold no module-level variable, directly or through what they import', () => {
    const modules = transitiveLibs([SHARED]);
    expect(modules.size).toBeGreaterThanOrEqual(sharedFiles.size);
    const mutable = [...modules].filter((f) => /^(export\s+)?(let|var)\s/m.test(readFileSync(f, 'utf8'))).map(rel);
    expect(mutable).toEqual([]);
  });
});
