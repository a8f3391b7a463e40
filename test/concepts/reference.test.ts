/**
 * Property tests against a brute-force reference written here from the definitions, with its own
 * table indexing (strides), its own loops (over ALL true profiles × ALL report profiles, no
 * private-values shortcut) and BIC in its unnormalised ex ante form.
 */
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { q, type Q, ZERO, ONE } from "../../src/exact/rational.ts";
import type { Beliefs, DirectMechanism, Environment } from "../../src/model/environment.ts";
import {
  efficientRule,
  hasPrivateValues,
  isBIC,
  isDSIC,
  isEPIC,
  isExPostEfficient,
  isExPostIR,
  isInterimIR,
  isNoDeficit,
  isExPostBudgetBalanced,
} from "../../src/concepts/index.ts";

const RUNS = { seed: 42, numRuns: Number(process.env.MECHCHECK_RUNS ?? 100) };

// ------------------------------------------------------------------ random instances
interface Case {
  env: Environment;
  mech: DirectMechanism;
  prior: Q[];
}

function build(seed: number): Case {
  const rng = seedrandom(String(seed));
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const n = int(1, 3);
  const m = Array.from({ length: n }, () => int(1, n === 3 ? 2 : 3));
  const D = int(1, 3);
  const P = m.reduce((a, b) => a * b, 1);
  const strides = strideOf(m);
  const privateValues = rng() < 0.5;
  const valuation: Q[][][] = [];
  for (let i = 0; i < n; i++) {
    const own: Q[][] = Array.from({ length: m[i]! }, () => Array.from({ length: D }, () => q(int(-3, 4)).div(int(1, 2))));
    const vi: Q[][] = [];
    for (let th = 0; th < P; th++) {
      const ti = Math.floor(th / strides[i]!) % m[i]!;
      vi.push(privateValues ? own[ti]!.slice() : Array.from({ length: D }, () => q(int(-3, 4)).div(int(1, 2))));
    }
    valuation.push(vi);
  }
  const reservation = rng() < 0.5 ? m.map((mi) => Array.from({ length: mi }, () => q(int(-2, 1)))) : undefined;
  const env: Environment = { agents: m.map((_, i) => `a${i}`), types: m.map((mi) => Array.from({ length: mi }, (_, k) => `t${k}`)), decisions: Array.from({ length: D }, (_, d) => `d${d}`), valuation, ...(reservation ? { reservation } : {}) };
  const lottery = (): Q[] => {
    if (rng() < 0.5) {
      const d = int(0, D - 1);
      return Array.from({ length: D }, (_, k) => (k === d ? ONE : ZERO));
    }
    const w: number[] = Array.from({ length: D }, () => int(0, 3));
    if (!w.some((x) => x !== 0)) w[0] = 1;
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => q(x).div(s));
  };
  const kind = rng();
  let mech: DirectMechanism;
  if (kind < 0.25) {
    // constant mechanism: IC in every sense
    const l = lottery();
    const p = Array.from({ length: n }, () => q(int(-2, 2)));
    mech = { kind: "direct", allocation: Array.from({ length: P }, () => l), payments: Array.from({ length: P }, () => p) };
  } else if (kind < 0.5) {
    // VCG with Clarke pivot: DSIC under private values
    const rule = efficientRule(env);
    const allocation = rule.map((d) => Array.from({ length: D }, (_, k) => (k === d ? ONE : ZERO)));
    const payments = rule.map((d, th) =>
      Array.from({ length: n }, (_, i) => {
        let best: Q | null = null;
        for (let e = 0; e < D; e++) {
          let s = ZERO;
          for (let j = 0; j < n; j++) if (j !== i) s = s.add(valuation[j]![th]![e]!);
          if (best === null || s.compare(best) > 0) best = s;
        }
        let at = ZERO;
        for (let j = 0; j < n; j++) if (j !== i) at = at.add(valuation[j]![th]![d]!);
        return best!.sub(at);
      }),
    );
    mech = { kind: "direct", allocation, payments };
  } else {
    mech = { kind: "direct", allocation: Array.from({ length: P }, lottery), payments: Array.from({ length: P }, () => Array.from({ length: n }, () => q(int(-3, 3)).div(int(1, 2)))) };
  }
  const w: number[] = Array.from({ length: P }, () => (rng() < 0.2 ? 0 : int(1, 4)));
  if (!w.some((x) => x !== 0)) w[0] = 1;
  const tot = w.reduce((a, b) => a + b, 0);
  return { env, mech, prior: w.map((x) => q(x).div(tot)) };
}

function strideOf(m: readonly number[]): number[] {
  const s = new Array<number>(m.length).fill(1);
  for (let i = m.length - 2; i >= 0; i--) s[i] = s[i + 1]! * m[i + 1]!;
  return s;
}

