//! Multilingual lexicons of boilerplate wording, one table per category.
//!
//! Three kinds of entry, matched on normalised text (lower case, straight quotes, single spaces):
//! - `labels`: the whole block is this label ("Subscribe", "Skip to content", "Teilen");
//! - `headings`: a short heading-like block that *starts* with this and opens a section of the
//!   category ("Related articles", "About the author", "A message from …");
//! - `phrases`: wording that gives a block away wherever it stands, for blocks up to
//!   `phrase_max_words` long ("we use cookies", "sign up for our newsletter"). Phrases are
//!   first/second person calls to action, so a body sentence that merely *mentions* a
//!   newsletter, a donation or comments does not match.
//!
//! Entries are in English, French, German, Spanish, Russian, Italian, Portuguese, Dutch, Polish
//! and Ukrainian. None is taken from one site: each is wording many sites use.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::Category;

struct Lexicon {
    category: Category,
    labels: &'static [&'static str],
    headings: &'static [&'static str],
    phrases: &'static [&'static str],
    /// Longest block (in words) that a phrase may remove.
    phrase_max_words: usize,
}

const NAVIGATION: Lexicon = Lexicon {
    category: Category::Navigation,
    labels: &[
        "skip to content", "skip to main content", "skip navigation", "skip to navigation",
        "jump to content", "edit post", "edit this post", "edit page", "edit", "menu", "main menu",
        "open menu", "close menu", "toggle navigation", "toggle menu", "home", "search", "log in",
        "login", "sign in", "register", "back to top", "go to top", "next article",
        "previous article", "next post", "previous post", "next", "previous", "read more",
        "continue reading", "load more", "show more", "more", "close", "print",
        // fr
        "aller au contenu", "aller au contenu principal", "passer au contenu",
        "accueil", "rechercher", "se connecter", "connexion", "menu principal", "retour en haut",
        "modifier l'article", "lire la suite", "article suivant", "article précédent", "fermer",
        // de
        "zum inhalt springen", "direkt zum inhalt", "zum hauptinhalt springen", "startseite",
        "suche", "anmelden", "nach oben", "beitrag bearbeiten", "weiterlesen", "mehr lesen",
        "nächster artikel", "vorheriger artikel", "schließen",
        // es
        "saltar al contenido", "ir al contenido", "ir al contenido principal", "inicio", "buscar",
        "iniciar sesión", "volver arriba", "editar entrada", "leer más", "seguir leyendo",
        "cerrar",
        // ru / uk
        "перейти к содержимому", "перейти к содержанию", "перейти к основному содержанию",
        "главная", "поиск", "войти", "наверх", "меню", "читать далее", "подробнее", "закрыть",
        "перейти до вмісту", "головна", "пошук", "увійти", "читати далі", "детальніше",
        // it / pt / nl / pl
        "vai al contenuto", "salta al contenuto", "leggi tutto", "continua a leggere", "cerca",
        "pular para o conteúdo", "ir para o conteúdo", "leia mais", "continue lendo", "pesquisar",
        "naar inhoud springen", "ga naar inhoud", "lees meer", "zoeken",
        "przejdź do treści", "czytaj więcej", "szukaj",
    ],
    headings: &[],
    phrases: &[
        "skip to main content", "skip to content", "zum inhalt springen", "aller au contenu",
        "saltar al contenido", "перейти к содержимому",
    ],
    phrase_max_words: 8,
};

