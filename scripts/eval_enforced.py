#!/usr/bin/env python3
"""Build eval/enforced/{dev,dev2,dev3,dev4,dev5,dev6,dev7,holdout,lookalikes-*}.jsonl from the hand-written
listings in eval/enforced/src/*.txt and check every label.

Source format (one listing per block, blocks separated by a blank line):

    ## group: toys                       sets the group of the following listings
    @ SELLERBRAND | Category > Path      starts a listing: brand field | category
    T title text with [[markup]]         the title (exactly one)
    B bullet text with [[markup]]        a bullet (zero or more, in order)
    # comment                            ignored

Markup inside T/B lines:
    [[Disney]] or [[Disney|tp]]          third_party gold span
    [[YOKIVA|own]] or [[YOKIVA|o]]       own gold span
    [[apple|trap]] or [[apple|t]]        generic trap
    [[Pik4chu|tp|leet]]                  third_party span disguised by the named trick

Offsets are UTF-16 code units: len(s[:i].encode('utf-16-le')) // 2.
The build asserts every span slices back to its text, that every occurrence of a
trap-vocabulary word is labelled (gold or trap), that every occurrence of the seller's
brand is labelled own, and that every other occurrence of a third_party span text in
the listing is labelled too. Run:  python3 scripts/eval_enforced.py
"""
import collections
import json
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BASE = os.path.join(ROOT, "eval", "enforced")
SOURCE = "clearmark-enforced"

SETS = [  # (source file, output file, id prefix)
    ("dev.txt", "dev.jsonl", "enforced-dev"),
    ("dev2.txt", "dev2.jsonl", "enforced-dev2"),  # second tunable dev set
    ("holdout.txt", "holdout.jsonl", "enforced-holdout"),
    ("lookalikes-holdout.txt", "lookalikes-holdout.jsonl", "enforced-lookalikes"),
    ("lookalikes-dev.txt", "lookalikes-dev.jsonl", "enforced-lookalikes-dev"),
    ("dev3.txt", "dev3.jsonl", "enforced-dev3"),  # third tunable dev set
    ("lookalikes-dev2.txt", "lookalikes-dev2.jsonl", "enforced-lookalikes-dev2"),
    ("dev4.txt", "dev4.jsonl", "enforced-dev4"),  # fourth tunable dev set
    ("lookalikes-dev3.txt", "lookalikes-dev3.jsonl", "enforced-lookalikes-dev3"),
    ("dev5.txt", "dev5.jsonl", "enforced-dev5"),  # fifth tunable dev set, written blind
    ("lookalikes-dev4.txt", "lookalikes-dev4.jsonl", "enforced-lookalikes-dev4"),
    ("dev6.txt", "dev6.jsonl", "enforced-dev6"),  # sixth set, written blind in session 14
    ("lookalikes-dev5.txt", "lookalikes-dev5.jsonl", "enforced-lookalikes-dev5"),
    ("lookalikes-dev6.txt", "lookalikes-dev6.jsonl", "enforced-lookalikes-dev6"),  # sixth lookalike set, written blind in session 15
    ("dev7.txt", "dev7.jsonl", "enforced-dev7"),  # seventh set, written blind in session 15
]

# The dev README's closed vocabulary of 47 words ...
DEV_VOCAB = """apple orange dove gap shell puma jaguar tide crocs croc polo sharp target chrome
windows galaxy mars bounty fairy brother canon pilot monster champion amazon corona mustang
pioneer ivory echo kindle blackberry lotus mercury fossil boots diesel titan crest raid axe lux
anchor penguin woodland swift hp""".split()
# ... extended for this set with famous brands that are also ordinary words in the
# categories covered here (see eval/enforced/README.md).
EXTRA_VOCAB = """vans coach ram beetle fox mango coral patagonia columbia stitch frozen cars
sonic supreme hunter bronco guess chelsea pixel surface switch""".split()
VOCAB = DEV_VOCAB + EXTRA_VOCAB
VOCAB_RE = re.compile(r"(?<![\w])(" + "|".join(sorted(VOCAB, key=len, reverse=True))
                      + r")(?:e?s)?(?![\w])", re.IGNORECASE)
