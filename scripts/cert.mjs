// @ts-check
/**
 * A self-signed certificate for serving the fixture pages under the marketplaces' real
 * host names on 127.0.0.1 (tests and `make run`). Made with the system `openssl` on first
 * use and kept in tmp/cert/ (gitignored); remade when the host list changes. Never
 * trusted system-wide: the browsers are told to accept it for the test profile only.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

/**
 * @param {string} dir
 * @param {string[]} hosts
 * @returns {Promise<{key: Buffer, cert: Buffer}>}
 */
export async function ensureCert(dir, hosts) {
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  const hostsFile = join(dir, "hosts.txt");
  const want = [...hosts, "localhost"].sort().join("\n");
  const have = existsSync(hostsFile) ? readFileSync(hostsFile, "utf8") : null;
  if (have !== want || !existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dir, { recursive: true });
    const san = [...want.split("\n").map((h) => `DNS:${h}`), "IP:127.0.0.1"].join(",");
    try {
      execFileSync(
        "openssl",
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30",
          "-subj", "/CN=Clearmark fixtures", "-addext", `subjectAltName=${san}`,
          "-keyout", keyFile, "-out", certFile],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
    } catch (e) {
      const err = /** @type {NodeJS.ErrnoException & {stderr?: Buffer}} */ (e);
      throw new Error(
        err.code === "ENOENT"
          ? "making the self-signed test certificate needs `openssl`; install it: sudo apt-get install -y openssl"
          : `openssl could not make the test certificate: ${err.stderr ? err.stderr.toString() : err.message}`,
      );
    }
    writeFileSync(hostsFile, want);
  }
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}
