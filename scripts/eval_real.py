#!/usr/bin/env python3
"""Held-out brand set from real listings: sampler, labelling aid, join, counts, register.

The repository keeps labels only (eval/real-holdout/labels.jsonl); the listing text stays in
/work/shared/data/listings and is joined back in by `join`. Record format, labelling rules and
scoring are those of ../shared/eval/dev/README.md. The same commands built the dev set
eval/real-dev2/ (pass its paths: the defaults are the held-out set's).

  sample   seeded, stratified draw of candidates (ids + stratum; text only in tmp/)
  label    turn a working spec (id, brand, span texts + kind) into labels with UTF-16 offsets
  join     rebuild full records from the shared files; checks title hashes and every span
  stats    the count tables of eval/real-holdout/README.md
  register write the USPTO Case Files CSVs of eval/real-holdout/register/
"""
import argparse, collections, csv, hashlib, json, os, random, re, sys

csv.field_size_limit(1 << 30)

FLIPKART = 'flipkart_promptcloud/flipkart_com-ecommerce_sample_20000rows_title_brand.csv'
AMAZON2020 = 'amazon_promptcloud_2020/test_sample_1000.csv'
WALMART = 'ditto_er_magellan/Structured_Walmart-Amazon'
UKTOYS = 'amazon_uk_toys_promptcloud/amazon_co-ecommerce_sample_trimmed.csv'
SPLITS = ('train', 'valid', 'test')

# The 47-word trap vocabulary of the dev README (whole word, any case, optional plural s).
TRAP_WORDS = ('apple orange dove gap shell puma jaguar tide crocs croc polo sharp target chrome '
              'windows galaxy mars bounty fairy brother canon pilot monster champion amazon corona '
              'mustang pioneer ivory echo kindle blackberry lotus mercury fossil boots diesel titan '
              'crest raid axe lux anchor penguin woodland swift hp').split()
TRAP_RE = re.compile(r'\b(' + '|'.join(sorted(TRAP_WORDS, key=len, reverse=True)) + r')s?\b', re.I)

A2020_DROP = {"Make sure this fits by entering your model number.",
              "Enter your model number to make sure this fits", "Enter Your Model Number",
              "Above To Make Sure This Fits", "N/A", ""}


def u16(s, i):
    """UTF-16 code-unit offset of Python index i in s."""
    return len(s[:i].encode('utf-16-le')) // 2


def u16slice(s, start, end):
    return s.encode('utf-16-le')[2 * start:2 * end].decode('utf-16-le')


def sha(s):
    return hashlib.sha256(s.encode('utf-8')).hexdigest()


# ---------------------------------------------------------------- reading the shared files

def read_flipkart(root):
    with open(os.path.join(root, FLIPKART), newline='', encoding='utf-8') as f:
        for row, r in enumerate(csv.DictReader(f)):
            yield {'id': f'flipkart:{row}', 'source': 'flipkart', 'title': r['product_name'],
                   'bullets': [], 'description': '', 'brand': r['brand'], 'category': ''}


def read_amazon2020(root):
    with open(os.path.join(root, AMAZON2020), newline='', encoding='utf-8') as f:
        for row, r in enumerate(csv.DictReader(f)):
            bullets = [p for p in r['About Product'].split(' | ') if p not in A2020_DROP][:5]
            yield {'id': f'amazon_2020:{row}', 'source': 'amazon_2020', 'title': r['Product Name'],
                   'bullets': bullets, 'description': '', 'brand': r['Brand Name'],
                   'category': r['Category']}


def parse_ditto_record(rec):
    out = {}
    for part in rec.split('COL ')[1:]:
        attr, _, val = part.partition(' VAL ')
        out[attr.strip()] = val.strip()
    return out


def read_walmart(root):
    for split in SPLITS:
        with open(os.path.join(root, WALMART, split + '.txt'), encoding='utf-8') as f:
            for line, text in enumerate(f):
                left, right, _ = text.rstrip('\n').split('\t')
                for side, rec in (('walmart', left), ('amazon', right)):
                    r = parse_ditto_record(rec)
                    yield {'id': f'walmart_amazon:{split}-{line}-{side}', 'source': 'walmart_amazon',
                           'title': r.get('title', ''), 'bullets': [], 'description': '',
                           'brand': r.get('brand', ''), 'category': r.get('category', '')}


