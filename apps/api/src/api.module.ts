import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { OrganisationDirectory } from '@tdkt/config';
import type { ApiOptions } from './api-options';
import type { ApiRuntime } from './api-runtime';
import { AuthController } from './auth/auth.controller';
import { AuthService, TOKEN_TTL } from './auth/auth.service';
import { IdentityStore } from './auth/identity-store';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { jwtModuleOptions } from './auth/jwt-options';
import { DEFAULT_LOGIN_RATE_LIMIT, LoginRateLimiter } from './auth/login-rate-limiter';
import { HealthController } from './health/health.controller';
import { AfterPositionInterceptor } from './http/after-position.interceptor';
import { ApiExceptionFilter } from './http/errors';
import { COMMAND_HANDLERS } from './nominations/commands/handlers';
import { CouncilSessionsController } from './council-sessions/council-sessions.controller';
import { CouncilSessionsService } from './council-sessions/council-sessions.service';
import { NominationsController } from './nominations/nominations.controller';
import { QUERY_HANDLERS } from './nominations/queries/queries';
import { ReadYourWrites } from './nominations/read-your-writes';
import { ReferenceController } from './reference/reference.controller';
import { RegistryController } from './registry/registry.controller';
import { API_OPTIONS, API_RUNTIME } from './tokens';

/** The HTTP API over an opened ApiRuntime (see openApiRuntime). */
@Module({})
export class ApiModule {
  static register(runtime: ApiRuntime, options: ApiOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CqrsModule.forRoot(),
        JwtModule.register(jwtModuleOptions(runtime.config.jwtSecret, options.tokenTtl ?? TOKEN_TTL)),
      ],
      controllers: [
        HealthController,
        AuthController,
        NominationsController,
        RegistryController,
        ReferenceController,
        CouncilSessionsController,
      ],
      providers: [
        { provide: API_RUNTIME, useValue: runtime },
        { provide: API_OPTIONS, useValue: options },
        { provide: OrganisationDirectory, useValue: runtime.directory },
        { provide: IdentityStore, useValue: runtime.identity },
        {
          provide: LoginRateLimiter,
          useValue: new LoginRateLimiter(options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT),
        },
        AuthService,
        ReadYourWrites,
        CouncilSessionsService,
        ...COMMAND_HANDLERS,
        ...QUERY_HANDLERS,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: AfterPositionInterceptor },
      ],
    };
  }
}
