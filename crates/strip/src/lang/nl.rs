//! Dutch wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("steun …!").
use super::{Language, Shape, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "nl",
    name: "Dutch",
    wording: &[
        (
            Category::Navigation,
            Wording {
                labels: &[
                    "naar inhoud springen",
                    "ga naar inhoud",
                    "lees meer",
                    "zoeken",
                ],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Newsletter,
            Wording {
                labels: &["aanmelden", "inschrijven"],
                headings: &["schrijf je in voor", "meld je aan voor", "onze nieuwsbrief"],
                phrases: &[
                    "schrijf je in voor onze nieuwsbrief",
                    "meld je aan voor onze nieuwsbrief",
                    "je e-mailadres",
                ],
            },
        ),
        (
            Category::Appeal,
            Wording {
                labels: &["doneer", "steun ons"],
                headings: &["beste lezers"],
                phrases: &["steun onze journalistiek", "word lid"],
            },
        ),
        (
            Category::Cookie,
            Wording {
                labels: &["accepteren", "alles accepteren"],
                headings: &[],
                phrases: &[
                    "wij gebruiken cookies",
                    "deze website gebruikt cookies",
                    "gebruikt cookies",
                ],
            },
        ),
        (
            Category::Share,
            Wording {
                labels: &["delen", "deel dit artikel", "volg ons"],
                headings: &[],
                phrases: &["deel op", "volg ons op"],
            },
        ),
        (
            Category::Related,
            Wording {
                labels: &[
                    "lees ook",
                    "meest gelezen",
                    "gerelateerde artikelen",
                    "laatste nieuws",
                ],
                headings: &[
                    "vergelijkbare producten",
                    "gerelateerde producten",
                    "recent bekeken",
                    "lees ook",
                    "meest gelezen",
                ],
                phrases: &[],
            },
        ),
        (
            Category::Audio,
            Wording {
                labels: &["luister", "beluister dit artikel"],
                headings: &[],
                phrases: &["luister naar dit artikel", "voorgelezen door"],
            },
        ),
        (
            Category::Comments,
            Wording {
                labels: &["reacties", "laat een reactie achter", "reageer"],
                headings: &["reacties"],
                phrases: &["je e-mailadres wordt niet gepubliceerd"],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &["advertentie", "gesponsord"],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Legal,
            Wording {
                labels: &["privacybeleid"],
                headings: &[],
                phrases: &["alle rechten voorbehouden"],
            },
        ),
        (
            Category::AuthorBio,
            Wording {
                labels: &["over de auteur"],
                headings: &["over de auteur"],
                phrases: &[],
            },
        ),
    ],
    months: &[
        ("januari", 1),
        ("februari", 2),
        ("maart", 3),
        ("mei", 5),
        ("augustus", 8),
    ],
    author_prefixes: &["door ", "tekst: "],
    appeal_verbs: &["steun "],
    weak_phrases: &[],
    shapes: &[
        (Shape::ShareToken, &["delen"]),
        (Shape::FollowCall, &["volg"]),
        (Shape::NewsletterName, &["nieuwsbrief"]),
        (Shape::SignupWord, &["aanmelden"]),
        (Shape::CreditMarker, &["foto(?:s)?"]),
        (Shape::SourceLabel, &["bron"]),
        (Shape::GalleryItem, &["foto"]),
        (Shape::AudioWord, &["luister", "stem"]),
        (Shape::MachineWord, &["kunstmatige", "gegenereerd"]),
        (Shape::CommentCount, &["reacties"]),
        (Shape::CommentVerb, &["schreef"]),
        (Shape::ReadingTimeLabel, &["leestijd"]),
        (Shape::ReadingTimeAfter, &["leestijd"]),
        (Shape::BioVerb, &["is", "is een"]),
        (Shape::BioArticle, &["een"]),
        (Shape::AboutWord, &["over"]),
    ],
    class_tokens: &[],
};
