/** Where the process-level tests find the app and put what they leave behind for a reader. */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** test-results/cluster: every node's and the balancer's log, kept after the run for a failure's post-mortem. */
export function artifactsDir(): string {
  const dir = path.join(repoRoot, 'test-results', 'cluster');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A free TCP port on 127.0.0.1 chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
