// @ts-check
/**
 * The static server of the fixture pages and the playground (127.0.0.1 only).
 *
 * - HTTP: www/ as is ("/" is www/index.html), plus the build's wasm package at /pkg/
 *   and snapshot at /snapshot/ for the playground.
 * - HTTPS (self-signed, see scripts/cert.mjs): the same, and a request whose Host is one
 *   of a site's real host names (www/sites.json) and whose path starts with the site's
 *   path gets that site's fixture page — so the browser sees the real seller URL and the
 *   extension's shipped manifest decides whether to run.
 * - A request to a site's host whose file exists under www/<host>/<path> (fixtures kept at
 *   the real site's paths, with their assets beside them) gets that file first; any
 *   host gets the shared fixture kit at /fixture-kit/ (www/fixture-kit/).
 * - Any HTML document requested with `?csp=script` is sent with
 *   `Content-Security-Policy: script-src 'self'`, `?csp=default` with `default-src 'self'`.
 *
 * Used in-process by the e2e tests (startServers) and from `make run` (main below).
 */
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCert } from "./cert.mjs";

const REPO = resolve(fileURLToPath(import.meta.url), "../..");

/** @type {Record<string, string>} */
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".snap": "application/octet-stream",
};

/** @type {Record<string, string>} */
const CSP = { script: "script-src 'self'", default: "default-src 'self'" };

/**
 * @typedef {object} Site
 * @property {string} name
 * @property {string[]} hosts
 * @property {string} path
 * @property {string} page
 */

/**
 * The fixture sites served under real host names.
 * @param {string} www
 * @returns {Promise<Site[]>}
 */
export async function readSites(www = join(REPO, "www")) {
  const json = JSON.parse(await readFile(join(www, "sites.json"), "utf8"));
  return json.sites;
}

/**
 * Resolves `urlPath` under `dir`, refusing anything that climbs out of it.
 * @param {string} dir
 * @param {string} urlPath
 */
function inside(dir, urlPath) {
  const p = normalize(join(dir, decodeURIComponent(urlPath)));
  return p === dir || p.startsWith(dir + sep) ? p : null;
}

/**
 * A fixture kept at the real site's path under a folder named after its host
 * (www/<host>/<path>, e.g. www/www.ebay.com/sl/list/index.html): the file for a request
 * to that host, or null when there is none (then sites.json's page mapping applies).
 * @param {string} www
 * @param {string} host
 * @param {string} urlPath
 */
async function hostFile(www, host, urlPath) {
  const dir = join(www, host);
  let p = inside(dir, urlPath);
  if (!p) return null;
  let st = await stat(p).catch(() => null);
  if (st && st.isDirectory()) {
    p = join(p, "index.html");
    st = await stat(p).catch(() => null);
  }
  return st && st.isFile() ? p : null;
}

/**
 * The request handler shared by both servers.
 * @param {{www: string, dist: string, sites: Site[]}} opts
 * @returns {import("node:http").RequestListener}
 */
function handler({ www, dist, sites }) {
  return async (req, res) => {
    try {
      const url = new URL(req.url || "/", "http://x");
      const host = (req.headers.host || "").replace(/:\d+$/, "").toLowerCase();
      /** @type {string | null} */
      let file = null;
      const site = sites.find((s) => s.hosts.includes(host) && url.pathname.startsWith(s.path));
      // Browsers ask every host for a favicon; an empty answer keeps 404s out of the
      // console the tests watch.
      if (url.pathname === "/favicon.ico") {
        res.writeHead(204);
        return res.end();
      }
      const mirrored = sites.some((s) => s.hosts.includes(host)) ? await hostFile(www, host, url.pathname) : null;
      if (mirrored) file = mirrored;
      // The fixture kit (www/fixture-kit/): scripts the fixture pages of every host share.
      else if (url.pathname.startsWith("/fixture-kit/")) file = inside(www, url.pathname);
      else if (site) file = inside(www, site.page);
      else if (url.pathname.startsWith("/pkg/")) file = inside(join(dist, "pkg"), url.pathname.slice(5));
      else if (url.pathname.startsWith("/snapshot/")) file = inside(join(dist, "snapshot"), url.pathname.slice(10));
      else file = inside(www, url.pathname === "/" ? "index.html" : url.pathname);
      if (!file) return send(res, 400, "bad path");
      let st = await stat(file).catch(() => null);
      if (st && st.isDirectory()) {
        file = join(file, "index.html");
        st = await stat(file).catch(() => null);
      }
      if (!st || !st.isFile()) return send(res, 404, `not found: ${url.pathname}`);
      const type = TYPES[extname(file)] || "application/octet-stream";
      /** @type {Record<string, string>} */
      const headers = { "content-type": type, "cache-control": "no-store" };
      const csp = url.searchParams.get("csp");
      if (csp && type.startsWith("text/html")) {
        if (!CSP[csp]) return send(res, 400, `unknown csp=${csp}; use one of ${Object.keys(CSP).join(", ")}`);
        headers["content-security-policy"] = CSP[csp];
      }
      res.writeHead(200, headers);
      res.end(await readFile(file));
    } catch (e) {
      send(res, 500, String(e));
    }
  };
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text + "\n");
}

