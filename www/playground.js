// The playground: the same wasm engine and snapshot the extension bundles, run in the
// page (served by scripts/serve.mjs from dist/pkg and dist/snapshot).
import init, { Engine } from "/pkg/clearmark.js";

const status = document.getElementById("status");
const title = document.getElementById("title");
const out = document.getElementById("findings");

async function start() {
  await init({ module_or_path: "/pkg/clearmark_bg.wasm" });
  const res = await fetch("/snapshot/default.snap");
  if (!res.ok) throw new Error(`no snapshot at /snapshot/default.snap (HTTP ${res.status}); run \`make run\``);
  const engine = new Engine(new Uint8Array(await res.arrayBuffer()));
  status.textContent = "Engine ready. " + JSON.stringify(engine.snapshotInfo());
  const render = () => {
    const report = engine.check({ id: "playground", title: title.value });
    out.replaceChildren(
      ...report.findings.map((f) => {
        const d = document.createElement("div");
        d.className = "finding";
        d.textContent = `${f.start}–${f.end} “${f.text}”: ${f.kind}, ${f.severity} — ${f.reason}`;
        return d;
      }),
    );
    if (!report.findings.length) out.textContent = "No findings.";
  };
  title.addEventListener("input", render);
  render();
}

start().catch((e) => {
  status.className = "error";
  status.textContent = "The engine did not start: " + (e && e.message ? e.message : String(e));
});
