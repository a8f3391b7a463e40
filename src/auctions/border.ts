/**
 * Reduced forms of single-object auctions [Border1991]: n bidders with i.i.d. types on a finite set
 * T (prior f, full support), a symmetric interim allocation rule Q: T → [0, 1] (the probability that
 * a bidder of type t wins). Q is the reduced form of some feasible ex post allocation (q_i(θ) ≥ 0,
 * Σ_i q_i(θ) ≤ 1) iff Border's inequalities hold: for every S ⊆ T,
 *     n · Σ_{t∈S} f(t) Q(t) ≤ 1 − (1 − f(S))^n
 * (the probability that some bidder wins with a type in S is at most the probability that some
 * bidder has a type in S) [Border1991, Thm 3].
 *
 * Both sides are decided exactly: the inequalities over all 2^|T| − 1 subsets, and the LP over
 * symmetric ex post allocations (one column per type-count vector and type); the LP's answer is
 * verified (src/lp/solve.ts), and its allocation, expanded to every profile and bidder, is re-checked
 * here against supply and every bidder's interim probabilities.
 */
import { q, qstr, ZERO, ONE, type Q } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import { LpBuilder, type LpModel } from "../lp/model.ts";
import { solve } from "../lp/solve.ts";
import type { CaseCodec } from "../model/caseCodec.ts";
import { profileAt, profileCount } from "../model/profiles.ts";

/**
 * A symmetric reduced form [Border1991]: the number of bidders, the i.i.d. prior over types and the
 * interim winning probability Q(t) of each type.
 */
export interface ReducedForm {
  readonly bidders: number;
  /** The common prior f over the types (positive, sums to 1). */
  readonly prior: readonly Q[];
  /** Q(t): a bidder's interim probability of winning with type t. */
  readonly interim: readonly Q[];
}

/**
 * A violated Border inequality [Border1991, Thm 3]: the type subset S with n Σ_{t∈S} f(t) Q(t)
 * (lhs) exceeding 1 − (1 − f(S))^n (rhs), both exact.
 */
export interface BorderViolation {
  /** The type subset S (indices). */
  readonly subset: readonly number[];
  /** n Σ_{t∈S} f(t) Q(t). */
  readonly lhs: Q;
  /** 1 − (1 − f(S))^n. */
  readonly rhs: Q;
}

/**
 * Check a reduced form: 1 to 6 bidders, 1 to 8 types, a positive prior summing to 1 and interim
 * probabilities in [0, 1]; otherwise a MechcheckError "bad-case" naming the field at `where`.
 */
export function validateReducedForm(x: ReducedForm, where = "case"): void {
  if (!Number.isInteger(x.bidders) || x.bidders < 1 || x.bidders > 6) throw new MechcheckError("bad-case", `${where}.bidders = ${x.bidders}: need an integer in [1, 6]`, { path: `${where}.bidders`, value: x.bidders });
  const T = x.prior.length;
  if (T < 1 || T > 8) throw new MechcheckError("bad-case", `${where}.prior: ${T} types, need 1 to 8`, { path: `${where}.prior`, value: T });
  if (x.interim.length !== T) throw new MechcheckError("bad-case", `${where}.interim: ${x.interim.length} entries, expected one per type (${T})`, { path: `${where}.interim`, value: x.interim.length });
  x.prior.forEach((p, t) => {
    if (p.compare(ZERO) <= 0) throw new MechcheckError("bad-case", `${where}.prior[${t}] = ${qstr(p)}: must be positive`, { path: `${where}.prior[${t}]`, value: qstr(p) });
  });
  const total = x.prior.reduce((a, b) => a.add(b), ZERO);
  if (!total.equals(ONE)) throw new MechcheckError("bad-case", `${where}.prior sums to ${qstr(total)}, not 1`, { path: `${where}.prior`, value: qstr(total) });
  x.interim.forEach((v, t) => {
    if (v.compare(ZERO) < 0 || v.compare(ONE) > 0) throw new MechcheckError("bad-case", `${where}.interim[${t}] = ${qstr(v)}: not in [0, 1]`, { path: `${where}.interim[${t}]`, value: qstr(v) });
  });
}

/** The inequality for subset S (bitmask over the types). */
export function borderInequality(x: ReducedForm, mask: number): BorderViolation {
  const subset: number[] = [];
  let fS = ZERO;
  let lhs = ZERO;
  x.prior.forEach((f, t) => {
    if (mask & (1 << t)) {
      subset.push(t);
      fS = fS.add(f);
      lhs = lhs.add(f.mul(x.interim[t]!));
    }
  });
  return { subset, lhs: lhs.mul(x.bidders), rhs: ONE.sub(ONE.sub(fS).pow(x.bidders)) };
}

/** The first violated Border inequality (subsets in increasing bitmask order), or null if all hold. */
export function borderViolation(x: ReducedForm): BorderViolation | null {
  validateReducedForm(x);
  for (let mask = 1; mask < 1 << x.prior.length; mask++) {
    const ineq = borderInequality(x, mask);
    if (ineq.lhs.compare(ineq.rhs) > 0) return ineq;
  }
  return null;
}

/** Count vectors over T types summing to n, in a fixed order. */
function countVectors(T: number, n: number): number[][] {
  if (T === 1) return [[n]];
  const out: number[][] = [];
  for (let c = n; c >= 0; c--) for (const rest of countVectors(T - 1, n - c)) out.push([c, ...rest]);
  return out;
}

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

