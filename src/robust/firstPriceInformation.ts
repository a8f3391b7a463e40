/**
 * Bergemann, Brooks and Morris (2019, 2020) as presented in [BrooksMaxmin2023]:
 * slides *First-price auction recap*, *Other mechanisms in the worst-case type space*, *Standard
 * mechanisms*, *Strategic equivalence*, *Robust optimality of the FPA*, *A saddle point*, *Posted
 * prices on T\**.
 *
 * The worst-case type space T\*: types t_i ∈ [v̲, v̄] iid with CDF H = F^{1/n}, common value
 * v = max_i t_i (so v ~ F = H^n). T^IPV: the same types as private values. Exactness: F is taken of
 * the form H^n with H a polynomial (or piecewise-polynomial) CDF, so every object below is a
 * polynomial and every number an exact rational (e.g. F = x^{kn}); for a polynomial F that is not an
 * n-th power of one, F^{1/n} is not polynomial and these routines do not apply.
 *
 * With G = F^{(n−1)/n} = H^{n−1} (the CDF of the highest of the others' types) and
 * P(t) = ∫_{v̲}^t x dG(x):
 *   β^FPA(t) = P(t)/G(t)       (the slide's (1/F^{(n−1)/n}) ∫ x dF^{(n−1)/n})
 *   R^FPA    = ∫ β^FPA dF = ∫ (P/G)·n H^{n−1} h = n ∫ P h      (G cancels exactly)
 *   p        = ∫ x dF^{(n−1)/n} = P(v̄)   (posted price: E[v | t_i = v̲] = E[highest of n − 1 types])
 * On T\*, a bidder of type t bidding β(t′) wins iff the others' highest type Y is below t′ (β is
 * strictly increasing), so her payoff is U\*(t, t′) = ∫_{v̲}^{t′} max(t, y) dG(y) − P(t′); with
 * P′ = x·G′ this is constant in t′ ≥ t and U\*(t, t) − U\*(t, t′) = ∫_{t′}^t (t − y) dG(y) ≥ 0 for
 * t′ ≤ t: β is an equilibrium on T\* (the notes' "we showed"), and the identity P′ ≡ x·G′ with
 * G′ ≥ 0 is its certificate.
 */
import { MechcheckError } from "../errors.ts";
import { type Q, q, qstr } from "../exact/rational.ts";
import type { Distribution } from "../continuous/distribution.ts";
import { type Piecewise, Poly } from "../continuous/polynomial.ts";

/**
 * The worst-case type space T* of Bergemann, Brooks and Morris ([BrooksMaxmin2023, *First-price
 * auction recap*]): the type distribution H = F^{1/n}, n, G = H^{n−1}, g = G′ and P(t) = ∫ x dG,
 * exact piecewise polynomials.
 */
export interface WorstCaseTypeSpace {
  /** the type distribution H = F^{1/n} */
  readonly H: Distribution;
  readonly n: number;
  /** G = H^{n−1} */
  readonly G: Piecewise;
  /** g = G′ */
  readonly g: Piecewise;
  /** P(t) = ∫_{v̲}^t x dG(x) */
  readonly P: Piecewise;
}

/**
 * The worst-case type space T* for type distribution H and n bidders (see WorstCaseTypeSpace); n <
 * 2 is a MechcheckError "bad-count".
 */
export function worstCaseTypeSpace(H: Distribution, n: number): WorstCaseTypeSpace {
  if (!Number.isSafeInteger(n) || n < 2) throw new MechcheckError("bad-count", `n = ${n}: need an integer ≥ 2`, { path: "n", value: n });
  const G = H.cdf.composeOuter(Poly.x.pow(n - 1));
  const g = G.derivative();
  const P = g.mulPoly(Poly.x).antiderivative();
  return { H, n, G, g, P };
}

/** β^FPA(t) = P(t)/G(t) for t > v̲; β(v̲) = v̲ (the limit). */
export function fpaBid(ts: WorstCaseTypeSpace, t: Q): Q {
  if (t.compare(ts.H.lo) <= 0) return ts.H.lo;
  return ts.P.eval(t).div(ts.G.eval(t));
}

/** R^FPA = ∫ β^FPA dF = n ∫ P(v) h(v) dv (the notes' formula, G cancelled). */
export function fpaRevenue(ts: WorstCaseTypeSpace): Q {
  return ts.P.mul(ts.H.pdf).integrate().mul(q(ts.n));
}

