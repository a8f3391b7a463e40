/**
 * Brooks and Du (2021) on [BrooksMaxmin2023]: revenue maximization with a
 * pure common value v, the good must be allocated. Slides *Applying the bounds*, *Bounds for revenue
 * maximization in auctions*, *Key facts from simulations*, *Min potential type space*, *Remaining
 * terms in the min potential*, *Optimal value function*, *The optimal potential*, *Max guarantee
 * mechanism*, *The revenue guarantee*, *Revenue guarantee when N is large*.
 *
 * Primitives: N bidders, a finite value set V ⊂ ℚ₊ with distribution μ (F its CDF), outcomes
 * x = (q, p): q ∈ Δ({1..N}) (the good must be allocated), p ∈ ℝ^N free; designer payoff Σ_i p_i,
 * bidder payoff v q_i − p_i. Grid A_i = T_i = {0, Δ, …, KΔ}, the notes' being K = 1/Δ² (top 1/Δ);
 * multipliers and difference operators as in src/robust/maxminBounds.ts.
 *
 * The two bounding LPs of slide *Bounds for revenue maximization in auctions* (exact):
 *  - upper bound on the min potential (IVO):
 *      min Σ_t γ(t)  s.t.  π ≥ 0, Σ_t π(v, t) = μ(v),
 *        Σ_v [π(v, t) + ∇̃⁺_i π(v, t)] = 0  ∀ i, t   (p_i is free, so its coefficient must vanish:
 *                                                    slide *Min potential type space*),
 *        γ(t) ≥ −Σ_v v ∇̃⁺_i π(v, t)        ∀ i, t   (q ranges over the simplex: max over i).
 *  - lower bound on the max guarantee (SVO⁺):
 *      max Σ_v μ(v) λ(v)  s.t.  q(a) ∈ Δ({1..N}), p free,
 *        λ(v) ≤ Σ_i p_i(a) + Σ_i 𝕀_{a_i<K} [v (q_i(a+e_i) − q_i(a)) − (p_i(a+e_i) − p_i(a))]/Δ  ∀ v, a,
 *        v q_i(0, a_{-i}) − p_i(0, a_{-i}) ≥ 0  ∀ i, a_{-i}, v ∈ V   (participation security).
 *    The proportional variant fixes q_i(a) = a_i/Σa (q = 1/N at a = 0), slide *Key facts* 4.
 *  - SVO⁻ (switched order, exact LP dual of the IVO): as SVO⁺ with ∇⁻ for ∇⁺ and no p.s. rows,
 *      λ(v) ≤ Σ_i p_i(t) + Σ_i [v ∇⁻_i q_i(t) − ∇⁻_i p_i(t)]  ∀ v, t.
 *
 * Closed form (slides *Optimal value function*, *The optimal potential*, *The revenue guarantee*):
 * R* = ∫_0^∞ ŵ(x) g_{N−1}(x) dx with F(ŵ(x)) = G_N(x) (G_N, g_N the Erlang(N) CDF and density).
 * For a discrete F with atoms v_1 < … < v_m, ŵ is the quantile step function (ŵ = v_k on
 * (x_{k−1}, x_k], G_N(x_k) = F(v_k)); Abel summation and G_{N−1} = G_N + g_N give
 *     R* = E[v] − Σ_{k<m} (v_{k+1} − v_k) g_N(x_k),
 * with g_N(x_k) = (1 − F(v_k)) x_k^{N−1} / ((N−1)! S_N(x_k)), S_N(x) = Σ_{j<N} x^j/j!, increasing
 * in x_k. x_k is transcendental; it is bracketed by bisection with exact rational bounds on e^x, so
 * R* comes as a certified rational bracket. For the continuous uniform F on [0, 1] (the notes'
 * problem set) R* = ∫ G_N g_{N−1} = P(Erlang(N) < Erlang(N−1)) = Σ_{j=0}^{N−2} C(N−1+j, j) 2^{−(N+j)},
 * exactly (`uniformClosedForm`).
 *
 * Why lower ≤ R* ≤ upper holds for every Δ (the notes' logic, used by `brooks-du-auction`): the
 * SVO⁺ value is a lower bound on the guarantee of an actual participation-secure finite mechanism,
 * hence ≤ the max guarantee = R*; the IVO value is an upper bound on the potential of a finite type
 * space with marginal μ, hence ≥ the min potential = R* (Brooks–Du's theorem: both equal R*).
 */
