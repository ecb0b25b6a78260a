/** Nest injection tokens of the API. */
export const API_RUNTIME = Symbol('API_RUNTIME');
export const API_OPTIONS = Symbol('API_OPTIONS');
