/**
 * Profiles of per-agent indices (type profiles, report profiles, action profiles) and their
 * mixed-radix encoding: profile (k_1, …, k_n) over sets of sizes (m_1, …, m_n) has index
 * Σ_i k_i · Π_{j>i} m_j (the last agent varies fastest). Every table indexed "by profile" in
 * mechcheck uses this order.
 */
export type Profile = readonly number[];

/** The number of profiles over sets of the given sizes (their product; 1 for no sets). */
export function profileCount(sizes: readonly number[]): number {
  let c = 1;
  for (const m of sizes) c *= m;
  return c;
}

/** The mixed-radix index of a profile (the last agent varies fastest), the order of every table indexed by profile. */
export function profileIndex(sizes: readonly number[], profile: Profile): number {
  let idx = 0;
  for (let i = 0; i < sizes.length; i++) idx = idx * sizes[i]! + profile[i]!;
  return idx;
}

/** The profile at a mixed-radix index (the inverse of `profileIndex`). */
export function profileAt(sizes: readonly number[], index: number): number[] {
  const out = new Array<number>(sizes.length);
  for (let i = sizes.length - 1; i >= 0; i--) {
    out[i] = index % sizes[i]!;
    index = Math.floor(index / sizes[i]!);
  }
  return out;
}

/** All profiles in index order. */
export function* allProfiles(sizes: readonly number[]): Generator<number[]> {
  const n = profileCount(sizes);
  for (let k = 0; k < n; k++) yield profileAt(sizes, k);
}

/** The profile with agent i's entry replaced by k (a unilateral deviation). */
export function withEntry(profile: Profile, i: number, k: number): number[] {
  const out = profile.slice();
  out[i] = k;
  return out;
}

/** The others' profile t_{-i} (agent i removed) and its index among the others' sizes. */
export function othersIndex(sizes: readonly number[], profile: Profile, i: number): number {
  let idx = 0;
  for (let j = 0; j < sizes.length; j++) if (j !== i) idx = idx * sizes[j]! + profile[j]!;
  return idx;
}

/** Sizes of the others' sets (agent i removed). */
export function othersSizes(sizes: readonly number[], i: number): number[] {
  return sizes.filter((_, j) => j !== i);
}

/** Rebuild a full profile from agent i's entry and the others' profile index. */
export function joinProfile(sizes: readonly number[], i: number, own: number, othersIdx: number): number[] {
  const others = profileAt(othersSizes(sizes, i), othersIdx);
  const out: number[] = [];
  let k = 0;
  for (let j = 0; j < sizes.length; j++) out.push(j === i ? own : others[k++]!);
  return out;
}

/**
 * stride[i] = Π_{j>i} m_j: the step of agent i's entry in a profile index. With it, the index
 * arithmetic of one agent is O(1) instead of O(n) (20,000 agents must not cost 20,000² steps).
 */
export function strides(sizes: readonly number[]): number[] {
  const out = new Array<number>(sizes.length);
  let s = 1;
  for (let i = sizes.length - 1; i >= 0; i--) {
    out[i] = s;
    s *= sizes[i]!;
  }
  return out;
}

/** Agent i's entry of the profile with index `index`, given stride_i and m_i (O(1)). */
export function entryAt(stride: number, mi: number, index: number): number {
  return Math.floor(index / stride) % mi;
}

/**
 * The index of the full profile with agent i's entry `own` and the others' profile index
 * `othersIdx` (othersIndex order), given stride_i and m_i: O(1). Equals
 * profileIndex(sizes, joinProfile(sizes, i, own, othersIdx)): the others after i are the low
 * digits (same stride), the others before i the high ones.
 */
export function joinIndex(stride: number, mi: number, own: number, othersIdx: number): number {
  return Math.floor(othersIdx / stride) * stride * mi + own * stride + (othersIdx % stride);
}