import { MechcheckError } from "../errors.ts";
import { ONE, type Q, q, type QInput, qstr, qsum, ZERO } from "../exact/rational.ts";
import { LpBuilder, type LpResult, type TermInput } from "../lp/model.ts";
import { solve } from "../lp/solve.ts";
import { profileAt, profileCount } from "../model/profiles.ts";
import { checkGrid, type LocalGrid, nablaMinus, nablaPlus, nablaTildePlus, type Stencil } from "./maxminBounds.ts";

/**
 * A pure common-value auction of Brooks and Du ([BrooksMaxmin2023, *Applying the bounds*]): the
 * number of bidders, the strictly increasing values v ≥ 0 and their distribution μ.
 */
export interface CommonValueAuction {
  readonly bidders: number;
  /** strictly increasing, ≥ 0 */
  readonly values: readonly Q[];
  readonly mu: readonly Q[];
}

/**
 * Check a common-value auction: at least 2 bidders, nonempty values strictly increasing and ≥ 0,
 * and μ positive and summing to 1; otherwise a MechcheckError naming the field.
 */
export function validateAuction(a: CommonValueAuction): void {
  if (!Number.isSafeInteger(a.bidders) || a.bidders < 2) throw new MechcheckError("bad-count", `bidders = ${a.bidders}: need an integer ≥ 2`, { path: "bidders" });
  if (a.values.length === 0 || a.values.length !== a.mu.length) throw new MechcheckError("invalid-input", "values and mu must be nonempty and of equal length", { path: "values" });
  for (let k = 0; k < a.values.length; k++) {
    if (a.values[k]!.compare(0) < 0) throw new MechcheckError("invalid-input", `values[${k}] is negative`, { path: `values[${k}]` });
    if (k > 0 && a.values[k]!.compare(a.values[k - 1]!) <= 0) throw new MechcheckError("invalid-input", "values must be strictly increasing", { path: `values[${k}]` });
    if (a.mu[k]!.compare(0) <= 0) throw new MechcheckError("invalid-input", `mu[${k}] must be positive (drop zero-probability values)`, { path: `mu[${k}]` });
  }
  if (!qsum(a.mu).equals(ONE)) throw new MechcheckError("invalid-input", `mu sums to ${qstr(qsum(a.mu))}, not 1`, { path: "mu" });
}

type Optimal = Extract<LpResult, { status: "optimal" }>;

function optimal(r: LpResult, what: string): Optimal {
  if (r.status !== "optimal") throw new MechcheckError("lp-status", `${what}: the LP is ${r.status}`);
  return r;
}

const sizesFor = (a: CommonValueAuction, g: LocalGrid) => Array.from({ length: a.bidders }, () => g.K + 1);

/**
 * The min-potential upper bound of a common-value auction ([BrooksMaxmin2023, *Bounds for revenue
 * maximization in auctions*]): the IVO LP's exact value, π(v, t), γ(t) and the verified LP answer.
 */
export interface AuctionIvo {
  readonly value: Q;
  /** pi[v][t] */
  readonly pi: Q[][];
  readonly gamma: Q[];
  readonly lp: Optimal;
}

