#!/usr/bin/env python3
"""Seeded random listings from a marketplace CSV, as `clearmark check` JSON lines.

For in-the-wild measurements (no labels): how many real listings get a high or medium
finding, and on which words. Reads the Amazon UK toys layout (product_name,
manufacturer, amazon_category_and_sub_category); the same seed and file give the same
rows. Other layouts are read by their own column names (Flipkart: `brand`; Amazon
2020: `Product Name`, `Brand Name`, `Category`). Usage:

    scripts/sample-listings.py FILE.csv --rows 300 --seed 1 > tmp/wild.jsonl
"""
import argparse
import csv
import json
import random
import sys


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("csv")
    p.add_argument("--rows", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    with open(a.csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for i in sorted(random.Random(a.seed).sample(range(len(rows)), min(a.rows, len(rows)))):
        r = rows[i]
        listing = {
            "id": f"row-{i}",
            "title": r.get("product_name") or r.get("Product Name", ""),
            "brand": r.get("manufacturer") or r.get("brand") or r.get("Brand Name", ""),
            "category": r.get("amazon_category_and_sub_category") or r.get("Category", ""),
        }
        json.dump({k: v for k, v in listing.items() if v}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
