/**
 * The axioms of `design` as rows of one exact LP over a direct mechanism's unknowns — automated
 * mechanism design [ConitzerSandholm2002] with exact rationals and named rows.
 *
 * Unknowns: x(r, d) ∈ [0, 1], the probability of decision d at report profile r (a lottery per
 * profile, rows LOT[r]: Σ_d x(r, d) = 1) — or constants when the allocation is fixed — and p_i(r),
 * the payment BY agent i (free sign). Utility (environment.ts): u_i(θ; r) = Σ_d x(r, d) v_i(d, θ) − p_i(r).
 *
 * Each axiom contributes a named group of rows (the names use the environment's labels, so a
 * Farkas proof reads in the model's language):
 *   dsic        DSIC[i, θ_i→θ'_i at r_{-i}]   u_i(θ; θ_i, r_{-i}) ≥ u_i(θ; θ'_i, r_{-i}); under private
 *               values the state is (θ_i, r_{-i}); otherwise one row per true θ_{-i} too (as concepts' isDSIC)
 *   epic        EPIC[i, θ_i→θ'_i at θ_{-i}]   u_i(θ; θ) ≥ u_i(θ; θ'_i, θ_{-i})
 *   bic         BIC[i, θ_i→θ'_i]              Σ_k w(k) [u_i(θ_i,k; θ_i,k) − u_i(θ_i,k; θ'_i,k)] ≥ 0, w = π(θ_i, k)
 *               (common prior: the conditional times the marginal; zero-mass types impose nothing)
 *               or w = π_i(k | θ_i) (per-type beliefs)
 *   ex-post-ir  EPIR[i at θ]                  u_i(θ; θ) ≥ r_i(θ_i)   (r_i: outside options, type-dependent)
 *   interim-ir  IIR[i, θ_i]                   Σ_k w(k) u_i(θ_i,k; θ_i,k) ≥ (Σ_k w(k)) r_i(θ_i)
 *   ex-post-bb  BB[θ]                         Σ_i p_i(θ) = 0
 *   ex-ante-bb  EXANTE-BB                     Σ_θ π(θ) Σ_i p_i(θ) = 0
 *   no-deficit  ND[θ]                         Σ_i p_i(θ) ≥ 0
 *   efficient   EFF[θ: d]                     x(θ, d) ≤ 0 for d outside the surplus-maximizing set at θ;
 *               with a tie rule also TIE[θ: d]: x(θ, d) = the rule's probability at tied profiles
 *   anonymous   SYM[(i j) at θ: d] / SYM[(i j) at θ: p_i]   the mechanism commutes with swapping agents
 *               i and j (adjacent transpositions generate every permutation): x(πθ, σd) = x(θ, d),
 *               p_{π(i)}(πθ) = p_i(θ); only where every agent has the same type labels and the
 *               valuations are permutation-invariant (σ: the induced permutation of decisions)
 *   user        the user's named linear constraints over the columns' names
 */
import { InternalError, MechcheckError } from "../errors.ts";
import { type Q, ONE, ZERO, qstr, q, type QInput } from "../exact/rational.ts";
import { LpBuilder, type RowSense, type TermInput } from "../lp/model.ts";
import type { Beliefs, Environment } from "../model/environment.ts";
import { numProfiles, reservationOf, typeSizes } from "../model/environment.ts";
import { joinProfile, othersSizes, profileAt, profileCount, profileIndex } from "../model/profiles.ts";
import { othersLabel, profileLabel } from "../model/labels.ts";
import { efficientDecisions, hasPrivateValues } from "../concepts/index.ts";

/** Kept here for the design subpath: the label now lives in src/model/labels.ts. */
export { profileLabel };

