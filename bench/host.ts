/** What bench/bench.ts gives each of its sections: the table's rows, the log, the built command. */
export interface BenchHost {
  row(goal: string, figure: string, reference: string, met: boolean): void;
  log(line: string): void;
  /** The built command's entry, packages/cli/bin/courseware-check.js. */
  bin: string;
}
