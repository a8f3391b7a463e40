/**
 * Myerson's optimal auction on finite value grids [Myerson1981, §6], the discrete transcription:
 * independent private values, bidder i's values w_i(0) < … < w_i(K−1) with full-support
 * probabilities f_i. The discrete virtual value (every local downward IC and the bottom IR binding) is
 *     φ_i(k) = w_i(k) − (w_i(k+1) − w_i(k)) · (1 − F_i(k)) / f_i(k),   φ_i(K−1) = w_i(K−1),
 * so that E[p_i] = Σ_k f_i(k) φ_i(k) X_i(k) for every monotone interim allocation X_i. When φ_i is not
 * nondecreasing (an irregular prior) it is ironed: the f-weighted pool-adjacent-violators average,
 * i.e. the slopes of the convex hull of k ↦ Σ_{j≤k} f_i(j) φ_i(j) against F_i(k). The optimal BIC/IIR
 * revenue is E[max(max_i φ̄_i(θ_i), 0)] (the ironed discrete virtual surplus).
 */
import { MechcheckError } from "../errors.ts";
import { q, qstr, ZERO, ONE, type Q } from "../exact/rational.ts";
import type { CaseCodec } from "../model/caseCodec.ts";
import { profileAt, profileCount } from "../model/profiles.ts";

/** Independent bidders on grids: values[i] strictly increasing, probs[i] positive, summing to 1. */
export interface GridBidders {
  readonly values: readonly (readonly Q[])[];
  readonly probs: readonly (readonly Q[])[];
}

/**
 * Check independent grid bidders: one strictly increasing value grid and one positive probability
 * vector summing to 1 per bidder; otherwise a MechcheckError "bad-case" naming the field at
 * `where`.
 */
export function validateGridBidders(x: GridBidders, where = "case"): void {
  if (x.values.length < 1 || x.values.length !== x.probs.length) throw new MechcheckError("bad-case", `${where}: ${x.values.length} value grids and ${x.probs.length} priors (need ≥ 1, equal)`, { path: `${where}.values`, value: x.values.length });
  x.values.forEach((w, i) => {
    const f = x.probs[i]!;
    if (w.length < 1 || f.length !== w.length) throw new MechcheckError("bad-case", `${where}.probs[${i}]: ${f.length} probabilities for ${w.length} values`, { path: `${where}.probs[${i}]`, value: f.length });
    for (let k = 1; k < w.length; k++) if (w[k]!.compare(w[k - 1]!) <= 0) throw new MechcheckError("bad-case", `${where}.values[${i}][${k}] = ${qstr(w[k]!)}: values must increase strictly`, { path: `${where}.values[${i}][${k}]`, value: qstr(w[k]!) });
    f.forEach((p, k) => {
      if (p.compare(ZERO) <= 0) throw new MechcheckError("bad-case", `${where}.probs[${i}][${k}] = ${qstr(p)}: must be positive`, { path: `${where}.probs[${i}][${k}]`, value: qstr(p) });
    });
    const s = f.reduce((a, b) => a.add(b), ZERO);
    if (!s.equals(ONE)) throw new MechcheckError("bad-case", `${where}.probs[${i}] sums to ${qstr(s)}, not 1`, { path: `${where}.probs[${i}]`, value: qstr(s) });
  });
}

/** The unironed discrete virtual values of one bidder. */
export function discreteVirtualValues(w: readonly Q[], f: readonly Q[]): Q[] {
  let F = ZERO;
  return w.map((v, k) => {
    F = F.add(f[k]!);
    return k + 1 < w.length ? v.sub(w[k + 1]!.sub(v).mul(ONE.sub(F)).div(f[k]!)) : v;
  });
}

/** Ironing: f-weighted pool-adjacent-violators, the least nondecreasing sequence of block averages. */
export function ironed(phi: readonly Q[], f: readonly Q[]): Q[] {
  const blocks: { weight: Q; mass: Q; len: number }[] = [];
  phi.forEach((v, k) => {
    blocks.push({ weight: f[k]!, mass: f[k]!.mul(v), len: 1 });
    while (blocks.length >= 2) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.mass.div(a.weight).compare(b.mass.div(b.weight)) <= 0) break;
      blocks.splice(blocks.length - 2, 2, { weight: a.weight.add(b.weight), mass: a.mass.add(b.mass), len: a.len + b.len });
    }
  });
  return blocks.flatMap((b) => new Array<Q>(b.len).fill(b.mass.div(b.weight)));
}

/** E[max(max_i φ_i(θ_i), 0)] under the product prior, for given per-bidder virtual values. */
export function expectedPositiveMax(x: GridBidders, phis: readonly (readonly Q[])[]): Q {
  const sizes = x.values.map((w) => w.length);
  let total = ZERO;
  for (let th = 0; th < profileCount(sizes); th++) {
    const prof = profileAt(sizes, th);
    let pr = ONE;
    let best = ZERO;
    prof.forEach((k, i) => {
      pr = pr.mul(x.probs[i]![k]!);
      const v = phis[i]![k]!;
      if (v.compare(best) > 0) best = v;
    });
    total = total.add(pr.mul(best));
  }
  return total;
}

/** Whether every bidder's unironed virtual values are nondecreasing (a regular discrete prior). */
export function isRegular(x: GridBidders): boolean {
  return x.values.every((w, i) => {
    const phi = discreteVirtualValues(w, x.probs[i]!);
    return phi.every((v, k) => k === 0 || phi[k - 1]!.compare(v) <= 0);
  });
}

/** The JSON codec of grid bidders (saved counterexamples), numbers as exact strings; decoding validates. */
export const gridBiddersCodec: CaseCodec<GridBidders> = {
  encode: (x) => ({ values: x.values.map((r) => r.map(qstr)), probs: x.probs.map((r) => r.map(qstr)) }),
  decode: (j) => {
    const o = j as { values?: unknown; probs?: unknown };
    if (typeof o !== "object" || o === null || !Array.isArray(o.values) || !Array.isArray(o.probs)) throw new MechcheckError("bad-case", "case: expected { values: string[][], probs: string[][] }", { path: "case", value: j });
    const rows = (a: unknown[], name: string) =>
      a.map((r, i) => {
        if (!Array.isArray(r)) throw new MechcheckError("bad-case", `case.${name}[${i}]: expected an array`, { path: `case.${name}[${i}]`, value: r });
        return r.map((v: unknown, k: number) => q(v as string, `case.${name}[${i}][${k}]`));
      });
    const x: GridBidders = { values: rows(o.values, "values"), probs: rows(o.probs, "probs") };
    validateGridBidders(x);
    return x;
  },
};
