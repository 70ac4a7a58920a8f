// @ts-check
/**
 * The toolbar badge, which two counts share (issue 17, item 5):
 *
 * - **per tab, the high findings shown on that tab's listing editor** (the content script
 *   reports them with tabBadge, protocol.js): set with `setBadgeText({tabId})` in red, with
 *   a tab title that says what the number is. The browsers reset tab-specific values when
 *   the tab loads a new page, and the content script reports again when it starts.
 * - **globally, the kept listings with findings "new since" their last re-check**
 *   (extension/kept.js): set with `setBadgeText({})` (no tab) in blue.
 *
 * How they coexist: on a tab whose editor shows high findings, that count wins (it is what
 * the seller is writing now). On a tab with none, the tab-specific text is cleared (null),
 * so the global "new since" count shows through, and the tab's colour is set to the global
 * one so that number keeps its own colour; the popup says which listings it counts. Both
 * colours carry white text. Only this module calls chrome.action.
 */

/** Colour of a tab's high-findings count (the underline red of a high finding). */
export const FINDINGS_COLOUR = "#c0001a";
/** Colour of the global count of kept listings with findings new since a re-check. */
export const KEPT_COLOUR = "#1f5fbf";

/**
 * The badge's text for a count: "" for none, "999+" past what fits.
 * @param {number} n
 */
export function badgeText(n) {
  return n <= 0 ? "" : n > 999 ? "999+" : String(n);
}

/**
 * Shows the count of high findings on one tab (0 lets the global count show through).
 * @param {number} tabId
 * @param {number} high
 */
export async function showTabFindings(tabId, high) {
  const action = chrome.action;
  if (high > 0) {
    await action.setBadgeText({ tabId, text: badgeText(high) });
    await action.setBadgeBackgroundColor({ tabId, color: FINDINGS_COLOUR });
    await action.setTitle({ tabId, title: chrome.i18n.getMessage("badgeTitleHigh", [String(high)]) || `Clearmark: ${high}` });
  } else {
    // null: the tab inherits the global text (the chrome types leave null out; both browsers take it).
    await action.setBadgeText(/** @type {any} */ ({ tabId, text: null }));
    await action.setBadgeBackgroundColor({ tabId, color: KEPT_COLOUR });
    await action.setTitle({ tabId, title: chrome.i18n.getMessage("extName") || "Clearmark" });
  }
  if (action.setBadgeTextColor) await action.setBadgeTextColor({ tabId, color: "#ffffff" });
}

/**
 * Shows the count of kept listings with findings new since a re-check, on every tab that
 * shows no high findings of its own.
 * @param {number} fresh
 */
export async function showKeptFresh(fresh) {
  const action = chrome.action;
  await action.setBadgeBackgroundColor({ color: KEPT_COLOUR });
  if (action.setBadgeTextColor) await action.setBadgeTextColor({ color: "#ffffff" });
  await action.setBadgeText({ text: badgeText(fresh) });
}
