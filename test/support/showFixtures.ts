/**
 * Saved cases for the `show` tests that are not in counterexamples/: a conjecture case saved with
 * the default exact-JSON codec (an Environment, rationals as {"q": "p/q"}), and a Unicode-heavy
 * instance (Greek, arrows, accents, CJK, an emoji in labels and message). Written into a fresh
 * folder under os.tmpdir(), never into the checkout.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const record = <I, V>(theorem: string, instance: I, violation: V, message: string) => ({
  format: 1,
  theorem,
  kind: "theorem",
  expect: "fails",
  instance,
  violation,
  message,
  seed: 1,
  path: "0",
  origin: "mechcheck conjecture conjectures/x.ts --seed 1 --runs 10",
  toolVersion: "0.1.0",
});

/** A 2-agent private-values environment as the exact-JSON codec saves it (profile order: last agent fastest). */
export const DEFAULT_CODEC_CASE = record(
  "my-pivot-conjecture",
  {
    agents: ["1", "2"],
    types: [
      ["t1", "t2"],
      ["t1", "t2", "t3"],
    ],
    decisions: ["d1", "d2"],
    // valuation[i][θ][d]; agent 1's value depends on its own type only, agent 2's on its own.
    valuation: [
      [[{ q: "1/3" }, { q: "0" }], [{ q: "1/3" }, { q: "0" }], [{ q: "1/3" }, { q: "0" }], [{ q: "2" }, { q: "0" }], [{ q: "2" }, { q: "0" }], [{ q: "2" }, { q: "0" }]],
      [[{ q: "0" }, { q: "1" }], [{ q: "0" }, { q: "5/7" }], [{ q: "0" }, { q: "-1" }], [{ q: "0" }, { q: "1" }], [{ q: "0" }, { q: "5/7" }], [{ q: "0" }, { q: "-1" }]],
    ],
  },
  { code: "expost-ir", agent: 1, trueProfile: [1, 2], utility: { q: "-3/4" }, reservation: { q: "0" }, gain: { q: "3/4" }, payments: [["0", "1/2"], ["0", "0"], ["0", "0"], ["1", "0"], ["0", "-2/3"], ["0", "3/4"]] },
  'agent "2" at type profile ("t2", "t3") gets utility -3/4, below its reservation level 0 by 3/4',
);

/** Labels and message full of non-ASCII characters; the instance format. */
export const UNICODE_CASE = record(
  "unicode-labels",
  {
    mechcheck: 1,
    environment: {
      agents: ["α-bidder", "Bieterin_é"],
      types: { "α-bidder": ["θ₁", "θ₂"], Bieterin_é: ["low ≤ 1", "high ≥ 2"] },
      decisions: ["α gets it → λ", "Bieterin_é gets it", "nobody (∅)"],
      valuation: {
        "α-bidder": { "θ₁": { "α gets it → λ": "1/2" }, "θ₂": { "α gets it → λ": "3" } },
        Bieterin_é: { "low ≤ 1": { "Bieterin_é gets it": "1" }, "high ≥ 2": { "Bieterin_é gets it": "2" } },
      },
    },
  },
  { code: "dsic", agent: 0, trueType: 0, reportedType: 1, gain: "1/2", note: "Σ_{j≠i} v_j ≥ λ·θ — 中文 😀 & 50% $ # _ ^ ~ { } \\ < > |" },
  "bidder α (θ₁) gains ½ by reporting θ₂: Σ_{j≠i} v_j − p_i ≥ λ; “quotes” — 中文 😀 & 50% $ # _ ^ ~ { } \\ < > |",
);

/** Writes the fixtures; returns their paths by name. */
export function writeShowFixtures(): { dir: string; defaultCodec: string; unicode: string } {
  const dir = mkdtempSync(join(tmpdir(), "mechcheck-show-"));
  const defaultCodec = join(dir, "default-codec.json");
  const unicode = join(dir, "unicode.json");
  writeFileSync(defaultCodec, JSON.stringify(DEFAULT_CODEC_CASE, null, 2));
  writeFileSync(unicode, JSON.stringify(UNICODE_CASE, null, 2));
  return { dir, defaultCodec, unicode };
}
