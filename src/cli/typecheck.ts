/**
 * Type-check a user's conjecture file before it runs (tsx strips types without checking them), with
 * the TypeScript compiler API. Only the file's own diagnostics are reported, as `file:line:col:
 * message`. The program is kept and reused by the next call in the same process (most of the cost
 * is parsing mechcheck's own sources, which do not change between calls).
 */
import { dirname, join, relative, resolve } from "node:path";
import { PACKAGE_ROOT } from "../paths.ts";

/** Running from the TypeScript sources (the repository), not from the built dist/. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
/** Imports a conjecture may make that resolve from mechcheck's own package when its folder cannot. */
const OURS = /^(mechcheck|fast-check)(\/.*)?$/;

type TS = typeof import("typescript");

let ts: TS | null | undefined;
let previous: import("typescript").Program | undefined;

async function loadTs(): Promise<TS | null> {
  if (ts === undefined) {
    try {
      const m = (await import("typescript")) as unknown as { default?: TS } & TS;
      ts = m.default ?? m;
    } catch {
      ts = null;
    }
  }
  return ts;
}

export interface TypecheckResult {
  /** False when the TypeScript compiler is not installed (the check is skipped, and said so). */
  readonly ran: boolean;
  readonly errors: readonly string[];
  readonly ms: number;
}

export async function typecheckFile(file: string, cwd = process.cwd()): Promise<TypecheckResult> {
  const t0 = performance.now();
  const t = await loadTs();
  if (t === null) return { ran: false, errors: [], ms: 0 };
  const abs = resolve(file);
  const options: import("typescript").CompilerOptions = {
    target: t.ScriptTarget.ES2022,
    module: t.ModuleKind.ESNext,
    moduleResolution: t.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    strict: true,
    noImplicitAny: false,
    skipLibCheck: true,
    noEmit: true,
    lib: ["lib.es2022.d.ts", "lib.esnext.disposable.d.ts"],
    // In the repository, `mechcheck` resolves to the sources (the package's exports condition).
    ...(FROM_SOURCE ? { customConditions: ["mechcheck-source"] } : {}),
  };
  const host = t.createCompilerHost(options);
  // Node's types where the user's folder (or mechcheck's) has them; none otherwise.
  const nodeTypes = t.resolveTypeReferenceDirective("node", abs, options, host).resolvedTypeReferenceDirective ?? t.resolveTypeReferenceDirective("node", join(PACKAGE_ROOT, "package.json"), options, host).resolvedTypeReferenceDirective;
  options.types = nodeTypes ? ["node"] : [];
  // A conjecture in any folder: `mechcheck` and `fast-check` resolve from the running package when
  // the file's own folder does not provide them (the same fallback as the worker's resolve hook).
  host.resolveModuleNames = (names, containingFile, _reused, redirected, opts) =>
    names.map((n) => {
      const r = t.resolveModuleName(n, containingFile, opts, host, undefined, redirected).resolvedModule;
      if (r || !OURS.test(n)) return r;
      return t.resolveModuleName(n, join(PACKAGE_ROOT, "package.json"), opts, host, undefined, redirected).resolvedModule;
    });
  const program = t.createProgram({ rootNames: [abs], options, host, ...(previous ? { oldProgram: previous } : {}) });
  previous = program;
  const sf = program.getSourceFile(abs);
  if (!sf) return { ran: true, errors: [`${file}: cannot be read as TypeScript`], ms: Math.round(performance.now() - t0) };
  const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].filter((d) => d.category === t.DiagnosticCategory.Error);
  const shown = relative(cwd, abs).startsWith("..") ? abs : relative(cwd, abs);
  const errors = diags.map((d) => {
    const msg = t.flattenDiagnosticMessageText(d.messageText, " ");
    if (d.file && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${shown}:${line + 1}:${character + 1}: ${msg} (TS${d.code})`;
    }
    return `${shown}: ${msg} (TS${d.code})`;
  });
  void dirname;
  return { ran: true, errors, ms: Math.round(performance.now() - t0) };
}
