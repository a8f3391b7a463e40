/**
 * Chung–Ely (2002) §5.3, the detail-free *contingent-contribution* game ([ChungEly2002]), exactly, for
 * linear values on [0, 1]² (src/publicGoods/interdependentPublicGood.ts: v_1 = a1·s_1 + b1·s_2 + c1,
 * v_2 = a2·s_2 + b2·s_1 + c2, a_i > 0, b_i ≥ 0).
 *
 * The game: each agent i announces (d_i, p_i) ∈ ℝ² ("I contribute up to p_i provided −i pledges at
 * least d_i"). The project is produced iff p_1 ≥ d_2 and p_2 ≥ d_1; then agent i is taxed d_{−i}.
 * Payoff of i: v_i(s) − d_{−i} if produced, 0 otherwise.
 *
 * The threshold contribution rule (Def 12) with pivotal values v̄: f(s) = 1 iff v_1(s) ≥ v̄_1 and
 * v_2(s) ≥ v̄_2.
 *
 * The paper's strategies: F_i(s_i) = {s_{−i} ∈ [0, 1] : v_i(s) > v̄_i, v_{−i}(s) > v̄_{−i}};
 * φ_{−i}(s_i) = inf F_i(s_i) if F_i(s_i) ≠ ∅, else 1. If F_i(s_i) = [0, 1], agent i announces
 * p_i = v_i(s_i, 0), d_i = v̄_{−i}; otherwise p_i = v_i(s_i, φ_{−i}(s_i)),
 * d_i = v_{−i}(s_i, φ_{−i}(s_i)). Variant "weak" (not the paper's) uses ≥ in
 * F_i instead of >.
 *
 * Exact analysis. For linear values F_i(s_i) is {s_{−i} ◁ L(s_i)}-type half-line, where every
 * decision in the strategy (which bound is larger, whether it lies below 0 or above 1, the
 * constant test when b_i = 0) is the sign of an affine function of s_i. Their zeros cut [0, 1]
 * into breakpoints and open intervals on each of which the strategy is affine (`strategyPieces`).
 * A pair of pieces is a cell of [0, 1]² (point, open segment or open rectangle) on which every
 * quantity of the game is affine in s; each claim's violation set on a cell is a conjunction of
 * weak / strict affine inequalities, decided exactly by Fourier–Motzkin elimination with a
 * witness state (`feasiblePoint`). Witnesses are re-checked by playing the game at that state.
 */
import { type Q, ZERO, ONE, q, qstr } from "../exact/rational.ts";
import type { LinearPublicGood } from "./interdependentPublicGood.ts";
import { InternalError, MechcheckError } from "../errors.ts";

/**
 * Which strategies of [ChungEly2002, §5.3] are played: "strict" (the paper's, with > in F_i) or
 * "weak" (≥ instead; not the paper's).
 */
export type Variant = "strict" | "weak";

/**
 * A threshold contribution rule ([ChungEly2002, Def 12]) on a linear two-agent public good: the
 * good and the pivotal values v̄_1, v̄_2.
 */
export interface ThresholdInstance {
  readonly G: LinearPublicGood;
  /** Pivotal values v̄_1, v̄_2. */
  readonly vbar: readonly [Q, Q];
}

/**
 * An announcement (d, p) in the contingent-contribution game ([ChungEly2002, §5.3]): "I contribute
 * up to p provided the other pledges at least d".
 */
export interface Report {
  readonly d: Q;
  readonly p: Q;
}

/** Affine in one variable: c0 + c1·x. */
export interface Aff1 {
  readonly c0: Q;
  readonly c1: Q;
}
/** Affine on ℝ²: c0 + c1·s_1 + c2·s_2. */
export interface Lin {
  readonly c0: Q;
  readonly c1: Q;
  readonly c2: Q;
}
/** f > 0 (strict) or f ≥ 0. */
export interface Cons {
  readonly f: Lin;
  readonly strict: boolean;
}

const ev1 = (a: Aff1, x: Q): Q => a.c0.add(a.c1.mul(x));
const evL = (l: Lin, s1: Q, s2: Q): Q => l.c0.add(l.c1.mul(s1)).add(l.c2.mul(s2));
const constA = (c: Q): Aff1 => ({ c0: c, c1: ZERO });

