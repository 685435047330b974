import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on stderr, or nothing when stderr is not a terminal or output is meant for machines. */
export interface Progress {
  start(label: string, total: number): void;
  increment(): void;
  stop(): void;
}

const silent: Progress = { start() {}, increment() {}, stop() {} };

export function progressBar(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return silent;
  const bar = new SingleBar(
    { format: '{label} [{bar}] {value}/{total} | {duration_formatted}', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  return {
    start: (label, total) => bar.start(total, 0, { label: label.padEnd(28) }),
    increment: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