/**
 * The feasibility LP over SYMMETRIC ex post allocations (no loss: averaging any feasible allocation
 * with reduced form Q over the permutations of the bidders gives a symmetric one with the same Q).
 * A symmetric allocation is a(m, t) ≥ 0, the share of each bidder of type t when the profile's
 * type counts are m; supply Σ_t m_t a(m, t) ≤ 1; interim Σ_{m'} P(others' counts = m') a(m' + e_t, t) = Q(t).
 */
export function reducedFormLp(x: ReducedForm): {
  readonly model: LpModel;
  /** The column of the symmetric allocation at type-count vector m for type t. */
  readonly column: (m: readonly number[], t: number) => number;
} {
  validateReducedForm(x);
  const n = x.bidders;
  const T = x.prior.length;
  const b = new LpBuilder("min");
  const cols = new Map<string, number>();
  const full = countVectors(T, n);
  for (const m of full) for (let t = 0; t < T; t++) if (m[t]! > 0) cols.set(`${m.join(",")}|${t}`, b.variable(`a[m=${m.join(",")};t=${t}]`));
  const column = (m: readonly number[], t: number) => cols.get(`${m.join(",")}|${t}`)!;
  for (const m of full) {
    b.row(`supply[m=${m.join(",")}]`, m.flatMap((c, t) => (c > 0 ? [[column(m, t), q(c)] as const] : [])), "<=", 1);
  }
  const others = countVectors(T, n - 1);
  for (let t = 0; t < T; t++) {
    const terms = others.map((mo) => {
      let p = q(factorial(n - 1));
      mo.forEach((c, s) => {
        p = p.div(factorial(c)).mul(x.prior[s]!.pow(c));
      });
      return [column(mo.map((c, s) => (s === t ? c + 1 : c)), t), p] as const;
    });
    b.row(`interim[t=${t}]`, terms, "=", x.interim[t]!);
  }
  b.objective([]);
  return { model: b.build(), column };
}

/** Re-check an ex post allocation (q[θ·n + i]) against supply and the reduced form, exactly; null if it is one. */
export function allocationDefect(x: ReducedForm, alloc: readonly Q[]): string | null {
  const n = x.bidders;
  const T = x.prior.length;
  const sizes = new Array<number>(n).fill(T);
  const P = profileCount(sizes);
  const interim: Q[][] = Array.from({ length: n }, () => new Array<Q>(T).fill(ZERO));
  for (let th = 0; th < P; th++) {
    const prof = profileAt(sizes, th);
    let sum = ZERO;
    for (let i = 0; i < n; i++) {
      const v = alloc[th * n + i]!;
      if (v.compare(ZERO) < 0) return `q_${i}(${prof.join(",")}) = ${qstr(v)} < 0`;
      sum = sum.add(v);
      let w = ONE;
      prof.forEach((s, j) => {
        if (j !== i) w = w.mul(x.prior[s]!);
      });
      interim[i]![prof[i]!] = interim[i]![prof[i]!]!.add(w.mul(v));
    }
    if (sum.compare(ONE) > 0) return `profile (${prof.join(",")}) allocates ${qstr(sum)} > 1`;
  }
  for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) if (!interim[i]![t]!.equals(x.interim[t]!)) return `bidder ${i}'s interim at type ${t} is ${qstr(interim[i]![t]!)} ≠ ${qstr(x.interim[t]!)}`;
  return null;
}

/**
 * LP side: an ex post allocation q[θ·n + i] with reduced form Q (the symmetric LP's solution expanded
 * to every profile and bidder), or null (infeasible, Farkas-certified by solve).
 */
export function implementingAllocation(x: ReducedForm): readonly Q[] | null {
  const { model, column } = reducedFormLp(x);
  const r = solve(model);
  if (r.status !== "optimal") return null;
  const n = x.bidders;
  const T = x.prior.length;
  const sizes = new Array<number>(n).fill(T);
  const out: Q[] = [];
  for (let th = 0; th < profileCount(sizes); th++) {
    const prof = profileAt(sizes, th);
    const m = new Array<number>(T).fill(0);
    for (const s of prof) m[s]!++;
    for (let i = 0; i < n; i++) out.push(r.primal[column(m, prof[i]!)]!);
  }
  return out;
}

/** The JSON codec of reduced forms (saved counterexamples), numbers as exact strings; decoding validates. */
export const reducedFormCodec: CaseCodec<ReducedForm> = {
  encode: (x) => ({ bidders: x.bidders, prior: x.prior.map(qstr), interim: x.interim.map(qstr) }),
  decode: (j) => {
    const o = j as { bidders?: unknown; prior?: unknown; interim?: unknown };
    if (typeof o !== "object" || o === null || !Array.isArray(o.prior) || !Array.isArray(o.interim)) {
      throw new MechcheckError("bad-case", "case: expected { bidders, prior: string[], interim: string[] }", { path: "case", value: j });
    }
    const x: ReducedForm = {
      bidders: o.bidders as number,
      prior: o.prior.map((v: unknown, t: number) => q(v as string, `case.prior[${t}]`)),
      interim: o.interim.map((v: unknown, t: number) => q(v as string, `case.interim[${t}]`)),
    };
    validateReducedForm(x);
    return x;
  },
};
