/**
 * The architecture rules are live: the tree passes them, and each rule fails on a file that breaks
 * it on purpose (test/architecture/violations/, a miniature of the repo's layout). The same for the
 * lint rule that keeps workflows on relative imports, and for the formatter.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const VIOLATIONS = join(__dirname, 'violations');
const bin = (name: string) => join(REPO, 'node_modules', '.bin', name);

function depcruise(cwd: string, paths: string[]) {
  const out = spawnSync(bin('depcruise'), [...paths, '--config', join(REPO, '.dependency-cruiser.cjs')], {
    cwd,
    encoding: 'utf8',
  });
  // The 'err' reporter: one "error <rule>: <from> → <to>" line per violation; exit code = their count.
  const violations = [...out.stdout.matchAll(/^\s*error ([\w-]+): (\S+) →/gm)].map((m) => `${m[1]}: ${m[2]}`);
  return { status: out.status, violations, output: out.stdout + out.stderr };
}

it('the repository breaks none of the architecture rules', () => {
  const { status, violations, output } = depcruise(REPO, ['apps', 'libs', 'workflows', 'test', 'scripts', 'bench']);
  expect(violations).toEqual([]);
  expect(output).toContain('no dependency violations found');
  expect(status).toBe(0);
}, 60_000);

it('each architecture rule fails on a file written to break it', () => {
  const { status, violations } = depcruise(VIOLATIONS, ['apps', 'libs', 'workflows']);
  expect(status).not.toBe(0);
  expect(violations.sort()).toEqual([
    'domain-is-pure: libs/domain/src/imports-a-framework.ts',
    'domain-no-node-io: libs/domain/src/reads-a-file.ts',
    'libs-do-not-import-apps: libs/projections/src/imports-an-app.ts',
    'temporal-contract-is-pure: libs/temporal/src/contracts.ts',
    'workflows-are-sandboxed: workflows/starts-a-client.ts',
  ]);
}, 60_000);

function lint(filePath: string, code: string) {
  return spawnSync(bin('eslint'), ['--stdin', '--stdin-filename', filePath, '--format', 'json'], {
    cwd: REPO,
    input: code,
    encoding: 'utf8',
  });
}

it('a workflow importing the domain through the @tdkt alias fails the lint; by relative path it passes', () => {
  const aliased = lint(
    'workflows/nomination/probe.ts',
    "import { decide } from '@tdkt/domain';\nexport const d = decide;\n",
  );
  expect(aliased.status).not.toBe(0);
  expect(aliased.stdout).toContain('Workflows import the domain by relative path only.');
  const relative = lint(
    'workflows/nomination/probe.ts',
    "import { decide } from '../../libs/domain/src';\nexport const d = decide;\n",
  );
  expect(relative.stdout).not.toContain('no-restricted-imports');
}, 60_000);

it('code that is not formatted the project way fails the formatter check', () => {
  const out = spawnSync(bin('prettier'), ['--check', '--stdin-filepath', 'libs/domain/src/probe.ts'], {
    cwd: REPO,
    input: 'export const x = {a:1}\n',
    encoding: 'utf8',
  });
  expect(out.status).not.toBe(0);
  const formatted = spawnSync(bin('prettier'), ['--stdin-filepath', 'libs/domain/src/probe.ts'], {
    cwd: REPO,
    input: 'export const x = {a:1}\n',
    encoding: 'utf8',
  });
  expect(formatted.stdout).toBe('export const x = { a: 1 };\n');
});
