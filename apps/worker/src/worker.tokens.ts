export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const AWARD_CATALOG = Symbol('AWARD_CATALOG');
export const NOMINATION_ACTIVITY_DEPS = Symbol('NOMINATION_ACTIVITY_DEPS');
