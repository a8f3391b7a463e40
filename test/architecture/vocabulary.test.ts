/**
 * The closed vocabulary (issue 12): error codes, violation codes and run outcomes are unions the
 * compiler checks. The `@ts-expect-error` lines are the negative controls: `tsc --noEmit` (part of
 * `npm test`) fails if any of them starts to compile.
 */
import { describe, expect, it } from "vitest";
import { ERROR_CODES, InternalError, MechcheckError, assertNever, isErrorCode, type ErrorCode } from "../../src/errors.ts";
import type { TheoremRun, TheoremRunBase } from "../../src/catalogue/types.ts";
import { VIOLATION_CODES, type Violation } from "../../src/concepts/types.ts";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const base: TheoremRunBase = { id: "x", kind: "refutation", source: "s", ok: false, cases: 1, casesMeetingHypothesis: 1, seed: 1, runs: 1, ms: 0, replayed: [] };

describe("error codes", () => {
  it("are a closed list without duplicates, and the merged synonyms are gone", () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const old of ["dimension-mismatch", "bad-shape", "singular-matrix", "singular-basis", "file-unreadable", "lp-unexpected-status", "bad-model", "internal"]) expect(isErrorCode(old)).toBe(false);
    expect(isErrorCode("usage")).toBe(true);
  });
  it("every literal code used in src/ is in the list (the compiler checks this too)", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk("src");
    const used = new Set<string>();
    for (const f of files) for (const m of readFileSync(f, "utf8").matchAll(/MechcheckError\(\s*"([a-z0-9-]+)"/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((c) => !isErrorCode(c))).toEqual([]);
  });
  it("an unknown code does not compile; an internal assertion is a distinct class", () => {
    // @ts-expect-error "no-such-code" is not an ErrorCode
    const e = new MechcheckError("no-such-code", "m");
    expect(e).toBeInstanceOf(MechcheckError);
    const code: ErrorCode = "dimension";
    expect(new MechcheckError(code, "m", { path: "a", value: 1, limit: 2 }).limit).toBe(2);
    const bug = new InternalError("broken invariant");
    expect(bug).not.toBeInstanceOf(MechcheckError);
    expect(bug.code).toBe("internal");
    expect(() => assertNever("x" as never)).toThrow(InternalError);
  });
});

describe("TheoremRun is a union by outcome", () => {
  it("refuted needs a counterexample; holds may not carry one", () => {
    const cx = { instance: {}, violation: null, message: "m", seed: 1, path: "0", numShrinks: 0 };
    const refuted: TheoremRun = { ...base, outcome: "refuted", counterexample: cx };
    // @ts-expect-error a refuted run without its counterexample
    const bad: TheoremRun = { ...base, outcome: "refuted" };
    // @ts-expect-error an error run that does not say why
    const silent: TheoremRun = { ...base, outcome: "error" };
    // @ts-expect-error a holding run with a counterexample
    const holdsWithCx: TheoremRun = { ...base, outcome: "holds", counterexample: cx };
    expect(refuted.outcome === "refuted" && refuted.counterexample.message).toBe("m");
    expect([bad, silent, holdsWithCx].map((r) => r.outcome)).toEqual(["refuted", "error", "holds"]);
  });
});

describe("violation codes", () => {
  it("are the codes of the Violation union, each once", () => {
    expect(new Set(VIOLATION_CODES).size).toBe(VIOLATION_CODES.length);
    const v: Violation["code"] = "dsic";
    expect(VIOLATION_CODES).toContain(v);
    // @ts-expect-error not a violation code
    const w: Violation["code"] = "dsic-ish";
    expect(VIOLATION_CODES).not.toContain(w);
  });
});
