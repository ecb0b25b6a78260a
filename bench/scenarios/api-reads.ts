import type { Scenario } from '../lib/scenario';

export const apiReadsScenario: Scenario = {
  id: 'api-reads',
  title: '4. API reads',
  async run() {
    throw new Error('not written yet');
  },
};
