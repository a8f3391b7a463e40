/**
 * Regenerate docs/references.bib and docs/references.md from src/references.ts
 * (`npm run references`). test/references.test.ts fails when they differ.
 */
import { writeFileSync } from "node:fs";
import { toBibTeX, toMarkdown } from "../src/references.ts";

export const BIB_PATH = new URL("../docs/references.bib", import.meta.url).pathname;
export const MD_PATH = new URL("../docs/references.md", import.meta.url).pathname;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  writeFileSync(BIB_PATH, toBibTeX());
  writeFileSync(MD_PATH, toMarkdown());
  console.log("docs/references.bib and docs/references.md written");
}