// ------------------------------------------------------------------ the reference
function ref(env: Environment, mech: DirectMechanism) {
  const m = env.types.map((t) => t.length);
  const st = strideOf(m);
  const idx = (p: readonly number[]) => p.reduce((a, k, i) => a + k * st[i]!, 0);
  const all: number[][] = [[]];
  for (const mi of m) {
    const next: number[][] = [];
    for (const p of all) for (let k = 0; k < mi; k++) next.push([...p, k]);
    all.splice(0, all.length, ...next);
  }
  /** u_i at true profile `state` when the reports are `reports`, straight from the tables. */
  const u = (i: number, state: readonly number[], reports: readonly number[]): Q => {
    const lot = mech.allocation[idx(reports)]!;
    const v = env.valuation[i]![idx(state)]!;
    let s = ZERO;
    lot.forEach((p, d) => (s = s.add(p.mul(v[d]!))));
    return s.sub(mech.payments[idx(reports)]![i]!);
  };
  const set = (p: readonly number[], i: number, k: number) => p.map((x, j) => (j === i ? k : x));
  return { m, all, idx, u, set };
}

function maxOrNull(xs: Q[]): Q | null {
  let b: Q | null = null;
  for (const x of xs) if (b === null || x.compare(b) > 0) b = x;
  return b;
}

function refDsicMaxGain(env: Environment, mech: DirectMechanism): Q | null {
  const { m, all, u, set } = ref(env, mech);
  const gains: Q[] = [];
  for (const state of all) for (const r of all) for (let i = 0; i < m.length; i++) {
    const truthful = set(r, i, state[i]!);
    for (let k = 0; k < m[i]!; k++) gains.push(u(i, state, set(r, i, k)).sub(u(i, state, truthful)));
  }
  return maxOrNull(gains);
}

function refEpicMaxGain(env: Environment, mech: DirectMechanism): Q | null {
  const { m, all, u, set } = ref(env, mech);
  const gains: Q[] = [];
  for (const th of all) for (let i = 0; i < m.length; i++) for (let k = 0; k < m[i]!; k++) gains.push(u(i, th, set(th, i, k)).sub(u(i, th, th)));
  return maxOrNull(gains);
}

/** BIC from the ex ante form: Σ_{θ_{-i}} π(θ)[u(dev) − u(truth)] / π(θ_i), zero-probability types skipped. */
function refBicMaxGain(env: Environment, mech: DirectMechanism, prior: Q[]): Q | null {
  const { m, all, idx, u, set } = ref(env, mech);
  const gains: Q[] = [];
  for (let i = 0; i < m.length; i++) for (let ti = 0; ti < m[i]!; ti++) {
    const mine = all.filter((p) => p[i] === ti);
    const marg = mine.reduce((a, p) => a.add(prior[idx(p)]!), ZERO);
    if (marg.n === 0n) continue;
    for (let k = 0; k < m[i]!; k++) {
      const tot = mine.reduce((a, p) => a.add(prior[idx(p)]!.mul(u(i, p, set(p, i, k)).sub(u(i, p, p)))), ZERO);
      gains.push(tot.div(marg));
    }
  }
  return maxOrNull(gains);
}

function refIrMaxGain(env: Environment, mech: DirectMechanism, prior: Q[] | null): Q | null {
  const { m, all, idx, u } = ref(env, mech);
  const res = (i: number, t: number) => env.reservation?.[i]?.[t] ?? ZERO;
  const gains: Q[] = [];
  for (let i = 0; i < m.length; i++) {
    if (prior === null) {
      for (const th of all) gains.push(res(i, th[i]!).sub(u(i, th, th)));
    } else {
      for (let ti = 0; ti < m[i]!; ti++) {
        const mine = all.filter((p) => p[i] === ti);
        const marg = mine.reduce((a, p) => a.add(prior[idx(p)]!), ZERO);
        if (marg.n === 0n) continue;
        const eu = mine.reduce((a, p) => a.add(prior[idx(p)]!.mul(u(i, p, p))), ZERO).div(marg);
        gains.push(res(i, ti).sub(eu));
      }
    }
  }
  return maxOrNull(gains);
}

function expectAgrees(verdict: { verdict: string; violation?: { gain: Q } }, refMax: Q | null): void {
  const refHolds = refMax === null || refMax.compare(ZERO) <= 0;
  expect(verdict.verdict).toBe(refHolds ? "holds" : "fails");
  if (!refHolds) expect(verdict.violation!.gain.equals(refMax!)).toBe(true);
}

