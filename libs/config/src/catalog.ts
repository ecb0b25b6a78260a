import { readFileSync } from 'node:fs';
import { AwardCatalog, parseAwardCatalog } from '@tdkt/domain';

export function loadAwardCatalog(file: string): AwardCatalog {
  return parseAwardCatalog(JSON.parse(readFileSync(file, 'utf8')));
}
