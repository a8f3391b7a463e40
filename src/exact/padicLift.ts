/**
 * Dixon's p-adic lifting: the exact rational solution of an integer system A z = b (or Aᵀ z = b)
 * from one factorization of A modulo a word-size prime p (src/exact/sparseLu.ts over
 * src/exact/modular.ts's `primeField`). Each step solves mod p and divides the residual by p, so
 * A·Σ_k p^k z_k ≡ b (mod p^K); rational reconstruction (src/exact/ratRecon.ts) of the p-adic
 * solution gives a candidate with one shared denominator, accepted only if it checks exactly.
 * The factorization and the triangular solves work on doubles below 2^52, so their cost does not
 * grow with the size of the exact answer; the lifting costs one sparse pass per 26 bits of it.
 */
import { MechcheckError } from "../errors.ts";
import { bgcd } from "./fastRational.ts";
import { modOf, mulMod } from "./modular.ts";
import { ratRecon, reconstructVector } from "./ratRecon.ts";

/** A factorization modulo p that solves B x = w and Bᵀ z = c (ModLu, or SparseLu over primeField(p)). */
export interface ModSolver {
  solveInPlace(w: number[], x: number[]): void;
  solveTransposeInPlace(c: number[], z: number[]): void;
}

/** Integer columns of a square matrix (rows and columns numbered 0..m−1, no repeated row in a column). */
export interface IntColumns {
  readonly m: number;
  readonly rows: Int32Array[];
  readonly vals: bigint[][];
}

/** log2 |a| (a ≠ 0), roughly, for bounds. */
function log2Abs(a: bigint): number {
  const b = a < 0n ? -a : a;
  if (b <= 9007199254740991n) {
    // the same value from the hex digits of a double: (digits − 1)·4 + log2(leading digit + 1)
    let top = Number(b);
    let len = 1;
    while (top >= 16) {
      top = Math.floor(top / 16);
      len++;
    }
    return (len - 1) * 4 + Math.log2(top + 1);
  }
  // above 2^53: Number(b) ≤ b·(1 + 2^−53) and is finite below 2^1023; the margin keeps an upper bound
  if (b < 1n << 1000n) return Math.log2(Number(b)) + 1e-9;
  const s = b.toString(16);
  return (s.length - 1) * 4 + Math.log2(parseInt(s[0]!, 16) + 1);
}

/**
 * The matrix split into q signed limbs of L bits (a = Σ_l limb_l·2^{lL}, |limb_l| < 2^L), with L
 * small enough that a row's or a column's Σ limb·digit over digits in [0, p) stays below 2^52:
 * one step's A·x_k is then q exact double sparse products and one bigint combination per residual
 * entry, instead of one bigint multiplication per nonzero. With q = 1 (every |a| < 2^L) the
 * residual itself stays a double once it is small (see liftSolve). null: entries too large.
 */
interface Limbs {
  readonly L: number;
  readonly q: number;
  /** start of column j's entries in the flattened CSC order */
  readonly start: Int32Array;
  /** limb l of entry k at limbs[k·q + l] */
  readonly limbs: Float64Array;
  /** every |a| < 2^maxBits; every row and column has at most maxCount entries */
  readonly maxBits: number;
  readonly maxCount: number;
}

const MAX_LIMBS = 6;
const limbCache = new WeakMap<IntColumns, Map<number, Limbs | null>>();

