/**
 * Progress for long work (the demo seed, the scale seed, verify on a big database), so a newcomer
 * is never left looking at a silent terminal. On a terminal: one line redrawn in place with a bar
 * and the time left. Anywhere else (CI, a pipe, a log file): a plain line every few seconds.
 */
export interface ProgressOptions {
  /** Where to write; standard error by default, so standard output stays for results. */
  stream?: Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean };
  /** Milliseconds between lines when the stream is not a terminal. */
  lineEveryMs?: number;
  now?: () => number;
}

export interface Progress {
  /** `done` of `total` units finished; `detail` says what is being done (shown after the count). */
  update(done: number, detail?: string): void;
  /** Ends the progress display with a last line. */
  finish(summary: string): void;
}

const BAR = 24;

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 90 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

export function progress(label: string, total: number, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const tty = !!stream.isTTY;
  const now = opts.now ?? Date.now;
  const every = opts.lineEveryMs ?? (tty ? 200 : 5000);
  const started = now();
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;

  const line = (done: number, detail: string | undefined) => {
    const elapsed = (now() - started) / 1000;
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const left = done > 0 && share < 1 ? ` · ±${formatDuration((elapsed / done) * (total - done))} left` : "";
    const pct = `${Math.floor(share * 100)}%`.padStart(4);
    const bar = tty ? `[${"#".repeat(Math.round(share * BAR)).padEnd(BAR, ".")}] ` : "";
    return `${label} ${bar}${pct}${detail ? ` · ${detail}` : ""} · ${formatDuration(elapsed)}${left}`;
  };

  return {
    update(done, detail) {
      const t = now();
      if (t - last < every) return;
      last = t;
      if (tty) {
        stream.write(`\r\x1b[2K${line(done, detail)}`);
        drawn = true;
      } else stream.write(`${line(done, detail)}\n`);
    },
    finish(summary) {
      const elapsed = formatDuration((now() - started) / 1000);
      stream.write(`${drawn ? "\r\x1b[2K" : ""}${label}: ${summary} (${elapsed})\n`);
    },
  };
}
