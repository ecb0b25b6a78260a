import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { awaitingKeysFor, type Actor } from '@tdkt/domain';
import { ROLE_LABELS } from '@tdkt/projections';
import type { ApiRuntime } from '../api-runtime';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { API_RUNTIME } from '../tokens';
import { ApiIndexDto, CatalogDto, ClusterDto, MeDto, UnitDto } from './reference.dto';

/** Reference data: the award catalog (public), the organisation's units and clusters, and the caller (campaigns: campaigns/). */
@ApiTags('reference')
@Controller('api')
export class ReferenceController {
  constructor(@Inject(API_RUNTIME) private readonly runtime: ApiRuntime) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: ApiIndexDto })
  @ApiOperation({ summary: 'Mục lục API: tài liệu OpenAPI, tình trạng hệ thống, sổ khen thưởng công khai, đăng nhập' })
  index() {
    return {
      name: 'TĐKT — thi đua, khen thưởng',
      docs: '/api/docs',
      health: '/health',
      registry: '/api/registry',
      catalog: '/api/catalog',
      login: '/api/auth/login',
    };
  }

  @Public()
  @Get('catalog')
  @ApiOkResponse({ type: CatalogDto })
  @ApiOperation({ summary: 'Danh mục hình thức khen thưởng và chính sách (ngưỡng biểu quyết, thời hạn các bước)' })
  catalog() {
    const { source, version, awards, stageTimeLimits } = this.runtime.catalog;
    return { source, version, stageTimeLimits, stageTimeUnit: this.runtime.config.stageTimeUnit, awards };
  }

  @ApiBearerAuth()
  @Get('units')
  @ApiOkResponse({ type: [UnitDto] })
  @ApiOperation({ summary: 'Các đơn vị' })
  units() {
    const clusters = new Map(this.runtime.directory.org.clusters.map((c) => [c.id, c.name]));
    return this.runtime.directory.org.units.map((u) => ({ ...u, clusterName: clusters.get(u.clusterId) ?? null }));
  }

  @ApiBearerAuth()
  @Get('clusters')
  @ApiOkResponse({ type: [ClusterDto] })
  @ApiOperation({ summary: 'Các cụm/khối thi đua và đơn vị thuộc cụm' })
  clusters() {
    const { clusters, units } = this.runtime.directory.org;
    return clusters.map((c) => ({ ...c, unitIds: units.filter((u) => u.clusterId === c.id).map((u) => u.id) }));
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  @ApiOperation({ summary: 'Người đang đăng nhập: vai trò, đơn vị, cụm' })
  me(@CurrentActor() actor: Actor) {
    const unit = actor.unitId ? this.runtime.directory.unit(actor.unitId) : undefined;
    return {
      username: actor.userId,
      displayName: actor.displayName ?? actor.userId,
      roles: actor.roles,
      roleLabels: actor.roles.map((r) => ROLE_LABELS[r] ?? r),
      unitId: actor.unitId ?? null,
      unitName: unit?.name ?? null,
      clusterId: actor.clusterId ?? null,
      awaitingKeys: awaitingKeysFor(actor),
    };
  }
}
