//! Lookalikes and own brands as a seller meets them: each disguise rule finds its
//! disguise, each discipline rule keeps a real word or name quiet, and the seller's own
//! brand variants stay unflagged without silencing somebody else's mark. The register
//! is built here from hand-written records; for every "stays quiet" case it holds the
//! mark the word would wrongly be read as, so each test can fail.

use clearmark::detect::Engine;
use clearmark::register::snapshot::{Snapshot, SnapshotBuilder};
use clearmark::register::{Enforcement, Record, Register};
use clearmark::{FindingKind, Listing};

fn registered(mark: &str) -> Record {
    let mut r = Record::new(Register::US, mark, format!("{mark} Holdings Inc."));
    r.classes = vec![9, 25, 28];
    r
}

fn famous(mark: &str) -> Record {
    let mut r = Record::new(Register::Famous, mark, mark);
    r.famous = true;
    r
}

/// A name on a brand list without the evidence of fame.
fn listed(mark: &str) -> Record {
    Record::new(Register::Famous, mark, mark)
}

/// A mark of the curated list of enforced marks, for the goods of `classes`.
fn curated(mark: &str, classes: &[u8], sues: bool) -> Record {
    let mut r = famous(mark);
    r.classes = classes.to_vec();
    r.enforcement = Some(Enforcement {
        schedule_a: sues,
        ..Enforcement::default()
    });
    r
}

/// A curated brand whose owner licenses it on merchandise of every kind (toys,
/// clothing, bags, mugs): famous for the goods of any listing here.
fn merchandised(mark: &str) -> Record {
    curated(mark, &[9, 14, 16, 18, 20, 21, 24, 25, 28, 30], false)
}

fn engine() -> Engine {
    let mut b = SnapshotBuilder::new(20260101);
    for r in [
        famous("Nike"),
        merchandised("Adidas"),
        famous("Samsung"),
        famous("Lenovo"),
        merchandised("Starbucks"),
        famous("Pikachu"),
        merchandised("Darty"),
        famous("Leica"),
        famous("Radeon"),
        famous("Europcar"),
        famous("Champion"),
        famous("Tamika"),
        listed("Tamiya"),
        listed("Kiabi"),
        listed("Hub"),
        merchandised("Star Wars"),
        famous("Hot Wheels"),
        merchandised("Draculaura"),
        famous("Aston Martin DB11"),
        registered("HUBSAN"),
        registered("MODELE"),
        registered("AOMM"),
        registered("EPCS"),
        registered("ROUND1"),
        registered("ACME HOME"),
        registered("MARKS AND SPENCER"),
        curated("Casper", &[20, 24], false),
        curated("Poppi", &[32], false),
        {
            let mut r = curated("Tic Tac", &[30], false);
            r.pseudo_marks = vec!["TicTac".into()];
            r
        },
        curated("Cartier", &[14], true),
        famous("Ryder"),
        famous("iPhone"),
        registered("UGG"),
        curated("Pokemon", &[28], true),
        curated("Marvel", &[28], false),
        curated("Barbie", &[28], true),
        curated("Peppa", &[28], true),
        curated("Hawks", &[25, 28], true),
        curated("Snugs", &[18, 25, 28], true),
        curated("Tervis", &[21], false),
        curated("Snuge", &[18, 25, 28], false),
        curated("Worths", &[18, 25, 28], true),
        famous("SAS"),
        famous("Longchamp"),
        famous("Rideon"),
        merchandised("Doraemon"),
        merchandised("Chiikawa"),
        merchandised("Kristoff"),
        famous("Wario"),
        curated("Pringles", &[28], false),
        curated("Bakers", &[28], false),
        curated("Codenames", &[28], false),
        curated("Supersoft", &[28], false),
        registered("INA"),
        curated("Tupperware", &[21, 28], false),
        curated("Inter Miami", &[25, 28], false),
        curated("Foo Fighters", &[9, 25], false),
        curated("Moschino", &[25], false),
        famous("Estee Lauder"),
        famous("Ray-Ban"),
        famous("Ray-Ban Wayfarer"),
        listed("Lauder"),
        registered("LAUDER GLOW"),
        registered("XO KITTY"),
    ] {
        b.add(r);
    }
    for (w, z) in [
        ("model", 4.6),
        ("champion", 4.3),
        ("round", 4.9),
        ("star", 4.9),
        ("bucks", 4.0),
        ("wars", 4.0),
        ("hot", 5.2),
        ("wheels", 4.0),
        ("aston", 2.5),
        ("martin", 4.3),
        ("sam", 3.9),
        ("snug", 3.0),
        ("toys", 4.0),
        ("shoes", 4.5),
        ("the", 7.5),
        ("caster", 1.9),
        ("ward", 4.0),
        ("style", 4.5),
        ("berger", 3.4),
        ("hawk", 4.1),
        ("worth", 5.0),
        ("casper", 3.5),
        ("ryder", 3.1),
        ("ride", 4.6),
        ("on", 7.4),
        ("cartier", 2.9),
        ("long", 5.5),
        ("champ", 4.6),
        ("pringle", 2.5),
        ("baker", 3.5),
        ("code", 4.7),
        ("names", 4.6),
        ("super", 4.9),
        ("soft", 4.4),
        ("in", 7.3),
        ("a", 7.4),
        ("wear", 4.3),
        ("pro", 4.8),
    ] {
        b.add_word_frequency(w, z);
    }
    for name in ["casper", "ryder", "cartier", "pringle"] {
        b.mark_name(name);
    }
    b.add_given_name("Pippa");
    b.add_given_name("Ward");
    b.add_given_name("Ruby");
    b.mark_name("ruby");
    b.add_listing_word("ruby", 3.0);
    Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"))
}

fn listing(brand: &str, title: &str) -> Listing {
    Listing {
        id: "t".into(),
        brand: (!brand.is_empty()).then(|| brand.into()),
        title: Some(title.into()),
        category: Some("Toys & Games".into()),
        ..Default::default()
    }
}

/// The flagged text and the mark it was read as, for findings of any severity above low.
fn flags(e: &Engine, brand: &str, title: &str) -> Vec<(String, String, FindingKind)> {
    e.check(&listing(brand, title))
        .findings
        .into_iter()
        .map(|f| (f.text, f.mark, f.kind))
        .collect()
}

/// The flagged text and the mark it was read as, for a listing made by the test.
fn text_and_mark(e: &Engine, l: &Listing) -> Vec<(String, String)> {
    e.check(l)
        .findings
        .into_iter()
        .map(|f| (f.text, f.mark))
        .collect()
}

fn lookalike(text: &str, mark: &str) -> Vec<(String, String, FindingKind)> {
    vec![(text.into(), mark.into(), FindingKind::Lookalike)]
}

/// An engine over `records` and a word list of `words` with their Zipf values, the
/// `names` among them written mostly capitalised.
fn engine_with(
    records: impl IntoIterator<Item = Record>,
    words: &[(&str, f32)],
    names: &[&str],
) -> Engine {
    let mut b = SnapshotBuilder::new(20260101);
    records.into_iter().for_each(|r| b.add(r));
    for &(w, z) in words {
        b.add_word_frequency(w, z);
    }
    names.iter().for_each(|n| b.mark_name(n));
    Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"))
}

#[test]
fn a_digit_for_a_letter_at_the_end_of_a_word() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Nik3 running shoes"),
        lookalike("Nik3", "Nike")
    );
    assert_eq!(flags(&e, "", "Adida5 shoes"), lookalike("Adida5", "Adidas"));
    // The stem is a word: a model number, not a disguise of MODELE.
    assert_eq!(flags(&e, "", "Model3 shoes"), vec![]);
    // A word less than everyday ("snug") read as a mark whose owner sues sellers is a
    // disguise; read as one whose owner does not, or from an everyday word, it is not.
    assert_eq!(flags(&e, "", "Snug5 pouch"), lookalike("Snug5", "Snugs"));
    assert_eq!(flags(&e, "", "Snug3 pouch"), vec![]);
    assert_eq!(flags(&e, "", "Worth5 pouch"), vec![]);
    // A digit ending a word stands for the letter ending the mark, whatever it is.
    assert_eq!(
        flags(&e, "", "Pikach0 plush"),
        lookalike("Pikach0", "Pikachu")
    );
    assert_eq!(flags(&e, "", "Pikac0 plush"), vec![]);
}

