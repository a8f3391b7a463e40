/**
 * The impossibility atlas: sweep a family of domains (families.ts) against every subset of a
 * chosen axiom set, with `design`'s exact feasibility LP (automated mechanism design
 * [ConitzerSandholm2002], certified either way). Per domain: the MINIMAL infeasible axiom subsets
 * (each with its verified Farkas certificate: support size; the readable proof at the first
 * parameter where the subset is infeasible) and the MAXIMAL feasible subsets (each with a mechanism
 * re-checked by src/concepts). Per variant: the parameter values where each impossibility holds
 * and its threshold.
 *
 * Feasibility is monotone (fewer axioms, weaker LP), so subsets are visited by size and
 *  - a superset of a known infeasible subset is infeasible without an LP;
 *  - after a feasible LP, the mechanism found is re-checked against EVERY axiom of the set, and
 *    all subsets of the axioms it satisfies are feasible without an LP.
 * Minimal infeasible subsets are never inferred (all their proper subsets are feasible), so each
 * has its own certificate.
 *
 * Shards: domains are numbered in the family's order; shard i/n takes those with index ≡ i−1 (mod n).
 * `mergeAtlas` joins shards (same family, axioms and range; every domain exactly once).
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { qstr } from "../exact/rational.ts";
import { verify } from "../lp/verify.ts";
import type { SolveOptions } from "../lp/solve.ts";
import { AXIOMS, AXIOM_SHORT, type Axiom } from "./axioms.ts";
import { designFeasible, designProof, mechanismAt, recheck, type DesignSpec } from "./design.ts";
import { checkMaxK, familyByName, type Domain } from "./families.ts";

/**
 * Whether a subset of axioms is feasible on a domain, and how that was decided: by an LP, as a
 * superset of an infeasible subset, or by a mechanism already found.
 */
export interface SubsetVerdict {
  readonly axioms: readonly Axiom[];
  readonly feasible: boolean;
  /** "lp" (solved here), "superset" (contains an infeasible subset), "mechanism" (a found mechanism satisfies it). */
  readonly how: "lp" | "superset" | "mechanism";
}

/**
 * A minimal infeasible axiom subset of a domain, with its verified Farkas certificate's support
 * and, at the first parameter where it is infeasible, a readable proof.
 */
export interface MinimalInfeasible {
  readonly axioms: readonly Axiom[];
  /** Farkas certificate verified by src/lp/verify.ts; its support (rows). */
  readonly verified: boolean;
  readonly farkasRows: number;
  /** Readable support-minimal proof (only at the variant's first parameter for this subset). */
  readonly proof?: string;
  readonly proofRows?: number;
}

/**
 * A maximal feasible axiom subset of a domain, with the mechanism found (exact strings), re-checked
 * by src/concepts.
 */
export interface MaximalFeasible {
  readonly axioms: readonly Axiom[];
  /** The mechanism found satisfies every axiom of the subset by src/concepts. */
  readonly checked: boolean;
  /** Its payments (exact strings), per profile per agent. */
  readonly payments: readonly (readonly string[])[];
  readonly allocation: readonly (readonly string[])[];
}

/**
 * The atlas of one domain: its id, variant and parameter, the minimal infeasible and maximal
 * feasible axiom subsets, the LPs solved and the time.
 */
export interface DomainAtlas {
  readonly id: string;
  readonly index: number;
  readonly variant: string;
  readonly param: number;
  readonly profiles: number;
  readonly minimalInfeasible: readonly MinimalInfeasible[];
  readonly maximalFeasible: readonly MaximalFeasible[];
  readonly lpsSolved: number;
  readonly ms: number;
}

/**
 * The impossibility atlas of a family (versioned JSON): the family, axioms and parameter range, and
 * the atlas of every domain.
 */
export interface AtlasResult {
  readonly mechcheckAtlas: 1;
  readonly family: string;
  readonly paramName: string;
  readonly axioms: readonly Axiom[];
  readonly maxK: number;
  readonly domainsTotal: number;
  readonly shard: { readonly index: number; readonly count: number } | null;
  readonly domains: readonly DomainAtlas[];
}

const key = (s: readonly Axiom[]) => s.join(",");
const isSubset = (a: readonly Axiom[], b: ReadonlySet<Axiom>) => a.every((x) => b.has(x));

function specFor(d: Domain, axioms: readonly Axiom[], solveOpts?: SolveOptions): DesignSpec {
  return { axioms, beliefs: d.beliefs, ...(d.tieLottery ? { tieLottery: d.tieLottery } : {}), ...(solveOpts ? { solve: solveOpts } : {}) };
}

