/**
 * `design(env, spec)`: automated mechanism design [ConitzerSandholm2002], exactly. One LP over the
 * mechanism's unknowns (axioms.ts: a lottery per profile or a fixed allocation, payments per agent
 * per profile), the chosen axioms as named row groups, and an objective — solved by src/lp/solve.ts
 * (HiGHS proposes, the exact certifier and the independent verifier decide). The answer is
 *  - optimal / feasible: the mechanism, RE-CHECKED axiom by axiom with src/concepts (no LP code
 *    involved), the objective recomputed from the mechanism's tables, and the verified dual
 *    certificate (optimal);
 *  - infeasible: a support-minimal Farkas proof in the axioms' row names (src/lp/proof.ts) and an
 *    irreducible infeasible subset of AXIOMS (deletion filter: drop an axiom, re-solve, keep it
 *    dropped while still infeasible);
 *  - unbounded: a feasible mechanism and an improving ray (e.g. revenue without participation).
 */
import { MechcheckError } from "../errors.ts";
import { type Q, ONE, ZERO, q, qstr, type QInput } from "../exact/rational.ts";
import type { LpModel, LpResult } from "../lp/model.ts";
import { infeasibilityProof, renderProof, type Proof } from "../lp/proof.ts";
import { solve, type SolveOptions } from "../lp/solve.ts";
import { verify } from "../lp/verify.ts";
import type { Beliefs, DirectMechanism, Environment } from "../model/environment.ts";
import { numProfiles, typeSizes } from "../model/environment.ts";
import { sparseFarkas } from "../lp/sparseFarkas.ts";
import {
  isBIC, isDSIC, isEPIC, isExAnteBudgetBalanced, isExPostBudgetBalanced, isExPostEfficient, isExPostIR, isInterimIR, isNoDeficit,
  efficientDecisions, hasPrivateValues,
} from "../concepts/index.ts";
import { addAxiom, AXIOMS, type AllocationMode, type Axiom, columnByName, DesignLp, Expr, needPrior, swapSymmetry, type UserConstraint } from "./axioms.ts";
import { expectedRevenue, expectedUtility, expectedWelfare } from "./readouts.ts";

/**
 * What `design` optimizes: nothing (feasibility), expected revenue, expected welfare, an agent's
 * expected utility, or a linear expression in the LP's columns.
 */
export type Objective =
  | { readonly kind: "feasibility" }
  | { readonly kind: "revenue" }
  | { readonly kind: "welfare" }
  | { readonly kind: "deficit" }
  | { readonly kind: "utility"; readonly agent: string }
  | { readonly kind: "linear"; readonly direction: "max" | "min"; readonly terms: readonly (readonly [string, QInput])[]; readonly constant?: QInput };

/**
 * A design problem for `design` (automated mechanism design [ConitzerSandholm2002]): the axioms,
 * beliefs, allocation mode, tie lotteries, outside options, user constraints, objective and solver
 * options.
 */
export interface DesignSpec {
  readonly axioms: readonly Axiom[];
  readonly beliefs?: Beliefs;
  /** Default: free (a lottery per profile). */
  readonly allocation?: AllocationMode;
  /** Lotteries at tied profiles for `efficient` (absent: any lottery over the tie set). */
  readonly tieLottery?: readonly (readonly Q[])[];
  /** Type-dependent outside options r_i(θ_i), replacing env.reservation. */
  readonly outsideOptions?: readonly (readonly Q[])[];
  readonly constraints?: readonly UserConstraint[];
  readonly objective?: Objective;
  /** Skip the irreducible-subset search on infeasible answers (the atlas computes its own). */
  readonly skipIis?: boolean;
  /** Skip the readable proof on infeasible answers (the Farkas certificate is still verified). */
  readonly skipProof?: boolean;
  readonly solve?: SolveOptions;
}

/** One axiom's independent re-check on the mechanism. */
export interface AxiomCheck {
  readonly axiom: Axiom;
  readonly holds: boolean;
  readonly detail: string;
}

