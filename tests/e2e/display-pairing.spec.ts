import { expect, test } from '@playwright/test';
import { bearer, signInAs } from './support/identity';

/**
 * A wall screen without a keyboard: it shows a code, an admin approves the code (here through the API with
 * the admin's token), the screen opens its wall screen by itself; revoked, it is back at a pairing code within
 * 2 s (its live feed is told and dropped at once).
 */
test('a display pairs by its code, shows its screen, and returns to a code within 2 s of being revoked', async ({
  page,
  request,
}) => {
  await page.goto('/wall/s/r1c1');
  // No identity: the wall screen sends the browser to pairing.
  await expect(page).toHaveURL(/\/pair\?next=/);
  const codeText = page.getByTestId('pairing-code');
  await expect(codeText).toHaveText(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
  const code = (await codeText.textContent())!;
  await expect(page.locator('[aria-label="QR-код для администратора"] svg')).toBeVisible();

  // Typed as an admin might: lower case, without the hyphen.
  const approved = await request.post('/api/v1/displays', {
    headers: bearer('admin'),
    data: { code: code.replace('-', '').toLowerCase(), name: 'Экран e2e', screen: 'r1c1' },
  });
  expect(approved.status()).toBe(201);
  const { id } = (await approved.json()) as { id: number };

  await page.waitForURL('**/wall/s/r1c1', { timeout: 10_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live');

  const listed = await request.get('/api/v1/displays', { headers: bearer('admin') });
  const { displays } = (await listed.json()) as { displays: { id: number; state: string }[] };
  expect(displays.find((d) => d.id === id)?.state).toBe('paired');

  const revoked = await request.delete(`/api/v1/displays/${id}`, { headers: bearer('admin') });
  expect(revoked.status()).toBe(200);
  const started = Date.now();
  await expect(page.getByTestId('pairing-code')).toHaveText(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/, { timeout: 2_000 });
  expect(Date.now() - started).toBeLessThan(2_000);
  await expect(page.getByTestId('pairing-code')).not.toHaveText(code);
});

test('the admin page pairs a screen from the code its QR code carries', async ({ browser, baseURL }) => {
  const screen = await browser.newPage();
  await screen.goto('/pair');
  const code = (await screen.getByTestId('pairing-code').textContent())!;

  const admin = await browser.newContext({ baseURL });
  await signInAs(admin, 'admin', baseURL!);
  const page = await admin.newPage();
  await page.goto(`/admin/displays?code=${code.replace('-', '')}`);
  await expect(page.locator('input[name="code"]')).toHaveValue(code.replace('-', ''));
  await page.locator('input[name="name"]').fill('Экран из QR');
  await page.locator('select[name="screen"]').selectOption('grid');
  await page.getByRole('button', { name: 'Подключить' }).click();
  await expect(page.getByRole('status')).toContainText('Экран из QR');
  await screen.waitForURL('**/wall/grid', { timeout: 10_000 });
  await expect(page.getByTestId('displays-table')).toContainText('Экран из QR');
  await admin.close();
  await screen.close();
});
