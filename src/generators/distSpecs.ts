/** Polynomial distributions on an interval given by a small spec (lo, hi, degree k, mirrored or not), used by the continuous cases of [MyersonSatterthwaite1983] and public-good provision. */
import { Distribution } from "../continuous/distribution.ts";
import { Piecewise, Poly } from "../continuous/polynomial.ts";
import { ONE, qstr, type Q } from "../exact/rational.ts";

/** F(x) = ((x − lo)/(hi − lo))^k, or its mirror 1 − ((hi − x)/(hi − lo))^k. */
export interface DistSpec {
  readonly lo: Q;
  readonly hi: Q;
  readonly k: number;
  readonly mirror: boolean;
}

export function distribution(d: DistSpec): Distribution {
  const w = d.hi.sub(d.lo);
  const F = d.mirror ? Poly.one.sub(Poly.linear(d.hi.div(w), ONE.div(w).neg()).pow(d.k)) : Poly.linear(d.lo.neg().div(w), ONE.div(w)).pow(d.k);
  return Distribution.fromCdf(Piecewise.single(F, d.lo, d.hi), `${d.mirror ? "1 − ((hi − x)/w)" : "((x − lo)/w)"}^${d.k} on [${qstr(d.lo)}, ${qstr(d.hi)}]`);
}
