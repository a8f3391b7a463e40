/**
 * The library cites its sources by bibliography key ([BernardMD3, Prop 7.14], [ChungEly2002, §4], …,
 * see src/references.ts), never by the files it was first written from: no numbered source texts
 * ("seed 001"), no pointer to a theorem list or notes folder outside the repository, no absolute
 * path of the machine it was written on. A user of the package has none of those files.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;

/** What a citation of a build input looks like. Each pattern names what it catches. */
const FORBIDDEN: readonly { readonly what: string; readonly re: RegExp }[] = [
  { what: "a numbered source text (seed 00x)", re: /\bseeds?\s*0\d\d\b/i },
  { what: "a path into a folder outside the repository", re: /\.\.\/shared\b|\bshared\/(?:seeds|THEOREMS)/ },
  { what: "the build-time theorem list", re: /\bTHEOREMS\.md\b/ },
  { what: "an absolute machine path", re: /(?<![\w.])\/(?:work|home|Users|root)\/[\w.-]+/ },
];

/**
 * Strings that reach `check --json` (coverage tags) or saved counterexamples: changing them changes
 * verdict bytes, so they stay until the lead decides to re-baseline. file → exact substring.
 */
const VERDICT_BYTES: readonly { readonly file: string; readonly text: string }[] = [];

/** Every forbidden reference in `text`, as "line: what". */
function buildInputCitations(text: string): string[] {
  const out: string[] = [];
  text.split("\n").forEach((line, k) => {
    for (const { what, re } of FORBIDDEN) if (re.test(line)) out.push(`${k + 1}: ${what}: ${line.trim().slice(0, 120)}`);
  });
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts|js|mjs|json|md)$/.test(f)) out.push(p);
  }
  return out.sort();
}

describe("sources are cited as papers, not as build inputs", () => {
  it("no file under src/ cites a seed text, the theorem list, a folder outside the repository or a machine path", () => {
    const hits: string[] = [];
    for (const f of sourceFiles(join(ROOT, "src"))) {
      const name = f.slice(ROOT.length);
      let text = readFileSync(f, "utf8");
      for (const a of VERDICT_BYTES) if (a.file === name) text = text.split(a.text).join("");
      for (const h of buildInputCitations(text)) hits.push(`${name}:${h}`);
    }
    expect(hits).toEqual([]);
  });

  it("every allowed verdict-byte string is still there (else drop it from VERDICT_BYTES)", () => {
    for (const a of VERDICT_BYTES) expect(readFileSync(join(ROOT, a.file), "utf8").includes(a.text), `${a.file}: ${a.text}`).toBe(true);
    expect(buildInputCitations(VERDICT_BYTES.map((a) => a.text).join("\n")).length).toBe(VERDICT_BYTES.length);
  });

  it("the detector flags each kind of build-input citation (negative controls) and passes bibliography keys", () => {
    expect(buildInputCitations("Prop 7.14 of seed 001 (*Achieving Budget Balance*)")).toHaveLength(1);
    expect(buildInputCitations("(Seed 004, *Cavallo mechanism*)")).toHaveLength(1);
    expect(buildInputCitations("(seeds 003/004)")).toHaveLength(1);
    expect(buildInputCitations("lecture notes in `../shared/seeds/`")).toHaveLength(1);
    expect(buildInputCitations("with the THEOREMS.md erratum")).toHaveLength(1);
    expect(buildInputCitations(" * Source: /work/shared/seeds/000_abc.txt")).toHaveLength(2);
    expect(buildInputCitations("see /home/someone/x.ts")).toHaveLength(1);
    // Not build inputs: bibliography keys, RNG seeds, relative paths inside the repository.
    expect(buildInputCitations("[BernardMD3, Prop 7.14]; [ChungEly2002, §4]; [Mishra2020, *Cavallo mechanism*]")).toEqual([]);
    expect(buildInputCitations("fixed seeds 1–3; --seed 42; the seed echoed is the seed used")).toEqual([]);
    expect(buildInputCitations("src/robust/maxmin.ts and counterexamples/<id>/*.json")).toEqual([]);
  });
});
