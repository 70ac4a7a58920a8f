// @ts-check
/**
 * A recording HTTP proxy on 127.0.0.1 for the privacy e2e test: the browser sends every
 * request through it (Chromium `--proxy-server` with loopback not bypassed, Firefox's
 * proxy preferences with localhost hijacking allowed), so it sees each request the
 * browser makes — page, content script, extension page or background alike. It logs
 * every one (`CONNECT host:port` for HTTPS, `METHOD url` for plain HTTP) and forwards
 * only to this machine: a fixture host name (the test server's hosts) or 127.0.0.1 /
 * localhost go to 127.0.0.1 at the same port; anything else is answered 403 and logged,
 * so nothing reaches the network even if something tried.
 */
import { createServer, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { forcefulClose } from "../../scripts/serve.mjs";

/**
 * @typedef {object} Logged
 * @property {string} kind     "CONNECT" or the HTTP method
 * @property {string} host
 * @property {number} port
 * @property {string} path     "" for CONNECT
 * @property {boolean} local   forwarded to this machine
 */

/**
 * @param {string[]} localHosts  host names that are this machine's fixture server
 * @returns {Promise<{port: number, log: Logged[], close: () => Promise<number>}>}  close resolves with the connections still open
 */
export async function startRecordingProxy(localHosts) {
  const local = new Set([...localHosts, "127.0.0.1", "localhost"]);
  /** @type {Logged[]} */
  const log = [];
  const server = createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url || "");
    } catch {
      res.writeHead(400).end();
      return;
    }
    const port = Number(url.port || 80);
    const ok = local.has(url.hostname);
    log.push({ kind: req.method || "GET", host: url.hostname, port, path: url.pathname + url.search, local: ok });
    if (!ok) {
      res.writeHead(403).end("not forwarded: the test allows no network");
      return;
    }
    const up = httpRequest({ host: "127.0.0.1", port, method: req.method, path: url.pathname + url.search, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode || 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => res.writeHead(502).end());
    req.pipe(up);
  });
  server.on("connect", (req, socket, head) => {
    const [host, p] = (req.url || "").split(":");
    const port = Number(p || 443);
    const ok = local.has(host);
    log.push({ kind: "CONNECT", host, port, path: "", local: ok });
    if (!ok) {
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    const up = connect(port, "127.0.0.1", () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    // Either end closing, however it closes, closes the other: a tunnel whose browser end
    // has gone must not keep the fixture server's connection open.
    up.on("error", () => socket.destroy());
    socket.on("error", () => up.destroy());
    up.on("close", () => socket.destroy());
    socket.on("close", () => up.destroy());
  });
  const close = forcefulClose(server);
  await new Promise((r) => server.listen(0, "127.0.0.1", () => r(undefined)));
  const addr = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    port: addr.port,
    log,
    close,
  };
}