def read_uktoys(root):
    """Amazon UK toys, as the dev set reads it: no bullets (the trimmed file has none)."""
    with open(os.path.join(root, UKTOYS), newline='', encoding='utf-8') as f:
        for row, r in enumerate(csv.DictReader(f)):
            yield {'id': f'amazon_uk_toys:{row}', 'source': 'amazon_uk_toys', 'title': r['product_name'],
                   'bullets': [], 'description': '', 'brand': r['manufacturer'],
                   'category': r['amazon_category_and_sub_category']}


READERS = {'flipkart': read_flipkart, 'amazon_2020': read_amazon2020, 'walmart_amazon': read_walmart,
           'amazon_uk_toys': read_uktoys}


def load_sources(root, sources):
    recs = {}
    for s in sources:
        for r in READERS[s](root):
            recs[r['id']] = r
    return recs


# ---------------------------------------------------------------- sample

OWN_FOR = r'(?:men|women|boys?|girls?|baby|babies|kids|unisex|infants?|couples?|all|home|kitchen|him|her)\b'
FOR_RE = re.compile(r'\b(?:for|compatible with|fits|fit for|replacement for)\s+(?!' + OWN_FOR + r')[a-z0-9]', re.I)


def brand_vocab(recs, min_count):
    """Brand-field values that occur at least min_count times in the source (sampling cue only)."""
    c = collections.Counter(r['brand'].strip().lower() for r in recs)
    return {b for b, n in c.items() if n >= min_count and len(b) >= 4 and ' ' not in b}


# Trap words that dominate the trap stratum of these sources (boots and polo necks on Flipkart,
# printer and Apple brands on Walmart-Amazon); the second draw looks for the other words.
COMMON_TRAPS = {'boots', 'polo', 'orange', 'apple', 'hp', 'brother', 'canon', 'pioneer'}


def stratum(r, vocab):
    t = r['title']
    tl = t.lower()
    brand = r['brand'].strip().lower()
    if TRAP_RE.search(t):
        return 'trap'
    words = set(re.findall(r"[a-z0-9][a-z0-9&'-]*", tl))
    other = {w for w in words if w in vocab and w != brand and w not in brand.split()}
    if other or FOR_RE.search(t):
        return 'third_party'
    if brand and re.search(r'\b' + re.escape(brand) + r'\b', tl):
        return 'own_only'
    return 'no_mention'


def cmd_sample(a):
    dev = [json.loads(l) for l in open(a.dev, encoding='utf-8')]
    dev_ids = {d['id'] for d in dev}
    dev_titles = {d['title'].strip().lower() for d in dev}
    for path in a.exclude:   # an earlier draw: neither its rows nor its titles again
        for l in open(path, encoding='utf-8'):
            d = json.loads(l)
            dev_ids.add(d['id'])
            dev_titles.add(d['title'].strip().lower())
    quotas = json.loads(a.quotas)
    rng = random.Random(a.seed)
    out = []
    for source, q in quotas.items():
        recs = list(READERS[source](a.listings))
        vocab = brand_vocab(recs, 3)
        seen, pools = set(), collections.defaultdict(list)
        for r in recs:
            key = r['title'].strip().lower()
            if r['id'] in dev_ids or key in dev_titles or key in seen or not key:
                continue
            seen.add(key)
            pools[stratum(r, vocab)].append(r)
        # trap_rare: trap rows none of whose trap words is one of the common ones
        pools['trap_rare'] = [r for r in pools['trap']
                              if not {m.group(1).lower() for m in TRAP_RE.finditer(r['title'])} & COMMON_TRAPS]
        for st in sorted(q):
            pool = pools[st]
            rng.shuffle(pool)
            per_brand = collections.Counter()
            taken = 0
            for r in pool:
                b = r['brand'].strip().lower()
                if b and per_brand[b] >= a.max_per_brand:
                    continue
                per_brand[b] += 1
                out.append(dict(r, stratum=st))
                taken += 1
                if taken == q[st]:
                    break
            print(f'{source:15} {st:12} pool {len(pool):6}  drawn {taken}', file=sys.stderr)
    os.makedirs(os.path.dirname(a.out) or '.', exist_ok=True)
    with open(a.out, 'w', encoding='utf-8') as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(out)} candidates -> {a.out}', file=sys.stderr)