/** Agent i's coefficients seen from i: own slope, cross slope, constant (v_i = own·s_i + cross·s_{−i} + k). */
function coeffs(G: LinearPublicGood, i: 0 | 1): { own: Q; cross: Q; k: Q } {
  return i === 0 ? { own: G.a1, cross: G.b1, k: G.c1 } : { own: G.a2, cross: G.b2, k: G.c2 };
}

/** v_i(s) and the threshold rule, read straight from the definitions. */
export function valueAt(G: LinearPublicGood, i: 0 | 1, s: readonly [Q, Q]): Q {
  const { own, cross, k } = coeffs(G, i);
  return own.mul(s[i]).add(cross.mul(s[1 - i]!)).add(k);
}
function thresholdRule(T: ThresholdInstance, s: readonly [Q, Q]): boolean {
  return valueAt(T.G, 0, s).compare(T.vbar[0]) >= 0 && valueAt(T.G, 1, s).compare(T.vbar[1]) >= 0;
}

type Branch = "all" | "inf" | "empty";
interface Piece1 {
  readonly branch: Branch;
  /** φ_{−i} as an affine function of s_i, valid on the piece. */
  readonly phi: Aff1;
  readonly p: Aff1;
  readonly d: Aff1;
}

/**
 * The decision functions of agent i's strategy, affine in x = s_i:
 *  r1(x): the bound from v_i(x, y) ◁ v̄_i when b_i > 0 (y ▷ r1(x)); tst(x) = v_i(x, ·) − v̄_i when b_i = 0;
 *  r2(x): the bound from v_{−i}(x, y) ◁ v̄_{−i} (y ▷ r2(x)), a_{−i} > 0.
 */
function decisionForms(T: ThresholdInstance, i: 0 | 1): { r1: Aff1 | null; tst: Aff1 | null; r2: Aff1 } {
  const me = coeffs(T.G, i);
  const ot = coeffs(T.G, (1 - i) as 0 | 1);
  const vi = T.vbar[i];
  const vo = T.vbar[1 - i]!;
  const r2: Aff1 = { c0: vo.sub(ot.k).div(ot.own), c1: ot.cross.neg().div(ot.own) };
  if (me.cross.compare(ZERO) > 0) return { r1: { c0: vi.sub(me.k).div(me.cross), c1: me.own.neg().div(me.cross) }, tst: null, r2 };
  return { r1: null, tst: { c0: me.k.sub(vi), c1: me.own }, r2 };
}

/** The paper's strategy of agent i at own signal x, with the affine formulas in force there. */
export function strategyPiece(T: ThresholdInstance, i: 0 | 1, x: Q, variant: Variant): Piece1 {
  if (T.G.a1.compare(ZERO) <= 0 || T.G.a2.compare(ZERO) <= 0) throw new MechcheckError("not-increasing", "contingent contribution: values must be strictly increasing in the own signal");
  const me = coeffs(T.G, i);
  const ot = coeffs(T.G, (1 - i) as 0 | 1);
  const { r1, tst, r2 } = decisionForms(T, i);
  const strict = variant === "strict";
  // F = {y ∈ [0, 1] : y ▷ L(x)} (▷ is > or ≥), or ∅ when the constant test fails.
  let L: Aff1;
  let emptyByTest = false;
  if (r1 !== null) L = ev1(r1, x).compare(ev1(r2, x)) >= 0 ? r1 : r2;
  else {
    const t = ev1(tst!, x).compare(ZERO);
    emptyByTest = strict ? t <= 0 : t < 0;
    L = r2;
  }
  const l = ev1(L, x);
  const pOf = (phi: Aff1): Aff1 => ({ c0: me.k.add(me.cross.mul(phi.c0)), c1: me.own.add(me.cross.mul(phi.c1)) });
  const dOf = (phi: Aff1): Aff1 => ({ c0: ot.k.add(ot.own.mul(phi.c0)), c1: ot.cross.add(ot.own.mul(phi.c1)) });
  const nonempty = !emptyByTest && (strict ? l.compare(ONE) < 0 : l.compare(ONE) <= 0);
  const whole = nonempty && (strict ? l.compare(ZERO) < 0 : l.compare(ZERO) <= 0);
  if (whole) {
    const phi = constA(ZERO);
    return { branch: "all", phi, p: pOf(phi), d: constA(T.vbar[1 - i]!) };
  }
  if (nonempty) {
    // F ≠ [0, 1], so L(x) ≥ 0 (strict) or > 0 (weak): inf F = L(x).
    return { branch: "inf", phi: L, p: pOf(L), d: dOf(L) };
  }
  const phi = constA(ONE);
  return { branch: "empty", phi, p: pOf(phi), d: dOf(phi) };
}

