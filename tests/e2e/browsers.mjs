// @ts-check
/**
 * The real browsers of the e2e tests, each with the assembled extension really loaded,
 * behind one interface so every test runs the same steps in Chromium and Firefox:
 *
 * - Chromium (Debian's /usr/bin/chromium) through playwright-core's persistent context
 *   with --load-extension=dist/chrome; the marketplaces' host names are mapped to the
 *   local HTTPS fixture server with --host-resolver-rules.
 * - Firefox ESR through selenium-webdriver and the cargo-installed geckodriver, headless,
 *   with dist/firefox installed as a temporary add-on; host names mapped with the
 *   network.dns.localDomains preference.
 *
 * Both accept the self-signed test certificate for this profile only; profiles live under
 * TMPDIR (the Makefile points it at tmp/). The interface: real key presses into whatever
 * has focus (so fields inside shadow roots and iframes get typed into as a person would),
 * real mouse moves, screenshots, the page's console errors (content script's included),
 * and the extension's own pages (popup, options) opened in a second tab.
 *
 * What the extension draws is not readable from the page (a closed shadow root, no
 * attributes): `inExtension` runs a function in an extension page kept open beside the
 * page (Chromium: a background tab; Firefox: a second window, reached through WebDriver
 * BiDi so the page's window keeps focus), and `inspect` asks the page's content script
 * through it (protocol.js `inspectOverlay`), as only the extension can.
 *
 * Installing the extension opens its onboarding page in a new tab (background.js,
 * runtime.onInstalled "install"): each launch waits for that tab and records its address
 * (`firstRun`; a launch where it never opens fails), then makes the page under test the
 * selected tab again so it keeps painting (Chromium: brought to the front, the onboarding
 * tab left behind it; Firefox: the onboarding tab closed). `colorScheme` switches light/dark for
 * the page and the extension's pages; an extension tab can run axe-core on itself.
 */
import { mkdtempSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { after, before } from "node:test";
import { startServers } from "../../scripts/serve.mjs";
import { createRequire } from "node:module";
import { bounded, teardown, waitFor } from "./wait.mjs";

export const REPO = resolve(fileURLToPath(import.meta.url), "../../..");
export const ARTIFACTS = join(REPO, "test-artifacts");
/** The Firefox add-on id scripts/assemble.mjs writes into the Firefox manifest. */
const GECKO_ID = "clearmark@clearmark.app";

/**
 * What the extension draws on the page (protocol.js InspectOverlayResponse).
 * @typedef {object} Inspection
 * @property {number} hosts
 * @property {{width: number, height: number}} viewport
 * @property {Array<{field: string, start: number, end: number, kind: string, severity: string, left: number, top: number, right: number, bottom: number, line?: string, colour?: string}>} underlines
 * @property {number} nodes  elements in the overlay's shadow root
 * @property {{visible: boolean, text: string, html: string, rect: {left: number, top: number, right: number, bottom: number}|null, buttons: Record<string, {x: number, y: number}>}} card
 * @property {Array<{field: string, version: number, length: number, checked: boolean, drawn: number, inputAt: number, rtt: number, at: number}>} paints
 */

/**
 * Runs in an extension page: asks every tab's content script what it draws; the first
 * that answers is the page's (the tests keep one page with a content script).
 * @param {boolean} drain  empty the content script's paint log once read
 * @returns {Promise<Inspection|null>}
 */
async function inspectTabs(drain) {
  for (const t of await chrome.tabs.query({})) {
    if (t.id === undefined) continue;
    const r = await chrome.tabs.sendMessage(t.id, { v: 1, type: "inspectOverlay", drain }, { frameId: 0 }).catch(() => null);
    if (r && r.ok) return r;
  }
  return null;
}

/** Nothing drawn: what `inspect` answers when no content script runs on the page. */
const NOTHING = { hosts: 0, viewport: { width: 0, height: 0 }, underlines: [], nodes: 0, card: { visible: false, text: "", html: "", rect: null, buttons: {} }, paints: [] };

/** Keys the tests press, by their Playwright names. @typedef {"Backspace"|"ArrowLeft"|"ArrowRight"|"Home"|"End"|"Escape"|"Alt+Shift+KeyI"|"Alt+Shift+KeyB"|"Tab"|"Enter"|"Space"} Key */

/** The extension's first-run page, opened on install. */
const ONBOARDING = "onboarding/onboarding.html";

/** axe-core's engine (npm axe-core), injected into extension pages by `ExtensionTab.axe`. */
const AXE_SOURCE = () => readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * An axe-core rule broken on a page, with the elements that break it.
 * @typedef {{id: string, impact: string | null, help: string, nodes: string[]}} AxeViolation
 */

/**
 * Runs in an extension page once axe-core is loaded: its WCAG 2 A/AA rules and best
 * practices on the whole document; the violations with their targets.
 * @returns {Promise<AxeViolation[]>}
 */
async function runAxe() {
  const axe = /** @type {any} */ (globalThis).axe;
  const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] });
  return r.violations.map((/** @type {any} */ v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((/** @type {any} */ n) => String(n.target)) }));
}