const NEWSLETTER: Lexicon = Lexicon {
    category: Category::Newsletter,
    labels: &[
        "subscribe", "sign up", "newsletter", "newsletters", "indicates required",
        "required field", "enter your email", "your email", "email address", "e-mail address",
        "successfully subscribed", "successfuly subscribed", "thank you for subscribing",
        "thanks for subscribing",
        "s'abonner", "s'inscrire", "inscription", "abonnieren", "anmelden zum newsletter",
        "suscribirse", "suscríbete", "подписаться", "подпишитесь", "підписатися", "iscriviti",
        "inscreva-se", "assinar", "aanmelden", "inschrijven", "zapisz się", "subskrybuj",
    ],
    headings: &[
        "sign up for our", "sign up for the", "subscribe to our", "subscribe to the",
        "get our newsletter", "get the newsletter", "our newsletter", "newsletter sign",
        "join our newsletter", "join our mailing list",
        "inscrivez-vous à notre", "abonnez-vous à notre", "recevez notre", "notre newsletter",
        "la newsletter", "lettre d'information",
        "melden sie sich", "unser newsletter", "newsletter abonnieren", "jetzt newsletter",
        "suscríbete a nuestro", "suscríbete a nuestra", "recibe nuestro", "nuestro boletín",
        "подпишитесь на нашу", "подпишитесь на рассылку", "наша рассылка",
        "підпишіться на нашу", "підпишіться на розсилку",
        "iscriviti alla nostra", "iscriviti alla newsletter", "assine nossa", "assine a nossa",
        "inscreva-se na nossa", "schrijf je in voor", "meld je aan voor", "onze nieuwsbrief",
        "zapisz się do", "nasz newsletter",
    ],
    phrases: &[
        "sign up for our newsletter", "sign up to our newsletter", "subscribe to our newsletter",
        "our weekly newsletter", "our daily newsletter", "our free newsletter",
        "sign up for our free", "enter your email", "enter your e-mail", "your email address",
        "enter correct email", "valid email address", "indicates required",
        "thank you for signing up", "thanks for signing up", "thank you for subscribing",
        "thanks for subscribing", "you're subscribed", "you are now subscribed",
        "successfully subscribed", "unsubscribe at any time", "delivered to your inbox",
        "straight to your inbox", "in your inbox", "in your mailbox", "subscribers agree to",
        "by signing up, you agree", "by subscribing, you agree", "confirmation email",
        "inscrivez-vous à notre newsletter", "abonnez-vous à notre newsletter",
        "inscrivez-vous à la newsletter", "recevez notre newsletter", "votre adresse e-mail",
        "votre adresse email", "votre adresse mail", "désinscrire à tout moment",
        "dans votre boîte mail", "dans votre boîte de réception",
        "newsletter abonnieren", "für unseren newsletter", "zum newsletter anmelden",
        "ihre e-mail-adresse", "ihre email-adresse", "jederzeit abbestellen",
        "in ihr postfach", "anmeldung zum newsletter",
        "suscríbete a nuestro boletín", "suscríbete a nuestra newsletter",
        "suscríbete a la newsletter", "recibe nuestro boletín", "tu correo electrónico",
        "tu dirección de correo", "en tu bandeja de entrada",
        "подпишитесь на нашу рассылку", "подписаться на рассылку", "подпишитесь на рассылку",
        "введите ваш email", "введите ваш e-mail", "ваш адрес электронной почты",
        "на вашу почту", "підпишіться на нашу розсилку", "підписатися на розсилку",
        "iscriviti alla newsletter", "iscriviti alla nostra newsletter", "il tuo indirizzo email",
        "assine nossa newsletter", "assine a nossa newsletter", "inscreva-se na nossa newsletter",
        "seu endereço de e-mail", "o seu e-mail",
        "schrijf je in voor onze nieuwsbrief", "meld je aan voor onze nieuwsbrief",
        "je e-mailadres", "zapisz się do newslettera", "zapisz się na newsletter",
        "twój adres e-mail",
    ],
    phrase_max_words: 60,
};

