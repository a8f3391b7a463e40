/**
 * Standard single-object auctions on finite grids ([BernardMD3, *Incentive Compatibility Constraints*],
 * [BrooksMaxmin2023, *Generalized revenue equivalence*], [Mishra2020, *IC Characterization*]: first-price,
 * second-price and all-pay auctions; [Mishra2020, CGK]: "highest bidder pays her bid, her bid is equally
 * divided between all" — kind "bid-split").
 *
 * At a bid profile the highest bid wins (ties: split uniformly, or the lowest index), and
 *   first-price:  the winner pays her bid;          second-price: the winner pays the highest other bid;
 *   all-pay:      everybody pays her bid;            bid-split:    the winner pays her bid and every
 *                                                                   agent (winner included) receives bid/n.
 * With a uniform tie split the payments are the expectations over the tie lottery.
 *
 * Three forms: the outcome at a bid profile; the direct mechanism on a single-object environment
 * for a given bid function b_i(θ_i) (default truthful, b = value); the indirect mechanism with
 * finite bid sets. `symmetricPureEquilibria` searches a symmetric IPV grid for pure symmetric
 * Bayes–Nash equilibria by exhaustion. On grids a pure symmetric equilibrium need not exist — the
 * continuous equilibrium bids are off the grid, and ties invite undercutting/overbidding, so the
 * grid game may only have mixed equilibria (tested examples: all-pay with a single value 1 and bids
 * {0, 1/4, …, 1}; first-price with two bidders, values {0, 2} equally likely, bids {0, 1/4, …, 2}).
 * An empty list is then the exact answer for pure strategies; mixed equilibria are not searched.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, type Q, type QInput, qstr, ZERO } from "../exact/rational.ts";
import { typeSizes, type DirectMechanism, type Environment, type IndirectMechanism } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { probabilityVector } from "../model/independence.ts";
import { requireTypeValues } from "../model/singleObject.ts";

/**
 * A single-object auction on a grid: first-price, second-price, all-pay, or bid-split (the winner
 * pays her bid, which is divided among all; [Mishra2020, CGK]).
 */
export type AuctionKind = "first-price" | "second-price" | "all-pay" | "bid-split";
/** How a grid auction breaks ties at the highest bid: split uniformly, or to the lowest index. */
export type AuctionTie = "uniform" | "lowest-index";

const KINDS: readonly AuctionKind[] = ["first-price", "second-price", "all-pay", "bid-split"];

function requireKind(kind: AuctionKind): void {
  if (!KINDS.includes(kind)) throw new MechcheckError("bad-option", `kind: ${JSON.stringify(kind)} is not one of ${KINDS.join(", ")}`, { path: "kind", value: kind });
}

/** Outcome at a bid profile: win probability per agent and expected payment per agent. */
export function auctionOutcome(kind: AuctionKind, bids: readonly Q[], tie: AuctionTie = "uniform"): { readonly win: Q[]; readonly payments: Q[] } {
  requireKind(kind);
  const n = bids.length;
  const top = bids.reduce((a, b) => (b.compare(a) > 0 ? b : a));
  const tied = bids.map((b, i) => (b.equals(top) ? i : -1)).filter((i) => i >= 0);
  const winners = tie === "uniform" ? tied : [tied[0]!];
  const share = ONE.div(q(winners.length));
  const win = bids.map((_, i) => (winners.includes(i) ? share : ZERO));
  const payments = bids.map(() => ZERO);
  for (const w of winners) {
    let price: Q;
    if (kind === "second-price") {
      const others = bids.filter((_, j) => j !== w);
      price = others.length === 0 ? ZERO : others.reduce((a, b) => (b.compare(a) > 0 ? b : a));
    } else price = bids[w]!;
    if (kind !== "all-pay") payments[w] = payments[w]!.add(share.mul(price));
    if (kind === "bid-split") for (let i = 0; i < n; i++) payments[i] = payments[i]!.sub(share.mul(price).div(q(n)));
  }
  if (kind === "all-pay") bids.forEach((b, i) => (payments[i] = b));
  return { win, payments };
}

