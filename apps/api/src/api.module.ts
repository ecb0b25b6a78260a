import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { OrganisationDirectory } from '@tdkt/config';
import type { ApiOptions } from './api-options';
import type { ApiRuntime } from './api-runtime';
import { AuditController, NominationProofsController } from './audit/audit.controller';
import { AuditProofs } from './audit/audit-proofs';
import { AccessLogController, AccessLogRecorder, PersonalDataReadInterceptor } from './audit/access-log';
import { AuthController } from './auth/auth.controller';
import { AUTH_SETTINGS, authSettings } from './auth/auth-settings';
import { AuthService } from './auth/auth.service';
import { IdentityStore } from './auth/identity-store';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { jwtModuleOptions } from './auth/jwt-options';
import { DEFAULT_LOGIN_RATE_LIMIT, LoginRateLimiter } from './auth/login-rate-limiter';
import { OidcController } from './auth/oidc/oidc.controller';
import { OIDC_SIGN_IN, OidcSignIn } from './auth/oidc/oidc-sign-in';
import { SessionStore } from './auth/session-store';
import { HealthController } from './health/health.controller';
import { AfterPositionGuard } from './http/after-position.guard';
import { ApiExceptionFilter } from './http/errors';
import { COMMAND_HANDLERS } from './nominations/commands/handlers';
import { CouncilSessionsController } from './council-sessions/council-sessions.controller';
import { CouncilSessionsService } from './council-sessions/council-sessions.service';
import { DossiersController } from './dossiers/dossiers.controller';
import { DossierService } from './dossiers/dossier.service';
import { ListCommandsController } from './lists/list-commands.controller';
import { ListCommandsService } from './lists/list-commands.service';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionsService } from './decisions/decisions.service';
import { VerifyController } from './decisions/verify.controller';
import { NominationsController } from './nominations/nominations.controller';
import { NominationActionsController } from './nominations/actions/nomination-actions';
import { NotificationDelivery } from './notifications/notification-delivery';
import { resolveNotificationOptions } from './notifications/notification-options';
import { NotificationStreams } from './notifications/notification-streams';
import { NOTIFICATION_OPTIONS } from './notifications/notification-tokens';
import { NotificationsController } from './notifications/notifications.controller';
import { QUERY_HANDLERS } from './nominations/queries/queries';
import { ReadYourWrites } from './nominations/read-your-writes';
import { ReferenceController } from './reference/reference.controller';
import { CampaignsController, ClusterScoringsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { RegistryController } from './registry/registry.controller';
import { ExemplaryModelsController } from './exemplary-models/exemplary-models.controller';
import { ExemplaryModelsService } from './exemplary-models/exemplary-models.service';
import { StatisticsController } from './statistics/statistics.controller';
import { StatisticsService } from './statistics/statistics.service';
import { API_OPTIONS, API_RUNTIME } from './tokens';
import { CentralForwardingController } from './public-notices/central-forwarding.controller';
import { CommentRateLimiter, DEFAULT_COMMENT_RATE_LIMIT } from './public-notices/comment-rate-limiter';
import { PublicNoticesController } from './public-notices/public-notices.controller';
import { PublicNoticesService } from './public-notices/public-notices.service';
import { AwardHistoryImportController, PeopleController } from './people/people.controller';
import { PeopleService } from './people/people.service';
import { SubUnitsController } from './people/sub-units.controller';
import { SubUnitsService } from './people/sub-units.service';

/** Every controller of the API (the personal-data routes' test reads their routes from here). */
export const API_CONTROLLERS = [
  HealthController,
  AuthController,
  OidcController,
  NominationsController,
  NominationProofsController,
  RegistryController,
  ReferenceController,
  NotificationsController,
  AuditController,
  AccessLogController,
  CouncilSessionsController,
  DecisionsController,
  VerifyController,
  CampaignsController,
  ClusterScoringsController,
  PublicNoticesController,
  CentralForwardingController,
  PeopleController,
  AwardHistoryImportController,
  SubUnitsController,
  StatisticsController,
  ExemplaryModelsController,
  NominationActionsController,
  DossiersController,
  ListCommandsController,
];

/** The HTTP API over an opened ApiRuntime (see openApiRuntime). */
@Module({})
export class ApiModule {
  static register(runtime: ApiRuntime, options: ApiOptions = {}): DynamicModule {
    const auth = authSettings(runtime.config.auth, options.tokenTtl);
    const oidc = runtime.config.auth.oidc;
    return {
      module: ApiModule,
      imports: [
        CqrsModule.forRoot(),
        JwtModule.register(jwtModuleOptions(runtime.config.jwtSecret, auth.accessTokenTtl)),
      ],
      controllers: API_CONTROLLERS,
      providers: [
        { provide: API_RUNTIME, useValue: runtime },
        { provide: API_OPTIONS, useValue: options },
        { provide: OrganisationDirectory, useValue: runtime.directory },
        { provide: IdentityStore, useValue: runtime.identity },
        { provide: SessionStore, useValue: runtime.sessions },
        { provide: AUTH_SETTINGS, useValue: auth },
        {
          provide: OIDC_SIGN_IN,
          useValue: oidc ? new OidcSignIn(oidc, runtime.config.jwtSecret, runtime.directory) : null,
        },
        {
          provide: LoginRateLimiter,
          useValue: new LoginRateLimiter(options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT),
        },
        AuthService,
        ReadYourWrites,
        { provide: NOTIFICATION_OPTIONS, useValue: resolveNotificationOptions(options.notifications) },
        NotificationStreams,
        NotificationDelivery,
        AuditProofs,
        AccessLogRecorder,
        CouncilSessionsService,
        DecisionsService,
        CampaignsService,
        PublicNoticesService,
        {
          provide: CommentRateLimiter,
          useValue: new CommentRateLimiter(options.commentRateLimit ?? DEFAULT_COMMENT_RATE_LIMIT),
        },
        PeopleService,
        SubUnitsService,
        StatisticsService,
        ExemplaryModelsService,
        DossierService,
        ListCommandsService,
        ...COMMAND_HANDLERS,
        ...QUERY_HANDLERS,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        // After the token's guard (global guards run in this order): only a signed-in caller may wait.
        { provide: APP_GUARD, useClass: AfterPositionGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Bound to each personal-data route (@RecordsPersonalDataRead), not globally.
        PersonalDataReadInterceptor,
      ],
    };
  }
}
