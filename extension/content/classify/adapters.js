// @ts-check
/**
 * Site adapters: say which listing field (title, bullet N, description, keywords) an
 * editable element is, from the marketplace's known editor structure, with a generic
 * fallback that reads the field's name, id, label, placeholder and aria-label for sites
 * whose structure is unknown (Walmart, AliExpress, Temu, SHEIN, Shopee, Mercado Libre, a
 * site the seller enabled with "Check this site") or changed — and, when those say
 * nothing, the label of the form item the field sits in (component libraries draw labels
 * as a sibling <div>, not a <label for>). Adapters only read attributes and label text;
 * they never touch field values and hold no detection logic.
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
  const EXCLUDE = /\b(sku|part\s*number|mpn|upc|ean|gtin|isbn|price|quantity|brand|model|url|email|custom\s*label|product\s*type|code|precio|preço|marca|código|estoque|stock)\b|货号|价格|价钱|库存|品牌|型号|编码|条码|價格|庫存|harga|merek|giá|thương hiệu|ราคา|แบรนด์/i;
  /**
   * Ordered: the first pattern that matches the field's describing text wins. English,
   * and the languages of the cross-border seller centers' own labels: Chinese (Temu,
   * SHEIN, Shopee CNSC and Taiwan, TikTok global), Spanish and Portuguese (Mercado Libre),
   * and Shopee's local seller centres' Indonesian, Vietnamese and Thai.
   */
  const GENERIC = /** @type {Array<[ListingField, RegExp]>} */ ([
    ['keywords', /\b(key\s*words?|search\s*terms?|tags?|palabras\s+clave|palavras[\s-]+chave|etiquetas)\b|keyword|关键词|关键字|搜索词/i],
    ['bullets', /\b(bullets?|key\s*features?|features?|highlights?|key\s*points?|selling\s*points?)\b|bullet|feature|卖点|亮点/i],
    ['description', /\b(description|describe|details|about\s+this)\b|description|descripci[oó]n|descri[cç][aã]o|deskripsi|mô tả|รายละเอียด|描述|详情|詳情/i],
    ['title', /\b(title|product\s*name|item\s*name|listing\s*name)\b|title|item_name|productname|t[ií]tulo|nombre\s+del\s+producto|nome\s+do\s+produto|nama\s+produk|tên\s+sản\s+phẩm|ชื่อสินค้า|标题|標題|商品名称|商品名稱|产品名称/i],
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
    const own = fromText(describe(ctx));
    if (own !== undefined) return own;
    // Nothing on the field itself says what it is: the label of its form item.
    const item = formItemLabel(ctx.frame || ctx.host || ctx.el);
    return (item && fromText(item)) || null;
  }

  /**
   * The role a describing text names: a role, null when it names a field that is not
   * listing copy (SKU, price, brand...), undefined when it names nothing we know.
   * @param {string} text
   * @returns {FieldRole|null|undefined}
   */
  function fromText(text) {
    if (!text.trim()) return undefined;
    for (const [field, re] of GENERIC) {
      if (!re.test(text)) continue;
      if (EXCLUDE.test(text)) return null;
      if (field !== 'bullets') return { field, index: null };
      const m = /(\d+)\D*$/.exec(text.split('|').find((t) => /bullet|feature|highlight|point/i.test(t)) || '');
      return { field, index: m ? Math.max(0, Number(m[1]) - 1) : null };
    }
    return EXCLUDE.test(text) ? null : undefined;
  }

  /** What can be typed into: the fields a form item may hold. */
  const EDITABLE = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="file"]), textarea, select, iframe, [contenteditable=""], [contenteditable="true"]';
  /** Elements that are labels in the component libraries marketplaces use (Ant, Arco, Element, Fusion...). */
  const LABELISH = 'label, legend, [class*="label" i], [class*="title" i]';

  /**
   * The label of the form item `el` sits in: from the nearest of its first few ancestors
   * that holds exactly one field (this one) and a label-like element outside the field,
   * that element's text (at most 80 characters: a label, not a paragraph). Null when no
   * such ancestor exists, so a label is never borrowed from a neighbouring field.
   * @param {Element} el
   */
  function formItemLabel(el) {
    let a = el.parentElement;
    for (let depth = 0; a && depth < 5; depth++, a = a.parentElement) {
      const fields = a.querySelectorAll(EDITABLE);
      if (fields.length > 1 || (fields.length === 1 && fields[0] !== el && !fields[0].contains(el))) return null;
      for (const l of Array.from(a.querySelectorAll(LABELISH))) {
        if (l === el || l.contains(el) || el.contains(l) || l.querySelector(EDITABLE)) continue;
        const text = (l.textContent || '').replace(/\s+/g, ' ').trim();
        if (text && text.length <= 80) return text;
      }
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

  /**
   * TikTok Shop Seller Center (local sites seller-<market>.tiktok.com and the global
   * seller centers): the product name is `input[data-id="product.publish.product_name"]`,
   * the description a ProseMirror contenteditable (`.ProseMirror`, not in an iframe);
   * other `product.publish.*` inputs (sale property values, SKU, prices) are not copy.
   * @type {Adapter}
   */
  const tiktok = {
    name: 'tiktok',
    matches: (h) => /^seller-[a-z]+\.tiktok\.com$/.test(h) || /(^|\.)(tiktokglobalshop|tiktokshopglobalselling)\.com$/.test(h),
    classify(ctx) {
      const id = attr(ctx.el, 'data-id');
      if (id === 'product.publish.product_name') return { field: 'title', index: null };
      if (ctx.el.classList.contains('ProseMirror')) return { field: 'description', index: null };
      if (id.startsWith('product.publish.')) return null;
      return generic(ctx);
    },
    category: () => null,
  };

  /** @type {Adapter} */
  const fallback = { name: 'generic', matches: () => true, classify: generic, category: () => null };

  const all = [amazon, ebay, etsy, shopify, tiktok, fallback];

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
      const m = /(amazon|ebay|etsy|walmart|aliexpress|shopify|tiktok|tiktokglobalshop|tiktokshopglobalselling|temu|shein|shopee|mercadolibre|mercadolivre)\.[a-z.]+$/.exec(host);
      return m ? m[0] : host;
    },
    generic,
    describe,
  };
})();
