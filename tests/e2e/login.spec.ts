import { expect, test } from '@playwright/test';
import { identityOf, type E2ERole } from './support/identity';

/**
 * Each seeded role signs in through the real login page and lands on the first page its role may see
 * (lib/identity/home-path.ts); a page outside its role sends it back to the login page saying so.
 */
const ROLES: { role: E2ERole; home: string; denied: string | null }[] = [
  { role: 'admin', home: '/admin', denied: null },
  { role: 'operator', home: '/triage', denied: '/admin' },
  { role: 'analyst', home: '/briefing', denied: '/triage' },
  { role: 'block_lead', home: '/wall/housing', denied: '/triage' },
  { role: 'municipal', home: '/m/46704000000', denied: '/briefing' },
  { role: 'executor', home: '/my', denied: '/triage' },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

for (const { role, home, denied } of ROLES) {
  test(`${role} signs in on /login and lands on ${home}`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Логин', { exact: true }).fill(role);
    await page.getByLabel('Пароль', { exact: true }).fill(identityOf(role).password!);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page).toHaveURL(new RegExp(`${escape(home)}(\\?.*)?$`));

    if (denied) {
      await page.goto(denied);
      await expect(page).toHaveURL(/\/login\?denied=1/);
    }
  });
}

test('a wrong password keeps the visitor on /login', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Логин', { exact: true }).fill('analyst');
  await page.getByLabel('Пароль', { exact: true }).fill('not-the-password-at-all');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/briefing');
  await expect(page).toHaveURL(/\/login\?next=/);
});