/**
 * The answer of `design`: an optimal or feasible mechanism re-checked axiom by axiom with its
 * verified dual certificate, an infeasibility with a readable Farkas proof and an irreducible
 * subset of axioms, or unboundedness with an improving ray.
 */
export type DesignResult =
  | {
      readonly status: "optimal" | "feasible";
      readonly value: Q | null;
      readonly mechanism: DirectMechanism;
      /** Every axiom re-checked by src/concepts (or, for anonymous/user, by direct evaluation). */
      readonly checks: readonly AxiomCheck[];
      /** The objective recomputed from the mechanism's tables (null for feasibility). */
      readonly recomputedValue: Q | null;
      /** The dual certificate (rows by name, nonzero only), verified by src/lp/verify.ts. */
      readonly certificate: { readonly verified: boolean; readonly duals: readonly { readonly row: string; readonly value: Q }[] };
      readonly env: Environment;
      readonly lp: DesignLp;
      readonly model: LpModel;
      readonly result: LpResult;
    }
  | {
      readonly status: "infeasible";
      readonly proof: { readonly verified: boolean; readonly rows: number; readonly text: string; readonly proof: Proof; readonly byAxiom: Readonly<Partial<Record<Axiom | "lottery", number>>> } | null;
      /** An irreducible infeasible subset of the axioms (null when skipped). */
      readonly iis: readonly Axiom[] | null;
      readonly farkasSupport: number;
      readonly verified: boolean;
      readonly env: Environment;
      readonly lp: DesignLp;
      readonly model: LpModel;
      readonly result: LpResult;
    }
  | {
      readonly status: "unbounded";
      readonly mechanism: DirectMechanism;
      readonly ray: readonly { readonly column: string; readonly value: Q }[];
      readonly verified: boolean;
      readonly env: Environment;
      readonly lp: DesignLp;
      readonly model: LpModel;
      readonly result: LpResult;
    };

/** The environment with the spec's outside options (validated). */
function designEnvironment(env: Environment, spec: Pick<DesignSpec, "outsideOptions">): Environment {
  if (!spec.outsideOptions) return env;
  const o = spec.outsideOptions;
  if (o.length !== env.agents.length) throw new MechcheckError("dimension", `outsideOptions: expected one list per agent (${env.agents.length}), got ${o.length}`, { path: "outsideOptions", value: o.length });
  o.forEach((r, i) => {
    if (r.length !== env.types[i]!.length) throw new MechcheckError("dimension", `outsideOptions[${i}]: expected ${env.types[i]!.length} levels (one per type of ${env.agents[i]}), got ${r.length}`, { path: `outsideOptions[${i}]`, value: r.length });
  });
  return { ...env, reservation: o.map((r) => r.slice()) };
}

const LIMIT_PROFILES = 20000;
const LIMIT_ROWS = 400000;

/** Rows the axioms will add (an upper estimate, before any is built). */
function estimateRows(env: Environment, axioms: readonly Axiom[]): number {
  const sizes = typeSizes(env);
  const P = numProfiles(env);
  const n = sizes.length;
  const pv = hasPrivateValues(env);
  let rows = P;
  for (const a of axioms) {
    if (a === "dsic" || a === "epic") for (const m of sizes) rows += (P / m) * m * (m - 1) * (a === "dsic" && !pv ? P / m : 1);
    else if (a === "bic") for (const m of sizes) rows += m * (m - 1);
    else if (a === "ex-post-ir") rows += n * P;
    else if (a === "efficient" || a === "anonymous") rows += P * (env.decisions.length + n);
    else rows += P;
  }
  return rows;
}

