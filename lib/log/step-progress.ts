import { stdoutLines, type TerminalStream } from './terminal';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const TICK_MS = 200;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs one start-up step and shows that it is running: on a terminal a line with a spinner and the seconds so
 * far, redrawn in place and closed with a tick and the time it took; elsewhere one line when it starts and one
 * when it ends, so a log shows where the time went. The step's result (or error) passes through unchanged.
 */
export async function withStepProgress<T>(
  label: string,
  work: () => Promise<T>,
  stream: TerminalStream = stdoutLines(),
): Promise<T> {
  const began = performance.now();
  let frame = 0;
  const draw = () =>
    stream.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label} … ${seconds(performance.now() - began)}`);
  let timer: NodeJS.Timeout | null = null;
  if (stream.isTTY) {
    draw();
    timer = setInterval(draw, TICK_MS);
    timer.unref();
  } else stream.write(`${label} …\n`);
  try {
    const result = await work();
    const done = `✓ ${label} (${seconds(performance.now() - began)})`;
    stream.write(stream.isTTY ? `\r\x1b[2K${done}\n` : `${done}\n`);
    return result;
  } catch (error) {
    if (stream.isTTY) stream.write('\n');
    throw error;
  } finally {
    if (timer) clearInterval(timer);
  }
}
