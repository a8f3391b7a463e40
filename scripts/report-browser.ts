/**
 * The HTML report (`mechcheck report --html`) in a real browser: Debian's `chromium` driven by
 * playwright-core, headless, with a fresh profile. Shared by the browser test
 * (test/report/browser.test.ts) and `npm run report-screenshot` (docs/img/report.png), so the README's
 * screenshot comes from the code the test checks.
 *
 * `inspectPage` opens one page and returns every problem it sees (console errors, page errors,
 * failed requests, KaTeX errors, formulas not visible, KaTeX's stylesheet or fonts not applied)
 * plus counts; the caller asserts on them.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.MECHCHECK_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh user-data-dir (removed on close). Throws, saying how to install it, when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: \`bash .ci/run\` installs Debian's chromium when missing (or: apt-get install chromium)`);
  const profile = mkdtempSync(join(tmpdir(), "mechcheck-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageFindings {
  readonly problems: string[];
  /** `.katex` elements on the page, and how many of the first 20 are visible. */
  readonly katex: number;
  readonly katexVisible: number;
  readonly katexErrors: number;
  /** Rows of the index's verdict table (`table.verdicts tbody tr`). */
  readonly verdictRows: number;
  /** Counterexample tables (`.counterexample table`) and their body rows. */
  readonly counterexampleTables: number;
  readonly counterexampleRows: number;
  readonly page: Page;
}

/** Open a file of the report and collect what is wrong with it (the page stays open for a screenshot). */
export async function inspectPage(b: Browser, file: string): Promise<PageFindings> {
  const page = await b.context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText ?? "?"})`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  // (page-side code as strings: the repository's TypeScript has no DOM library)
  await page.evaluate("document.fonts.ready.then(() => true)");
  const katex = await page.locator(".katex").count();
  let katexVisible = 0;
  for (let k = 0; k < Math.min(katex, 20); k++) if (await page.locator(".katex").nth(k).isVisible()) katexVisible++;
  const katexErrors = await page.locator(".katex-error").count();
  if (katexErrors > 0) problems.push(`${katexErrors} KaTeX error(s): ${(await page.locator(".katex-error").first().getAttribute("title")) ?? ""}`);
  if (katex > 0) {
    // KaTeX's stylesheet applied (the MathML copy is clipped away) and its fonts loaded from the folder.
    const styled = await page.evaluate<boolean>(`(() => { const m = document.querySelector(".katex-mathml"); return m ? getComputedStyle(m).position === "absolute" : true; })()`);
    if (!styled) problems.push("KaTeX's stylesheet is not applied (.katex-mathml is not clipped)");
    const fontOk = await page.evaluate<boolean>(`[...document.fonts].some((f) => f.family.replace(/"/g, "") === "KaTeX_Main" && f.status === "loaded")`);
    if (!fontOk) problems.push("KaTeX_Main font not loaded");
  }
  const verdictRows = await page.locator("table.verdicts tbody tr").count();
  const counterexampleTables = await page.locator(".counterexample table").count();
  const counterexampleRows = await page.locator(".counterexample table tbody tr").count();
  return { problems, katex, katexVisible, katexErrors, verdictRows, counterexampleTables, counterexampleRows, page };
}
