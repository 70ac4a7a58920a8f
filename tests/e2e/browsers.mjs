// @ts-check
/**
 * The real browsers of the e2e tests, each with the assembled extension really loaded,
 * behind one small interface so every test runs the same steps in Chromium and Firefox:
 *
 * - Chromium (Debian's /usr/bin/chromium) through playwright-core's persistent context
 *   with --load-extension=dist/chrome; the marketplaces' host names are mapped to the
 *   local HTTPS server with --host-resolver-rules.
 * - Firefox ESR through selenium-webdriver and the cargo-installed geckodriver,
 *   headless, dist/clearmark-firefox.zip installed as a temporary add-on; host names
 *   mapped with the network.dns.localDomains preference.
 *
 * Both accept the self-signed test certificate for this profile only. Profiles live under
 * TMPDIR (the Makefile points it at tmp/). Console errors of the page (including the
 * content script's) are collected so tests can assert there are none.
 */
import { mkdtempSync, existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

export const REPO = resolve(fileURLToPath(import.meta.url), "../../..");
export const ARTIFACTS = join(REPO, "test-artifacts");

/**
 * What a test can do in either browser.
 * @typedef {object} Browser
 * @property {"chromium" | "firefox"} name
 * @property {(url: string) => Promise<void>} goto
 * @property {<A, R>(fn: (arg: A) => R, arg: A) => Promise<R>} evaluate  runs `fn` in the page's main world
 * @property {(host: string, inner: string, text: string) => Promise<void>} typeInShadow  real key presses into `inner` inside `host`'s open shadow root
 * @property {(file: string) => Promise<void>} screenshot
 * @property {() => string[]} takeConsoleErrors  errors and warnings the page's console got since the last call
 * @property {() => Promise<void>} close
 */

/**
 * Finds an executable, or fails naming the fix.
 * @param {string[]} candidates
 * @param {string} fix
 */
function which(candidates, fix) {
  for (const c of candidates) {
    if (c.includes("/") ? existsSync(c) : tryWhich(c)) return c.includes("/") ? c : /** @type {string} */ (tryWhich(c));
  }
  throw new Error(`none of ${candidates.join(", ")} found; ${fix}`);
}

/** @param {string} cmd */
function tryWhich(cmd) {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** @param {string} prefix */
function profileDir(prefix) {
  return mkdtempSync(join(tmpdir(), `clearmark-${prefix}-`));
}

/**
 * Chromium with dist/chrome loaded.
 * @param {{hosts: string[], httpsPort: number}} server
 * @returns {Promise<Browser>}
 */
export async function launchChromium(server) {
  const { chromium } = await import("playwright-core");
  const ext = join(REPO, "dist", "chrome");
  if (!existsSync(join(ext, "manifest.json"))) throw new Error("dist/chrome is not assembled: run make build");
  const executablePath = which(["/usr/bin/chromium", "chromium"], "install it: sudo apt-get install -y chromium (or make tools-test)");
  const rules = server.hosts.map((h) => `MAP ${h} 127.0.0.1:${server.httpsPort}`).join(", ");
  const ctx = await chromium.launchPersistentContext(profileDir("chromium"), {
    executablePath,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      `--host-resolver-rules=${rules}`,
      "--ignore-certificate-errors",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // The extension's service worker proves the extension loaded.
  const sw = ctx.serviceWorkers()[0] || (await ctx.waitForEvent("serviceworker", { timeout: 15000 }));
  if (!sw.url().startsWith("chrome-extension://")) throw new Error(`unexpected service worker ${sw.url()}`);
  const page = ctx.pages()[0] || (await ctx.newPage());
  /** @type {string[]} */
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  return {
    name: "chromium",
    async goto(url) {
      await page.goto(url, { waitUntil: "load" });
    },
    evaluate(fn, arg) {
      return /** @type {any} */ (page.evaluate(/** @type {any} */ (fn), arg));
    },
    async typeInShadow(host, inner, text) {
      // Playwright's CSS engine pierces open shadow roots.
      const field = page.locator(`${host} ${inner}`);
      await field.click();
      await field.pressSequentially(text, { delay: 15 });
    },
    async screenshot(file) {
      await page.screenshot({ path: file });
    },
    takeConsoleErrors: () => errors.splice(0),
    close: () => ctx.close(),
  };
}

/**
 * Firefox with dist/clearmark-firefox.zip installed as a temporary add-on.
 * @param {{hosts: string[], httpsPort: number}} server
 * @returns {Promise<Browser>}
 */
export async function launchFirefox(server) {
  const { Builder, By } = await import("selenium-webdriver");
  const firefox = await import("selenium-webdriver/firefox.js");
  const xpi = join(REPO, "dist", "clearmark-firefox.zip");
  if (!existsSync(xpi)) throw new Error("dist/clearmark-firefox.zip is not assembled: run make build");
  const binary = which(["/usr/bin/firefox-esr", "/usr/bin/firefox", "firefox-esr", "firefox"], "install it: sudo apt-get install -y firefox-esr (or make tools-test)");
  const geckodriver = which(
    [join(process.env.HOME || "", ".cargo/bin/geckodriver"), "geckodriver"],
    "install it: cargo install geckodriver --version 0.37.1 --locked (or make tools-test)",
  );
  const options = new firefox.Options()
    .setBinary(binary)
    .addArguments("-headless", "--width=1280", "--height=900")
    .setPreference("network.dns.localDomains", server.hosts.join(","))
    .setPreference("app.update.enabled", false)
    .setPreference("toolkit.telemetry.enabled", false)
    .setPreference("datareporting.policy.dataSubmissionEnabled", false)
    .setPreference("browser.shell.checkDefaultBrowser", false)
    .setPreference("extensions.update.enabled", false)
    .setAcceptInsecureCerts(true);
  // WebDriver BiDi: the console log of the page, content scripts included.
  options.enableBidi();
  const service = new firefox.ServiceBuilder(geckodriver).setStdio("ignore");
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  /** @type {string[]} */
  const errors = [];
  try {
    const { default: LogInspector } = await import("selenium-webdriver/bidi/logInspector.js");
    const inspector = await LogInspector(driver);
    await inspector.onConsoleEntry((/** @type {any} */ e) => {
      if (e.level === "error" || e.level === "warn") errors.push(`${e.level}: ${e.text}`);
    });
    await inspector.onJavascriptException((/** @type {any} */ e) => errors.push(`exception: ${e.text}`));
  } catch (e) {
    await driver.quit();
    throw new Error(`Firefox console log (WebDriver BiDi) unavailable: ${/** @type {Error} */ (e).message}`);
  }
  await /** @type {any} */ (driver).installAddon(xpi, true);
  return {
    name: "firefox",
    async goto(url) {
      await driver.get(url);
    },
    evaluate(fn, arg) {
      return /** @type {any} */ (driver.executeScript(`return (${fn.toString()})(arguments[0]);`, arg));
    },
    async typeInShadow(host, inner, text) {
      const root = await driver.findElement(By.css(host)).getShadowRoot();
      const field = await root.findElement(By.css(inner));
      await field.click();
      await field.sendKeys(text);
    },
    async screenshot(file) {
      writeFileSync(file, Buffer.from(await driver.takeScreenshot(), "base64"));
    },
    takeConsoleErrors: () => errors.splice(0),
    close: () => driver.quit(),
  };
}

/** Every browser the e2e tests run in. */
export const BROWSERS = /** @type {const} */ ({ chromium: launchChromium, firefox: launchFirefox });