function parseBidFunction(env: Environment, bids: readonly (readonly QInput[])[] | undefined, values: readonly (readonly Q[])[]): Q[][] {
  if (bids === undefined) return values.map((r) => r.slice());
  const sizes = typeSizes(env);
  if (!Array.isArray(bids) || bids.length !== sizes.length) throw new MechcheckError("dimension", `bids: expected one bid function per agent (${sizes.length})`, { path: "bids", value: Array.isArray(bids) ? bids.length : bids });
  return bids.map((row, i) => {
    if (!Array.isArray(row) || row.length !== sizes[i]) throw new MechcheckError("dimension", `bids[${i}]: expected ${sizes[i]} bids (one per type)`, { path: `bids[${i}]`, value: Array.isArray(row) ? row.length : row });
    return row.map((b, k) => q(b, `bids[${i}][${k}]`));
  });
}

/**
 * The direct mechanism "report θ, bid b_i(θ_i)" on a single-object environment: allocation[θ][i] =
 * win probability of agent i (a "nobody" decision, if present, gets 0), payments as above.
 */
export function auctionDirectMechanism(env: Environment, kind: AuctionKind, opts: { readonly bids?: readonly (readonly QInput[])[]; readonly tie?: AuctionTie } = {}): DirectMechanism {
  requireKind(kind);
  const values = requireTypeValues(env);
  const bidFn = parseBidFunction(env, opts.bids, values);
  const allocation: Q[][] = [];
  const payments: Q[][] = [];
  for (const prof of allProfiles(typeSizes(env))) {
    const out = auctionOutcome(kind, prof.map((k, i) => bidFn[i]![k]!), opts.tie ?? "uniform");
    allocation.push(env.decisions.map((_, d) => (d < out.win.length ? out.win[d]! : ZERO)));
    payments.push(out.payments);
  }
  return { kind: "direct", allocation, payments };
}

/** The indirect mechanism with finite bid sets (actions labelled by the bids); decisions = agents. */
export function auctionIndirectMechanism(kind: AuctionKind, bidSets: readonly (readonly QInput[])[], opts: { readonly tie?: AuctionTie } = {}): IndirectMechanism {
  requireKind(kind);
  if (!Array.isArray(bidSets) || bidSets.length === 0) throw new MechcheckError("dimension", "bidSets: expected one nonempty bid set per agent", { path: "bidSets", value: bidSets });
  const sets = bidSets.map((row, i) => {
    if (!Array.isArray(row) || row.length === 0) throw new MechcheckError("dimension", `bidSets[${i}]: expected a nonempty list of bids`, { path: `bidSets[${i}]`, value: row });
    return row.map((b, k) => q(b, `bidSets[${i}][${k}]`));
  });
  const outcome: Q[][] = [];
  const payments: Q[][] = [];
  for (const prof of allProfiles(sets.map((s) => s.length))) {
    const out = auctionOutcome(kind, prof.map((k, i) => sets[i]![k]!), opts.tie ?? "uniform");
    outcome.push(out.win);
    payments.push(out.payments);
  }
  return { kind: "indirect", actions: sets.map((s) => s.map(qstr)), outcome, payments };
}

/**
 * The result of an exhaustive search for pure symmetric Bayes–Nash equilibria of a grid auction:
 * every equilibrium found (bid index per value type) and how many candidates were examined; an
 * empty list is the exact answer for pure strategies.
 */
export interface SymmetricEquilibriumSearch {
  /** Each equilibrium: strategy[v] = index into the bid set of the bid of value-type v. */
  readonly equilibria: readonly (readonly number[])[];
  /** How many candidate strategies were examined. */
  readonly examined: number;
}

/**
 * Pure symmetric Bayes–Nash equilibria of an auction with n bidders whose values are i.i.d. on the
 * grid `values` with pmf `marginal`, bids restricted to `bidSet`: every strategy β: values → bidSet
 * (nondecreasing only, by default; then `values` must increase) is tested exactly, ties split
 * uniformly (the only symmetric tie rule) — every type (also of probability 0) must
 * play a best response to n−1 opponents using β. `limit` caps the number of candidates (throws
 * MechcheckError "too-large" beyond it).
 */