/** Build the LP of a spec (exported for the benchmark and the tests). */
export function buildDesignLp(envIn: Environment, spec: DesignSpec): { lp: DesignLp; model: LpModel; env: Environment } {
  const env = designEnvironment(envIn, spec);
  const P = numProfiles(env);
  if (P > LIMIT_PROFILES) throw new MechcheckError("too-large", `design: ${P} type profiles exceed the limit ${LIMIT_PROFILES}`, { path: "environment.types", value: P });
  const rowsEstimate = estimateRows(env, spec.axioms);
  if (rowsEstimate > LIMIT_ROWS) throw new MechcheckError("too-large", `design: the axioms ${spec.axioms.join(", ")} need about ${rowsEstimate} LP rows on ${P} profiles, over the limit ${LIMIT_ROWS}`, { path: "axioms", value: rowsEstimate });
  for (const a of spec.axioms) if (!(AXIOMS as readonly string[]).includes(a)) throw new MechcheckError("unknown-axiom", `unknown axiom ${JSON.stringify(a)} (known: ${AXIOMS.join(", ")})`, { path: "axioms", value: a });
  if ((spec.constraints?.length ?? 0) > 0 && !spec.axioms.includes("user")) spec = { ...spec, axioms: [...spec.axioms, "user"] };
  if (spec.tieLottery && spec.tieLottery.length !== P) throw new MechcheckError("dimension", `tieLottery: expected ${P} lotteries, got ${spec.tieLottery.length}`, { path: "tieLottery", value: spec.tieLottery.length });
  const obj = spec.objective ?? { kind: "feasibility" };
  const direction = obj.kind === "deficit" ? "min" : obj.kind === "linear" ? obj.direction : "max";
  const ctx = { env, allocation: spec.allocation ?? { kind: "free" as const }, ...(spec.beliefs ? { beliefs: spec.beliefs } : {}), ...(spec.tieLottery ? { tieLottery: spec.tieLottery } : {}), ...(spec.constraints ? { constraints: spec.constraints } : {}) };
  const lp = new DesignLp(ctx, direction, ctx.allocation.kind === "free" && spec.axioms.includes("efficient") ? pinnedByEfficiency(env, spec.tieLottery) : undefined);
  for (const a of AXIOMS) if (spec.axioms.includes(a)) addAxiom(lp, ctx, a);
  const e = objectiveExpr(lp, spec, obj);
  lp.builder.objective([...e.terms.entries()].map(([k, v]) => [k, v] as const), e.c);
  return { lp, model: lp.builder.build(), env };
}

/**
 * With `efficient`, a profile with ONE surplus-maximizing decision (or with a given tie lottery)
 * has its lottery pinned: a substitution equivalent to the EFF/TIE rows plus LOT, which keeps the
 * LP small and the proofs in the incentive and budget rows that matter.
 */
function pinnedByEfficiency(env: Environment, tie?: readonly (readonly Q[])[]): (Q[] | null)[] {
  return Array.from({ length: numProfiles(env) }, (_, th) => {
    const eff = efficientDecisions(env, th);
    if (eff.length === 1) return env.decisions.map((_, d) => (d === eff[0] ? ONE : ZERO));
    if (!tie) return null;
    const lot = tie[th]!;
    let s = ZERO;
    lot.forEach((v, d) => {
      if (v.s < 0n && v.n !== 0n) throw new MechcheckError("bad-lottery", `tieLottery[${th}][${d}] is negative`, { path: `tieLottery[${th}]`, value: qstr(v) });
      if (v.n !== 0n && !eff.includes(d)) throw new MechcheckError("bad-lottery", `tieLottery[${th}]: decision ${JSON.stringify(env.decisions[d])} is not efficient at this profile`, { path: `tieLottery[${th}]`, value: qstr(v) });
      s = s.add(v);
    });
    if (!s.equals(ONE)) throw new MechcheckError("bad-lottery", `tieLottery[${th}] sums to ${qstr(s)}, not 1`, { path: `tieLottery[${th}]`, value: qstr(s) });
    return lot.slice();
  });
}