/**
 * @param {import("node:net").Server} server
 * @param {number} port
 * @returns {Promise<number>} the port bound
 */
function listen(server, port) {
  return new Promise((ok, fail) => {
    server.once("error", (e) => {
      const err = /** @type {NodeJS.ErrnoException} */ (e);
      fail(
        err.code === "EADDRINUSE"
          ? new Error(`port ${port} on 127.0.0.1 is in use; pick another (e.g. PORT=${port + 1} make run) or stop what holds it`)
          : err,
      );
    });
    server.listen(port, "127.0.0.1", () => {
      const a = server.address();
      ok(typeof a === "object" && a ? a.port : port);
    });
  });
}

/**
 * Closes `server` without waiting on its clients: `close()` alone waits until every
 * connection has ended, and a browser that quits without ending one (or a tunnel a
 * proxy left open) would hold it for ever. Every socket the server accepted is tracked
 * and destroyed. Resolves with how many were still open, for the test log.
 * @param {import("node:net").Server} server
 * @returns {() => Promise<number>}
 */
export function forcefulClose(server) {
  /** @type {Set<import("node:net").Socket>} */
  const sockets = new Set();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return () =>
    new Promise((done) => {
      const open = sockets.size;
      server.close(() => done(open));
      for (const s of sockets) s.destroy();
    });
}

/**
 * Starts the HTTP and HTTPS servers. Port 0 picks a free port.
 * @param {{httpPort?: number, httpsPort?: number, www?: string, dist?: string, certDir?: string}} [opts]
 */
export async function startServers(opts = {}) {
  const www = opts.www || join(REPO, "www");
  const dist = opts.dist || join(REPO, "dist");
  const sites = await readSites(www);
  const hosts = [...new Set(sites.flatMap((s) => s.hosts))];
  const cert = await ensureCert(opts.certDir || join(REPO, "tmp", "cert"), hosts);
  const h = handler({ www, dist, sites });
  const http = createHttpServer(h);
  const https = createHttpsServer({ key: cert.key, cert: cert.cert }, h);
  const closeHttp = forcefulClose(http);
  const closeHttps = forcefulClose(https);
  const httpPort = await listen(http, opts.httpPort ?? 0);
  const httpsPort = await listen(https, opts.httpsPort ?? 0);
  return {
    sites,
    hosts,
    httpPort,
    httpsPort,
    /** Plain URL of a www/ path. @param {string} path */
    local: (path) => `http://127.0.0.1:${httpPort}${path}`,
    /** The real-host URL of a site. @param {Site} site @param {string} [query] */
    real: (site, query = "") => `https://${site.hosts[0]}:${httpsPort}${site.path}${query}`,
    /** Closes both servers, destroying open connections; resolves with how many were open. */
    close: async () => (await Promise.all([closeHttp(), closeHttps()])).reduce((a, b) => a + b, 0),
  };
}

async function main() {
  const httpPort = Number(process.env.PORT || 8080);
  const httpsPort = Number(process.env.HTTPS_PORT || httpPort + 363);
  const s = await startServers({ httpPort, httpsPort });
  const map = s.hosts.map((h) => `MAP ${h} 127.0.0.1:${s.httpsPort}`).join(", ");
  const first = s.sites[0];
  const realUrl = first ? `https://${first.hosts[0]}${first.path}` : "";
  console.log(`
Clearmark is built and served on 127.0.0.1 (Ctrl-C stops the server).

  Playground (engine in the page):  ${s.local("/playground.html")}
  Fixture pages:                    ${s.local("/")}
  Fixtures under real host names:   https://127.0.0.1:${s.httpsPort} (self-signed)

The extension runs only on the real seller and product pages its manifest lists, so to
see it on the fixtures the browser must send those host names to this server:

Chromium / Chrome
  - Unpacked:  chrome://extensions → Developer mode → Load unpacked → ${join(REPO, "dist/chrome")}
  - Zip:       ${join(REPO, "dist/clearmark-chrome.zip")} (for the Web Store)
  - Try it on the fixture (a throw-away profile, host names mapped to this server):
      chromium --user-data-dir=$(mktemp -d) --ignore-certificate-errors \\
        --host-resolver-rules="${map}" \\
        --load-extension=${join(REPO, "dist/chrome")} ${realUrl}

Firefox
  - Temporary: about:debugging#/runtime/this-firefox → Load Temporary Add-on… →
               ${join(REPO, "dist/firefox/manifest.json")}
  - Zip:       ${join(REPO, "dist/clearmark-firefox.zip")} (for addons.mozilla.org)
  - Try it on the fixture (a throw-away profile, host names mapped to 127.0.0.1):
      npx web-ext run -s ${join(REPO, "dist/firefox")} \\
        --pref network.dns.localDomains=${s.hosts.join(",")} \\
        --url https://${first ? first.hosts[0] : "localhost"}:${s.httpsPort}${first ? first.path : ""}
    (accept the self-signed certificate warning once)
`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`serve: ${e.message}`);
    process.exit(1);
  });
}
