/**
 * The HTML report in a real browser (issue 13): `mechcheck report --html` on a few ids, opened from
 * file:// in Debian's headless Chromium (playwright-core, fresh profile; scripts/report-browser.ts).
 * Asserted: no console or page errors, no failed requests (KaTeX's stylesheet and fonts are in the
 * folder), `.katex` formulas present and visible, KaTeX's stylesheet and font applied, one verdict
 * row per id, a refutation's page shows its counterexample table, a hostile label is text.
 * Negative controls, by the same assertions: a page with a broken formula, and the folder with a
 * KaTeX font removed. A screenshot of the index goes to os.tmpdir() (its path and size are printed,
 * so CI's log shows it). Chromium missing is a failure (`.ci/run` installs it), never a skip.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { htmlReport, pageName } from "../../src/report/html.ts";
import { CHROMIUM, inspectPage, launchChromium, type Browser } from "../../scripts/report-browser.ts";
import { capture } from "../cli/hostile-support.ts";

const IDS = ["dsic-efficient-is-groves", "vcg-dsic", "border-reduced-form"];
const REFUTATION = "dsic-efficient-is-groves";

describe("the HTML report in headless Chromium", () => {
  const root = mkdtempSync(join(tmpdir(), "mechcheck-browser-"));
  const site = join(root, "site");
  let browser: Browser | undefined;

  beforeAll(async () => {
    const c = capture();
    const code = await main(["report", "--html", site, ...IDS, "--runs", "10", "--jobs", "1"], c.io);
    expect(code, c.errText()).toBe(0);
    if (existsSync(CHROMIUM)) browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("Chromium is installed (`bash .ci/run` installs Debian's chromium when missing)", () => {
    expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: \`bash .ci/run\` installs Debian's chromium when missing (apt-get install chromium)`).toBe(true);
  });

  it("the index: no errors or failed requests, formulas typeset and visible, one verdict row per id; a screenshot", async () => {
    const r = await inspectPage(browser!, join(site, "index.html"));
    expect(r.problems).toEqual([]);
    expect(r.katex).toBeGreaterThan(0);
    expect(r.katexVisible).toBe(Math.min(r.katex, 20));
    expect(r.katexErrors).toBe(0);
    expect(r.verdictRows).toBe(IDS.length);
    const shot = join(tmpdir(), `mechcheck-report-${process.pid}.png`);
    await r.page.screenshot({ path: shot, fullPage: true });
    const size = statSync(shot).size;
    expect(size).toBeGreaterThan(10_000);
    console.log(`report screenshot: ${shot} (${size} bytes)`);
  });

  it("a refutation's page shows its counterexample table; every page is clean", async () => {
    const r = await inspectPage(browser!, join(site, pageName(REFUTATION)));
    expect(r.problems).toEqual([]);
    expect(r.counterexampleTables).toBeGreaterThan(0);
    expect(r.counterexampleRows).toBeGreaterThan(0);
    expect(await r.page.locator(".counterexample table").first().isVisible()).toBe(true);
    for (const id of IDS.filter((x) => x !== REFUTATION)) {
      const p = await inspectPage(browser!, join(site, pageName(id)));
      expect(p.problems, id).toEqual([]);
      expect(p.katexErrors, id).toBe(0);
    }
  });

  it("a hostile label is text in the browser: no script element, the label readable", async () => {
    const control = join(root, "hostile");
    cpSync(site, control, { recursive: true });
    const instance = { mechcheck: 1, environment: { agents: ["<script>"], types: { "<script>": ["t1"] }, decisions: ["d1"], valuation: { "<script>": { t1: { d1: "1/2" } } } } };
    const files = htmlReport(
      [{ theorem: { id: "hostile", kind: "refutation", source: "[Myerson1981]", statement: "<script>document.title='owned'</script> p_i ≥ 0" }, run: { id: "hostile", outcome: "refuted", ok: true, cases: 1, casesMeetingHypothesis: 1, seed: 1, runs: 1, counterexample: { instance, violation: null, message: "<img src=x onerror=alert(1)>", seed: 1, path: "0", numShrinks: 0 } } }],
      { version: "test", command: "test" },
    );
    writeFileSync(join(control, "hostile.html"), files.get("hostile.html")!);
    const r = await inspectPage(browser!, join(control, "hostile.html"));
    expect(r.problems).toEqual([]);
    expect(await r.page.locator("script, img").count()).toBe(0);
    expect(await r.page.title()).not.toBe("owned");
    expect(await r.page.locator(".statement").innerText()).toContain("<script>");
    expect(await r.page.locator(".counterexample table").first().innerText()).toContain("<script>");
  });

  it("negative controls: a broken formula and a missing KaTeX font are caught by the same assertions", async () => {
    const control = join(root, "control");
    cpSync(site, control, { recursive: true });
    const files = htmlReport([{ theorem: { id: "broken", kind: "theorem", source: "[Myerson1981]", statement: "a deliberately broken formula a_{\\nosuchmacro} and a good one p_i" }, run: { id: "broken", outcome: "holds", ok: true, cases: 1, casesMeetingHypothesis: 1, seed: 1, runs: 1 } }], { version: "test", command: "test" });
    writeFileSync(join(control, "broken.html"), files.get("broken.html")!);
    const broken = await inspectPage(browser!, join(control, "broken.html"));
    expect(broken.katexErrors).toBe(1);
    expect(broken.problems.join("\n")).toMatch(/KaTeX error/);
    rmSync(join(control, "katex", "fonts", "KaTeX_Main-Regular.woff2"));
    const nofont = await inspectPage(browser!, join(control, "index.html"));
    expect(nofont.problems.join("\n")).toMatch(/failed request: .*KaTeX_Main-Regular\.woff2/);
  });
});
