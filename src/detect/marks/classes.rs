//! Nice class inference: which goods classes a listing is about, from its category path
//! and, when there is none, from the product nouns of its title and bullets.
//!
//! The table below is a small curated vocabulary of category and product words, written
//! for Clearmark from the 45 Nice class headings (NCL 12-2024, WIPO): each word points at
//! the classes whose heading covers it. It is deliberately coarse — a listing usually
//! lands in two or three classes — because it only has to say whether a register record
//! is in the listing's line of goods. This module owns that inference; it must not look
//! at the register or decide severities.

use crate::text::mark_key;

/// Product and category words with the Nice classes whose heading covers them. Words are
/// singular, lower case; [`singular`] folds the listing's words before lookup.
const WORD_CLASSES: &[(&str, &[u8])] = &[
    // 3: cosmetics, toiletries, cleaning preparations
    ("cosmetic", &[3]),
    ("perfume", &[3]),
    ("shampoo", &[3]),
    ("soap", &[3]),
    ("toothpaste", &[3]),
    ("detergent", &[3]),
    ("makeup", &[3]),
    ("lipstick", &[3]),
    ("beauty", &[3]),
    ("glitter", &[3, 16]),
    // 4: fuels, candles, lubricants
    ("candle", &[4]),
    ("lubricant", &[4]),
    // 5: pharmaceuticals, supplements
    ("supplement", &[5]),
    ("vitamin", &[5]),
    ("medicine", &[5]),
    // 6: metal hardware
    ("hardware", &[6]),
    ("hook", &[6, 20]),
    ("lock", &[6]),
    // 7: machines, power tools, appliance parts
    ("machine", &[7]),
    ("motor", &[7]),
    ("engine", &[7]),
    ("washing", &[7]),
    ("dryer", &[7, 11]),
    ("appliance", &[7, 11]),
    ("vacuum", &[7]),
    ("blender", &[7]),
    // 8: hand tools, cutlery, razors
    ("tool", &[8]),
    ("knife", &[8]),
    ("cutlery", &[8]),
    ("razor", &[8]),
    ("slicer", &[8]),
    // 9: electronics, computers, phones, cameras, optics, software
    ("electronic", &[9]),
    ("electronics", &[9]),
    ("computer", &[9]),
    ("laptop", &[9]),
    ("tablet", &[9]),
    ("tab", &[9]),
    ("phone", &[9]),
    ("mobile", &[9]),
    ("smartphone", &[9]),
    ("camera", &[9]),
    ("camcorder", &[9]),
    ("lens", &[9]),
    ("binocular", &[9]),
    ("microscope", &[9]),
    ("scope", &[9]),
    ("charger", &[9]),
    ("adapter", &[9]),
    ("adaptor", &[9]),
    ("converter", &[9]),
    ("inverter", &[9]),
    ("battery", &[9]),
    ("cable", &[9]),
    ("headphone", &[9]),
    ("earphone", &[9]),
    ("speaker", &[9]),
    ("software", &[9]),
    ("dvd", &[9]),
    ("memory", &[9]),
    ("component", &[9]),
    ("toner", &[9, 2]),
    ("cartridge", &[9, 2]),
    ("printer", &[9]),
    ("receptacle", &[9]),
    ("outlet", &[9]),
    ("cord", &[9]),
    ("cover", &[9, 18]),
    ("case", &[9, 18]),
    ("pouch", &[9, 18]),
    ("module", &[9]),
    ("sunglasses", &[9]),
    ("lab", &[9]),
    ("scientific", &[9]),
    // 10: medical apparatus, nursing articles
    ("medical", &[10]),
    ("massager", &[10]),
    // 11: lighting, heating, cooking, cooling, sanitary apparatus
    ("lighting", &[11]),
    ("lamp", &[11]),
    ("light", &[11]),
    ("flashlight", &[11]),
    ("torch", &[11]),
    ("humidifier", &[11]),
    ("filter", &[11]),
    ("range", &[11]),
    ("oven", &[11]),
    ("stove", &[11]),
    ("burner", &[11]),
    ("heater", &[11]),
    ("fan", &[11]),
    ("refrigerator", &[11]),
    ("kettle", &[11]),
    ("brewer", &[11, 21]),
    // 12: vehicles and their parts
    ("vehicle", &[12, 28]),
    ("car", &[12, 28]),
    ("truck", &[12, 28]),
    ("van", &[12, 28]),
    ("caravan", &[12]),
    ("motorhome", &[12]),
    ("bike", &[12]),
    ("bicycle", &[12]),
    ("tyre", &[12]),
    ("tire", &[12]),
    ("mat", &[12, 27]),
    ("automotive", &[12]),
    ("autocare", &[12]),
    // 13: firearms, fireworks
    ("firework", &[13]),
    // 14: jewellery, watches
    ("jewellery", &[14]),
    ("jewelry", &[14]),
    ("necklace", &[14]),
    ("pendant", &[14]),
    ("ring", &[14]),
    ("bracelet", &[14]),
    ("earring", &[14]),
    ("choker", &[14]),
    ("watch", &[14]),
    ("clock", &[14]),
    ("keychain", &[14]),
    ("keyring", &[14]),
    ("charm", &[14, 26]),
    ("gemstone", &[14]),
    // 15: musical instruments
    ("guitar", &[15]),
    ("piano", &[15]),
    ("instrument", &[15, 9]),
    // 16: paper, printed matter, stationery, art materials
    ("paper", &[16]),
    ("book", &[16]),
    ("notebook", &[16]),
    ("sticker", &[16]),
    ("stationery", &[16]),
    ("pencil", &[16]),
    ("pen", &[16]),
    ("marker", &[16]),
    ("crayon", &[16]),
    ("paint", &[2, 16]),
    ("craft", &[16, 28]),
    ("art", &[16]),
    ("calendar", &[16]),
    ("poster", &[16]),
    ("banner", &[16, 24]),
    ("card", &[16, 28]),
    ("flash", &[16]),
    ("office", &[16]),
    ("school", &[16]),
    ("classroom", &[16]),
    ("stencil", &[16]),
    ("tattoo", &[16, 3]),
    ("cut", &[16]),
    ("bag", &[16, 18]),
    // 18: leather goods, luggage, bags, umbrellas
    ("luggage", &[18]),
    ("backpack", &[18]),
    ("handbag", &[18]),
    ("wallet", &[18]),
    ("umbrella", &[18]),
    ("travel", &[18]),
    ("organizer", &[18]),
    ("holder", &[18]),
    // 20: furniture, mirrors, frames, figurines of wood or plastic
    ("furniture", &[20]),
    ("table", &[20]),
    ("chair", &[20]),
    ("sofa", &[20]),
    ("seater", &[20]),
    ("shelf", &[20]),
    ("mirror", &[20]),
    ("frame", &[20]),
    ("showpiece", &[20, 21]),
    ("knob", &[20, 6]),
    ("cushion", &[20]),
    ("laminate", &[20]),
    // 21: household and kitchen utensils, glass, porcelain
    ("kitchen", &[21, 8]),
    ("mug", &[21]),
    ("cup", &[21]),
    ("plate", &[21]),
    ("bowl", &[21]),
    ("pan", &[21]),
    ("pot", &[21]),
    ("ceramic", &[21]),
    ("glassware", &[21]),
    ("bottle", &[21]),
    ("box", &[16, 20, 21]),
    // 22-23: ropes, tents, yarn
    ("tent", &[22, 28]),
    ("yarn", &[23]),
    ("thread", &[23]),
    // 24: textiles, bed and table covers
    ("fabric", &[24]),
    ("textile", &[24]),
    ("towel", &[24]),
    ("curtain", &[24]),
    ("bedding", &[24]),
    ("blanket", &[24]),
    ("quilt", &[24]),
    ("quilting", &[24, 26]),
    ("cotton", &[24, 25]),
    // 25: clothing, footwear, headwear
    ("clothing", &[25]),
    ("clothes", &[25]),
    ("apparel", &[25]),
    ("fashion", &[25, 14]),
    ("shirt", &[25]),
    ("tshirt", &[25]),
    ("top", &[25]),
    ("dress", &[25]),
    ("costume", &[25, 28]),
    ("outfit", &[25]),
    ("jacket", &[25]),
    ("kurta", &[25]),
    ("pyjama", &[25]),
    ("sock", &[25]),
    ("shoe", &[25]),
    ("footwear", &[25]),
    ("boot", &[25]),
    ("sandal", &[25]),
    ("flop", &[25]),
    ("sneaker", &[25]),
    ("hat", &[25]),
    ("cap", &[25]),
    ("scarf", &[25]),
    ("glove", &[25]),
    ("hoodie", &[25]),
    ("sweatshirt", &[25]),
    ("sweater", &[25]),
    ("jumper", &[25]),
    ("cardigan", &[25]),
    ("blouse", &[25]),
    ("skirt", &[25]),
    ("jean", &[25]),
    ("trouser", &[25]),
    ("legging", &[25]),
    ("jersey", &[25]),
    ("tracksuit", &[25]),
    ("lingerie", &[25]),
    ("underwear", &[25]),
    ("bra", &[25]),
    ("swimwear", &[25]),
    ("swimsuit", &[25]),
    ("bikini", &[25]),
    ("beachwear", &[25]),
    ("nightwear", &[25]),
    ("slipper", &[25]),
    ("beanie", &[25]),
    ("wardrobe", &[25, 20]),
    // 26: lace, buttons, artificial flowers, hair ornaments
    ("bead", &[26, 14]),
    ("button", &[26]),
    ("ribbon", &[26]),
    ("sequin", &[26]),
    ("novelty", &[26, 28]),
    // 27: carpets, rugs, mats
    ("rug", &[27]),
    ("carpet", &[27]),
    // 28: games, toys, sporting goods, decorations for Christmas trees
    ("toy", &[28]),
    ("kit", &[28, 16]),
    ("game", &[28]),
    ("puzzle", &[28]),
    ("jigsaw", &[28]),
    ("teaser", &[28]),
    ("doll", &[28]),
    ("dolls", &[28]),
    ("figure", &[28]),
    ("figurine", &[28, 20, 21]),
    ("playset", &[28]),
    ("puppet", &[28]),
    ("marionette", &[28]),
    ("plush", &[28]),
    ("stuffed", &[28]),
    ("teddy", &[28]),
    ("kite", &[28]),
    ("balloon", &[28]),
    ("dice", &[28]),
    ("casino", &[28]),
    ("diecast", &[28]),
    ("cast", &[28]),
    ("model", &[28]),
    ("hobby", &[28]),
    ("hobbies", &[28]),
    ("railway", &[28]),
    ("locomotive", &[28]),
    ("train", &[28]),
    ("quadcopter", &[28]),
    ("drone", &[28, 12]),
    ("helicopter", &[28, 12]),
    ("rc", &[28]),
    ("remote", &[28, 9]),
    ("skate", &[28]),
    ("skateboard", &[28]),
    ("scooter", &[28, 12]),
    ("sport", &[28]),
    ("sports", &[28, 25]),
    ("fitness", &[28]),
    ("gymnastic", &[28]),
    ("parachute", &[28]),
    ("outdoor", &[28]),
    ("beach", &[28]),
    ("airbed", &[28, 20]),
    ("boat", &[28, 12]),
    ("party", &[28, 16]),
    ("decoration", &[28, 16]),
    ("mask", &[28, 25]),
    ("baby", &[28, 10]),
    ("toddler", &[28]),
    ("pretend", &[28]),
    ("learning", &[28, 16]),
    ("education", &[28, 16]),
    ("dinosaur", &[28]),
    ("rattle", &[28]),
    ("ball", &[28]),
    // 29-33: food and drink
    ("food", &[29, 30]),
    ("snack", &[29, 30]),
    ("chocolate", &[30]),
    ("coffee", &[30]),
    ("tea", &[30]),
    ("seed", &[31]),
    ("plant", &[31]),
    ("juice", &[32]),
    ("beer", &[32]),
    ("wine", &[33]),
];