/** The min-potential upper bound (IVO) for the common-value auction. */
export function auctionIvo(a: CommonValueAuction, grid: LocalGrid): AuctionIvo {
  validateAuction(a);
  checkGrid(grid);
  const sizes = sizesFor(a, grid);
  const T = profileCount(sizes);
  const m = a.values.length;
  const lp = new LpBuilder("min");
  const pv = Array.from({ length: m }, (_, k) => Array.from({ length: T }, (_, t) => lp.variable(`pi[v=${k};t=${profileAt(sizes, t).join(",")}]`)));
  const gam = Array.from({ length: T }, (_, t) => lp.variable(`gamma[t=${profileAt(sizes, t).join(",")}]`, { lower: null }));
  for (let k = 0; k < m; k++) lp.row(`marg[v=${k}]`, pv[k]!.map((x): TermInput => [x, 1]), "=", a.mu[k]!);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < a.bidders; i++) {
      const st = nablaTildePlus(sizes, grid, i, t);
      const neutral: TermInput[] = [];
      const alloc: TermInput[] = [[gam[t]!, 1]];
      for (let k = 0; k < m; k++) {
        neutral.push([pv[k]![t]!, 1]);
        for (const [t2, c] of st) {
          neutral.push([pv[k]![t2]!, c]);
          alloc.push([pv[k]![t2]!, c.mul(a.values[k]!)]);
        }
      }
      // At the top type the neutrality row is identically 0 = 0 (the notes' remark); skip it then.
      if (profileAt(sizes, t)[i] !== grid.K) lp.row(`neutral[i=${i};t=${t}]`, neutral, "=", 0);
      lp.row(`alloc[i=${i};t=${t}]`, alloc, ">=", 0);
    }
  }
  lp.objective(gam.map((x): TermInput => [x, 1]));
  const r = optimal(solve(lp.build()), "auction IVO");
  return { value: r.value, pi: pv.map((row) => row.map((x) => r.primal[x]!)), gamma: gam.map((x) => r.primal[x]!), lp: r };
}

/**
 * A max-guarantee bound of a common-value auction ([BrooksMaxmin2023, *Bounds for revenue
 * maximization in auctions*]): the SVO LP's exact value, the allocation q and payments p by action
 * profile, λ(v), and the verified LP answer.
 */
export interface AuctionSvo {
  readonly value: Q;
  /** q[a][i], p[a][i] */
  readonly q: Q[][];
  readonly p: Q[][];
  readonly lambda: Q[];
  readonly lp: Optimal;
}

/**
 * Which guarantee program: SVO⁺ (local-up multipliers, participation security), SVO⁺ with the
 * proportional allocation, or SVO⁻ (the IVO's exact LP dual).
 */
export type SvoKind = "plus" | "plus-proportional" | "minus";

/** The proportional allocation q_i(a) = a_i/Σa (uniform at a = 0). */
function proportionalAllocation(prof: readonly number[]): Q[] {
  const tot = prof.reduce((x, y) => x + y, 0);
  return prof.map((ai) => (tot === 0 ? ONE.div(q(prof.length)) : q(ai).div(q(tot))));
}