function limbsOf(A: IntColumns, p: number): Limbs | null {
  let byP = limbCache.get(A);
  if (byP === undefined) limbCache.set(A, (byP = new Map()));
  const hit = byP.get(p);
  if (hit !== undefined) return hit;
  const m = A.m;
  const start = new Int32Array(m + 1);
  const rowCnt = new Int32Array(m);
  let maxCount = 1;
  let maxBits = 1;
  let bitsLimit = 2n;
  for (let j = 0; j < m; j++) {
    const ri = A.rows[j]!;
    const rv = A.vals[j]!;
    start[j + 1] = start[j]! + ri.length;
    maxCount = Math.max(maxCount, ri.length);
    for (let k = 0; k < ri.length; k++) {
      rowCnt[ri[k]!]++;
      const v = rv[k]!;
      if (v >= bitsLimit || -v >= bitsLimit) {
        maxBits = (v < 0n ? -v : v).toString(2).length;
        bitsLimit = 1n << BigInt(maxBits);
      }
    }
  }
  for (let i = 0; i < m; i++) maxCount = Math.max(maxCount, rowCnt[i]!);
  const L = Math.floor(52 - Math.log2(p) - Math.log2(maxCount));
  const q = L >= 4 ? Math.ceil(maxBits / L) : Infinity;
  if (q > MAX_LIMBS) {
    byP.set(p, null);
    return null;
  }
  const nnz = start[m]!;
  const limbs = new Float64Array(q * nnz);
  const mask = (1n << BigInt(L)) - 1n;
  const bL = BigInt(L);
  const base = 2 ** L;
  for (let j = 0; j < m; j++) {
    const ri = A.rows[j]!;
    const rv = A.vals[j]!;
    for (let k = 0; k < ri.length; k++) {
      const v = rv[k]!;
      const neg = v < 0n;
      let av = neg ? -v : v;
      const at = start[j]! + k;
      if (av <= 9007199254740991n) {
        // below 2^53: split in doubles (floor division by a power of two is exact)
        let x = Number(av);
        for (let l = 0; l < q && x !== 0; l++) {
          const hi = Math.floor(x / base);
          const lo = x - hi * base;
          limbs[at * q + l] = neg ? -lo : lo;
          x = hi;
        }
        continue;
      }
      for (let l = 0; l < q && av !== 0n; l++) {
        const x = Number(av & mask);
        limbs[at * q + l] = neg ? -x : x;
        av >>= bL;
      }
    }
  }
  const out: Limbs = { L, q, start, limbs, maxBits, maxCount };
  byP.set(p, out);
  return out;
}

/**
 * The exact solution num/den (one common denominator) of A z = b (or Aᵀ z = b) by p-adic lifting
 * on F, the factorization of A modulo the prime p, or null if no candidate checked within the
 * Hadamard bound (which does not happen for a nonsingular A; the caller then falls back to the
 * rational LU) or if a residual division by p leaves a remainder (F does not solve A mod p). Every
 * division being exact, res_k·p^k = b − A·X_k, so the zero-residual exit is exact too.
 * `onSteps` receives the number of lifting steps taken.
 */