const APPEAL: Lexicon = Lexicon {
    category: Category::Appeal,
    labels: &[
        "donate", "donate now", "support us", "make a donation", "become a member",
        "become a supporter", "subscribe now", "contribute", "once", "monthly", "annual",
        "annually", "one-time", "remind me later", "maybe later", "not now",
        "faire un don", "faites un don", "soutenez-nous", "nous soutenir", "je m'abonne",
        "jetzt spenden", "spenden", "unterstützen sie uns", "jetzt unterstützen",
        "dona", "donar", "apóyanos", "haz una donación", "поддержать", "поддержите нас",
        "пожертвовать", "підтримати", "підтримайте нас", "dona ora", "sostienici", "doe agora",
        "apoie", "doneer", "steun ons", "wesprzyj nas", "wpłać",
    ],
    headings: &[
        "a message from", "a note from", "a letter from", "dear reader", "dear readers",
        "support independent", "support our", "support quality", "help us", "we need your help",
        "before you go", "un message de", "chers lecteurs", "chère lectrice", "soutenez",
        "liebe leserinnen", "liebe leser", "eine nachricht von", "unterstützen sie",
        "queridos lectores", "querido lector", "un mensaje de", "apoya", "дорогие читатели",
        "уважаемые читатели", "дорогі читачі", "шановні читачі", "cari lettori",
        "caros leitores", "caro leitor", "beste lezers", "drodzy czytelnicy",
    ],
    phrases: &[
        "support independent journalism", "support our journalism", "support quality journalism",
        "support our work", "please support us", "support us monthly", "make a donation",
        "donate now", "donate today", "every contribution", "your contribution", "your donation",
        "your support, no matter how small", "no matter how small", "not ready to support",
        "become a member", "become a supporter", "become a subscriber", "support us today",
        "already a subscriber", "already a member", "subscribe to continue reading",
        "subscribe to read", "this content is for subscribers", "unlimited access",
        "for just $", "for as little as", "from just $", "starting from just",
        "we need your help", "reader-funded", "reader funded", "by supporting",
        "soutenez notre journalisme", "soutenez-nous", "faire un don", "faites un don",
        "votre don", "déjà abonné", "abonnez-vous pour lire", "réservé aux abonnés",
        "unterstützen sie unabhängigen journalismus", "unterstützen sie uns", "jetzt spenden",
        "ihre spende", "bereits abonnent", "werden sie mitglied", "jetzt abonnieren",
        "weiterlesen mit", "apoya el periodismo", "apóyanos", "haz una donación",
        "tu donación", "hazte socio", "ya eres suscriptor", "suscríbete para seguir leyendo",
        "поддержите нас", "поддержите независимую журналистику", "поддержать редакцию",
        "сделать пожертвование", "ваше пожертвование", "оформите подписку",
        "підтримайте нас", "підтримати редакцію", "sostieni il giornalismo",
        "fai una donazione", "abbonati per", "apoie o jornalismo", "faça uma doação",
        "já é assinante", "steun onze journalistiek", "word lid", "wesprzyj nas",
        "wesprzyj niezależne dziennikarstwo",
    ],
    phrase_max_words: 60,
};

const COOKIE: Lexicon = Lexicon {
    category: Category::Cookie,
    labels: &[
        "accept", "accept all", "reject all", "accept cookies", "manage cookies",
        "cookie settings", "cookie preferences", "manage preferences", "i agree", "agree",
        "got it", "tout accepter", "tout refuser", "accepter", "paramétrer les cookies",
        "alle akzeptieren", "akzeptieren", "ablehnen", "cookie-einstellungen",
        "aceptar", "aceptar todo", "rechazar todo", "configurar cookies", "принять",
        "принять все", "прийняти", "accetta", "accetta tutto", "aceitar", "aceitar todos",
        "accepteren", "alles accepteren", "akceptuję", "zaakceptuj wszystkie",
    ],
    headings: &["cookie policy", "cookie notice", "cookies on", "we value your privacy", "your privacy"],
    phrases: &[
        "we use cookies", "this site uses cookies", "this website uses cookies",
        "uses cookies to", "use of cookies", "accept cookies", "accept all cookies",
        "cookie policy", "cookie settings", "by continuing to browse", "by continuing to use",
        "we and our partners", "we value your privacy", "store and/or access information",
        "nous utilisons des cookies", "ce site utilise des cookies", "utilise des cookies",
        "accepter les cookies", "gérer les cookies", "politique de cookies",
        "en poursuivant votre navigation", "vos choix de cookies",
        "wir verwenden cookies", "wir nutzen cookies", "diese website verwendet cookies",
        "verwendet cookies", "cookies akzeptieren", "einsatz von cookies",
        "utilizamos cookies", "usamos cookies", "este sitio web utiliza cookies",
        "utiliza cookies", "aceptar cookies", "política de cookies", "uso de cookies",
        "мы используем файлы cookie", "мы используем cookie", "использует файлы cookie",
        "использует cookies", "использование файлов cookie", "ми використовуємо файли cookie",
        "використовує файли cookie", "utilizziamo i cookie", "utilizza i cookie",
        "utilizza cookie", "utilizamos cookies", "este site utiliza cookies", "usa cookies",
        "wij gebruiken cookies", "deze website gebruikt cookies", "gebruikt cookies",
        "używamy plików cookie", "używa plików cookie", "korzysta z plików cookie",
    ],
    phrase_max_words: 150,
};

