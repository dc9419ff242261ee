import { test } from "@playwright/test";

// Temporary: screenshots of the forgot/reset pages (not committed).
for (const locale of ["de", "en"] as const) {
  for (const [width, height] of [[375, 740], [1280, 800]] as const) {
    test(`screens ${locale} ${width}`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, viewport: { width, height } });
      await context.addCookies([{ name: "faktum-locale", value: locale, url: baseURL! }]);
      const page = await context.newPage();
      for (const [name, path] of [["signin", "/sign-in"], ["forgot", "/forgot-password"], ["code", "/reset-password"], ["badlink", "/reset-password?token=x"]] as const) {
        await page.goto(path);
        await page.screenshot({ path: `/tmp/h1-shots/${name}-${locale}-${width}.png`, fullPage: true });
      }
      await page.goto("/forgot-password");
      await page.locator("main form[data-hydrated]").waitFor();
      await page.locator("#forgot-email").fill("someone.with.a.long.address@example.org");
      await page.locator("main form button[type=submit]").click();
      await page.getByTestId("forgot-confirmation").locator("p").first().waitFor();
      await page.screenshot({ path: `/tmp/h1-shots/sent-${locale}-${width}.png`, fullPage: true });
      await context.close();
    });
  }
}
