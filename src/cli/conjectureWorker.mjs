// Worker-thread entry of `mechcheck conjecture`: TypeScript through tsx (no build step), then the
// run itself (conjectureRun.ts). A separate thread so that a check that never returns can be
// stopped (Worker.terminate interrupts even a synchronous infinite loop).
import { register } from "tsx/esm/api";
register();
await import("./conjectureRun.ts");