function objectiveExpr(lp: DesignLp, spec: DesignSpec, obj: Objective): Expr {
  const e = new Expr();
  const { P, n } = lp;
  switch (obj.kind) {
    case "feasibility":
      return e;
    case "revenue":
    case "deficit": {
      const prior = needPrior(spec, `objective ${obj.kind}`);
      const s = obj.kind === "revenue" ? ONE : ONE.neg();
      for (let th = 0; th < P; th++) for (let i = 0; i < n; i++) e.add(lp.p(i, th), prior[th]!.mul(s));
      return e;
    }
    case "welfare": {
      const prior = needPrior(spec, "objective welfare");
      for (let th = 0; th < P; th++) for (let i = 0; i < n; i++) e.addExpr(lp.utility(i, th, th).add(lp.p(i, th), ONE), prior[th]!);
      return e;
    }
    case "utility": {
      const prior = needPrior(spec, "objective utility");
      const i = lp.env.agents.indexOf(obj.agent);
      if (i < 0) throw new MechcheckError("unknown-agent", `objective utility: no agent named ${JSON.stringify(obj.agent)} (agents: ${lp.env.agents.join(", ")})`, { path: "--objective", value: obj.agent });
      for (let th = 0; th < P; th++) e.addExpr(lp.utility(i, th, th), prior[th]!);
      return e;
    }
    case "linear": {
      obj.terms.forEach((t, m) => e.add(columnByName(lp, t[0], `objective.terms[${m}][0]`), q(t[1], `objective.terms[${m}][1]`)));
      if (obj.constant !== undefined) e.addConst(q(obj.constant, "objective.constant"));
      return e;
    }
  }
}

/** The mechanism at an LP point. */
export function mechanismAt(lp: DesignLp, x: readonly Q[]): DirectMechanism {
  return {
    kind: "direct",
    allocation: lp.allocationAt(x),
    payments: Array.from({ length: lp.P }, (_, r) => Array.from({ length: lp.n }, (_, i) => x[lp.p(i, r)]!)),
  };
}

/** Re-check each axiom on a mechanism, independently of the LP (src/concepts). */
export function recheck(env: Environment, mech: DirectMechanism, spec: DesignSpec): AxiomCheck[] {
  const out: AxiomCheck[] = [];
  const v = (axiom: Axiom, r: { verdict: "holds" | "fails" }, detail?: string) => out.push({ axiom, holds: r.verdict === "holds", detail: detail ?? r.verdict });
  for (const a of AXIOMS) {
    if (!spec.axioms.includes(a) && !(a === "user" && (spec.constraints?.length ?? 0) > 0)) continue;
    switch (a) {
      case "dsic": v(a, isDSIC(env, mech)); break;
      case "epic": v(a, isEPIC(env, mech)); break;
      case "bic": v(a, isBIC(env, mech, spec.beliefs!)); break;
      case "interim-ir": v(a, isInterimIR(env, mech, spec.beliefs!)); break;
      case "ex-post-ir": v(a, isExPostIR(env, mech)); break;
      case "ex-post-bb": v(a, isExPostBudgetBalanced(env, mech)); break;
      case "ex-ante-bb": v(a, isExAnteBudgetBalanced(env, mech, spec.beliefs!)); break;
      case "no-deficit": v(a, isNoDeficit(env, mech)); break;
      case "efficient": {
        const r = isExPostEfficient(env, mech);
        let ok = r.verdict === "holds";
        if (ok && spec.tieLottery) {
          for (let th = 0; th < mech.allocation.length && ok; th++) {
            const eff = efficientDecisions(env, th);
            if (eff.length > 1) for (const d of eff) if (!mech.allocation[th]![d]!.equals(spec.tieLottery[th]![d]!)) ok = false;
          }
        }
        out.push({ axiom: a, holds: ok, detail: ok ? "holds" : r.verdict === "fails" ? "fails (inefficient decision)" : "fails (tie lottery differs)" });
        break;
      }
      case "anonymous": out.push({ axiom: a, ...isAnonymous(env, mech) }); break;
      case "user": out.push({ axiom: a, ...userConstraintsHold(env, mech, spec.constraints ?? []) }); break;
    }
  }
  return out;
}

