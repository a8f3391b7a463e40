/**
 * The budget of a threshold rule for a public good with two agents, computed DIRECTLY as an
 * iterated integral ([BernardMD3, *Budget Balance* / Prop 7.8]: the combined budget-and-IR constraint
 * ∫ q(ϑ)[ψ_1(ϑ_1) + ψ_2(ϑ_2) − c] f(ϑ) dϑ ≥ 0, with ψ_i = ϑ_i − (1 − F_i)/f_i), as an independent
 * cross-check of src/trade/continuousTrade.ts `publicGoodBudget`, which goes through convolutions of
 * densities.
 *
 * For the threshold rule q = 1{x + y ≥ s} and CDFs F_1, F_2 that are single polynomials on [0, 1]:
 *   B(s) = ∫_0^1 ∫_0^1 1{x + y ≥ s} [ψ_1(x) + ψ_2(y) − c] f_1(x) f_2(y) dy dx
 *        = ∫_{x} [ (K_1(x) − c f_1(x)) (1 − F_2(a(x))) + f_1(x) (M_2(1) − M_2(a(x))) ] dx,
 * with K_i = ψ_i f_i = t f_i − (1 − F_i) (a polynomial), M_2 its antiderivative, a(x) = max(0, s − x)
 * and x ranging over [max(0, s − 1), 1] (empty inner range when s − x ≥ 1). On each x-interval the
 * integrand is a polynomial in x (F_2(s − x) by composition), so B(s) is exact for rational s.
 *
 * `interpolate` rebuilds a polynomial from exact values (Lagrange): with B known to be a polynomial
 * of degree ≤ d in s on each s-piece, d + 1 values determine it and further values check it.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, type Q, type QInput, q, qmax, qstr, ZERO } from "../exact/rational.ts";
import { Poly } from "../continuous/polynomial.ts";

/** A CDF F that is one polynomial on [0, 1] (F(0) = 0, F(1) = 1, validated by the caller or by Distribution). */
export interface UnitCdf {
  readonly F: Poly;
}

/** The uniform CDF F(x) = x on [0, 1]. */
export function uniformUnit(): UnitCdf {
  return { F: Poly.x };
}

/** The formula integrates over [0, 1]: a polynomial that is not a CDF there (F(0) ≠ 0 or F(1) ≠ 1) is refused, never integrated silently. */
function requireUnitCdf(F: UnitCdf, path: string): void {
  const f0 = F.F.eval(ZERO);
  const f1 = F.F.eval(ONE);
  if (f0.n !== 0n || !f1.equals(ONE)) {
    throw new MechcheckError("not-a-unit-cdf", `${path}: F(0) = ${qstr(f0)}, F(1) = ${qstr(f1)}; thresholdBudgetDirect needs a CDF on [0, 1] (F(0) = 0, F(1) = 1)`, { path, value: [qstr(f0), qstr(f1)] });
  }
}

/**
 * B(s) for the rule 1{x + y ≥ s} at cost c, exactly, as an iterated integral ([BernardMD3, Prop
 * 7.8]; see the module comment); a polynomial that is not a CDF on [0, 1] is a MechcheckError
 * "not-a-unit-cdf".
 */
export function thresholdBudgetDirect(F1: UnitCdf, F2: UnitCdf, cInput: QInput, sInput: QInput): Q {
  requireUnitCdf(F1, "F1");
  requireUnitCdf(F2, "F2");
  const c = q(cInput, "c");
  const s = q(sInput, "s");
  const f1 = F1.F.derivative();
  const f2 = F2.F.derivative();
  const K1 = Poly.x.mul(f1).sub(Poly.one.sub(F1.F));
  const M2 = Poly.x.mul(f2).sub(Poly.one.sub(F2.F)).antiderivative();
  const M2at1 = M2.eval(ONE);
  const outer = K1.sub(f1.scale(c));
  // a(x) = s − x on x < s, 0 on x ≥ s
  const shifted = Poly.linear(s, -1);
  const integrandShift = outer.mul(Poly.one.sub(F2.F.compose(shifted))).add(f1.mul(Poly.constant(M2at1).sub(M2.compose(shifted))));
  const integrandFull = outer.scale(ONE.sub(F2.F.eval(ZERO))).add(f1.scale(M2at1.sub(M2.eval(ZERO))));
  const lo = qmax(ZERO, s.sub(ONE));
  if (lo.compare(ONE) >= 0) return ZERO;
  let total = ZERO;
  const mid = s.compare(ONE) < 0 ? qmax(s, ZERO) : ONE; // x < mid: a = s − x > 0; x ≥ mid: a = 0
  if (mid.compare(lo) > 0) total = total.add(integrandShift.integrate(lo, mid));
  if (ONE.compare(mid) > 0) total = total.add(integrandFull.integrate(qmax(mid, lo), ONE));
  return total;
}

/** The polynomial through the points (xs[k], ys[k]) (distinct xs), exactly. */
export function interpolate(xs: readonly Q[], ys: readonly Q[]): Poly {
  if (xs.length !== ys.length || xs.length === 0) throw new MechcheckError("dimension", "interpolate: need as many values as points (at least one)");
  let out = Poly.zero;
  for (let k = 0; k < xs.length; k++) {
    let basis = Poly.one;
    let denom = ONE;
    for (let j = 0; j < xs.length; j++) {
      if (j === k) continue;
      const d = xs[k]!.sub(xs[j]!);
      if (d.n === 0n) throw new MechcheckError("duplicate-point", `interpolate: point ${qstr(xs[k]!)} repeated`);
      basis = basis.mul(Poly.linear(xs[j]!.neg(), 1));
      denom = denom.mul(d);
    }
    out = out.add(basis.scale(ys[k]!.div(denom)));
  }
  return out;
}
