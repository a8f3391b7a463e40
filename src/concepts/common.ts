/** Small shared pieces of the concept checkers: tracking the worst violation and the tightest slack. */
import type { Q } from "../exact/rational.ts";
import { sign } from "../exact/rational.ts";
import type { SlackWitness, Verdict } from "./types.ts";

/**
 * Scans constraints "gain ≤ 0": remembers the violation with the largest gain (the first one among
 * equal gains) and the smallest slack (−gain) over all constraints.
 */
export class Scan<V extends { readonly gain: Q }> {
  private worst: V | null = null;
  private minSlack: Q | null = null;
  private count = 0;

  /** Record a constraint with exact gain; `make` builds the violation only when needed. */
  see(gain: Q, make: () => V): void {
    this.count++;
    const slack = gain.neg();
    if (this.minSlack === null || slack.compare(this.minSlack) < 0) this.minSlack = slack;
    if (sign(gain) > 0 && (this.worst === null || gain.compare(this.worst.gain) > 0)) this.worst = make();
  }

  verdict(): Verdict<SlackWitness, V> {
    if (this.worst !== null) return { verdict: "fails", violation: this.worst };
    return { verdict: "holds", witness: { constraints: this.count, minSlack: this.minSlack } };
  }
}