/// Whether `word` (normalised) names goods of some class ("sneakers", "bag", "case"):
/// a product noun of the table.
pub fn is_product_noun(word: &str) -> bool {
    classes_of_word(word).is_some()
}

/// The Nice classes the product noun `word` names, as a bit mask
/// ([`risk::class_mask`](super::risk::class_mask)); 0 for a word that names no goods.
pub fn noun_classes(word: &str) -> u64 {
    classes_of_word(word).map_or(0, super::risk::class_mask)
}

/// Words of a category path that name a department rather than goods ("accessories",
/// "parts") carry no class by themselves; they are simply absent from the table.
fn classes_of_word(word: &str) -> Option<&'static [u8]> {
    let w = singular(word);
    WORD_CLASSES
        .iter()
        .find(|(k, _)| *k == w || *k == word)
        .map(|(_, c)| *c)
}

/// A crude English singular: `puzzles` → `puzzle`, `accessories` → `accessory`,
/// `boxes` → `box`. Good enough for table lookup; not a lemmatiser.
pub fn singular(word: &str) -> &str {
    if word.len() > 4 && word.ends_with("ies") {
        // "hobbies", "accessories": the table lists these forms where they matter.
        return word;
    }
    if word.len() > 3 && (word.ends_with("xes") || word.ends_with("ches") || word.ends_with("shes"))
    {
        return &word[..word.len() - 2];
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        return &word[..word.len() - 1];
    }
    word
}