/**
 * A second tab showing one of the extension's pages.
 * @typedef {object} ExtensionTab
 * @property {<A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>} evaluate
 * @property {(file: string) => Promise<void>} screenshot
 * @property {(key: Key) => Promise<void>} press  a real key press into the tab
 * @property {() => Promise<AxeViolation[]>} axe  axe-core's violations on the page as it is now
 * @property {() => Promise<void>} close  closes the tab and returns to the page
 * @property {(selector: string) => Promise<void>} click  a real click on the element (a trusted
 *   user gesture, as the browser requires for a permission request)
 */

/**
 * @typedef {object} Browser
 * @property {"chromium" | "firefox"} name
 * @property {(url: string) => Promise<void>} goto
 * @property {<A, R>(fn: (arg: A) => R, arg: A) => Promise<R>} evaluate  in the page's main world
 * @property {(text: string) => Promise<void>} type  real key presses into the focused element
 * @property {(key: Key) => Promise<void>} press
 * @property {(x: number, y: number) => Promise<void>} mouseMove  viewport coordinates
 * @property {(x: number, y: number) => Promise<void>} click
 * @property {(file: string) => Promise<void>} screenshot
 * @property {(path: string) => Promise<ExtensionTab>} extensionPage  e.g. "popup/popup.html?tab=3"
 * @property {<A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>} inExtension  runs `fn` in an
 *   extension page kept open beside the page (the page keeps focus); `fn` is serialised
 * @property {(opts?: {drain?: boolean}) => Promise<Inspection>} inspect  what the extension draws on the page, asked of its
 *   content script; `drain` empties its paint log once read (a long run reads each paint once)
 * @property {(expression: string) => Promise<any>} [inContentScript]  Chromium only: evaluates `expression` (awaited,
 *   returned by value) in the extension's content-script world of the page, through the DevTools protocol
 * @property {(target: "page" | "background") => Promise<DevTools>} [devtools]  Chromium only: a DevTools protocol
 *   session on the page or on the extension's background (its service worker), e.g. for its memory
 * @property {() => string[]} consoleErrors  errors and warnings of the page's console since launch (tests compare counts before and after)
 * @property {() => Promise<void>} restartBackground  stops the extension's background as the
 *   browser does (Chromium: closes the idle service worker; Firefox: reloads the add-on, its
 *   storage kept); the next message starts a fresh one. Open pages keep their old content
 *   script: navigate again.
 * @property {(scheme: "light" | "dark") => Promise<void>} colorScheme  the `prefers-color-scheme` of the page and
 *   of extension pages (Chromium: emulated on every open tab and on extension tabs opened after; Firefox: the
 *   content colour-scheme preference, for all of them at once)
 * @property {string} firstRun  the address of the page the extension opened when it was installed
 * @property {(answer: "accept" | "decline") => Promise<string|null>} permissionPrompt  answers the
 *   browser's own prompt for an extension's permission request, as the person would, and returns
 *   its text ("" when it cannot be read: Chromium); null when the browser cannot be driven to
 *   (Chromium launched headless: its extension permission dialog is not reachable from the
 *   DevTools protocol — playwright issue #32755 — only from the keyboard, see `xDialogs`)
 * @property {() => Promise<void>} close
 */