# ---------------------------------------------------------------- label

def find_word(s, text, start=0):
    """Whole-word, case-sensitive occurrences of text in s (Python indices)."""
    pat = re.compile(r'(?<![\w])' + re.escape(text) + r'(?![\w])')
    return [(m.start(), m.end()) for m in pat.finditer(s, start)]


def spans_for(rec, spec_spans):
    """Every whole-word occurrence of every labelled text, longer spans win on overlap."""
    fields = [('title', None, rec['title'])] + [('bullets', i, b) for i, b in enumerate(rec['bullets'])]
    cands = []
    for text, kind in spec_spans:
        found = False
        for field, idx, s in fields:
            for st, en in find_word(s, text):
                cands.append((field, idx, st, en, text, kind, s))
                found = True
        if not found:
            raise SystemExit(f'{rec["id"]}: span text {text!r} not found')
    cands.sort(key=lambda c: -(c[3] - c[2]))
    kept = []
    for c in cands:
        if any(k[0] == c[0] and k[1] == c[1] and k[2] < c[3] and c[2] < k[3] for k in kept):
            continue
        kept.append(c)
    kept.sort(key=lambda c: (c[0] != 'title', c[1] or 0, c[2]))
    return kept


def traps_for(rec, gold):
    fields = [('title', None, rec['title'])] + [('bullets', i, b) for i, b in enumerate(rec['bullets'])]
    out = []
    for field, idx, s in fields:
        for m in TRAP_RE.finditer(s):
            if any(g[0] == field and g[1] == idx and g[2] < m.end() and m.start() < g[3] for g in gold):
                continue
            out.append((field, idx, m.start(), m.end(), m.group(0), s))
    return out


def cmd_label(a):
    """Spec lines: {"id", "brand": inferred or as given, "nice_class": "0NN",
    "spans": [[text, kind], ...]}, or {"id", "drop": reason}. Every whole-word occurrence of a
    span text is labelled; every trap-vocabulary word outside a gold span becomes a trap."""
    specs = [json.loads(l) for l in open(a.spec, encoding='utf-8') if l.strip()]
    sources = sorted({s['id'].split(':')[0] for s in specs})
    recs = load_sources(a.listings, sources)
    n = 0
    with open(a.out, 'w', encoding='utf-8') as f:
        for sp in specs:
            if sp.get('drop'):
                continue
            rec = recs[sp['id']]
            gold = spans_for(rec, sp.get('spans', []))
            traps = traps_for(rec, gold)
            lab = {'id': rec['id'], 'source': rec['source'], 'title_sha256': sha(rec['title']),
                   'brand': sp['brand'],
                   'gold': [{'field': g[0], 'index': g[1], 'start': u16(g[6], g[2]),
                             'end': u16(g[6], g[3]), 'text': g[4], 'kind': g[5]} for g in gold],
                   'generic_traps': [{'field': t[0], 'index': t[1], 'start': u16(t[5], t[2]),
                                      'end': u16(t[5], t[3]), 'text': t[4]} for t in traps]}
            lab['nice_class'] = sp['nice_class']   # the listing's goods, for the register
            if sp.get('note'):
                lab['note'] = sp['note']
            f.write(json.dumps(lab, ensure_ascii=False) + '\n')
            n += 1
    print(f'{n} labelled listings -> {a.out}', file=sys.stderr)


# ---------------------------------------------------------------- join

