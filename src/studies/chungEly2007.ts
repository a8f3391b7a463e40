/**
 * The Chung–Ely (2007) study (`mechcheck study ce2007 [--n N] [--K K] [--seed S] [--weights w,…] [--json]`, alias `mechcheck ce2007`): Chung and Ely (2007) on
 * one prior, exactly ([BrooksExPost2023, slides *Profit maximization with
 * ex post implementation*, *Regular case*, *Chung and Ely (2007)*, *Deriving π\**, *Noisy
 * concordance in the maxmin beliefs*]; docs/ce2007.md).
 *
 * Prints, for n bidders with values {1, …, K} and a full-support prior f:
 *   - value(P): the optimal ex post (EPIC, EPIR, all reports) auction LP, solved exactly, its
 *     optimal mechanism re-checked against every constraint;
 *   - value(P′ on π\*): the optimal BIC / interim-IR auction for bidders with the maxmin beliefs π\*
 *     and the seller's objective f, solved exactly, re-checked;
 *   - LVV(f) = Σ_v f(v)·max(0, max_i φ̃_i(v)) from the local virtual values, with the local
 *     multipliers re-checked as a dual solution of (P) and of (P′) (so both values are ≤ LVV);
 *   - whether a pointwise maximizer of Σ_i q_i φ̃_i is monotone (then all three are equal:
 *     the saddle point of the slides), π\*, whether it admits a common prior, and the slide's
 *     noisy-concordance multipliers re-checked.
 * Instance: by default the documented one (n = 2, K = 3, weights 6 3 1 / 3 4 3 / 1 3 6); --seed S
 * (default 1 when --n or --K differ from 2, 3) draws a random regular correlated prior
 * (`randomRegularPrior` of optimalExPostAuction.ts) for --n ≤ 3, --K ≤ 6 (at most 64 profiles);
 * --weights gives positive integer weights for the Kⁿ profiles (profiles.ts order: bidder n's
 * value varies fastest; for n = 2 that is row by row, rows v_1).
 * Exit 0 when every certificate checks (whatever the values), 1 if one fails, 2 on bad input.
 */
import { MechcheckError } from "../errors.ts";
import { type Q, qstr, toExactJsonText, toFloat } from "../exact/rational.ts";
import { analyzeChungEly, piStarMultipliers, valueTypeSpace } from "../robust/worstCaseBeliefs.ts";
import { commonPriorLp, strictNoisyConcordanceLp } from "../beliefs/noTradeAlternatives.ts";
import { checkNoisyConcordance } from "../beliefs/noTrade.ts";
import { auctionPrior, gridSizes, localVirtualValues, randomRegularPrior, type AuctionPrior } from "../robust/optimalExPostAuction.ts";
import { loadLpEngine, solve } from "../lp/solve.ts";
import { profileAt } from "../model/profiles.ts";
import type { Study, StudyFlags, StudyIO } from "./types.ts";

/** The documented instance (docs/ce2007.md): n = 2, K = 3, f ∝ 6 3 1 / 3 4 3 / 1 3 6 (rows v_1, columns v_2). */
export const DOCUMENTED_WEIGHTS = [6, 3, 1, 3, 4, 3, 1, 3, 6] as const;

function show(x: Q): string {
  if (x.d === 1n) return qstr(x);
  return `${qstr(x)} (≈ ${Number(toFloat(x).toPrecision(6))})`;
}

function parseWeights(raw: string, n: number, K: number): number[] {
  const parts = raw.split(/[,\s]+/).filter((s) => s.length > 0);
  const want = K ** n;
  if (parts.length !== want) throw new MechcheckError("usage", `ce2007: --weights needs ${want} integers (K^n = ${K}^${n}), got ${parts.length}`, { path: "--weights", value: raw });
  return parts.map((p, k) => {
    if (!/^\d+$/.test(p) || Number(p) < 1 || !Number.isSafeInteger(Number(p))) throw new MechcheckError("usage", `ce2007: weight #${k + 1} must be a positive integer, got ${JSON.stringify(p)}`, { path: "--weights", value: p });
    return Number(p);
  });
}

