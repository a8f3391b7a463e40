/**
 * Compile LaTeX with the real pdflatex and render a page to PNG with pdftoppm (Debian's
 * texlive-latex-base and poppler-utils; `.ci/run` installs them when missing). Used by
 * test/report/latex-compile.test.ts and scripts/readme-images.ts, so the README's picture comes
 * from the code path CI checks. Everything is written in a fresh folder under os.tmpdir().
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface CompileResult {
  readonly ok: boolean;
  /** The folder the job ran in (under os.tmpdir()). */
  readonly dir: string;
  /** The PDF, when one was written. */
  readonly pdf?: string;
  /** Pages of the PDF (from pdfinfo, or counted in the file when pdfinfo is missing). */
  readonly pages: number;
  /** The last lines of pdflatex's output (the error, when it failed). */
  readonly log: string;
}

/** Which of the tools is missing (empty when all are installed). */
export function missingTools(tools: readonly string[] = ["pdflatex", "pdftoppm"]): string[] {
  return tools.filter((t) => spawnSync("sh", ["-c", `command -v ${t}`], { encoding: "utf8" }).status !== 0);
}

export const INSTALL_HINT = "pdflatex/pdftoppm are missing: `bash .ci/run` installs Debian's texlive-latex-base, texlive-latex-recommended and poppler-utils when missing (or: apt-get install texlive-latex-base poppler-utils)";

/** `pdflatex -halt-on-error -interaction=nonstopmode` on `tex` in a new temp folder. */
export function compileLatex(tex: string, name = "doc"): CompileResult {
  const dir = mkdtempSync(join(tmpdir(), "mechcheck-latex-"));
  const file = join(dir, `${name}.tex`);
  writeFileSync(file, tex);
  const r = spawnSync("pdflatex", ["-halt-on-error", "-interaction=nonstopmode", "-no-shell-escape", `${name}.tex`], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}`;
  const log = out.split("\n").slice(-25).join("\n");
  const pdf = join(dir, `${name}.pdf`);
  if (r.status !== 0 || !existsSync(pdf)) return { ok: false, dir, pages: 0, log };
  return { ok: true, dir, pdf, pages: pdfPages(pdf), log };
}

/** Number of pages of a PDF: pdfinfo's count. */
export function pdfPages(pdf: string): number {
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  const m = /^Pages:\s+(\d+)/m.exec(info.stdout ?? "");
  if (m) return Number(m[1]);
  // pdfinfo missing: count the page objects in the file.
  return (readFileSync(pdf, "latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/**
 * Page `page` of the PDF as a PNG at `dpi` (pdftoppm); returns its path and size in bytes. With
 * `trim`, the page is first rendered in grey to find the bounding box of what is printed, and the
 * PNG is cropped to it plus a margin (no image library needed: pdftoppm crops, a PGM is plain bytes).
 */
export function pageToPng(pdf: string, out: string, page = 1, dpi = 110, opts: { trim?: boolean; margin?: number } = {}): { png: string; bytes: number } {
  const stem = out.replace(/\.png$/, "");
  const crop: string[] = [];
  if (opts.trim) {
    const g = spawnSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf], { maxBuffer: 1 << 28 });
    if (g.status !== 0) throw new Error(`pdftoppm -gray failed on ${pdf}: ${g.stderr}`);
    const box = inkBox(g.stdout);
    if (box) {
      const m = opts.margin ?? Math.round(dpi / 6);
      const x = Math.max(0, box.x0 - m);
      const y = Math.max(0, box.y0 - m);
      crop.push("-x", String(x), "-y", String(y), "-W", String(box.x1 - x + m), "-H", String(box.y1 - y + m));
    }
  }
  const r = spawnSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), ...crop, "-singlefile", pdf, stem], { encoding: "utf8" });
  const png = `${stem}.png`;
  if (r.status !== 0 || !existsSync(png)) throw new Error(`pdftoppm failed on ${pdf}: ${r.stderr ?? r.error}`);
  return { png, bytes: statSync(png).size };
}

/** The bounding box of the non-white pixels of a binary PGM (P5, 8 bits), or null for a blank page. */
export function inkBox(pgm: Buffer): { x0: number; y0: number; x1: number; y1: number } | null {
  // Header: "P5", width, height, maxval, separated by whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PGM");
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x]! < 200) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}
