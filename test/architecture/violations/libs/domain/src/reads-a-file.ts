// Violates domain-no-node-io: a decider reading a file is no longer pure.
import { readFileSync } from 'node:fs';

export const read = () => readFileSync('/dev/null');
