/**
 * The page behind an open modal neither scrolls nor shifts sideways as its scrollbar goes.
 * Headless Chromium hides scrollbars by default (Playwright passes --hide-scrollbars); this
 * file turns that off and makes the window short, so the wallet page has a classic
 * scrollbar that takes room, as on a desktop with a mouse.
 */
import { expect, signIn, test, uniqueName } from './fixtures';

test.use({
  viewport: { width: 1000, height: 320 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    ignoreDefaultArgs: ['--hide-scrollbars'],
  },
});

test('the open modal locks the page scroll without shifting the page sideways', async ({ page }) => {
  await signIn(page, uniqueName('scroll'));
  // The page's own width as laid out (clientWidth of the root ignores a reserved gutter).
  const width = () => page.evaluate(() => document.body.getBoundingClientRect().width);
  // Radix's scroll lock (react-remove-scroll) hides <body>'s overflow and pads for the scrollbar it removes.
  const overflow = () => page.evaluate(() => getComputedStyle(document.body).overflow);
  const before = await width();
  // The setup this test needs: a scrollbar that takes room.
  expect(await page.evaluate(() => window.innerWidth - document.documentElement.clientWidth)).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Export private key' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await overflow()).toBe('hidden');
  expect(await width()).toBe(before);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await overflow()).not.toBe('hidden');
  expect(await width()).toBe(before);
});
