//! Portuguese wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("apoie …!").
use super::{Language, Shape, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "pt",
    name: "Portuguese",
    wording: &[
        (
            Category::Navigation,
            Wording {
                labels: &[
                    "esta página foi útil",
                    "adicionar ao carrinho",
                    "pular para o conteúdo",
                    "ir para o conteúdo",
                    "leia mais",
                    "continue lendo",
                    "pesquisar",
                ],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Newsletter,
            Wording {
                labels: &["inscreva-se", "assinar"],
                headings: &["assine nossa", "assine a nossa", "inscreva-se na nossa"],
                phrases: &[
                    "assine nossa newsletter",
                    "assine a nossa newsletter",
                    "inscreva-se na nossa newsletter",
                    "seu endereço de e-mail",
                    "o seu e-mail",
                ],
            },
        ),
        (
            Category::Appeal,
            Wording {
                labels: &["doe agora", "apoie"],
                headings: &["caros leitores", "caro leitor"],
                phrases: &["apoie o jornalismo", "faça uma doação", "já é assinante"],
            },
        ),
        (
            Category::Cookie,
            Wording {
                labels: &["aceitar", "aceitar todos"],
                headings: &[],
                phrases: &["este site utiliza cookies", "usa cookies"],
            },
        ),
        (
            Category::Share,
            Wording {
                labels: &["compartilhe", "compartilhar", "partilhar", "siga-nos"],
                headings: &[],
                phrases: &["compartilhe no", "siga-nos no"],
            },
        ),
        (
            Category::Related,
            Wording {
                labels: &[
                    "você pode gostar",
                    "você também pode gostar",
                    "leia também",
                    "veja também",
                    "notícias relacionadas",
                    "mais lidas",
                    "mais notícias",
                ],
                headings: &[
                    "produtos relacionados",
                    "produtos similares",
                    "vistos recentemente",
                    "você pode gostar",
                    "você também pode",
                    "leia também",
                    "veja também",
                    "notícias relacionadas",
                ],
                phrases: &[],
            },
        ),
        (
            Category::Audio,
            Wording {
                labels: &["ouvir", "ouvir este artigo", "ouça este artigo"],
                headings: &[],
                phrases: &["ouvir este artigo", "ouça este artigo", "voz gerada"],
            },
        ),
        (
            Category::Comments,
            Wording {
                labels: &["comentários", "deixe um comentário"],
                headings: &["comentários"],
                phrases: &["o seu endereço de email não será publicado"],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &["publicidade", "conteúdo patrocinado"],
                headings: &[],
                phrases: &[],
            },
        ),
        (
            Category::Legal,
            Wording {
                labels: &["política de privacidade"],
                headings: &[],
                phrases: &["todos os direitos reservados"],
            },
        ),
        (
            Category::AuthorBio,
            Wording {
                labels: &["sobre o autor"],
                headings: &["sobre o autor"],
                phrases: &[],
            },
        ),
    ],
    months: &[
        ("janeiro", 1),
        ("fevereiro", 2),
        ("março", 3),
        ("maio", 5),
        ("junho", 6),
        ("julho", 7),
        ("setembro", 9),
        ("outubro", 10),
        ("novembro", 11),
        ("dezembro", 12),
    ],
    author_prefixes: &[],
    appeal_verbs: &["apoie "],
    weak_phrases: &[],
    shapes: &[
        (Shape::ShareToken, &["baixar", "compartilhar", "imprimir"]),
        (Shape::FollowCall, &["siga"]),
        (Shape::NewsletterName, &["boletim"]),
        (Shape::SignupWord, &["assine", "inscreva"]),
        (Shape::CreditMarker, &["foto(?:s)?"]),
        (Shape::SourceLabel, &["fonte"]),
        (Shape::GalleryItem, &["foto"]),
        (Shape::GalleryOf, &["de"]),
        (Shape::AudioWord, &["ouvi", "ouç"]),
        (Shape::MachineWord, &["inteligência artificial", "gerada"]),
        (Shape::MachineToken, &["ia"]),
        (Shape::CommentCount, &["comentários?"]),
        (Shape::CommentsHeadingNoun, &["comentários?"]),
        (Shape::CommentsHeadingPrep, &["para"]),
        (Shape::CommentVerb, &["disse", "escreveu"]),
        (Shape::ReadingTimeLabel, &["tempo de leitura"]),
        (Shape::ReadingTimeUnit, &["minutos"]),
        (Shape::ReadingTimeAfter, &["de leitura"]),
        (Shape::TimestampAgo, &["há"]),
        (Shape::ReviewCredit, &["revisado por", "verificado por"]),
        (Shape::BioRole, &["jornalista", "autor"]),
        (Shape::BioVerb, &["é"]),
        (Shape::BioArticle, &["um", "uma"]),
        (Shape::AboutWord, &["sobre"]),
    ],
    class_tokens: &[
        (Category::Related, &["relacionados", "relacionadas"]),
        (Category::Byline, &["autor"]),
    ],
};