export function liftSolve(
  A: IntColumns,
  F: ModSolver,
  p: number,
  b: readonly bigint[],
  transpose: boolean,
  onSteps?: (k: number) => void,
  outScale?: readonly bigint[],
): { num: bigint[]; den: bigint } | null {
  const m = A.m;
  const pb = BigInt(p);
  if (outScale !== undefined && (transpose || outScale.length !== m || outScale.some((s) => s <= 0n))) throw new MechcheckError("bad-argument", "liftSolve: outScale needs A z = b and m positive integers", { value: outScale.length });
  const out = outScale === undefined || outScale.every((s) => s === 1n) ? undefined : outScale;
  // Hadamard: |det A| and every Cramer numerator are ≤ Π (column (row) norms) · max(1, ‖b‖), so
  // reconstruction is guaranteed once p^k > 2H²; computed only if the lifting gets that far
  const liftLimit = (): number => {
    let logH = 0;
    if (!transpose) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (const v of A.vals[j]!) s += Math.pow(2, 2 * log2Abs(v));
        logH += 0.5 * Math.log2(s);
      }
    } else {
      const rs = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        const ri = A.rows[j]!;
        const rv = A.vals[j]!;
        for (let k = 0; k < ri.length; k++) rs[ri[k]!] += Math.pow(2, 2 * log2Abs(rv[k]!));
      }
      for (let i = 0; i < m; i++) if (rs[i]! > 0) logH += 0.5 * Math.log2(rs[i]!);
    }
    let bn = 0;
    for (const v of b) if (v !== 0n) bn += Math.pow(2, 2 * log2Abs(v));
    logH += Math.max(0, 0.5 * Math.log2(bn));
    // S·z: numerators up to max s_c times larger (denominators divide det A as before)
    if (out !== undefined) logH += out.reduce((mx, v) => Math.max(mx, log2Abs(v)), 0);
    if (!Number.isFinite(logH)) logH = 1e9; // absurdly large entries: lift until a candidate checks
    return Math.ceil((2 * logH + 2) / Math.log2(p)) + 1;
  };
  let kMax = Infinity;
  let nextTry = 1;
  /** the try schedule: 1, 2, 3, 5, 8, 12, 18, … and the Hadamard limit (computed at step 12) */
  const isTry = (k: number): boolean => {
    if (k === 12) kMax = Math.max(k, liftLimit());
    if (k !== nextTry && k !== kMax) return false;
    nextTry = Math.max(k + 1, Math.ceil(k * 1.5));
    return true;
  };
  const limbs = limbsOf(A, p);
  if (limbs !== null) return liftDoubles(A, F, p, b, transpose, limbs, isTry, () => kMax, onSteps, out);

  // entries too large for the limb split: the residual in bigints
  const res: bigint[] = b.slice(); // residual r_k (exact integers)
  const X: bigint[] = new Array(m).fill(0n); // Σ p^i x_i
  let M = 1n; // p^k
  const w: number[] = new Array(m).fill(0);
  const xk: number[] = new Array(m).fill(0);
  for (let k = 1; k <= kMax; k++) {
    let zero = true;
    for (let i = 0; i < m; i++) {
      const v = res[i]!;
      if (v !== 0n) zero = false;
      w[i] = v === 0n ? 0 : modOf(v, p, pb);
    }
    if (zero) {
      // A X = b exactly
      onSteps?.(k - 1);
      return { num: out === undefined ? X : X.map((v, j) => v * out[j]!), den: 1n };
    }
    if (transpose) F.solveTransposeInPlace(w, xk);
    else F.solveInPlace(w, xk);
    // X ← X + M·xk
    for (let j = 0; j < m; j++) {
      const xj = xk[j]!;
      if (xj !== 0) X[j] = X[j]! + M * BigInt(xj);
    }
    // res ← (res − A xk) / p (exact: A xk ≡ res mod p)
    if (!transpose) {
      for (let j = 0; j < m; j++) {
        const xj = xk[j]!;
        if (xj === 0) continue;
        const xb = BigInt(xj);
        const ri = A.rows[j]!;
        const rv = A.vals[j]!;
        for (let t = 0; t < ri.length; t++) res[ri[t]!] = res[ri[t]!]! - rv[t]! * xb;
      }
    } else {
      const xb: bigint[] = new Array(m);
      for (let i = 0; i < m; i++) {
        const xi = xk[i]!;
        xb[i] = xi === 0 ? 0n : BigInt(xi);
      }
      for (let j = 0; j < m; j++) {
        const ri = A.rows[j]!;
        const rv = A.vals[j]!;
        let s = 0n;
        for (let t = 0; t < ri.length; t++) {
          const v = xb[ri[t]!]!;
          if (v !== 0n) s += rv[t]! * v;
        }
        if (s !== 0n) res[j] = res[j]! - s;
      }
    }
    // the division must be exact (A xk ≡ res mod p); a remainder means F does not factor A mod p,
    // and then neither a zero residual nor anything else here can be trusted
    for (let i = 0; i < m; i++) {
      const v = res[i]!;
      if (v === 0n) continue;
      if (v % pb !== 0n) return null;
      res[i] = v / pb;
    }
    M *= pb;
    if (isTry(k)) {
      const cand = tryCandidate(A, b, X, M, transpose, out);
      if (cand !== null) {
        onSteps?.(k);
        return cand;
      }
    }
  }
  return null;
}

/**
 * The candidate reconstructed from X ≡ z (mod M) if it checks exactly (A z = b, or Aᵀ z = b), else
 * null. With `out` (A z = b only), the vector reconstructed is S·z = diag(out)·z (X_j·s_j mod M,
 * formed by reconstructVector entry by entry):
 * its common denominator can be smaller than z's when the s_j cancel denominators of z (a
 * column-scaled basis, z = S⁻¹x: then S·z = x), so it is found from fewer lifting steps; it is
 * checked as z = S⁻¹·num/den, brought over one common denominator Λ·den with
 * Λ = lcm_j s_j/gcd(s_j, num_j), and S·z is returned.
 */
export function tryCandidate(A: IntColumns, b: readonly bigint[], X: readonly bigint[], M: bigint, transpose: boolean, out: readonly bigint[] | undefined): { num: bigint[]; den: bigint } | null {
  if (out === undefined) {
    const cand = reconstructVector(X, M);
    return cand !== null && checkIntegerSolution(A, b, cand, transpose) ? cand : null;
  }
  const m = A.m;
  const cand = reconstructVector(X, M, out);
  if (cand === null) return null;
  // z_j = num_j/(s_j·den) = (num_j/g_j) / (e_j·den) with g_j = gcd(s_j, num_j), e_j = s_j/g_j
  const e: bigint[] = new Array(m);
  let lam = 1n;
  for (let j = 0; j < m; j++) {
    const v = cand.num[j]!;
    const sj = out[j]!;
    const ej = v === 0n || sj === 1n ? 1n : sj / bgcd(sj, v);
    e[j] = ej;
    if (ej !== 1n && lam % ej !== 0n) lam = (lam / bgcd(lam, ej)) * ej;
  }
  const znum: bigint[] = new Array(m);
  for (let j = 0; j < m; j++) {
    const v = cand.num[j]!;
    const ej = e[j]!;
    znum[j] = v === 0n ? 0n : (v / (out[j]! / ej)) * (lam / ej);
  }
  return checkIntegerSolution(A, b, { num: znum, den: lam * cand.den }, false) ? cand : null;
}

