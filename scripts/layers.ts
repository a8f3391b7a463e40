/**
 * The layers of src/, lowest first (docs/architecture.md). A file may import from its own layer and
 * the layers below it, never above; test/architecture/layers.test.ts enforces this.
 */
export interface Layer {
  readonly name: string;
  /** Path prefixes (relative to the repository root) that belong to this layer. */
  readonly paths: readonly string[];
  readonly holds: string;
}

export const LAYERS: readonly Layer[] = [
  { name: "foundation", paths: ["src/errors.ts", "src/version.ts", "src/paths.ts", "src/references.ts", "src/format/"], holds: "the one root error type, the version, the package's own paths, the bibliography, tables and documents as data, each rendered as plain text, Markdown or LaTeX" },
  { name: "exact", paths: ["src/exact/"], holds: "rationals, exact JSON, exact linear algebra" },
  { name: "continuous", paths: ["src/continuous/"], holds: "polynomials with exact root isolation, polynomial CDFs, exact planar geometry" },
  { name: "lp", paths: ["src/lp/"], holds: "LP models, the float engine, exact certification, the verifier, readable proofs" },
  { name: "model", paths: ["src/model/", "src/instance/"], holds: "environments, beliefs, mechanisms as data, validation, the instance file format" },
  { name: "concepts", paths: ["src/concepts/"], holds: "solution concepts with exact verdicts and violations as data" },
  { name: "mechanisms", paths: ["src/mechanisms/"], holds: "mechanisms and programs every subject uses (VCG/Groves, payments for a fixed rule)" },
  { name: "implementability", paths: ["src/implementability/"], holds: "implementability of decision rules: cycle monotonicity (Bellman–Ford), weak monotonicity" },
  { name: "budget balance", paths: ["src/budgetBalance/"], holds: "Groves characterizations, budget balancing, expected externality, redistribution" },
  { name: "auctions", paths: ["src/auctions/"], holds: "single-object auctions, revenue equivalence, optimal auctions" },
  { name: "trade", paths: ["src/trade/"], holds: "bilateral trade and partnerships, on grids and on the continuum" },
  { name: "public goods", paths: ["src/publicGoods/"], holds: "public-good provision, impossibility and interdependent values" },
  { name: "beliefs", paths: ["src/beliefs/"], holds: "correlation, Crémer–McLean, identifiability, no-trade, beliefs without a common prior" },
  { name: "ex post", paths: ["src/exPost/"], holds: "ex post implementation, separability, pseudo-efficiency, payoff equivalence" },
  { name: "robust", paths: ["src/robust/"], holds: "maxmin design, informationally robust auctions, worst-case beliefs" },
  { name: "social choice", paths: ["src/socialChoice/"], holds: "voting without money: Gibbard–Satterthwaite on small domains by SAT, with an independently checked core" },
  { name: "design", paths: ["src/design/"], holds: "the design engine and the impossibility atlas" },
  { name: "generators", paths: ["src/generators/"], holds: "fast-check arbitraries of cases and their codecs" },
  { name: "store", paths: ["src/store/"], holds: "saved counterexamples, atomic exclusive writes" },
  { name: "catalogue", paths: ["src/catalogue/"], holds: "the theorem registry: the record type and one file per id" },
  { name: "runner", paths: ["src/theorem/"], holds: "running theorems and conjectures, replay, re-shrinking" },
  { name: "reports", paths: ["src/report/", "src/studies/"], holds: "tables of instances and saved cases (what `show` prints), run reports, per-paper studies" },
  { name: "cli", paths: ["src/cli/", "src/index.ts"], holds: "the mechcheck command and the public API" },
];

export function layerOf(file: string): number | undefined {
  let best: { i: number; len: number } | undefined;
  LAYERS.forEach((l, i) => {
    for (const p of l.paths) if ((p.endsWith("/") ? file.startsWith(p) : file === p) && (!best || p.length > best.len)) best = { i, len: p.length };
  });
  return best?.i;
}