/** Anonymity on the mechanism's tables: every adjacent swap maps the mechanism to itself. */
function isAnonymous(env: Environment, mech: DirectMechanism): { holds: boolean; detail: string } {
  const n = env.agents.length;
  for (let a = 0; a + 1 < n; a++) {
    const s = swapSymmetry(env, a, a + 1);
    if (!s.ok) return { holds: false, detail: `not applicable: ${s.reason}` };
    for (let th = 0; th < mech.allocation.length; th++) {
      const pt = s.perm(th);
      for (let d = 0; d < env.decisions.length; d++) if (!mech.allocation[pt]![s.sigma[d]!]!.equals(mech.allocation[th]![d]!)) return { holds: false, detail: `swap (${env.agents[a]} ${env.agents[a + 1]}) changes the lottery at profile ${th}` };
      for (let i = 0; i < n; i++) {
        const j = i === a ? a + 1 : i === a + 1 ? a : i;
        if (!mech.payments[pt]![j]!.equals(mech.payments[th]![i]!)) return { holds: false, detail: `swap (${env.agents[a]} ${env.agents[a + 1]}) changes ${env.agents[i]}'s payment at profile ${th}` };
      }
    }
  }
  return { holds: true, detail: "holds" };
}

/** User constraints evaluated on the mechanism's tables (column names parsed back to table entries). */
function userConstraintsHold(env: Environment, mech: DirectMechanism, cons: readonly UserConstraint[]): { holds: boolean; detail: string } {
  const lab = (th: number) => {
    const sizes = typeSizes(env);
    let r = th;
    const prof: number[] = new Array(sizes.length);
    for (let i = sizes.length - 1; i >= 0; i--) {
      prof[i] = r % sizes[i]!;
      r = Math.floor(r / sizes[i]!);
    }
    return `(${prof.map((k, j) => `${env.agents[j]}=${env.types[j]![k]}`).join(", ")})`;
  };
  const cell = new Map<string, Q>();
  for (let th = 0; th < mech.allocation.length; th++) {
    env.decisions.forEach((d, k) => cell.set(`x[${d}]${lab(th)}`, mech.allocation[th]![k]!));
    env.agents.forEach((a, i) => cell.set(`p[${a}]${lab(th)}`, mech.payments[th]![i]!));
  }
  for (const c of cons) {
    let s = ZERO;
    for (const [name, coef] of c.terms) {
      const v = cell.get(name);
      if (v === undefined) return { holds: false, detail: `unknown column ${name}` };
      s = s.add(v.mul(q(coef)));
    }
    const cmp = s.compare(q(c.rhs));
    const ok = c.sense === "=" ? cmp === 0 : c.sense === "<=" ? cmp <= 0 : cmp >= 0;
    if (!ok) return { holds: false, detail: `${c.name}: ${qstr(s)} ${c.sense} ${qstr(q(c.rhs))} fails` };
  }
  return { holds: true, detail: `${cons.length} constraints hold` };
}

/** The objective recomputed from the mechanism's tables (readouts.ts), independently of the LP. */
export function recomputeObjective(env: Environment, mech: DirectMechanism, spec: DesignSpec): Q | null {
  const obj = spec.objective ?? { kind: "feasibility" };
  switch (obj.kind) {
    case "feasibility": return null;
    case "revenue": return expectedRevenue(mech, needPrior(spec, "revenue"));
    case "deficit": return expectedRevenue(mech, needPrior(spec, "deficit")).neg();
    case "welfare": return expectedWelfare(env, mech, needPrior(spec, "welfare"));
    case "utility": return expectedUtility(env, mech, needPrior(spec, "utility"), env.agents.indexOf(obj.agent));
    case "linear": {
      const lp = buildDesignLp(env, { ...spec, axioms: [], constraints: [] }).lp;
      let s = obj.constant !== undefined ? q(obj.constant) : ZERO;
      const cols = new Map<number, Q>();
      for (let r = 0; r < lp.P; r++) {
        env.decisions.forEach((_, d) => {
          if (lp.xColumn(r, d) >= 0) cols.set(lp.xColumn(r, d), mech.allocation[r]![d]!);
        });
        env.agents.forEach((_, i) => cols.set(lp.p(i, r), mech.payments[r]![i]!));
      }
      for (const [name, coef] of obj.terms) s = s.add(cols.get(lp.builder.index(name))!.mul(q(coef)));
      return s;
    }
  }
}