def cmd_join(a):
    labels = [json.loads(l) for l in open(a.labels, encoding='utf-8') if l.strip()]
    recs = load_sources(a.listings, sorted({l['source'] for l in labels}))
    bad = 0
    os.makedirs(os.path.dirname(a.out) or '.', exist_ok=True)
    with open(a.out, 'w', encoding='utf-8') as f:
        for lab in labels:
            rec = recs.get(lab['id'])
            if rec is None:
                sys.exit(f'{lab["id"]}: not in the shared listings')
            if sha(rec['title']) != lab['title_sha256']:
                print(f'{lab["id"]}: title changed in the source (hash mismatch)', file=sys.stderr)
                bad += 1
                continue
            given = rec['brand']
            out = {'id': rec['id'], 'source': rec['source'], 'title': rec['title'],
                   'bullets': rec['bullets'], 'description': '', 'brand': lab['brand'],
                   'category': rec['category'],
                   'gold': [{k: g[k] for k in ('field', 'index', 'text', 'start', 'end', 'kind')} for g in lab['gold']],
                   'generic_traps': [{k: t[k] for k in ('field', 'index', 'text', 'start', 'end')} for t in lab['generic_traps']]}
            if lab['brand'] != given or rec['source'] == 'amazon_2020':
                out['brand_field_as_given'] = given
            for span in out['gold'] + out['generic_traps']:
                s = rec['title'] if span['field'] == 'title' else rec['bullets'][span['index']]
                assert u16slice(s, span['start'], span['end']) == span['text'], (rec['id'], span)
            f.write(json.dumps(out, ensure_ascii=False) + '\n')
    if bad:
        sys.exit(f'{bad} listings changed in the source; fix or relabel them')
    print(f'{len(labels)} listings -> {a.out} (every title hash and span checked)', file=sys.stderr)


# ---------------------------------------------------------------- stats

def cmd_stats(a):
    labels = [json.loads(l) for l in open(a.labels, encoding='utf-8') if l.strip()]
    rows = collections.OrderedDict([('all', labels)])
    for src in sorted({l['source'] for l in labels}):
        rows[src] = [l for l in labels if l['source'] == src]
    print('| | listings | gold spans | own | third_party | traps (listings) | listings with no mention |')
    print('|---|---|---|---|---|---|---|')
    for name, ls in rows.items():
        g = [s for l in ls for s in l['gold']]
        tr = sum(len(l['generic_traps']) for l in ls)
        trl = sum(1 for l in ls if l['generic_traps'])
        print(f'| {name} | {len(ls)} | {len(g)} | {sum(s["kind"] == "own" for s in g)} | '
              f'{sum(s["kind"] == "third_party" for s in g)} | {tr} ({trl}) | {sum(1 for l in ls if not l["gold"])} |')
    n = len(labels)
    tp = sum(1 for l in labels if any(s['kind'] == 'third_party' for s in l['gold']))
    own_only = sum(1 for l in labels if l['gold'] and all(s['kind'] == 'own' for s in l['gold']))
    none = sum(1 for l in labels if not l['gold'])
    with_traps = sum(1 for l in labels if l['generic_traps'])
    print(f'\n- Gold spans in bullets: {sum(s["field"] == "bullets" for l in labels for s in l["gold"])}. '
          f'Traps in bullets: {sum(t["field"] == "bullets" for l in labels for t in l["generic_traps"])}.')
    print(f'- Listings with at least one third_party span: {tp} ({100 * tp / n:.0f}%); all spans own: '
          f'{own_only} ({100 * own_only / n:.0f}%); no span: {none} ({100 * none / n:.0f}%); '
          f'with a trap: {with_traps} ({100 * with_traps / n:.0f}%).')
    if a.listings:
        recs = load_sources(a.listings, sorted({l['source'] for l in labels}))
        given = collections.Counter()
        for l in labels:
            b = recs[l['id']]['brand']
            given['empty' if not b.strip() else 'as is' if b == l['brand'] else 'not a brand name'] += 1
        print(f'- Brand field (after own-brand inference): {dict(given)}; brand still empty: '
              f'{sum(1 for l in labels if not l["brand"])}.')
    words = collections.Counter()
    for l in labels:
        for t in l['generic_traps']:
            w = t['text'].lower()
            words[w if w[:-1] not in TRAP_WORDS else w[:-1]] += 1
    print('- Trap words used:', ', '.join(f'{w} {c}' for w, c in words.most_common()),
          f'({len(words)} distinct).')


