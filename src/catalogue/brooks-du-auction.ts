/**
 * `brooks-du-auction` (theorem, numeric) — [BrooksMaxmin2023], Brooks and Du
 * (2021): slides *Applying the bounds*, *Bounds for revenue maximization in auctions*, *Key facts
 * from simulations*, *Min potential type space*, *Optimal value function*, *The optimal potential*,
 * *Max guarantee mechanism*, *Proportional transfers*, *The revenue guarantee*, *Revenue guarantee
 * when N is large*.
 *
 * Seed claims: for a pure common value v ~ F (good must be sold), the discretized max-guarantee
 * lower bound (SVO⁺) and min-potential upper bound (IVO) "have approximately the same value when
 * Δ ≈ 0"; the optimal π has independent (exponential) signals; the proportional allocation
 * q_i = a_i/Σa is optimal; the common limit is R* = ∫_0^∞ ŵ(x) g_{N−1}(x) dx with F(ŵ) = G_N.
 *
 * Finite transcription (exact LPs and a certified bracket; src/constructions/brooksDu.ts gives every
 * formula and the reconstruction of the garbled ones). Class: N ∈ {2, 3} bidders, 1–3 values in
 * {0, 1/2, 1, 3/2, 2} with integer weights (F discrete), and a grid {0, Δ, …, KΔ}: either a small
 * grid (K ≤ 2, and K = 1 for N = 3; Δ ∈ {1, 2/3, 1/2, 1/3}) or the seed's grid Δ = 1/2, K = 1/Δ² = 4 (N = 2). The check:
 *  (a) lower ≤ R* ≤ upper: SVO⁺(grid) ≤ R* ≤ IVO(grid), with R* as a certified rational bracket
 *      (its transcendental Erlang quantiles bracketed with exact bounds on e^x) — a consequence of
 *      Brooks–Du's theorem (max guarantee = min potential = R*) and the validity of both bounds for
 *      every non-negative multiplier choice, hence for every grid;
 *  (b) on the seed's grid, the IVO and the switched-order SVO⁻ are exact LP duals (equal values;
 *      `svo-ivo-duality` checks the general finite pair on every case);
 *  (c) the IVO's optimal signal marginal is exactly the product of discretized standard exponentials
 *      h(k) = Δ(1 − Δ)^k (k < K), h(K) = (1 − Δ)^K — the neutrality rows force it (Key fact 2);
 *  (d) on the seed's grid, the proportional-allocation restriction of SVO⁺ is ≤ SVO⁺ (a consistency
 *      check of the two LPs; the tag says whether it attains it);
 *  (e) on the seed's grids, the gap IVO − SVO⁺ strictly decreases from Δ = 1 (K = 1) to Δ = 1/2
 *      (K = 4) when it is positive at Δ = 1 (with one value both gaps are 0) (Key fact 1, first step; the CLI `mechcheck brooks-du` continues the sequence
 *      Δ = 1/4, 1/8 for the table in docs/brooks-du.md).
 * "Approach each other as Δ → 0" is a limit statement: no finite check proves it; (a) and (e)
 * together with the table are the numerical evidence the seed itself offers.
 */
import fc from "fast-check";
import { auctionIvo, auctionSvo, type ClosedFormBracket, closedFormBracket, type CommonValueAuction, dyadicSeedGrid, signalMarginalMismatch } from "../robust/commonValueAuction.ts";
import type { LocalGrid } from "../robust/maxminBounds.ts";
import { type Q, q, qstr } from "../exact/rational.ts";
import type { CheckResult, Theorem } from "./types.ts";

export interface BrooksDuCase {
  readonly auction: CommonValueAuction;
  readonly grid: LocalGrid;
  /** the seed's grid (Δ = 1/2, K = 4): also compare with Δ = 1 */
  readonly seedGrid: boolean;
}

const VALUE_GRID = ["0", "1/2", "1", "3/2", "2"].map((s) => q(s));