/** (d_i, p_i) announced by type x of agent i. */
export function strategy(T: ThresholdInstance, i: 0 | 1, x: Q, variant: Variant): Report {
  const pc = strategyPiece(T, i, x, variant);
  return { d: ev1(pc.d, x), p: ev1(pc.p, x) };
}

/** The game's outcome function on arbitrary announcements. */
export function play(r1: Report, r2: Report): { produced: boolean; taxes: [Q, Q] } {
  const produced = r1.p.compare(r2.d) >= 0 && r2.p.compare(r1.d) >= 0;
  return { produced, taxes: produced ? [r2.d, r1.d] : [ZERO, ZERO] };
}

/**
 * The contingent-contribution game played at one state: whether the project is produced, the rule's
 * f, each agent's payoff and tax, and each agent's best payoff over its deviations (exact).
 */
export interface PointCheck {
  readonly produced: boolean;
  readonly f: boolean;
  readonly payoffs: [Q, Q];
  /** Best payoff over the deviations that realize every outcome region of the deviation plane. */
  readonly bestDeviation: [Q, Q];
  readonly taxes: [Q, Q];
}

/**
 * Play the strategy profile at state s and each agent's deviations. Given σ_{−i} = (d′, p′), a
 * report (d, p) of i produces iff p ≥ d′ and d ≤ p′, and i's tax is d′ either way it is produced:
 * the deviation payoff is constant on the quadrant {p ≥ d′, d ≤ p′} and (= 0) off it, so the 3 × 3
 * deviations {d′ − 1, d′, d′ + 1} × {p′ − 1, p′, p′ + 1} for (p, d) reach every value it takes.
 */
export function playAt(T: ThresholdInstance, s: readonly [Q, Q], variant: Variant): PointCheck {
  const R: [Report, Report] = [strategy(T, 0, s[0], variant), strategy(T, 1, s[1], variant)];
  const o = play(R[0], R[1]);
  const v: [Q, Q] = [valueAt(T.G, 0, s), valueAt(T.G, 1, s)];
  const pay = (prod: boolean, tax: Q, i: 0 | 1) => (prod ? v[i].sub(tax) : ZERO);
  const payoffs: [Q, Q] = [pay(o.produced, o.taxes[0], 0), pay(o.produced, o.taxes[1], 1)];
  const best: [Q, Q] = [payoffs[0], payoffs[1]];
  for (const i of [0, 1] as const) {
    const other = R[1 - i]!;
    for (const dp of [-1, 0, 1]) for (const dd of [-1, 0, 1]) {
      const dev: Report = { p: other.d.add(q(dp)), d: other.p.add(q(dd)) };
      const oo = i === 0 ? play(dev, other) : play(other, dev);
      const u = pay(oo.produced, oo.taxes[i], i);
      if (u.compare(best[i]) > 0) best[i] = u;
    }
  }
  return { produced: o.produced, f: thresholdRule(T, s), payoffs, bestDeviation: best, taxes: o.taxes };
}

/* ------------------------------------------------------------------ pieces and cells */

/**
 * One piece of an agent's strategy on [0, 1]: a breakpoint or an open interval on which the
 * announcement (d, p) is affine in the own signal.
 */
export interface StrategyPiece {
  /** A breakpoint {x} (lo = hi) or an open interval (lo, hi). */
  readonly lo: Q;
  readonly hi: Q;
  readonly open: boolean;
  readonly branch: Branch;
  readonly p: Aff1;
  readonly d: Aff1;
}