#[test]
fn a_digit_inside_a_misspelt_word() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Sams0ng charger"),
        lookalike("Sams0ng", "Samsung")
    );
    assert_eq!(
        flags(&e, "", "Adi1das shoes"),
        lookalike("Adi1das", "Adidas")
    );
}

/// A digit for a letter of a famous mark that is also a word ("C0ach") shows the mark
/// is meant; a word that only a registration holds stays a word ("L0ve").
#[test]
fn a_digit_amid_the_letters_of_a_famous_word_mark_is_the_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Coach", &[18], true));
    b.add(registered("Love"));
    for (w, z) in [
        ("coach", 4.6),
        ("love", 6.0),
        ("purse", 3.5),
        ("necklace", 3.2),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(flags(&e, "", "Purse C0ach"), lookalike("C0ach", "Coach"));
    assert!(flags(&e, "", "Necklace L0ve").is_empty());
}

#[test]
fn a_letter_swap_with_an_inserted_hyphen() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Hub-asn X4 blades"),
        lookalike("Hub-asn", "HUBSAN")
    );
    assert_eq!(
        flags(&e, "", "Sam-snug charger"),
        lookalike("Sam-snug", "Samsung"),
        "both halves are words"
    );
}

#[test]
fn a_hyphen_splitting_a_two_syllable_mark() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Pika-chu plush"),
        lookalike("Pika-chu", "Pikachu")
    );
    assert_eq!(
        flags(&e, "", "Star-bucks mug"),
        lookalike("Star-bucks", "Starbucks"),
        "both halves are words"
    );
    assert_eq!(
        flags(&e, "", "star bucks mug"),
        vec![],
        "a space is no disguise"
    );
}

#[test]
fn a_capitalised_word_cut_by_a_hyphen_is_read_whole_unless_the_halves_are_a_phrase() {
    let e = engine();
    // "long champ" (Zipf 5.5 + 4.6 - 9 = 1.1) is a rare phrase: a word cut in two.
    assert_eq!(
        flags(&e, "", "Long-champ tote bag"),
        lookalike("Long-champ", "Longchamp")
    );
    // Written as two words, the same halves are the phrase.
    assert_eq!(flags(&e, "", "Long-Champ tote bag"), vec![]);
    // "ride on" (4.6 + 7.4 - 9 = 3.0) is as common as a known word: a compound.
    assert_eq!(flags(&e, "", "Ride-on toy car"), vec![]);
}

#[test]
fn letters_that_look_or_sound_alike_are_a_disguise_not_another_name() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Doraemom plush cat"),
        lookalike("Doraemom", "Doraemon")
    );
    assert_eq!(
        flags(&e, "", "Chiikava plush keychain"),
        lookalike("Chiikava", "Chiikawa")
    );
    // A letter like neither is another name.
    assert_eq!(flags(&e, "", "Doraemob plush cat"), vec![]);
    // The first letter for one that sounds like it there, but not a v for a w.
    assert_eq!(
        flags(&e, "", "Anna, Cristoff and Olaf puzzle"),
        lookalike("Cristoff", "Kristoff")
    );
    assert_eq!(flags(&e, "", "Vario zoom lens cap"), vec![]);
    assert_eq!(flags(&e, "", "Bristoff puzzle"), vec![]);
}

#[test]
fn a_mark_that_is_the_plural_of_a_name_is_worth_a_typo_search() {
    let e = engine();
    // "pringle" is a name: "Pringles" is no plural of a word.
    assert_eq!(
        flags(&e, "", "Pringels tube holder"),
        lookalike("Pringels", "Pringles")
    );
    // "baker" is a word: "Bakers" is its plural, and a word near it is a word.
    assert_eq!(flags(&e, "", "Bakres tube holder"), vec![]);
}

#[test]
fn a_doubled_letter_with_a_hyphen() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Len-ovvo laptop"),
        lookalike("Len-ovvo", "Lenovo")
    );
}

#[test]
fn a_number_and_a_unit_are_never_leetspeak() {
    let e = engine();
    // AOMM and EPCS are registered: 40mm and 3pcs would read as them in leetspeak.
    assert_eq!(flags(&e, "", "Rods 40mm, 3pcs, 12oz, 2XL"), vec![]);
    // ROUND1 is registered: "Round 1" is a word and a number, not a split mark.
    assert_eq!(flags(&e, "", "Yomi Round 1 card game"), vec![]);
}

#[test]
fn a_word_is_nobodys_typo_unless_it_keeps_the_marks_ends() {
    let e = engine();
    // A changed ending makes another name.
    assert_eq!(flags(&e, "", "Darth Vader helmet"), vec![], "Darty");
    // Four letters are too short to read as a typo.
    assert_eq!(flags(&e, "", "Princess Leia figure"), vec![], "Leica");
    // Two changed letters make another word of an 8-letter mark.
    assert_eq!(flags(&e, "", "Eurostar train set"), vec![], "Europcar");
    // The real disguises still are.
    assert_eq!(
        flags(&e, "", "Addidas shoes"),
        lookalike("Addidas", "Adidas")
    );
    assert_eq!(
        flags(&e, "", "Dartty speaker"),
        lookalike("Dartty", "Darty")
    );
}

#[test]
fn typo_search_belongs_to_famous_coined_marks() {
    let e = engine();
    // CHAMPION is famous but a word: "Champron" is no typo of it.
    assert_eq!(flags(&e, "", "Horse Champron armour"), vec![]);
    // Kiabi is only a name on a brand list, without the evidence of fame.
    assert_eq!(flags(&e, "", "Krabi beach puzzle"), vec![]);
    // Tamiya is a brand of the index itself (only listed, so not worth a disguise
    // search), not a typo of the famous Tamika, however it is written.
    for title in ["Tamiya model kit", "T4miya model kit", "Tam-iya model kit"] {
        let found = flags(&e, "", title);
        assert!(
            found.iter().all(|(_, mark, _)| mark != "Tamika"),
            "{title}: {found:?}"
        );
    }
}

#[test]
fn own_brand_variants_are_never_flagged() {
    let e = engine();
    assert_eq!(flags(&e, "Acme", "Acme Home storage box"), vec![]);
    assert_eq!(flags(&e, "Hubsan", "HUBSAN-H107C spare blades"), vec![]);
    assert_eq!(flags(&e, "M&S", "Marks and Spencer socks"), vec![]);
    assert_eq!(
        flags(&e, "Samsung Electronics Co., Ltd.", "Samsung charger"),
        vec![]
    );
    assert_eq!(flags(&e, "Nike Spielwaren GmbH", "Nike shoes"), vec![]);
    // ACME HOME is somebody's registration: without the brand it is flagged.
    assert_eq!(flags(&e, "", "Acme Home storage box").len(), 1);
}

#[test]
fn an_own_brand_variant_never_silences_a_longer_mark() {
    let e = engine();
    let found = flags(&e, "Star Toys", "Star Wars lightsaber by Star Toys");
    assert_eq!(
        found,
        vec![(
            "Star Wars".to_owned(),
            "Star Wars".to_owned(),
            FindingKind::FamousBrand
        )]
    );
}

#[test]
fn a_listed_word_is_nobodys_typo_however_rare() {
    let e = engine();
    // "caster" is in the word list (Zipf 1.9): a castor wheel, not Casper, even on the
    // mark's own goods.
    let mut l = listing("", "Office chair caster wheels");
    l.category = Some("Home & Kitchen > Furniture".into());
    assert!(e.check(&l).findings.is_empty());
    // A word the list does not hold is still searched.
    l.title = Some("Memory foam Caspre mattress".into());
    assert_eq!(
        text_and_mark(&e, &l),
        [("Caspre".to_owned(), "Casper".to_owned())]
    );
}