# ---------------------------------------------------------------- register

# Real home classes of the well-known brands behind the 47 trap words (Nice classes).
TRAP_HOME = {
    'APPLE': ['009'], 'ORANGE': ['009', '038'], 'DOVE': ['003'], 'GAP': ['025'], 'SHELL': ['004'],
    'PUMA': ['018', '025', '028'], 'JAGUAR': ['012'], 'TIDE': ['003'], 'CROCS': ['025'],
    'POLO': ['025'], 'SHARP': ['009'], 'TARGET': ['035'], 'CHROME': ['009'], 'WINDOWS': ['009'],
    'GALAXY': ['009'], 'MARS': ['030'], 'BOUNTY': ['016'], 'FAIRY': ['003'], 'BROTHER': ['007', '009'],
    'CANON': ['009'], 'PILOT': ['016'], 'MONSTER': ['032'], 'CHAMPION': ['025'], 'AMAZON': ['035'],
    'CORONA': ['032'], 'MUSTANG': ['012'], 'PIONEER': ['009'], 'IVORY': ['003'], 'ECHO': ['009'],
    'KINDLE': ['009'], 'BLACKBERRY': ['009'], 'LOTUS': ['012'], 'MERCURY': ['007', '012'],
    'FOSSIL': ['014'], 'BOOTS': ['003', '035'], 'DIESEL': ['025'], 'TITAN': ['014'], 'CREST': ['003'],
    'RAID': ['005'], 'AXE': ['003'], 'LUX': ['003'], 'ANCHOR': ['029'], 'PENGUIN': ['016'],
    'WOODLAND': ['025'], 'SWIFT': ['012'], 'HP': ['009'],
}
# A mark is registered once, in its singular, when a listing writes the plural of a line name.
MARK_FORM = {'BIGFIGS': 'BIGFIG'}
STOP = set('and for with the of in to from by or a an at on up as is are set pack inch cm mm ml gb '
           'x w new not'.split())
UNRELATED = ['001', '004', '005', '006', '007', '013', '015', '017', '019', '022', '023', '026', '027',
             '029', '030', '032', '033', '034', '036', '037', '039', '040', '042', '043', '044', '045']