/**
 * Systems with at least PROBE_MIN_M unknowns are also probed between the scheduled tries (1, 2, 3,
 * 5, 8, 12, …: up to 1.5× the steps needed) from step PROBE_FROM on: one random combination
 * Σ r_j X_j is reconstructed alone (one extended Euclid), and only if that succeeds is the whole
 * vector reconstructed and checked. On small systems a whole try costs no more than a probe.
 */
const PROBE_MIN_M = 32;
const PROBE_FROM = 4;

/**
 * The lifting loop with no bigint work per step (A split into limbs, see Limbs). The residual is
 * kept as qr limbs in base β = 2^L, R_i = Σ_l R[l·m + i]·β^l, with every limb but the top one in
 * [0, β) between steps. One step:
 * - w_i = R_i mod p = Σ_l R_l·(β^l mod p) mod p (each product < β·p ≤ 2^52);
 * - R ← R − A·x_k limb by limb (limb l of A·x_k is an exact double sparse product), carries
 *   propagated upwards (floor division by β is exact);
 * - R ← R / p from the top limb down (cur = carry·β + R_l < p·β ≤ 2^52, so floor(cur/p) is exact),
 *   an exact division since A x_k ≡ R (mod p).
 * The invariant |R| ≤ X := max(‖b‖∞, 2·maxCount·2^maxBits) (|R′| ≤ |R|/p + Σ|a|) and one spare
 * limb keep the top limb far below 2^53. The digits x_k are stored as doubles and combined into
 * the bigint X = Σ p^k x_k only when a reconstruction is tried.
 */