#[test]
fn a_misspelling_off_the_marks_goods_is_another_word() {
    let e = engine();
    // Poppi is a drink (class 32): on a toy, "Poppii" is another word.
    assert_eq!(flags(&e, "", "Poppii pirate ship figure"), vec![]);
    // Where the goods are unknown, it may be the drink.
    let mut drink = listing("", "Poppii prebiotic soda 12 cans");
    drink.category = None;
    assert_eq!(
        text_and_mark(&e, &drink),
        [("Poppii".to_owned(), "Poppi".to_owned())]
    );
    // A consonant unlike the mark's is another name on any goods ("Poddi").
    assert_eq!(text_and_mark(&e, &listing("", "Poddi soda")), []);
    // A digit shows intent: the disguise is read on any goods.
    assert_eq!(flags(&e, "", "P0ppi figure"), lookalike("P0ppi", "Poppi"));
}

#[test]
fn a_hyphen_where_the_mark_has_its_space_shows_no_intent() {
    let e = engine();
    // Tic Tac is a sweet (class 30): "Tic-Toc" on a toy crocodile is the clock's sound.
    assert_eq!(flags(&e, "", "Light Up Tic-Toc Croc"), vec![]);
    // Where the goods are unknown, it may be the sweet.
    let mut sweets = listing("", "Tic-Toc");
    sweets.category = None;
    assert_eq!(
        text_and_mark(&e, &sweets),
        [("Tic-Toc".to_owned(), "Tic Tac".to_owned())]
    );
    // A hyphen inside a one-word mark splits it: a disguise on any goods.
    assert_eq!(
        flags(&e, "", "Len-ovvo tablet stand"),
        lookalike("Len-ovvo", "Lenovo")
    );
}

#[test]
fn a_model_beside_the_words_of_a_phrase_mark_is_no_disguise() {
    let e = engine();
    // A digit for a letter is a disguise ("Hot Whee1s"); a code one edit from the
    // mark's own code is another model ("Aston Martin DBR1", not DB11).
    assert_eq!(
        flags(&e, "", "Hot Whee1s track set"),
        lookalike("Hot Whee1s", "Hot Wheels")
    );
    assert_eq!(flags(&e, "", "Aston Martin DBR1 model car"), vec![]);
}

#[test]
fn an_everyday_phrase_hyphenated_is_a_compound_not_a_split_mark() {
    let e = engine();
    // "ride on" is an everyday phrase: "Ride-On" is the toy, not Radeon split.
    assert_eq!(flags(&e, "", "Tractor Ride-On Style Kids Toy"), vec![]);
    // Two words that make no everyday phrase, one letter off when joined, are a split mark.
    assert_eq!(
        flags(&e, "", "Rade-on graphics card stand"),
        lookalike("Rade-on", "Radeon")
    );
}

#[test]
fn a_doubled_final_s_is_no_plural() {
    let e = engine();
    // Tervis ends in "s": "Terviss" is the mark misspelt, not its plural.
    let mut l = listing("", "Terviss Style Tumbler 24 oz");
    l.category = Some("Home & Kitchen > Kitchen & Dining > Cups & Mugs".into());
    assert_eq!(
        text_and_mark(&e, &l),
        [("Terviss".to_owned(), "Tervis".to_owned())]
    );
    // A plural of a mark is the mark's word, not a disguise ("Leicas"; and "Draculauras",
    // which a long mark's changed ending would otherwise read).
    assert_eq!(flags(&e, "", "Leicas lens caps"), vec![]);
    assert_eq!(flags(&e, "", "Draculauras doll set"), vec![]);
    assert_eq!(
        flags(&e, "", "Draculaure doll"),
        lookalike("Draculaure", "Draculaura")
    );
}

#[test]
fn a_surname_after_a_first_name_is_nobodys_typo() {
    let e = engine();
    // "Pippa Carteir" is a person; "Carteir" alone is Cartier in disguise.
    let mut l = listing("", "Pippa Carteir bracelet");
    l.category = Some("Clothing, Shoes & Jewelry > Jewelry > Bracelets".into());
    assert_eq!(text_and_mark(&e, &l), []);
    // Only a capitalised first name before a capitalised word makes a full name.
    for (title, written) in [
        ("pippa Carteir bracelet", "Carteir"),
        ("Pippa CARTEIR bracelet", "CARTEIR"),
        ("Gold Carteir bracelet", "Carteir"),
        // A first name that is an ordinary word or listing vocabulary is the word here.
        ("Ward Carteir bracelet", "Carteir"),
        ("Ruby Carteir bracelet", "Carteir"),
    ] {
        l.title = Some(title.into());
        assert_eq!(
            text_and_mark(&e, &l),
            [(written.to_owned(), "Cartier".to_owned())],
            "{title}"
        );
    }
}

#[test]
fn a_name_is_worth_a_typo_search_only_on_the_curated_list() {
    let e = engine();
    // Ryder is a famous name on brand lists, not curated: "Ryker" is another name.
    assert_eq!(flags(&e, "", "Ryker backpack 30L"), vec![]);
    // Cartier is a curated name: its misspelling is a disguise.
    let mut l = listing("", "Carteir love bracelet gold");
    l.category = Some("Clothing, Shoes & Jewelry > Jewelry > Bracelets".into());
    assert_eq!(
        text_and_mark(&e, &l),
        [("Carteir".to_owned(), "Cartier".to_owned())]
    );
}

#[test]
fn leetspeak_of_three_letters_is_a_model_code() {
    let e = engine();
    // Three letters read from "S4S" stand for nothing; four do ("N1ke").
    assert_eq!(flags(&e, "", "S4S push-up bra"), vec![]);
    assert_eq!(flags(&e, "", "N1ke socks"), lookalike("N1ke", "Nike"));
}

#[test]
fn one_word_of_a_phrase_mark_disguised() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Star Warz lightsaber"),
        lookalike("Star Warz", "Star Wars")
    );
    assert_eq!(
        flags(&e, "", "Star W4rs lightsaber"),
        lookalike("Star W4rs", "Star Wars")
    );
    // After other words of the field, and with the first word disguised.
    assert_eq!(
        flags(&e, "", "Kids Star Warz lightsaber"),
        lookalike("Star Warz", "Star Wars")
    );
    assert_eq!(
        flags(&e, "", "Kids Satr Wars lightsaber"),
        lookalike("Satr Wars", "Star Wars")
    );
    // The other word itself a word: another phrase, not a disguise.
    assert_eq!(flags(&e, "", "Star Ward lightsaber"), vec![]);
    // Punctuation between the words parts them.
    assert_eq!(flags(&e, "", "Star, Warz lightsaber"), vec![]);
}

#[test]
fn letters_spelt_out_one_by_one() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "N.I.K.E running socks"),
        lookalike("N.I.K.E", "Nike")
    );
    assert_eq!(
        flags(&e, "", "N i k e running socks"),
        lookalike("N i k e", "Nike")
    );
    // Three single letters are an abbreviation, not a mark spelt out.
    assert_eq!(flags(&e, "", "U.G.G slippers"), vec![]);
}

#[test]
fn a_mark_without_its_vowels() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Pkmn rare cards"),
        lookalike("Pkmn", "Pokemon")
    );
    // Only towards marks whose owner sues sellers: Marvel's is not on record here.
    assert_eq!(flags(&e, "", "Mrvl hero figure"), vec![]);
    // Three consonants stand for too many marks.
    assert_eq!(flags(&e, "", "Pkm rare cards"), vec![]);
}

#[test]
fn an_l_for_an_i() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "lPhone 15 case"),
        lookalike("lPhone", "iPhone")
    );
}

#[test]
fn a_mark_glued_to_a_common_word() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Barbiestyle dollhouse"),
        lookalike("Barbiestyle", "Barbie")
    );
    // A rarer word makes a compound name of its own.
    assert_eq!(flags(&e, "", "Barbieberger dollhouse"), vec![]);
    // A mark that is the plural of a word is that word first: a surname here.
    assert_eq!(flags(&e, "", "Hawksworth corridor coach"), vec![]);
}

