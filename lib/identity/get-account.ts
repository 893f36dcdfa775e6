import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { listPersonalTokens, type PersonalTokenView } from './list-personal-tokens';

export interface AccountView {
  totpEnabled: boolean;
  tokens: PersonalTokenView[];
}

/** What the account page shows beyond the identity itself: the second factor's state and the own tokens. */
export async function getAccount(db: Db, userId: number): Promise<AccountView> {
  const [user] = await db
    .select({ totpEnabled: users.totpEnabled })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return { totpEnabled: user?.totpEnabled ?? false, tokens: await listPersonalTokens(db, userId) };
}