const auctionArb = (maxN: number): fc.Arbitrary<CommonValueAuction> =>
  fc
    .record({
      N: maxN === 2 ? fc.constant(2) : fc.oneof({ weight: 3, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: fc.constant(3) }),
      idx: fc
        .oneof({ weight: 1, arbitrary: fc.constant(1) }, { weight: 9, arbitrary: fc.integer({ min: 2, max: 3 }) })
        .chain((m) => fc.uniqueArray(fc.integer({ min: 0, max: VALUE_GRID.length - 1 }), { minLength: m, maxLength: m })),
      w: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
    })
    .map(({ N, idx, w }) => {
      const sorted = idx.slice().sort((a, b) => a - b);
      const ws = sorted.map((_, k) => w[k]!);
      const W = ws.reduce((a, b) => a + b, 0);
      return { bidders: N, values: sorted.map((i) => VALUE_GRID[i]!), mu: ws.map((x) => q(x).div(q(W))) };
    });

const smallGrid = fc.record({ K: fc.integer({ min: 1, max: 2 }), delta: fc.constantFrom("1", "2/3", "1/2", "1/3").map((d) => q(d)) });

const cases: fc.Arbitrary<BrooksDuCase> = fc.oneof(
  {
    weight: 19,
    arbitrary: fc
      .record({ auction: auctionArb(3), grid: smallGrid })
      .map(({ auction, grid }) => ({ auction, grid: auction.bidders === 3 ? { K: 1, delta: grid.delta } : grid, seedGrid: false })),
  },
  { weight: 1, arbitrary: auctionArb(2).map((auction) => ({ auction, grid: dyadicSeedGrid(1), seedGrid: true })) },
);

/** Decide lo ≤ R* and R* ≤ hi with a certified bracket, refining until decided (R* is transcendental). */
function bracketFor(a: CommonValueAuction, lower: Q, upper: Q): { cf: ClosedFormBracket; decided: boolean } {
  let cf = closedFormBracket(a, "1/100000000");
  for (const width of ["1/10000000000000000", "1/10000000000000000000000000000000000000000"]) {
    const undecidedLow = lower.compare(cf.hi) <= 0 && lower.compare(cf.lo) > 0;
    const undecidedHigh = upper.compare(cf.lo) >= 0 && upper.compare(cf.hi) < 0;
    if (!undecidedLow && !undecidedHigh) break;
    cf = closedFormBracket(a, width);
  }
  const decided = !(lower.compare(cf.hi) <= 0 && lower.compare(cf.lo) > 0) && !(upper.compare(cf.lo) >= 0 && upper.compare(cf.hi) < 0);
  return { cf, decided };
}

export const brooksDuAuction: Theorem<BrooksDuCase> = {
  id: "brooks-du-auction",
  kind: "theorem",
  source: "[BrooksMaxmin2023, Key facts from simulations … Revenue guarantee when N is large]; [BrooksDu2021]",
  statement:
    "Common-value auction, good must be sold, discrete value distribution, N ≤ 3: for every grid {0, Δ, …, KΔ} the max-guarantee lower bound SVO⁺ ≤ R* = ∫ ŵ g_{N−1} (certified bracket) ≤ the min-potential upper bound IVO; IVO's optimal signals are iid discretized exponentials; on the seed's grid IVO = SVO⁻ (LP duals), the proportional restriction ≤ SVO⁺ and the gap IVO − SVO⁺ shrinks from Δ = 1 to Δ = 1/2.",
  arbitrary: cases,
  check: (x) => checkBrooksDu(x),
  codec: {
    encode: (c) => ({ bidders: c.auction.bidders, values: c.auction.values.map(qstr), mu: c.auction.mu.map(qstr), grid: { K: c.grid.K, delta: qstr(c.grid.delta) }, seedGrid: c.seedGrid }),
    decode: (j: any) => ({
      auction: { bidders: Number(j.bidders), values: j.values.map((s: string) => q(s)), mu: j.mu.map((s: string) => q(s)) },
      grid: { K: Number(j.grid.K), delta: q(String(j.grid.delta)) },
      seedGrid: Boolean(j.seedGrid),
    }),
  },
  defaultRuns: 200,
  negativeControls: [
    {
      name: "upper bound below the lower bound",
      why: "an IVO reporting SVO⁺ − 1/7 as the min-potential bound (two bidders, values {0, 1} equally likely, grid {0, 1}): it then lies below SVO⁺ ≤ R*, so 'R* ≤ IVO' must fail",
      input: (): BrooksDuCase => ({ auction: { bidders: 2, values: [q(0), q(1)], mu: [q(1).div(2), q(1).div(2)] }, grid: { K: 1, delta: q(1) }, seedGrid: false }),
      check: (x) => checkBrooksDu(x, { auctionIvo: (a, g) => ({ ...auctionIvo(a, g), value: auctionSvo(a, g, "plus").value.sub(q(1).div(7)) }) }),
    },
  ],
};

