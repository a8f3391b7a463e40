/**
 * Exports of src/ that nothing outside their own file uses (`npx tsx scripts/dead-exports.ts`).
 *
 * Builds the TypeScript program of tsconfig.json (src, test, bench, examples, scripts), resolves
 * every identifier to the declaration it names (through import aliases and re-exports), and lists,
 * for each module of src/, the exported names referenced from no other file. A name is kept alive
 * by a use in any other file, by src/index.ts (the public API) or a subpath barrel
 * (src/<subject>/index.ts) naming it, or by src/index.ts re-exporting its module with `export *`. A
 * barrel's `export * from …` does not count: it exposes whatever the file exports. Each row says
 * whether the name is also unused in its own file (dead: remove) or used there (local: un-export).
 *
 * Output: `<file>:<line> <name> dead|local`, one a row, and a count per kind. Writes nothing.
 */
import ts from "typescript";
import { dirname, join, relative } from "node:path";

const ROOT = join(dirname(new URL(import.meta.url).pathname), "..");
const configPath = join(ROOT, "tsconfig.json");
const config = ts.readConfigFile(configPath, ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
const program = ts.createProgram(parsed.fileNames, parsed.options);
const checker = program.getTypeChecker();

const rel = (f: string): string => relative(ROOT, f);
const isSrc = (f: string): boolean => rel(f).startsWith("src/");
const isBarrel = (f: string): boolean => /^src\/[^/]+\/index\.ts$/.test(rel(f));
const PUBLIC = "src/index.ts";

function original(sym: ts.Symbol): ts.Symbol {
  let s = sym;
  for (let k = 0; k < 20 && s.flags & ts.SymbolFlags.Alias; k++) {
    try {
      s = checker.getAliasedSymbol(s);
    } catch {
      break;
    }
  }
  return s;
}

/** declaration file of a symbol → files (other than the declaring one) that reference it. */
const usedFrom = new Map<ts.Symbol, Set<string>>();
const usedIn = new Map<ts.Symbol, number>(); // uses inside the declaring file (not the declaration name itself)

function note(sym: ts.Symbol, from: string, node: ts.Node): void {
  const o = original(sym);
  const decl = o.declarations?.[0];
  if (!decl) return;
  const home = decl.getSourceFile().fileName;
  if (home === from) {
    // the declaration's own name is not a use
    const nameNode = (decl as ts.NamedDeclaration).name;
    if (nameNode && nameNode.pos === node.pos && nameNode.end === node.end) return;
    usedIn.set(o, (usedIn.get(o) ?? 0) + 1);
    return;
  }
  let s = usedFrom.get(o);
  if (!s) usedFrom.set(o, (s = new Set()));
  s.add(rel(from));
}

/** Modules src/index.ts re-exports wholesale (`export * from`), transitively through barrels. */
const wholesale = new Set<string>();
function markWholesale(file: ts.SourceFile): void {
  for (const st of file.statements) {
    if (ts.isExportDeclaration(st) && !st.exportClause && st.moduleSpecifier) {
      const sym = checker.getSymbolAtLocation(st.moduleSpecifier);
      const target = sym?.declarations?.[0]?.getSourceFile();
      if (target && !wholesale.has(target.fileName)) {
        wholesale.add(target.fileName);
        markWholesale(target);
      }
    }
  }
}

for (const sf of program.getSourceFiles()) {
  if (sf.isDeclarationFile || sf.fileName.includes("node_modules")) continue;
  if (rel(sf.fileName) === PUBLIC) markWholesale(sf);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const sym = checker.getSymbolAtLocation(node);
      if (sym) note(sym, sf.fileName, node);
      // `{ a }` shorthand in an object literal names a value too
      if (ts.isShorthandPropertyAssignment(node.parent)) {
        const v = checker.getShorthandAssignmentValueSymbol(node.parent);
        if (v) note(v, sf.fileName, node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

interface Row {
  file: string;
  line: number;
  name: string;
  kind: "dead" | "local";
}
const rows: Row[] = [];
for (const sf of program.getSourceFiles()) {
  if (sf.isDeclarationFile || !isSrc(sf.fileName) || isBarrel(sf.fileName) || rel(sf.fileName) === PUBLIC) continue;
  if (wholesale.has(sf.fileName)) continue;
  const mod = checker.getSymbolAtLocation(sf);
  if (!mod) continue;
  for (const ex of checker.getExportsOfModule(mod)) {
    const o = original(ex);
    const decl = o.declarations?.[0];
    if (!decl || decl.getSourceFile() !== sf) continue; // re-exported from elsewhere
    if (usedFrom.get(o)?.size) continue;
    const line = sf.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
    rows.push({ file: rel(sf.fileName), line, name: ex.name, kind: (usedIn.get(o) ?? 0) > 0 ? "local" : "dead" });
  }
}
rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
for (const r of rows) console.log(`${r.file}:${r.line} ${r.name} ${r.kind}`);
console.log(`# ${rows.filter((r) => r.kind === "dead").length} dead, ${rows.filter((r) => r.kind === "local").length} used only in their own file`);