/** SVO⁺ (max-guarantee lower bound), its proportional variant, or SVO⁻ (the dual of the IVO). */
export function auctionSvo(a: CommonValueAuction, grid: LocalGrid, kind: SvoKind): AuctionSvo {
  validateAuction(a);
  checkGrid(grid);
  const sizes = sizesFor(a, grid);
  const T = profileCount(sizes);
  const N = a.bidders;
  const m = a.values.length;
  const lp = new LpBuilder("max");
  const fixedQ = kind === "plus-proportional" ? Array.from({ length: T }, (_, t) => proportionalAllocation(profileAt(sizes, t))) : null;
  const qv = fixedQ ? null : Array.from({ length: T }, (_, t) => Array.from({ length: N }, (_, i) => lp.variable(`q[a=${profileAt(sizes, t).join(",")};i=${i}]`, { lower: 0, upper: 1 })));
  const pv = Array.from({ length: T }, (_, t) => Array.from({ length: N }, (_, i) => lp.variable(`p[a=${profileAt(sizes, t).join(",")};i=${i}]`, { lower: null })));
  const lam = Array.from({ length: m }, (_, k) => lp.variable(`lambda[v=${k}]`, { lower: null }));
  if (qv) for (let t = 0; t < T; t++) lp.row(`alloc[a=${t}]`, qv[t]!.map((x): TermInput => [x, 1]), "=", 1);
  const D: (i: number, t: number) => Stencil = kind === "minus" ? (i, t) => nablaMinus(sizes, grid, i, t) : (i, t) => nablaPlus(sizes, grid, i, t);
  for (let k = 0; k < m; k++) {
    const v = a.values[k]!;
    for (let t = 0; t < T; t++) {
      // λ(v) − Σ_i p_i(t) − Σ_i [v D_i q_i − D_i p_i] ≤ (constant part from a fixed q)
      const terms: TermInput[] = [[lam[k]!, 1]];
      let rhs = ZERO;
      for (let i = 0; i < N; i++) {
        terms.push([pv[t]![i]!, -1]);
        for (const [t2, c] of D(i, t)) {
          terms.push([pv[t2]![i]!, c]);
          if (fixedQ) rhs = rhs.add(v.mul(c).mul(fixedQ[t2]![i]!));
          else terms.push([qv![t2]![i]!, v.mul(c).neg()]);
        }
      }
      lp.row(`svo[v=${k};a=${t}]`, terms, "<=", rhs);
    }
  }
  if (kind !== "minus") {
    for (let t = 0; t < T; t++) {
      const prof = profileAt(sizes, t);
      for (let i = 0; i < N; i++) {
        if (prof[i] !== 0) continue;
        for (let k = 0; k < m; k++) {
          const v = a.values[k]!;
          // v q_i(0, a_{-i}) − p_i(0, a_{-i}) ≥ 0
          if (fixedQ) lp.row(`ps[i=${i};a=${t};v=${k}]`, [[pv[t]![i]!, -1]], ">=", v.mul(fixedQ[t]![i]!).neg());
          else lp.row(`ps[i=${i};a=${t};v=${k}]`, [[qv![t]![i]!, v], [pv[t]![i]!, -1]], ">=", 0);
        }
      }
    }
  }
  lp.objective(lam.map((x, k): TermInput => [x, a.mu[k]!]));
  const r = optimal(solve(lp.build()), `auction SVO (${kind})`);
  return {
    value: r.value,
    q: fixedQ ?? qv!.map((row) => row.map((x) => r.primal[x]!)),
    p: pv.map((row) => row.map((x) => r.primal[x]!)),
    lambda: lam.map((x) => r.primal[x]!),
    lp: r,
  };
}

/**
 * The signal marginal forced by the neutrality rows (slide *Min potential type space*, discrete):
 * independent coordinates, each h(k) = Δ(1 − Δ)^k for k < K and (1 − Δ)^K at the top — the
 * discretized standard exponential (P(t_i ≥ kΔ) = (1 − Δ)^k), tail lumped at the top.
 */
export function discreteExponential(grid: LocalGrid): Q[] {
  const r = ONE.sub(grid.delta);
  const out: Q[] = [];
  let pw = ONE;
  for (let k = 0; k < grid.K; k++) {
    out.push(grid.delta.mul(pw));
    pw = pw.mul(r);
  }
  out.push(pw);
  return out;
}

/** Does Σ_v π(v, t) equal Π_i h(t_i) for every t? Returns the first mismatch or null. */
export function signalMarginalMismatch(a: CommonValueAuction, grid: LocalGrid, pi: readonly (readonly Q[])[]): { t: number[]; got: Q; want: Q } | null {
  const sizes = sizesFor(a, grid);
  const h = discreteExponential(grid);
  for (let t = 0; t < profileCount(sizes); t++) {
    const prof = profileAt(sizes, t);
    const got = qsum(pi.map((row) => row[t]!));
    const want = prof.reduce((acc, k) => acc.mul(h[k]!), ONE);
    if (!got.equals(want)) return { t: prof, got, want };
  }
  return null;
}

// ---------------------------------------------------------------- closed form

/** S_N(x) = Σ_{j<N} x^j/j!. */
function partialExp(x: Q, N: number): Q {
  let term = ONE;
  let sum = ONE;
  for (let j = 1; j < N; j++) {
    term = term.mul(x).div(q(j));
    sum = sum.add(term);
  }
  return sum;
}

function factorial(n: number): Q {
  let r = ONE;
  for (let j = 2; j <= n; j++) r = r.mul(q(j));
  return r;
}

