/**
 * One worker thread of the `check` pool (see pool.ts): loads the catalogue and the LP engine once,
 * then runs each theorem it is sent and replies with the run as exact JSON text.
 */
import { parentPort, workerData } from "node:worker_threads";
import { isMechcheckError } from "../errors.ts";
import { toExactJsonText } from "../exact/rational.ts";
import { loadLpEngine } from "../lp/solve.ts";
import type { PoolReply, PoolRequest, PoolWorkerData } from "./pool.ts";
import { runTheorem } from "./runner.ts";

const port = parentPort;
if (port === null) throw new Error("poolWorker runs only as a worker thread");
const { runOptions } = workerData as PoolWorkerData;
const { THEOREMS } = await import("../catalogue/index.ts");
await loadLpEngine();
port.on("message", (msg: PoolRequest) => {
  if ("stop" in msg) {
    port.close();
    return;
  }
  let reply: PoolReply;
  try {
    const thm = THEOREMS.find((t) => t.id === msg.id);
    if (!thm) throw new Error(`no theorem with id ${JSON.stringify(msg.id)}`);
    reply = { index: msg.index, json: toExactJsonText(runTheorem(thm, runOptions), 0) };
  } catch (e) {
    reply = { index: msg.index, error: e instanceof Error ? e.message : String(e), ...(isMechcheckError(e) ? { code: e.code } : {}) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies PoolReply);
