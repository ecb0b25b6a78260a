import type { Scenario } from '../lib/scenario';

export const rebuildScenario: Scenario = {
  id: 'rebuild',
  title: '2. Projection rebuild',
  async run() {
    throw new Error('not written yet');
  },
};
