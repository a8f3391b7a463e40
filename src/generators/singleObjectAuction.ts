/**
 * Single-object auctions with private values on a value grid ([BrooksExPost2023, *Auctions with ex post
 * implementation*]: "values v_i ∈ V, evenly spaced in increments of Δ"; [BernardMD3, *Auction of an
 * Indivisible Good*]; [Mishra2020, *IC Characterization*]).
 */
import fc from "fast-check";
import type { Q, QInput } from "../exact/rational.ts";
import { ONE, ZERO, q, qstr } from "../exact/rational.ts";
import { MechcheckError } from "../errors.ts";
import type { Environment } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { agentLabels } from "./options.ts";

/**
 * Options of `singleObjectAuction`: the number of bidders, the grid size K and step Δ (values Δ,
 * 2Δ, …, KΔ), and whether every bidder has the same grid.
 */
export interface AuctionOptions {
  /** Most bidders (default 3). */
  readonly maxAgents?: number;
  /** Fewest bidders (default 1). */
  readonly minAgents?: number;
  /** Most grid points K (default 3). */
  readonly maxTypes?: number;
  /** Fewest grid points (default 1). */
  readonly minTypes?: number;
  /** Grid step Δ > 0 (default 1): values are {Δ, 2Δ, …, KΔ}. */
  readonly delta?: QInput;
  /** Same grid for every bidder (default true); false draws K_i per bidder. */
  readonly symmetric?: boolean;
}

/** The label of decision "bidder i wins". */
export function winsLabel(i: number): string {
  return `bidder ${i + 1} wins`;
}
/** The label of the "no sale" decision of a single-object auction. */
export const NO_SALE = "no sale";

/** The auction environment for given grid sizes K_i and step Δ (deterministic; exported for examples). */
export function auctionEnvironment(gridSizes: readonly number[], delta: Q = ONE): Environment {
  const n = gridSizes.length;
  const typeValues = gridSizes.map((K) => Array.from({ length: K }, (_, k) => delta.mul(q(k + 1))));
  const decisions = [...gridSizes.map((_, i) => winsLabel(i)), NO_SALE];
  const profiles = [...allProfiles(gridSizes)];
  return {
    agents: agentLabels(n),
    types: typeValues.map((vs) => vs.map(qstr)),
    typeValues,
    decisions,
    valuation: gridSizes.map((_, i) => profiles.map((p) => decisions.map((_, d) => (d === i ? typeValues[i]![p[i]!]! : ZERO)))),
  };
}

/**
 * A random single-object auction: n bidders, decisions "bidder i wins" (i = 1..n) and "no sale",
 * v_i(bidder j wins, v) = v_i·[i = j]; typeValues set to the grid. Shrinks bidders first, then K.
 */
export function singleObjectAuction(opts: AuctionOptions = {}): fc.Arbitrary<Environment> {
  const minA = opts.minAgents ?? 1;
  const maxA = opts.maxAgents ?? 3;
  const minK = opts.minTypes ?? 1;
  const maxK = opts.maxTypes ?? 3;
  const delta = q(opts.delta ?? 1, "delta");
  if (delta.compare(ZERO) <= 0) throw new MechcheckError("bad-generator-option", "singleObjectAuction: delta must be positive", { path: "delta" });
  if (!(minA >= 1 && maxA >= minA && minK >= 1 && maxK >= minK)) {
    throw new MechcheckError("bad-generator-option", "singleObjectAuction: need 1 ≤ minAgents ≤ maxAgents and 1 ≤ minTypes ≤ maxTypes", { value: opts });
  }
  const sizes: fc.Arbitrary<number[]> =
    opts.symmetric === false
      ? fc.array(fc.integer({ min: minK, max: maxK }), { minLength: minA, maxLength: maxA })
      : fc.tuple(fc.integer({ min: minA, max: maxA }), fc.integer({ min: minK, max: maxK })).map(([n, K]) => new Array<number>(n).fill(K));
  return sizes.map((gs) => auctionEnvironment(gs, delta));
}
