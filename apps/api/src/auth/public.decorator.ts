import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tdkt:isPublic';
/** No bearer token needed (login, health, the public award registry and catalog). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