DISGUISES = {"substitute", "double", "delete", "swap", "leet", "homoglyph", "space", "hyphen",
             # added with lookalikes-dev: letters between dots ("N.I.K.E"), vowels
             # dropped ("Pkmn"), a letter inserted ("Sketchers"), a word glued on
             # ("Barbiestyle")
             "dots", "vowels", "insert", "affix",
             # added with lookalikes-dev2: a vowel changed for another ("Nutello"; not the
             # dropped vowels of `vowels`), a sound-alike respelling ("Arc'teryks",
             # "Greatful Dead"), and two tricks at once: a swap plus a hyphen
             # ("Bal-enicaga"), a doubled letter plus a hyphen ("Rol-lex")
             "vowelchange", "sound", "swaphyphen", "doublehyphen"}
# Lookalike listings of this group name no disguised mark: real words and names one
# letter from a famous mark, which must stay quiet.
CLEAN_GROUP = "clean"

KINDS = {"tp": "third_party", "third_party": "third_party", "own": "own", "o": "own",
         "trap": "trap", "t": "trap"}
MARK_RE = re.compile(r"\[\[([^\[\]|]+)(?:\|([a-z_]+))?(?:\|([a-z]+))?\]\]")


def u16(s, i):
    return len(s[:i].encode("utf-16-le")) // 2


def u16slice(s, start, end):
    return s.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


class BuildError(Exception):
    pass


def parse_field(raw, where):
    """Strip markup; return (plain text, [(start_cp, end_cp, text, kind, disguise)])."""
    out, spans, pos = [], [], 0
    n = 0
    for m in MARK_RE.finditer(raw):
        out.append(raw[pos:m.start()])
        n += len(raw[pos:m.start()])
        text, kind, disguise = m.group(1), KINDS.get(m.group(2) or "tp"), m.group(3)
        if kind is None:
            raise BuildError(f"{where}: unknown kind {m.group(2)!r}")
        if disguise and (kind != "third_party" or disguise not in DISGUISES):
            raise BuildError(f"{where}: bad disguise {disguise!r} on {text!r}")
        if text != text.strip():
            raise BuildError(f"{where}: span {text!r} has outer spaces")
        spans.append((n, n + len(text), text, kind, disguise))
        out.append(text)
        n += len(text)
        pos = m.end()
    out.append(raw[pos:])
    plain = "".join(out)
    if "[[" in plain or "]]" in plain:
        raise BuildError(f"{where}: unbalanced markup in {raw!r}")
    return plain, spans


def letter_bounded(s, a, b):
    return (a == 0 or not s[a - 1].isalpha()) and (b == len(s) or not s[b].isalpha())


def occurrences(s, word):
    """Case-insensitive occurrences of word not glued to other letters."""
    pat = re.compile(r"(?<![^\W\d_])" + re.escape(word) + r"(?![^\W\d_])", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pat.finditer(s)]


def check_listing(rec_fields, brand, where):
    """rec_fields: list of (field, index, plain, spans). Raises BuildError on a bad label."""
    tp_texts = set()
    for field, index, plain, spans in rec_fields:
        for a, b, text, kind, _ in spans:
            if not letter_bounded(plain, a, b):
                raise BuildError(f"{where}: span {text!r} not at a word boundary in {plain!r}")
            if kind == "trap" and not VOCAB_RE.fullmatch(text):
                raise BuildError(f"{where}: trap {text!r} is not a vocabulary word")
            if kind == "third_party":
                tp_texts.add(text)
            if kind == "own" and brand.lower() not in text.lower() and text.lower() not in brand.lower():
                raise BuildError(f"{where}: own span {text!r} is not a variant of brand {brand!r}")
        ordered = sorted(spans)
        for x, y in zip(ordered, ordered[1:]):
            if y[0] < x[1]:
                raise BuildError(f"{where}: overlapping spans {x[2]!r} and {y[2]!r}")

    for field, index, plain, spans in rec_fields:
        def covered(a, b, kinds):
            return any(sa <= a and b <= sb and k in kinds for sa, sb, _, k, _ in spans)
        for m in VOCAB_RE.finditer(plain):
            if not covered(m.start(), m.end(), {"own", "third_party", "trap"}):
                raise BuildError(f"{where}: vocabulary word {m.group(0)!r} unlabelled in {plain!r}")
        if brand:
            for a, b in occurrences(plain, brand):
                if not covered(a, b, {"own"}):
                    raise BuildError(f"{where}: own brand {plain[a:b]!r} unlabelled in {plain!r}")
        for t in tp_texts:
            for a, b in occurrences(plain, t):
                if not covered(a, b, {"own", "third_party", "trap"}):
                    raise BuildError(f"{where}: {t!r} labelled elsewhere but not here: {plain!r}")