def cmd_register(a):
    rng = random.Random(a.seed)
    labels = [json.loads(l) for l in open(a.labels, encoding='utf-8') if l.strip()]
    marks = collections.OrderedDict()          # mark text -> set of classes

    def add(mark, classes):
        marks.setdefault(mark, set()).update(classes)

    # 1. every labelled brand mention, own and third party, in the class of its listing
    gold_words = set()
    for l in labels:
        for g in l['gold']:
            m = g['text'].upper()
            add(MARK_FORM.get(m, m), [l['nice_class']])
            gold_words.update(re.findall(r'[a-z]+', g['text'].lower()))
        gold_words.update(re.findall(r'[a-z]+', l['brand'].lower()))
    n_gold = len(marks)
    # 2. the famous brands behind the trap words, in their home classes
    for m, cl in TRAP_HOME.items():
        add(m, cl)
    # 3. the 60 most frequent ordinary title words, in classes none of their listings is in
    recs = load_sources(a.listings, sorted({l['source'] for l in labels}))
    df, word_classes = collections.Counter(), collections.defaultdict(set)
    trap_words = set(TRAP_WORDS)
    for l in labels:
        words = set(re.findall(r"[a-z]+", recs[l['id']]['title'].lower()))
        for w in words:
            if len(w) < 3 or not re.search('[aeiouy]', w) or w in STOP or w in gold_words or w in trap_words or w.rstrip('s') in trap_words:
                continue
            df[w] += 1
            word_classes[w].add(l['nice_class'])
    ordinary = [w for w, _ in sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))][:60]
    for w in ordinary:
        free = [c for c in UNRELATED if c not in word_classes[w]]
        add(w.upper(), [rng.choice(free)])
    # 4. serials, dates, owners (made up); about 15% of marks also get an older dead record
    rows, classes, owners = [], [], []
    serial = a.first_serial
    reg_nos = set()
    names = sorted(marks)
    dead = set(rng.sample(names, round(0.15 * len(names))))
    for m in names:
        while True:
            reg = rng.randrange(1000000, 9999999)
            if reg not in reg_nos:
                reg_nos.add(reg)
                break
        filed = f'{rng.randrange(1985, 2021)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}'
        recs_m = [(serial, f'{reg:07d}', '700', filed, filed, sorted(marks[m]))]
        serial += 1
        if m in dead:
            old = f'{rng.randrange(1970, int(filed[:4]))}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}'
            recs_m.append((serial, '0000000', rng.choice(['602', '710', '900']), old, '',
                           sorted(marks[m])[:1]))
            serial += 1
        owner = ' '.join(w.capitalize() for w in m.split()) + ' Holdings Inc.'
        for sn, regno, status, fdt, rdt, cl in recs_m:
            rows.append([sn, m, regno, status, '4000', fdt, rdt, '1', '1', '0'])
            for i, c in enumerate(cl, 1):
                classes.append([sn, i, c])
            owners.append([sn, 1, 10, owner, 'US', sn])
    os.makedirs(a.out, exist_ok=True)

    def write(name, header, data):
        with open(os.path.join(a.out, name), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(header)
            w.writerows(data)
    write('case_file.csv', ['serial_no', 'mark_id_char', 'registration_no', 'cfh_status_cd', 'mark_draw_cd',
                            'filing_dt', 'registration_dt', 'std_char_claim_in', 'trade_mark_in',
                            'serv_mark_in'], rows)
    write('intl_class.csv', ['serial_no', 'class_id', 'intl_class_cd'], classes)
    write('owner.csv', ['serial_no', 'own_seq', 'own_type_cd', 'own_name', 'own_addr_country_cd', 'own_id'],
          owners)
    st = collections.Counter(r[3] for r in rows)
    print(f'{len(names)} marks ({n_gold} labelled mentions, {len(TRAP_HOME)} trap brands, '
          f'{len(ordinary)} ordinary words; overlaps merged), {len(rows)} records, status {dict(st)}',
          file=sys.stderr)
    print('ordinary words:', ' '.join(ordinary), file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    s = sub.add_parser('sample')
    s.add_argument('--listings', default='/work/shared/data/listings')
    s.add_argument('--dev', default='/work/shared/eval/dev/brands.jsonl')
    s.add_argument('--seed', type=int, default=20261202)
    s.add_argument('--quotas', required=True, help='JSON {source: {stratum: n}}')
    s.add_argument('--max-per-brand', type=int, default=2)
    s.add_argument('--exclude', action='append', default=[], help='candidates of an earlier draw')
    s.add_argument('--out', default='tmp/real-candidates.jsonl')
    s.set_defaults(f=cmd_sample)
    s = sub.add_parser('label')
    s.add_argument('--spec', required=True)
    s.add_argument('--listings', default='/work/shared/data/listings')
    s.add_argument('--out', default='eval/real-holdout/labels.jsonl')
    s.set_defaults(f=cmd_label)
    s = sub.add_parser('join')
    s.add_argument('--labels', default='eval/real-holdout/labels.jsonl')
    s.add_argument('--listings', default='/work/shared/data/listings')
    s.add_argument('--out', default='tmp/real-holdout.jsonl')
    s.set_defaults(f=cmd_join)
    s = sub.add_parser('stats')
    s.add_argument('--labels', default='eval/real-holdout/labels.jsonl')
    s.add_argument('--listings', default='/work/shared/data/listings', help="'' to skip the brand-field count")
    s.set_defaults(f=cmd_stats)
    s = sub.add_parser('register')
    s.add_argument('--labels', default='eval/real-holdout/labels.jsonl')
    s.add_argument('--listings', default='/work/shared/data/listings')
    s.add_argument('--seed', type=int, default=20261202)
    s.add_argument('--first-serial', type=int, default=98300001, help='made-up serial numbers start here')
    s.add_argument('--out', default='eval/real-holdout/register')
    s.set_defaults(f=cmd_register)
    a = p.parse_args()
    a.f(a)


if __name__ == '__main__':
    main()
