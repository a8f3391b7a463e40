/**
 * Maxmin mechanism design on finite primitives ([BrooksMaxmin2023]:
 * *Primitives*, *Guarantee*, *Participation security*, *Potential*, *Looking for saddle points*,
 * *Upper bounding the potential*, *Lower bounding the guarantee*).
 *
 * Primitives (slide *Primitives*): agents i = 1..N, a finite payoff-state set Θ with a known
 * distribution μ ∈ Δ(Θ), finitely many outcomes X, utilities u_i(x, θ) (outside option 0), the
 * designer's payoff w(x, θ). A finite mechanism (A, g) has action sets A_i and lotteries g(·|a) ∈ Δ(X).
 * A finite common-prior type space (T, π) has π ∈ Δ(T × Θ) with marginal μ on Θ.
 *
 * Exact LPs (all solved by src/lp/solve.ts, certificates verified):
 *  - guarantee(A, g) = min over Bayes correlated equilibria of the basic game (no prior information,
 *    the direct-recommendation type space of slide *Guarantee*) of E[Σ_x g(x|a) w(x, θ)]; built with
 *    `bceConstraints` on the trivial type space (one type per agent, belief μ). By the revelation
 *    principle for information design (Bergemann–Morris) this is the infimum over all common-prior
 *    type spaces and Bayes–Nash equilibria.
 *  - bceMin(A, g; T, π) = the same minimum over BCE of (A, g) on the given type space (T, π).
 *  - potential(T, π) = max over direct mechanisms g′: T → Δ(X) satisfying the interim IC and IR
 *    constraints of slide *Upper bounding the potential*, with the notes' (unconditional) weights
 *    π(θ, t_i, t_{-i}), of Σ π(θ, t) w(x, θ) g′(x|t). (The slide's IR row reads "∀ i, t_i, t′_i":
 *    an extraction slip; IR is one row per (i, t_i).)
 *
 * Weak duality (slide *Looking for saddle points*): for a participation-secure (A, g) and any (T, π)
 * with marginal μ, guarantee ≤ bceMin(T, π) ≤ potential(T, π). Proof: the finite game (A, g) on
 * (T, π) has a (mixed) BNE β; its outcome is a BCE on (T, π) and on the basic game, so both minima
 * are ≤ its welfare; the direct mechanism g′(x|t) = Σ_a Π_i β_i(a_i|t_i) g(x|a) is IIC (β is a BNE)
 * and IIR (each type may play the participation-secure action 0, worth ≥ 0 ex post), so its welfare
 * is ≤ potential(T, π).
 *
 * Representation for the shared concepts: the environment handed to `bceConstraints` has agent 1's
 * "payoff types" equal to the states Θ and one dummy type for the other agents, so its payoff
 * profiles are exactly Θ; valuation[i][θ][x] = u_i(x, θ); payments are all zero (money, when
 * present, is part of the outcome x).
 */
import { MechcheckError } from "../errors.ts";
import { ONE, type Q, qstr, qsum, ZERO } from "../exact/rational.ts";
import { bceConstraints } from "../concepts/bayes.ts";
import { harsanyiConditionals } from "../model/harsanyi.ts";
import { LpBuilder, type LpResult, type TermInput } from "../lp/model.ts";
import { solve } from "../lp/solve.ts";
import type { Environment, HarsanyiTypeSpace, IndirectMechanism, Label } from "../model/environment.ts";
import { joinProfile, othersSizes, profileAt, profileCount, profileIndex } from "../model/profiles.ts";

/** Finite primitives of slide *Primitives*. utility[i][θ][x] = u_i(x, θ); designer[θ][x] = w(x, θ). */
export interface DesignProblem {
  readonly agents: number;
  readonly states: readonly Label[];
  readonly mu: readonly Q[];
  readonly outcomes: readonly Label[];
  readonly utility: readonly (readonly (readonly Q[])[])[];
  readonly designer: readonly (readonly Q[])[];
}

