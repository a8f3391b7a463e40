/**
 * `npm run readme-images`: regenerates docs/img/show-latex.png, page 1 of
 * `mechcheck show counterexamples/dagv-interim-ir/… --format latex --standalone` compiled by pdflatex
 * and rendered by pdftoppm — the code path test/report/latex-compile.test.ts checks in CI. The
 * compilation happens under os.tmpdir(); only the PNG is written into the checkout (atomically).
 */
import { copyFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { main } from "../src/cli/main.ts";
import { PACKAGE_ROOT } from "../src/paths.ts";
import { compileLatex, INSTALL_HINT, missingTools, pageToPng } from "./latex.ts";

export const SHOW_LATEX_CASE = "counterexamples/dagv-interim-ir/case-5c1be214ef48.json";
export const SHOW_LATEX_PNG = "docs/img/show-latex.png";

async function run(): Promise<number> {
  const missing = missingTools();
  if (missing.length) {
    console.error(`readme-images: ${INSTALL_HINT}`);
    return 2;
  }
  const out: string[] = [];
  const code = await main(["show", join(PACKAGE_ROOT, SHOW_LATEX_CASE), "--format", "latex", "--standalone"], { out: (s) => out.push(s), err: (s) => console.error(s) });
  if (code !== 0) return code;
  const r = compileLatex(out.join("\n"), "show");
  if (!r.ok) {
    console.error(`readme-images: pdflatex failed in ${r.dir}:\n${r.log}`);
    return 1;
  }
  const png = pageToPng(r.pdf!, join(r.dir, "show-latex.png"), 1, 120, { trim: true });
  // The temp folder may be on another file system: copy next to the target, then rename (atomic).
  const target = join(PACKAGE_ROOT, SHOW_LATEX_PNG);
  const tmp = `${target}.${process.pid}.tmp`;
  copyFileSync(png.png, tmp);
  renameSync(tmp, target);
  console.log(`readme-images: ${SHOW_LATEX_PNG} (${png.bytes} bytes) from ${SHOW_LATEX_CASE} via pdflatex (${r.pdf}, ${r.pages} page${r.pages === 1 ? "" : "s"})`);
  return 0;
}

process.exitCode = await run();