/** Classify every subset of `axioms` on one domain. */
function classifyDomain(d: Domain, axioms: readonly Axiom[], index: number, opts: { proofsFor?: (s: readonly Axiom[]) => boolean; solve?: SolveOptions } = {}): DomainAtlas {
  const t0 = performance.now();
  const m = axioms.length;
  const subsets: Axiom[][] = [];
  for (let mask = 0; mask < 1 << m; mask++) subsets.push(axioms.filter((_, k) => mask & (1 << k)));
  subsets.sort((a, b) => a.length - b.length);
  const verdict = new Map<string, SubsetVerdict>();
  const infeasible: Axiom[][] = [];
  const satisfiedSets: Set<Axiom>[] = [];
  const certs = new Map<string, MinimalInfeasible>();
  const mechs = new Map<string, MaximalFeasible>();
  let lps = 0;
  for (const s of subsets) {
    if (infeasible.some((inf) => isSubset(inf, new Set(s)))) {
      verdict.set(key(s), { axioms: s, feasible: false, how: "superset" });
      continue;
    }
    const sat = satisfiedSets.find((set) => isSubset(s, set));
    if (sat) {
      verdict.set(key(s), { axioms: s, feasible: true, how: "mechanism" });
      continue;
    }
    lps++;
    const spec = specFor(d, s, opts.solve);
    const r = designFeasible(d.env, spec);
    if (!r.feasible) {
      infeasible.push(s);
      verdict.set(key(s), { axioms: s, feasible: false, how: "lp" });
      const farkas = r.result.status === "infeasible" ? r.result.farkas.rows : [];
      const cert: MinimalInfeasible = { axioms: s, verified: verify(r.model, r.result).ok, farkasRows: farkas.filter((v) => v.n !== 0n).length };
      if (opts.proofsFor?.(s)) {
        const p = designProof(r.lp, r.model, farkas);
        certs.set(key(s), { ...cert, verified: cert.verified && p.verified, proof: p.text, proofRows: p.rows });
      } else certs.set(key(s), cert);
      continue;
    }
    verdict.set(key(s), { axioms: s, feasible: true, how: "lp" });
    const point = r.result.status === "optimal" ? r.result.primal : r.result.status === "unbounded" ? r.result.point : null;
    if (point === null) continue;
    const mech = mechanismAt(r.lp, point);
    // re-check against every axiom of the atlas (what the found mechanism satisfies, beyond s)
    const checks = recheck(r.env, mech, { ...specFor(d, axioms) });
    const satisfied = new Set(checks.filter((c) => c.holds).map((c) => c.axiom));
    const checked = s.every((a) => satisfied.has(a));
    if (!checked) throw new InternalError(`atlas: the LP mechanism for {${s.join(", ")}} on ${d.id} fails its own re-check (a bug)`);
    satisfiedSets.push(satisfied);
    const sup = axioms.filter((a) => satisfied.has(a));
    if (!mechs.has(key(sup))) mechs.set(key(sup), { axioms: sup, checked, payments: mech.payments.map((r) => r.map(qstr)), allocation: mech.allocation.map((r) => r.map(qstr)) });
  }
  const feasibleSets = subsets.filter((s) => verdict.get(key(s))!.feasible);
  const maximal = feasibleSets.filter((s) => !axioms.some((a) => !s.includes(a) && verdict.get(key(axioms.filter((b) => b === a || s.includes(b))))!.feasible));
  const minimal = infeasible.filter((s) => s.every((a) => verdict.get(key(s.filter((b) => b !== a)))!.feasible));
  const maximalFeasible = maximal.map((s) => {
    const found = [...mechs.values()].find((mm) => isSubset(s, new Set(mm.axioms)));
    if (!found) throw new InternalError(`atlas: no mechanism recorded for the feasible set {${s.join(", ")}}`);
    return { ...found, axioms: s };
  });
  return {
    id: d.id,
    index,
    variant: d.variant,
    param: d.param,
    profiles: d.env.valuation[0]!.length,
    minimalInfeasible: minimal.map((s) => certs.get(key(s))!),
    maximalFeasible,
    lpsSolved: lps,
    ms: Math.round(performance.now() - t0),
  };
}

/**
 * Options of `atlas`: the axioms, the largest parameter, a shard, whether to write readable proofs,
 * and solver options.
 */