def parse_source(path, prefix, is_lookalike):
    records, groups, errors = [], [], []
    group, block = None, None

    def flush():
        nonlocal block
        if block is None:
            return
        try:
            build(block)
        except BuildError as e:
            errors.append(str(e))
        block = None

    def build(block):
        where = f"{os.path.relpath(path, ROOT)}:{block['line']}"
        if block["title"] is None:
            raise BuildError(f"{where}: listing without a T line")
        fields, gold, traps = [], [], []
        title, tspans = parse_field(block["title"][1], f"{os.path.relpath(path, ROOT)}:{block['title'][0]}")
        fields.append(("title", None, title, tspans))
        bullets = []
        for i, (ln, raw) in enumerate(block["bullets"]):
            plain, spans = parse_field(raw, f"{os.path.relpath(path, ROOT)}:{ln}")
            bullets.append(plain)
            fields.append(("bullets", i, plain, spans))
        check_listing(fields, block["brand"], where)
        disguised = 0
        for field, index, plain, spans in fields:
            for a, b, text, kind, disguise in spans:
                span = {"field": field, "index": index, "text": text,
                        "start": u16(plain, a), "end": u16(plain, b)}
                assert u16slice(plain, span["start"], span["end"]) == text, (where, text)
                if kind == "trap":
                    traps.append(span)
                else:
                    span["kind"] = kind
                    if disguise:
                        span["disguise"] = disguise
                        disguised += 1
                    gold.append(span)
        if is_lookalike and block["group"] == CLEAN_GROUP and disguised:
            raise BuildError(f"{where}: a {CLEAN_GROUP} lookalike listing has a disguised span")
        if is_lookalike and block["group"] != CLEAN_GROUP and disguised != 1:
            raise BuildError(f"{where}: a lookalike listing needs exactly one disguised span, has {disguised}")
        if not is_lookalike and disguised:
            raise BuildError(f"{where}: disguise outside the lookalike set")
        rec = {"id": f"{prefix}:{len(records) + 1}", "source": SOURCE, "title": title,
               "bullets": bullets, "description": "", "brand": block["brand"],
               "category": block["category"], "gold": gold, "generic_traps": traps}
        records.append(rec)
        groups.append(block["group"])

    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("## group:"):
                flush()
                group = line.split(":", 1)[1].strip()
            elif line.startswith("#") or not line.strip():
                if not line.strip():
                    flush()
            elif line.startswith("@ "):
                flush()
                brand, _, category = line[2:].partition("|")
                if not group:
                    raise BuildError(f"{path}:{ln}: listing before any '## group:' line")
                block = {"line": ln, "brand": brand.strip(), "category": category.strip(),
                         "title": None, "bullets": [], "group": group}
            elif line.startswith("T ") or line.startswith("B "):
                if block is None:
                    raise BuildError(f"{path}:{ln}: T/B line outside a listing")
                if line[0] == "T":
                    if block["title"] is not None:
                        raise BuildError(f"{path}:{ln}: second T line")
                    block["title"] = (ln, line[2:])
                else:
                    block["bullets"].append((ln, line[2:]))
            else:
                raise BuildError(f"{path}:{ln}: cannot parse {line!r}")
    flush()
    if errors:
        raise BuildError(f"{len(errors)} error(s):\n" + "\n".join(errors))
    return records, groups