/** The axioms `design` accepts, each a named group of LP rows (see the module comment). */
export const AXIOMS = ["efficient", "dsic", "epic", "bic", "ex-post-ir", "interim-ir", "ex-post-bb", "ex-ante-bb", "no-deficit", "anonymous", "user"] as const;
/** One of AXIOMS. */
export type Axiom = (typeof AXIOMS)[number];
/** Accepted spellings → axiom. */
const AXIOM_ALIASES: Readonly<Record<string, Axiom>> = {
  efficient: "efficient", efficiency: "efficient", dsic: "dsic", epic: "epic", bic: "bic",
  "ex-post-ir": "ex-post-ir", "expost-ir": "ex-post-ir", epir: "ex-post-ir", ir: "ex-post-ir",
  "interim-ir": "interim-ir", iir: "interim-ir",
  "ex-post-bb": "ex-post-bb", bb: "ex-post-bb", "budget-balance": "ex-post-bb",
  "ex-ante-bb": "ex-ante-bb", "ex-ante-budget-balance": "ex-ante-bb",
  "no-deficit": "no-deficit", nd: "no-deficit", anonymous: "anonymous", symmetric: "anonymous", user: "user",
};
/** Short names for tables. */
export const AXIOM_SHORT: Readonly<Record<Axiom, string>> = {
  efficient: "EFF", dsic: "DSIC", epic: "EPIC", bic: "BIC", "ex-post-ir": "EPIR", "interim-ir": "IIR",
  "ex-post-bb": "BB", "ex-ante-bb": "XBB", "no-deficit": "ND", anonymous: "SYM", user: "USER",
};

/** Parse "a,b,c" into axioms in canonical order; a bad name is a MechcheckError naming it. */
export function parseAxioms(text: string, where = "--axioms"): Axiom[] {
  const names = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw new MechcheckError("usage", `${where}: expected a comma-separated list of axioms (${AXIOMS.join(", ")})`, { path: where, value: text });
  const out = new Set<Axiom>();
  for (const n of names) {
    const a = Object.hasOwn(AXIOM_ALIASES, n.toLowerCase()) ? AXIOM_ALIASES[n.toLowerCase()] : undefined;
    if (a === undefined) throw new MechcheckError("unknown-axiom", `${where}: unknown axiom ${JSON.stringify(n)} (known: ${AXIOMS.join(", ")})`, { path: where, value: n });
    out.add(a);
  }
  return AXIOMS.filter((a) => out.has(a));
}

/** A user's linear constraint over column names (`p[agent](profile)`, `x[decision](profile)`). */
export interface UserConstraint {
  readonly name: string;
  readonly terms: readonly (readonly [string, QInput])[];
  readonly sense: RowSense;
  readonly rhs: QInput;
}

/**
 * Whether `design` chooses the allocation (a lottery per profile) or keeps a given one fixed and
 * designs only payments.
 */
export type AllocationMode =
  | { readonly kind: "free" }
  /** The allocation is given: x(r, ·) = allocation[r] (no x columns). */
  | { readonly kind: "fixed"; readonly allocation: readonly (readonly Q[])[] };

/**
 * What the axioms' rows are built from: the environment, beliefs, allocation mode, tie lotteries
 * and user constraints.
 */
export interface AxiomContext {
  readonly env: Environment;
  readonly beliefs?: Beliefs;
  readonly allocation: AllocationMode;
  /** For `efficient`: the lottery at tied profiles, tie[θ][d] (used only where ≥ 2 decisions tie). Absent: any lottery. */
  readonly tieLottery?: readonly (readonly Q[])[];
  readonly constraints?: readonly UserConstraint[];
}

/** A linear expression Σ coef·column + constant. */
export class Expr {
  readonly terms = new Map<number, Q>();
  c: Q = ZERO;
  /** Add coef · column to the expression (in place), exact. */
  add(col: number, coef: Q): this {
    if (coef.n === 0n) return this;
    const v = (this.terms.get(col) ?? ZERO).add(coef);
    if (v.n === 0n) this.terms.delete(col);
    else this.terms.set(col, v);
    return this;
  }
  /** Add a rational constant to the expression (in place). */
  addConst(v: Q): this {
    this.c = this.c.add(v);
    return this;
  }
  /** Add w times another expression (in place), exact. */
  addExpr(e: Expr, w: Q): this {
    if (w.n === 0n) return this;
    for (const [k, v] of e.terms) this.add(k, v.mul(w));
    this.c = this.c.add(e.c.mul(w));
    return this;
  }
}

/** The LP skeleton: columns, the lottery rows, and a way to add axiom rows. */
export class DesignLp {
  readonly builder: LpBuilder;
  readonly env: Environment;
  readonly sizes: number[];
  readonly P: number;
  readonly n: number;
  /** rowAxiom[k]: the axiom (or "lottery") of the k-th row. */
  readonly rowAxiom: (Axiom | "lottery")[] = [];
  /** Columns: x(r, d) (−1 where the profile's lottery is pinned) and p_i(r). */
  private readonly xcol: number[] = [];
  private readonly pcol: number[] = [];
  /** pinned[r]: the lottery at profile r when it is not a variable (fixed allocation, or pinned by `efficient`). */
  readonly pinned: (readonly Q[] | null)[];
  readonly profileLabels: string[];

