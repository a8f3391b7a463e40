/** Partnership dissolution cases of [CramtonGibbonsKlemperer1987] (continuous and grid), their exact solution (cached) and checks, shared by cgk-dissolution and cgk-dissolution-grid. */
import fc from "fast-check";
import { interimUtility, isBIC, isExPostBudgetBalanced, isExPostEfficient, isInterimIR } from "../../concepts/index.ts";
import { bracketsShare, cgkTransfers, envelopeHolds, noGainFromReport, oneSellerTotal, piecewiseEqual, singleCrossing } from "../../trade/partnershipContinuous.ts";
import { Distribution } from "../../continuous/distribution.ts";
import { type AlgebraicReal, CertifiedReal, type Piecewise } from "../../continuous/polynomial.ts";
import { cgkDissolution, cgkW, type CgkResult } from "../../trade/continuousTrade.ts";
import { ONE, q, qmin, qstr, qsum, type Q, ZERO } from "../../exact/rational.ts";
import { dissolvableOnGrid } from "../../trade/partnershipLp.ts";
import { cgkMechanism, partnershipEnvironment } from "../../trade/partnership.ts";
import { efficientAllocation } from "../../budgetBalance/expectedExternality.ts";
import { productOfMarginals } from "../../model/independence.ts";
import { reservationOf } from "../../model/environment.ts";
import { othersSizes, profileCount } from "../../model/profiles.ts";
import type { CaseCodec, CheckResult } from "../types.ts";
import type { DirectMechanism } from "../../model/environment.ts";

export type CdfSpec = { readonly kind: "uniform"; readonly hi: number } | { readonly kind: "powers"; readonly weights: readonly number[] };

export type CgkCase =
  | { readonly kind: "continuous"; readonly cdf: CdfSpec; readonly shares: readonly Q[]; readonly other?: { readonly shares: readonly Q[]; readonly lambda: Q } }
  | { readonly kind: "grid"; readonly values: readonly Q[]; readonly marginal: readonly Q[]; readonly shares: readonly Q[] };

export function distributionOf(spec: CdfSpec): Distribution {
  if (spec.kind === "uniform") return Distribution.uniform(0, spec.hi);
  const tot = spec.weights.reduce((a, b) => a + b, 0);
  return Distribution.polynomial([0, ...spec.weights.map((w) => q(w).div(q(tot)))], 0, 1);
}

export const normalize = (ws: readonly number[]): Q[] => {
  const tot = ws.reduce((a, b) => a + b, 0);
  return tot === 0 ? ws.map(() => ONE.div(q(ws.length))) : ws.map((w) => q(w).div(q(tot)));
};

export const cdfArb = (n: number): fc.Arbitrary<CdfSpec> =>
  fc.oneof(
    fc.integer({ min: 1, max: 3 }).map((hi): CdfSpec => ({ kind: "uniform", hi })),
    fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: n === 4 ? 2 : 3 }).map((w): CdfSpec => ({ kind: "powers", weights: w.some((x) => x > 0) ? w : [1, ...w.slice(1)] })),
  );

export const sharesArb = (n: number) => fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }).map(normalize);

export const continuousArb: fc.Arbitrary<CgkCase> = fc.integer({ min: 2, max: 4 }).chain((n) =>
  fc
    .tuple(cdfArb(n), sharesArb(n), fc.option(fc.tuple(sharesArb(n), fc.integer({ min: 1, max: 5 })), { freq: 2 }))
    .map(([cdf, shares, other]): CgkCase => ({ kind: "continuous", cdf, shares, ...(other ? { other: { shares: other[0], lambda: q(other[1]).div(q(6)) } } : {}) })),
);

export const gridArb: fc.Arbitrary<CgkCase> = fc.integer({ min: 2, max: 3 }).chain((n) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 3 }).map((v) => v.sort((a, b) => a - b).map((x) => q(x))),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
      sharesArb(n),
    )
    .map(([values, w, shares]): CgkCase => ({ kind: "grid", values, marginal: normalize(w.slice(0, values.length)), shares })),
);

export const arbitrary = fc.oneof({ weight: 3, arbitrary: continuousArb }, { weight: 1, arbitrary: gridArb });