/** Is the axiom set feasible (a certified yes/no), with the LP's answer. */
export function designFeasible(env: Environment, spec: DesignSpec): { feasible: boolean; model: LpModel; result: LpResult; lp: DesignLp; env: Environment } {
  const { lp, model, env: e2 } = buildDesignLp(env, { ...spec, objective: { kind: "feasibility" } });
  const result = solve(model, spec.solve ?? {});
  return { feasible: result.status !== "infeasible", model, result, lp, env: e2 };
}

/** Deletion filter over axiom groups: an irreducible infeasible subset of `spec.axioms`. */
export function irreducibleAxioms(env: Environment, spec: DesignSpec): Axiom[] {
  let keep = [...spec.axioms];
  if ((spec.constraints?.length ?? 0) > 0 && !keep.includes("user")) keep.push("user");
  for (const a of [...keep]) {
    const trial = keep.filter((b) => b !== a);
    const r = designFeasible(env, { ...spec, axioms: trial, constraints: trial.includes("user") ? spec.constraints ?? [] : [] });
    if (!r.feasible) keep = trial;
  }
  return keep;
}

/** A readable, support-minimal proof of an infeasible design LP. */
export function designProof(lp: DesignLp, model: LpModel, farkas: readonly Q[]): { verified: boolean; rows: number; text: string; proof: Proof; byAxiom: Partial<Record<Axiom | "lottery", number>> } {
  let y = farkas;
  const support = farkas.filter((v) => v.n !== 0n).length;
  if (support > 40 && model.variables.every((v) => v.lower === null && v.upper === null)) {
    const s = sparseFarkas(model);
    if (s !== null) y = s.rows;
  }
  const proof = infeasibilityProof(model, y);
  const verified = verify(model, { status: "infeasible", farkas: { rows: proof.farkas } }).ok;
  const byAxiom: Partial<Record<Axiom | "lottery", number>> = {};
  for (const r of proof.rows) {
    const a = lp.rowAxiom[r.row]!;
    byAxiom[a] = (byAxiom[a] ?? 0) + 1;
  }
  return { verified, rows: proof.rows.length, text: renderProof(model, proof), proof, byAxiom };
}

/** Answer a design question (module comment). */
export function design(envIn: Environment, spec: DesignSpec): DesignResult {
  const { lp, model, env } = buildDesignLp(envIn, spec);
  const result = solve(model, spec.solve ?? {});
  if (result.status === "infeasible") {
    const verified = verify(model, result).ok;
    const proof = spec.skipProof ? null : designProof(lp, model, result.farkas.rows);
    const iis = spec.skipIis ? null : irreducibleAxioms(envIn, spec);
    return { status: "infeasible", proof, iis, farkasSupport: result.farkas.rows.filter((v) => v.n !== 0n).length, verified, env, lp, model, result };
  }
  if (result.status === "unbounded") {
    const mechanism = mechanismAt(lp, result.point);
    const ray = result.ray.flatMap((v, j) => (v.n !== 0n ? [{ column: model.variables[j]!.name, value: v }] : []));
    return { status: "unbounded", mechanism, ray, verified: verify(model, result).ok, env, lp, model, result };
  }
  const mechanism = mechanismAt(lp, result.primal);
  const feasOnly = (spec.objective ?? { kind: "feasibility" }).kind === "feasibility";
  const checks = recheck(env, mechanism, spec);
  const recomputedValue = recomputeObjective(env, mechanism, spec);
  const duals = result.dual.rows.flatMap((v, k) => (v.n !== 0n ? [{ row: model.rows[k]!.name, value: v }] : []));
  return {
    status: feasOnly ? "feasible" : "optimal",
    value: feasOnly ? null : result.value,
    mechanism,
    checks,
    recomputedValue,
    certificate: { verified: verify(model, result).ok, duals },
    env,
    lp,
    model,
    result,
  };
}

/** Did every independent check pass (re-checks, recomputed value = LP value, verified certificate)? */
export function designChecked(r: DesignResult): boolean {
  if (r.status === "infeasible") return r.verified && (r.proof === null || r.proof.verified);
  if (r.status === "unbounded") return r.verified;
  return r.certificate.verified && r.checks.every((c) => c.holds) && (r.value === null || (r.recomputedValue !== null && r.recomputedValue.equals(r.value)));
}