  constructor(private readonly ctx: AxiomContext, direction: "max" | "min", pinned?: readonly (readonly Q[] | null)[]) {
    this.env = ctx.env;
    this.sizes = typeSizes(ctx.env);
    this.P = numProfiles(ctx.env);
    this.n = ctx.env.agents.length;
    this.builder = new LpBuilder(direction);
    this.profileLabels = Array.from({ length: this.P }, (_, th) => profileLabel(ctx.env, th));
    const D = ctx.env.decisions.length;
    if (ctx.allocation.kind === "fixed") {
      const a = ctx.allocation.allocation;
      if (a.length !== this.P) throw new MechcheckError("dimension", `allocation: expected ${this.P} lotteries (one per profile), got ${a.length}`, { path: "mechanism.allocation", value: a.length });
      this.pinned = a.slice();
    } else this.pinned = Array.from({ length: this.P }, (_, r) => pinned?.[r] ?? null);
    for (let r = 0; r < this.P; r++) for (let d = 0; d < D; d++) this.xcol.push(this.pinned[r] === null ? this.builder.variable(`x[${ctx.env.decisions[d]}]${this.profileLabels[r]}`, { lower: 0, upper: 1 }) : -1);
    for (let r = 0; r < this.P; r++) for (let i = 0; i < this.n; i++) this.pcol.push(this.builder.variable(`p[${ctx.env.agents[i]}]${this.profileLabels[r]}`, { lower: null }));
    for (let r = 0; r < this.P; r++) {
      if (this.pinned[r] !== null) continue;
      this.builder.row(`LOT${this.profileLabels[r]}`, ctx.env.decisions.map((_, d): TermInput => [this.x(r, d), 1]), "=", 1);
      this.rowAxiom.push("lottery");
    }
  }

  /** True when no profile has a lottery variable (the allocation is fully fixed). */
  get isFixed(): boolean {
    return this.pinned.every((p) => p !== null);
  }
  /** Column of x(r, d) (a free profile only). */
  x(r: number, d: number): number {
    const c = this.xcol[r * this.env.decisions.length + d]!;
    if (c < 0) throw new InternalError(`x: the lottery at profile ${r} is pinned`);
    return c;
  }
  /** Column of x(r, d), or −1 when pinned. */
  xColumn(r: number, d: number): number {
    return this.xcol[r * this.env.decisions.length + d]!;
  }
  /** The LP column of the payment p_i(r) of agent i at report profile r. */
  p(i: number, r: number): number {
    return this.pcol[r * this.n + i]!;
  }
  /** x(r, d) as an expression (a constant when pinned). */
  xExpr(r: number, d: number): Expr {
    const pin = this.pinned[r];
    return pin != null ? new Expr().addConst(pin[d]!) : new Expr().add(this.x(r, d), ONE);
  }
  /** The allocation table at an LP point. */
  allocationAt(x: readonly Q[]): Q[][] {
    return Array.from({ length: this.P }, (_, r) => this.env.decisions.map((_, d) => (this.pinned[r] != null ? this.pinned[r]![d]! : x[this.x(r, d)]!)));
  }
  /** u_i(θ; r) as an expression. */
  utility(i: number, theta: number, r: number): Expr {
    const e = new Expr();
    const v = this.env.valuation[i]![theta]!;
    for (let d = 0; d < v.length; d++) {
      if (v[d]!.n === 0n) continue;
      const pin = this.pinned[r];
      if (pin != null) e.addConst(pin[d]!.mul(v[d]!));
      else e.add(this.x(r, d), v[d]!);
    }
    e.add(this.p(i, r), ONE.neg());
    return e;
  }
  /** Add `expr sense rhs` as a row of `axiom`. A row without columns is added only when violated (it then proves infeasibility on its own). */
  row(axiom: Axiom, name: string, expr: Expr, sense: RowSense, rhs: Q): void {
    const b = rhs.sub(expr.c);
    if (expr.terms.size === 0) {
      const c = ZERO.compare(b);
      const ok = sense === "=" ? c === 0 : sense === ">=" ? c >= 0 : c <= 0;
      if (ok) return;
    }
    this.builder.row(name, [...expr.terms.entries()].map(([k, v]): TermInput => [k, v]), sense, b);
    this.rowAxiom.push(axiom);
  }
}

