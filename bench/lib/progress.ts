/** A one-line console progress bar (redrawn in place on a TTY, every 10% otherwise so CI logs stay short). */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function progressBar(label: string, total: number): Progress {
  const started = Date.now();
  const tty = process.stdout.isTTY === true;
  let lastDecile = -1;
  const render = (done: number, final: boolean) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? Math.round(done / secs) : 0;
    const line =
      `  ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
      `${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ` +
      `${secs.toFixed(0)} s, ${rate.toLocaleString('en')}/s`;
    if (tty) process.stdout.write(`\r${line}${final ? '\n' : ''}`);
    else {
      const decile = Math.floor(share * 10);
      if (decile !== lastDecile) console.log(line);
      lastDecile = decile;
    }
  };
  return {
    update: (done) => render(done, false),
    finish: () => render(total, true),
  };
}
