/**
 * `npx tsx bench/verify-profile.ts` (not a test): where the certified time goes on the
 * independent-belief trade LPs (the issue-16 family), float vs certified interleaved, with the
 * final `verify` timed on its own. Prints one line per instance with the load average.
 */
import { loadavg } from "node:os";
import { DEFAULT_SETTINGS, loadHighs } from "../src/lp/engine.ts";
import { loadLpEngine, solveWithStats } from "../src/lp/solve.ts";
import { verify } from "../src/lp/verify.ts";
import { randomTypeSpace, tradeLp } from "../src/beliefs/noTrade.ts";

const la = () => loadavg().map((x) => x.toFixed(2)).join("/");
const args = process.argv.slice(2);
const sizes: [number, number, number][] = args.includes("--big") ? [[6, 6, 3], [10, 10, 4]] : [[6, 6, 3]];
const RUNS = Number(args[args.indexOf("--runs") + 1] ?? 3) || 3;

async function main() {
  const engine = await loadHighs();
  await loadLpEngine();
  for (const [a, b, s] of sizes) {
    const build = () => tradeLp(randomTypeSpace(`bench-T-ind-${a}-${s}`, { types: [a, b], states: s, kind: "independent" }), { ic: true });
    build(); solveWithStats(build()); // warm
    const fl: number[] = [], ce: number[] = [], ve: number[] = [], vOnly: number[] = [], cf: number[] = [], lu: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const m1 = build();
      let t = performance.now();
      engine.propose(m1, DEFAULT_SETTINGS);
      fl.push(performance.now() - t);
      const m2 = build();
      t = performance.now();
      const { result, stats } = solveWithStats(m2);
      ce.push(performance.now() - t);
      ve.push(stats.verifyMs);
      cf.push(stats.certifyMs);
      lu.push(stats.luMs);
      t = performance.now();
      const ok = verify(build(), result).ok;
      vOnly.push(performance.now() - t);
      if (!ok) throw new Error("verify rejected");
    }
    const med = (xs: number[]) => xs.slice().sort((x, y) => x - y)[xs.length >> 1]!;
    const m = build();
    console.log(`independent ${a}×${b}×${s} (${m.rows.length}×${m.variables.length}) load ${la()}: float ${med(fl).toFixed(0)} ms, certified ${med(ce).toFixed(0)} ms (certify ${med(cf).toFixed(0)} ms of which LU ${med(lu).toFixed(0)} ms, verify ${med(ve).toFixed(0)} ms), verify alone ${med(vOnly).toFixed(0)} ms, ratio ${(med(ce) / med(fl)).toFixed(2)}×`);
  }
}
main().catch((e) => { console.error(e); process.exitCode = 1; });
