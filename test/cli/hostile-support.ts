/** Shared helpers of the hostile-use CLI tests and bench/cli-fuzz.ts. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const API = join(REPO, "src/index.ts");

export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err, text: () => out.join("\n"), errText: () => err.join("\n") };
}

/** A scratch folder where `import … from "fast-check"` works and the API is at `API`. */
export function scratch(prefix = "mechcheck-hostile-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, "store"));
  return dir;
}

/** A conjecture file over fc.integer() with the given check body (TypeScript source). */
export function conjectureFile(dir: string, name: string, check: string, extra = ""): string {
  const f = join(dir, `${name}.ts`);
  writeFileSync(
    f,
    `import fc from "fast-check";\nimport { conjecture } from ${JSON.stringify(API)};\n${extra}\nexport default conjecture({ id: ${JSON.stringify(name)}, statement: "test", arbitrary: fc.integer({ min: 0, max: 100 }), check: ${check} });\n`,
  );
  return f;
}

/**
 * The shape every error output must have: each stderr line is one `mechcheck <cmd>: error [code]:`
 * or `warning:` line (or a usage listing), and no line anywhere looks like a stack frame.
 */
export function oneLineErrors(err: readonly string[], out: readonly string[] = []): string | null {
  for (const s of [...err, ...out]) if (/\n\s+at \S+ \(|^\s+at \S+ \(/m.test(s)) return `stack trace: ${s.slice(0, 300)}`;
  for (const s of err) {
    const first = s.split("\n")[0]!;
    if (!/^mechcheck( [\w-]+)?: (error \[[\w-]+\]: |warning: |unknown command )/.test(first)) return `unexpected stderr line: ${first.slice(0, 200)}`;
    // A bounded list of input problems (at most 20 "  - …" lines and a count) may follow the line.
    const rest = s.split("\n").slice(1);
    if (rest.length > 0 && !/^mechcheck: unknown command/.test(first) && !rest.every((l) => /^ {2}(- |… and )/.test(l))) return `multi-line error: ${s.slice(0, 300)}`;
    if (rest.length > 21) return `unbounded error output: ${rest.length} lines`;
  }
  return null;
}
