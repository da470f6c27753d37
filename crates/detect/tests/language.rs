//! `language`: ISO 639-3 codes for ordinary paragraphs, `und` for too little text.

use deboil_detect::language;

const PARAGRAPHS: &[(&str, &str)] = &[
    (
        "eng",
        "The committee met on Tuesday to discuss the budget for next year. Several members argued that spending on public transport should be increased, while others wanted to lower taxes instead.",
    ),
    (
        "fra",
        "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine. Plusieurs membres ont estimé qu'il fallait augmenter les dépenses pour les transports publics, tandis que d'autres voulaient baisser les impôts.",
    ),
    (
        "deu",
        "Der Ausschuss traf sich am Dienstag, um den Haushalt für das nächste Jahr zu besprechen. Mehrere Mitglieder meinten, dass die Ausgaben für den öffentlichen Verkehr erhöht werden sollten, während andere die Steuern senken wollten.",
    ),
    (
        "spa",
        "El comité se reunió el martes para discutir el presupuesto del próximo año. Varios miembros argumentaron que se debería aumentar el gasto en transporte público, mientras que otros querían bajar los impuestos.",
    ),
    (
        "ita",
        "Il comitato si è riunito martedì per discutere il bilancio del prossimo anno. Diversi membri hanno sostenuto che la spesa per il trasporto pubblico dovrebbe essere aumentata, mentre altri volevano ridurre le tasse.",
    ),
    (
        "por",
        "O comitê se reuniu na terça-feira para discutir o orçamento do próximo ano. Vários membros argumentaram que os gastos com transporte público deveriam ser aumentados, enquanto outros queriam reduzir os impostos.",
    ),
    (
        "rus",
        "Комитет собрался во вторник, чтобы обсудить бюджет на следующий год. Несколько членов утверждали, что расходы на общественный транспорт следует увеличить, а другие хотели снизить налоги.",
    ),
    (
        "ukr",
        "Комітет зібрався у вівторок, щоб обговорити бюджет на наступний рік. Кілька членів стверджували, що витрати на громадський транспорт слід збільшити, тоді як інші хотіли знизити податки.",
    ),
    (
        "pol",
        "Komitet zebrał się we wtorek, aby omówić budżet na przyszły rok. Kilku członków twierdziło, że należy zwiększyć wydatki na transport publiczny, podczas gdy inni chcieli obniżyć podatki.",
    ),
    (
        "jpn",
        "委員会は火曜日に会合を開き、来年度の予算について話し合った。何人かの委員は公共交通機関への支出を増やすべきだと主張したが、他の委員は減税を望んだ。",
    ),
    (
        "cmn",
        "委员会周二开会讨论明年的预算。几位委员认为应该增加公共交通方面的支出，而其他委员则希望降低税收。",
    ),
];

#[test]
fn paragraphs_are_identified() {
    let mut wrong = Vec::new();
    for (code, text) in PARAGRAPHS {
        let got = language(text);
        if got.code != *code || !(got.confidence > 0.0 && got.confidence <= 1.0) {
            wrong.push(format!("{code}: got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn too_little_text_is_undetermined() {
    for text in [
        "",
        "OK",
        "12345",
        "   \n ",
        "Hi there",
        "!!! ??? ... 2024-01-01 12:00",
        "ok ok ok ok ok ok",
    ] {
        let got = language(text);
        assert_eq!((got.code, got.confidence), ("und", 0.0), "{text:?}");
    }
}

#[test]
fn unreliable_guesses_are_undetermined() {
    // Enough letters to pass the length gate, but whatlang's best guess is a near-tie.
    let got = language("asdf qwer zxcv uiop hjkl bnm");
    assert_eq!((got.code, got.confidence), ("und", 0.0));
}

#[test]
fn long_text_is_truncated_safely() {
    // Far beyond the 20,000-character window, with multi-byte characters at the cut.
    let text = PARAGRAPHS[6].1.repeat(2000);
    assert_eq!(language(&text).code, "rus");
    let text = PARAGRAPHS[9].1.repeat(2000);
    assert_eq!(language(&text).code, "jpn");
}
