import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AwardCatalog, CatalogError, parseAwardCatalog } from '@tdkt/domain';
import { loadBaseSalarySchedule } from './base-salary';

const SHIPPED_BASE_SALARY = resolve(__dirname, '..', '..', '..', 'config', 'base-salary.json');

/**
 * Reads the award catalog (config/award-catalog.json by default) with the one base-salary schedule
 * (config/base-salary.json, `TDKT_BASE_SALARY_FILE`) attached: decisions, statistics and reports all
 * read it from here. A missing, unreadable or malformed file stops start-up with a message naming the
 * file and what is wrong in it.
 */
export function loadAwardCatalog(file: string, baseSalaryFile: string = SHIPPED_BASE_SALARY): AwardCatalog {
  return { ...parseCatalogFile(file), baseSalary: loadBaseSalarySchedule(baseSalaryFile) };
}

function parseCatalogFile(file: string): AwardCatalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CatalogError(`award catalog ${file}: cannot be read (${(e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CatalogError(`award catalog ${file}: not valid JSON (${(e as Error).message})`);
  }
  try {
    return parseAwardCatalog(raw);
  } catch (e) {
    if (e instanceof CatalogError) throw new CatalogError(`${e.message} (in ${file})`);
    throw e;
  }
}