/**
 * A DevTools protocol session on one target (Chromium only).
 * @typedef {object} DevTools
 * @property {(method: string, params?: object) => Promise<any>} send  one command; resolves with its result
 * @property {() => Promise<void>} detach
 */

/** @param {string[]} candidates @param {string} fix */
function which(candidates, fix) {
  for (const c of candidates) {
    if (c.includes("/")) {
      if (existsSync(c)) return c;
    } else {
      try {
        const p = execFileSync("sh", ["-c", `command -v ${c}`], { encoding: "utf8" }).trim();
        if (p) return p;
      } catch {
        /* next */
      }
    }
  }
  throw new Error(`none of ${candidates.join(", ")} found; ${fix}`);
}

/** Debian's Chromium, the one every Chromium test drives. */
export function chromiumExecutable() {
  return which(["/usr/bin/chromium", "chromium"], "install it: apt-get install -y chromium (or make tools-test)");
}

/** @param {string} prefix */
const profileDir = (prefix) => mkdtempSync(join(tmpdir(), `clearmark-${prefix}-`));

/**
 * Whether Chromium's own dialogs can be answered here: a private X display (Xvfb) to run
 * it with its window, and xdotool to press keys in it (`make tools-test` installs both).
 * @returns {string|null} null when they can, else what is missing
 */