def stats(name, records, groups):
    by = collections.OrderedDict()
    rows = []
    def row(label, recs):
        tp = sum(1 for r in recs for g in r["gold"] if g["kind"] == "third_party")
        own = sum(1 for r in recs for g in r["gold"] if g["kind"] == "own")
        traps = sum(len(r["generic_traps"]) for r in recs)
        trap_l = sum(1 for r in recs if r["generic_traps"])
        clean = sum(1 for r in recs if not any(g["kind"] == "third_party" for g in r["gold"]))
        own_title = sum(1 for r in recs if any(g["kind"] == "own" and g["field"] == "title" for g in r["gold"]))
        return f"| {label} | {len(recs)} | {tp} | {own} | {traps} ({trap_l}) | {clean} | {own_title} |"
    for r, g in zip(records, groups):
        by.setdefault(g, []).append(r)
    rows.append(f"### {name}\n")
    rows.append("| group | listings | third_party | own | traps (listings) | listings with no third_party | own brand in title |")
    rows.append("|---|---|---|---|---|---|---|")
    rows.append(row("all", records))
    for g, recs in by.items():
        rows.append(row(g, recs))
    words = collections.Counter(VOCAB_RE.fullmatch(t["text"]).group(1).lower()
                                for r in records for t in r["generic_traps"])
    rows.append("")
    rows.append("Trap words: " + ", ".join(f"{w} {c}" for w, c in sorted(words.items(), key=lambda x: (-x[1], x[0]))))
    vocab_gold = collections.Counter(g["text"] for r in records for g in r["gold"] if VOCAB_RE.search(g["text"]))
    rows.append("")
    rows.append("Gold spans containing a vocabulary word (brand sense): " + (", ".join(f"{w} {c}" for w, c in sorted(vocab_gold.items())) or "none"))
    dis = collections.Counter(g["disguise"] for r in records for g in r["gold"] if "disguise" in g)
    if dis:
        rows.append("")
        rows.append("Disguises: " + ", ".join(f"{w} {c}" for w, c in sorted(dis.items())))
    short = [g["text"] for r in records for g in r["gold"] if g["kind"] == "third_party" and len(re.sub(r"[^A-Za-z]", "", g["text"])) <= 3 and g["text"].isupper()]
    rows.append("")
    rows.append(f"Short (≤3-letter, upper-case) third_party spans: {len(short)} in "
                f"{sum(1 for r in records if any(g['kind']=='third_party' and g['text'] in short for g in r['gold']))} listings: "
                + ", ".join(f"{w} {c}" for w, c in sorted(collections.Counter(short).items())))
    bullets_gold = sum(1 for r in records for g in r["gold"] if g["field"] == "bullets")
    rows.append("")
    rows.append(f"Gold spans in bullets: {bullets_gold}. Own brands used: {len(set(r['brand'] for r in records))}.")
    return "\n".join(rows) + "\n"


def main():
    all_titles = {}
    report = ["# Counts (generated by scripts/eval_enforced.py; do not edit)\n"]
    tp_by_set = {}
    for src, out, prefix in SETS:
        path = os.path.join(BASE, "src", src)
        if not os.path.exists(path):
            print(f"skip {src}: not written yet")
            continue
        records, groups = parse_source(path, prefix, "lookalike" in src)
        # all_titles spans every set above, so no two listings of any sets share a
        # title: dev4 and lookalikes-dev3 share none with the other sets or the holdout.
        for r in records:
            key = re.sub(r"\s+", " ", r["title"].strip().lower())
            if key in all_titles:
                raise BuildError(f"{r['id']}: same title as {all_titles[key]}")
            all_titles[key] = r["id"]
        tp_by_set[prefix] = {g["text"].lower() for r in records for g in r["gold"] if g["kind"] == "third_party"}
        with open(os.path.join(BASE, out), "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        # re-read and verify offsets from the written file
        with open(os.path.join(BASE, out), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                for s in r["gold"] + r["generic_traps"]:
                    txt = r["title"] if s["field"] == "title" else r["bullets"][s["index"]]
                    assert u16slice(txt, s["start"], s["end"]) == s["text"], (r["id"], s)
        report.append(stats(out, records, groups))
        print(f"{out}: {len(records)} listings")
    if "enforced-dev" in tp_by_set and "enforced-holdout" in tp_by_set:
        shared = sorted(tp_by_set["enforced-dev"] & tp_by_set["enforced-holdout"])
        report.append(f"Third-party span texts in both dev and holdout ({len(shared)}): " + ", ".join(shared) + "\n")
    with open(os.path.join(BASE, "COUNTS.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(report))


if __name__ == "__main__":
    try:
        main()
    except BuildError as e:
        sys.exit(f"error: {e}")
