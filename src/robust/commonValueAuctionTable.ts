/**
 * The Brooks–Du convergence table ([BrooksMaxmin2023, *Key facts from simulations* 1]: "the programs have
 * approximately the same value when Δ ≈ 0"): for Δ = 1, 1/2, 1/4, … on the notes' grids
 * {0, Δ, …, 1/Δ} (K = 1/Δ²), the exact values of the max-guarantee lower bound SVO⁺, its
 * proportional-allocation restriction, the min-potential upper bound IVO (and optionally the dual
 * SVO⁻), against the closed form R* = ∫ ŵ g_{N−1} as a certified bracket. Each row is checked:
 * SVO⁺ ≤ R* ≤ IVO (certified), the proportional value ≤ SVO⁺, IVO's signal marginal is the
 * discretized exponential, and (if computed) SVO⁻ = IVO; the gaps must decrease down the table.
 */
import { type Q, qstr } from "../exact/rational.ts";
import { auctionIvo, auctionSvo, closedFormBracket, type ClosedFormBracket, type CommonValueAuction, dyadicSeedGrid, signalMarginalMismatch, uniformClosedForm } from "./commonValueAuction.ts";

/**
 * One row of the Brooks–Du convergence table ([BrooksMaxmin2023, *Key facts from simulations*]):
 * the grid (Δ, K, profiles), the exact lower bound SVO⁺, the proportional value, the upper bound
 * IVO, optionally SVO⁻, the gap, the time, and the problems found (empty = all checks passed).
 */
export interface BrooksDuRow {
  readonly k: number;
  readonly delta: Q;
  readonly K: number;
  readonly profiles: number;
  readonly lower: Q;
  readonly proportional: Q | null;
  readonly upper: Q;
  readonly svoMinus: Q | null;
  readonly gap: Q;
  readonly ms: number;
  /** problems found on this row (empty = all checks passed) */
  readonly problems: string[];
}

/**
 * The Brooks–Du convergence table: the auction, the closed form R* as a certified bracket, the
 * continuous uniform reference, the rows, and every problem found.
 */
export interface BrooksDuTable {
  readonly auction: CommonValueAuction;
  readonly closedForm: ClosedFormBracket;
  /** R* for the continuous uniform value on [0, 1], for reference (exact) */
  readonly uniformReference: Q;
  readonly rows: BrooksDuRow[];
  readonly problems: string[];
}

/**
 * Options of `brooksDuTable`: the number of rows, whether to compute the proportional and dual
 * (SVO⁻) columns, and a callback per row.
 */
export interface TableOptions {
  readonly maxK: number;
  readonly proportional?: boolean;
  readonly dual?: boolean;
  /** Called with each row as soon as it is computed (e.g. to print progress). */
  readonly onRow?: (r: BrooksDuRow) => void;
}

/**
 * The Brooks–Du convergence table ([BrooksMaxmin2023, *Key facts from simulations*]) for Δ = 1,
 * 1/2, 1/4, …: exact bounds against the certified closed form, each row checked (SVO⁺ ≤ R* ≤ IVO,
 * gaps decreasing) with any failure listed in `problems`.
 */
export function brooksDuTable(auction: CommonValueAuction, opts: TableOptions): BrooksDuTable {
  const cfFine = closedFormBracket(auction, "1/1000000000000000000000000000000");
  const rows: BrooksDuRow[] = [];
  const problems: string[] = [];
  for (let k = 0; k <= opts.maxK; k++) {
    const grid = dyadicSeedGrid(k);
    const t0 = performance.now();
    const U = auctionIvo(auction, grid);
    const L = auctionSvo(auction, grid, "plus");
    const P = opts.proportional === false ? null : auctionSvo(auction, grid, "plus-proportional");
    const D = opts.dual ? auctionSvo(auction, grid, "minus") : null;
    const ms = Math.round(performance.now() - t0);
    const rp: string[] = [];
    if (L.value.compare(cfFine.hi) > 0) rp.push(`lower bound ${qstr(L.value)} exceeds R* ≤ ${qstr(cfFine.hi)}`);
    else if (L.value.compare(cfFine.lo) > 0) rp.push("lower bound not separated from R* by the bracket");
    if (U.value.compare(cfFine.lo) < 0) rp.push(`upper bound ${qstr(U.value)} below R* ≥ ${qstr(cfFine.lo)}`);
    else if (U.value.compare(cfFine.hi) < 0) rp.push("upper bound not separated from R* by the bracket");
    if (P && P.value.compare(L.value) > 0) rp.push("proportional value exceeds SVO⁺");
    if (D && !D.value.equals(U.value)) rp.push(`SVO⁻ ${qstr(D.value)} ≠ IVO ${qstr(U.value)}`);
    if (signalMarginalMismatch(auction, grid, U.pi) !== null) rp.push("IVO's signal marginal is not the discretized exponential");
    const row: BrooksDuRow = {
      k,
      delta: grid.delta,
      K: grid.K,
      profiles: (grid.K + 1) ** auction.bidders,
      lower: L.value,
      proportional: P ? P.value : null,
      upper: U.value,
      svoMinus: D ? D.value : null,
      gap: U.value.sub(L.value),
      ms,
      problems: rp,
    };
    const prev = rows[rows.length - 1];
    if (prev && !(row.gap.compare(prev.gap) < 0 || (prev.gap.n === 0n && row.gap.n === 0n))) rp.push(`gap ${qstr(row.gap)} does not decrease from ${qstr(prev.gap)}`);
    rows.push(row);
    problems.push(...rp.map((p) => `Δ = ${qstr(grid.delta)}: ${p}`));
    opts.onRow?.(row);
  }
  return { auction, closedForm: cfFine, uniformReference: uniformClosedForm(auction.bidders), rows, problems };
}

/** floor (dir = "down") or ceiling (dir = "up") of x to `digits` decimals, exactly, as a string. */
export function decimal(x: Q, digits: number, dir: "down" | "up" | "nearest" = "nearest"): string {
  const scale = 10n ** BigInt(digits);
  const num = x.s < 0n ? -x.n : x.n;
  const den = x.d;
  let v = (num * scale) / den; // toward zero
  const exact = v * den === num * scale;
  if (!exact) {
    if (num < 0n && dir === "down") v -= 1n;
    else if (num > 0n && dir === "up") v += 1n;
    else if (dir === "nearest") {
      const twice = 2n * (num * scale - v * den);
      if ((num > 0n && twice >= den) || (num < 0n && -twice >= den)) v += num > 0n ? 1n : -1n;
    }
  }
  const neg = v < 0n;
  const a = (neg ? -v : v).toString().padStart(digits + 1, "0");
  return `${neg ? "-" : ""}${a.slice(0, a.length - digits)}.${a.slice(a.length - digits)}`;
}
