import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CatalogError } from '@tdkt/domain';
import { loadAwardCatalog } from './catalog';

const SHIPPED = resolve(__dirname, '../../../config/award-catalog.json');

describe('Loading the award catalog file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tdkt-catalog-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (text: string) => {
    const file = join(dir, 'award-catalog.json');
    writeFileSync(file, text);
    return file;
  };

  it('the shipped config/award-catalog.json loads, with its source note', () => {
    const catalog = loadAwardCatalog(SHIPPED);
    expect(catalog.awards.map((a) => a.code)).toContain('CSTD_TINH');
    expect(catalog.source).toContain('DOMAIN.md');
  });

  it('the one base-salary schedule comes with the catalog, from its own file (TDKT_BASE_SALARY_FILE)', () => {
    expect(loadAwardCatalog(SHIPPED).baseSalary?.at(-1)).toMatchObject({ from: '2024-07-01', amountVnd: 2_340_000 });
    const own = join(dir, 'base-salary.json');
    writeFileSync(
      own,
      JSON.stringify({ periods: [{ from: '2026-07-01', amountVnd: 2_530_000, source: 'NĐ x/2026' }] }),
    );
    expect(loadAwardCatalog(SHIPPED, own).baseSalary).toEqual([
      { from: '2026-07-01', amountVnd: 2_530_000, source: 'NĐ x/2026' },
    ]);
  });

  it('a catalog that still carries its own decisions.baseSalary is refused: two schedules would drift', () => {
    const own = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    own.decisions.baseSalary = [{ amount: 1_800_000, currency: 'VND', effectiveFrom: '2023-07-01', source: 'x' }];
    expect(() => loadAwardCatalog(write(JSON.stringify(own)))).toThrow(/decisions.baseSalary is no longer read/);
  });

  it('a province’s own file replaces the defaults', () => {
    const own = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    own.awards.find((a: { code: string }) => a.code === 'BANG_KHEN_TINH').council.threshold = 0.75;
    expect(
      loadAwardCatalog(write(JSON.stringify(own))).awards.find((a) => a.code === 'BANG_KHEN_TINH')?.council.threshold,
    ).toBe(0.75);
  });

  it('a missing file is refused, naming it', () => {
    const file = join(dir, 'missing.json');
    expect(() => loadAwardCatalog(file)).toThrow(CatalogError);
    expect(() => loadAwardCatalog(file)).toThrow(`award catalog ${file}: cannot be read`);
  });

  it('a file that is not JSON is refused, naming it', () => {
    const file = write('{ "awards": [ ');
    expect(() => loadAwardCatalog(file)).toThrow(`award catalog ${file}: not valid JSON`);
  });

  it('a file with an invalid policy is refused, saying what and where', () => {
    const own = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    own.awards[2].council.threshold = 90;
    const file = write(JSON.stringify(own));
    expect(() => loadAwardCatalog(file)).toThrow(
      `award catalog: CSTD_TINH: council quorum and threshold must be shares between 0 and 1 (in ${file})`,
    );
  });
});
