/**
 * Text and elements for the extension's own pages (options, the evidence record): a
 * localised string with an English fallback, and an element built from a tag, its
 * attributes and its children (text set as text, never as markup).
 */

/**
 * A localised string, English when the key is missing.
 * @param {string} key
 * @param {string} english
 * @param {string[]} [subs]
 */
export function t(key, english, subs) {
  const s = chrome.i18n.getMessage(key, subs);
  if (s) return s;
  return (subs ?? []).reduce((text, sub, i) => text.replace(`$${i + 1}`, sub), english);
}

/**
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {(Node|string)[]} [children]
 */
export function el(tag, attrs = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
