/**
 * Issue 9, item 5: `mechcheck … | head` — the reader goes away (EPIPE). The run ends quietly: no
 * stack trace, no error line, the command's own exit code. A real process is needed here.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/mechcheck.mjs", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy(); // the reader is gone before the first write: every write is EPIPE
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe("EPIPE", () => {
  it("list with its reader gone: exit 0, nothing on stderr", async () => {
    const r = await runWithClosedStdout(["list", "--markdown"]);
    expect(r.stderr).toBe("");
    expect(r).toMatchObject({ code: 0, signal: null });
  }, 60_000);

  it("a usage error with stdout gone still reports on stderr (control: stderr is not silenced)", async () => {
    const r = await runWithClosedStdout(["list", "extra"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mechcheck list: error \[usage\]: list: unexpected argument "extra"/);
  }, 60_000);
});