/** Belief weights w(k) for agent i of type θ_i over the others' profiles (null: no constraint). */
function beliefWeights(env: Environment, beliefs: Beliefs, i: number, ti: number): Q[] | null {
  const sizes = typeSizes(env);
  const K = profileCount(othersSizes(sizes, i));
  if (beliefs.kind === "per-type") return beliefs.beliefs[i]![ti]!.slice();
  const w: Q[] = [];
  let mass = ZERO;
  for (let k = 0; k < K; k++) {
    const p = beliefs.prior[profileIndex(sizes, joinProfile(sizes, i, ti, k))]!;
    w.push(p);
    mass = mass.add(p);
  }
  return mass.n === 0n ? null : w;
}

function needBeliefs(ctx: AxiomContext, axiom: string): Beliefs {
  if (!ctx.beliefs) throw new MechcheckError("needs-beliefs", `axiom ${axiom} needs beliefs (a common prior or per-type beliefs) in the instance`, { path: "beliefs", value: axiom });
  return ctx.beliefs;
}

/** The common prior of the beliefs; without one it is a MechcheckError "needs-common-prior" naming `what` needed it. */
export function needPrior(ctx: { beliefs?: Beliefs }, what: string): readonly Q[] {
  if (!ctx.beliefs || ctx.beliefs.kind !== "common-prior") throw new MechcheckError("needs-common-prior", `${what} needs a common prior in the instance (beliefs.commonPrior)`, { path: "beliefs", value: ctx.beliefs?.kind ?? "absent" });
  return ctx.beliefs.prior;
}

/**
 * For anonymity: the decision permutation σ induced by swapping agents a and b, or a reason why
 * the environment does not allow it.
 */
export function swapSymmetry(env: Environment, a: number, b: number):
  | {
      ok: true;
      sigma: number[];
      /** The profile index with agents a and b swapped. */
      perm: (theta: number) => number;
    }
  | { ok: false; reason: string } {
  const sizes = typeSizes(env);
  const ta = env.types[a]!;
  const tb = env.types[b]!;
  if (ta.length !== tb.length || ta.some((t, k) => t !== tb[k])) return { ok: false, reason: `agents ${JSON.stringify(env.agents[a])} and ${JSON.stringify(env.agents[b])} have different type labels` };
  const agentPerm = (i: number) => (i === a ? b : i === b ? a : i);
  const perm = (theta: number) => {
    const prof = profileAt(sizes, theta);
    const sw = prof.slice();
    sw[a] = prof[b]!;
    sw[b] = prof[a]!;
    return profileIndex(sizes, sw);
  };
  const D = env.decisions.length;
  const P = numProfiles(env);
  const sigma: number[] = [];
  const used = new Set<number>();
  for (let d = 0; d < D; d++) {
    let found = -1;
    for (let e = 0; e < D && found < 0; e++) {
      if (used.has(e)) continue;
      let ok = true;
      for (let i = 0; i < env.agents.length && ok; i++) {
        for (let th = 0; th < P && ok; th++) if (!env.valuation[agentPerm(i)]![perm(th)]![e]!.equals(env.valuation[i]![th]![d]!)) ok = false;
      }
      if (ok) found = e;
    }
    if (found < 0) return { ok: false, reason: `no decision matches ${JSON.stringify(env.decisions[d])} when agents ${JSON.stringify(env.agents[a])} and ${JSON.stringify(env.agents[b])} swap (valuations not permutation-invariant)` };
    used.add(found);
    sigma.push(found);
  }
  for (let t = 0; t < ta.length; t++) if (!reservationOf(env, a, t).equals(reservationOf(env, b, t))) return { ok: false, reason: `agents ${JSON.stringify(env.agents[a])} and ${JSON.stringify(env.agents[b])} have different outside options` };
  return { ok: true, sigma, perm };
}

