// Violates libs-do-not-import-apps.
import { app } from '../../../apps/api/src/app';

export const name = app;
