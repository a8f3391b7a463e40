/**
 * Regenerate the README's screenshots of the HTML report: `npx tsx scripts/report-screenshot.ts`.
 * Runs `mechcheck check --json --no-timing` on a few ids, renders them with `mechcheck report --html
 * --from` (the code test/report/browser.test.ts checks), opens the site in Debian's headless
 * Chromium (scripts/report-browser.ts) and writes docs/img/report.png (the index) and
 * docs/img/report-counterexample.png (a refutation's page). Refuses to write a screenshot of a page
 * with a console error, a failed request or a KaTeX error.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli/main.ts";
import { pageName } from "../src/report/html.ts";
import { inspectPage, launchChromium } from "./report-browser.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const IDS = ["vcg-dsic", "dsic-efficient-is-groves", "green-laffont", "myerson-discrete", "border-reduced-form"];
const REFUTATION = "dsic-efficient-is-groves";

async function run(args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  if (code !== 0) throw new Error(`mechcheck ${args.join(" ")}: exit ${code}\n${err.join("\n")}`);
  return out.join("\n");
}

const tmp = mkdtempSync(join(tmpdir(), "mechcheck-shot-"));
try {
  const results = join(tmp, "results.json");
  writeFileSync(results, await run(["check", ...IDS, "--runs", "20", "--json", "--no-save", "--no-timing", "--jobs", "1"]));
  const site = join(tmp, "report");
  await run(["report", "--html", site, "--from", results]);
  const b = await launchChromium();
  try {
    mkdirSync(join(ROOT, "docs", "img"), { recursive: true });
    for (const [file, png] of [
      ["index.html", "report.png"],
      [pageName(REFUTATION), "report-counterexample.png"],
    ] as const) {
      const r = await inspectPage(b, join(site, file));
      if (r.problems.length) throw new Error(`${file}: ${r.problems.join("; ")}`);
      const out = join(ROOT, "docs", "img", png);
      await r.page.screenshot({ path: out, fullPage: true });
      console.log(`${out} (${statSync(out).size} bytes)`);
    }
  } finally {
    await b.close();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