/** Agent i's strategy on [0, 1] as breakpoints and open intervals, affine on each. */
function strategyPieces(T: ThresholdInstance, i: 0 | 1, variant: Variant): StrategyPiece[] {
  const { r1, tst, r2 } = decisionForms(T, i);
  const forms: Aff1[] = [r2, { c0: r2.c0.sub(ONE), c1: r2.c1 }];
  if (r1 !== null) forms.push(r1, { c0: r1.c0.sub(ONE), c1: r1.c1 }, { c0: r1.c0.sub(r2.c0), c1: r1.c1.sub(r2.c1) });
  else forms.push(tst!);
  const xs = [ZERO, ONE];
  for (const a of forms) {
    if (a.c1.compare(ZERO) === 0) continue;
    const z = a.c0.neg().div(a.c1);
    if (z.compare(ZERO) > 0 && z.compare(ONE) < 0) xs.push(z);
  }
  xs.sort((u, w) => u.compare(w));
  const bp = xs.filter((x, k) => k === 0 || !x.equals(xs[k - 1]!));
  const out: StrategyPiece[] = [];
  for (let k = 0; k < bp.length; k++) {
    const x = bp[k]!;
    const pc = strategyPiece(T, i, x, variant);
    out.push({ lo: x, hi: x, open: false, branch: pc.branch, p: constA(ev1(pc.p, x)), d: constA(ev1(pc.d, x)) });
    if (k + 1 < bp.length) {
      const lo = x;
      const hi = bp[k + 1]!;
      const mid = lo.add(hi).div(2);
      const pc2 = strategyPiece(T, i, mid, variant);
      // Consistency: the branch and formulas taken at the midpoint are the ones in force on the whole
      // open interval (every decision is a sign of an affine function with no zero inside it).
      for (const t of [lo.mul(3).add(hi).div(4), lo.add(hi.mul(3)).div(4)]) {
        const pt = strategyPiece(T, i, t, variant);
        if (pt.branch !== pc2.branch || !ev1(pt.p, t).equals(ev1(pc2.p, t)) || !ev1(pt.d, t).equals(ev1(pc2.d, t))) {
          throw new InternalError(`strategyPieces: agent ${i + 1}'s strategy is not affine on (${qstr(lo)}, ${qstr(hi)}) (bug)`);
        }
      }
      out.push({ lo, hi, open: true, branch: pc2.branch, p: pc2.p, d: pc2.d });
    }
  }
  return out;
}

/* ------------------------------------------------------------------ Fourier–Motzkin in two variables */

interface C1 {
  readonly c0: Q;
  readonly c1: Q;
  readonly strict: boolean;
}

/** A point of {x : c0 + c1·x ▷ 0 for all}, or null. */
function solve1(cs: readonly C1[]): Q | null {
  let lo: { v: Q; strict: boolean } | null = null;
  let hi: { v: Q; strict: boolean } | null = null;
  for (const c of cs) {
    const s = c.c1.compare(ZERO);
    if (s === 0) {
      const t = c.c0.compare(ZERO);
      if (t < 0 || (t === 0 && c.strict)) return null;
      continue;
    }
    const z = c.c0.neg().div(c.c1);
    if (s > 0) {
      if (lo === null || z.compare(lo.v) > 0 || (z.equals(lo.v) && c.strict)) lo = { v: z, strict: c.strict };
    } else if (hi === null || z.compare(hi.v) < 0 || (z.equals(hi.v) && c.strict)) hi = { v: z, strict: c.strict };
  }
  if (lo === null && hi === null) return ZERO;
  if (lo === null) return hi!.v.sub(ONE);
  if (hi === null) return lo.v.add(ONE);
  const t = lo.v.compare(hi.v);
  if (t > 0) return null;
  if (t === 0) return lo.strict || hi.strict ? null : lo.v;
  return lo.v.add(hi.v).div(2);
}

/** A point (s_1, s_2) satisfying every constraint, or null: exact Fourier–Motzkin with strictness. */
export function feasiblePoint(cons: readonly Cons[]): [Q, Q] | null {
  const lower: Cons[] = [];
  const upper: Cons[] = [];
  const proj: C1[] = [];
  for (const c of cons) {
    const s = c.f.c2.compare(ZERO);
    if (s > 0) lower.push(c);
    else if (s < 0) upper.push(c);
    else proj.push({ c0: c.f.c0, c1: c.f.c1, strict: c.strict });
  }
  // lower: s_2 ▷ −(c0 + c1 s_1)/c2;  upper: s_2 ◁ (c0 + c1 s_1)/(−c2); need upper − lower ▷ 0.
  for (const L of lower) for (const U of upper) {
    const a = U.f.c2.neg();
    const b = L.f.c2;
    proj.push({ c0: U.f.c0.div(a).add(L.f.c0.div(b)), c1: U.f.c1.div(a).add(L.f.c1.div(b)), strict: L.strict || U.strict });
  }
  const s1 = solve1(proj);
  if (s1 === null) return null;
  const s2 = solve1(cons.map((c) => ({ c0: c.f.c0.add(c.f.c1.mul(s1)), c1: c.f.c2, strict: c.strict })));
  if (s2 === null) throw new InternalError("feasiblePoint: Fourier–Motzkin back-substitution failed (bug)");
  for (const c of cons) {
    const v = evL(c.f, s1, s2).compare(ZERO);
    if (v < 0 || (v === 0 && c.strict)) throw new InternalError("feasiblePoint: witness violates a constraint (bug)");
  }
  return [s1, s2];
}