/** The check, with the IVO solver as a parameter (default: auctionIvo, exact). */
export function checkBrooksDu({ auction, grid, seedGrid }: BrooksDuCase, variant: { auctionIvo?: typeof auctionIvo } = {}): CheckResult {
  const ivo = variant.auctionIvo ?? auctionIvo;
  const U = ivo(auction, grid);
  const L = auctionSvo(auction, grid, "plus");
  const prop = seedGrid ? auctionSvo(auction, grid, "plus-proportional") : null;
  const dual = seedGrid ? auctionSvo(auction, grid, "minus") : null;
  const vals = { lower: qstr(L.value), ...(prop ? { proportional: qstr(prop.value) } : {}), upper: qstr(U.value), ...(dual ? { svoMinus: qstr(dual.value) } : {}) };
  if (dual && !dual.value.equals(U.value)) return { ok: false, violation: vals, message: `IVO = ${vals.upper} ≠ SVO⁻ = ${vals.svoMinus}: not LP duals` };
  const mm = signalMarginalMismatch(auction, grid, U.pi);
  if (mm !== null) return { ok: false, violation: { ...vals, t: mm.t, got: qstr(mm.got), want: qstr(mm.want) }, message: `IVO's signal marginal at t = (${mm.t.join(",")}) is ${qstr(mm.got)}, not the discretized exponential ${qstr(mm.want)}` };
  if (prop && prop.value.compare(L.value) > 0) return { ok: false, violation: vals, message: `the proportional restriction ${qstr(prop.value)} exceeds SVO⁺ ${vals.lower}` };
  const { cf, decided } = bracketFor(auction, L.value, U.value);
  const cfv = { closedFormLo: qstr(cf.lo), closedFormHi: qstr(cf.hi) };
  if (!decided) throw new Error(`closed form bracket [${cfv.closedFormLo}, ${cfv.closedFormHi}] cannot separate it from the LP bounds`);
  if (L.value.compare(cf.hi) > 0) return { ok: false, violation: { ...vals, ...cfv }, message: `lower bound SVO⁺ = ${vals.lower} > R* ∈ [${cfv.closedFormLo}, ${cfv.closedFormHi}]` };
  if (U.value.compare(cf.lo) < 0) return { ok: false, violation: { ...vals, ...cfv }, message: `upper bound IVO = ${vals.upper} < R* ∈ [${cfv.closedFormLo}, ${cfv.closedFormHi}]` };
  const where = auction.values.length === 1 ? "one value (bounds = v)" : seedGrid ? "seed grid Δ=1/2 vs Δ=1" : `N=${auction.bidders}, small grid`;
  let coarse: { lower: string; upper: string } | undefined;
  if (seedGrid) {
    const g1 = dyadicSeedGrid(0);
    const U1 = ivo(auction, g1).value;
    const L1 = auctionSvo(auction, g1, "plus").value;
    coarse = { lower: qstr(L1), upper: qstr(U1) };
    const gap = U.value.sub(L.value);
    const gap1 = U1.sub(L1);
    if (gap1.n === 0n ? gap.n !== 0n : gap.compare(gap1) >= 0) return { ok: false, violation: { ...vals, coarse }, message: `gap at Δ = 1/2 (${qstr(U.value.sub(L.value))}) is not below the gap at Δ = 1 (${qstr(gap1)})` };
  }
  const tag = prop ? `${where}; proportional ${prop.value.equals(L.value) ? "= SVO⁺" : "< SVO⁺"}` : where;
  return { ok: true, tag, certificate: { ...vals, ...cfv, ...(coarse ? { coarse } : {}), quantiles: cf.quantiles.map(([a, b]) => [qstr(a), qstr(b)]) } };

}
