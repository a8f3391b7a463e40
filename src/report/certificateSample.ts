/**
 * One generated case of a theorem with the certificate its check returned, for the HTML report's
 * certificate summary: the cases of the run at its seed (fast-check's `sample`, so the same seed
 * gives the same case), the first meeting the hypothesis whose check says `ok` with a certificate —
 * preferring, among the first few, one whose certificate carries a readable proof (e.g. the Farkas
 * proof of an impossible trade grid). Nothing here decides a verdict: the run did; this only shows
 * what one certificate looks like, as exact JSON (rationals as "p/q").
 */
import fc from "fast-check";
import type { Theorem } from "../catalogue/types.ts";
import { toExactJsonText } from "../exact/rational.ts";

export interface CertificateSample {
  /** 0-based position of the case among the seed's generated cases. */
  readonly index: number;
  /** The case, encoded by the theorem's codec (what a saved counterexample holds). */
  readonly instance: unknown;
  /** The certificate, as plain exact JSON. */
  readonly certificate: unknown;
}

/** A string `proof` or `renderedProof` anywhere in a JSON value (depth-limited), or null. */
export function findProof(v: unknown, depth = 0): string | null {
  if (v === null || typeof v !== "object" || depth > 6) return null;
  const o = v as Record<string, unknown>;
  for (const k of ["renderedProof", "proof"]) if (typeof o[k] === "string") return o[k] as string;
  for (const x of Object.values(o)) {
    const p = findProof(x, depth + 1);
    if (p !== null) return p;
  }
  return null;
}

/**
 * The sample for a theorem at a seed: the first `maxCases` generated cases at most (no time budget:
 * the same seed gives the same sample on any machine). Null when none gave a certificate (or the
 * check threw).
 */
export function certificateSample(thm: Theorem, seed: number, opts: { maxCases?: number } = {}): CertificateSample | null {
  const maxCases = opts.maxCases ?? 10;
  let first: CertificateSample | null = null;
  let cases: unknown[];
  try {
    cases = fc.sample(thm.arbitrary, { seed, numRuns: maxCases });
  } catch {
    return null;
  }
  for (const [index, x] of cases.entries()) {
    try {
      if (thm.hypothesis && !thm.hypothesis(x)) continue;
      const r = thm.check(x);
      if (!r.ok || r.certificate === undefined) continue;
      const sample = { index, instance: JSON.parse(toExactJsonText(thm.codec.encode(x), 0)), certificate: JSON.parse(toExactJsonText(r.certificate, 0)) };
      if (findProof(sample.certificate) !== null) return sample;
      first ??= sample;
    } catch {
      continue; // a case the run would have reported; the sample only shows a certificate
    }
  }
  return first;
}
