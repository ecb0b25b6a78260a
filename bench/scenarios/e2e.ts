import type { Scenario } from '../lib/scenario';

export const e2eScenario: Scenario = {
  id: 'e2e',
  title: '3. End-to-end nominations',
  async run() {
    throw new Error('not written yet');
  },
};