const SHARE: Lexicon = Lexicon {
    category: Category::Share,
    labels: &[
        "share", "share this", "share this article", "share this story", "share this post",
        "share on facebook", "share on twitter", "share on x", "share on linkedin",
        "share via email", "share article", "tweet", "facebook", "twitter", "x", "linkedin",
        "whatsapp", "telegram", "reddit", "pinterest", "email", "e-mail", "copy link",
        "copy the link", "link copied", "share:", "follow us", "follow", "flipboard",
        "partager", "partager cet article", "partagez", "partager sur facebook", "suivez-nous",
        "teilen", "artikel teilen", "auf facebook teilen", "folgen sie uns", "link kopieren",
        "compartir", "comparte", "compartir en facebook", "síguenos", "copiar enlace",
        "поделиться", "поделитесь", "подписывайтесь", "поділитися", "condividi",
        "condividi su facebook", "seguici", "compartilhe", "compartilhar", "partilhar",
        "siga-nos", "delen", "deel dit artikel", "volg ons", "udostępnij", "obserwuj nas",
    ],
    headings: &["share this", "follow us on", "suivez-nous sur", "folgen sie uns auf", "síguenos en"],
    phrases: &[
        "share this article", "share on facebook", "share on twitter", "share on whatsapp",
        "follow us on", "click to share", "opens in new window", "partager sur facebook",
        "partagez cet article", "suivez-nous sur", "auf facebook teilen", "folgen sie uns auf",
        "compartir en facebook", "síguenos en", "поделиться в", "подписывайтесь на нас",
        "condividi su", "seguici su", "compartilhe no", "siga-nos no", "deel op", "volg ons op",
        "udostępnij na", "obserwuj nas na",
    ],
    phrase_max_words: 25,
};