/** A finite mechanism (A, g): actions[i] = A_i (action 0 is the candidate opt-out), g[a][x] = g(x|a). */
export interface FiniteMechanism {
  readonly actions: readonly (readonly Label[])[];
  readonly g: readonly (readonly Q[])[];
}

/** A finite common-prior type space: prior[t·|Θ| + θ] = π(t, θ) over type profiles t (profiles.ts order). */
export interface PriorTypeSpace {
  readonly types: readonly (readonly Label[])[];
  readonly prior: readonly Q[];
}

/** The number of types (or actions) of each agent of a type space (or mechanism). */
export function sizesOf(x: { readonly types?: readonly (readonly Label[])[]; readonly actions?: readonly (readonly Label[])[] }): number[] {
  return (x.types ?? x.actions ?? []).map((a) => a.length);
}

/** Shape and probability checks (throws a MechcheckError naming the field). */
export function validateDesignProblem(p: DesignProblem): void {
  const S = p.states.length;
  const X = p.outcomes.length;
  const bad = (path: string, msg: string) => {
    throw new MechcheckError("invalid-input", `${path}: ${msg}`, { path });
  };
  if (!(p.agents >= 1)) bad("agents", "need at least one agent");
  if (S === 0) bad("states", "need at least one state");
  if (X === 0) bad("outcomes", "need at least one outcome");
  if (p.mu.length !== S) bad("mu", `length ${p.mu.length} ≠ ${S} states`);
  if (p.mu.some((m) => m.compare(0) < 0) || !qsum(p.mu).equals(ONE)) bad("mu", "not a probability vector");
  if (p.utility.length !== p.agents) bad("utility", `needs one table per agent`);
  p.utility.forEach((ui, i) => {
    if (ui.length !== S || ui.some((r) => r.length !== X)) bad(`utility[${i}]`, `must be ${S} × ${X}`);
  });
  if (p.designer.length !== S || p.designer.some((r) => r.length !== X)) bad("designer", `must be ${S} × ${X}`);
}

function validateFiniteMechanism(p: DesignProblem, m: FiniteMechanism): void {
  if (m.actions.length !== p.agents || m.actions.some((a) => a.length === 0)) throw new MechcheckError("invalid-input", "mechanism.actions: one nonempty action set per agent", { path: "mechanism.actions" });
  const A = profileCount(sizesOf(m));
  if (m.g.length !== A) throw new MechcheckError("invalid-input", `mechanism.g: ${m.g.length} lotteries for ${A} action profiles`, { path: "mechanism.g" });
  m.g.forEach((l, a) => {
    if (l.length !== p.outcomes.length || l.some((x) => x.compare(0) < 0) || !qsum(l).equals(ONE)) throw new MechcheckError("invalid-input", `mechanism.g[${a}] is not a lottery over the ${p.outcomes.length} outcomes`, { path: `mechanism.g[${a}]` });
  });
}

function validatePriorTypeSpace(p: DesignProblem, ts: PriorTypeSpace): void {
  if (ts.types.length !== p.agents || ts.types.some((t) => t.length === 0)) throw new MechcheckError("invalid-input", "typeSpace.types: one nonempty type set per agent", { path: "typeSpace.types" });
  const T = profileCount(sizesOf(ts));
  const S = p.states.length;
  if (ts.prior.length !== T * S || ts.prior.some((x) => x.compare(0) < 0) || !qsum(ts.prior).equals(ONE)) throw new MechcheckError("invalid-input", "typeSpace.prior is not a distribution over T × Θ", { path: "typeSpace.prior" });
  const marg = stateMarginal(ts, S);
  marg.forEach((m, s) => {
    if (!m.equals(p.mu[s]!)) throw new MechcheckError("invalid-input", `typeSpace.prior has state marginal ${qstr(m)} at ${p.states[s]}, μ says ${qstr(p.mu[s]!)}`, { path: "typeSpace.prior" });
  });
}

/** The marginal of π on Θ. */
function stateMarginal(ts: PriorTypeSpace, S: number): Q[] {
  const out = new Array<Q>(S).fill(ZERO);
  ts.prior.forEach((p, k) => (out[k % S] = out[k % S]!.add(p)));
  return out;
}

