import { beforeAll, describe, expect, it } from "vitest";
import { loadLpEngine } from "../../src/lp/solve.ts";
import { decide, integerGrid, msRevenueBound, TIE_RULES, uniformMarginal } from "../../src/trade/tradeGrids.ts";
import { atlas, mergeAtlas, parseShard, thresholds, type AtlasResult } from "../../src/design/atlas.ts";
import { designFeasible } from "../../src/design/design.ts";
import { FAMILIES, publicGoodDomain } from "../../src/design/families.ts";
import { renderAtlas } from "../../src/design/render.ts";
import type { Axiom } from "../../src/design/axioms.ts";

beforeAll(async () => {
  await loadLpEngine();
});

const MAXK = 6;
const GL: Axiom[] = ["efficient", "dsic", "ex-post-bb"];
const MS: Axiom[] = ["efficient", "bic", "interim-ir", "ex-post-bb"];

function infeasibleAt(r: AtlasResult, variant: string, set: readonly Axiom[]): number[] {
  const S = new Set(set);
  return r.domains.filter((d) => d.variant === variant && d.minimalInfeasible.some((m) => m.axioms.every((a) => S.has(a)))).map((d) => d.param).sort((a, b) => a - b);
}

describe("atlas reproduces every threshold of the grid tables (expected values from tradeGrids.ts, not copied)", () => {
  it("Green–Laffont {EFF, DSIC, BB} and Myerson–Satterthwaite {EFF, BIC, IIR, BB} rows, uniform priors, each tie rule, K = 1…6", { timeout: 240_000 }, () => {
    const r = atlas("trade", { axioms: ["efficient", "dsic", "bic", "interim-ir", "ex-post-bb"], maxK: MAXK, proofs: false });
    for (const tie of TIE_RULES) {
      const v = `ties=${tie}, prior=uniform`;
      const expGL: number[] = [];
      const expMS: number[] = [];
      for (let K = 1; K <= MAXK; K++) {
        const g = integerGrid(K);
        if (!decide("green-laffont", { buyer: g, seller: g, tie }).possible) expGL.push(K);
        if (!decide("myerson-satterthwaite", { buyer: g, seller: g, tie }).possible) expMS.push(K);
        // and the closed form R* agrees with the LP decider (a third route)
        const u = uniformMarginal(K + 1);
        expect(msRevenueBound(g, g, u, u, tie).possible).toBe(!expMS.includes(K));
      }
      expect(infeasibleAt(r, v, GL)).toEqual(expGL);
      expect(infeasibleAt(r, v, MS)).toEqual(expMS);
    }
    // the thresholds the tables state follow (derived from the lists above, not hand-copied)
    const th = thresholds(r);
    const glTrade = th.find((t) => t.variant === "ties=trade, prior=uniform" && t.axioms.join() === GL.join());
    expect(glTrade?.threshold).toBe(infeasibleAt(r, "ties=trade, prior=uniform", GL)[0]);
    // every certificate verified, every mechanism re-checked
    for (const d of r.domains) {
      for (const m of d.minimalInfeasible) expect(m.verified).toBe(true);
      for (const m of d.maximalFeasible) expect(m.checked).toBe(true);
    }
  });
});

describe("atlas: minimal infeasible and maximal feasible sets are what they claim (independent LPs)", () => {
  it("public good, n = 3: each minimal infeasible set is infeasible and each one-axiom drop feasible; each maximal feasible set feasible and each one-axiom addition infeasible", { timeout: 120_000 }, () => {
    const axioms: Axiom[] = ["efficient", "dsic", "ex-post-ir", "ex-post-bb"];
    const r = atlas("public-good", { axioms, maxK: 3, proofs: false });
    const d3 = r.domains.find((d) => d.param === 3)!;
    const dom = publicGoodDomain(3);
    const feas = (s: readonly Axiom[]) => designFeasible(dom.env, { axioms: s, beliefs: dom.beliefs }).feasible;
    expect(d3.minimalInfeasible.length).toBeGreaterThan(0);
    for (const m of d3.minimalInfeasible) {
      expect(feas(m.axioms)).toBe(false);
      for (const a of m.axioms) expect(feas(m.axioms.filter((b) => b !== a))).toBe(true);
    }
    for (const m of d3.maximalFeasible) {
      expect(feas(m.axioms)).toBe(true);
      for (const a of axioms.filter((b) => !m.axioms.includes(b))) expect(feas([...m.axioms, a])).toBe(false);
    }
    // negative control: the full set is infeasible on n = 3 (not a maximal feasible set)
    expect(d3.maximalFeasible.some((m) => m.axioms.length === axioms.length)).toBe(false);
  });
});

describe("atlas: shards and merge", () => {
  it("three shards merged equal the unsharded run; a missing or duplicated shard is refused", { timeout: 120_000 }, () => {
    const opts = { axioms: ["efficient", "dsic", "ex-post-bb"] as Axiom[], maxK: 2 };
    const whole = atlas("partnership", opts);
    const parts = [1, 2, 3].map((i) => atlas("partnership", { ...opts, shard: { index: i, count: 3 } }));
    const merged = mergeAtlas(JSON.parse(JSON.stringify(parts)));
    const strip = (r: AtlasResult) => r.domains.map((d) => ({ id: d.id, mi: d.minimalInfeasible.map((m) => m.axioms), mf: d.maximalFeasible.map((m) => m.axioms) }));
    expect(strip(merged)).toEqual(strip(whole));
    // partnership, K ≤ 2, n ∈ {2, 3}: four domains, dealt round-robin
    expect(parts.map((p) => p.domains.length)).toEqual([2, 1, 1]);
    expect(() => mergeAtlas([parts[0]!, parts[2]!])).toThrow(/missing/);
    expect(() => mergeAtlas([parts[0]!, parts[0]!, parts[1]!, parts[2]!])).toThrow(/two parts/);
    const corrupt = JSON.parse(JSON.stringify(parts));
    corrupt[1].domains[0].minimalInfeasible = "nonsense";
    expect(() => mergeAtlas(corrupt)).toThrow(/not a domain record/);
    expect(() => parseShard("4/3")).toThrow(/--shard/);
    expect(() => atlas("nonsense")).toThrow(/unknown family/);
    expect(() => atlas("trade", { maxK: 99 })).toThrow(/--max-k/);
  });
});

describe("atlas: renderings", () => {
  it("text, Markdown, LaTeX and HTML carry the threshold table", { timeout: 120_000 }, () => {
    const r = atlas("public-good", { axioms: ["efficient", "dsic", "ex-post-ir", "ex-post-bb"], maxK: 3 });
    for (const f of ["text", "markdown", "latex", "html"] as const) {
      const s = renderAtlas(r, f);
      expect(s).toContain(f === "latex" ? "n $\\geq$ 3" : "n ≥ 3");
      if (f === "html") expect(s).toContain("<table>");
      if (f === "latex") expect(s).toContain("\\begin{tabular}");
      if (f === "markdown") expect(s).toMatch(/\n\|---/);
    }
    expect(Object.keys(FAMILIES)).toEqual(["trade", "public-good", "auction", "partnership"]);
  });
});
