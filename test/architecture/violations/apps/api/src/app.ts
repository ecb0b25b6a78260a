export const app = 'api';
