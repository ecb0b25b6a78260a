/**
 * Who votes on a demo nomination, read from the demo organisation file (in its order) instead of
 * written out in every test and bench: every council member except those of the nominating unit,
 * who must recuse (the domain's conflict rule). Growing the demo council changes the file only.
 */
import { join } from 'node:path';
import { loadOrganisation, OrganisationDirectory } from '@tdkt/config';

const council = new OrganisationDirectory(
  loadOrganisation(join(__dirname, '..', '..', 'config', 'demo-organisation.json')),
).councilMembers();

/** The demo council members who may vote on a nomination of `unitId`. */
export function demoVotersFor(unitId: string): string[] {
  return council.filter((m) => m.unitId !== unitId).map((m) => m.userId);
}

/** The demo council members of `unitId`, who must recuse from its nominations. */
export function demoRecusersFor(unitId: string): string[] {
  return council.filter((m) => m.unitId === unitId).map((m) => m.userId);
}
