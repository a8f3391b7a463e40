/**
 * Parameterized families of finite domains for the impossibility atlas (atlas.ts). Each family
 * lists its domains for a parameter range 1…maxK (grid size K or number of agents n) and its
 * variants (tie rules, prior families); a domain is an environment, beliefs, and optionally the
 * lottery the `efficient` axiom prescribes at ties.
 *
 *  - trade: bilateral trade on {0,…,K}², the seller keeps the good (IR levels 0 and θ_S), ties
 *    b = s resolved by "trade", "no-trade", "split" (1/2) or "any" (every lottery allowed); priors
 *    uniform or "tent" (μ(k) ∝ min(k+1, K+1−k): mass in the middle), independent.
 *    The Green–Laffont and Myerson–Satterthwaite grid tables [GreenLaffont1977,
 *    MyersonSatterthwaite1983] are two rows of this family.
 *  - public-good: n agents, values {0, 1, 2} each, cost c = n shared equally (v_i = θ_i − 1 if
 *    provided), uniform independent priors; parameter n.
 *  - auction: single object, n = 2 or 3 bidders (variants), values {0,…,K}, uniform independent
 *    priors, the seller not an agent (budget balance among the bidders: redistribution); parameter K.
 *  - partnership: n = 2 or 3 equal partners (shares 1/n, outside option θ_i/n) dissolving an asset
 *    valued {0,…,K} [CramtonGibbonsKlemperer1987], uniform priors; parameter K.
 */
import { MechcheckError } from "../errors.ts";
import { ONE, q, type Q, ZERO } from "../exact/rational.ts";
import type { Beliefs, Environment } from "../model/environment.ts";
import { productPrior } from "../model/environment.ts";
import { allProfiles } from "../model/profiles.ts";
import { efficientTradeAllocation, integerGrid, tradeEnv, type TieRule } from "../trade/tradeGrids.ts";
import { partnershipEnvironment } from "../trade/partnership.ts";
import type { Axiom } from "./axioms.ts";

/**
 * One finite domain of an atlas family: a stable id, its variant and parameter, the environment,
 * beliefs and, optionally, the lottery `efficient` prescribes at ties.
 */
export interface Domain {
  /** Stable id, e.g. "trade/ties=any/prior=uniform/K=3". */
  readonly id: string;
  readonly family: string;
  /** The variant (everything but the parameter), e.g. "ties=any, prior=uniform". */
  readonly variant: string;
  readonly param: number;
  readonly env: Environment;
  readonly beliefs: Beliefs;
  readonly tieLottery?: readonly (readonly Q[])[];
}

/**
 * A parameterized family of finite domains for the impossibility atlas: its name, parameter,
 * default axioms and range, and its domains up to a parameter.
 */
export interface Family {
  readonly name: string;
  readonly paramName: string;
  readonly description: string;
  readonly defaultAxioms: readonly Axiom[];
  readonly defaultMaxK: number;
  /** Largest parameter accepted (LP size). */
  readonly limitK: number;
  readonly minK: number;
  /** The family's domains for every parameter up to maxK (and every variant), in a stable order. */
  domains(maxK: number): Domain[];
}

/** The priors of the trade family: uniform, or "tent" (mass in the middle). */
export type PriorFamily = "uniform" | "tent";
const TIES: readonly (TieRule | "any")[] = ["trade", "no-trade", "split", "any"];
const PRIORS: readonly PriorFamily[] = ["uniform", "tent"];

function uniform(m: number): Q[] {
  return Array.from({ length: m }, () => ONE.div(q(m)));
}
/** μ(k) ∝ min(k + 1, m − k), k = 0…m−1. */
function tent(m: number): Q[] {
  const w = Array.from({ length: m }, (_, k) => q(Math.min(k + 1, m - k)));
  const t = w.reduce((a, b) => a.add(b), ZERO);
  return w.map((x) => x.div(t));
}
function marginal(p: PriorFamily, m: number): Q[] {
  return p === "uniform" ? uniform(m) : tent(m);
}

function tradeDomain(K: number, ties: TieRule | "any", prior: PriorFamily): Domain {
  const g = integerGrid(K);
  const env = tradeEnv(g, g);
  const m = marginal(prior, K + 1);
  return {
    id: `trade/ties=${ties}/prior=${prior}/K=${K}`,
    family: "trade",
    variant: `ties=${ties}, prior=${prior}`,
    param: K,
    env,
    beliefs: { kind: "common-prior", prior: productPrior([m, m]) },
    ...(ties === "any" ? {} : { tieLottery: efficientTradeAllocation(g, g, ties) }),
  };
}

const VALUES3 = [q(0), q(1), q(2)];

/**
 * The atlas's public-good domain with n agents: values {0, 1, 2}, cost n shared equally, uniform
 * independent priors.
 */
export function publicGoodDomain(n: number): Domain {
  const sizes = Array.from({ length: n }, () => 3);
  const profiles = [...allProfiles(sizes)];
  const env: Environment = {
    agents: Array.from({ length: n }, (_, i) => `a${i + 1}`),
    types: sizes.map(() => VALUES3.map((v) => v.toFraction())),
    typeValues: sizes.map(() => VALUES3.slice()),
    decisions: ["provide", "not"],
    valuation: sizes.map((_, i) => profiles.map((p) => [VALUES3[p[i]!]!.sub(ONE), ZERO])),
  };
  return { id: `public-good/n=${n}`, family: "public-good", variant: "values {0,1,2}, cost n", param: n, env, beliefs: { kind: "common-prior", prior: productPrior(sizes.map(() => uniform(3))) } };
}