export const codec: CaseCodec<CgkCase> = {
  encode: (x) =>
    x.kind === "continuous"
      ? { kind: x.kind, cdf: x.cdf, shares: x.shares.map(qstr), ...(x.other ? { other: { shares: x.other.shares.map(qstr), lambda: qstr(x.other.lambda) } } : {}) }
      : { kind: x.kind, values: x.values.map(qstr), marginal: x.marginal.map(qstr), shares: x.shares.map(qstr) },
  decode: (j) => {
    const o = j as { kind: string; cdf?: CdfSpec; shares: string[]; other?: { shares: string[]; lambda: string }; values?: string[]; marginal?: string[] };
    const qs = (a: readonly string[]) => a.map((s) => q(s));
    if (o.kind === "continuous") return { kind: "continuous", cdf: o.cdf!, shares: qs(o.shares), ...(o.other ? { other: { shares: qs(o.other.shares), lambda: q(o.other.lambda) } } : {}) };
    return { kind: "grid", values: qs(o.values!), marginal: qs(o.marginal!), shares: qs(o.shares) };
  },
};

// ————————————————————————————————————————————————————————————— continuous

export interface Solved {
  readonly F: Distribution;
  readonly n: number;
  readonly main: CgkResult;
  readonly equal: CgkResult;
  readonly other?: { readonly r2: CgkResult; readonly mix: CgkResult; readonly mixShares: Q[] };
  /** Why the case is "unknown" (a needed sign could not be decided), or null. */
  readonly unknown: string | null;
}

export const cache = new WeakMap<CgkCase, Solved>();

/** Quantities that depend only on (F, n) — the equal and one-seller partnerships, the transfers — computed once per (F, n). */
export const byDistribution = new Map<string, unknown>();
export function perDistribution<T>(cdf: CdfSpec, n: number, what: string, make: () => T): T {
  const key = `${JSON.stringify(cdf)}|${n}|${what}`;
  if (!byDistribution.has(key)) byDistribution.set(key, make());
  return byDistribution.get(key) as T;
}
export function solveContinuous(x: Extract<CgkCase, { kind: "continuous" }>): Solved {
  let s = cache.get(x);
  if (s) return s;
  const F = distributionOf(x.cdf);
  const n = x.shares.length;
  const main = cgkDissolution(F, x.shares);
  const equal = perDistribution(x.cdf, n, "equal", () => cgkDissolution(F, x.shares.map(() => ONE.div(q(n)))));
  let other: Solved["other"];
  if (x.other) {
    const lam = x.other.lambda;
    const mixShares = x.shares.map((r, i) => lam.mul(r).add(ONE.sub(lam).mul(x.other!.shares[i]!)));
    other = { r2: cgkDissolution(F, x.other.shares), mix: cgkDissolution(F, mixShares), mixShares };
  }
  const undecided = [["Σ W(v*(r))", main], ["Σ W at equal shares", equal], ...(other ? [["Σ W(v*(r′))", other.r2], ["Σ W(v*(λr + (1−λ)r′))", other.mix]] : [])].filter(([, r]) => (r as CgkResult).sign === undefined).map(([w, r]) => `${w}: the certified enclosure ${(r as CgkResult).total.toString()} could not be separated from 0 and no exact zero test applies`);
  s = { F, n, main, equal, ...(other ? { other } : {}), unknown: undecided.length ? undecided.join("; ") : null };
  cache.set(x, s);
  return s;
}

/** Σ_i W(v*_i) recomputed from the interim-transfer polynomial Wᵈ at the certified critical types. */
export function ownTotal(W: ReturnType<typeof cgkTransfers>["W"], crit: readonly AlgebraicReal[]): CertifiedReal {
  let acc = CertifiedReal.exactValue(ZERO);
  for (const a of crit) {
    const r = a.rationalValue();
    if (r !== undefined) {
      acc = acc.add(CertifiedReal.exactValue(W.eval(r)));
      continue;
    }
    let idx = 0;
    for (let k = 0; k < W.pieces.length; k++) if (a.compare(W.breaks[k]!) > 0) idx = k;
    acc = acc.add(CertifiedReal.polyAt(W.pieces[idx]!, a));
  }
  return acc;
}

/** A certified value for display: exact, or an outward-rounded bracket of width ≤ 3·10⁻³. */
export const fine = (x: CertifiedReal): string => {
  if (x.exact !== undefined) return qstr(x.exact);
  const r = x.refine(q("1/1000"));
  const M = q(1000);
  return `[${qstr(r.lo.mul(M).floor().div(M))}, ${qstr(r.hi.mul(M).ceil().div(M))}]`;
};

/** What the negative controls perturb (all absent in the theorem's own check). */
export interface CgkVariant {
  readonly seedW?: (F: Distribution, n: number) => Piecewise;
  readonly oneSellerIdentity?: (x: Q) => Q;
  readonly gridMechanism?: (m: DirectMechanism) => DirectMechanism;
}

