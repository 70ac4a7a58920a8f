// The audit report's script: draws the listings embedded as JSON (#audit-data) and
// applies the filters. It must stay inside this page: it reads no URL, loads nothing and
// writes listing text with textContent only (listings are hostile input).
'use strict';

const data = JSON.parse(document.getElementById('audit-data').textContent);
const list = document.getElementById('listings');
const shown = document.getElementById('shown');
const filters = ['kind', 'severity', 'field', 'mark'].map((name) => document.getElementById(`filter-${name}`));
const withoutFindings = document.getElementById('filter-clean');
/** Cards drawn at most, so a catalogue of 100,000 listings stays responsive. */
const MOST_CARDS = 500;
const FIELD_NAMES = { title: 'title', bullets: 'bullet', description: 'description', keywords: 'search terms' };

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function matches(finding) {
  return filters.every((select) => !select.value || String(finding[select.name]) === select.value);
}

function sameField(finding, field) {
  return finding.field === field.field && (finding.index ?? null) === (field.index ?? null);
}

/** The field's text with its findings marked; offsets are UTF-16 units, as JS slices. */
function highlighted(text, findings, hits) {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (f.start < at) continue;
    out.append(text.slice(at, f.start));
    const mark = element('mark', `sev-${f.severity}${hits.has(f) ? '' : ' dim'}`, text.slice(f.start, f.end));
    mark.title = `${f.mark}: ${f.kind.replace(/_/g, ' ')}, ${f.severity}`;
    out.append(mark);
    at = f.end;
  }
  out.append(text.slice(at));
  return out;
}

function card(listing, hits) {
  const article = element('article', 'listing');
  article.dataset.id = listing.id;
  const title = element('h2', '', listing.id);
  for (const severity of ['high', 'medium', 'low']) {
    if (listing[severity]) title.append(element('span', `badge sev-${severity}`, `${listing[severity]} ${severity}`));
  }
  article.append(title, element('p', 'meta', `${listing.file}, row ${listing.row}`));
  for (const field of listing.fields) {
    const row = element('div', 'field');
    const label = FIELD_NAMES[field.field] + (field.index === null ? '' : ` ${field.index + 1}`);
    const text = element('p', 'text');
    text.append(highlighted(field.text, listing.findings.filter((f) => sameField(f, field)), hits));
    row.append(element('span', 'label', label), text);
    article.append(row);
  }
  if (listing.findings.length) {
    const ul = element('ul', 'findings');
    for (const f of listing.findings) {
      const li = element('li', hits.has(f) ? '' : 'dim');
      li.append(element('strong', '', `${f.severity} ${f.kind.replace(/_/g, ' ')}`), ` "${f.text}" → ${f.mark}. `);
      li.append(element('span', 'why', `${f.reason} Suggestion: ${f.suggestion}`));
      ul.append(li);
    }
    article.append(ul);
  }
  return article;
}

function render() {
  const filtering = filters.some((select) => select.value);
  const cards = [];
  let total = 0;
  for (const listing of data.listings) {
    const hits = new Set(listing.findings.filter(matches));
    const visible = filtering ? hits.size > 0 : listing.findings.length > 0 || withoutFindings.checked;
    if (!visible) continue;
    total += 1;
    if (cards.length < MOST_CARDS) cards.push(card(listing, hits));
  }
  list.replaceChildren(...cards);
  shown.textContent = `${total} listing(s) shown` + (total > cards.length ? `, the first ${cards.length} drawn: narrow the filters to see the rest` : '');
}

for (const control of [...filters, withoutFindings]) control.addEventListener('change', render);
render();