/** {0, 1, …, K} as rationals. */
function grid(K: number): Q[] {
  return Array.from({ length: K + 1 }, (_, k) => q(k));
}

/**
 * The atlas's single-object auction domain with n bidders and values {0, …, K}, uniform independent
 * priors (the seller is not an agent).
 */
export function auctionDomain(K: number, n: number): Domain {
  const vals = grid(K);
  const sizes = Array.from({ length: n }, () => K + 1);
  const profiles = [...allProfiles(sizes)];
  const decisions = [...sizes.map((_, i) => `to b${i + 1}`), "keep"];
  const env: Environment = {
    agents: Array.from({ length: n }, (_, i) => `b${i + 1}`),
    types: sizes.map(() => vals.map((v) => v.toFraction())),
    typeValues: sizes.map(() => vals.slice()),
    decisions,
    valuation: sizes.map((_, i) => profiles.map((p) => decisions.map((_, d) => (d === i ? vals[p[i]!]! : ZERO)))),
  };
  return { id: `auction/n=${n}/K=${K}`, family: "auction", variant: `n=${n}`, param: K, env, beliefs: { kind: "common-prior", prior: productPrior(sizes.map(() => uniform(K + 1))) } };
}

function partnershipDomain(K: number, n: number): Domain {
  const env = partnershipEnvironment(grid(K), Array.from({ length: n }, () => ONE.div(q(n))));
  return { id: `partnership/n=${n}/K=${K}`, family: "partnership", variant: `n=${n}`, param: K, env, beliefs: { kind: "common-prior", prior: productPrior(Array.from({ length: n }, () => uniform(K + 1))) } };
}

/** The atlas's families by name: trade, public-good, auction and partnership (see the module comment). */
export const FAMILIES: Readonly<Record<string, Family>> = {
  trade: {
    name: "trade",
    paramName: "K",
    description: "bilateral trade on {0,…,K}², seller keeps the good; ties trade / no-trade / split / any lottery; priors uniform / tent",
    defaultAxioms: ["efficient", "dsic", "bic", "ex-post-ir", "interim-ir", "ex-post-bb"],
    defaultMaxK: 6,
    limitK: 12,
    minK: 1,
    domains: (maxK) => PRIORS.flatMap((p) => TIES.flatMap((t) => range(1, maxK).map((K) => tradeDomain(K, t, p)))),
  },
  "public-good": {
    name: "public-good",
    paramName: "n",
    description: "public good, n agents with values {0,1,2}, cost n shared equally, uniform priors",
    defaultAxioms: ["efficient", "dsic", "bic", "ex-post-ir", "interim-ir", "ex-post-bb", "anonymous"],
    defaultMaxK: 3,
    limitK: 5,
    minK: 1,
    domains: (maxK) => range(1, maxK).map(publicGoodDomain),
  },
  auction: {
    name: "auction",
    paramName: "K",
    description: "single object, n = 2 or 3 bidders with values {0,…,K}, uniform priors; the seller is not an agent (budget balance among the bidders)",
    defaultAxioms: ["efficient", "dsic", "bic", "ex-post-ir", "ex-post-bb", "no-deficit", "anonymous"],
    defaultMaxK: 4,
    limitK: 6,
    minK: 1,
    domains: (maxK) => [2, 3].flatMap((n) => range(1, maxK).map((K) => auctionDomain(K, n))),
  },
  partnership: {
    name: "partnership",
    paramName: "K",
    description: "n = 2 or 3 equal partners dissolving an asset valued {0,…,K} (outside option θ_i/n), uniform priors",
    defaultAxioms: ["efficient", "dsic", "bic", "ex-post-ir", "interim-ir", "ex-post-bb", "anonymous"],
    defaultMaxK: 4,
    limitK: 6,
    minK: 1,
    domains: (maxK) => [2, 3].flatMap((n) => range(1, maxK).map((K) => partnershipDomain(K, n))),
  },
};

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k <= b; k++) out.push(k);
  return out;
}

/** The atlas family of that name; an unknown name is a MechcheckError "unknown-family" listing the known ones. */
export function familyByName(name: string): Family {
  if (!Object.hasOwn(FAMILIES, name)) throw new MechcheckError("unknown-family", `atlas: unknown family ${JSON.stringify(name)} (known: ${Object.keys(FAMILIES).join(", ")})`, { path: "family", value: name });
  return FAMILIES[name]!;
}

/**
 * Check that a parameter bound is an integer in the family's accepted range; otherwise a
 * MechcheckError "usage" naming the range.
 */
export function checkMaxK(f: Family, maxK: number): void {
  if (!Number.isSafeInteger(maxK) || maxK < f.minK || maxK > f.limitK) throw new MechcheckError("usage", `atlas ${f.name}: --max-k must be an integer in ${f.minK}…${f.limitK}, got ${maxK}`, { path: "--max-k", value: maxK });
}
