/**
 * A progress bar for long runs on a terminal (cli-progress); silent when stderr is not a TTY
 * (piped, CI), so logs stay clean. Knows nothing about what is being run.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(fraction: number, detail?: string): void;
  stop(): void;
}

export function progressBar(label: string, enabled = Boolean(process.stderr.isTTY) && !process.env.CI): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% · {detail}`, stream: process.stderr, hideCursor: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0, { detail: '' });
  return {
    update: (f, detail = '') => bar.update(Math.round(f * 1000), { detail }),
    stop: () => bar.stop(),
  };
}
