import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "../../test-artifacts/e2e");

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/**
 * Records console errors and uncaught page errors on dashboard pages (URLs under `origin`), labelled
 * with the page and its viewport width (the journey runs on a desktop and a phone width). Other
 * origins (the billing service's dev payment page) are not the dashboard's.
 */
export function watchConsole(page: Page, origin: string, sink: string[]): void {
  const onDashboard = () => page.url().startsWith(origin);
  const where = () => `${page.url()} (${page.viewportSize()?.width ?? "?"} px)`;
  page.on("console", (message) => {
    if (message.type() === "error" && onDashboard()) sink.push(`${where()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (onDashboard()) sink.push(`${where()}: uncaught ${error.message}`);
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Reloads until `check` passes or the deadline expires (settlement is asynchronous). */
export async function reloadUntil(
  page: Page,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      await screenshot(page, `timeout-${Date.now()}`);
      throw new Error(`condition not met on ${page.url()} within ${timeoutMs} ms`);
    }
    await page.waitForTimeout(500);
    // Never cut off a document still streaming in: React hydrates the partial HTML and reports a
    // mismatch (seen once, as error #418, when the whole suite slowed the page load down).
    await page.waitForLoadState("load");
    // A reload racing a client-side navigation aborts; the next round simply loads again.
    await page.reload().catch(() => undefined);
  }
}