export interface AtlasOptions {
  readonly axioms?: readonly Axiom[];
  readonly maxK?: number;
  readonly shard?: { readonly index: number; readonly count: number };
  /** Readable proofs for the first infeasible parameter of each minimal subset (default true). */
  readonly proofs?: boolean;
  readonly solve?: SolveOptions;
}

/** Parse "i/n" (1 ≤ i ≤ n ≤ 1000). */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || i < 1 || n < 1 || i > n || n > 1000) throw new MechcheckError("usage", `--shard: expected i/n with 1 ≤ i ≤ n ≤ 1000, got ${JSON.stringify(text)}`, { path: "--shard", value: text });
  return { index: i, count: n };
}

/** Sweep a family (module comment). */
export function atlas(familyName: string, opts: AtlasOptions = {}): AtlasResult {
  const f = familyByName(familyName);
  const maxK = opts.maxK ?? f.defaultMaxK;
  checkMaxK(f, maxK);
  const axioms = AXIOMS.filter((a) => (opts.axioms ?? f.defaultAxioms).includes(a));
  if (axioms.includes("user")) throw new MechcheckError("usage", "atlas: the axiom \"user\" needs constraints; use `mechcheck design` for those", { path: "--axioms", value: "user" });
  if (axioms.length === 0 || axioms.length > 8) throw new MechcheckError("usage", `atlas: between 1 and 8 axioms, got ${axioms.length}`, { path: "--axioms", value: axioms.length });
  const all = f.domains(maxK);
  const shard = opts.shard ?? null;
  const mine = all.map((d, k) => [d, k] as const).filter(([, k]) => shard === null || k % shard.count === shard.index - 1);
  // proofs at the first parameter of each variant where a subset is minimal infeasible: decided per
  // domain in order, so it is shard-independent only for unsharded runs (shards carry every proof
  // of their first occurrence; merge keeps the one of the smallest parameter).
  const proofSeen = new Set<string>();
  const domains = mine.map(([d, k]) =>
    classifyDomain(d, axioms, k, {
      ...(opts.solve ? { solve: opts.solve } : {}),
      proofsFor: (s) => {
        if (opts.proofs === false) return false;
        const id = `${d.variant}|${key(s)}`;
        if (proofSeen.has(id)) return false;
        proofSeen.add(id);
        return true;
      },
    }),
  );
  return { mechcheckAtlas: 1, family: f.name, paramName: f.paramName, axioms, maxK, domainsTotal: all.length, shard, domains };
}