/**
 * Integers [lo, hi] with lo/2^P ≤ e^x ≤ hi/2^P for x = c/2^k ≥ 0 (c a bigint ≥ 0): the Taylor
 * series in fixed point, terms rounded down for lo and up for hi, plus the tail bound
 * term_{M+1}·(M+2)/(M+2−x) ≤ 2·term_{M+1} once M + 2 ≥ 2x. Exact integer arithmetic throughout.
 */
export function expFixed(c: bigint, k: number, P: number): [bigint, bigint] {
  if (c < 0n) throw new MechcheckError("bad-argument", "expFixed: x must be ≥ 0");
  const one = 1n << BigInt(P);
  const den = 1n << BigInt(k);
  let tLo = one;
  let tHi = one;
  let lo = one;
  let hi = one;
  for (let j = 1; ; j++) {
    const dj = den * BigInt(j);
    tLo = (tLo * c) / dj;
    tHi = (tHi * c + dj - 1n) / dj;
    // once M + 2 ≥ 2x (here with M = j − 1: j + 1 ≥ 2x) and the term is below one unit, stop
    if (BigInt(j + 1) * den >= 2n * c && tHi <= 1n) {
      hi += 2n * tHi + 1n; // tail Σ_{i≥j} ≤ 2·term_j (ratio ≤ 1/2), rounded up
      return [lo, hi];
    }
    lo += tLo;
    hi += tHi;
  }
}

/** sign of e^{−x} S_N(x) − (1 − c), decided exactly: +1 means x < x* (G_N(x) < c). x must be dyadic. */
function erlangSide(N: number, c: Q, x: Q): 1 | -1 {
  const lhs = partialExp(x, N).div(ONE.sub(c)); // compare with e^x
  let k = 0;
  while (1n << BigInt(k) < x.d) k++;
  if (1n << BigInt(k) !== x.d) throw new MechcheckError("bad-argument", "erlangSide: x must be dyadic");
  for (let P = 64; P <= 1 << 14; P *= 2) {
    const [lo, hi] = expFixed(x.n, k, P);
    const scaled = lhs.n << BigInt(P); // lhs·2^P = scaled / lhs.d
    if (scaled > hi * lhs.d) return 1;
    if (scaled < lo * lhs.d) return -1;
  }
  throw new MechcheckError("bracket-stuck", `erlangQuantile: cannot decide the side of x = ${qstr(x)}`);
}

/** Float guess of the Erlang(N) quantile (Newton); a proposal only, certified exactly by the caller. */
function erlangQuantileFloat(N: number, c: number): number {
  const cdf = (x: number) => {
    let term = 1;
    let sum = 1;
    for (let j = 1; j < N; j++) sum += term *= x / j;
    return 1 - Math.exp(-x) * sum;
  };
  const pdf = (x: number) => {
    let r = Math.exp(-x);
    for (let j = 1; j < N; j++) r *= x / j;
    return r;
  };
  let x = N;
  for (let it = 0; it < 100; it++) {
    const step = (cdf(x) - c) / Math.max(pdf(x), 1e-300);
    const nx = Math.max(x - step, x / 2);
    if (Math.abs(nx - x) < 1e-15 * Math.max(1, x)) return nx;
    x = nx;
  }
  return x;
}

const quantileCache = new Map<string, [Q, Q]>();

/**
 * A certified bracket [lo, hi] ∋ x* with G_N(x*) = c, i.e. e^{−x*} S_N(x*) = 1 − c, for 0 < c < 1,
 * hi − lo ≤ width. A float Newton guess proposes a dyadic bracket, certified by two exact
 * comparisons (exact rational bounds on e^x); if that fails, exact bisection from [0, 2^j].
 */
export function erlangQuantile(N: number, c: Q, width: Q): [Q, Q] {
  const key = `${N}|${qstr(c)}|${qstr(width)}`;
  const hit = quantileCache.get(key);
  if (hit) return hit;
  const r = erlangQuantileUncached(N, c, width);
  if (quantileCache.size > 10_000) quantileCache.clear();
  quantileCache.set(key, r);
  return r;
}