const RELATED: Lexicon = Lexicon {
    category: Category::Related,
    labels: &[
        "related", "related articles", "related stories", "related posts", "related news",
        "related content", "related coverage", "read also", "read next", "more news",
        "more stories", "more from", "most read", "most popular", "most viewed", "popular",
        "trending", "trending now", "editors' picks", "editor's picks", "recommended",
        "recommended for you", "you may also like", "you might also like", "news feed",
        "latest news", "latest", "top stories", "see also", "also read", "what to read next",
        "in other news", "more on this story", "more on this topic",
        "à lire aussi", "lire aussi", "sur le même sujet", "les plus lus", "articles similaires",
        "dans la même rubrique", "à voir aussi", "fil info", "fil d'actualité", "à la une",
        "dernières actualités", "mehr zum thema", "weitere artikel", "meistgelesen",
        "meistgelesene artikel", "auch interessant", "lesen sie auch", "verwandte artikel",
        "neueste artikel", "top-themen", "das könnte sie auch interessieren",
        "noticias relacionadas", "te puede interesar", "lo más leído", "más noticias",
        "lee también", "también te puede interesar", "artículos relacionados",
        "últimas noticias", "читайте также", "по теме", "похожие статьи", "самое читаемое",
        "популярное", "новости по теме", "лента новостей", "другие новости", "ещё по теме",
        "еще по теме", "последние новости", "читайте також", "по темі", "новини по темі",
        "стрічка новин", "популярне", "останні новини", "leggi anche", "articoli correlati",
        "i più letti", "potrebbe interessarti", "ultime notizie", "leia também", "veja também",
        "notícias relacionadas", "mais lidas", "mais notícias", "lees ook", "meest gelezen",
        "gerelateerde artikelen", "laatste nieuws", "czytaj także", "czytaj też", "zobacz też",
        "zobacz także", "najczęściej czytane", "powiązane artykuły", "najnowsze",
    ],
    headings: &[
        "related", "more from", "more news", "more stories", "most read", "most popular",
        "read also", "read more:", "read next", "see also", "also read", "recommended",
        "you may also", "you might also", "editors' picks", "news feed", "latest news",
        "top stories", "à lire aussi", "lire aussi", "sur le même sujet", "les plus lus",
        "mehr zum thema", "mehr aus", "weitere artikel", "lesen sie auch", "meistgelesen",
        "noticias relacionadas", "te puede interesar", "lo más leído", "más noticias",
        "lee también", "más de", "читайте также", "по теме", "похожие", "самое читаемое",
        "лента новостей", "другие новости", "читайте також", "по темі", "стрічка новин",
        "leggi anche", "articoli correlati", "leia também", "veja também", "notícias relacionadas",
        "lees ook", "meest gelezen", "czytaj także", "czytaj też", "zobacz też",
    ],
    phrases: &[],
    phrase_max_words: 0,
};

const AUDIO: Lexicon = Lexicon {
    category: Category::Audio,
    labels: &[
        "listen", "listen to this article", "listen to article", "listen to this story",
        "play audio", "audio", "listen now", "écouter", "écouter cet article",
        "écouter l'article", "anhören", "artikel anhören", "vorlesen", "escuchar",
        "escuchar este artículo", "escuchar noticia", "слушать", "прослушать статью",
        "слушать статью", "слухати", "прослухати статтю", "ascolta", "ascolta l'articolo",
        "ouvir", "ouvir este artigo", "ouça este artigo", "luister", "beluister dit artikel",
        "posłuchaj", "odsłuchaj artykuł",
    ],
    headings: &[],
    phrases: &[
        "listen to this article", "listen to this story", "listen to the article",
        "audio is created with ai", "audio is generated", "audio was generated",
        "voice is ai-generated", "ai-generated voice", "ai-generated audio", "ai voice",
        "text-to-speech", "text to speech", "this article was narrated", "narrated by ai",
        "audio version of this article", "écouter cet article", "écouter l'article",
        "voix de synthèse", "voix générée", "version audio de cet article",
        "artikel anhören", "artikel vorlesen", "künstliche stimme", "ki-stimme",
        "computerstimme", "escuchar este artículo", "escucha este artículo",
        "voz generada por", "voz artificial", "прослушать статью", "слушать статью",
        "озвучено с помощью", "синтезированным голосом", "прослухати статтю",
        "ascolta l'articolo", "ascolta questo articolo", "voce generata", "ouvir este artigo",
        "ouça este artigo", "voz gerada", "luister naar dit artikel", "voorgelezen door",
        "posłuchaj artykułu", "odsłuchaj artykuł",
    ],
    phrase_max_words: 30,
};

