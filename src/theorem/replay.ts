/**
 * Replay that RE-DERIVES: a saved case is decoded with the theorem's codec, its check is run again
 * by the code of today, and — for a case that must still fail — the violation it computes is
 * compared with the one in the record.
 *
 * What is compared (decided, and asserted in test/theorem/replay-rederive.test.ts): the `violation`
 * object, as exact canonical JSON (rationals as their exact fractions, keys in the order the check
 * builds them — the order the record was written in). It carries the code / kind of the violated
 * constraint and its key amounts (gaps, totals, profiles, agents), so an edited amount (a gap of 1
 * saved as 7) or a changed certificate is seen. The prose `message` is NOT compared: rewording a
 * message is not a change of verdict. A record whose violation differs is "stale" (not ok).
 *
 * A record whose violation is the same but whose message was reworded replays ok, flagged
 * `messageReworded`. `mechcheck replay --update` rewrites stale and reworded records with the
 * recomputed violation and message,
 * atomically, under the same name (the name is the hash of the instance, which does not change).
 * It is the one deliberate rewrite of a saved file; no `.bak` copy is kept — git has the history.
 */
import { isMechcheckError } from "../errors.ts";
import { toExactJsonText } from "../exact/rational.ts";
import { recordToJson, type CounterexampleRecord } from "../store/counterexamples.ts";
import { writeFileAtomic } from "../store/atomic.ts";
import type { CheckResult, ReplayOutcome, Theorem } from "../catalogue/types.ts";

/** Canonical exact JSON of a violation (what replay compares). */
export function canonicalViolation(v: unknown): string {
  return toExactJsonText(v === undefined ? null : v, 0);
}

/** True iff the two violations are the same data (exact numbers, same keys in the same order). */
export function sameViolation(saved: unknown, recomputed: unknown): boolean {
  return canonicalViolation(saved) === canonicalViolation(recomputed);
}

function runCheck<T>(thm: Theorem<T>, x: T): CheckResult | { error: string } {
  try {
    return thm.check(x);
  } catch (e) {
    return { error: isMechcheckError(e) ? `[${e.code}] ${e.message}` : e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** Replay one saved record: decode, re-check, and (for `expect: "fails"`) compare the violation. */
export function replayRecord<T>(thm: Theorem<T>, record: CounterexampleRecord, file: string): ReplayOutcome {
  let x: T;
  try {
    x = thm.codec.decode(record.instance);
  } catch (e) {
    return { file, expect: record.expect, ok: false, message: `cannot decode the saved instance: ${isMechcheckError(e) ? e.message : String(e)}` };
  }
  const r = runCheck(thm, x);
  if ("error" in r) return { file, expect: record.expect, ok: false, message: `check threw: ${r.error}` };
  if (record.expect === "fails") {
    if (r.ok) return { file, expect: "fails", ok: false, message: "the saved counterexample no longer fails the check" };
    if (!sameViolation(record.violation, r.violation)) {
      return {
        file,
        expect: "fails",
        ok: false,
        violation: "stale",
        message: `stale: still fails, but the violation computed today differs from the saved one (saved ${clip(canonicalViolation(record.violation))}; today ${clip(canonicalViolation(r.violation))}); \`mechcheck replay --update\` rewrites it`,
        recomputed: { violation: r.violation, message: r.message },
      };
    }
    // Same violation, reworded prose: still ok (a rewording is not a change of verdict); --update
    // refreshes the message so the file reads as the code writes it today.
    if (r.message !== record.message) return { file, expect: "fails", ok: true, violation: "same", message: r.message, messageReworded: true, recomputed: { violation: r.violation, message: r.message } };
    return { file, expect: "fails", ok: true, violation: "same", message: r.message };
  }
  return r.ok ? { file, expect: "holds", ok: true } : { file, expect: "holds", ok: false, message: r.message };
}

function clip(s: string, n = 160): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

/**
 * The record with today's violation and message (everything else kept), or null if there is
 * nothing to rewrite (only a still-failing case with a changed violation or a reworded message).
 */
export function updatedRecord(record: CounterexampleRecord, outcome: ReplayOutcome): CounterexampleRecord | null {
  if ((outcome.violation !== "stale" && outcome.messageReworded !== true) || outcome.recomputed === undefined) return null;
  return { ...record, violation: outcome.recomputed.violation, message: outcome.recomputed.message };
}

/** Rewrite a stale record in place, atomically (same file name). Returns true if it was rewritten. */
export function rewriteStaleRecord(absFile: string, record: CounterexampleRecord, outcome: ReplayOutcome): boolean {
  const next = updatedRecord(record, outcome);
  if (next === null) return false;
  writeFileAtomic(absFile, recordToJson(next));
  return true;
}