export function checkContinuous(x: Extract<CgkCase, { kind: "continuous" }>, variant: CgkVariant = {}): CheckResult {
  const s = solveContinuous(x);
  const { F, n, main } = s;
  const t = perDistribution(x.cdf, n, "transfers", () => cgkTransfers(F, n));
  const seedW = (variant.seedW ?? cgkW)(F, n);
  if (!piecewiseEqual(t.W, seedW)) return { ok: false, violation: { W: seedW.toString(), interimTransfer: t.W.toString() }, message: "the seed's W (eq. (2)) differs from the CGK mechanism's interim transfer E[H] − H" };
  if (!envelopeHolds(t)) return { ok: false, violation: { W: t.W.toString() }, message: "envelope identity (vG + t)′ = G fails: the CGK transfers are not BIC" };
  const reports = [F.lo, F.lo.add(F.hi).div(q(2)), F.hi, ...main.criticalTypes.flatMap((a) => (a.isRational() ? [a.lo] : [a.lo, a.hi]))];
  for (const v of reports) if (!noGainFromReport(t, v)) return { ok: false, violation: { report: qstr(v) }, message: `some type gains by reporting ${qstr(v)} in the CGK mechanism` };
  for (let i = 0; i < n; i++) {
    if (!bracketsShare(t, main.criticalTypes[i]!, x.shares[i]!)) return { ok: false, violation: { agent: i, vStar: main.criticalTypes[i]!.toString() }, message: `critical type of agent ${i + 1} does not satisfy G(v*) = r` };
    if (!singleCrossing(t, x.shares[i]!)) return { ok: false, violation: { agent: i }, message: `G − r_${i + 1} is not single-crossing: the marginal payoff is not least at v*` };
  }
  const own = ownTotal(t.W, main.criticalTypes).sign();
  if (own !== undefined && own !== main.sign) return { ok: false, violation: { library: main.sign, recomputed: own }, message: `sign of Σ W(v*) is ${main.sign} from trade.ts but ${own} from the interim transfers` };
  // one seller
  const seller = perDistribution(x.cdf, n, "seller", () => cgkDissolution(F, x.shares.map((_, i) => (i === 0 ? ONE : ZERO))));
  const identity = (variant.oneSellerIdentity ?? ((v: Q) => v))(oneSellerTotal(F, n));
  if (seller.sign !== -1 || seller.total.exact === undefined || !seller.total.exact.equals(identity)) {
    return { ok: false, violation: { total: seller.total.toString(), identity: qstr(identity) }, message: `one-seller partnership: Σ W = ${seller.total.toString()} (want (n−1)∫F^{n−1}(F−1) = ${qstr(identity)} < 0)` };
  }
  if (s.equal.sign! < 0) return { ok: false, violation: { total: s.equal.total.toString() }, message: "the equal partnership is not dissolvable" };
  const dissolvable = main.sign! >= 0;
  let convex = "";
  if (s.other) {
    const { r2, mix } = s.other;
    if (dissolvable && r2.sign! >= 0 && mix.sign! < 0) return { ok: false, violation: { r: x.shares.map(qstr), r2: x.other!.shares.map(qstr), lambda: qstr(x.other!.lambda), mix: mix.total.toString() }, message: "two dissolvable partnerships whose mixture is not dissolvable: the dissolvable set is not convex" };
    const lam = x.other!.lambda;
    const gap = mix.total.sub(main.total.scale(lam)).sub(r2.total.scale(ONE.sub(lam))).sign(60);
    if (gap !== undefined && gap < 0) return { ok: false, violation: { gap: "negative" }, message: "Σ W(v*(r)) is not concave along the segment" };
    convex = gap === undefined ? "; concavity gap not separated from 0 (equality case, counted)" : "; concavity checked";
  }
  return {
    ok: true,
    certificate: { sumW: fine(main.total), criticalTypes: main.criticalTypes.map((a) => a.toString()), oneSeller: qstr(identity), equalShares: fine(s.equal.total) },
    tag: `continuous n = ${n}: ${dissolvable ? "dissolvable (CGK mechanism BB, BIC, IIR)" : "not dissolvable (Σ W < 0)"}${s.other ? "; convexity" : ""}${convex.includes("not separated") ? " (equality)" : ""}`,
  };
}

// ————————————————————————————————————————————————————————————— grid