/* ------------------------------------------------------------------ the claims, cell by cell */

/**
 * A claim about the contingent-contribution game ([ChungEly2002, §5.3]) checked cell by cell: it
 * implements the rule (both directions), each agent's strategy is a best response, and the budget
 * balances.
 */
export type Claim =
  | "f=1 ⇒ produced"
  | "produced ⇒ f=1"
  | "equilibrium (agent 1)"
  | "equilibrium (agent 2)"
  | "budget balance";

/**
 * The first violation of a claim found: the claim, an exact witness state, the reports there, the
 * game played at that point and the cell's strategy pieces.
 */
export interface ClaimViolation {
  readonly claim: Claim;
  readonly state: [Q, Q];
  readonly reports: [Report, Report];
  readonly point: PointCheck;
  /** Agent i's breakpoint pieces of the cell (branch names). */
  readonly branches: [Branch, Branch];
}

/**
 * The exact cell-by-cell analysis of the contingent-contribution game: how many cells and strategy
 * pieces, and the first violation of each claim (decided by Fourier–Motzkin elimination).
 */
export interface CellAnalysis {
  readonly cells: number;
  readonly pieces: [number, number];
  /** First violation of each claim found (cells scanned in order), exact witness state. */
  readonly violations: readonly ClaimViolation[];
}

const lin1 = (a: Aff1, i: 0 | 1): Lin => (i === 0 ? { c0: a.c0, c1: a.c1, c2: ZERO } : { c0: a.c0, c1: ZERO, c2: a.c1 });
const add = (x: Lin, y: Lin): Lin => ({ c0: x.c0.add(y.c0), c1: x.c1.add(y.c1), c2: x.c2.add(y.c2) });
const neg = (x: Lin): Lin => ({ c0: x.c0.neg(), c1: x.c1.neg(), c2: x.c2.neg() });
const sub = (x: Lin, y: Lin): Lin => add(x, neg(y));
const ge = (f: Lin): Cons => ({ f, strict: false });
const gt = (f: Lin): Cons => ({ f, strict: true });

function cellConstraints(pc: StrategyPiece, i: 0 | 1): Cons[] {
  const x: Lin = i === 0 ? { c0: ZERO, c1: ONE, c2: ZERO } : { c0: ZERO, c1: ZERO, c2: ONE };
  const lo = sub(x, { c0: pc.lo, c1: ZERO, c2: ZERO });
  const hi = sub({ c0: pc.hi, c1: ZERO, c2: ZERO }, x);
  return pc.open ? [gt(lo), gt(hi)] : [ge(lo), ge(hi)];
}

/**
 * Decide, over every state of [0, 1]², the claims of §5.3 for the given variant of the strategies:
 * the outcome equals f (both directions), no agent gains by any deviation (the deviation payoff
 * takes only the values 0 and v_i(s) − d_{−i}(s_{−i}), see `playAt`), and d_1 + d_2 ≥ c when the
 * project is produced. `skip(piece1, piece2)` may exempt cells from the two implementation claims.
 */