export function xDialogsUnavailable() {
  const missing = ["Xvfb", "xdotool"].filter((c) => {
    try {
      execFileSync("sh", ["-c", `command -v ${c}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
  return missing.length ? `${missing.join(" and ")} not installed (apt-get install -y xvfb xdotool, or make tools-test)` : null;
}

/**
 * A private X server (Xvfb) on a display number it picks itself (-displayfd).
 * @returns {Promise<{display: string, stop: () => void}>}
 */
async function startXvfb() {
  const x = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], { stdio: ["ignore", "ignore", "ignore", "pipe"] });
  const display = await bounded("starting Xvfb", new Promise((resolve, reject) => {
    let got = "";
    const fd = /** @type {import("node:stream").Readable} */ (x.stdio[3]);
    fd.on("data", (d) => {
      got += String(d);
      if (got.includes("\n")) resolve(`:${got.trim()}`);
    });
    x.once("exit", (code) => reject(new Error(`Xvfb exited (${code}) before naming its display`)));
  }), 15_000);
  return { display: /** @type {string} */ (display), stop: () => x.kill() };
}

/**
 * Chromium's delay before the Allow button of its extension permission dialog takes input
 * (`g_install_delay_in_ms = 500` in chrome/browser/ui/views/extensions/
 * extension_install_dialog_view.cc), with time for the dialog to appear: the dialog is
 * drawn inside the browser window (no X window, nothing in the DevTools protocol), so its
 * showing cannot be observed, only waited for. Used only by `permissionPrompt` in Chromium.
 */
const CHROMIUM_PROMPT_SETTLE_MS = 2000;

/**
 * @param {{hosts: string[], httpsPort: number}} server
 * @param {string} [ext]  the unpacked extension to load (default dist/chrome)
 * @param {{proxyPort?: number, xDialogs?: boolean}} [opts]  proxyPort: send every request through this
 *   proxy on 127.0.0.1; xDialogs: run Chromium with its window on a private X display (Xvfb) instead
 *   of headless, so `permissionPrompt` can answer its permission dialog with real key presses (xdotool)
 * @returns {Promise<Browser>}
 */
export async function launchChromium(server, ext = join(REPO, "dist", "chrome"), opts = {}) {
  const { chromium } = await import("playwright-core");
  if (!existsSync(join(ext, "manifest.json"))) throw new Error(`${ext} holds no assembled extension: run make build`);
  const executablePath = chromiumExecutable();
  const rules = server.hosts.map((h) => `MAP ${h} 127.0.0.1:${server.httpsPort}`).join(", ");
  const profile = profileDir("chromium");
  const x = opts.xDialogs ? await startXvfb() : null;
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: !x,
    ...(x ? { env: { ...process.env, DISPLAY: x.display } } : {}),
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
      // Every request through the recording proxy, loopback included (privacy test).
      ...(opts.proxyPort ? [`--proxy-server=http://127.0.0.1:${opts.proxyPort}`, "--proxy-bypass-list=<-loopback>"] : []),
      ...(x ? ["--ozone-platform=x11"] : []),
    ],
  }).catch((e) => {
    x?.stop();
    throw e;
  });
  const sw = ctx.serviceWorkers()[0] || (await ctx.waitForEvent("serviceworker", { timeout: 15000 }));
  const extBase = sw.url().split("/").slice(0, 3).join("/");
  // The onboarding tab the install opens: seen, and left open behind the page under test,
  // which is brought to the front. (Closing it at once left chrome.i18n.getMessage
  // answering "" in every extension page of the session, in 2 launches of 8 in Chromium
  // 156; with it left open, in none of 16.)
  const onboarding = await waitFor(async () => ctx.pages().find((p) => p.url() === `${extBase}/${ONBOARDING}`) || null, (p) => p !== null, 15000);
  if (!onboarding) {
    await ctx.close();
    x?.stop();
    throw new Error(`installing the extension did not open ${ONBOARDING} (pages: ${ctx.pages().map((p) => p.url()).join(", ")})`);
  }
  const firstRun = onboarding.url();
  const page = ctx.pages().find((p) => p !== onboarding) || (await ctx.newPage());
  await page.bringToFront();
  /** The colour scheme set with colorScheme (null: the browser's own). @type {"light"|"dark"|null} */
  let scheme = null;
  /** @type {string[]} */
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  /** The extension page `inExtension` runs in (opened on first use). @type {import("playwright-core").Page | null} */
  let inspector = null;
  /** @type {Browser["inExtension"]} */
  const inExtension = async (fn, arg) => {
    if (!inspector || inspector.isClosed()) {
      inspector = await ctx.newPage();
      await inspector.goto(`${extBase}/popup/popup.html?tab=-1`, { waitUntil: "load" });
      await page.bringToFront();
    }
    return /** @type {any} */ (inspector.evaluate(/** @type {any} */ (fn), arg));
  };
  return {
    name: "chromium",
    goto: async (url) => {
      await page.goto(url, { waitUntil: "load" });
    },
    evaluate: (fn, arg) => /** @type {any} */ (page.evaluate(/** @type {any} */ (fn), arg)),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key.replace("Key", "")),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    screenshot: async (file) => {
      await page.screenshot({ path: file });
    },
    async extensionPage(path) {
      const tab = await ctx.newPage();
      if (scheme) await tab.emulateMedia({ colorScheme: scheme });
      await tab.goto(`${extBase}/${path}`, { waitUntil: "load" });
      return {
        evaluate: (fn, arg) => /** @type {any} */ (tab.evaluate(/** @type {any} */ (fn), arg)),
        screenshot: async (file) => {
          await tab.screenshot({ path: file, fullPage: true });
        },
        press: (key) => tab.keyboard.press(key.replace("Key", "")),
        async axe() {
          await tab.evaluate(AXE_SOURCE());
          return tab.evaluate(runAxe);
        },
        click: async (selector) => {
          await tab.click(selector);
        },
        close: async () => {
          await tab.close();
          await page.bringToFront();
        },
      };
    },
    inExtension,
    inspect: async (opts = {}) => /** @type {Inspection|null} */ (await inExtension(inspectTabs, opts.drain === true)) || NOTHING,
    async permissionPrompt(answer) {
      if (!x) return null;
      // Chromium's dialog opens with the focus on Deny (its default button); Tab moves it to
      // Allow. Real key presses on the private display, as a person's keyboard would send.
      await new Promise((r) => setTimeout(r, CHROMIUM_PROMPT_SETTLE_MS));
      execFileSync("xdotool", ["key", ...(answer === "accept" ? ["Tab", "Return"] : ["Return"])], { env: { ...process.env, DISPLAY: x.display } });
      // The dialog's text is drawn by the browser and cannot be read back here.
      return "";
    },
    async inContentScript(expression) {
      const cdp = await ctx.newCDPSession(page);
      try {
        /** @type {Array<{id: number, origin: string, auxData?: {type?: string, frameId?: string, isDefault?: boolean}}>} */
        const contexts = [];
        cdp.on("Runtime.executionContextCreated", (e) => contexts.push(/** @type {any} */ (e.context)));
        await cdp.send("Runtime.enable");
        const mine = contexts.find((c) => c.auxData?.type === "isolated" && c.origin === extBase);
        if (!mine) throw new Error(`no content-script world of ${extBase} in the page (${contexts.map((c) => c.origin).join(", ")})`);
        const r = /** @type {any} */ (await cdp.send("Runtime.evaluate", { expression, contextId: mine.id, awaitPromise: true, returnByValue: true }));
        if (r.exceptionDetails) throw new Error(`in the content script: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
        return r.result.value;
      } finally {
        await cdp.detach();
      }
    },
    async devtools(target) {
      const cdp = await ctx.newCDPSession(page);
      if (target === "page") return { send: (method, params) => cdp.send(/** @type {any} */ (method), params), detach: () => cdp.detach() };
      // Playwright opens sessions on pages and frames only: the page's session attaches to
      // the worker and passes its commands through (Target.sendMessageToTarget).
      const worker = (await cdp.send("Target.getTargets")).targetInfos.find((t) => t.type === "service_worker" && t.url.startsWith(`${extBase}/`));
      if (!worker) throw new Error("the extension's service worker is not running");
      const { sessionId } = await cdp.send("Target.attachToTarget", { targetId: worker.targetId, flatten: false });
      /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
      const waiting = new Map();
      let next = 1;
      cdp.on("Target.receivedMessageFromTarget", (e) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message);
        const w = waiting.get(m.id);
        if (!w) return;
        waiting.delete(m.id);
        if (m.error) w.reject(new Error(`service worker: ${m.error.message}`));
        else w.resolve(m.result);
      });
      return {
        send: (method, params = {}) => new Promise((resolve, reject) => {
          const id = next++;
          waiting.set(id, { resolve, reject });
          cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e) => {
            waiting.delete(id);
            reject(e);
          });
        }),
        async detach() {
          await cdp.send("Target.detachFromTarget", { sessionId }).catch(() => {});
          await cdp.detach();
        },
      };
    },
    consoleErrors: () => [...errors],
    firstRun,
    async colorScheme(s) {
      scheme = s;
      for (const p of ctx.pages()) await p.emulateMedia({ colorScheme: s });
    },
    async restartBackground() {
      // As Chromium does after 30 s idle. (Reloading an extension loaded with
      // --load-extension unloads it in Chromium 156.)
      const cdp = await ctx.newCDPSession(page);
      const background = async () =>
        (await cdp.send("Target.getTargets")).targetInfos.find((t) => t.type === "service_worker" && t.url.startsWith(`${extBase}/`));
      const running = await background();
      if (!running) throw new Error("the extension's service worker is not running");
      await cdp.send("Target.closeTarget", { targetId: running.targetId });
      for (let i = 0; i < 50 && (await background()); i++) await new Promise((r) => setTimeout(r, 100));
      const still = await background();
      await cdp.detach();
      if (still) throw new Error("the extension's service worker did not stop");
    },
    async close() {
      try {
        await bounded("closing chromium", ctx.close());
      } finally {
        x?.stop();
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * @param {{hosts: string[], httpsPort: number}} server
 * @param {{proxyPort?: number}} [opts]  send every request through this proxy on 127.0.0.1
 * @returns {Promise<Browser>}
 */
export async function launchFirefox(server, opts = {}) {
  const { Builder, By, Key, Origin } = await import("selenium-webdriver");
  const firefox = await import("selenium-webdriver/firefox.js");
  // The assembled folder, not the zip: `make build` adds the development update key to
  // the folders only (the zip is what would be published, with no key it does not have).
  const ext = join(REPO, "dist", "firefox");
  if (!existsSync(join(ext, "manifest.json"))) throw new Error("dist/firefox is not assembled: run make build");
  const binary = which(["/usr/bin/firefox-esr", "/usr/bin/firefox", "firefox-esr", "firefox"], "install it: apt-get install -y firefox-esr (or make tools-test)");
  const geckodriver = which([join(process.env.HOME || "", ".cargo/bin/geckodriver"), "geckodriver"],
    "install it: cargo install geckodriver --version 0.37.1 --locked (or make tools-test)");
  // A fixed internal UUID, so the test knows the extension pages' moz-extension:// origin.
  const uuid = randomUUID();
  const options = new firefox.Options()
    .setBinary(binary)
    .addArguments("-headless", "--width=1280", "--height=900")
    .setPreference("network.dns.localDomains", server.hosts.join(","))
    .setPreference("extensions.webextensions.uuids", JSON.stringify({ [GECKO_ID]: uuid }))
    .setPreference("app.update.enabled", false)
    .setPreference("toolkit.telemetry.enabled", false)
    .setPreference("datareporting.policy.dataSubmissionEnabled", false)
    .setPreference("browser.shell.checkDefaultBrowser", false)
    .setPreference("extensions.update.enabled", false)
    .setAcceptInsecureCerts(true);
  if (opts.proxyPort) {
    // Every request through the recording proxy, localhost included (privacy test).
    for (const [k, v] of /** @type {Array<[string, string|number|boolean]>} */ ([
      ["network.proxy.type", 1], ["network.proxy.http", "127.0.0.1"], ["network.proxy.http_port", opts.proxyPort],
      ["network.proxy.ssl", "127.0.0.1"], ["network.proxy.ssl_port", opts.proxyPort], ["network.proxy.no_proxies_on", ""],
      ["network.proxy.allow_hijacking_localhost", true], ["network.proxy.share_proxy_settings", false],
    ])) options.setPreference(k, v);
  }
  options.enableBidi();
  // --allow-system-access: the chrome context opens the extension's pages (extensionPage).
  const service = new firefox.ServiceBuilder(geckodriver).addArguments("--allow-system-access").setStdio("ignore");
  const driver = /** @type {any} */ (
    await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build());
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
  const main = await driver.getWindowHandle();
  await driver.installAddon(ext, true);
  await driver.manage().setTimeouts({ script: 30000 });
  // The onboarding tab the install opens: seen, then closed (the page's tab is selected again).
  const onboardingUrl = `moz-extension://${uuid}/${ONBOARDING}`;
  /** @returns {Promise<string|null>} the handle of the onboarding tab, once it shows the page */
  const onboardingTab = async () => {
    for (const h of await driver.getAllWindowHandles()) {
      if (h === main) continue;
      await driver.switchTo().window(h);
      if ((await driver.getCurrentUrl()) === onboardingUrl) return h;
    }
    return null;
  };
  const onboarding = await waitFor(onboardingTab, (h) => h !== null, 15000);
  if (!onboarding) {
    await driver.quit();
    throw new Error(`installing the add-on did not open ${ONBOARDING}`);
  }
  const firstRun = await driver.getCurrentUrl();
  await driver.close();
  await driver.switchTo().window(main);
  const bidi = await driver.getBidi();
  /** The browsing context of the extension page `inExtension` runs in (opened on first use). @type {string|null} */
  let inspector = null;
  /**
   * Opens an extension page in a second browser window (the page's tab stays the selected
   * tab of its window, so it keeps painting) and gives the focus back to the page.
   * @returns {Promise<string>} its browsing context (= WebDriver window handle)
   */
  async function openInspector() {
    const before = new Set(await driver.getAllWindowHandles());
    await driver.setContext("chrome");
    await driver.executeScript(`
      const w = Services.wm.getMostRecentWindow("navigator:browser");
      w.openTrustedLinkIn(arguments[0], "window", { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
    `moz-extension://${uuid}/popup/popup.html?tab=-1`);
    await driver.setContext("content");
    let handle = null;
    for (let i = 0; i < 50 && !handle; i++) {
      handle = (await driver.getAllWindowHandles()).find((/** @type {string} */ h) => !before.has(h)) || null;
      if (!handle) await new Promise((r) => setTimeout(r, 100));
    }
    if (!handle) throw new Error("Firefox did not open the extension page for inExtension");
    await driver.switchTo().window(handle);
    const loaded = 'return location.protocol === "moz-extension:" && document.readyState === "complete"';
    for (let i = 0; i < 100 && !(await driver.executeScript(loaded)); i++) await new Promise((r) => setTimeout(r, 100));
    await driver.switchTo().window(main);
    return handle;
  }
  /** @type {Browser["inExtension"]} */
  const inExtension = async (fn, arg) => {
    if (!inspector) inspector = await openInspector();
    const res = /** @type {any} */ (await bidi.send({
      method: "script.callFunction",
      params: {
        functionDeclaration: `async (arg) => JSON.stringify(await (${fn.toString()})(JSON.parse(arg)))`,
        arguments: [{ type: "string", value: JSON.stringify(arg === undefined ? null : arg) }],
        awaitPromise: true,
        target: { context: inspector },
      },
    }));
    if (res.type !== "success" || res.result.type !== "success") {
      throw new Error(`in the extension page: ${JSON.stringify(res.error ? res : res.result.exceptionDetails?.text)}`);
    }
    const v = res.result.result.value;
    return v === undefined ? undefined : JSON.parse(v);
  };

  /** @type {Record<string, string>} */
  const KEYS = {
    Backspace: Key.BACK_SPACE, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, Home: Key.HOME, End: Key.END, Escape: Key.ESCAPE,
    Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE,
  };
  /** @param {Function} fn @param {unknown} arg */
  const run = (fn, arg) => driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     Promise.resolve().then(() => (${fn.toString()})(arguments[0])).then(done, (e) => done({__error: String(e && e.stack || e)}));`, arg)
    .then((/** @type {any} */ r) => {
      if (r && typeof r === "object" && "__error" in r) throw new Error(r.__error);
      return r;
    });
  return {
    name: "firefox",
    goto: async (url) => {
      await driver.get(url);
    },
    evaluate: (fn, arg) => /** @type {any} */ (run(fn, arg)),
    async type(text) {
      // One sendKeys per short chunk: long chains of key actions are slow in geckodriver.
      for (let i = 0; i < text.length; i += 50) await driver.actions().sendKeys(text.slice(i, i + 50)).perform();
    },
    async press(key) {
      if (key.startsWith("Alt+Shift+")) {
        const letter = key.slice(-1).toLowerCase();
        await driver.actions().keyDown(Key.ALT).keyDown(Key.SHIFT).sendKeys(letter).keyUp(Key.SHIFT).keyUp(Key.ALT).perform();
      } else {
        await driver.actions().sendKeys(KEYS[key]).perform();
      }
    },
    async mouseMove(x, y) {
      await driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).perform();
    },
    async click(x, y) {
      await driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform();
    },
    async screenshot(file) {
      writeFileSync(file, Buffer.from(await driver.takeScreenshot(), "base64"));
    },
    async extensionPage(path) {
      // WebDriver may not navigate a content tab to a moz-extension:// page; the browser
      // window (chrome context) opens it in a new tab, which the test then switches to.
      const before = new Set(await driver.getAllWindowHandles());
      await driver.setContext("chrome");
      await driver.executeScript(`
        const w = Services.wm.getMostRecentWindow("navigator:browser");
        const tab = w.gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
        w.gBrowser.selectedTab = tab;`, `moz-extension://${uuid}/${path}`);
      await driver.setContext("content");
      let handle = null;
      for (let i = 0; i < 50 && !handle; i++) {
        handle = (await driver.getAllWindowHandles()).find((/** @type {string} */ h) => !before.has(h)) || null;
        if (!handle) await new Promise((r) => setTimeout(r, 100));
      }
      if (!handle) throw new Error(`Firefox did not open ${path}`);
      await driver.switchTo().window(handle);
      // The new tab starts as about:blank, whose readyState is already "complete": wait
      // for the extension page itself to have loaded.
      const loaded = 'return location.protocol === "moz-extension:" && document.readyState === "complete"';
      for (let i = 0; i < 100 && !(await driver.executeScript(loaded)); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      if (!(await driver.executeScript(loaded))) throw new Error(`Firefox did not load ${path}`);
      // Other calls (inExtension, the page's own) switch the session away: each call on
      // this tab switches back to it first.
      const tab = /** @type {string} */ (handle);
      const here = () => driver.switchTo().window(tab);
      return {
        evaluate: async (fn, arg) => {
          await here();
          return /** @type {any} */ (run(fn, arg));
        },
        screenshot: async (file) => {
          await here();
          writeFileSync(file, Buffer.from(await driver.takeScreenshot(), "base64"));
        },
        press: async (key) => {
          await here();
          await driver.actions().sendKeys(KEYS[key]).perform();
        },
        async axe() {
          await here();
          await driver.executeScript(`${AXE_SOURCE()}\nreturn true;`);
          return run(runAxe, null);
        },
        click: async (selector) => {
          await here();
          await driver.findElement(By.css(selector)).click();
        },
        close: async () => {
          await here();
          await driver.close();
          await driver.switchTo().window(main);
        },
      };
    },
    inExtension,
    inspect: async (opts = {}) => /** @type {Inspection|null} */ (await inExtension(inspectTabs, opts.drain === true)) || NOTHING,
    async permissionPrompt(answer) {
      // The doorhanger Firefox shows for permissions.request ("addon-webext-permissions"),
      // in the browser window's chrome: its own Allow / Don't allow buttons are clicked.
      await driver.setContext("chrome");
      try {
        /** @type {{text: string, done: boolean} | null} */
        let r = null;
        for (let i = 0; i < 100 && !(r && r.done); i++) {
          r = await driver.executeScript(`
            const w = Services.wm.getMostRecentWindow("navigator:browser");
            const panel = w.PopupNotifications.panel;
            const n = panel.state === "open" && Array.from(panel.children).find((e) => e.getAttribute("popupid") === "addon-webext-permissions");
            if (!n) return null;
            const text = n.textContent.replace(/\\s+/g, " ").trim();
            (arguments[0] === "accept" ? n.button : n.secondaryButton).click();
            return { text, done: true };`, answer);
          if (!(r && r.done)) await new Promise((res) => setTimeout(res, 100));
        }
        return r && r.done ? r.text : null;
      } finally {
        await driver.setContext("content");
      }
    },
    consoleErrors: () => [...errors],
    firstRun,
    async colorScheme(s) {
      // 0 dark, 1 light: the content colour scheme, pages and extension pages alike.
      await driver.setContext("chrome");
      await driver.executeScript(`Services.prefs.setIntPref("layout.css.prefers-color-scheme.content-override", arguments[0]);`, s === "dark" ? 0 : 1);
      await driver.setContext("content");
    },
    async restartBackground() {
      // The reload closes the extension page inExtension uses.
      inspector = null;
      // An extension page reloads the add-on (a temporary add-on keeps its storage over a
      // reload); the reload closes the extension's pages; the session returns to the page.
      const tab = await /** @type {Browser} */ (/** @type {unknown} */ (this)).extensionPage("options/options.html");
      await tab.evaluate(() => {
        setTimeout(() => chrome.runtime.reload(), 50);
        return true;
      }, null);
      await new Promise((r) => setTimeout(r, 2000));
      for (const h of await driver.getAllWindowHandles()) {
        if (h === main) continue;
        await driver.switchTo().window(h);
        await driver.close();
      }
      await driver.switchTo().window(main);
    },
    close: () => bounded("closing firefox", driver.quit()),
  };
}

/** Every browser the e2e tests run in. */
export const BROWSERS = /** @type {const} */ ({ chromium: launchChromium, firefox: launchFirefox });

/**
 * The fixture servers and one browser for the enclosing test suite: started in its
 * `before` hook, closed in its `after` hook. Read `browser` and `server` inside tests.
 * @param {(server: Awaited<ReturnType<typeof startServers>>) => Promise<Browser>} launch  one of BROWSERS
 */
export function useBrowser(launch) {
  const session = /** @type {{server: Awaited<ReturnType<typeof startServers>>, browser: Browser}} */ ({});
  before(async () => {
    session.server = await startServers();
    session.browser = await launch(session.server);
  });
  after(async () => {
    await teardown([
      ["closing the browser", () => session.browser?.close()],
      [
        "closing the fixture server",
        async () => {
          const open = await session.server?.close();
          if (open) console.log(`fixture server: ${open} connection(s) still open at close, destroyed`);
        },
      ],
    ]);
  });
  return session;
}