#[test]
fn a_famous_mark_glued_to_a_word_of_imitation_is_the_brand_copied() {
    let e = engine();
    // No suit on record for Leica: glued to "style", the seller names it as copied.
    assert_eq!(
        flags(&e, "", "Leicastyle camera strap"),
        lookalike("Leicastyle", "Leica")
    );
    // Glued to another common word, only the marks counterfeiters hide are read.
    assert_eq!(flags(&e, "", "Leicapro camera strap"), vec![]);
    // A common word opening a typo glues to nothing when the rest is no mark: the
    // typo is still read ("star" + "buks").
    assert_eq!(
        flags(&e, "", "Starbuks coffee mug"),
        lookalike("Starbuks", "Starbucks")
    );
}

#[test]
fn a_first_name_is_nobodys_typo() {
    let e = engine();
    // "Pippa" is on the list of first names: a person, not Peppa.
    assert_eq!(flags(&e, "", "Pippa name mug"), vec![]);
    // A spelling no list holds is still read as the mark.
    assert_eq!(
        flags(&e, "", "Peppaa plush toy"),
        lookalike("Peppaa", "Peppa")
    );
}

/// Hyphens that join a common phrase ("on-the-go") write the phrase, not a split
/// spelling of a coined mark (OnTheGo); a split of no common phrase still is.
#[test]
fn a_hyphenated_common_phrase_is_no_split_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    let mut r = Record::new(Register::US, "ONTHEGO", "OnTheGo Holdings Inc.");
    r.classes = vec![28];
    r.famous = true;
    b.add(r);
    let mut r = Record::new(Register::US, "STARBUCKS", "Starbucks Corporation");
    r.classes = vec![21, 30];
    r.famous = true;
    b.add(r);
    for (w, z) in [
        ("on", 7.0),
        ("the", 7.5),
        ("go", 6.5),
        ("star", 5.0),
        ("bucks", 4.0),
        ("book", 5.0),
        ("mug", 3.5),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    let title = |t: &str| Listing {
        id: "t".into(),
        title: Some(t.into()),
        ..Default::default()
    };
    assert!(e.check(&title("An on-the-go book")).findings.is_empty());
    let r = e.check(&title("Star-bucks mug"));
    assert_eq!(r.findings.len(), 1, "{r:?}");
    assert_eq!(r.findings[0].mark, "STARBUCKS");
}

/// A rare word or a first name may be one word of a phrase mark misspelt, where the
/// mark's other words stand exactly beside it ("Stanly Quencher"); a word common enough
/// to be meant ("flaks") is not, nor the rare word alone or beside other words.
#[test]
fn a_rare_word_or_first_name_beside_the_rest_of_a_phrase_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    // Drinkware and toys: the test listings are toys.
    b.add(curated("Stanley Quencher", &[21, 28], true));
    b.add(curated("Hydro Flask", &[21, 28], true));
    for (w, z) in [
        ("quencher", 1.5),
        ("hydro", 2.8),
        ("flak", 3.04),
        ("tumbler", 3.0),
        ("bottle", 4.2),
        ("cooper", 3.5),
    ] {
        b.add_word_frequency(w, z);
    }
    b.add_given_name("Stanly");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Stanly Quencher Tumbler"),
        lookalike("Stanly Quencher", "Stanley Quencher")
    );
    assert_eq!(flags(&e, "", "Stanly Cooper Tumbler"), vec![]);
    assert_eq!(flags(&e, "", "Hydro Flaks Bottle"), vec![]);
}

/// A last letter that sounds the same is a disguise of a famous coined mark ("Guccy",
/// "Adidaz"); another last letter makes another name.
#[test]
fn a_last_letter_that_sounds_the_same() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Gucci", &[18, 28], true));
    b.add(curated("Adidas", &[25, 28], true));
    b.add_word_frequency("bag", 4.5);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(flags(&e, "", "Guccy Bag"), lookalike("Guccy", "Gucci"));
    assert_eq!(flags(&e, "", "Adidaz Bag"), lookalike("Adidaz", "Adidas"));
    assert_eq!(flags(&e, "", "Guccv Bag"), vec![]);
}

/// A last vowel changed for another is a disguise of a famous coined mark of six letters
/// or more ("Barbia", "Pikache"); of five letters it reads as another name ("Kairu"),
/// as it does of a mark registered but not famous ("Plushie" is no PLUSHIA), and a
/// consonant for the last vowel is not this rule ("Barbin").
#[test]
fn a_last_vowel_changed_in_a_mark_of_six_letters() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Barbie", &[28], true));
    b.add(curated("Pikachu", &[28], true));
    b.add(curated("Kairi", &[28], true));
    let mut plushia = registered("PLUSHIA");
    plushia.classes = vec![28];
    b.add(plushia);
    b.add_word_frequency("doll", 4.5);
    b.add_word_frequency("plush", 3.5);
    b.add_word_frequency("toy", 4.5);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(flags(&e, "", "Barbia doll"), lookalike("Barbia", "Barbie"));
    assert_eq!(
        flags(&e, "", "Pikache plush"),
        lookalike("Pikache", "Pikachu")
    );
    assert_eq!(flags(&e, "", "Kairu toy"), vec![]);
    assert_eq!(flags(&e, "", "Plushie toy"), vec![]);
    assert_eq!(flags(&e, "", "Barbin doll"), vec![]);
}

/// A doubled letter of a famous coined mark moved to another letter is a disguise
/// ("Buggati", "Ferarri"); a word of the word evidence is not, nor a mark's own double.
#[test]
fn a_doubled_letter_moved() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Bugatti", &[12, 28], true));
    b.add(curated("Ferrari", &[12, 28], true));
    b.add_word_frequency("car", 5.0);
    b.add_word_frequency("bugatis", 1.0);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Buggati car"),
        lookalike("Buggati", "Bugatti")
    );
    assert_eq!(
        flags(&e, "", "Ferarri car"),
        lookalike("Ferarri", "Ferrari")
    );
    assert_eq!(
        flags(&e, "", "Bugatis car"),
        vec![],
        "a word of the word evidence"
    );
}

/// One letter replaced by a letter that neither sounds nor looks like it makes another
/// name ("Melman" of Madagascar is no Meltan; a Mercedes "Actros" is no Astros), and the
/// seller's own brand spelt otherwise is theirs ("Disneystore" from Disney).
#[test]
fn another_name_and_the_sellers_own_brand_are_no_disguises() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Meltan", &[28], true));
    b.add(curated("Astros", &[25, 28], true));
    b.add(curated("Disney", &[28], true));
    b.add(curated("Mercedes", &[12, 28], true));
    for (w, z) in [
        ("giraffe", 3.2),
        ("truck", 4.5),
        ("store", 4.8),
        ("exclusive", 4.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(flags(&e, "", "Melman giraffe"), vec![]);
    assert_eq!(flags(&e, "", "Actros truck"), vec![]);
    assert_eq!(
        flags(&e, "", "Mercedez truck"),
        lookalike("Mercedez", "Mercedes")
    );
    assert_eq!(flags(&e, "Disney", "Disneystore exclusive"), vec![]);
    assert_eq!(
        flags(&e, "", "Disneystore exclusive"),
        lookalike("Disneystore", "Disney")
    );
}

/// An ordinary word written in two ("Bumble Bee", the insect) is the word, not a mark of
/// that spelling split to hide it; a coined mark written in two still is.
#[test]
fn an_ordinary_word_written_in_two_is_the_word() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Bumblebee", &[28], true));
    b.add(curated("Minecraft", &[28], true));
    for (w, z) in [
        ("bumblebee", 2.8),
        ("bumble", 2.0),
        ("bee", 3.9),
        ("tutu", 2.5),
        ("mine", 4.9),
        ("craft", 3.9),
    ] {
        b.add_word_frequency(w, z);
    }
    b.add_listing_word("bumblebee", 2.0);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(flags(&e, "", "Bumble Bee Stripe Tutu"), vec![]);
    assert_eq!(
        flags(&e, "", "Mine-craft Sword"),
        lookalike("Mine-craft", "Minecraft")
    );
}

