//! Suggestions: a concrete safer wording for a flagged span.
//!
//! Three cases. A brand that has become the everyday name of its product gets the
//! generic term ("Velcro" → "hook-and-loop fastener"); a brand named after compatibility
//! wording ("for iPhone") is kept as a compatibility statement with a note on how
//! marketplaces allow it; anything else is "remove". The generic terms are a short table
//! written for Clearmark from common usage; register data with generic names (e.g. a
//! brand owner's published trademark list) belongs in the snapshot, not here. This module
//! must not decide whether a span is flagged.

use super::ordinary::Usage;

/// Marks (as [`mark_key`](crate::text::mark_key) keys) whose goods have an everyday
/// generic name a seller can use instead.
const GENERIC: &[(&str, &str)] = &[
    ("velcro", "hook-and-loop fastener"),
    ("crock pot", "slow cooker"),
    ("crockpot", "slow cooker"),
    ("jacuzzi", "hot tub"),
    ("band aid", "adhesive bandage"),
    ("kleenex", "facial tissue"),
    ("q tips", "cotton swabs"),
    ("post it", "sticky notes"),
    ("sharpie", "permanent marker"),
    ("styrofoam", "polystyrene foam"),
    ("bubble wrap", "bubble cushioning wrap"),
    ("ziploc", "resealable bag"),
    ("tupperware", "food storage container"),
    ("lycra", "spandex"),
    ("spandex", "elastane"),
    ("plexiglas", "acrylic sheet"),
    ("plexiglass", "acrylic sheet"),
    ("frisbee", "flying disc"),
    ("hula hoop", "exercise hoop"),
    ("rollerblade", "inline skates"),
    ("jet ski", "personal watercraft"),
    ("chapstick", "lip balm"),
    ("popsicle", "ice pop"),
    ("jell o", "gelatin dessert"),
    ("scotch tape", "clear adhesive tape"),
    ("sellotape", "clear adhesive tape"),
    ("hoover", "vacuum cleaner"),
    ("ipad", "tablet"),
    ("iphone", "smartphone"),
    ("airpods", "wireless earbuds"),
    ("kindle", "e-reader"),
    ("bluetooth", "wireless"),
    ("wi fi", "wireless"),
    ("boa", "dial lacing system"),
    ("gore tex", "waterproof breathable membrane"),
    ("lego", "building bricks"),
    ("play doh", "modelling dough"),
    ("nerf", "foam dart blaster"),
    ("taser", "stun gun"),
    ("onesie", "one-piece bodysuit"),
    ("dumpster", "waste container"),
    ("thermos", "vacuum flask"),
    ("tippex", "correction fluid"),
    ("biro", "ballpoint pen"),
    ("stanley knife", "utility knife"),
    ("allen key", "hex key"),
];

/// The suggestion for a span that matched `key`, standing where `usage` says.
pub fn suggest(key: &str, usage: &Usage) -> String {
    if let Usage::Compatibility { .. } = usage {
        return "keep the brand only as a compatibility statement (\"compatible with …\"), never as the product's brand; Amazon and eBay allow a third-party brand only to state compatibility".to_owned();
    }
    match GENERIC.iter().find(|(k, _)| *k == key) {
        Some((_, generic)) => format!("use the generic term \"{generic}\""),
        None => "remove".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_terms_compatibility_or_remove() {
        assert_eq!(
            suggest("velcro", &Usage::Neutral),
            "use the generic term \"hook-and-loop fastener\""
        );
        assert_eq!(
            suggest("crock pot", &Usage::Neutral),
            "use the generic term \"slow cooker\""
        );
        let compat = Usage::Compatibility {
            why: "it follows compatibility wording (\"for\")",
            purpose: true,
            goods: 0,
            listed: false,
        };
        assert!(suggest("iphone", &compat).starts_with("keep the brand only as a compatibility"));
        assert_eq!(suggest("hubsan", &Usage::Neutral), "remove");
    }
}
