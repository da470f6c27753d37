//! German wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("unterstützen sie …!").
use super::{Language, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "de",
    name: "German",
    wording: &[
        (
            Category::Navigation,
            Wording {
                labels: &[
                    "war diese seite hilfreich",
                    "vergleichen",
                    "in den warenkorb",
                    "zum inhalt springen",
                    "direkt zum inhalt",
                    "zum hauptinhalt springen",
                    "startseite",
                    "suche",
                    "anmelden",
                    "nach oben",
                    "beitrag bearbeiten",
                    "weiterlesen",
                    "mehr lesen",
                    "nächster artikel",
                    "vorheriger artikel",
                    "schließen",
                ],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Newsletter,
            Wording {
                labels: &["abonnieren", "anmelden zum newsletter"],
                headings: &[
                    "melden sie sich",
                    "unser newsletter",
                    "newsletter abonnieren",
                    "jetzt newsletter",
                ],
                phrases: &[
                    "newsletter abonnieren",
                    "für unseren newsletter",
                    "zum newsletter anmelden",
                    "ihre e-mail-adresse",
                    "ihre email-adresse",
                    "jederzeit abbestellen",
                    "in ihr postfach",
                    "anmeldung zum newsletter",
                ],
            },
        ),
        (
            Category::Appeal,
            Wording {
                labels: &[
                    "jetzt spenden",
                    "spenden",
                    "unterstützen sie uns",
                    "jetzt unterstützen",
                ],
                headings: &[
                    "liebe leserinnen",
                    "liebe leser",
                    "an unsere leser",
                    "eine nachricht von",
                    "unterstützen sie",
                ],
                phrases: &[
                    "unterstützen sie unabhängigen journalismus",
                    "unterstützen sie uns",
                    "jetzt spenden",
                    "ihre spende",
                    "bereits abonnent",
                    "werden sie mitglied",
                    "jetzt abonnieren",
                    "weiterlesen mit",
                ],
            },
        ),
        (
            Category::Cookie,
            Wording {
                labels: &[
                    "alle akzeptieren",
                    "akzeptieren",
                    "ablehnen",
                    "cookie-einstellungen",
                ],
                headings: &[],
                phrases: &[
                    "wir verwenden cookies",
                    "wir nutzen cookies",
                    "diese website verwendet cookies",
                    "verwendet cookies",
                    "cookies akzeptieren",
                    "einsatz von cookies",
                ],
            },
        ),
        (
            Category::Share,
            Wording {
                labels: &[
                    "teilen",
                    "artikel teilen",
                    "auf facebook teilen",
                    "folgen sie uns",
                    "link kopieren",
                ],
                headings: &["folgen sie uns auf"],
                phrases: &["auf facebook teilen", "folgen sie uns auf"],
            },
        ),
        (
            Category::Related,
            Wording {
                labels: &[
                    "das könnte ihnen auch gefallen",
                    "mehr zum thema",
                    "weitere artikel",
                    "meistgelesen",
                    "meistgelesene artikel",
                    "auch interessant",
                    "lesen sie auch",
                    "verwandte artikel",
                    "neueste artikel",
                    "top-themen",
                    "das könnte sie auch interessieren",
                ],
                headings: &[
                    "ähnliche themen",
                    "kunden kauften auch",
                    "ähnliche produkte",
                    "zuletzt angesehen",
                    "das könnte ihnen",
                    "mehr zum thema",
                    "mehr aus",
                    "weitere artikel",
                    "lesen sie auch",
                    "meistgelesen",
                ],
                phrases: &[],
            },
        ),
        (
            Category::Audio,
            Wording {
                labels: &["anhören", "artikel anhören", "vorlesen"],
                headings: &[],
                phrases: &[
                    "artikel anhören",
                    "artikel vorlesen",
                    "künstliche stimme",
                    "ki-stimme",
                    "computerstimme",
                ],
            },
        ),
        (
            Category::Comments,
            Wording {
                labels: &[
                    "kommentare",
                    "kommentar schreiben",
                    "kommentieren",
                    "antworten",
                ],
                headings: &["kommentare"],
                phrases: &[
                    "deine e-mail-adresse wird nicht veröffentlicht",
                    "ihre e-mail-adresse wird nicht veröffentlicht",
                ],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &[
                    "anzeige",
                    "werbung",
                    "gesponsert",
                    "artikel wird unter der anzeige fortgesetzt",
                    "weiter nach der anzeige",
                ],
                headings: &[],
                phrases: &["erhalten wir eine provision", "affiliate-links"],
            },
        ),
        (
            Category::Legal,
            Wording {
                labels: &[
                    "impressum",
                    "datenschutz",
                    "datenschutzerklärung",
                    "nutzungsbedingungen",
                ],
                headings: &[],
                phrases: &["alle rechte vorbehalten"],
            },
        ),
        (
            Category::AuthorBio,
            Wording {
                labels: &["über den autor", "über die autorin", "zur person"],
                headings: &["über den autor", "über die autorin"],
                phrases: &[],
            },
        ),
    ],
    months: &[
        ("januar", 1),
        ("jänner", 1),
        ("februar", 2),
        ("märz", 3),
        ("juni", 6),
        ("juli", 7),
        ("oktober", 10),
        ("dezember", 12),
        ("okt", 10),
        ("dez", 12),
    ],
    author_prefixes: &["geschrieben von ", "von ", "autor: ", "autorin: "],
    appeal_verbs: &["unterstützen sie ", "unterstütze "],
    weak_phrases: &[],
};
