/** Nest injection tokens, for modules that provide the read side. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
export const READ_MODEL_QUERIES = Symbol('READ_MODEL_QUERIES');
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