/** Join shards into one result (module comment). */
export function mergeAtlas(parts: readonly AtlasResult[]): AtlasResult {
  if (parts.length === 0) throw new MechcheckError("usage", "atlas --merge: no files given", { path: "--merge" });
  const first = parts[0]!;
  parts.forEach((p, k) => {
    if (p?.mechcheckAtlas !== 1 || !Array.isArray(p.domains)) throw new MechcheckError("bad-atlas", `atlas --merge: part ${k + 1} is not an atlas result (mechcheckAtlas: 1)`, { path: `--merge[${k}]` });
    if (p.family !== first.family || key(p.axioms) !== key(first.axioms) || p.maxK !== first.maxK) {
      throw new MechcheckError("bad-atlas", `atlas --merge: part ${k + 1} is ${p.family} {${p.axioms.join(",")}} K≤${p.maxK}, part 1 is ${first.family} {${first.axioms.join(",")}} K≤${first.maxK}`, { path: `--merge[${k}]` });
    }
  });
  if (!Number.isSafeInteger(first.domainsTotal) || first.domainsTotal < 0 || first.domainsTotal > 100000) throw new MechcheckError("bad-atlas", `atlas --merge: domainsTotal must be an integer in 0…100000`, { path: "--merge", value: first.domainsTotal });
  const known = new Set<string>(AXIOMS);
  const axiomList = (v: unknown, where: string) => {
    if (!Array.isArray(v) || v.some((a) => typeof a !== "string" || !known.has(a))) throw new MechcheckError("bad-atlas", `atlas --merge: ${where}: expected a list of axiom names`, { path: where });
  };
  axiomList(first.axioms, "axioms");
  parts.forEach((p, k) =>
    p.domains.forEach((d, j) => {
      const w = `part ${k + 1}, domains[${j}]`;
      if (typeof d !== "object" || d === null || typeof d.id !== "string" || typeof d.variant !== "string" || !Number.isSafeInteger(d.index) || d.index < 0 || d.index >= first.domainsTotal || !Number.isSafeInteger(d.param) || !Array.isArray(d.minimalInfeasible) || !Array.isArray(d.maximalFeasible)) {
        throw new MechcheckError("bad-atlas", `atlas --merge: ${w}: not a domain record (id, variant, index < domainsTotal, param, minimalInfeasible, maximalFeasible)`, { path: w });
      }
      d.minimalInfeasible.forEach((m, i) => {
        axiomList(m?.axioms, `${w}.minimalInfeasible[${i}].axioms`);
        if (typeof m.verified !== "boolean" || (m.proof !== undefined && typeof m.proof !== "string")) throw new MechcheckError("bad-atlas", `atlas --merge: ${w}.minimalInfeasible[${i}]: bad fields`, { path: w });
      });
      d.maximalFeasible.forEach((m, i) => {
        axiomList(m?.axioms, `${w}.maximalFeasible[${i}].axioms`);
        if (typeof m.checked !== "boolean") throw new MechcheckError("bad-atlas", `atlas --merge: ${w}.maximalFeasible[${i}]: bad fields`, { path: w });
      });
    }),
  );
  const byIndex = new Map<number, DomainAtlas>();
  for (const p of parts) for (const d of p.domains) {
    if (byIndex.has(d.index)) throw new MechcheckError("bad-atlas", `atlas --merge: domain ${d.id} appears in two parts`, { path: "--merge", value: d.id });
    byIndex.set(d.index, d);
  }
  const missing: number[] = [];
  for (let k = 0; k < first.domainsTotal; k++) if (!byIndex.has(k)) missing.push(k);
  if (missing.length > 0) throw new MechcheckError("bad-atlas", `atlas --merge: ${missing.length} of ${first.domainsTotal} domains missing (first: index ${missing[0]}); merge every shard`, { path: "--merge", value: missing.length });
  const domains = [...byIndex.values()].sort((a, b) => a.index - b.index);
  // keep only the first proof per (variant, subset), as an unsharded run would
  const seen = new Set<string>();
  const cleaned = domains.map((d) => ({
    ...d,
    minimalInfeasible: d.minimalInfeasible.map((mi) => {
      const id = `${d.variant}|${key(mi.axioms)}`;
      if (mi.proof === undefined) return mi;
      if (seen.has(id)) {
        const { proof: _p, proofRows: _r, ...rest } = mi;
        return rest;
      }
      seen.add(id);
      return mi;
    }),
  }));
  return { ...first, shard: null, domains: cleaned };
}

/**
 * For one variant and axiom set: the parameters where the set is infeasible, where it is minimal
 * infeasible, and the threshold from which it is infeasible.
 */
export interface ThresholdRow {
  readonly variant: string;
  readonly axioms: readonly Axiom[];
  /** Parameters (in range) where this set is infeasible. */
  readonly infeasibleAt: readonly number[];
  /** Parameters where it is a MINIMAL infeasible set. */
  readonly minimalAt: readonly number[];
  /** The smallest parameter from which it is infeasible up to maxK (null if never, or not upward closed). */
  readonly threshold: number | null;
}

/** For each variant and each subset that is minimal infeasible somewhere: where it is infeasible. */
export function thresholds(r: AtlasResult): ThresholdRow[] {
  const out: ThresholdRow[] = [];
  const variants = [...new Set(r.domains.map((d) => d.variant))];
  for (const v of variants) {
    const ds = r.domains.filter((d) => d.variant === v).sort((a, b) => a.param - b.param);
    const sets = new Map<string, readonly Axiom[]>();
    for (const d of ds) for (const mi of d.minimalInfeasible) sets.set(key(mi.axioms), mi.axioms);
    for (const s of [...sets.values()].sort((a, b) => a.length - b.length || key(a).localeCompare(key(b)))) {
      const S = new Set(s);
      const infeasibleAt = ds.filter((d) => d.minimalInfeasible.some((mi) => isSubset(mi.axioms, S))).map((d) => d.param);
      const minimalAt = ds.filter((d) => d.minimalInfeasible.some((mi) => key(mi.axioms) === key(s))).map((d) => d.param);
      const params = ds.map((d) => d.param);
      let threshold: number | null = null;
      if (infeasibleAt.length > 0) {
        const t = infeasibleAt[0]!;
        if (params.filter((p) => p >= t).every((p) => infeasibleAt.includes(p))) threshold = t;
      }
      out.push({ variant: v, axioms: s, infeasibleAt, minimalAt, threshold });
    }
  }
  return out;
}

/** An axiom set in short form, e.g. "{DSIC, IR, BB}". */
export function axiomSetText(s: readonly Axiom[]): string {
  return `{${s.map((a) => AXIOM_SHORT[a]).join(", ")}}`;
}