/// A mark spelt exactly keeps its words against a disguise reading of the same words:
/// "JoJo's Bizarre Adventure" is the mark, though "jojo" is one letter from its alias
/// "Jojos".
#[test]
fn an_exact_mark_is_no_disguise_of_its_own_alias() {
    let mut b = SnapshotBuilder::new(20260101);
    let mut jojo = curated("JoJo's Bizarre Adventure", &[28], false);
    jojo.pseudo_marks = vec!["Jojos Bizarre Adventure".into()];
    b.add(jojo);
    for (w, z) in [("bizarre", 3.5), ("adventure", 4.3), ("figure", 4.0)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "JoJo's Bizarre Adventure figure"),
        vec![(
            "JoJo's Bizarre Adventure".to_owned(),
            "JoJo's Bizarre Adventure".to_owned(),
            FindingKind::FamousBrand
        )]
    );
}

#[test]
fn split_words_named_as_the_brand_imitated_are_the_mark_on_its_goods() {
    let e = engine();
    // "Code Names Style": the seller names the words as a brand the product imitates.
    assert_eq!(
        flags(&e, "", "Word Spy Party Game Code Names Style Family Night"),
        vec![(
            "Code Names".into(),
            "Codenames".into(),
            FindingKind::Lookalike
        )]
    );
    assert_eq!(
        flags(&e, "", "Party Game like Code Names for Families"),
        vec![(
            "Code Names".into(),
            "Codenames".into(),
            FindingKind::Lookalike
        )]
    );
    // Without the wording, two known words are two words.
    assert!(flags(&e, "", "Party Game Code Names Family Night").is_empty());
    // Not on other goods: on a cushion, "Super Soft Style" is how soft it is.
    let cushion = Listing {
        id: "t".into(),
        title: Some("Cushion Cover Super Soft Style Living Room".into()),
        category: Some("Home & Kitchen > Bedding > Cushion Covers".into()),
        ..Default::default()
    };
    assert!(text_and_mark(&e, &cushion).is_empty());
    // In lower case, or too short to read: "finished in a style" is no INA.
    assert!(flags(&e, "", "Puzzle finished in a style of its own").is_empty());
    assert!(flags(&e, "", "Party Game code names style").is_empty());
}

#[test]
fn an_ending_respelt_as_it_sounds_is_the_mark() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Food Storage Containers Tupperwear Style Lunch"),
        lookalike("Tupperwear", "Tupperware")
    );
    // A stem too short is a word of its own, and a known word is nobody's typo.
    assert!(flags(&e, "", "Lunch Box Wear Style").is_empty());
}

#[test]
fn a_leetspeak_word_of_a_mark_of_several_words_is_read_with_its_exact_neighbours() {
    let e = engine();
    for (title, text, mark) in [
        // A digit for the first letter, which the one-edit search of phrases keeps.
        (
            "Night Serum 3stee Lauder Dupe",
            "3stee Lauder",
            "Estee Lauder",
        ),
        // A symbol inside the second word, joined to the first by a hyphen.
        ("Polarized Ray-B@n Sunglasses", "Ray-B@n", "Ray-Ban"),
        // At the field's end too.
        (
            "Night Serum Dupe 3stee Lauder",
            "3stee Lauder",
            "Estee Lauder",
        ),
        ("Sunglasses Ray-B@n", "Ray-B@n", "Ray-Ban"),
        // The mark of the most words wins.
        (
            "Ray-B@n Wayfarer Sunglasses",
            "Ray-B@n Wayfarer",
            "Ray-Ban Wayfarer",
        ),
    ] {
        assert_eq!(flags(&e, "", title), lookalike(text, mark), "{title}");
    }
    // Across a comma the words are not one mark; nor is a neighbour that is the
    // seller's own brand a word of it.
    for (brand, title) in [
        ("", "Night Serum 3stee, Lauder Dupe"),
        ("Lauder", "Night Serum 3stee Lauder Dupe"),
    ] {
        assert!(
            flags(&e, brand, title)
                .iter()
                .all(|(_, _, kind)| *kind != FindingKind::Lookalike),
            "{title}"
        );
    }
    // An exact mark reaching beyond the phrase keeps its word.
    assert_eq!(
        flags(&e, "", "Night Serum 3stee Lauder Glow Dupe"),
        vec![(
            "Lauder Glow".to_owned(),
            "LAUDER GLOW".to_owned(),
            FindingKind::RegisteredMark
        )]
    );
}

#[test]
fn a_sound_of_a_mark_spelt_otherwise_is_the_mark() {
    let e = engine();
    // "sch" written as it sounds: two letters from Moschino, one slip of the ear.
    assert_eq!(
        flags(&e, "", "Teddy Print T-Shirt Moskino Style"),
        lookalike("Moskino", "Moschino")
    );
}

#[test]
fn a_mark_of_two_words_written_without_its_space_is_the_mark() {
    let e = engine();
    assert_eq!(
        flags(&e, "", "Pink Soccer Jersey InterMiami Fans Home"),
        lookalike("InterMiami", "Inter Miami")
    );
    assert_eq!(
        flags(&e, "", "Soccer Scarf intermiami supporters"),
        lookalike("intermiami", "Inter Miami")
    );
    // Three letters are a word of the mark ("FooFighters")...
    assert_eq!(
        flags(&e, "", "Rock Band Trucker Hat FooFighters Fans"),
        lookalike("FooFighters", "Foo Fighters")
    );
    // ... fewer glue to anything: "Xokitty" is no XO KITTY.
    assert!(flags(&e, "", "Xokitty Plush Toy").is_empty());
}

/// The reason of the one finding a listing titled `title` gets.
fn reason(e: &Engine, title: &str) -> String {
    let findings = e.check(&listing("", title)).findings;
    assert_eq!(findings.len(), 1, "{title}: {findings:?}");
    findings[0].reason.clone()
}

#[test]
fn the_reason_names_the_disguise_found() {
    let e = engine();
    let despaced = reason(&e, "Pink Soccer Jersey InterMiami Fans Home");
    assert!(
        despaced.contains("inter miami written without its space"),
        "{despaced}"
    );
    let respelt = reason(&e, "Food Storage Containers Tupperwear Style Lunch");
    assert!(
        respelt.contains("a sound of it spelt otherwise"),
        "{respelt}"
    );
    let typo = reason(&e, "Doraemom plush cat");
    assert!(
        typo.contains("one letter changed, added, dropped or swapped"),
        "{typo}"
    );
    assert!(!typo.contains("without its space"), "{typo}");
}

