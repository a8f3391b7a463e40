/**
 * Generate docs/catalogue.md, the user's catalogue, from the registry (`npm run catalogue`): each id
 * with its kind, statement, citation (and the full reference of every cited key, from
 * src/references.ts), the true version of a refutation, and where its code and saved
 * counterexamples live. Sections and their order come from src/catalogue/index.ts (its `// X. …`
 * comments). test/cli/catalogue-doc.test.ts fails when docs/catalogue.md and the registry differ.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { THEOREMS } from "../src/catalogue/index.ts";
import type { Theorem } from "../src/catalogue/types.ts";
import { citedKeys, formatReference, reference } from "../src/references.ts";
import { writeFileAtomic } from "../src/store/atomic.ts";

const ROOT = new URL("../", import.meta.url).pathname;
export const CATALOGUE_DOC = `${ROOT}docs/catalogue.md`;

/** Sections of src/catalogue/index.ts in order, each with the ids it lists (by position in THEOREMS). */
export function sections(indexText: string, theorems: readonly Theorem[]): { title: string; theorems: Theorem[] }[] {
  const body = indexText.slice(indexText.indexOf("export const THEOREMS"));
  const list = body.slice(body.indexOf("[") + 1, body.indexOf("];"));
  const out: { title: string; theorems: Theorem[] }[] = [];
  let k = 0;
  for (const raw of list.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("//")) out.push({ title: line.replace(/^\/\/\s*/, ""), theorems: [] });
    else if (/^\w+,?$/.test(line)) {
      if (out.length === 0) out.push({ title: "Catalogue", theorems: [] });
      out[out.length - 1]!.theorems.push(theorems[k++]!);
    }
  }
  if (k !== theorems.length) throw new Error(`src/catalogue/index.ts lists ${k} entries in THEOREMS, the registry has ${theorems.length}`);
  return out;
}

const esc = (s: string) => s.replace(/\n/g, " ");

function entry(t: Theorem, root: string): string {
  const lines = [`### \`${t.id}\` (${t.kind})`, "", esc(t.statement), "", `- **Source:** ${esc(t.source)}`];
  for (const key of citedKeys(t.source)) {
    const r = reference(key);
    lines.push(`  - [${key}] ${r ? formatReference(r) : "(not in the bibliography)"}`);
  }
  if (t.trueVersion) lines.push(`- **True version:** [\`${t.trueVersion}\`](#${t.trueVersion.replace(/[^a-z0-9-]/g, "")}-${THEOREMS.find((u) => u.id === t.trueVersion)?.kind ?? "theorem"})`);
  lines.push(`- **Code:** [src/catalogue/${t.id}.ts](../src/catalogue/${t.id}.ts)`);
  const dir = `${root}counterexamples/${t.id}`;
  const saved = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).length : 0;
  if (saved > 0) lines.push(`- **Saved counterexamples:** [counterexamples/${t.id}/](../counterexamples/${t.id}/) (${saved} case${saved === 1 ? "" : "s"}, replayed by \`mechcheck replay\`)`);
  return lines.join("\n");
}

export function catalogueDoc(root: string = ROOT): string {
  const secs = sections(readFileSync(`${root}src/catalogue/index.ts`, "utf8"), THEOREMS);
  const counts = { theorem: 0, refutation: 0, example: 0 } as Record<string, number>;
  for (const t of THEOREMS) counts[t.kind] = (counts[t.kind] ?? 0) + 1;
  const head = [
    "<!-- Generated from the registry (src/catalogue/) by `npm run catalogue`; do not edit by hand. -->",
    "# The mechcheck catalogue",
    "",
    `${THEOREMS.length} entries: ${counts.theorem} theorems (checked to hold on generated finite cases), ${counts.refutation} refutations (a literal reading that fails, with a saved counterexample and the true version next to it) and ${counts.example} worked examples. \`mechcheck check <id>\` runs one; \`mechcheck show <id>\` prints its record. Citations are bibliography keys with a locator; the full references are under each entry and in [references.md](references.md).`,
    "",
    "## Contents",
    "",
    ...secs.map((s) => `- ${s.title.replace(/\s*\(\[.*$/, "")} (${s.theorems.length})`),
  ];
  const body = secs.flatMap((s) => ["", `## ${s.title}`, "", s.theorems.map((t) => entry(t, root)).join("\n\n")]);
  return [...head, ...body].join("\n") + "\n";
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  writeFileAtomic(CATALOGUE_DOC, catalogueDoc());
  console.log(`docs/catalogue.md: ${THEOREMS.length} entries written`);
}
