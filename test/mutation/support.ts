import { MechcheckError } from "../../src/errors.ts";

/** The MechcheckError `f` throws (fails the test if it throws nothing, or something else). */
export function caught(f: () => unknown): MechcheckError {
  try {
    f();
  } catch (e) {
    if (e instanceof MechcheckError) return e;
    throw new Error(`expected a MechcheckError, got ${String(e)}`);
  }
  throw new Error("expected a MechcheckError, nothing was thrown");
}
