/** Random valid instances for the format tests and the parser fuzz (seeded, exact). */
import seedrandom from "seedrandom";
import { ONE, q, ZERO, type Q } from "../../src/exact/rational.ts";
import type { Instance } from "../../src/instance/index.ts";
import type { Environment, HarsanyiTypeSpace, IndirectMechanism, Mechanism } from "../../src/model/environment.ts";

// ------------------------------------------------------------------ random instances
export function randomInstance(seed: number): Instance {
  const rng = seedrandom(String(seed));
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
  const num = (): Q => q(int(-9, 9)).div(pick([1, 1, 2, 3, 7]));
  const dist = (len: number): Q[] => {
    if (rng() < 0.3) return Array.from({ length: len }, (_, k) => (k === 0 ? ONE : ZERO));
    const w: number[] = Array.from({ length: len }, () => (rng() < 0.3 ? 0 : int(1, 5)));
    if (!w.some((x) => x !== 0)) w[len - 1] = 1;
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => q(x).div(s));
  };
  const labels = (prefix: string, k: number) => Array.from({ length: k }, (_, j) => (rng() < 0.3 ? `${prefix} ${j}` : `${prefix}${j}`));
  const n = int(1, 3);
  const m = Array.from({ length: n }, () => int(1, 3));
  const P = m.reduce((a, b) => a * b, 1);
  const D = int(1, 3);
  const decisions = labels("d", D);
  const pv = rng() < 0.4;
  const strides = m.map((_, i) => m.slice(i + 1).reduce((a, b) => a * b, 1));
  const valuation = m.map((mi, i) => {
    const own = Array.from({ length: mi }, () => Array.from({ length: D }, num));
    return Array.from({ length: P }, (_, th) => (pv ? own[Math.floor(th / strides[i]!) % mi]! : Array.from({ length: D }, num)));
  });
  const env: Environment = {
    agents: labels("agent", n),
    types: m.map((mi) => labels("t", mi)),
    ...(rng() < 0.3 ? { typeValues: m.map((mi) => Array.from({ length: mi }, num)) } : {}),
    decisions,
    valuation,
    ...(rng() < 0.3 ? { reservation: m.map((mi) => Array.from({ length: mi }, num)) } : {}),
  };
  const othersCount = (i: number) => P / m[i]!;
  const beliefs =
    rng() < 0.3 ? undefined : rng() < 0.5 ? { kind: "common-prior" as const, prior: dist(P) } : { kind: "per-type" as const, beliefs: m.map((mi, i) => Array.from({ length: mi }, () => dist(othersCount(i)))) };
  let mechanism: Mechanism | undefined;
  let typeSpace: HarsanyiTypeSpace | undefined;
  let strategy: Q[][][] | undefined;
  const r = rng();
  const pays = (k: number) => Array.from({ length: k }, () => (rng() < 0.3 ? env.agents.map(() => ZERO) : env.agents.map(num)));
  if (r < 0.5) mechanism = { kind: "direct", allocation: Array.from({ length: P }, () => dist(D)), payments: pays(P) };
  else if (r < 0.8) {
    const asz = Array.from({ length: n }, () => int(1, 2));
    const A = asz.reduce((a, b) => a * b, 1);
    const mech: IndirectMechanism = { kind: "indirect", actions: asz.map((k) => labels("a", k)), outcome: Array.from({ length: A }, () => dist(D)), payments: pays(A) };
    mechanism = mech;
    const tsz = Array.from({ length: n }, () => int(1, 2));
    const T = tsz.reduce((a, b) => a * b, 1);
    const states = [...Array(P).keys()].map((th) => env.types.map((t, i) => t[Math.floor(th / strides[i]!) % m[i]!]!).join(","));
    typeSpace = {
      agents: env.agents,
      types: tsz.map((k) => labels("τ", k)),
      states,
      beliefs: tsz.map((k, i) => Array.from({ length: k }, () => dist((T / tsz[i]!) * P))),
      ...(rng() < 0.5 ? { prior: dist(T * P) } : {}),
    };
    if (rng() < 0.7) strategy = tsz.map((k, i) => Array.from({ length: k }, () => dist(asz[i]!)));
  }
  return {
    ...(rng() < 0.5 ? { name: `random ${seed}` } : {}),
    environment: env,
    ...(beliefs ? { beliefs } : {}),
    ...(mechanism ? { mechanism } : {}),
    ...(typeSpace ? { typeSpace } : {}),
    ...(strategy ? { strategy } : {}),
    ...(rng() < 0.3 ? { question: { concepts: ["dsic" as const, "bic" as const], expect: { dsic: "holds" as const } } } : {}),
  };
}