/** Σ_x ℓ(x) u_i(x, θ). */
export function lotteryUtility(p: DesignProblem, i: number, s: number, lottery: readonly Q[]): Q {
  let r = ZERO;
  const u = p.utility[i]![s]!;
  lottery.forEach((l, x) => {
    if (l.n !== 0n) r = r.add(l.mul(u[x]!));
  });
  return r;
}

/** Σ_x ℓ(x) w(x, θ). */
export function lotteryWelfare(p: DesignProblem, s: number, lottery: readonly Q[]): Q {
  let r = ZERO;
  const w = p.designer[s]!;
  lottery.forEach((l, x) => {
    if (l.n !== 0n) r = r.add(l.mul(w[x]!));
  });
  return r;
}

/**
 * A violation of participation security ([BrooksMaxmin2023, *Participation security*]): the agent
 * opting out, the others' actions, the state, and its negative expected utility.
 */
export interface PsViolation {
  readonly agent: number;
  readonly others: number[];
  readonly state: number;
  readonly utility: Q;
}

/**
 * Participation security (slide *Participation security*): for all i, all θ and a_{-i},
 * Σ_x u_i(x, θ) g(x | 0, a_{-i}) ≥ 0, with action 0 of A_i the opt-out. Returns the first violation
 * or null. `states` restricts the θ's (default: all of Θ).
 */