const COMMENTS: Lexicon = Lexicon {
    category: Category::Comments,
    labels: &[
        "comments", "comment", "leave a comment", "leave a reply", "add a comment",
        "post a comment", "write a comment", "show comments", "view comments", "load comments",
        "join the conversation", "join the discussion", "reply", "post comment",
        "commentaires", "laisser un commentaire", "ajouter un commentaire", "réagir", "répondre",
        "kommentare", "kommentar schreiben", "kommentieren", "antworten", "comentarios",
        "deja un comentario", "dejar un comentario", "comentar", "responder", "комментарии",
        "оставить комментарий", "добавить комментарий", "ответить", "коментарі",
        "залишити коментар", "commenti", "lascia un commento", "rispondi", "comentários",
        "deixe um comentário", "reacties", "laat een reactie achter", "reageer",
        "komentarze", "dodaj komentarz", "odpowiedz",
    ],
    headings: &[
        "comments", "leave a comment", "leave a reply", "join the conversation",
        "join the discussion", "commentaires", "laisser un commentaire", "kommentare",
        "comentarios", "deja un comentario", "комментарии", "коментарі", "commenti",
        "comentários", "reacties", "komentarze",
    ],
    phrases: &[
        "your email address will not be published", "required fields are marked",
        "log in to comment", "sign in to comment", "comments are closed", "be the first to comment",
        "votre adresse e-mail ne sera pas publiée", "votre adresse email ne sera pas publiée",
        "deine e-mail-adresse wird nicht veröffentlicht",
        "ihre e-mail-adresse wird nicht veröffentlicht",
        "tu dirección de correo electrónico no será publicada",
        "ваш адрес email не будет опубликован", "ваш e-mail не будет опубликован",
        "il tuo indirizzo email non sarà pubblicato", "o seu endereço de email não será publicado",
        "je e-mailadres wordt niet gepubliceerd",
    ],
    phrase_max_words: 30,
};

const ADS: Lexicon = Lexicon {
    category: Category::Ads,
    labels: &[
        "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content",
        "paid content", "partner content", "promoted", "promoted content", "sponsored by",
        "story continues below advertisement", "article continues below advertisement",
        "article continues below", "continue reading below", "scroll to continue with content",
        "publicité", "contenu sponsorisé", "annonce", "la suite après la publicité",
        "suite après la publicité", "anzeige", "werbung", "gesponsert",
        "artikel wird unter der anzeige fortgesetzt", "weiter nach der anzeige", "publicidad",
        "contenido patrocinado", "anuncio", "sigue leyendo después del anuncio", "реклама",
        "на правах рекламы", "партнерский материал", "спецпроект", "pubblicità",
        "contenuto sponsorizzato", "publicidade", "conteúdo patrocinado", "advertentie",
        "gesponsord", "reklama", "artykuł sponsorowany", "materiał sponsorowany",
    ],
    headings: &[],
    phrases: &["continues below advertisement", "continues after advertisement"],
    phrase_max_words: 8,
};

const LEGAL: Lexicon = Lexicon {
    category: Category::Legal,
    labels: &[
        "privacy policy", "terms of use", "terms of service", "terms and conditions",
        "cookie policy", "contact us", "about us", "imprint", "legal notice", "disclaimer",
        "mentions légales", "politique de confidentialité", "conditions d'utilisation",
        "impressum", "datenschutz", "datenschutzerklärung", "nutzungsbedingungen",
        "aviso legal", "política de privacidad", "términos y condiciones",
        "политика конфиденциальности", "пользовательское соглашение",
        "політика конфіденційності", "informativa sulla privacy", "política de privacidade",
        "privacybeleid", "polityka prywatności",
    ],
    headings: &[],
    phrases: &[
        "all rights reserved", "copyright ©", "© copyright", "tous droits réservés",
        "alle rechte vorbehalten", "todos los derechos reservados", "все права защищены",
        "всі права захищені", "усі права захищено", "tutti i diritti riservati",
        "todos os direitos reservados", "alle rechten voorbehouden",
        "wszelkie prawa zastrzeżone", "reproduction interdite", "при использовании материалов",
        "перепечатка материалов", "without permission is prohibited",
    ],
    phrase_max_words: 40,
};

