// Module-resolution hook of the conjecture worker (registered by conjectureWorker.mjs). A user's
// conjecture imports `mechcheck` and `fast-check`; when its own folder cannot resolve them (a file
// outside any project, or a project where they are not installed), they resolve from the running
// mechcheck package instead. In the repository (`fromSource`), the `mechcheck-source` export
// condition maps `mechcheck` to the TypeScript sources, so no build is needed.
let data = { packageJson: "", fromSource: false };

export function initialize(d) {
  data = d;
}

const OURS = /^(mechcheck|fast-check)(\/.*)?$/;

export async function resolve(specifier, context, next) {
  const ctx = data.fromSource ? { ...context, conditions: [...context.conditions, "mechcheck-source"] } : context;
  try {
    const r = await next(specifier, ctx);
    // A conjecture is an ES module (`export default conjecture(…)`), also in a folder without a
    // package.json saying "type": "module" (where a .ts file would otherwise load as CommonJS).
    if (/\.ts$/.test(r.url) && !r.url.includes("/node_modules/") && (r.format === undefined || r.format === null || r.format === "commonjs")) return { ...r, format: "module" };
    return r;
  } catch (e) {
    if (!OURS.test(specifier) || e?.code !== "ERR_MODULE_NOT_FOUND") throw e;
    return next(specifier, { ...ctx, parentURL: data.packageJson });
  }
}