export function analyze(T: ThresholdInstance, variant: Variant, skipImplementation?: (p1: StrategyPiece, p2: StrategyPiece) => boolean): CellAnalysis {
  const G = T.G;
  const P1 = strategyPieces(T, 0, variant);
  const P2 = strategyPieces(T, 1, variant);
  const v1: Lin = { c0: G.c1, c1: G.a1, c2: G.b1 };
  const v2: Lin = { c0: G.c2, c1: G.b2, c2: G.a2 };
  const gf1 = sub(v1, { c0: T.vbar[0], c1: ZERO, c2: ZERO });
  const gf2 = sub(v2, { c0: T.vbar[1], c1: ZERO, c2: ZERO });
  const found = new Map<Claim, ClaimViolation>();
  let cells = 0;
  for (const a of P1) for (const b of P2) {
    cells++;
    const cell = [...cellConstraints(a, 0), ...cellConstraints(b, 1)];
    const p1 = lin1(a.p, 0);
    const d1 = lin1(a.d, 0);
    const p2 = lin1(b.p, 1);
    const d2 = lin1(b.d, 1);
    const gp1 = sub(p1, d2); // agent 1 meets 2's contingency
    const gp2 = sub(p2, d1);
    const e1 = sub(v1, d2); // agent 1's payoff if produced
    const e2 = sub(v2, d1);
    const budget = sub(add(d1, d2), { c0: G.cost, c1: ZERO, c2: ZERO });
    // each form (and its negation) built once per cell, so the pruning below evaluates it once
    const [ngp1, ngp2, ngf1, ngf2] = [neg(gp1), neg(gp2), neg(gf1), neg(gf2)];
    const queries: [Claim, Cons[]][] = [];
    if (!(skipImplementation?.(a, b) ?? false)) {
      queries.push(["f=1 ⇒ produced", [ge(gf1), ge(gf2), gt(ngp1)]], ["f=1 ⇒ produced", [ge(gf1), ge(gf2), gt(ngp2)]]);
      queries.push(["produced ⇒ f=1", [ge(gp1), ge(gp2), gt(ngf1)]], ["produced ⇒ f=1", [ge(gp1), ge(gp2), gt(ngf2)]]);
    }
    for (const [claim, e] of [["equilibrium (agent 1)", e1], ["equilibrium (agent 2)", e2]] as const) {
      queries.push([claim, [ge(gp1), ge(gp2), gt(neg(e))]], [claim, [gt(ngp1), gt(e)]], [claim, [gt(ngp2), gt(e)]]);
    }
    queries.push(["budget balance", [ge(gp1), ge(gp2), gt(neg(budget))]]);
    // Exact pruning: an affine form's maximum over the cell's closure is at a corner of the box.
    // The signs at the four corners are computed once per form object (the queries share forms).
    const corners: [Q, Q][] = [[a.lo, b.lo], [a.lo, b.hi], [a.hi, b.lo], [a.hi, b.hi]];
    const cornerSigns = new Map<Lin, number[]>();
    const signsOf = (f: Lin): number[] => {
      let t = cornerSigns.get(f);
      if (t === undefined) cornerSigns.set(f, (t = corners.map(([x, y]) => evL(f, x, y).compare(ZERO))));
      return t;
    };
    const hopeless = (c: Cons) => signsOf(c.f).every((t) => (c.strict ? t <= 0 : t < 0));
    for (const [claim, qs] of queries) {
      if (found.has(claim) || qs.some(hopeless)) continue;
      const s = feasiblePoint([...cell, ...qs]);
      if (s === null) continue;
      const pt = playAt(T, s, variant);
      const reports: [Report, Report] = [strategy(T, 0, s[0], variant), strategy(T, 1, s[1], variant)];
      if (!pointViolates(T, claim, pt, reports)) throw new InternalError(`analyze: cell witness for "${claim}" at (${s.map(qstr).join(", ")}) does not fail when played (bug)`);
      found.set(claim, { claim, state: s, reports, point: pt, branches: [a.branch, b.branch] });
    }
  }
  return { cells, pieces: [P1.length, P2.length], violations: [...found.values()] };
}

/** Whether the played state violates the claim (independent of the cell formulas). */
function pointViolates(T: ThresholdInstance, claim: Claim, pt: PointCheck, reports: readonly [Report, Report]): boolean {
  switch (claim) {
    case "f=1 ⇒ produced":
      return pt.f && !pt.produced;
    case "produced ⇒ f=1":
      return pt.produced && !pt.f;
    case "equilibrium (agent 1)":
      return pt.bestDeviation[0].compare(pt.payoffs[0]) > 0;
    case "equilibrium (agent 2)":
      return pt.bestDeviation[1].compare(pt.payoffs[1]) > 0;
    case "budget balance":
      return pt.produced && reports[0].d.add(reports[1].d).compare(T.G.cost) < 0;
  }
}

/**
 * The exceptional segments of the paper's (strict) strategies: {s : s_i = x} where b_i = 0 and
 * v_i(x, ·) ≡ v̄_i. There F_i(x) = ∅ although f(x, s_{−i}) = 1 on an interval of s_{−i}.
 */
export function exceptionalSignal(T: ThresholdInstance, i: 0 | 1): Q | null {
  const me = coeffs(T.G, i);
  if (me.cross.compare(ZERO) !== 0) return null;
  const x = T.vbar[i].sub(me.k).div(me.own);
  return x.compare(ZERO) >= 0 && x.compare(ONE) <= 0 ? x : null;
}