function intFlag(flags: Record<string, unknown>, name: string, def: number, min: number, max: number): number {
  const v = flags[name];
  if (v === undefined) return def;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw new MechcheckError("usage", `ce2007: --${name} must be an integer in [${min}, ${max}], got ${String(v)}`, { path: `--${name}`, value: v });
  return v;
}

/** A table over (v_1, v_2) for n = 2 (rows v_1), else one line per profile. */
function profileTable(prior: AuctionPrior, cell: (v: number) => string): string[] {
  const sizes = gridSizes(prior.n, prior.K);
  if (prior.n === 2) {
    const lines = [`    v1\\v2 ${Array.from({ length: prior.K }, (_, k) => String(k + 1).padStart(12)).join("")}`];
    for (let a = 0; a < prior.K; a++) lines.push(`    ${String(a + 1).padEnd(5)} ${Array.from({ length: prior.K }, (_, b) => cell(a * prior.K + b).padStart(12)).join("")}`);
    return lines;
  }
  return prior.f.map((_, v) => `    v = (${profileAt(sizes, v).map((k) => k + 1).join(",")}): ${cell(v)}`);
}

async function run(flags: StudyFlags, io: StudyIO): Promise<number> {
  if (flags.seed !== undefined && flags.weights !== undefined) throw new MechcheckError("usage", "ce2007: give --seed or --weights, not both");
  const n = intFlag(flags, "n", 2, 1, 3);
  const K = intFlag(flags, "K", 3, 2, 6);
  // --n/--K other than the documented 2 and 3, without --weights: a random regular prior (seed 1 unless --seed).
  const seed = flags.seed !== undefined ? flags.seed : flags.weights === undefined && (n !== 2 || K !== 3) ? 1 : undefined;
  if (K ** n > 64) throw new MechcheckError("usage", `ce2007: K^n = ${K ** n} profiles is too many for this command (at most 64)`);
  let prior: AuctionPrior;
  let origin: string;
  if (flags.weights !== undefined) {
    prior = auctionPrior(n, K, parseWeights(flags.weights as string, n, K));
    origin = `weights ${flags.weights as string}`;
  } else if (seed !== undefined) {
    if (!Number.isInteger(seed)) throw new MechcheckError("usage", `ce2007: --seed must be an integer, got ${String(seed)}`);
    prior = randomRegularPrior(seed as number, n, K);
    origin = `random regular prior (randomRegularPrior), seed ${seed as number}`;
  } else {
    prior = auctionPrior(2, 3, DOCUMENTED_WEIGHTS.slice());
    origin = `documented instance, weights ${DOCUMENTED_WEIGHTS.join(" ")}`;
  }
  if (prior.f.some((x) => x.n === 0n)) throw new MechcheckError("usage", "ce2007: the prior needs full support");
  await loadLpEngine();

  const a = analyzeChungEly(prior);
  const ts = valueTypeSpace(prior, a.piStar);
  const ncFails = checkNoisyConcordance(ts, piStarMultipliers(prior));
  const cp = solve(commonPriorLp(ts));
  const strict = solve(strictNoisyConcordanceLp(ts));
  const problems = [...a.problems, ...ncFails.map((f) => `slide's multipliers: ${f}`)];
  if (!a.dualBoundP.equals(a.lvv)) problems.push("local dual of (P) does not have value LVV");
  if (!a.dualBoundPPrime.equals(a.lvv)) problems.push("local dual of (P′) does not have value LVV");
  const allEqual = a.exPost.value.equals(a.bayes.value) && a.bayes.value.equals(a.lvv);
  const verdict = allEqual
    ? "value(P) = value(P′ on π*) = LVV: the optimal ex post mechanism and T* form the saddle point of Chung and Ely (2007)."
    : a.exPost.value.equals(a.bayes.value)
      ? `value(P) = value(P′ on π*) < LVV: no monotone maximizer of Σ q_i φ̃_i${a.regular ? " although f is regular" : " (f is irregular)"}.`
      : `value(P) < value(P′ on π*) ≤ LVV: T* does not hold the seller down to the ex post optimum${a.regular ? " although f is regular (no monotone maximizer of Σ q_i φ̃_i; see ce2007-maxmin-slide)" : " (f is irregular)"}.`;

  if (flags.json) {
    io.out(
      toExactJsonText({
        instance: { n: prior.n, K: prior.K, values: Array.from({ length: K }, (_, k) => String(k + 1)), f: prior.f.map(qstr), origin },
        regular: a.regular,
        P: qstr(a.exPost.value),
        PprimeOnPiStar: qstr(a.bayes.value),
        LVV: qstr(a.lvv),
        allEqual,
        monotoneMaximizer: a.monotoneMaximizer !== null,
        piStar: a.piStar.map((bi) => bi.map((row) => row.map(qstr))),
        piStarCommonPrior: cp.status === "optimal",
        piStarNoisyConcordant: ncFails.length === 0,
        piStarNoisyConcordantAllLambdaPositive: strict.status === "optimal",
        certified: problems.length === 0,
        ...(problems.length > 0 ? { problems } : {}),
      }),
    );
    return problems.length === 0 ? 0 : 1;
  }
  const phi = localVirtualValues(prior);
  const out: string[] = [];
  out.push(`Chung and Ely (2007), exactly: n = ${prior.n} bidder${prior.n > 1 ? "s" : ""}, values {${Array.from({ length: prior.K }, (_, k) => k + 1).join(", ")}} (Δ = 1); ${origin}.`);
  out.push("", "  prior f(v):", ...profileTable(prior, (v) => qstr(prior.f[v]!)));
  out.push("", `  local virtual values φ̃_i(v) = v_i − Σ_{v'_i > v_i} f(v'_i, v_-i) / f(v):`, ...profileTable(prior, (v) => `(${phi.map((p) => qstr(p[v]!)).join(", ")})`));
  out.push(`  f is ${a.regular ? "regular (each φ̃_i non-decreasing in v_i)" : "NOT regular"}.`);
  out.push("", "  π*_i(v_-i | v_i) = Σ_{v'_i ≥ v_i} f(v'_i, v_-i) / Σ_{v'_i ≥ v_i, v'_-i} f(v'):");
  a.piStar.forEach((bi, i) => bi.forEach((row, k) => out.push(`    bidder ${i + 1}, v_${i + 1} = ${k + 1}: (${row.map(qstr).join(", ")})`)));
  out.push(`  π* ${cp.status === "optimal" ? "admits a common prior" : "admits NO common prior (a feasible, acceptable trade exists)"}; the slide's noisy-concordance multipliers ${ncFails.length === 0 ? "check exactly" : "FAIL"}${strict.status === "optimal" ? " (and multipliers with every λ > 0 exist: no IC trade at all)" : " (every λ > 0 is impossible: an IC trade makes some type strictly better off)"}.`);
  out.push("");
  out.push(`  value(P)            = ${show(a.exPost.value)}   optimal ex post auction (EPIC, EPIR, all reports); exact LP, mechanism re-checked`);
  out.push(`  value(P′ on π*)     = ${show(a.bayes.value)}   optimal BIC/IIR auction on the beliefs π*; exact LP, mechanism re-checked`);
  out.push(`  Σ f·max(0, max φ̃)  = ${show(a.lvv)}   local virtual values; the local multipliers re-checked as duals of (P) and (P′)`);
  out.push(`  monotone maximizer of Σ q_i φ̃_i: ${a.monotoneMaximizer !== null ? "yes (its envelope mechanism re-checked: EPIC, EPIR, revenue = LVV)" : "none (selection LP infeasible)"}`);
  out.push("", `  ${verdict}`);
  if (problems.length > 0) out.push("", "  CERTIFICATE FAILURES (a bug):", ...problems.map((p) => `    - ${p}`));
  io.out(out.join("\n"));
  return problems.length === 0 ? 0 : 1;
}

export const chungEly2007Study: Study = {
  name: "ce2007",
  summary: "Chung–Ely (2007) exactly: value(P), value(P′ on π*), Σ f·max(0, max φ̃)",
  run,
};
