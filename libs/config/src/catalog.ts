import { readFileSync } from 'node:fs';
import { AwardCatalog, CatalogError, parseAwardCatalog } from '@tdkt/domain';

/**
 * Reads the award catalog (config/award-catalog.json by default). A missing, unreadable or
 * malformed file stops start-up with a message naming the file and what is wrong in it.
 */
export function loadAwardCatalog(file: string): AwardCatalog {
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
