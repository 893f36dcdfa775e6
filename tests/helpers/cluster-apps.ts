import { createApp, type App, type WholeAppOptions } from '@/lib/app/create-app';
import { testDatabase } from './test-context';

export interface TestCluster {
  nodes: App[];
  /** Closes every node still open, then drops the database. */
  close: () => Promise<void>;
}

/**
 * `count` whole apps (nodes n1, n2, …) on one fresh PostgreSQL database, each with its own Socket.IO port,
 * clustered: an elected leader, the change-feed tail, the Socket.IO adapter. PostgreSQL only.
 */
export async function createTestCluster(
  count: number,
  options: (index: number) => Omit<WholeAppOptions, 'database'> = () => ({}),
): Promise<TestCluster> {
  const { database, drop } = await testDatabase();
  const nodes: App[] = [];
  try {
    for (let i = 0; i < count; i++) {
      nodes.push(
        await createApp({
          database,
          nodeId: `n${i + 1}`,
          cluster: { leaderIntervalMs: 250, feedPollMs: 500 },
          realtime: { listen: { port: 0, host: '127.0.0.1' } },
          ...options(i),
        }),
      );
    }
  } catch (error) {
    await Promise.all(nodes.map((n) => n.close()));
    await drop();
    throw error;
  }
  return {
    nodes,
    close: async () => {
      await Promise.all(nodes.map((n) => n.close()));
      await drop();
    },
  };
}
