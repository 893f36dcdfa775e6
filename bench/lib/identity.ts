/**
 * The bench calls the API as a person would: an admin with a personal token, made in the phase's fresh
 * database before its server starts. The token goes into BENCH_TOKEN, which the HTTP helpers, the wall
 * clients and the fan-out child process read.
 */
import { createApp } from '../../lib/app/create-app';
import { createUser } from '../../lib/identity/create-user';
import { issueCredential } from '../../lib/identity/issue-credential';

export async function provisionBenchToken(databaseUrl: string): Promise<string> {
  const app = await createApp({ database: { databaseUrl, pgliteDir: 'memory://' }, hubs: false });
  try {
    const made = await createUser(app.ctx.db, app.ctx.reference, {
      login: 'bench',
      displayName: 'Бенчмарк',
      role: 'admin',
      createdBy: 'system:bench',
    });
    if (!made.ok) throw new Error(`bench user: ${JSON.stringify(made.errors)}`);
    const { secret } = await issueCredential(app.ctx.db, {
      kind: 'personal',
      userId: made.id,
      label: 'bench',
      createdBy: 'system:bench',
    });
    process.env.BENCH_TOKEN = secret;
    return secret;
  } finally {
    await app.close();
  }
}

/** The Authorization header of the bench's requests. */
export function benchAuthorization(): Record<string, string> {
  const token = process.env.BENCH_TOKEN;
  return token ? { authorization: `Bearer ${token}` } : {};
}