describe("concepts agree with the brute-force reference", () => {
  it("DSIC: verdict, largest gain, and the violation re-checked from the tables", () => {
    let fails = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { env, mech } = build(seed);
        const v = isDSIC(env, mech);
        expectAgrees(v as never, refDsicMaxGain(env, mech));
        if (v.verdict === "fails") {
          fails++;
          const { u, set } = ref(env, mech);
          const x = v.violation;
          const dev = u(x.agent, x.trueProfile, set(x.othersReports, x.agent, x.report));
          const tru = u(x.agent, x.trueProfile, set(x.othersReports, x.agent, x.trueProfile[x.agent]!));
          expect(dev.sub(tru).equals(x.gain)).toBe(true);
          expect(x.othersReports[x.agent]).toBe(x.trueProfile[x.agent]);
        }
      }),
      RUNS,
    );
    expect(fails).toBeGreaterThan(0);
  });

  it("EPIC and BIC (common prior, some zero-probability profiles)", () => {
    let holds = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { env, mech, prior } = build(seed);
        const e = isEPIC(env, mech);
        expectAgrees(e as never, refEpicMaxGain(env, mech));
        if (e.verdict === "fails") {
          const { u, set } = ref(env, mech);
          const x = e.violation;
          expect(u(x.agent, x.trueProfile, set(x.trueProfile, x.agent, x.report)).sub(u(x.agent, x.trueProfile, x.trueProfile)).equals(x.gain)).toBe(true);
        } else holds++;
        expectAgrees(isBIC(env, mech, { kind: "common-prior", prior }) as never, refBicMaxGain(env, mech, prior));
      }),
      RUNS,
    );
    expect(holds).toBeGreaterThan(0);
  });

  it("BIC with per-type beliefs equals BIC with the common prior's conditionals", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { env, mech, prior } = build(seed);
        const m = env.types.map((t) => t.length);
        const { all, idx } = ref(env, mech);
        // build per-type beliefs from the prior by hand (full support made positive first)
        const full = prior.map((p) => p.add(q("1/7")));
        const tot = full.reduce((a, b) => a.add(b), ZERO);
        const pr = full.map((p) => p.div(tot));
        const beliefs: Q[][][] = m.map((mi, i) =>
          Array.from({ length: mi }, (_, ti) => {
            const mine = all.filter((p) => p[i] === ti);
            const marg = mine.reduce((a, p) => a.add(pr[idx(p)]!), ZERO);
            return mine.map((p) => pr[idx(p)]!.div(marg)); // `all` is in index order, so this is othersIndex order
          }),
        );
        const a = isBIC(env, mech, { kind: "common-prior", prior: pr });
        const b = isBIC(env, mech, { kind: "per-type", beliefs } as Beliefs);
        expect(b.verdict).toBe(a.verdict);
        if (a.verdict === "fails" && b.verdict === "fails") expect(a.violation.gain.equals(b.violation.gain)).toBe(true);
      }),
      RUNS,
    );
  });

  it("ex post and interim IR", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { env, mech, prior } = build(seed);
        expectAgrees(isExPostIR(env, mech) as never, refIrMaxGain(env, mech, null));
        expectAgrees(isInterimIR(env, mech, { kind: "common-prior", prior }) as never, refIrMaxGain(env, mech, prior));
      }),
      RUNS,
    );
  });

  it("budget balance, no deficit, efficiency", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { env, mech } = build(seed);
        const totals = mech.payments.map((p) => p.reduce((a, b) => a.add(b), ZERO));
        expect(isExPostBudgetBalanced(env, mech).verdict).toBe(totals.every((t) => t.n === 0n) ? "holds" : "fails");
        const nd = isNoDeficit(env, mech);
        const minT = totals.reduce((a, b) => (b.compare(a) < 0 ? b : a));
        expect(nd.verdict).toBe(minT.compare(ZERO) >= 0 ? "holds" : "fails");
        if (nd.verdict === "fails") expect(nd.violation.total.equals(minT)).toBe(true);
        // efficiency: every decision in the support attains the max surplus
        const { all, idx } = ref(env, mech);
        let worst = ZERO;
        for (const th of all) {
          const s = env.decisions.map((_, d) => env.valuation.reduce((a, vi) => a.add(vi[idx(th)]![d]!), ZERO));
          const best = s.reduce((a, b) => (b.compare(a) > 0 ? b : a));
          mech.allocation[idx(th)]!.forEach((p, d) => {
            if (p.n !== 0n && best.sub(s[d]!).compare(worst) > 0) worst = best.sub(s[d]!);
          });
        }
        const e = isExPostEfficient(env, mech);
        expect(e.verdict).toBe(worst.n === 0n ? "holds" : "fails");
        if (e.verdict === "fails") expect(e.violation.loss.equals(worst)).toBe(true);
      }),
      RUNS,
    );
  });

  it("DSIC ⇒ EPIC; under private values EPIC ⇒ DSIC ([ChungEly2002, §2.2], [BrooksExPost2023, *Dominant strategies*])", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { env, mech } = build(seed);
        const d = isDSIC(env, mech).verdict;
        const e = isEPIC(env, mech).verdict;
        if (d === "holds") expect(e).toBe("holds");
        if (hasPrivateValues(env)) expect(d).toBe(e);
      }),
      RUNS,
    );
  });
});