function liftDoubles(
  A: IntColumns,
  F: ModSolver,
  p: number,
  b: readonly bigint[],
  transpose: boolean,
  limbs: Limbs,
  isTry: (k: number) => boolean,
  kMaxNow: () => number,
  onSteps: ((k: number) => void) | undefined,
  out: readonly bigint[] | undefined,
): { num: bigint[]; den: bigint } | null {
  const m = A.m;
  const pb = BigInt(p);
  const L = limbs.L;
  const base = 2 ** L;
  let bBits = 0;
  for (const v of b) if (v !== 0n) bBits = Math.max(bBits, (v < 0n ? -v : v).toString(2).length);
  const xBits = Math.max(bBits, limbs.maxBits + Math.ceil(Math.log2(limbs.maxCount)) + 1);
  const qr = Math.ceil((xBits + 1) / L) + 1;
  const R = new Float64Array(qr * m);
  const mask = BigInt(base - 1);
  const bL = BigInt(L);
  for (let i = 0; i < m; i++) {
    const v = b[i]!;
    if (v === 0n) continue;
    const neg = v < 0n;
    let av = neg ? -v : v;
    for (let l = 0; l < qr && av !== 0n; l++) {
      const x = Number(av & mask);
      R[l * m + i] = neg ? -x : x;
      av >>= bL;
    }
  }
  normalize(R, m, qr, base);
  const powMod = new Float64Array(qr);
  powMod[0] = 1 % p;
  for (let l = 1; l < qr; l++) powMod[l] = (powMod[l - 1]! * (base % p)) % p;
  const digits: Float64Array[] = [];
  const X: bigint[] = new Array(m).fill(0n);
  let folded = 0; // X = Σ_{s < folded} p^s digits[s]
  let Mf = 1n; // p^folded
  const p2 = BigInt(p) * BigInt(p);
  const fold = (): bigint => {
    const k = digits.length;
    for (let j = 0; j < m; j++) {
      // the new digits of entry j, two per double (d + p·d′ < p² ≤ 2^52), by Horner from the top
      let seg = 0n;
      let s = k - 1;
      if ((k - folded) % 2 === 1) {
        const d = digits[s]![j]!;
        if (d !== 0) seg = BigInt(d);
        s--;
      }
      for (; s > folded; s -= 2) {
        const c = digits[s]![j]! * p + digits[s - 1]![j]!;
        seg = seg === 0n ? (c === 0 ? 0n : BigInt(c)) : seg * p2 + BigInt(c);
      }
      if (seg !== 0n) X[j] = X[j]! + Mf * seg;
    }
    for (let s = folded; s < k; s++) Mf *= pb;
    folded = k;
    return Mf;
  };
  const w: number[] = new Array(m).fill(0);
  const xk: number[] = new Array(m).fill(0);
  const Sbuf = new Float64Array(limbs.q);
  const pinv = 1 / p;
  // probe weights r_j in [1, 2^probeBits] with m·2^probeBits·p < 2^53 (0: no probing)
  const probeBits = m >= PROBE_MIN_M ? Math.min(8, Math.floor(52 - Math.log2(p) - Math.log2(m))) : 0;
  const weight = new Float64Array(probeBits > 0 ? m : 0);
  for (let j = 0, w = 12345; j < weight.length; j++) {
    w = (Math.imul(w, 1103515245) + 12345) >>> 0;
    weight[j] = 1 + (w % 2 ** probeBits);
  }
  // with `out`, the probe combines S·X: weights r_j·s_j, split into nl limbs of wb bits so that
  // each limb's Σ_j limb·digit stays below m·2^wb·p ≤ 2^52 (exact in doubles)
  const wb = Math.floor(52 - Math.log2(p) - Math.log2(Math.max(m, 2)));
  let nl = 1;
  let wl = weight;
  if (out !== undefined && probeBits > 0) {
    const cw = out.map((s, j) => s * BigInt(weight[j]!));
    const maxBits = cw.reduce((mx, v) => Math.max(mx, v.toString(2).length), 1);
    nl = Math.ceil(maxBits / wb);
    wl = new Float64Array(nl * m);
    const mask = (1n << BigInt(wb)) - 1n;
    for (let j = 0; j < m; j++) {
      let v = cw[j]!;
      for (let l = 0; l < nl && v !== 0n; l++) {
        wl[l * m + j] = Number(v & mask);
        v >>= BigInt(wb);
      }
    }
  }
  const wbBig = BigInt(wb);
  // the probe's numerator Σ r_j·num_j exceeds the entries' by up to m·2^probeBits while its
  // denominator is theirs: its bounds are skewed by half of that, N′·2^e and N′/2^e (same product)
  const probeSkew = Math.ceil((Math.log2(Math.max(m, 2)) + probeBits) / 2);
  let S = 0n;
  let Mk = 1n;
  for (let k = 1; k <= kMaxNow(); k++) {
    let zero = true;
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let l = 0; l < qr; l++) {
        const v = R[l * m + i]!;
        if (v === 0) continue;
        zero = false;
        s += mulMod(v, powMod[l]!, p, pinv);
        if (s >= p) s -= p;
      }
      w[i] = s;
    }
    if (zero) {
      // A X = b exactly
      fold();
      onSteps?.(k - 1);
      return { num: out === undefined ? X : X.map((v, j) => v * out[j]!), den: 1n };
    }
    if (transpose) F.solveTransposeInPlace(w, xk);
    else F.solveInPlace(w, xk);
    digits.push(new Float64Array(xk));
    // R ← (R − A xk) / p
    subtractProduct(limbs, A, xk, transpose, R, Sbuf);
    normalize(R, m, qr, base);
    for (let i = 0; i < m; i++) {
      let c = 0;
      for (let l = qr - 1; l >= 0; l--) {
        const at = l * m + i;
        const cur = c * base + R[at]!;
        const qt = Math.floor(cur / p);
        c = cur - qt * p;
        R[at] = qt;
      }
      // an exact division leaves no remainder; otherwise F does not factor A mod p (see liftSolve)
      if (c !== 0) return null;
    }
    let tryNow = isTry(k);
    if (probeBits > 0) {
      // the probe: S = Σ_j r_j X_j mod p^k, one exact double per step
      if (nl === 1) {
        let sk = 0;
        for (let j = 0; j < m; j++) if (xk[j] !== 0) sk += wl[j]! * xk[j]!;
        if (sk !== 0) S += Mk * BigInt(sk);
      } else {
        let skb = 0n;
        for (let l = nl - 1; l >= 0; l--) {
          let sk = 0;
          const off = l * m;
          for (let j = 0; j < m; j++) if (xk[j] !== 0) sk += wl[off + j]! * xk[j]!;
          skb = (skb << wbBig) + BigInt(sk);
        }
        if (skb !== 0n) S += Mk * skb;
      }
      Mk *= pb;
      // between scheduled tries: reconstruct S alone (N′ = 2^⌊(k·log2 p − 3)/2⌋ ≤ ⌊√(p^k/2)⌋);
      // only if that succeeds is the whole vector tried
      if (!tryNow && k >= PROBE_FROM) {
        const h = Math.max(0, Math.floor((k * Math.log2(p) - 3) / 2));
        tryNow = ratRecon(S % Mk, Mk, 1n << BigInt(h + probeSkew), 1n << BigInt(Math.max(0, h - probeSkew))) !== null;
      }
    }
    if (tryNow) {
      const M = fold();
      const cand = tryCandidate(A, b, X, M, transpose, out);
      if (cand !== null) {
        onSteps?.(k);
        return cand;
      }
    }
  }
  return null;
}