export function symmetricPureEquilibria(
  kind: AuctionKind,
  n: number,
  valuesInput: readonly QInput[],
  marginalInput: readonly QInput[],
  bidSetInput: readonly QInput[],
  opts: { readonly monotoneOnly?: boolean; readonly limit?: number } = {},
): SymmetricEquilibriumSearch {
  requireKind(kind);
  if (!Number.isInteger(n) || n < 2) throw new MechcheckError("too-few-agents", `n: expected an integer ≥ 2, got ${n}`, { path: "n", value: n });
  const values = valuesInput.map((v, k) => q(v, `values[${k}]`));
  const marginal = probabilityVector(marginalInput, "marginal", values.length);
  const bidSet = bidSetInput.map((b, k) => q(b, `bidSet[${k}]`));
  if (bidSet.length === 0) throw new MechcheckError("dimension", "bidSet: expected at least one bid", { path: "bidSet", value: 0 });
  const V = values.length;
  const B = bidSet.length;
  const monotone = opts.monotoneOnly ?? true;
  const limit = opts.limit ?? 20000;
  const count = monotone ? binomial(B + V - 1, V) : B ** V;
  if (count > limit) throw new MechcheckError("too-large", `symmetricPureEquilibria: ${count} candidate strategies exceed the limit ${limit}`, { path: "limit", value: count });
  const tie: AuctionTie = "uniform"; // a symmetric game: ties split uniformly
  if (monotone) {
    for (let k = 1; k < V; k++) {
      if (values[k]!.compare(values[k - 1]!) <= 0) throw new MechcheckError("not-increasing", `values[${k}]: with monotoneOnly the value grid must be strictly increasing (${qstr(values[k - 1]!)} then ${qstr(values[k]!)})`, { path: `values[${k}]`, value: qstr(values[k]!) });
    }
    for (let k = 1; k < B; k++) {
      if (bidSet[k]!.compare(bidSet[k - 1]!) <= 0) throw new MechcheckError("not-increasing", `bidSet[${k}]: with monotoneOnly the bid set must be strictly increasing (${qstr(bidSet[k - 1]!)} then ${qstr(bidSet[k]!)})`, { path: `bidSet[${k}]`, value: qstr(bidSet[k]!) });
    }
  }
  // Outcome tables by bid-index profile: bidder 0's win probability and payment against the others.
  const profiles = [...allProfiles(Array.from({ length: n }, () => B))];
  const own = profiles.map((p) => auctionOutcome(kind, p.map((k) => bidSet[k]!), tie));
  const equilibria: number[][] = [];
  let examined = 0;
  for (const beta of strategies(V, B, monotone)) {
    examined++;
    // distribution of one opponent's bid index under β
    const dist = Array.from({ length: B }, () => ZERO);
    beta.forEach((b, v) => (dist[b] = dist[b]!.add(marginal[v]!)));
    // for each own bid: P(win) and E[payment], others i.i.d. from dist
    const pw = Array.from({ length: B }, () => ZERO);
    const ep = Array.from({ length: B }, () => ZERO);
    profiles.forEach((p, idx) => {
      let pr = ONE;
      for (let j = 1; j < n; j++) pr = pr.mul(dist[p[j]!]!);
      if (pr.n === 0n) return;
      pw[p[0]!] = pw[p[0]!]!.add(pr.mul(own[idx]!.win[0]!));
      ep[p[0]!] = ep[p[0]!]!.add(pr.mul(own[idx]!.payments[0]!));
    });
    let ok = true;
    for (let v = 0; v < V && ok; v++) {
      const u = (b: number) => values[v]!.mul(pw[b]!).sub(ep[b]!);
      const mine = u(beta[v]!);
      for (let b = 0; b < B; b++) if (u(b).compare(mine) > 0) { ok = false; break; }
    }
    if (ok) equilibria.push(beta.slice());
  }
  return { equilibria, examined };
}

function binomial(a: number, b: number): number {
  let r = 1;
  for (let k = 1; k <= b; k++) r = (r * (a - b + k)) / k;
  return Math.round(r);
}

function* strategies(V: number, B: number, monotone: boolean): Generator<number[]> {
  const cur = new Array<number>(V).fill(0);
  function* rec(v: number, min: number): Generator<number[]> {
    if (v === V) {
      yield cur.slice();
      return;
    }
    for (let b = monotone ? min : 0; b < B; b++) {
      cur[v] = b;
      yield* rec(v + 1, monotone ? b : 0);
    }
  }
  yield* rec(0, 0);
}
