//! Polish wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("wesprzyj …!").
use super::{Language, Shape, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "pl",
    name: "Polish",
    wording: &[
        (
            Category::Navigation,
            Wording {
                labels: &["przejdź do treści", "czytaj więcej", "szukaj"],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Newsletter,
            Wording {
                labels: &["zapisz się", "subskrybuj"],
                headings: &["zapisz się do", "nasz newsletter"],
                phrases: &[
                    "zapisz się do newslettera",
                    "zapisz się na newsletter",
                    "twój adres e-mail",
                ],
            },
        ),
        (
            Category::Appeal,
            Wording {
                labels: &["wesprzyj nas", "wpłać"],
                headings: &["drodzy czytelnicy"],
                phrases: &["wesprzyj nas", "wesprzyj niezależne dziennikarstwo"],
            },
        ),
        (
            Category::Cookie,
            Wording {
                labels: &["akceptuję", "zaakceptuj wszystkie"],
                headings: &[],
                phrases: &[
                    "używamy plików cookie",
                    "używa plików cookie",
                    "korzysta z plików cookie",
                ],
            },
        ),
        (
            Category::Share,
            Wording {
                labels: &["udostępnij", "obserwuj nas"],
                headings: &[],
                phrases: &["udostępnij na", "obserwuj nas na"],
            },
        ),
        (
            Category::Related,
            Wording {
                labels: &[
                    "może cię zainteresować",
                    "czytaj także",
                    "czytaj też",
                    "zobacz też",
                    "zobacz także",
                    "najczęściej czytane",
                    "powiązane artykuły",
                    "najnowsze",
                ],
                headings: &[
                    "podobne produkty",
                    "ostatnio oglądane",
                    "klienci kupili również",
                    "czytaj także",
                    "czytaj też",
                    "zobacz też",
                ],
                phrases: &[],
            },
        ),
        (
            Category::Audio,
            Wording {
                labels: &["posłuchaj", "odsłuchaj artykuł"],
                headings: &[],
                phrases: &["posłuchaj artykułu", "odsłuchaj artykuł"],
            },
        ),
        (
            Category::Comments,
            Wording {
                labels: &["komentarze", "dodaj komentarz", "odpowiedz"],
                headings: &["komentarze"],
                phrases: &[],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &["reklama", "artykuł sponsorowany", "materiał sponsorowany"],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Legal,
            Wording {
                labels: &["polityka prywatności"],
                headings: &[],
                phrases: &["wszelkie prawa zastrzeżone"],
            },
        ),
        (
            Category::AuthorBio,
            Wording {
                labels: &["o autorze"],
                headings: &["o autorze"],
                phrases: &[],
            },
        ),
    ],
    months: &[
        // genitive: the form dates use.
        ("stycznia", 1),
        ("lutego", 2),
        ("marca", 3),
        ("kwietnia", 4),
        ("maja", 5),
        ("czerwca", 6),
        ("lipca", 7),
        ("sierpnia", 8),
        ("września", 9),
        ("października", 10),
        ("listopada", 11),
        ("grudnia", 12),
    ],
    author_prefixes: &[],
    appeal_verbs: &["wesprzyj "],
    weak_phrases: &[],
    shapes: &[
        (Shape::ShareToken, &["udostępnij"]),
        (Shape::FollowCall, &["obserwuj"]),
        (Shape::SignupWord, &["zapisz"]),
        (Shape::CreditMarker, &["zdjęcie", "foto(?:s)?"]),
        (Shape::SourceLabel, &["źródło"]),
        (Shape::GalleryItem, &["foto"]),
        (Shape::AudioWord, &["słuch", "głos"]),
        (Shape::MachineWord, &["sztuczn", "wygenerowan"]),
        (Shape::CommentCount, &["komentarz[ey]?"]),
        (Shape::CommentVerb, &["napisał"]),
        (Shape::ReadingTimeLabel, &["czas czytania"]),
        (Shape::ReadingTimeAfter, &["czytania"]),
        (Shape::BioRole, &["dziennikarz"]),
        (Shape::BioVerb, &["jest"]),
    ],
    class_tokens: &[(Category::Ads, &["reklama"])],
};