const AUTHOR_BIO: Lexicon = Lexicon {
    category: Category::AuthorBio,
    labels: &[
        "about the author", "about the writer", "about the reporter", "about the authors",
        "author bio", "à propos de l'auteur", "l'auteur", "über den autor", "über die autorin",
        "zur person", "sobre el autor", "sobre la autora", "acerca del autor", "об авторе",
        "про автора", "sull'autore", "l'autore", "sobre o autor", "over de auteur",
        "o autorze",
    ],
    headings: &[
        "about the author", "about the writer", "about the reporter", "à propos de l'auteur",
        "über den autor", "über die autorin", "sobre el autor", "acerca del autor",
        "об авторе", "про автора", "sull'autore", "sobre o autor", "over de auteur",
        "o autorze",
    ],
    phrases: &[],
    phrase_max_words: 0,
};

const LEXICONS: [&Lexicon; 12] = [
    &NAVIGATION, &NEWSLETTER, &APPEAL, &COOKIE, &SHARE, &RELATED, &AUDIO, &COMMENTS, &ADS,
    &LEGAL, &AUTHOR_BIO, &CAPTION,
];

const CAPTION: Lexicon = Lexicon {
    category: Category::Caption,
    labels: &["photo", "photos", "video", "gallery", "image", "enlarge", "zoom", "view gallery"],
    headings: &[],
    phrases: &[],
    phrase_max_words: 0,
};

/// How a block matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub category: Category,
    pub rule: &'static str,
    /// A heading that opens a section of this category (what follows belongs to it).
    pub opens_section: bool,
}

struct Tables {
    labels: HashMap<&'static str, Category>,
    headings: Vec<(&'static str, Category)>,
    phrases: AhoCorasick,
    phrase_meta: Vec<(Category, usize)>,
}

static TABLES: LazyLock<Option<Tables>> = LazyLock::new(|| {
    let mut labels = HashMap::new();
    let mut headings = Vec::new();
    let mut phrases = Vec::new();
    let mut phrase_meta = Vec::new();
    for lex in LEXICONS {
        for label in lex.labels {
            // The first table to claim a label keeps it (order of LEXICONS).
            labels.entry(*label).or_insert(lex.category);
        }
        for heading in lex.headings {
            headings.push((*heading, lex.category));
        }
        for phrase in lex.phrases {
            phrases.push(*phrase);
            phrase_meta.push((lex.category, lex.phrase_max_words));
        }
    }
    // Longest heading prefixes first, so "more from" does not shadow a longer entry.
    headings.sort_by_key(|(h, _)| std::cmp::Reverse(h.len()));
    let phrases = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .ok()?;
    Some(Tables {
        labels,
        headings,
        phrases,
        phrase_meta,
    })
});

/// Lower case, typographic quotes and apostrophes made straight, whitespace collapsed.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        let ch = match ch {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        };
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(ch.to_lowercase());
    }
    out
}

/// The block as a label: normalised, without leading/trailing punctuation, symbols or emoji.
pub(crate) fn label_key(normalised: &str) -> &str {
    normalised
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(['.', ':', '!', '?', ' '])
}

/// Matches a block against the lexicons. `words` is the block's word count; `heading_like`
/// says whether it reads like a heading (short, no sentence punctuation).
pub(crate) fn lookup(text: &str, words: usize, heading_like: bool) -> Option<Hit> {
    let tables = TABLES.as_ref()?;
    // Long blocks can only match phrases with a generous limit; skip the work for huge ones.
    if words > 150 {
        return None;
    }
    let norm = normalise(text);
    let key = label_key(&norm);
    if key.is_empty() {
        return None;
    }
    if let Some(&category) = tables.labels.get(key) {
        return Some(Hit {
            category,
            rule: label_rule(category),
            opens_section: heading_like && opens_sections(category),
        });
    }
    if heading_like && words <= 16 {
        if let Some(category) = heading_match(tables, key) {
            return Some(Hit {
                category,
                rule: heading_rule(category),
                opens_section: true,
            });
        }
    }
    if let Some(hit) = exclamation_appeal(key, &norm, words) {
        return Some(hit);
    }
    for m in tables.phrases.find_iter(&norm) {
        let Some(&(category, max_words)) = tables.phrase_meta.get(m.pattern().as_usize()) else {
            continue;
        };
        if words <= max_words && at_word_boundaries(&norm, m.start(), m.end()) {
            return Some(Hit {
                category,
                rule: phrase_rule(category),
                opens_section: false,
            });
        }
    }
    None
}