export function participationSecurityViolation(p: DesignProblem, m: FiniteMechanism, states?: readonly number[]): PsViolation | null {
  const sizes = sizesOf(m);
  const S = states ?? p.states.map((_, s) => s);
  for (let i = 0; i < p.agents; i++) {
    const K = profileCount(othersSizes(sizes, i));
    for (let k = 0; k < K; k++) {
      const prof = joinProfile(sizes, i, 0, k);
      const a = profileIndex(sizes, prof);
      for (const s of S) {
        const u = lotteryUtility(p, i, s, m.g[a]!);
        if (u.compare(0) < 0) return { agent: i, others: prof.filter((_, j) => j !== i), state: s, utility: u };
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------- adapters to the shared concepts

/** The environment whose payoff profiles are Θ (see the module comment). */
export function asEnvironment(p: DesignProblem): Environment {
  const agents = Array.from({ length: p.agents }, (_, i) => String(i + 1));
  return {
    agents,
    types: agents.map((_, i) => (i === 0 ? p.states.slice() : ["·"])),
    decisions: p.outcomes.slice(),
    valuation: p.utility.map((ui) => ui.map((r) => r.slice())),
  };
}

/** A finite mechanism (A, g) as an indirect mechanism of the model, with zero payments. */
export function asIndirectMechanism(p: DesignProblem, m: FiniteMechanism): IndirectMechanism {
  return { kind: "indirect", actions: m.actions, outcome: m.g, payments: m.g.map(() => new Array<Q>(p.agents).fill(ZERO)) };
}

/** The trivial type space: one type per agent, common prior μ (the basic game of the BCE). */
export function trivialTypeSpace(p: DesignProblem): PriorTypeSpace {
  return { types: Array.from({ length: p.agents }, () => ["·"]), prior: p.mu.slice() };
}

/** A common-prior type space (T, π) as a Harsanyi type space of the model (each type's belief the conditional of π). */
export function asHarsanyi(p: DesignProblem, ts: PriorTypeSpace): HarsanyiTypeSpace {
  const sizes = sizesOf(ts);
  return {
    agents: Array.from({ length: p.agents }, (_, i) => String(i + 1)),
    types: ts.types,
    states: p.states,
    beliefs: harsanyiConditionals(sizes, p.states.length, ts.prior),
    prior: ts.prior,
  };
}

// ---------------------------------------------------------------- the LPs

/**
 * The least designer payoff over Bayes correlated equilibria ([BrooksMaxmin2023, *Guarantee*]): its
 * exact value, a minimizing BCE σ(a | t, θ), and the verified LP answer.
 */
export interface BceMinResult {
  readonly value: Q;
  /** sigma[t][s][a] = σ(a | t, θ) of a minimizing BCE. */
  readonly sigma: Q[][][];
  readonly lp: Extract<LpResult, { status: "optimal" }>;
}

function optimal(r: LpResult, what: string): Extract<LpResult, { status: "optimal" }> {
  if (r.status !== "optimal") throw new MechcheckError("lp-status", `${what}: the LP is ${r.status}`);
  return r;
}

/**
 * min over BCE of (A, g) on (T, π) (default: the trivial type space, i.e. the guarantee) of the
 * designer's expected payoff Σ_{t,θ} π(t, θ) Σ_a σ(a|t, θ) Σ_x g(x|a) w(x, θ).
 */
export function bceMin(p: DesignProblem, m: FiniteMechanism, ts: PriorTypeSpace = trivialTypeSpace(p)): BceMinResult {
  validateDesignProblem(p);
  validateFiniteMechanism(p, m);
  validatePriorTypeSpace(p, ts);
  const lp = new LpBuilder("min");
  const vars = bceConstraints(lp, asEnvironment(p), asIndirectMechanism(p, m), asHarsanyi(p, ts));
  const T = profileCount(sizesOf(ts));
  const S = p.states.length;
  const A = m.g.length;
  const W = m.g.map((l) => p.states.map((_, s) => lotteryWelfare(p, s, l)));
  const obj: TermInput[] = [];
  for (let t = 0; t < T; t++) for (let s = 0; s < S; s++) {
    const pr = ts.prior[t * S + s]!;
    if (pr.n === 0n) continue;
    for (let a = 0; a < A; a++) {
      const c = pr.mul(W[a]![s]!);
      if (c.n !== 0n) obj.push([vars.sigma(t, s, a), c]);
    }
  }
  lp.objective(obj);
  const r = optimal(solve(lp.build()), "min over BCE");
  const sigma = Array.from({ length: T }, (_, t) => Array.from({ length: S }, (_, s) => Array.from({ length: A }, (_, a) => r.primal[vars.sigma(t, s, a)]!)));
  return { value: r.value, sigma, lp: r };
}

/** The guarantee of (A, g): min over BCE of the basic game (trivial type space). */
export function guarantee(p: DesignProblem, m: FiniteMechanism): BceMinResult {
  return bceMin(p, m, trivialTypeSpace(p));
}

/**
 * The potential of a type space ([BrooksMaxmin2023, *Upper bounding the potential*]): its exact
 * value, an optimal interim IC and IR direct mechanism g′(x | t), and the verified LP answer.
 */
export interface PotentialResult {
  readonly value: Q;
  /** direct[t][x] = g′(x | t) of an optimal IIC/IIR direct mechanism. */
  readonly direct: Q[][];
  readonly lp: Extract<LpResult, { status: "optimal" }>;
}

/** Interim IC/IR rows of slide *Upper bounding the potential* for direct-mechanism variables gv(t, x). */
function addInterimRows(lp: LpBuilder, p: DesignProblem, ts: PriorTypeSpace, gv: (t: number, x: number) => number): void {
  const sizes = sizesOf(ts);
  const S = p.states.length;
  const X = p.outcomes.length;
  for (let i = 0; i < p.agents; i++) {
    const K = profileCount(othersSizes(sizes, i));
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const ir: TermInput[] = [];
      for (let k = 0; k < K; k++) {
        const t = profileIndex(sizes, joinProfile(sizes, i, ti, k));
        for (let s = 0; s < S; s++) {
          const pr = ts.prior[t * S + s]!;
          if (pr.n === 0n) continue;
          for (let x = 0; x < X; x++) {
            const c = pr.mul(p.utility[i]![s]![x]!);
            if (c.n !== 0n) ir.push([gv(t, x), c]);
          }
        }
      }
      lp.row(`IIR[i=${i};t=${ti}]`, ir, ">=", 0);
      for (let dev = 0; dev < sizes[i]!; dev++) {
        if (dev === ti) continue;
        const ic: TermInput[] = [];
        for (let k = 0; k < K; k++) {
          const t = profileIndex(sizes, joinProfile(sizes, i, ti, k));
          const td = profileIndex(sizes, joinProfile(sizes, i, dev, k));
          for (let s = 0; s < S; s++) {
            const pr = ts.prior[t * S + s]!;
            if (pr.n === 0n) continue;
            for (let x = 0; x < X; x++) {
              const c = pr.mul(p.utility[i]![s]![x]!);
              if (c.n !== 0n) ic.push([gv(t, x), c], [gv(td, x), c.neg()]);
            }
          }
        }
        lp.row(`IIC[i=${i};t=${ti}>${dev}]`, ic, ">=", 0);
      }
    }
  }
}

/** The potential of (T, π): max over IIC/IIR direct mechanisms g′: T → Δ(X) of the designer's payoff. */
export function potential(p: DesignProblem, ts: PriorTypeSpace): PotentialResult {
  validateDesignProblem(p);
  validatePriorTypeSpace(p, ts);
  const T = profileCount(sizesOf(ts));
  const S = p.states.length;
  const X = p.outcomes.length;
  const lp = new LpBuilder("max");
  const v: number[] = [];
  for (let t = 0; t < T; t++) for (let x = 0; x < X; x++) v.push(lp.variable(`g[t=${profileAt(sizesOf(ts), t).join(",")};x=${x}]`, { lower: 0, upper: 1 }));
  const gv = (t: number, x: number) => v[t * X + x]!;
  for (let t = 0; t < T; t++) lp.row(`prob[t=${t}]`, Array.from({ length: X }, (_, x): TermInput => [gv(t, x), 1]), "=", 1);
  addInterimRows(lp, p, ts, gv);
  const obj: TermInput[] = [];
  for (let t = 0; t < T; t++) for (let s = 0; s < S; s++) {
    const pr = ts.prior[t * S + s]!;
    if (pr.n === 0n) continue;
    for (let x = 0; x < X; x++) {
      const c = pr.mul(p.designer[s]![x]!);
      if (c.n !== 0n) obj.push([gv(t, x), c]);
    }
  }
  lp.objective(obj);
  const r = optimal(solve(lp.build()), "potential");
  const direct = Array.from({ length: T }, (_, t) => Array.from({ length: X }, (_, x) => r.primal[gv(t, x)]!));
  return { value: r.value, direct, lp: r };
}

// ---------------------------------------------------------------- independent re-checks

/**
 * A violated interim IC or IR constraint of a direct mechanism on (T, π), re-checked from the
 * definitions: the agent, type, deviation (for IC) and exact gain.
 */
export interface InterimViolation {
  readonly kind: "IIC" | "IIR";
  readonly agent: number;
  readonly type: number;
  readonly deviation?: number;
  readonly gain: Q;
}

/**
 * Re-check interim IC and IR of a direct mechanism on (T, π) from the definitions (not from LP
 * rows): U_i(t_i → t′_i) = Σ_{t_{-i}, θ} π(t, θ) u_i(g′(t′_i, t_{-i}), θ).
 */
export function interimViolation(p: DesignProblem, ts: PriorTypeSpace, direct: readonly (readonly Q[])[]): InterimViolation | null {
  const sizes = sizesOf(ts);
  const S = p.states.length;
  for (let i = 0; i < p.agents; i++) {
    const K = profileCount(othersSizes(sizes, i));
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const U = (report: number): Q => {
        let tot = ZERO;
        for (let k = 0; k < K; k++) {
          const t = profileIndex(sizes, joinProfile(sizes, i, ti, k));
          const tr = profileIndex(sizes, joinProfile(sizes, i, report, k));
          for (let s = 0; s < S; s++) {
            const pr = ts.prior[t * S + s]!;
            if (pr.n !== 0n) tot = tot.add(pr.mul(lotteryUtility(p, i, s, direct[tr]!)));
          }
        }
        return tot;
      };
      const truth = U(ti);
      if (truth.compare(0) < 0) return { kind: "IIR", agent: i, type: ti, gain: truth.neg() };
      for (let d = 0; d < sizes[i]!; d++) {
        const gain = U(d).sub(truth);
        if (gain.compare(0) > 0) return { kind: "IIC", agent: i, type: ti, deviation: d, gain };
      }
    }
  }
  return null;
}

/**
 * A violated obedience constraint of σ(a | t, θ) on (T, π), re-checked from the definition: the
 * agent, type, recommended action, deviation and exact gain.
 */
export interface ObedienceViolation {
  readonly agent: number;
  readonly type: number;
  readonly recommended: number;
  readonly deviation: number;
  readonly gain: Q;
}

/**
 * Re-check obedience of σ(a | t, θ) on (T, π) from the definition: for each i, t_i, a_i, a′_i,
 * Σ_{t_{-i}, θ, a_{-i}} π(t, θ) σ(a|t, θ) [u_i(g(a′_i, a_{-i}), θ) − u_i(g(a), θ)] ≤ 0, and that
 * each σ(·|t, θ) is a probability vector.
 */
export function obedienceViolation(p: DesignProblem, m: FiniteMechanism, ts: PriorTypeSpace, sigma: readonly (readonly (readonly Q[])[])[]): ObedienceViolation | "not-a-distribution" | null {
  const tsz = sizesOf(ts);
  const asz = sizesOf(m);
  const S = p.states.length;
  const T = profileCount(tsz);
  for (let t = 0; t < T; t++) for (let s = 0; s < S; s++) {
    const row = sigma[t]![s]!;
    if (row.some((x) => x.compare(0) < 0) || !qsum(row).equals(ONE)) return "not-a-distribution";
  }
  for (let i = 0; i < p.agents; i++) {
    for (let ti = 0; ti < tsz[i]!; ti++) {
      for (let ai = 0; ai < asz[i]!; ai++) {
        for (let dev = 0; dev < asz[i]!; dev++) {
          if (dev === ai) continue;
          let gain = ZERO;
          for (let t = 0; t < T; t++) {
            const tp = profileAt(tsz, t);
            if (tp[i] !== ti) continue;
            for (let s = 0; s < S; s++) {
              const pr = ts.prior[t * S + s]!;
              if (pr.n === 0n) continue;
              for (let a = 0; a < m.g.length; a++) {
                const ap = profileAt(asz, a);
                if (ap[i] !== ai) continue;
                const sg = sigma[t]![s]![a]!;
                if (sg.n === 0n) continue;
                ap[i] = dev;
                const ad = profileIndex(asz, ap);
                gain = gain.add(pr.mul(sg).mul(lotteryUtility(p, i, s, m.g[ad]!).sub(lotteryUtility(p, i, s, m.g[a]!))));
              }
            }
          }
          if (gain.compare(0) > 0) return { agent: i, type: ti, recommended: ai, deviation: dev, gain };
        }
      }
    }
  }
  return null;
}

/** Σ_{t,θ} π(t, θ) Σ_a σ(a|t, θ) w(g(a), θ): the designer's payoff of a decision rule σ. */
export function bceWelfare(p: DesignProblem, m: FiniteMechanism, ts: PriorTypeSpace, sigma: readonly (readonly (readonly Q[])[])[]): Q {
  const S = p.states.length;
  let tot = ZERO;
  sigma.forEach((bt, t) =>
    bt.forEach((row, s) => {
      const pr = ts.prior[t * S + s]!;
      if (pr.n === 0n) return;
      row.forEach((sg, a) => {
        if (sg.n !== 0n) tot = tot.add(pr.mul(sg).mul(lotteryWelfare(p, s, m.g[a]!)));
      });
    }),
  );
  return tot;
}

/** Σ_{t,θ} π(t, θ) w(g′(t), θ). */
export function directWelfare(p: DesignProblem, ts: PriorTypeSpace, direct: readonly (readonly Q[])[]): Q {
  const S = p.states.length;
  let tot = ZERO;
  ts.prior.forEach((pr, k) => {
    if (pr.n !== 0n) tot = tot.add(pr.mul(lotteryWelfare(p, k % S, direct[Math.floor(k / S)]!)));
  });
  return tot;
}