/// Where the seller names a word as the brand the product imitates ("… Style", "…
/// Dupe") or as a team or band with fans, a word of the word lists may be the
/// disguise: a rare word one edit from a mark alone, a known word inside a mark of
/// several words. Anywhere else such words stay words, and a word the frequency list
/// holds itself is a word even there.
#[test]
fn a_word_named_as_the_brand_imitated_or_with_fans_may_be_a_misspelt_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    for r in [
        curated("Twinings", &[30], false),
        curated("Hydro Flask", &[21], false),
        curated("Montreal Canadiens", &[25, 28], false),
    ] {
        b.add(r);
    }
    for (w, z) in [
        ("twinning", 2.5),
        ("hydro", 3.0),
        ("flak", 3.2),
        ("montreal", 3.5),
        ("canadians", 3.6),
        ("style", 4.5),
        ("fans", 4.3),
        ("bottle", 4.0),
        ("blend", 3.5),
        ("tee", 3.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    // "Twinnings" is the plural of a word the list holds, "Flaks" and "Canadians" are
    // known words.
    assert_eq!(
        flags(&e, "", "Breakfast Tea Twinnings Style"),
        lookalike("Twinnings", "Twinings")
    );
    assert_eq!(
        flags(&e, "", "Water Bottle Hydro Flaks Style"),
        lookalike("Hydro Flaks", "Hydro Flask")
    );
    assert_eq!(
        flags(&e, "", "Hockey Tee Montreal Canadians Fans"),
        lookalike("Montreal Canadians", "Montreal Canadiens")
    );
    // The phrase may open the field, or follow its first word.
    assert_eq!(
        flags(&e, "", "Hydro Flaks Style Water Bottle"),
        lookalike("Hydro Flaks", "Hydro Flask")
    );
    assert_eq!(
        flags(&e, "", "Tee Montreal Canadians Fans"),
        lookalike("Montreal Canadians", "Montreal Canadiens")
    );
    for title in [
        "Breakfast Tea Twinnings Blend",
        "Hydro Flaks Bottle",
        "Hockey Tee Montreal Canadians",
        "Breakfast Tea Twinning Style",
    ] {
        assert!(flags(&e, "", title).is_empty(), "{title}");
    }
}

/// Named as the brand imitated, a word is read as a misspelt mark only below the Zipf
/// frequency of a known word (`KNOWN_ZIPF`, 2.0) and only off the listing vocabulary,
/// whatever its frequency there.
#[test]
fn a_word_named_as_the_brand_imitated_is_a_misspelling_only_below_a_known_words_frequency() {
    let engine = |word: Option<f32>, vocabulary: Option<f32>| {
        let mut b = SnapshotBuilder::new(20260101);
        b.add(curated("Twinings", &[30], false));
        for (w, z) in [("breakfast", 4.0), ("tea", 4.5), ("style", 4.5)] {
            b.add_word_frequency(w, z);
        }
        if let Some(z) = word {
            b.add_word_frequency("twinnings", z);
        }
        if let Some(z) = vocabulary {
            b.add_listing_word("twinnings", z);
        }
        Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"))
    };
    let title = "Breakfast Tea Twinnings Style";
    let misspelt = lookalike("Twinnings", "Twinings");
    assert_eq!(flags(&engine(None, None), "", title), misspelt);
    assert_eq!(flags(&engine(Some(1.99), None), "", title), misspelt);
    assert!(flags(&engine(Some(2.0), None), "", title).is_empty());
    assert!(flags(&engine(None, Some(1.0)), "", title).is_empty());
}

/// A mark of four letters with a letter added, named as the brand imitated, is that
/// mark only if it is famous: a registration alone is one of many four-letter words.
#[test]
fn a_four_letter_mark_with_a_letter_added_is_read_only_if_famous() {
    let engine = |mark: Record| {
        let mut b = SnapshotBuilder::new(20260101);
        b.add(mark);
        for (w, z) in [("style", 4.5), ("running", 4.3), ("shoes", 4.5)] {
            b.add_word_frequency(w, z);
        }
        Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"))
    };
    let title = "Running Shoes Hokka Style";
    assert_eq!(
        flags(&engine(curated("Hoka", &[25], false)), "", title),
        lookalike("Hokka", "Hoka")
    );
    assert!(flags(&engine(registered("Hoka")), "", title).is_empty());
}

/// One word of a mark of several written with a first letter that sounds like the
/// mark's ("Juicy Kouture", "Kalvin Klein") is that mark; the word alone is not, nor
/// a first letter that sounds otherwise ("Gouture").
#[test]
fn a_first_letter_that_sounds_alike_in_one_word_of_a_phrase_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Juicy Couture", &[25], false));
    b.add(curated("Calvin Klein", &[25], true));
    for (w, z) in [
        ("juicy", 3.5),
        ("tracksuit", 2.5),
        ("jeans", 3.6),
        ("gown", 3.3),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Tracksuit Juicy Kouture Inspired"),
        lookalike("Juicy Kouture", "Juicy Couture")
    );
    assert_eq!(
        flags(&e, "", "Jeans Kalvin Klein Style"),
        lookalike("Kalvin Klein", "Calvin Klein")
    );
    assert!(flags(&e, "", "Kouture Gown").is_empty());
    assert!(flags(&e, "", "Juicy Gouture Gown").is_empty());
}

/// A short word of a phrase mark written in its street spelling ("Game Boi") is that
/// mark; the street spelling alone is a word.
#[test]
fn a_street_spelling_in_one_word_of_a_phrase_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Game Boy", &[9, 28], true));
    for (w, z) in [
        ("game", 5.0),
        ("style", 4.5),
        ("console", 3.4),
        ("cute", 4.6),
        ("tee", 3.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Console Game Boi Style"),
        lookalike("Game Boi", "Game Boy")
    );
    assert!(flags(&e, "", "Cute Boi Tee").is_empty());
}

/// Three single letters spell a famous mark where the seller names it as the brand
/// imitated ("U.G.G Style"); elsewhere, or for a registration alone, three letters are an
/// abbreviation.
#[test]
fn three_letters_spelt_out_before_a_word_of_imitation_are_a_famous_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("UGG", &[25], true));
    b.add(registered("KWB"));
    for (w, z) in [("boots", 4.3), ("style", 4.5), ("chestnut", 3.3)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Boots U.G.G Style Chestnut"),
        lookalike("U.G.G", "UGG")
    );
    assert!(flags(&e, "", "Boots U.G.G Chestnut").is_empty());
    assert!(flags(&e, "", "Boots K.W.B Style Chestnut").is_empty());
    // Words are no letters spelt out: three of them joined are no famous mark.
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Redbluegreen", &[25], true));
    for (w, z) in [
        ("red", 5.0),
        ("blue", 4.9),
        ("green", 4.8),
        ("style", 4.5),
        ("tee", 3.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert!(flags(&e, "", "Tee Red Blue Green Style").is_empty());
}

/// A digit at the end of a word that is only the plural of a word ("Peps1": "pep") is a
/// letter of the mark; after a word the frequency list holds itself it is a number
/// ("Peps 1" where "peps" is a word), read only as a mark whose owner sues sellers.
#[test]
fn a_digit_after_a_plural_of_a_word_is_a_letter_of_the_mark() {
    let engine = |peps: bool| {
        let mut b = SnapshotBuilder::new(20260101);
        b.add(curated("Pepsi", &[32], false));
        b.add_word_frequency("pep", 3.5);
        b.add_word_frequency("sign", 4.4);
        if peps {
            b.add_word_frequency("peps", 2.5);
        }
        Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"))
    };
    assert_eq!(
        flags(&engine(false), "", "Retro Peps1 Sign"),
        lookalike("Peps1", "Pepsi")
    );
    assert!(flags(&engine(true), "", "Retro Peps1 Sign").is_empty());
}

/// A famous mark of four letters glued to a word of imitation is named as the brand
/// copied ("Nerfstyle"); glued to another word it is read only from five letters.
#[test]
fn a_four_letter_mark_glued_to_a_word_of_imitation_is_the_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Nerf", &[28], true));
    for (w, z) in [("style", 4.5), ("pro", 4.8), ("foam", 3.5), ("darts", 3.2)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Foam Darts Nerfstyle Blaster"),
        lookalike("Nerfstyle", "Nerf")
    );
    assert!(flags(&e, "", "Foam Darts Nerfpro Blaster").is_empty());
}

/// Named as the brand imitated, a word of five letters with one letter more than a
/// famous mark of four is that mark ("Hokka Style"); elsewhere four-letter marks are
/// not searched for typos.
#[test]
fn a_four_letter_mark_with_a_letter_added_before_a_word_of_imitation_is_the_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Hoka", &[25], false));
    for (w, z) in [("style", 4.5), ("running", 4.3), ("shoes", 4.5)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Running Shoes Hokka Style"),
        lookalike("Hokka", "Hoka")
    );
    assert!(flags(&e, "", "Running Shoes Hokka").is_empty());
}

/// A word named as the brand imitated ends in a letter written as a digit ("Speed0
/// Style"): nobody imitates a word with a number. Without that wording an everyday word
/// with a digit after it stays a word with a number; a dollar sign ending a word that
/// is none ("Mento$") is its s anywhere, and the word underlined ends with it.
#[test]
fn a_digit_or_dollar_ending_the_name_imitated_is_a_letter() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Speedo", &[25, 28], false));
    b.add(curated("Mentos", &[28, 30], false));
    for (w, z) in [
        ("speed", 5.0),
        ("style", 4.5),
        ("swim", 4.0),
        ("candy", 3.8),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Swim Briefs Speed0 Style"),
        lookalike("Speed0", "Speedo")
    );
    assert_eq!(flags(&e, "", "Speed0 Swim Briefs"), vec![]);
    assert_eq!(
        flags(&e, "", "Mint Candy Mento$ Rolls"),
        lookalike("Mento$", "Mentos")
    );
    // The disguise takes its own words only: a mark elsewhere in the field stays.
    let both = flags(&e, "", "Speedo Swim Bag Mento$ Rolls");
    assert_eq!(
        both.iter().map(|(t, _, _)| t.as_str()).collect::<Vec<_>>(),
        ["Speedo", "Mento$"],
        "{both:?}"
    );
}