/** The posted price p = ∫ x dF^{(n−1)/n} = P(v̄). */
export function postedPrice(ts: WorstCaseTypeSpace): Q {
  return ts.P.eval(ts.H.hi);
}

/** Interim value of the good to type t on T*: V(t) = E[max(t, Y)] = t G(t) + ∫_t^{v̄} y dG(y). */
export function interimValue(ts: WorstCaseTypeSpace, t: Q): Q {
  return t.mul(ts.G.eval(t)).add(ts.g.mulPoly(Poly.x).integrate(t, ts.H.hi));
}

/**
 * U*(t, t′) on T* from the definition: E[(max(t, Y) − β(t′)) 𝕀{Y < t′}] with Y ~ G, i.e.
 * ∫_{v̲}^{t′} max(t, y) dG(y) − β(t′)·G(t′), integrals split at min(t, t′). Independent of the
 * identity P′ = x G′.
 */
export function tStarPayoff(ts: WorstCaseTypeSpace, t: Q, t2: Q): Q {
  const lo = ts.H.lo;
  const m = t.compare(t2) < 0 ? t : t2;
  let win = t.mul(ts.g.integrate(lo, m));
  if (t2.compare(t) > 0) win = win.add(ts.g.mulPoly(Poly.x).integrate(t, t2));
  return win.sub(fpaBid(ts, t2).mul(ts.G.eval(t2)));
}

/**
 * The certificate that the first-price bid β^FPA is an equilibrium on T* ([BrooksMaxmin2023,
 * *First-price auction recap*]): whether it holds, why not, and how many exact spot checks U(t, t)
 * ≥ U(t, t′) were made.
 */
export interface TStarCertificate {
  readonly ok: boolean;
  readonly reason?: string;
  /** number of exact (t, t′) checks of U(t, t) ≥ U(t, t′) from the definition */
  readonly spotChecks: number;
}

/** Rational grid v̲ = x_0 < … < x_m = v̄. */
export function typeGrid(ts: WorstCaseTypeSpace, m: number): Q[] {
  const lo = ts.H.lo;
  const hi = ts.H.hi;
  return Array.from({ length: m + 1 }, (_, j) => lo.add(hi.sub(lo).mul(q(j)).div(q(m))));
}

/**
 * Spot checks on T* from the definition, for a payoff function U(t, t′) (type t mimicking t′): on a
 * rational grid, U(t, t) ≥ U(t, t′), with equality for t′ ≥ t (on T* upward deviations are exactly
 * neutral, the feature of the maximum type space). The full proof for β^FPA is the identity in the
 * module comment (P′ = x·G′ holds by construction of P, G′ ≥ 0 since H is a validated CDF); these
 * exact evaluations, with integrals and bids computed independently of it, are what can fail.
 */
export function spotCheckTStar(ts: WorstCaseTypeSpace, U: (t: Q, t2: Q) => Q, gridSize = 5): TStarCertificate {
  const pts = typeGrid(ts, gridSize);
  let spot = 0;
  for (const t of pts) {
    const eq = U(t, t);
    for (const t2 of pts) {
      const dev = U(t, t2);
      spot++;
      if (dev.compare(eq) > 0) return { ok: false, reason: `type ${qstr(t)} gains ${qstr(dev.sub(eq))} by mimicking ${qstr(t2)}`, spotChecks: spot };
      if (t2.compare(t) >= 0 && !dev.equals(eq)) return { ok: false, reason: `type ${qstr(t)} is not indifferent to mimicking the higher type ${qstr(t2)}`, spotChecks: spot };
    }
  }
  return { ok: true, spotChecks: spot };
}

/**
 * U_M(t, t′) on T* for a standard mechanism whose symmetric IPV equilibrium has interim payment
 * m(t′) (as a function of the mimicked type): the good goes to the highest type, so
 * U_M(t, t′) = ∫_{v̲}^{t′} max(t, y) dG(y) − m(t′) (the slide *Proof, continued*).
 */
export function tStarPayoffFromPayment(ts: WorstCaseTypeSpace, m: (t2: Q) => Q): (t: Q, t2: Q) => Q {
  return (t, t2) => {
    const lo = ts.H.lo;
    const mn = t.compare(t2) < 0 ? t : t2;
    let win = t.mul(ts.g.integrate(lo, mn));
    if (t2.compare(t) > 0) win = win.add(ts.g.mulPoly(Poly.x).integrate(t, t2));
    return win.sub(m(t2));
  };
}
