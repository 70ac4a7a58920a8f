// @ts-check
/**
 * A real update feed on 127.0.0.1 for the updater's e2e tests, with misbehaviour the
 * test controls: it serves a feed folder written by `clearmark snapshot publish`
 * (latest.json + the snapshot file) and can flip a byte, truncate the body, drop the
 * connection mid-download, trickle the body slowly or fail with an HTTP status; or, for
 * latest.json itself, never answer (a stalled feed) or send one far too long. Stopping
 * it (`close()`) makes the next request meet a refused connection: "server down".
 *
 * It answers with `Access-Control-Allow-Origin: *`, as a static feed host (GitHub Pages,
 * an object store) does, so the extension needs no host permission to read it. It keeps
 * a log of the requests so tests can assert what the extension asked for.
 */

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * How the snapshot file is served.
 * @typedef {{kind: "ok"}
 *   | {kind: "flip", at?: number}
 *   | {kind: "truncate", by?: number}
 *   | {kind: "drop", after?: number}
 *   | {kind: "slow", chunk?: number, everyMs?: number}
 *   | {kind: "status", code: number}
 *   | {kind: "stall-manifest"}
 *   | {kind: "huge-manifest"}} Mode
 */

/**
 * Starts the server on an ephemeral port.
 * @returns {Promise<FeedServer>}
 */
export async function startFeedServer() {
  const server = new FeedServer();
  await server.listen();
  return server;
}

export class FeedServer {
  constructor() {
    /** @type {string | null} the feed folder served under /feed/ */
    this.dir = null;
    /** @type {Mode} */
    this.mode = { kind: "ok" };
    /** @type {{method: string, url: string}[]} */
    this.requests = [];
    /** @type {Set<import("node:net").Socket>} */
    this.sockets = new Set();
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(e));
      });
    });
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    this.port = 0;
  }

  /** @returns {Promise<void>} */
  listen() {
    return new Promise((resolve) => {
      this.server.listen(this.port, "127.0.0.1", () => {
        const address = this.server.address();
        if (address && typeof address === "object") this.port = address.port;
        resolve();
      });
    });
  }

  /** The URL of latest.json. */
  get feedUrl() {
    return `http://127.0.0.1:${this.port}/feed/latest.json`;
  }

  /**
   * Serves `dir` (a folder written by `clearmark snapshot publish`) in `mode`.
   * @param {string} dir
   * @param {Mode} [mode]
   */
  serve(dir, mode = { kind: "ok" }) {
    this.dir = dir;
    this.mode = mode;
  }

  /** Stops listening and cuts open connections: the feed is down. */
  close() {
    return new Promise((resolve) => {
      for (const s of this.sockets) s.destroy();
      this.server.close(() => resolve(undefined));
      // close() waits for every connection to end, one opened after the loop above too.
      this.server.closeAllConnections();
    });
  }

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  async handle(req, res) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    this.requests.push({ method: req.method ?? "GET", url: url.pathname });
    const cors = { "access-control-allow-origin": "*", "cache-control": "no-store" };
    const name = url.pathname.startsWith("/feed/") ? url.pathname.slice("/feed/".length) : "";
    if (!this.dir || !name || name.includes("/") || name.startsWith(".")) {
      res.writeHead(404, cors).end("not found");
      return;
    }
    let body;
    try {
      body = await readFile(path.join(this.dir, name));
    } catch {
      res.writeHead(404, cors).end("not found");
      return;
    }
    if (name === "latest.json" && this.mode.kind === "stall-manifest") {
      // Headers and never a body: the request stays open until the client gives up.
      res.writeHead(200, { ...cors, "content-type": "application/json" });
      res.flushHeaders();
      return;
    }
    if (name === "latest.json" && this.mode.kind === "huge-manifest") {
      // Valid JSON to its end, 1 MiB long, sent without a length so only counting stops it.
      res.writeHead(200, { ...cors, "content-type": "application/json" });
      res.end(`{"padding": "${"x".repeat(1 << 20)}"}`);
      return;
    }
    if (name === "latest.json") {
      res.writeHead(200, { ...cors, "content-type": "application/json", "content-length": body.length });
      res.end(body);
      return;
    }
    const mode = this.mode;
    const octet = { ...cors, "content-type": "application/octet-stream" };
    switch (mode.kind) {
      case "ok":
        res.writeHead(200, { ...octet, "content-length": body.length }).end(body);
        return;
      case "flip": {
        const copy = Buffer.from(body);
        const at = mode.at ?? Math.floor(copy.length / 2);
        copy[at] ^= 0x01;
        res.writeHead(200, { ...octet, "content-length": copy.length }).end(copy);
        return;
      }
      case "truncate": {
        const short = body.subarray(0, body.length - (mode.by ?? 1000));
        res.writeHead(200, { ...octet, "content-length": short.length }).end(short);
        return;
      }
      case "drop": {
        res.writeHead(200, { ...octet, "content-length": body.length });
        res.write(body.subarray(0, mode.after ?? Math.floor(body.length / 2)));
        // Let the bytes leave, then cut the connection without finishing the response.
        setTimeout(() => req.socket.destroy(), 200);
        return;
      }
      case "slow": {
        res.writeHead(200, { ...octet, "content-length": body.length });
        const chunk = mode.chunk ?? Math.ceil(body.length / 20);
        let at = 0;
        const tick = () => {
          if (res.destroyed) return;
          const end = Math.min(at + chunk, body.length);
          res.write(body.subarray(at, end));
          at = end;
          if (at >= body.length) res.end();
          else setTimeout(tick, mode.everyMs ?? 150);
        };
        tick();
        return;
      }
      case "status":
        res.writeHead(mode.code, cors).end("feed error");
        return;
      case "stall-manifest":
      case "huge-manifest":
        res.writeHead(200, { ...octet, "content-length": body.length }).end(body);
        return;
    }
  }
}
