// The JSON contract of listings and findings, generated from src/listing.rs by
// `CLEARMARK_BLESS=1 cargo test --lib listing::tests`; do not edit by hand.

export type Listing = { 
/**
 * The caller's identifier, echoed back in the findings line.
 */
id: string, 
/**
 * The marketplace domain, e.g. `amazon.com`.
 */
marketplace?: string | null, 
/**
 * The marketplace category path, e.g. `Toys & Games > Building Toys`.
 */
category?: string | null, 
/**
 * The seller's own brand: it and its registered variants are never flagged.
 */
brand?: string | null, 
/**
 * The listing title.
 */
title?: string | null, 
/**
 * The bullet points, in order.
 */
bullets?: Array<string>, 
/**
 * The long description.
 */
description?: string | null, 
/**
 * The backend search terms.
 */
keywords?: string | null, };

export type Field = "title" | "bullets" | "description" | "keywords";

export type FindingKind = "registered_mark" | "pending_mark" | "famous_brand" | "lookalike" | "copied_copy";

export type Severity = "low" | "medium" | "high";

export type RecordRef = { 
/**
 * The register: `US`, `EU`, `FAMOUS` or `WATCH`.
 */
register: string, 
/**
 * Serial or application number; for `FAMOUS`, the digits of the brand's Wikidata
 * id (`483915` for Q483915) or empty; empty for `WATCH`.
 */
number: string, 
/**
 * Registration number, when registered.
 */
registration?: string, 
/**
 * The owner's name; for a `FAMOUS` record of the brand lists, the lists that name
 * the brand and its reach (a curated record, cited with the finding's
 * `enforcement`, names its owner).
 */
owner: string, 
/**
 * Nice classes of the record.
 */
classes: Array<number>, 
/**
 * `registered`, `pending` or `dead`.
 */
status: string, };

export type EnforcementRef = { 
/**
 * The owner is a documented plaintiff of "Schedule A" / TRO lawsuits against
 * marketplace sellers.
 */
schedule_a: boolean, 
/**
 * The owner takes part in eBay's VeRO programme.
 */
vero: boolean, 
/**
 * Case numbers, where certain.
 */
cases: Array<string>, 
/**
 * The owner.
 */
owner: string, 
/**
 * The franchise or house mark the mark belongs to, if any.
 */
franchise?: string, };

export type CopySource = { 
/**
 * The corpus listing's id.
 */
id: string, 
/**
 * Where the seller saw it, when known.
 */
url?: string, 
/**
 * The source listing's title.
 */
title?: string, 
/**
 * The source field's text, for the side-by-side view.
 */
text: string, 
/**
 * UTF-16 span of the copied words inside `text`.
 */
start: number, 
/**
 * End of that span (exclusive).
 */
end: number, 
/**
 * Share of the checked field found in the source, 0..=1.
 */
similarity: number, };

export type Finding = { 
/**
 * The field the span lies in.
 */
field: Field, 
/**
 * The bullet index for [`Field::Bullets`], else `None`.
 */
index: number | null, 
/**
 * Start of the span in UTF-16 code units of the original field string.
 */
start: number, 
/**
 * End of the span (exclusive), in UTF-16 code units.
 */
end: number, 
/**
 * The span's text, exactly as the seller wrote it.
 */
text: string, 
/**
 * What kind of problem this is.
 */
kind: FindingKind, 
/**
 * How much it matters.
 */
severity: Severity, 
/**
 * The mark (or brand) the span matches or imitates, as registered.
 */
mark: string, 
/**
 * Which evidence decided the kind and severity, in words a seller understands.
 */
reason: string, 
/**
 * The register records behind the finding.
 */
records: Array<RecordRef>, 
/**
 * A safer wording, or "remove".
 */
suggestion: string, 
/**
 * For copied copy: the listing the run was taken from.
 */
source?: CopySource, 
/**
 * For a mark on the curated list of enforced marks: its owner's enforcement
 * evidence (absent otherwise).
 */
enforcement?: EnforcementRef, };

export type Report = { 
/**
 * The listing's id.
 */
id: string, 
/**
 * Every finding, ordered by field, bullet index and start.
 */
findings: Array<Finding>, };
