//! French wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("soutenez …!").
use super::{Language, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "fr",
    name: "French",
    wording: &[
        (
            Category::Navigation,
            Wording {
                labels: &[
                    "cette page vous a-t-elle été utile",
                    "comparer",
                    "ajouter au panier",
                    "aller au contenu",
                    "aller au contenu principal",
                    "passer au contenu",
                    "accueil",
                    "rechercher",
                    "se connecter",
                    "connexion",
                    "menu principal",
                    "retour en haut",
                    "modifier l'article",
                    "lire la suite",
                    "article suivant",
                    "article précédent",
                    "fermer",
                ],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Newsletter,
            Wording {
                labels: &["s'abonner", "s'inscrire", "inscription"],
                headings: &[
                    "inscrivez-vous à notre",
                    "abonnez-vous à notre",
                    "recevez notre",
                    "notre newsletter",
                    "la newsletter",
                    "lettre d'information",
                ],
                phrases: &[
                    "inscrivez-vous à notre newsletter",
                    "abonnez-vous à notre newsletter",
                    "inscrivez-vous à la newsletter",
                    "recevez notre newsletter",
                    "votre adresse e-mail",
                    "votre adresse email",
                    "votre adresse mail",
                    "désinscrire à tout moment",
                    "dans votre boîte mail",
                    "dans votre boîte de réception",
                ],
            },
        ),
        (
            Category::Appeal,
            Wording {
                labels: &[
                    "faire un don",
                    "faites un don",
                    "soutenez-nous",
                    "nous soutenir",
                    "je m'abonne",
                ],
                headings: &[
                    "un message de",
                    "un mot à nos lecteurs",
                    "à nos lecteurs",
                    "chers lecteurs",
                    "chère lectrice",
                    "soutenez",
                ],
                phrases: &[
                    "soutenez notre journalisme",
                    "soutenez-nous",
                    "faire un don",
                    "faites un don",
                    "votre don",
                    "déjà abonné",
                    "abonnez-vous pour lire",
                    "réservé aux abonnés",
                ],
            },
        ),
        (
            Category::Cookie,
            Wording {
                labels: &[
                    "tout accepter",
                    "tout refuser",
                    "accepter",
                    "paramétrer les cookies",
                ],
                headings: &[],
                phrases: &[
                    "nous utilisons des cookies",
                    "ce site utilise des cookies",
                    "utilise des cookies",
                    "accepter les cookies",
                    "gérer les cookies",
                    "politique de cookies",
                    "en poursuivant votre navigation",
                    "vos choix de cookies",
                ],
            },
        ),
        (
            Category::Share,
            Wording {
                labels: &[
                    "partager",
                    "partager cet article",
                    "partagez",
                    "partager sur facebook",
                    "suivez-nous",
                ],
                headings: &["suivez-nous sur"],
                phrases: &[
                    "partager sur facebook",
                    "partagez cet article",
                    "suivez-nous sur",
                ],
            },
        ),
        (
            Category::Related,
            Wording {
                labels: &[
                    "vous aimerez aussi",
                    "vous pourriez aimer",
                    "à lire aussi",
                    "lire aussi",
                    "sur le même sujet",
                    "les plus lus",
                    "articles similaires",
                    "dans la même rubrique",
                    "à voir aussi",
                    "fil info",
                    "fil d'actualité",
                    "à la une",
                    "dernières actualités",
                ],
                headings: &[
                    "discussions similaires",
                    "produits similaires",
                    "produits associés",
                    "les clients ont également",
                    "récemment consultés",
                    "vous aimerez",
                    "vous pourriez aimer",
                    "à lire aussi",
                    "lire aussi",
                    "sur le même sujet",
                    "les plus lus",
                ],
                phrases: &[],
            },
        ),
        (
            Category::Audio,
            Wording {
                labels: &["écouter", "écouter cet article", "écouter l'article"],
                headings: &[],
                phrases: &[
                    "écouter cet article",
                    "écouter l'article",
                    "voix de synthèse",
                    "voix générée",
                    "version audio de cet article",
                ],
            },
        ),
        (
            Category::Comments,
            Wording {
                labels: &[
                    "commentaires",
                    "laisser un commentaire",
                    "ajouter un commentaire",
                    "réagir",
                    "répondre",
                ],
                headings: &["commentaires", "laisser un commentaire"],
                phrases: &[
                    "votre adresse e-mail ne sera pas publiée",
                    "votre adresse email ne sera pas publiée",
                ],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &[
                    "publicité",
                    "contenu sponsorisé",
                    "annonce",
                    "la suite après la publicité",
                    "suite après la publicité",
                ],
                headings: &[],
                phrases: &[
                    "nous pouvons percevoir une commission",
                    "liens d'affiliation",
                ],
            },
        ),
        (
            Category::Legal,
            Wording {
                labels: &[
                    "mentions légales",
                    "politique de confidentialité",
                    "conditions d'utilisation",
                ],
                headings: &[],
                phrases: &[
                    "copyright ©",
                    "© copyright",
                    "tous droits réservés",
                    "reproduction interdite",
                ],
            },
        ),
        (
            Category::AuthorBio,
            Wording {
                labels: &["à propos de l'auteur", "l'auteur"],
                headings: &["à propos de l'auteur"],
                phrases: &[],
            },
        ),
    ],
    appeal_verbs: &["soutenez "],
    weak_phrases: &[],
};