fn heading_match(tables: &Tables, key: &str) -> Option<Category> {
    tables.headings.iter().find_map(|&(prefix, category)| {
        let rest = key.strip_prefix(prefix)?;
        // A whole-word prefix: "related" must not match "relatedness".
        (rest.is_empty() || rest.starts_with([' ', ':', ',', '-', '\''])).then_some(category)
    })
}

/// "Support The Daily Planet!", "Soutenez Le Monde !", "Поддержите нас!": a short imperative
/// to support or donate, ending in an exclamation mark.
fn exclamation_appeal(key: &str, norm: &str, words: usize) -> Option<Hit> {
    const VERBS: [&str; 14] = [
        "support ", "donate ", "soutenez ", "unterstützen sie ", "unterstütze ", "apoya ",
        "apoye ", "поддержите ", "підтримайте ", "sostieni ", "apoie ", "steun ", "wesprzyj ",
        "help ",
    ];
    let exclaims = norm.trim_end().ends_with('!');
    (exclaims && words <= 6 && VERBS.iter().any(|v| key.starts_with(v))).then_some(Hit {
        category: Category::Appeal,
        rule: "appeal.exclamation",
        opens_section: false,
    })
}

fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let ok = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    // Phrases ending in "$" or "by" + space are prefixes of a longer unit; still check start.
    ok(before) && (ok(after) || text.get(..end).is_some_and(|s| s.ends_with(['$', ' '])))
}

fn opens_sections(category: Category) -> bool {
    matches!(
        category,
        Category::Related | Category::Comments | Category::AuthorBio | Category::Newsletter
    )
}

fn label_rule(category: Category) -> &'static str {
    match category {
        Category::Navigation => "navigation.label",
        Category::Newsletter => "newsletter.label",
        Category::Appeal => "appeal.label",
        Category::Cookie => "cookie.label",
        Category::Share => "share.label",
        Category::Related => "related.label",
        Category::Caption => "caption.label",
        Category::Audio => "audio.label",
        Category::Comments => "comments.label",
        Category::Ads => "ads.label",
        Category::Legal => "legal.label",
        Category::AuthorBio => "author_bio.label",
        Category::Byline => "byline.label",
        Category::Title => "title.label",
        Category::Other => "other.label",
    }
}

fn heading_rule(category: Category) -> &'static str {
    match category {
        Category::Navigation => "navigation.heading",
        Category::Newsletter => "newsletter.heading",
        Category::Appeal => "appeal.heading",
        Category::Cookie => "cookie.heading",
        Category::Share => "share.heading",
        Category::Related => "related.heading",
        Category::Caption => "caption.heading",
        Category::Audio => "audio.heading",
        Category::Comments => "comments.heading",
        Category::Ads => "ads.heading",
        Category::Legal => "legal.heading",
        Category::AuthorBio => "author_bio.heading",
        Category::Byline => "byline.heading",
        Category::Title => "title.heading",
        Category::Other => "other.heading",
    }
}

fn phrase_rule(category: Category) -> &'static str {
    match category {
        Category::Navigation => "navigation.phrase",
        Category::Newsletter => "newsletter.phrase",
        Category::Appeal => "appeal.phrase",
        Category::Cookie => "cookie.phrase",
        Category::Share => "share.phrase",
        Category::Related => "related.phrase",
        Category::Caption => "caption.phrase",
        Category::Audio => "audio.phrase",
        Category::Comments => "comments.phrase",
        Category::Ads => "ads.phrase",
        Category::Legal => "legal.phrase",
        Category::AuthorBio => "author_bio.phrase",
        Category::Byline => "byline.phrase",
        Category::Title => "title.phrase",
        Category::Other => "other.phrase",
    }
}