export function checkGrid(x: Extract<CgkCase, { kind: "grid" }>, variant: CgkVariant = {}): CheckResult {
  const env = partnershipEnvironment(x.values, x.shares);
  const n = x.shares.length;
  const marginals = x.shares.map(() => x.marginal);
  const res0 = cgkMechanism(env, marginals);
  const res = variant.gridMechanism ? { ...res0, mechanism: variant.gridMechanism(res0.mechanism) } : res0;
  const mech = res.mechanism;
  const prior = { kind: "common-prior" as const, prior: productOfMarginals(marginals) };
  const bb = isExPostBudgetBalanced(env, mech);
  if (bb.verdict === "fails") return { ok: false, violation: bb.violation, message: "grid CGK mechanism is not budget balanced" };
  const eff = isExPostEfficient(env, mech);
  if (eff.verdict === "fails") return { ok: false, violation: eff.violation, message: "grid CGK mechanism is not efficient" };
  const bic = isBIC(env, mech, prior);
  if (bic.verdict === "fails") return { ok: false, violation: bic.violation, message: "grid CGK mechanism is not BIC" };
  const ir = isInterimIR(env, mech, prior);
  const sumW = qsum(res.W);
  if ((ir.verdict === "holds") !== (sumW.compare(ZERO) >= 0)) return { ok: false, violation: { sumW: qstr(sumW), interimIR: ir.verdict }, message: `grid: Σ W = ${qstr(sumW)} but interim IR ${ir.verdict}` };
  // every agent's least marginal payoff is (1/n) Σ W, recomputed from interim utilities
  const sizes = env.types.map((tt) => tt.length);
  for (let i = 0; i < n; i++) {
    const K = profileCount(othersSizes(sizes, i));
    const belief = Array.from({ length: K }, (_, k) => {
      let p = ONE;
      let rest = k;
      for (let j = n - 1; j >= 0; j--) {
        if (j === i) continue;
        p = p.mul(x.marginal[rest % sizes[j]!]!);
        rest = Math.floor(rest / sizes[j]!);
      }
      return p;
    });
    let least: Q | null = null;
    for (let ti = 0; ti < sizes[i]!; ti++) {
      const m = interimUtility(env, mech, i, ti, ti, belief).sub(reservationOf(env, i, ti));
      least = least === null ? m : qmin(least, m);
    }
    if (!least!.equals(res.slack)) return { ok: false, violation: { agent: i, least: qstr(least!), slack: qstr(res.slack) }, message: `grid: agent ${i + 1}'s least marginal payoff ${qstr(least!)} ≠ (1/n)Σ W = ${qstr(res.slack)}` };
  }
  // the exact finite test: the dissolution LP with the same (efficient, ties split) allocation
  const lp = gridDissolvable(x);
  if (res.interimIR && !lp.dissolvable) return { ok: false, violation: { farkas: lp.farkas }, message: "grid: the CGK mechanism dissolves the partnership but the LP says none exists" };
  if (lp.dissolvable) {
    const m2 = { kind: "direct" as const, allocation: mech.allocation, payments: lp.payments };
    if (isExPostBudgetBalanced(env, m2).verdict === "fails" || isBIC(env, m2, prior).verdict === "fails" || isInterimIR(env, m2, prior).verdict === "fails") return { ok: false, violation: { payments: lp.payments.map((r) => r.map(qstr)) }, message: "grid: the dissolution LP's point is not BB, BIC and IIR" };
  }
  const what = res.interimIR ? "Σ W ≥ 0, CGK mechanism IIR" : lp.dissolvable ? "Σ W < 0 but dissolvable (LP): the necessity direction fails on grids" : "Σ W < 0 and not dissolvable (Farkas)";
  return { ok: true, certificate: { W: res.W.map(qstr), slack: qstr(res.slack), lp: lp.dissolvable ? "feasible" : lp.farkas }, tag: `grid n = ${n}: ${what}` };
}

export const gridCache = new WeakMap<CgkCase, ReturnType<typeof dissolvableOnGrid>>();
export function gridDissolvable(x: Extract<CgkCase, { kind: "grid" }>): ReturnType<typeof dissolvableOnGrid> {
  let r = gridCache.get(x);
  if (!r) {
    const env = partnershipEnvironment(x.values, x.shares);
    r = dissolvableOnGrid(env, x.shares.map(() => x.marginal), efficientAllocation(env, "uniform"));
    gridCache.set(x, r);
  }
  return r;
}

/** The check; `variant` (default none) lets the negative controls perturb one computed object. */
export function checkCgk(x: CgkCase, variant: CgkVariant = {}): CheckResult {
  return x.kind === "grid" ? checkGrid(x, variant) : checkContinuous(x, variant);
}
