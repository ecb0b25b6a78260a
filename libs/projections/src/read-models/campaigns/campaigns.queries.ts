import type { ExistingCampaign, ExistingScoring, ReadScope } from '@tdkt/domain';
import { placeholders, type ReadModelDb } from '../../db/read-model-db';
import {
  CAMPAIGN_REGISTRATIONS_TABLE,
  CAMPAIGNS_TABLE,
  CLUSTER_SCORINGS_TABLE,
  CLUSTER_UNIT_SCORES_TABLE,
} from './campaigns.schema';

export interface CampaignRow {
  id: string;
  name: string;
  kind: string;
  year: number;
  status: string;
  submissionDeadline: string;
  registrations: number;
}

const summary = (r: Record<string, unknown>): CampaignRow => ({
  id: String(r.campaign_id),
  name: String(r.name),
  kind: String(r.kind),
  year: Number(r.year),
  status: String(r.status),
  submissionDeadline: String(r.submission_deadline),
  registrations: Number(r.registrations),
});

/** Every campaign, the latest year first. */
export async function listCampaigns(db: ReadModelDb, filter: { year?: number } = {}): Promise<CampaignRow[]> {
  const where = filter.year !== undefined ? 'WHERE year = ?' : '';
  const rows = await db.all(
    `SELECT campaign_id, name, kind, year, status, submission_deadline, registrations FROM ${CAMPAIGNS_TABLE} ${where}
     ORDER BY year DESC, campaign_id ASC`,
    filter.year !== undefined ? [filter.year] : [],
  );
  return rows.map(summary);
}

export async function getCampaign(
  db: ReadModelDb,
  id: string,
): Promise<(CampaignRow & { state: ExistingCampaign; position: number }) | undefined> {
  const r = await db.get(`SELECT * FROM ${CAMPAIGNS_TABLE} WHERE campaign_id = ?`, [id]);
  return r ? { ...summary(r), state: JSON.parse(String(r.state)), position: Number(r.position) } : undefined;
}

export interface RegistrationRow {
  unitId: string;
  clusterId: string;
  commitment: string;
  targetAwardCodes: string[];
  registeredBy: string;
  registeredAt: string;
}

/** A campaign's registrations, limited in SQL to the reader's scope (its units or clusters). */
export async function listRegistrations(
  db: ReadModelDb,
  campaignId: string,
  scope: ReadScope = { all: true },
): Promise<RegistrationRow[]> {
  const where = ['campaign_id = ?'];
  const params: (string | number)[] = [campaignId];
  if (!scope.all) {
    const or = ['1 = 0'];
    if (scope.unitIds.length) or.push(`unit_id IN (${placeholders(scope.unitIds.length)})`);
    if (scope.clusterIds.length) or.push(`cluster_id IN (${placeholders(scope.clusterIds.length)})`);
    where.push(`(${or.join(' OR ')})`);
    params.push(...scope.unitIds, ...scope.clusterIds);
  }
  const rows = await db.all(
    `SELECT * FROM ${CAMPAIGN_REGISTRATIONS_TABLE} WHERE ${where.join(' AND ')} ORDER BY unit_id ASC`,
    params,
  );
  return rows.map((r) => ({
    unitId: String(r.unit_id),
    clusterId: String(r.cluster_id),
    commitment: String(r.commitment),
    targetAwardCodes: JSON.parse(String(r.target_award_codes)),
    registeredBy: String(r.registered_by),
    registeredAt: String(r.registered_at),
  }));
}

export interface UnitScoreRow {
  unitId: string;
  scores: Record<string, number>;
  total: number;
  rank: number | null;
  leading: boolean;
}

/** A cluster's scoring of a year, its unit rows limited in SQL to `unitIds` when given (a unit sees its own). */
export async function getClusterScoring(
  db: ReadModelDb,
  clusterId: string,
  year: number,
  unitIds?: string[],
): Promise<{ state: ExistingScoring; units: UnitScoreRow[]; position: number } | undefined> {
  const r = await db.get(`SELECT * FROM ${CLUSTER_SCORINGS_TABLE} WHERE cluster_id = ? AND year = ?`, [
    clusterId,
    year,
  ]);
  if (!r) return undefined;
  const where = ['scoring_id = ?'];
  const params: (string | number)[] = [String(r.scoring_id)];
  if (unitIds) {
    where.push(unitIds.length ? `unit_id IN (${placeholders(unitIds.length)})` : '1 = 0');
    params.push(...unitIds);
  }
  const rows = await db.all(
    `SELECT * FROM ${CLUSTER_UNIT_SCORES_TABLE} WHERE ${where.join(' AND ')} ORDER BY rank ASC, total DESC, unit_id ASC`,
    params,
  );
  return {
    state: JSON.parse(String(r.state)),
    position: Number(r.position),
    units: rows.map((u) => ({
      unitId: String(u.unit_id),
      scores: JSON.parse(String(u.scores)),
      total: Number(u.total),
      rank: u.rank == null ? null : Number(u.rank),
      leading: u.is_leading === 1 || u.is_leading === true || u.is_leading === '1',
    })),
  };
}