/// A symbol splitting a word makes pieces of it ("Be@ts": "be" and "ts"); an ordinary
/// word found exactly among them gives way to the mark the whole word reads as, and a
/// coined mark written exactly stays itself.
#[test]
fn an_ordinary_word_split_off_by_a_symbol_gives_way_to_the_whole_word() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Beats", &[9, 28], false));
    b.add(registered("BE"));
    b.add(famous("Zorvex"));
    b.add(famous("Zorvexals"));
    b.add(famous("Kabe"));
    for (w, z) in [("be", 6.8), ("style", 4.5), ("headphones", 3.5)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Headphones Be@ts Style"),
        lookalike("Be@ts", "Beats")
    );
    // The ordinary piece may come second.
    assert_eq!(flags(&e, "", "Headphones K@be"), lookalike("K@be", "Kabe"));
    let coined = flags(&e, "", "Headphones Zorvex@ls");
    assert_eq!(coined.len(), 1, "{coined:?}");
    assert_eq!(coined[0].1, "Zorvex");
}

/// An everyday word ("Man" of "Pak-Man") or a piece of a capitalised word cut by a
/// hyphen gives way to a hyphenated misspelling of a famous mark, and of no other:
/// "Li-ion" is no disguise of a registration LUION.
#[test]
fn an_everyday_piece_of_a_hyphenated_word_gives_way_to_a_famous_mark_only() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(famous("Pacman"));
    b.add(registered("MAN"));
    b.add(registered("LI"));
    b.add(registered("ION"));
    b.add(registered("LUION"));
    b.add(registered("MANTOX"));
    for (w, z) in [("man", 6.3), ("style", 4.5), ("battery", 4.0), ("ion", 3.1)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Arcade Pak-Man Style"),
        lookalike("Pak-Man", "Pacman")
    );
    assert!(
        flags(&e, "", "Arcade Man-tx Set")
            .iter()
            .all(|(_, mark, _)| mark != "MANTOX"),
        "an everyday half gives way to a famous mark only: {:?}",
        flags(&e, "", "Arcade Man-tx Set")
    );
    assert!(
        flags(&e, "", "Battery Li-ion Pack")
            .iter()
            .all(|(_, mark, _)| mark != "LUION"),
        "{:?}",
        flags(&e, "", "Battery Li-ion Pack")
    );
}

/// Words split from a famous mark, named as what the product fits ("for Eco Flow",
/// "De Walt Compatible") or as having fans ("Cold Play Fans"), are the mark. Split from a registration that is not famous,
/// or written in lower case, they are words.
#[test]
fn words_split_from_a_famous_mark_named_as_what_the_product_fits_are_the_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("EcoFlow", &[9], false));
    b.add(curated("DeWalt", &[7, 8, 9], false));
    b.add(registered("SUNRAY"));
    b.add(curated("Coldplay", &[25], false));
    for (w, z) in [
        ("cold", 4.6),
        ("play", 5.0),
        ("fans", 4.0),
        ("eco", 3.0),
        ("flow", 4.2),
        ("de", 4.5),
        ("walt", 3.5),
        ("sun", 4.6),
        ("ray", 4.0),
        ("for", 7.0),
        ("compatible", 3.5),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Solar Panel for Eco Flow Stations"),
        lookalike("Eco Flow", "EcoFlow")
    );
    assert_eq!(
        flags(&e, "", "Battery De Walt Compatible"),
        lookalike("De Walt", "DeWalt")
    );
    assert_eq!(
        flags(&e, "", "Band Tee Cold Play Fans"),
        lookalike("Cold Play", "Coldplay")
    );
    assert_eq!(flags(&e, "", "Solar Panel Eco Flow Stations"), vec![]);
    assert_eq!(flags(&e, "", "Solar Panel for eco flow stations"), vec![]);
    assert_eq!(flags(&e, "", "Cover for Sun Ray Lamp"), vec![]);
}

/// Named as imitated, a word of a phrase mark misspelt into an ordinary word that a
/// brand list also holds is still the phrase ("Poly Pocket Style" is Polly Pocket);
/// without that wording it is the word, and a coined mark written exactly stays itself.
#[test]
fn a_misspelt_word_of_a_phrase_named_as_imitated_may_be_a_listed_name() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Polly Pocket", &[28], true));
    b.add(listed("Poly"));
    b.add(famous("Zorvex"));
    b.add(famous("Zorvix Pocket"));
    for (w, z) in [("poly", 2.6), ("pocket", 4.0), ("style", 4.5)] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "World Poly Pocket Style"),
        lookalike("Poly Pocket", "Polly Pocket")
    );
    assert_eq!(
        flags(&e, "", "Poly Pocket Style Compact"),
        lookalike("Poly Pocket", "Polly Pocket"),
        "the disguised word opens the field"
    );
    assert!(
        flags(&e, "", "Poly Pocket Organizer")
            .iter()
            .all(|(_, mark, _)| mark != "Polly Pocket"),
        "without the imitation wording, poly is the word"
    );
    let coined = flags(&e, "", "Zorvex Pocket Style");
    assert!(
        coined.iter().all(|(_, mark, _)| mark != "Zorvix Pocket"),
        "{coined:?}"
    );
}

/// Sellers type a curated mark without its accents ("Chloe Style"), and disguise it so
/// ("Chl0e Style"): both are the mark.
#[test]
fn a_curated_mark_written_without_its_accents_is_the_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Chloé", &[18, 25, 28], false));
    for (w, z) in [("chloe", 4.3), ("style", 4.5), ("bag", 4.2)] {
        b.add_word_frequency(w, z);
    }
    b.add_given_name("Chloe");
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Shoulder Bag Chl0e Style"),
        lookalike("Chl0e", "Chloé")
    );
    let plain = flags(&e, "", "Shoulder Bag Chloe Style");
    assert_eq!(
        plain,
        [(
            "Chloe".to_string(),
            "Chloé".to_string(),
            FindingKind::FamousBrand
        )]
    );
}

/// A hyphen cutting a word of a famous phrase mark ("Star-dew Valley") splits it to
/// hide it; not a registration's phrase, a common phrase a brand list holds, nor words
/// in lower case.
#[test]
fn a_hyphen_cutting_a_word_of_a_famous_phrase_is_a_split() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Stardew Valley", &[28], false));
    b.add(registered("MOONDUST TRAY"));
    b.add(famous("Ice Cream"));
    for (w, z) in [
        ("ice cream", 4.0),
        ("ice", 4.5),
        ("cream", 4.3),
        ("star", 4.9),
        ("dew", 3.0),
        ("valley", 4.2),
        ("moon", 4.4),
        ("dust", 4.0),
        ("tray", 3.5),
        ("plush", 3.0),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Plush Star-dew Valley"),
        lookalike("Star-dew Valley", "Stardew Valley")
    );
    assert_eq!(flags(&e, "", "Plush star-dew valley"), vec![]);
    assert!(
        flags(&e, "", "Plush Ic-e Cream Cone")
            .iter()
            .all(|(_, _, kind)| *kind != FindingKind::Lookalike),
        "{:?}",
        flags(&e, "", "Plush Ic-e Cream Cone")
    );
    assert!(
        flags(&e, "", "Plush Moon-dust Tray")
            .iter()
            .all(|(_, mark, _)| mark != "MOONDUST TRAY"),
        "{:?}",
        flags(&e, "", "Plush Moon-dust Tray")
    );
}