/** Add the rows of one axiom (module comment). */
export function addAxiom(lp: DesignLp, ctx: AxiomContext, axiom: Axiom): void {
  const { env, sizes, P, n } = lp;
  const T = (i: number, k: number) => env.types[i]![k]!;
  const A = (i: number) => env.agents[i]!;
  switch (axiom) {
    case "dsic": {
      const pv = hasPrivateValues(env);
      for (let i = 0; i < n; i++) {
        const K = profileCount(othersSizes(sizes, i));
        for (let ti = 0; ti < sizes[i]!; ti++) for (let k2 = 0; k2 < sizes[i]!; k2++) {
          if (k2 === ti) continue;
          for (let r = 0; r < K; r++) {
            const truthR = profileIndex(sizes, joinProfile(sizes, i, ti, r));
            const devR = profileIndex(sizes, joinProfile(sizes, i, k2, r));
            for (let t = 0; t < K; t++) {
              if (pv && t !== r) continue;
              const state = profileIndex(sizes, joinProfile(sizes, i, ti, t));
              const e = lp.utility(i, state, truthR).addExpr(lp.utility(i, state, devR), ONE.neg());
              const at = othersLabel(env, i, r) + (pv ? "" : ` | true ${othersLabel(env, i, t)}`);
              lp.row("dsic", `DSIC[${A(i)}, ${T(i, ti)}→${T(i, k2)}${at ? ` at ${at}` : ""}]`, e, ">=", ZERO);
            }
          }
        }
      }
      return;
    }
    case "epic": {
      for (let i = 0; i < n; i++) {
        const K = profileCount(othersSizes(sizes, i));
        for (let ti = 0; ti < sizes[i]!; ti++) for (let k2 = 0; k2 < sizes[i]!; k2++) {
          if (k2 === ti) continue;
          for (let r = 0; r < K; r++) {
            const th = profileIndex(sizes, joinProfile(sizes, i, ti, r));
            const dev = profileIndex(sizes, joinProfile(sizes, i, k2, r));
            const at = othersLabel(env, i, r);
            lp.row("epic", `EPIC[${A(i)}, ${T(i, ti)}→${T(i, k2)}${at ? ` at ${at}` : ""}]`, lp.utility(i, th, th).addExpr(lp.utility(i, th, dev), ONE.neg()), ">=", ZERO);
          }
        }
      }
      return;
    }
    case "bic":
    case "interim-ir": {
      const beliefs = needBeliefs(ctx, axiom);
      for (let i = 0; i < n; i++) {
        const K = profileCount(othersSizes(sizes, i));
        for (let ti = 0; ti < sizes[i]!; ti++) {
          const w = beliefWeights(env, beliefs, i, ti);
          if (w === null) continue;
          if (axiom === "interim-ir") {
            const e = new Expr();
            let mass = ZERO;
            for (let k = 0; k < K; k++) {
              if (w[k]!.n === 0n) continue;
              const th = profileIndex(sizes, joinProfile(sizes, i, ti, k));
              e.addExpr(lp.utility(i, th, th), w[k]!);
              mass = mass.add(w[k]!);
            }
            lp.row("interim-ir", `IIR[${A(i)}, ${T(i, ti)}]`, e, ">=", mass.mul(reservationOf(env, i, ti)));
            continue;
          }
          for (let k2 = 0; k2 < sizes[i]!; k2++) {
            if (k2 === ti) continue;
            const e = new Expr();
            for (let k = 0; k < K; k++) {
              if (w[k]!.n === 0n) continue;
              const th = profileIndex(sizes, joinProfile(sizes, i, ti, k));
              const dev = profileIndex(sizes, joinProfile(sizes, i, k2, k));
              e.addExpr(lp.utility(i, th, th), w[k]!).addExpr(lp.utility(i, th, dev), w[k]!.neg());
            }
            lp.row("bic", `BIC[${A(i)}, ${T(i, ti)}→${T(i, k2)}]`, e, ">=", ZERO);
          }
        }
      }
      return;
    }
    case "ex-post-ir": {
      for (let th = 0; th < P; th++) {
        const prof = profileAt(sizes, th);
        for (let i = 0; i < n; i++) lp.row("ex-post-ir", `EPIR[${A(i)} at ${lp.profileLabels[th]}]`, lp.utility(i, th, th), ">=", reservationOf(env, i, prof[i]!));
      }
      return;
    }
    case "ex-post-bb":
    case "no-deficit": {
      for (let th = 0; th < P; th++) {
        const e = new Expr();
        for (let i = 0; i < n; i++) e.add(lp.p(i, th), ONE);
        if (axiom === "ex-post-bb") lp.row(axiom, `BB${lp.profileLabels[th]}`, e, "=", ZERO);
        else lp.row(axiom, `ND${lp.profileLabels[th]}`, e, ">=", ZERO);
      }
      return;
    }
    case "ex-ante-bb": {
      const prior = needPrior(ctx, "axiom ex-ante-bb");
      const e = new Expr();
      for (let th = 0; th < P; th++) for (let i = 0; i < n; i++) e.add(lp.p(i, th), prior[th]!);
      lp.row("ex-ante-bb", "EXANTE-BB", e, "=", ZERO);
      return;
    }
    case "efficient": {
      for (let th = 0; th < P; th++) {
        const eff = new Set(efficientDecisions(env, th));
        for (let d = 0; d < env.decisions.length; d++) {
          if (!eff.has(d)) lp.row("efficient", `EFF[${lp.profileLabels[th]}: ${env.decisions[d]}]`, lp.xExpr(th, d), "<=", ZERO);
          else if (ctx.tieLottery && eff.size > 1) lp.row("efficient", `TIE[${lp.profileLabels[th]}: ${env.decisions[d]}]`, lp.xExpr(th, d), "=", ctx.tieLottery[th]![d]!);
        }
      }
      return;
    }
    case "anonymous": {
      for (let a = 0; a + 1 < n; a++) {
        const s = swapSymmetry(env, a, a + 1);
        if (!s.ok) throw new MechcheckError("not-symmetric", `axiom anonymous: the environment does not allow it: ${s.reason}`, { path: "environment", value: "anonymous" });
        const sw = `(${A(a)} ${A(a + 1)})`;
        const agentPerm = (i: number) => (i === a ? a + 1 : i === a + 1 ? a : i);
        for (let th = 0; th < P; th++) {
          const pt = s.perm(th);
          for (let d = 0; d < env.decisions.length; d++) {
            if (pt === th && s.sigma[d] === d) continue;
            if (pt < th || (pt === th && s.sigma[d]! < d)) continue; // each pair once
            lp.row("anonymous", `SYM[${sw} at ${lp.profileLabels[th]}: ${env.decisions[d]}]`, lp.xExpr(pt, s.sigma[d]!).addExpr(lp.xExpr(th, d), ONE.neg()), "=", ZERO);
          }
          for (let i = 0; i < n; i++) {
            const j = agentPerm(i);
            if (pt === th && j === i) continue;
            if (pt < th || (pt === th && j < i)) continue;
            lp.row("anonymous", `SYM[${sw} at ${lp.profileLabels[th]}: p[${A(i)}]]`, new Expr().add(lp.p(j, pt), ONE).add(lp.p(i, th), ONE.neg()), "=", ZERO);
          }
        }
      }
      return;
    }
    case "user": {
      for (const [k, c] of (ctx.constraints ?? []).entries()) {
        const where = `constraints[${k}]`;
        if (typeof c?.name !== "string" || c.name.length === 0) throw new MechcheckError("bad-constraint", `${where}.name: expected a non-empty string`, { path: `${where}.name`, value: c?.name });
        if (c.sense !== "<=" && c.sense !== ">=" && c.sense !== "=") throw new MechcheckError("bad-constraint", `${where}.sense: expected "<=", ">=" or "=", got ${JSON.stringify(c.sense)}`, { path: `${where}.sense`, value: c.sense });
        if (!Array.isArray(c.terms)) throw new MechcheckError("bad-constraint", `${where}.terms: expected a list of [column, coefficient] pairs`, { path: `${where}.terms` });
        const e = new Expr();
        c.terms.forEach((t, m) => {
          if (!Array.isArray(t) || t.length !== 2 || typeof t[0] !== "string") throw new MechcheckError("bad-constraint", `${where}.terms[${m}]: expected [column name, coefficient]`, { path: `${where}.terms[${m}]`, value: t });
          e.add(columnByName(lp, t[0], `${where}.terms[${m}][0]`), q(t[1], `${where}.terms[${m}][1]`));
        });
        lp.row("user", `USER[${c.name}]`, e, c.sense, q(c.rhs, `${where}.rhs`));
      }
      return;
    }
  }
}

/** A column by its name (`p[agent](…)` or `x[decision](…)`), or a MechcheckError naming it. */
export function columnByName(lp: DesignLp, name: string, where: string): number {
  try {
    return lp.builder.index(name);
  } catch {
    const hint = lp.isFixed && name.startsWith("x[") ? " (the allocation is fixed: no x columns)" : ` (columns look like p[${lp.env.agents[0]}]${lp.profileLabels[0]} or x[${lp.env.decisions[0]}]${lp.profileLabels[0]})`;
    throw new MechcheckError("unknown-column", `${where}: no column named ${JSON.stringify(name)}${hint}`, { path: where, value: name });
  }
}

export { qstr };
