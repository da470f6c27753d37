//! Italian wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("sostieni …!").
use super::{Language, Shape, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "it",
    name: "Italian",
    wording: &[
        (
            Category::Navigation,
            Wording {
                labels: &[
                    "questa pagina ti è stata utile",
                    "confronta",
                    "aggiungi al carrello",
                    "vai al contenuto",
                    "salta al contenuto",
                    "leggi tutto",
                    "continua a leggere",
                    "cerca",
                ],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Newsletter,
            Wording {
                labels: &["iscriviti"],
                headings: &["iscriviti alla nostra", "iscriviti alla newsletter"],
                phrases: &[
                    "iscriviti alla newsletter",
                    "iscriviti alla nostra newsletter",
                    "il tuo indirizzo email",
                ],
            },
        ),
        (
            Category::Appeal,
            Wording {
                labels: &["dona ora", "sostienici"],
                headings: &["cari lettori"],
                phrases: &[
                    "sostieni il giornalismo",
                    "fai una donazione",
                    "abbonati per",
                ],
            },
        ),
        (
            Category::Cookie,
            Wording {
                labels: &["accetta", "accetta tutto"],
                headings: &[],
                phrases: &[
                    "utilizziamo i cookie",
                    "utilizza i cookie",
                    "utilizza cookie",
                ],
            },
        ),
        (
            Category::Share,
            Wording {
                labels: &["condividi", "condividi su facebook", "seguici"],
                headings: &[],
                phrases: &["condividi su", "seguici su"],
            },
        ),
        (
            Category::Related,
            Wording {
                labels: &[
                    "potrebbe piacerti",
                    "ti potrebbe interessare",
                    "leggi anche",
                    "articoli correlati",
                    "i più letti",
                    "potrebbe interessarti",
                    "ultime notizie",
                ],
                headings: &[
                    "prodotti correlati",
                    "prodotti simili",
                    "visti di recente",
                    "potrebbe piacerti",
                    "leggi anche",
                    "articoli correlati",
                ],
                phrases: &[],
            },
        ),
        (
            Category::Audio,
            Wording {
                labels: &["ascolta", "ascolta l'articolo"],
                headings: &[],
                phrases: &[
                    "ascolta l'articolo",
                    "ascolta questo articolo",
                    "voce generata",
                ],
            },
        ),
        (
            Category::Comments,
            Wording {
                labels: &["commenti", "lascia un commento", "rispondi"],
                headings: &["commenti"],
                phrases: &["il tuo indirizzo email non sarà pubblicato"],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &["pubblicità", "contenuto sponsorizzato"],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Legal,
            Wording {
                labels: &["informativa sulla privacy"],
                headings: &[],
                phrases: &["tutti i diritti riservati"],
            },
        ),
        (
            Category::AuthorBio,
            Wording {
                labels: &["sull'autore", "l'autore"],
                headings: &["sull'autore"],
                phrases: &[],
            },
        ),
    ],
    months: &[
        ("gennaio", 1),
        ("febbraio", 2),
        ("aprile", 4),
        ("maggio", 5),
        ("giugno", 6),
        ("luglio", 7),
        ("settembre", 9),
        ("ottobre", 10),
        ("dicembre", 12),
    ],
    author_prefixes: &["di ", "scritto da "],
    appeal_verbs: &["sostieni "],
    weak_phrases: &[],
    shapes: &[
        (Shape::ShareToken, &["condividi", "stampa"]),
        (Shape::FollowCall, &["segui", "seguici"]),
        (Shape::SignupWord, &["iscriviti"]),
        (Shape::CreditMarker, &["foto(?:s)?", "immagine"]),
        (Shape::SourceLabel, &["fonte"]),
        (Shape::GalleryItem, &["foto"]),
        (Shape::AudioWord, &["ascolt", "voce"]),
        (
            Shape::MachineWord,
            &["intelligenza artificiale", "generata"],
        ),
        (Shape::MachineToken, &["ia"]),
        (Shape::CommentCount, &["commenti"]),
        (Shape::CommentsHeadingNoun, &["commenti"]),
        (Shape::CommentsHeadingPrep, &["a", "su"]),
        (Shape::CommentVerb, &["disse", "ha scritto"]),
        (Shape::ReadingTimeLabel, &["tempo di lettura"]),
        (Shape::ReadingTimeUnit, &["minuti"]),
        (Shape::ReadingTimeAfter, &["di lettura"]),
        (Shape::ReviewCredit, &["rivisto da"]),
        (Shape::BioRole, &["giornalista", "autore", "redattore"]),
        (Shape::BioVerb, &["è"]),
        (Shape::BioArticle, &["un", "una"]),
        (Shape::AboutWord, &["a proposito di"]),
    ],
    class_tokens: &[],
};
