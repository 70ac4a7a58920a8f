// @ts-check
/**
 * Site adapters: say which listing field (title, bullet N, description, keywords) an
 * editable element is, from the marketplace's known editor structure, with a generic
 * fallback that reads the field's name, id, label, placeholder and aria-label for sites
 * whose structure is unknown (Walmart, AliExpress) or changed. Adapters only read
 * attributes and label text; they never touch field values and hold no detection logic.
 */

/** @typedef {'title'|'bullets'|'description'|'keywords'} ListingField */
/** @typedef {{field: ListingField, index: number|null}} FieldRole */
/**
 * Where an editable element was found.
 * @typedef {{el: HTMLElement, host: Element|null, frame: HTMLIFrameElement|null}} FieldContext
 */
/**
 * @typedef {object} Adapter
 * @property {string} name
 * @property {(host: string) => boolean} matches
 * @property {(ctx: FieldContext) => FieldRole|null} classify
 * @property {(doc: Document) => string|null} category
 */

const ClearmarkAdapters = (() => {
  /** Words that say a field is NOT listing copy even when another pattern matches. */
  const EXCLUDE = /\b(sku|part\s*number|mpn|upc|ean|gtin|isbn|price|quantity|brand|model|url|email|custom\s*label|product\s*type|code)\b/i;
  /** Ordered: the first pattern that matches the field's describing text wins. */
  const GENERIC = /** @type {Array<[ListingField, RegExp]>} */ ([
    ['keywords', /\b(key\s*words?|search\s*terms?|tags?)\b|keyword/i],
    ['bullets', /\b(bullets?|key\s*features?|features?|highlights?|key\s*points?|selling\s*points?)\b|bullet|feature/i],
    ['description', /\b(description|describe|details|about\s+this)\b|description/i],
    ['title', /\b(title|product\s*name|item\s*name|listing\s*name)\b|title|item_name|productname/i],
  ]);

  /** @param {Element} el */
  function labelText(el) {
    /** @type {string[]} */
    const parts = [];
    const doc = el.ownerDocument;
    const root = /** @type {Document|ShadowRoot} */ (el.getRootNode());
    const labelledby = el.getAttribute('aria-labelledby');
    if (labelledby) {
      for (const id of labelledby.split(/\s+/)) {
        const l = root.getElementById ? root.getElementById(id) : doc.getElementById(id);
        if (l) parts.push(l.textContent || '');
      }
    }
    const labels = /** @type {HTMLInputElement} */ (el).labels;
    if (labels) for (const l of Array.from(labels)) parts.push(l.textContent || '');
    return parts.join(' ');
  }

  /**
   * The text that describes a field to a person or a script: name, id, aria-label,
   * labels, placeholder, for the element and for the shadow host it lives in.
   * @param {FieldContext} ctx
   */
  function describe(ctx) {
    const bits = [];
    for (const e of [ctx.el, ctx.host, ctx.frame]) {
      if (!e) continue;
      for (const a of ['name', 'id', 'aria-label', 'placeholder', 'label', 'title', 'data-id']) {
        const v = e.getAttribute(a);
        if (v) bits.push(v);
      }
      bits.push(labelText(e));
    }
    return bits.join(' | ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  }

  /**
   * Generic classification from describing text; bullet index from a trailing number
   * (1-based in labels, e.g. "Key Features 2" → index 1), else null (the caller numbers
   * unnumbered bullets in page order).
   * @param {FieldContext} ctx
   * @returns {FieldRole|null}
   */
  function generic(ctx) {
    const text = describe(ctx);
    if (!text.trim()) return null;
    for (const [field, re] of GENERIC) {
      if (!re.test(text)) continue;
      if (EXCLUDE.test(text)) return null;
      if (field !== 'bullets') return { field, index: null };
      const m = /(\d+)\D*$/.exec(text.split('|').find((t) => /bullet|feature|highlight|point/i.test(t)) || '');
      return { field, index: m ? Math.max(0, Number(m[1]) - 1) : null };
    }
    return null;
  }

  /** @param {Element|null} e @param {string} attr */
  const attr = (e, attr) => (e && e.getAttribute(attr)) || '';

  /** @param {Document} doc @param {string} sel */
  function textOf(doc, sel) {
    const el = doc.querySelector(sel);
    if (!el) return null;
    const v = el instanceof HTMLInputElement ? el.value : el.textContent || '';
    return v.replace(/^\s*Product type:\s*/i, '').replace(/^\s*Category:\s*/i, '').replace(/\s*›\s*/g, ' > ').trim() || null;
  }

  /** @type {Adapter} */
  const amazon = {
    name: 'amazon',
    matches: (h) => /(^|\.)sellercentral(-europe)?\.amazon\./.test(h),
    classify(ctx) {
      const name = attr(ctx.el, 'name') || attr(ctx.host, 'name');
      let m;
      if (/^item_name-\d+-value$/.test(name)) return { field: 'title', index: null };
      if ((m = /^bullet_point-(\d+)-value$/.exec(name))) return { field: 'bullets', index: Number(m[1]) };
      if (/product_description-\d+-value$/.test(name)) return { field: 'description', index: null };
      if (/^generic_keyword-\d+-value$/.test(name)) return { field: 'keywords', index: null };
      if (/-\d+-value$/.test(name)) return null; // a known editor attribute that is not listing copy
      return generic(ctx);
    },
    category: (doc) => textOf(doc, '#product-type-breadcrumb'),
  };

  /** @type {Adapter} */
  const ebay = {
    name: 'ebay',
    matches: (h) => /(^|\.)ebay\.[a-z.]+$/.test(h),
    classify(ctx) {
      if (ctx.frame && ctx.frame.id.startsWith('se-rte-frame')) return { field: 'description', index: null };
      if (attr(ctx.el, 'name') === 'title') return { field: 'title', index: null };
      return generic(ctx);
    },
    category: (doc) => textOf(doc, '#category-name'),
  };

  /** @type {Adapter} */
  const etsy = {
    name: 'etsy',
    matches: (h) => /(^|\.)etsy\.com$/.test(h),
    classify(ctx) {
      if (ctx.el.id === 'listing-title-input') return { field: 'title', index: null };
      if (ctx.el.id === 'listing-description-textarea') return { field: 'description', index: null };
      if (ctx.el.id.startsWith('listing-')) return null;
      return generic(ctx);
    },
    category: (doc) => textOf(doc, '#category-path'),
  };

  /** @type {Adapter} */
  const shopify = {
    name: 'shopify',
    matches: (h) => h === 'admin.shopify.com' || /\.myshopify\.com$/.test(h),
    classify(ctx) {
      if ((ctx.frame && ctx.frame.id === 'product-description_ifr') || ctx.el.id === 'tinymce') return { field: 'description', index: null };
      if (attr(ctx.el, 'name') === 'title') return { field: 'title', index: null };
      return generic(ctx);
    },
    category: (doc) => textOf(doc, 'input[name="productType"]'),
  };

  /** @type {Adapter} */
  const fallback = { name: 'generic', matches: () => true, classify: generic, category: () => null };

  const all = [amazon, ebay, etsy, shopify, fallback];

  return {
    /**
     * The adapter for a host name (the generic one when no site adapter matches).
     * @param {string} host
     * @returns {Adapter}
     */
    forHost: (host) => /** @type {Adapter} */ (all.find((a) => a.matches(host))),
    /**
     * The marketplace domain a host belongs to, e.g. sellercentral.amazon.com → amazon.com.
     * @param {string} host
     */
    marketplace(host) {
      const m = /(amazon|ebay|etsy|walmart|aliexpress|shopify)\.[a-z.]+$/.exec(host);
      return m ? m[0] : host;
    },
    generic,
    describe,
  };
})();