/// The Nice classes a listing is about, sorted and without duplicates. The category path
/// decides when it names goods; otherwise the product nouns of `texts` (title first) do.
/// Empty when nothing points at a class: callers then treat every class as unknown.
/// The words of the seller's own brand names (`own`, any spelling) say nothing of the
/// goods: "I Ball" sells hard disks, not balls.
pub fn infer(category: Option<&str>, texts: &[&str], own: &[&str]) -> Vec<u8> {
    let mut classes = Vec::new();
    if let Some(cat) = category {
        add_words(&mark_key(cat), &mut classes);
    }
    if classes.is_empty() {
        let own: Vec<String> = own
            .iter()
            .map(|o| mark_key(o))
            .filter(|k| !k.is_empty())
            .map(|k| format!(" {k} "))
            .collect();
        for t in texts {
            let mut key = format!(" {} ", mark_key(t));
            for o in &own {
                key = key.replace(o.as_str(), " ");
            }
            add_words(key.trim(), &mut classes);
        }
    }
    classes.sort_unstable();
    classes.dedup();
    classes
}

fn add_words(key: &str, classes: &mut Vec<u8>) {
    for w in key.split(' ') {
        if let Some(c) = classes_of_word(w) {
            classes.extend_from_slice(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_path_decides() {
        assert_eq!(
            infer(
                Some("Toys & Games > Puzzles > Jigsaw Puzzles"),
                &["Apple slicer"],
                &[]
            ),
            vec![28]
        );
        assert!(infer(
            Some("Appliances > Parts & Accessories > Dryer Parts"),
            &[],
            &[]
        )
        .contains(&11));
    }

    #[test]
    fn product_nouns_decide_without_a_category() {
        assert_eq!(
            infer(
                None,
                &["Trendy Home Polyester Solid Eyelet Window Curtain"],
                &[]
            ),
            vec![24]
        );
        assert!(infer(Some(""), &["Sonata Analog Watch - For Women"], &[]).contains(&14));
    }

    #[test]
    fn garments_are_clothing_but_words_that_are_other_things_too_are_not() {
        for title in [
            "Beach Wear Lingerie Set",
            "Ribbed Bikini Swimsuit",
            "Fleece Hoodie Sweatshirt",
            "High Waist Jeans",
            "Football Jersey",
            "Knitted Beanie",
            "Memory Foam Slippers",
        ] {
            assert!(infer(None, &[title], &[]).contains(&25), "{title}");
        }
        // "short" is an adjective as often ("Short Cable"), "coat" a layer of nail
        // varnish ("Base Coat") and "trainer" a potty or a fitness trainer: none of them
        // says clothing.
        for title in ["Short Cable", "Base Coat Polish", "Potty Trainer"] {
            assert!(!infer(None, &[title], &[]).contains(&25), "{title}");
        }
    }

    #[test]
    fn the_sellers_own_brand_says_nothing_of_the_goods() {
        let title = "I Ball Dual Core 2 RAM 160 Hard Disk";
        assert!(
            infer(None, &[title], &[]).contains(&28),
            "a ball, read alone"
        );
        assert!(!infer(None, &[title], &["I Ball"]).contains(&28));
        assert!(
            !infer(None, &[title], &["i-ball"]).contains(&28),
            "any spelling"
        );
        // Only the brand's words together: a ball the seller sells is still a ball.
        assert!(infer(None, &["I Ball Beach Ball"], &["I Ball"]).contains(&28));
    }

    #[test]
    fn nothing_known_gives_no_class() {
        assert!(infer(None, &["Herbaceous"], &[]).is_empty());
    }

    #[test]
    fn singular_folds_common_plurals() {
        assert_eq!(singular("puzzles"), "puzzle");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("glass"), "glass");
    }

    #[test]
    fn singular_keeps_ies_from_five_letters_and_strips_s_below() {
        // Five letters and more: the table lists the -ies forms.
        assert_eq!(singular("hobbies"), "hobbies");
        assert_eq!(singular("dries"), "dries");
        // Four: "ties" is the plural of "tie", by the plain -s rule.
        assert_eq!(singular("ties"), "tie");
        assert_eq!(singular("pies"), "pie");
    }

    #[test]
    fn singular_strips_es_after_x_ch_and_sh_from_four_letters() {
        assert_eq!(singular("foxes"), "fox");
        assert_eq!(singular("axes"), "ax");
        assert_eq!(singular("watches"), "watch");
        assert_eq!(singular("dishes"), "dish");
        // Any one of the three endings: "ches" alone and "shes" alone.
        assert_eq!(singular("beaches"), "beach");
        assert_eq!(singular("brushes"), "brush");
        // Three letters are too short for either rule ("xes" stays, "bus" is no plural
        // of "bu").
        assert_eq!(singular("xes"), "xes");
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("cups"), "cup");
    }
}