/// Named as imitated, a word one edit from a famous curated mark whose name is also a
/// less than everyday word ("SKIMZ Dupe") is the mark. Not without that wording, not a
/// plural of it, not from an everyday word's mark, and not a brand list's name.
#[test]
fn a_word_named_as_imitated_one_edit_from_a_curated_word_mark_is_the_mark() {
    let mut b = SnapshotBuilder::new(20260101);
    b.add(curated("Skims", &[25], false));
    b.add(curated("Coach", &[25], false));
    b.add(famous("Kirby"));
    for (w, z) in [
        ("skims", 2.5),
        ("skim", 3.0),
        // At EVERYDAY_ZIPF exactly: an everyday word.
        ("coach", 4.5),
        ("kirby", 3.0),
        ("dupe", 2.5),
        ("style", 4.5),
        ("bodysuit", 2.5),
    ] {
        b.add_word_frequency(w, z);
    }
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(
        flags(&e, "", "Bodysuit SKIMZ Dupe"),
        lookalike("SKIMZ", "Skims")
    );
    assert_eq!(flags(&e, "", "Bodysuit Skimz Set"), vec![]);
    assert_eq!(flags(&e, "", "Bodysuit Skimss Dupe"), vec![], "a plural");
    assert_eq!(
        flags(&e, "", "Bodysuit Cooach Style"),
        vec![],
        "an everyday word"
    );
    assert_eq!(
        flags(&e, "", "Bodysuit Kirbby Style"),
        vec![],
        "a brand list's name"
    );
}

/// One word one letter from a curated mark, in a field that names a coined curated mark
/// of another owner, is as likely a character or model of that brand missing from the
/// register ("Yu-Gi-Oh Marik" beside Mavrik): low. Not when the field names nothing,
/// names the mark's own owner's brand, names the other brand only as a common word, for
/// a mark off the curated list (whose owner it cannot compare), or when the listing
/// names the word as imitated.
#[test]
fn a_misspelt_word_beside_another_owners_brand_is_a_name_of_that_brand() {
    let owned = |mark: &str, owner: &str| {
        let mut r = curated(mark, &[28], true);
        r.owner = owner.into();
        r
    };
    let e = engine_with(
        [
            owned("Mavrik", "Callaway Golf"),
            owned("Yu-Gi-Oh", "Konami"),
            owned("Kristoff", "Disney"),
            owned("Frozen", "Disney"),
            owned("Tile", "Life360"),
            owned("Dragon Quest", "Square Enix"),
            registered("MINICHAMPS"),
            curated("Zorbia", &[28], false),
        ],
        &[
            ("tile", 3.3),
            ("deck", 3.5),
            ("style", 4.5),
            ("plush", 2.5),
            ("dragon", 4.0),
        ],
        &[],
    );
    let named =
        |text: &str, mark: &str| (text.to_string(), mark.to_string(), FindingKind::FamousBrand);
    assert_eq!(
        flags(&e, "", "Yu-Gi-Oh Marik Deck"),
        vec![named("Yu-Gi-Oh", "Yu-Gi-Oh")]
    );
    assert_eq!(flags(&e, "", "Marik Deck"), lookalike("Marik", "Mavrik"));
    assert_eq!(
        flags(&e, "", "Frozen Kristof Plush"),
        vec![
            named("Frozen", "Frozen"),
            ("Kristof".into(), "Kristoff".into(), FindingKind::Lookalike)
        ],
        "the mark's own owner's brand"
    );
    assert_eq!(
        flags(&e, "", "Yu-Gi-Oh Marik Style Deck"),
        vec![
            named("Yu-Gi-Oh", "Yu-Gi-Oh"),
            ("Marik".into(), "Mavrik".into(), FindingKind::Lookalike)
        ],
        "named as imitated"
    );
    assert_eq!(
        flags(&e, "", "Pieces for Marik Tile Deck"),
        vec![
            ("Marik".into(), "Mavrik".into(), FindingKind::Lookalike),
            ("Tile".into(), "Tile".into(), FindingKind::FamousBrand)
        ],
        "the other brand named only as a common word"
    );
    assert_eq!(
        flags(&e, "", "Yu-Gi-Oh Dragon Qeust Deck"),
        vec![
            named("Yu-Gi-Oh", "Yu-Gi-Oh"),
            (
                "Dragon Qeust".into(),
                "Dragon Quest".into(),
                FindingKind::Lookalike
            )
        ],
        "a phrase, not one word"
    );
    assert_eq!(
        flags(&e, "", "Yu-Gi-Oh Minichanps Deck"),
        vec![
            named("Yu-Gi-Oh", "Yu-Gi-Oh"),
            (
                "Minichanps".into(),
                "MINICHAMPS".into(),
                FindingKind::Lookalike
            )
        ],
        "a registration's owner is not the curated list's: nothing says it is another"
    );
    assert_eq!(
        flags(&e, "", "Yu-Gi-Oh M4vrik Deck"),
        vec![
            named("Yu-Gi-Oh", "Yu-Gi-Oh"),
            ("M4vrik".into(), "Mavrik".into(), FindingKind::Lookalike)
        ],
        "a digit for a letter is a disguise, not a name"
    );
    // A brand judged low (the first word of a place name) names nothing the product is.
    assert_eq!(
        flags(&e, "", "Zorbia River Marik Deck"),
        lookalike("Marik", "Mavrik")
    );
}

/// An ordinary word's plural written with a z ("Beatz", "Kidz") is that word respelt,
/// nobody's typo: "Beatz" is no Bratz. A name's plural form with a z still is the name
/// in disguise ("Adidaz").
#[test]
fn a_plural_written_with_a_z_is_the_word_not_a_typo() {
    let e = engine_with(
        [merchandised("Bratz"), merchandised("Adidas")],
        &[
            ("beats", 3.9),
            ("speaker", 3.5),
            ("shoes", 4.0),
            ("adidas", 3.0),
        ],
        &["adidas"],
    );
    assert_eq!(flags(&e, "", "Beatz Speaker"), vec![]);
    assert_eq!(
        flags(&e, "", "Bratzz Speaker"),
        lookalike("Bratzz", "Bratz")
    );
    assert_eq!(flags(&e, "", "Adidaz Shoes"), lookalike("Adidaz", "Adidas"));
}

/// A registration of an ordinary word ("pajama") is that word, no mark worth a
/// disguise: a digit ending its first letters ("Pajam7") stands for no letter of it —
/// unless the word is mostly written as a name, or rarer than a known word.
#[test]
fn a_registered_ordinary_word_is_no_mark_a_digit_disguises() {
    let e = engine_with(
        [
            registered("PAJAMA"),
            registered("MARLOWE"),
            registered("ZAFIRO"),
        ],
        &[
            // At KNOWN_ZIPF exactly: a known word.
            ("pajama", 2.0),
            ("marlowe", 2.0),
            ("zafiro", 1.9),
            ("set", 4.0),
            ("coat", 4.0),
            ("ring", 4.0),
        ],
        &["marlowe"],
    );
    assert_eq!(flags(&e, "", "Pajam7 Set"), vec![]);
    assert_eq!(
        flags(&e, "", "Marlow7 Coat"),
        lookalike("Marlow7", "MARLOWE")
    );
    assert_eq!(flags(&e, "", "Zafir7 Ring"), lookalike("Zafir7", "ZAFIRO"));
}

/// A word of a phrase mark misspelt into another word ("Hydro Flaks") is read as the
/// mark only when that word is rare: below RARE_WORD_ZIPF, itself and as the plural of
/// its singular. At the bound it is a word the seller may mean.
#[test]
fn a_misspelt_word_of_a_phrase_mark_is_read_only_when_rare() {
    let flags_with = |word: &str, zipf: f32| {
        let e = engine_with(
            [merchandised("Hydro Flask")],
            &[("hydro", 3.0), ("bottle", 4.0), (word, zipf)],
            &[],
        );
        flags(&e, "", "Hydro Flaks Bottle")
    };
    let found = lookalike("Hydro Flaks", "Hydro Flask");
    assert_eq!(flags_with("flaks", 2.5), vec![]);
    assert_eq!(flags_with("flaks", 2.4), found);
    assert_eq!(flags_with("flak", 2.5), vec![], "its singular at the bound");
    assert_eq!(flags_with("flak", 2.4), found);
    // A word of the listing vocabulary is meant, however rare.
    let mut b = SnapshotBuilder::new(20260101);
    b.add(merchandised("Hydro Flask"));
    b.add_word_frequency("hydro", 3.0);
    b.add_word_frequency("bottle", 4.0);
    b.add_listing_word("flaks", 2.0);
    let e = Engine::new(Snapshot::from_bytes(b.finish(None)).expect("fixture snapshot loads"));
    assert_eq!(flags(&e, "", "Hydro Flaks Bottle"), vec![]);
}
