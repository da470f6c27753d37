//! Ukrainian wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("підтримайте …!").
use super::{Language, Shape, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "uk",
    name: "Ukrainian",
    wording: &[
        (
            Category::Navigation,
            Wording {
                labels: &[
                    "перейти до вмісту",
                    "головна",
                    "пошук",
                    "увійти",
                    "читати далі",
                    "детальніше",
                ],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Newsletter,
            Wording {
                labels: &["підписатися"],
                headings: &["підпишіться на нашу", "підпишіться на розсилку"],
                phrases: &["підпишіться на нашу розсилку", "підписатися на розсилку"],
            },
        ),
        (
            Category::Appeal,
            Wording {
                labels: &["підтримати", "підтримайте нас"],
                headings: &["дорогі читачі", "шановні читачі"],
                phrases: &["підтримайте нас", "підтримати редакцію"],
            },
        ),
        (
            Category::Cookie,
            Wording {
                labels: &["прийняти"],
                headings: &[],
                phrases: &[
                    "ми використовуємо файли cookie",
                    "використовує файли cookie",
                ],
            },
        ),
        (
            Category::Share,
            Wording {
                labels: &["поділитися"],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Related,
            Wording {
                labels: &[
                    "вам також може сподобатися",
                    "читайте також",
                    "по темі",
                    "новини по темі",
                    "стрічка новин",
                    "популярне",
                    "останні новини",
                ],
                headings: &[
                    "схожі товари",
                    "нещодавно переглянуті",
                    "читайте також",
                    "по темі",
                    "стрічка новин",
                ],
                phrases: &[],
            },
        ),
        (
            Category::Audio,
            Wording {
                labels: &["слухати", "прослухати статтю"],
                headings: &[],
                phrases: &["прослухати статтю"],
            },
        ),
        (
            Category::Comments,
            Wording {
                labels: &["коментарі", "залишити коментар"],
                headings: &["коментарі"],
                phrases: &[],
            },
        ),
        (
            Category::Legal,
            Wording {
                labels: &["політика конфіденційності"],
                headings: &[],
                phrases: &["всі права захищені", "усі права захищено"],
            },
        ),
        (
            Category::AuthorBio,
            Wording {
                labels: &["про автора"],
                headings: &["про автора"],
                phrases: &[],
            },
        ),
    ],
    months: &[
        // genitive: the form dates use.
        ("січня", 1),
        ("лютого", 2),
        ("березня", 3),
        ("квітня", 4),
        ("травня", 5),
        ("червня", 6),
        ("липня", 7),
        ("серпня", 8),
        ("вересня", 9),
        ("жовтня", 10),
        ("листопада", 11),
        ("грудня", 12),
    ],
    author_prefixes: &["автори: "],
    appeal_verbs: &["підтримайте "],
    weak_phrases: &[],
    shapes: &[
        (Shape::ShareToken, &["поділитися"]),
        (Shape::FollowCall, &["стежте", "підписуйтесь"]),
        (Shape::NewsletterName, &["розсилка", "розсилку"]),
        (Shape::SignupWord, &["підпиш"]),
        (Shape::CreditMarker, &["фото", "світлина"]),
        (Shape::SourceLabel, &["джерело"]),
        (Shape::GalleryItem, &["фото"]),
        (Shape::AudioWord, &["аудіо", "слух", "голос"]),
        (Shape::MachineWord, &["штучн", "згенеров"]),
        (Shape::CommentCount, &["коментар[іяів]*"]),
        (Shape::CommentsHeadingNoun, &[r"коментар\w*"]),
        (Shape::CommentsHeadingPrep, &["до", "на"]),
        (Shape::CommentVerb, &["пише", "написав"]),
        (Shape::ReadingTimeLabel, &["час читання"]),
        (Shape::ReadingTimeUnit, &["хв", "хвилин[аи]?"]),
        (Shape::ReadingTimeAfter, &["читання"]),
        (
            Shape::Timestamp,
            &[
                r"\d+\s+(?:хвилин[иу]?|годин[иу]?)\s+назад",
                "вчора",
                "сьогодні",
            ],
        ),
        (Shape::BioRole, &["журналіст", "кореспондент", "редактор"]),
    ],
    class_tokens: &[],
};
