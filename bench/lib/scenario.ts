import type { Row } from './report';

export interface ScenarioContext {
  quick: boolean;
  /** `--name=value` command-line options (e.g. `e2e-sizes`). */
  options: Record<string, string>;
  log(line: string): void;
}

export interface ScenarioResult {
  rows: Row[];
  /** Everything measured, per repetition, for latest.json. */
  details: Record<string, unknown>;
}

export interface Scenario {
  id: string;
  title: string;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}
