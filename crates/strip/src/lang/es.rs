//! Spanish wording: labels, section headings and phrases per category, and the verbs of a
//! short appeal ("apoya …!").
use super::{Language, Wording};
use crate::model::Category;

pub(super) const LANGUAGE: Language = Language {
    code: "es",
    name: "Spanish",
    wording: &[
        (
            Category::Navigation,
            Wording {
                labels: &[
                    "te ha resultado útil",
                    "fue útil esta página",
                    "comparar",
                    "añadir al carrito",
                    "saltar al contenido",
                    "ir al contenido",
                    "ir al contenido principal",
                    "inicio",
                    "buscar",
                    "iniciar sesión",
                    "volver arriba",
                    "editar entrada",
                    "leer más",
                    "seguir leyendo",
                    "cerrar",
                ],
                headings: &[],
                phrases: &["saltar al contenido"],
            },
        ),
        (
            Category::Newsletter,
            Wording {
                labels: &["suscribirse", "suscríbete"],
                headings: &[
                    "suscríbete a nuestro",
                    "suscríbete a nuestra",
                    "recibe nuestro",
                    "nuestro boletín",
                ],
                phrases: &[
                    "suscríbete a nuestro boletín",
                    "suscríbete a nuestra newsletter",
                    "suscríbete a la newsletter",
                    "recibe nuestro boletín",
                    "tu correo electrónico",
                    "tu dirección de correo",
                    "en tu bandeja de entrada",
                ],
            },
        ),
        (
            Category::Appeal,
            Wording {
                labels: &["dona", "donar", "apóyanos", "haz una donación"],
                headings: &[
                    "queridos lectores",
                    "a nuestros lectores",
                    "querido lector",
                    "un mensaje de",
                    "apoya",
                ],
                phrases: &[
                    "apoya el periodismo",
                    "apóyanos",
                    "haz una donación",
                    "tu donación",
                    "hazte socio",
                    "ya eres suscriptor",
                    "suscríbete para seguir leyendo",
                ],
            },
        ),
        (
            Category::Cookie,
            Wording {
                labels: &[
                    "aceptar",
                    "aceptar todo",
                    "rechazar todo",
                    "configurar cookies",
                ],
                headings: &[],
                phrases: &[
                    "utilizamos cookies",
                    "usamos cookies",
                    "este sitio web utiliza cookies",
                    "utiliza cookies",
                    "aceptar cookies",
                    "política de cookies",
                    "uso de cookies",
                    "utilizamos cookies",
                ],
            },
        ),
        (
            Category::Share,
            Wording {
                labels: &[
                    "compartir",
                    "comparte",
                    "compartir en facebook",
                    "síguenos",
                    "copiar enlace",
                ],
                headings: &["síguenos en"],
                phrases: &["compartir en facebook", "síguenos en"],
            },
        ),
        (
            Category::Related,
            Wording {
                labels: &[
                    "te podría gustar",
                    "también te podría gustar",
                    "noticias relacionadas",
                    "te puede interesar",
                    "lo más leído",
                    "más noticias",
                    "lee también",
                    "también te puede interesar",
                    "artículos relacionados",
                    "últimas noticias",
                ],
                headings: &[
                    "temas similares",
                    "productos relacionados",
                    "productos similares",
                    "los clientes también",
                    "vistos recientemente",
                    "te podría gustar",
                    "noticias relacionadas",
                    "te puede interesar",
                    "lo más leído",
                    "más noticias",
                    "lee también",
                    "más de",
                ],
                phrases: &[],
            },
        ),
        (
            Category::Audio,
            Wording {
                labels: &["escuchar", "escuchar este artículo", "escuchar noticia"],
                headings: &[],
                phrases: &[
                    "escuchar este artículo",
                    "escucha este artículo",
                    "voz generada por",
                    "voz artificial",
                ],
            },
        ),
        (
            Category::Comments,
            Wording {
                labels: &[
                    "comentarios",
                    "deja un comentario",
                    "dejar un comentario",
                    "comentar",
                    "responder",
                ],
                headings: &["comentarios", "deja un comentario"],
                phrases: &["tu dirección de correo electrónico no será publicada"],
            },
        ),
        (
            Category::Ads,
            Wording {
                labels: &[
                    "publicidad",
                    "contenido patrocinado",
                    "anuncio",
                    "sigue leyendo después del anuncio",
                ],
                headings: &[],
                phrases: &["enlaces de afiliados", "recibimos una comisión"],
            },
        ),
        (
            Category::Legal,
            Wording {
                labels: &[
                    "aviso legal",
                    "política de privacidad",
                    "términos y condiciones",
                ],
                headings: &[],
                phrases: &["todos los derechos reservados"],
            },
        ),
        (
            Category::AuthorBio,
            Wording {
                labels: &["sobre el autor", "sobre la autora", "acerca del autor"],
                headings: &["sobre el autor", "acerca del autor"],
                phrases: &[],
            },
        ),
    ],
    months: &[
        ("enero", 1),
        ("febrero", 2),
        ("marzo", 3),
        ("abril", 4),
        ("mayo", 5),
        ("junio", 6),
        ("julio", 7),
        ("agosto", 8),
        ("septiembre", 9),
        ("setiembre", 9),
        ("octubre", 10),
        ("noviembre", 11),
        ("diciembre", 12),
    ],
    author_prefixes: &["escrito por ", "por ", "redacción: "],
    appeal_verbs: &["apoya ", "apoye "],
    weak_phrases: &[],
};