function erlangQuantileUncached(N: number, c: Q, width: Q): [Q, Q] {
  if (c.compare(0) <= 0 || c.compare(ONE) >= 0) throw new MechcheckError("bad-argument", `erlangQuantile: need 0 < c < 1, got ${qstr(c)}`);
  const guess = erlangQuantileFloat(N, Number(c.n) / Number(c.d));
  if (Number.isFinite(guess) && guess > 0) {
    // dyadic grid of mesh ≤ width/2 around the guess
    let den = 1n;
    while (q(1n).div(q(den)).compare(width.div(q(2))) > 0) den *= 2n;
    const center = BigInt(Math.round(guess * Number(den)));
    const lo = q(center - 1n).div(q(den));
    const hi = q(center + 1n).div(q(den));
    if (lo.compare(0) >= 0 && hi.sub(lo).compare(width) <= 0 && erlangSide(N, c, lo) === 1 && erlangSide(N, c, hi) === -1) return [lo, hi];
  }
  let lo = ZERO;
  let hi = ONE;
  while (erlangSide(N, c, hi) === 1) hi = hi.mul(q(2));
  while (hi.sub(lo).compare(width) > 0) {
    const mid = lo.add(hi).div(q(2));
    if (erlangSide(N, c, mid) === 1) lo = mid;
    else hi = mid;
  }
  return [lo, hi];
}

/**
 * The closed-form revenue R* of a common-value auction as a certified bracket [lo, hi], with the
 * brackets of the Erlang quantiles used and the expected value.
 */
export interface ClosedFormBracket {
  readonly lo: Q;
  readonly hi: Q;
  /** brackets of the Erlang quantiles x_k (G_N(x_k) = F(v_k)), k = 1..m−1 */
  readonly quantiles: [Q, Q][];
  readonly expectedValue: Q;
}

/** R* = E[v] − Σ_{k<m} (v_{k+1} − v_k) g_N(x_k), as a certified bracket (see the module comment). */
export function closedFormBracket(a: CommonValueAuction, width: QInput = "1/1000000000000"): ClosedFormBracket {
  validateAuction(a);
  const N = a.bidders;
  const w = q(width, "width");
  const m = a.values.length;
  const Ev = qsum(a.values.map((v, k) => v.mul(a.mu[k]!)));
  let lo = Ev;
  let hi = Ev;
  let F = ZERO;
  const quantiles: [Q, Q][] = [];
  const fact = factorial(N - 1);
  // r(x) = x^{N−1} / ((N−1)! S_N(x)) is increasing on x ≥ 0; g_N(x_k) = (1 − F_k) r(x_k).
  const r = (x: Q) => x.pow(N - 1).div(fact.mul(partialExp(x, N)));
  // Target width on each x_k so that the total bracket is about `width`.
  const xw = w.div(q(4 * m)).div(a.values[m - 1]!.add(ONE));
  for (let k = 0; k < m - 1; k++) {
    F = F.add(a.mu[k]!);
    const [xl, xh] = erlangQuantile(N, F, xw);
    quantiles.push([xl, xh]);
    const jump = a.values[k + 1]!.sub(a.values[k]!);
    lo = lo.sub(jump.mul(ONE.sub(F)).mul(r(xh)));
    hi = hi.sub(jump.mul(ONE.sub(F)).mul(r(xl)));
  }
  return { lo, hi, quantiles, expectedValue: Ev };
}

/** R* for the continuous uniform F on [0, 1]: P(Erlang(N) < Erlang(N−1)) = Σ_{j=0}^{N−2} C(N−1+j, j)/2^{N+j}. */
export function uniformClosedForm(N: number): Q {
  if (!Number.isSafeInteger(N) || N < 2) throw new MechcheckError("bad-count", `N = ${N}: need an integer ≥ 2`);
  let s = ZERO;
  let binom = ONE; // C(N−1+j, j)
  for (let j = 0; j <= N - 2; j++) {
    if (j > 0) binom = binom.mul(q(N - 1 + j)).div(q(j));
    s = s.add(binom.div(q(2n ** BigInt(N + j))));
  }
  return s;
}

/** The notes' grid for Δ = 1/2^k: K = 4^k. */
export function dyadicSeedGrid(k: number): LocalGrid {
  const delta = ONE.div(q(2n ** BigInt(k)));
  return { K: 4 ** k, delta };
}
