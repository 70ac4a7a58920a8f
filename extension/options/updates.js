// @ts-check
/**
 * The "Register snapshot updates" section of the options page: which snapshot is in use
 * and which is kept, the feed address, "Check now" with download progress, and
 * one-click rollback. (Importing a snapshot file is the options page's snapshot section.)
 *
 * It only shows state and sends requests (updateStatus, updateSetFeed, updateCheck,
 * updateRollback; extension/protocol.js) — every decision and every check is made by the
 * background (extension/updater.js). Progress arrives as updateProgress broadcasts.
 */

import "../protocol.js";
import "../snapshot-text.js";
import { el, t } from "../page-dom.js";

/** @typedef {import("../updater.js").UpdaterStatus} UpdaterStatus */

const P = globalThis.ClearmarkProtocol;

/**
 * A snapshot named as everywhere (snapshot-text.js), with where it came from.
 * @param {SnapshotSummary | null} s
 */
function describeSnapshot(s) {
  if (!s) return t("updateNone", "none");
  const source = { bundled: t("updateSourceBundled", "bundled"), feed: t("updateSourceFeed", "from the update feed"), import: t("updateSourceImport", "imported") }[s.source];
  const name = globalThis.ClearmarkSnapshotText.name((key, subs) => t(key, key, subs?.map(String)), s);
  return t("updateSnapshotFrom", "$1 ($2)", [name, source]);
}

/** @param {number} n */
function size(n) {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * Builds the section into `root` and keeps it current.
 * @param {HTMLElement} root
 */
export function mountUpdates(root) {
  const active = el("output", { id: "update-active" });
  const previous = el("output", { id: "update-previous" });
  const rollback = /** @type {HTMLButtonElement} */ (el("button", { id: "update-rollback", type: "button" }, [t("updateRollback", "Go back to the previous snapshot")]));
  const feed = /** @type {HTMLInputElement} */ (el("input", { id: "update-feed", type: "url", size: "60", spellcheck: "false" }));
  const save = el("button", { id: "update-save", type: "button" }, [t("updateSaveFeed", "Save address")]);
  const feedNote = el("small", { id: "update-feed-note" });
  const check = /** @type {HTMLButtonElement} */ (el("button", { id: "update-check", type: "button" }, [t("updateCheckNow", "Check for updates now")]));
  const progress = /** @type {HTMLProgressElement} */ (el("progress", { id: "update-progress", max: "1", value: "0" }));
  const phase = el("output", { id: "update-phase" });
  const message = el("p", { id: "update-message", role: "status" });
  // Shown while the feed's newest signed manifest is past its expiry (frozen or replayed).
  const stale = el("p", { id: "update-stale", role: "alert", class: "error" });
  stale.hidden = true;

  root.append(
    el("h2", {}, [t("updateHeading", "Register snapshot updates")]),
    el("p", {}, [t("updateInUse", "In use: "), active]),
    el("p", {}, [t("updatePrevious", "Previous: "), previous, " ", rollback]),
    el("p", {}, [el("label", { for: "update-feed" }, [t("updateFeedLabel", "Update feed (latest.json): ")]), feed, " ", save, el("br"), feedNote]),
    el("p", {}, [check, " ", progress, " ", phase]),
    stale,
    message,
  );

  let busy = false;

  /** @param {UpdaterStatus} s */
  function show(s) {
    stale.hidden = !s.stale;
    stale.textContent = s.stale
      ? t("updateStale", "Updates are stale since $1: the feed's signed manifest has expired, so Clearmark cannot tell whether a newer snapshot exists.", [new Date(s.stale.at).toLocaleString()])
      : "";
    active.textContent = describeSnapshot(s.active);
    previous.textContent = describeSnapshot(s.previous);
    rollback.disabled = !s.previous || s.phase !== "idle";
    if (document.activeElement !== feed) feed.value = s.feedConfigured ? s.feedUrl : "";
    feed.placeholder = s.feedUrl;
    feedNote.textContent = s.feedConfigured
      ? ""
      : t("updateFeedPlaceholder", "No feed is configured: the address shown is a placeholder, so Clearmark uses the snapshot bundled with it and never contacts a server.");
    check.disabled = s.phase !== "idle" || !s.feedConfigured;
    progress.max = s.total || 1;
    progress.value = s.phase === "downloading" ? s.received : 0;
    phase.textContent =
      s.phase === "downloading"
        ? t("updateDownloading", "downloading $1 of $2", [size(s.received), size(s.total)])
        : s.phase === "idle"
          ? ""
          : s.phase;
    progress.dataset.received = String(s.received);
    if (s.last && !busy) {
      message.textContent = s.last.message;
      message.className = s.last.ok ? "ok" : "error";
      message.dataset.at = String(s.last.at);
    }
  }

  /**
   * Sends a request and shows its outcome.
   * @param {object} request
   */
  async function send(request) {
    busy = true;
    message.textContent = "";
    message.className = "";
    try {
      const res = await chrome.runtime.sendMessage(request);
      busy = false;
      if (res?.status) show(res.status);
      if (!res?.ok) {
        message.textContent = res?.error ?? t("updateNoAnswer", "Clearmark's background did not answer; reload the extension.");
        message.className = "error";
      }
    } finally {
      busy = false;
    }
  }

  chrome.runtime.onMessage.addListener((msg) => {
    if (msg && msg.v === 1 && msg.type === "updateProgress") show(msg.status);
  });
  save.addEventListener("click", () => send(P.updateSetFeed(feed.value)));
  check.addEventListener("click", () => send(P.updateCheck()));
  rollback.addEventListener("click", () => send(P.updateRollback()));
  chrome.runtime.sendMessage(P.updateStatus()).then((res) => {
    if (res?.ok) show(res.status);
  });
}
