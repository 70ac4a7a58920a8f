// @ts-check
/**
 * Product-page collection for the copied-copy reference: on a marketplace product page
 * (Amazon /dp/, eBay /itm/, Etsy /listing/, Walmart /ip/, AliExpress /item/) it reads the
 * product's title, bullets, description and brand, and sends them once to the background
 * (`corpusAdd`, extension/protocol.js), which keeps them on this machine only.
 *
 * It reads and never writes: no element, attribute or text of the page is changed. It has
 * its own content-script entry in the manifest, on buyers' product pages only (the editor,
 * content/main.js, runs on seller hosts only: a buyer page gets no overlay and no field
 * is taken for listing copy there); it does nothing when the seller switched collection
 * off, or on a site switched off. Per-site
 * selectors first, then the page's own structured data (JSON-LD Product, Open Graph) as
 * the fallback.
 */
(() => {
  const P = globalThis.ClearmarkProtocol;
  const G = /** @type {any} */ (globalThis);
  if (!P || G.__clearmarkCollect || window.top !== window) return;
  G.__clearmarkCollect = true;

  /**
   * The product pages collected, by host pattern, with the product id in the path.
   * @type {Array<{host: RegExp, path: RegExp}>}
   */
  const PRODUCT_PAGES = [
    { host: /^www\.amazon\./, path: /\/(?:dp|gp\/product)\/([A-Z0-9]{10})(?:[/?]|$)/ },
    { host: /^www\.ebay\./, path: /^\/itm\/(?:[^/]+\/)?(\d+)/ },
    { host: /^www\.etsy\.com$/, path: /\/listing\/(\d+)/ },
    { host: /^www\.walmart\./, path: /\/ip\/(?:[^/]+\/)?(\d+)/ },
    { host: /^www\.aliexpress\./, path: /^\/item\/(\d+)/ },
  ];

  /**
   * Per-site selectors (the first that finds text wins), tried before the generic ones.
   * @type {Record<string, {title: string[], bullets: string[], description: string[], brand: string[]}>}
   */
  const SELECTORS = {
    amazon: {
      title: ['#productTitle'],
      bullets: ['#feature-bullets li span.a-list-item', '#feature-bullets li'],
      description: ['#productDescription', '#aplus'],
      brand: ['#bylineInfo'],
    },
    ebay: {
      title: ['h1.x-item-title__mainTitle', 'h1[itemprop="name"]'],
      bullets: [],
      description: ['[data-testid="x-item-description"]', '#viTabs_0_is'],
      brand: ['[itemprop="brand"]'],
    },
    etsy: {
      title: ['h1[data-buy-box-listing-title]'],
      bullets: [],
      description: ['[data-product-details-description-text-content]'],
      brand: ['[data-shop-name]'],
    },
    walmart: {
      title: ['h1[itemprop="name"]', 'h1#main-title'],
      bullets: ['[data-testid="product-description-content"] li'],
      description: ['[data-testid="product-description-content"]', '.about-desc'],
      brand: ['[itemprop="brand"]', '[data-seo-id="brand-name"]'],
    },
    aliexpress: {
      title: ['h1[data-pl="product-title"]', '.product-title-text'],
      bullets: [],
      description: ['#product-description', '[data-pl="product-description"]'],
      brand: [],
    },
  };

  const host = location.hostname;
  const page = PRODUCT_PAGES.find((p) => p.host.test(host) && p.path.test(location.pathname));
  if (!page) return;
  const productId = /** @type {RegExpExecArray} */ (page.path.exec(location.pathname))[1];
  const site = /** @type {keyof typeof SELECTORS} */ (host.split('.')[1]);
  const marketplace = host.replace(/^www\./, '');

  /** @param {string|null|undefined} s */
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();

  /** @param {string[]} selectors */
  function first(selectors) {
    for (const sel of selectors) {
      const el = document.querySelector(sel);
      const text = clean(el instanceof HTMLElement ? el.innerText : el?.textContent);
      if (text) return text;
    }
    return '';
  }

  /** @param {string[]} selectors */
  function all(selectors) {
    for (const sel of selectors) {
      const texts = Array.from(document.querySelectorAll(sel)).map((e) => clean(e.textContent)).filter(Boolean);
      if (texts.length) return texts;
    }
    return [];
  }

  /** The page's JSON-LD Product, if it has one. @returns {Record<string, any> | null} */
  function jsonLdProduct() {
    for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
      try {
        const data = JSON.parse(s.textContent || '');
        const items = [data, ...(Array.isArray(data) ? data : []), ...(Array.isArray(data && data['@graph']) ? data['@graph'] : [])];
        const product = items.find((x) => x && typeof x === 'object' && (x['@type'] === 'Product' || (Array.isArray(x['@type']) && x['@type'].includes('Product'))));
        if (product) return product;
      } catch {
        /* not JSON: skip */
      }
    }
    return null;
  }

  /** @param {string} property */
  const meta = (property) => clean(document.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content'));

  /**
   * "Visit the Acme Store" / "Brand: Acme" → "Acme".
   * @param {string} s
   */
  const brandOf = (s) => clean(s.replace(/^(visit the|brand:)\s*/i, '').replace(/\s+store$/i, ''));

  /** What the page says about its product, or null when it has no title yet. @returns {CorpusListing | null} */
  function read() {
    const sel = SELECTORS[site] || { title: [], bullets: [], description: [], brand: [] };
    const ld = jsonLdProduct();
    const title = first(sel.title) || clean(ld && typeof ld.name === 'string' ? ld.name : '') || meta('og:title') || first(['main h1', 'h1']);
    if (!title) return null;
    const bullets = all(sel.bullets);
    const description = first(sel.description) || clean(ld && typeof ld.description === 'string' ? ld.description : '') || meta('og:description');
    const ldBrand = ld && ld.brand ? (typeof ld.brand === 'string' ? ld.brand : ld.brand.name) : '';
    const brand = brandOf(first(sel.brand)) || clean(typeof ldBrand === 'string' ? ldBrand : '') || meta('product:brand');
    /** @type {CorpusListing} */
    const listing = {
      id: `${marketplace}:${productId}`,
      url: location.origin + location.pathname,
      date: new Date().toISOString().slice(0, 10),
      title,
    };
    if (brand) listing.brand = brand;
    if (bullets.length) listing.bullets = bullets;
    if (description) listing.description = description;
    return listing;
  }

  /** Tries now and, for pages that render late, twice more; sends at most once. */
  function collect(attempt = 0) {
    let listing = null;
    try {
      listing = read();
    } catch {
      /* a page we cannot read is left alone */
    }
    if (!listing) {
      if (attempt < 2) setTimeout(() => collect(attempt + 1), 1500);
      return;
    }
    chrome.runtime.sendMessage(P.corpusAdd(listing)).catch(() => {});
  }

  ClearmarkSettings.load().then((s) => {
    if (s.collectCorpus && !s.disabledHosts.includes(host)) collect();
  }, () => {});
})();
