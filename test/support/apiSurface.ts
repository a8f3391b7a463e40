/**
 * The public API's surface, read with the TypeScript compiler API (issue 13): every symbol exported
 * by an entry module (following `export *`, `export { … } from` and aliases to the declaration),
 * with its kind, where it is declared and whether it carries a TSDoc comment. Used by
 * `test/package/tsdoc.test.ts` (every export documented) and `test/package/api-docs.test.ts`
 * (docs/api has an entry for every export).
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export const ROOT = join(import.meta.dirname, "..", "..");

export type ExportKind = "function" | "class" | "interface" | "type" | "variable" | "enum" | "namespace";

export interface ApiExport {
  /** The exports-map subpath (or any label the caller gave the entry). */
  entry: string;
  /** The exported name (as the entry exports it). */
  name: string;
  kind: ExportKind;
  /** `path:line` of the first declaration, relative to the repository. */
  where: string;
  documented: boolean;
  /** Public methods of a class or interface (and function-typed interface properties) without a TSDoc comment. */
  undocumentedMembers: string[];
}

/** The exports map's entries as `[subpath, absolute source file]` (package.json `mechcheck-source`). */
export function exportEntries(): [string, string][] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const out: [string, string][] = [];
  for (const [k, e] of Object.entries(pkg.exports as Record<string, unknown>)) {
    if (typeof e !== "object" || e === null) continue;
    const src = (e as Record<string, string>)["mechcheck-source"];
    if (src) out.push([k, join(ROOT, src)]);
  }
  return out;
}

function kindOf(d: ts.Declaration): ExportKind | undefined {
  if (ts.isFunctionDeclaration(d)) return "function";
  if (ts.isClassDeclaration(d)) return "class";
  if (ts.isInterfaceDeclaration(d)) return "interface";
  if (ts.isTypeAliasDeclaration(d)) return "type";
  if (ts.isVariableDeclaration(d)) return "variable";
  if (ts.isEnumDeclaration(d)) return "enum";
  if (ts.isModuleDeclaration(d) || ts.isSourceFile(d)) return "namespace";
  return undefined;
}

/** The node a TSDoc comment attaches to: a variable's statement, otherwise the declaration itself. */
function docHost(d: ts.Declaration): ts.Node {
  if (ts.isVariableDeclaration(d) && ts.isVariableDeclarationList(d.parent) && d.parent.declarations.length === 1) return d.parent.parent;
  return d;
}

/** Whether a declaration has a non-empty `/** … *\/` comment right before it. */
function hasTsDoc(d: ts.Declaration): boolean {
  return nodeHasTsDoc(docHost(d));
}

/** The public methods of an exported class or interface (what TypeDoc's validation asks to be documented). */
function memberDeclarations(d: ts.Declaration): { name: string; node: ts.Node }[] {
  const out: { name: string; node: ts.Node }[] = [];
  const isPublic = (m: ts.ClassElement) => !(ts.getCombinedModifierFlags(m as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) && !(m.name && ts.isPrivateIdentifier(m.name));
  if (ts.isClassDeclaration(d)) {
    for (const m of d.members) if (ts.isMethodDeclaration(m) && isPublic(m) && m.name) out.push({ name: m.name.getText(), node: m });
  } else if (ts.isInterfaceDeclaration(d)) {
    for (const m of d.members) {
      if (ts.isMethodSignature(m) && m.name) out.push({ name: m.name.getText(), node: m });
      else if (ts.isPropertySignature(m) && m.type && ts.isFunctionTypeNode(m.type)) out.push({ name: m.name.getText(), node: m });
    }
  }
  return out;
}

/** Member names none of whose declarations (overloads, merged interfaces) has a TSDoc comment. */
function undocumentedMembers(decls: readonly ts.Declaration[]): string[] {
  const documented = new Map<string, boolean>();
  for (const d of decls) for (const m of memberDeclarations(d)) documented.set(m.name, (documented.get(m.name) ?? false) || nodeHasTsDoc(m.node));
  return [...documented].filter(([, ok]) => !ok).map(([n]) => n);
}

/** Whether a node has a non-empty `/** … *\/` comment right before it. */
function nodeHasTsDoc(n: ts.Node): boolean {
  const text = n.getSourceFile().text;
  return (ts.getLeadingCommentRanges(text, n.getFullStart()) ?? []).some((r) => {
    const c = text.slice(r.pos, r.end);
    return c.startsWith("/**") && c.replace(/^\/\*\*|\*\/$/g, "").replace(/^\s*\*/gm, "").trim().length > 0;
  });
}

/**
 * Every symbol the given entry modules export. A symbol declared outside the repository (e.g.
 * `export * as fc from "fast-check"`) is listed as a namespace and counted documented when its
 * export statement has a comment.
 */
export function apiSurface(entries: [string, string][]): ApiExport[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ["mechcheck-source"],
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    types: [],
    noLib: true,
  };
  // Dependencies are read as empty modules: only the repository's declarations matter, and skipping
  // node_modules (fast-check's declarations are large) and the default library keeps this fast.
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) => (f.includes("/node_modules/") ? ts.createSourceFile(f, "export {};", lang) : read(f, lang, ...rest));
  const program = ts.createProgram(entries.map(([, f]) => f), options, host);
  const checker = program.getTypeChecker();
  const out: ApiExport[] = [];
  for (const [entry, file] of entries) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`${entry}: ${file} not in the program`);
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) throw new Error(`${entry}: ${file} is not a module`);
    for (const exp of checker.getExportsOfModule(moduleSymbol)) {
      const target = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
      const decls = (target.declarations ?? []).filter((d) => kindOf(d) !== undefined);
      const inRepo = decls.filter((d) => !d.getSourceFile().fileName.includes("node_modules"));
      if (inRepo.length === 0) {
        // Declared elsewhere (a re-exported dependency): the re-export statement must say what it is.
        const stmt = (exp.declarations ?? [])[0];
        const host = stmt && (ts.isNamespaceExport(stmt) || ts.isExportSpecifier(stmt)) ? stmt.parent.parent ?? stmt : stmt;
        const text = host?.getSourceFile().text ?? "";
        const ranges = host ? ts.getLeadingCommentRanges(text, host.getFullStart()) ?? [] : [];
        out.push({
          entry,
          name: exp.name,
          kind: "namespace",
          where: host ? `${relative(ROOT, host.getSourceFile().fileName)}:${host.getSourceFile().getLineAndCharacterOfPosition(host.getStart()).line + 1}` : "?",
          documented: ranges.some((r) => text.slice(r.pos, r.end).trim().length > 2),
          undocumentedMembers: [],
        });
        continue;
      }
      const first = inRepo[0]!;
      const sfd = first.getSourceFile();
      out.push({
        entry,
        name: exp.name,
        kind: kindOf(first)!,
        where: `${relative(ROOT, sfd.fileName)}:${sfd.getLineAndCharacterOfPosition(first.getStart()).line + 1}`,
        documented: inRepo.some(hasTsDoc),
        undocumentedMembers: undocumentedMembers(inRepo),
      });
    }
  }
  return out;
}