/** Carry the limbs of every entry upwards so that all limbs but the top one are in [0, β). */
function normalize(R: Float64Array, m: number, qr: number, base: number): void {
  for (let l = 0; l + 1 < qr; l++) {
    const off = l * m;
    for (let i = 0; i < m; i++) {
      const t = R[off + i]!;
      if (t >= 0 && t < base) continue;
      const carry = Math.floor(t / base);
      R[off + i] = t - carry * base;
      R[off + m + i] += carry;
    }
  }
}

/** A (num/den) = b (or Aᵀ …) exactly. */
export function checkIntegerSolution(A: IntColumns, b: readonly bigint[], z: { num: readonly bigint[]; den: bigint }, transpose: boolean): boolean {
  const m = A.m;
  const { num, den } = z;
  if (!transpose) {
    const acc: bigint[] = new Array(m).fill(0n);
    for (let j = 0; j < m; j++) {
      const zj = num[j]!;
      if (zj === 0n) continue;
      const ri = A.rows[j]!;
      const rv = A.vals[j]!;
      for (let t = 0; t < ri.length; t++) acc[ri[t]!] = acc[ri[t]!]! + rv[t]! * zj;
    }
    for (let i = 0; i < m; i++) if (acc[i] !== den * b[i]!) return false;
    return true;
  }
  for (let j = 0; j < m; j++) {
    const ri = A.rows[j]!;
    const rv = A.vals[j]!;
    let s = 0n;
    for (let t = 0; t < ri.length; t++) {
      const v = num[ri[t]!]!;
      if (v !== 0n) s += rv[t]! * v;
    }
    if (s !== den * b[j]!) return false;
  }
  return true;
}

/**
 * R_l ← R_l − limb l of A·x (or Aᵀ·x) for every limb l, in one pass over A. Exact in doubles:
 * R_l starts in [0, 2^L) and every partial sum of limb·digit products stays below
 * maxCount·2^L·p ≤ 2^52 by the choice of L (see Limbs). `acc` (length ≥ q) is scratch space.
 */
function subtractProduct(limbs: Limbs, A: IntColumns, x: readonly number[], transpose: boolean, R: Float64Array, acc: Float64Array): void {
  const m = A.m;
  const q = limbs.q;
  const lv = limbs.limbs;
  const start = limbs.start;
  for (let j = 0; j < m; j++) {
    const ri = A.rows[j]!;
    const at = start[j]!;
    if (!transpose) {
      const xj = x[j]!;
      if (xj === 0) continue;
      if (q === 1) {
        for (let t = 0; t < ri.length; t++) R[ri[t]!] -= lv[at + t]! * xj;
      } else if (q === 2) {
        for (let t = 0; t < ri.length; t++) {
          const i = ri[t]!;
          const e = (at + t) * 2;
          R[i] -= lv[e]! * xj;
          R[m + i] -= lv[e + 1]! * xj;
        }
      } else {
        for (let t = 0; t < ri.length; t++) {
          const i = ri[t]!;
          const e = (at + t) * q;
          for (let l = 0; l < q; l++) R[l * m + i] -= lv[e + l]! * xj;
        }
      }
    } else {
      for (let l = 0; l < q; l++) acc[l] = 0;
      for (let t = 0; t < ri.length; t++) {
        const xi = x[ri[t]!]!;
        if (xi === 0) continue;
        const e = (at + t) * q;
        for (let l = 0; l < q; l++) acc[l] += lv[e + l]! * xi;
      }
      for (let l = 0; l < q; l++) R[l * m + j] -= acc[l]!;
    }
  }
}
