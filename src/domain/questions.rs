//! A cycle's own registration questions (SPEC: Question): their definitions
//! as the cycle file gives them (`[[questions]]`), checked once on import, and
//! the answers a registration form brings (`q_{key}` fields), checked like the
//! fixed fields. Pure: no database, no web.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cycle_file::FieldProblem;
use super::text::{is_invisible, is_meant, nfc, Lines};

/// Text per language code (`lv`, `en`, `ru`, …), as the cycle file writes it:
/// `label = { lv = "…", en = "…" }`.
pub type Labels = BTreeMap<String, String>;

/// The kinds of question (SPEC: `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Text,
    LongText,
    Choice,
    MultiChoice,
    YesNo,
    Date,
}

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::Text,
        Kind::LongText,
        Kind::Choice,
        Kind::MultiChoice,
        Kind::YesNo,
        Kind::Date,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::LongText => "long_text",
            Kind::Choice => "choice",
            Kind::MultiChoice => "multi_choice",
            Kind::YesNo => "yes_no",
            Kind::Date => "date",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == s)
    }
    /// Kinds answered by picking from the question's own options.
    pub fn has_options(self) -> bool {
        matches!(self, Kind::Choice | Kind::MultiChoice)
    }
    /// The longest answer typed into a text question, in characters.
    pub fn max_answer(self) -> usize {
        match self {
            Kind::LongText => MAX_LONG_ANSWER,
            _ => MAX_ANSWER,
        }
    }
}

// Limits, in characters (and counts): generous for real forms, small enough
// that a page of questions stays a page.
pub const MAX_QUESTIONS: usize = 30;
pub const MAX_OPTIONS: usize = 50;
pub const MAX_KEY: usize = 40;
pub const MAX_LABEL: usize = 300;
pub const MAX_HINT: usize = 1000;
pub const MAX_OPTION_LABEL: usize = 200;
pub const MAX_ANSWER: usize = 500;
pub const MAX_LONG_ANSWER: usize = 5000;

/// The fixed registration fields (and the form's own): a question key that
/// equals one would make two columns of one name in the export.
pub const FIXED_FIELDS: &[&str] = &[
    "id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "institution",
    "institution_type",
    "position",
    "region",
    "country",
    "language",
    "consent",
    "status",
    "registered_at",
    "confirmed_at",
    "consent_at",
    "consent_version",
    "website",
    "csrf_token",
];

/// One option of a choice: a stable key (stored and exported) and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub key: String,
    pub label: Labels,
}

/// A question known to be valid (stored with its cycle as JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub key: String,
    pub kind: Kind,
    pub required: bool,
    pub label: Labels,
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub hint: Labels,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
}

/// A question as written in the cycle file, before any check.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub key: String,
    pub kind: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub label: Labels,
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub hint: Labels,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<RawOption>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub key: String,
    #[serde(default)]
    pub label: Labels,
}

impl From<&Question> for RawQuestion {
    fn from(q: &Question) -> Self {
        RawQuestion {
            key: q.key.clone(),
            kind: q.kind.as_str().to_string(),
            required: q.required,
            label: q.label.clone(),
            hint: q.hint.clone(),
            options: q
                .options
                .iter()
                .map(|o| RawOption {
                    key: o.key.clone(),
                    label: o.label.clone(),
                })
                .collect(),
        }
    }
}

/// The words of `labels` in the page's language, else the cycle's, else
/// English, else any (a label in one language is better than none).
pub fn pick<'a>(labels: &'a Labels, page: &str, cycle: &str) -> &'a str {
    [page, cycle, "en"]
        .iter()
        .find_map(|lang| labels.get(*lang))
        .or_else(|| labels.values().next())
        .map_or("", String::as_str)
}

/// A key: lowercase ASCII letters, digits and underscores, starting with a
/// letter (it names a form field `q_{key}` and an export column).
pub fn is_key(s: &str) -> bool {
    (1..=MAX_KEY).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A language code of a label: two or three lowercase letters.
fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn problem(out: &mut Vec<FieldProblem>, field: String, problem: &'static str) {
    out.push(FieldProblem { field, problem });
}

/// Checks one set of words per language: at least one language when
/// `required`, valid language codes, one line each within `max`.
fn check_labels(
    field: &str,
    labels: &Labels,
    max: usize,
    required: bool,
    out: &mut Vec<FieldProblem>,
) -> Labels {
    let cleaned: Labels = labels
        .iter()
        .map(|(lang, text)| (lang.trim().to_string(), nfc(text.trim())))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    if required && cleaned.is_empty() {
        problem(out, field.to_string(), "required");
    } else if cleaned.keys().any(|lang| !is_language_code(lang)) {
        problem(out, field.to_string(), "question-label-language");
    } else if cleaned.values().any(|t| t.chars().count() > max) {
        problem(out, field.to_string(), "too-long");
    } else if cleaned
        .values()
        .any(|t| !is_meant(t, Lines::One) || t.chars().any(is_invisible))
    {
        problem(out, field.to_string(), "control-chars");
    }
    cleaned
}

/// Checks the cycle file's questions and reports every problem, each named by
/// its question (`questions[2].kind`).
pub fn validate(raw: Vec<RawQuestion>, out: &mut Vec<FieldProblem>) -> Vec<Question> {
    if raw.len() > MAX_QUESTIONS {
        problem(out, "questions".into(), "question-too-many");
        return Vec::new();
    }
    let mut questions: Vec<Question> = Vec::new();
    for (i, q) in raw.into_iter().enumerate() {
        let before = out.len();
        let field = |name: &str| format!("questions[{}].{name}", i + 1);
        let key = q.key.trim().to_string();
        if !is_key(&key) {
            problem(out, field("key"), "question-key");
        } else if FIXED_FIELDS.contains(&key.as_str()) || questions.iter().any(|o| o.key == key) {
            problem(out, field("key"), "question-key-taken");
        }
        let kind = Kind::parse(q.kind.trim());
        if kind.is_none() {
            problem(out, field("kind"), "question-kind");
        }
        let label = check_labels(&field("label"), &q.label, MAX_LABEL, true, out);
        let hint = check_labels(&field("hint"), &q.hint, MAX_HINT, false, out);
        let mut options = Vec::new();
        match kind {
            Some(k) if k.has_options() => {
                if q.options.len() < 2 {
                    problem(out, field("options"), "question-options-needed");
                } else if q.options.len() > MAX_OPTIONS {
                    problem(out, field("options"), "question-options-too-many");
                }
                for (j, o) in q.options.iter().enumerate() {
                    let of = |name: &str| format!("questions[{}].options[{}].{name}", i + 1, j + 1);
                    let okey = o.key.trim().to_string();
                    if !is_key(&okey) {
                        problem(out, of("key"), "question-key");
                    } else if options.iter().any(|p: &ChoiceOption| p.key == okey) {
                        problem(out, of("key"), "question-key-taken");
                    }
                    let label = check_labels(&of("label"), &o.label, MAX_OPTION_LABEL, true, out);
                    options.push(ChoiceOption { key: okey, label });
                }
            }
            Some(_) if !q.options.is_empty() => {
                problem(out, field("options"), "question-options-unwanted")
            }
            _ => {}
        }
        if let (Some(kind), true) = (kind, out.len() == before) {
            questions.push(Question {
                key,
                kind,
                required: q.required,
                label,
                hint,
                options,
            });
        }
    }
    questions
}

/// One answer as stored: the text typed, the option key chosen, the option
/// keys chosen joined by `,` (keys never hold one), `yes`/`no`, or the date
/// as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub key: String,
    pub value: String,
}

/// What is wrong with an answer; the web words it with the question's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    /// A required text or date left empty.
    Missing,
    /// A required choice (or yes/no) not chosen.
    NotChosen,
    /// A value that is not one of the options (a forged or stale form).
    NotAnOption,
    /// Not a real date in `YYYY-MM-DD`.
    NotADate,
    TooLong,
    /// Control or invisible characters, or a wrong encoding's U+FFFD.
    Unreadable,
}

impl AnswerProblem {
    /// The message key (`question-error-…`); the message takes `$label`.
    pub fn message_key(self) -> &'static str {
        match self {
            AnswerProblem::Missing => "question-error-missing",
            AnswerProblem::NotChosen => "question-error-not-chosen",
            AnswerProblem::NotAnOption => "question-error-not-an-option",
            AnswerProblem::NotADate => "question-error-date",
            AnswerProblem::TooLong => "question-error-too-long",
            AnswerProblem::Unreadable => "question-error-unreadable",
        }
    }
}

/// The form field of a question.
pub fn field_name(key: &str) -> String {
    format!("q_{key}")
}

/// The values the form sent for one question (several for `multi_choice`).
pub fn sent<'a>(form: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    let name = field_name(key);
    form.iter()
        .filter(|(k, _)| *k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// A date people mean: `YYYY-MM-DD` (what `<input type="date">` sends), in
/// a sane range of years.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    ((1900..=2200).contains(&d.year()) && s.len() == 10).then_some(d)
}

/// One question's answer from the form: `Ok(None)` when an optional
/// question was left empty.
pub fn answer(q: &Question, form: &[(String, String)]) -> Result<Option<Answer>, AnswerProblem> {
    let values: Vec<&str> = sent(form, &q.key)
        .into_iter()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    let value = match q.kind {
        Kind::Text | Kind::LongText | Kind::Date => {
            let typed = values.first().copied().unwrap_or("");
            if typed.is_empty() {
                return if q.required {
                    Err(AnswerProblem::Missing)
                } else {
                    Ok(None)
                };
            }
            let lines = if q.kind == Kind::LongText {
                Lines::Many
            } else {
                Lines::One
            };
            if typed.chars().count() > q.kind.max_answer() {
                return Err(AnswerProblem::TooLong);
            }
            if !is_meant(typed, lines) || typed.chars().any(is_invisible) {
                return Err(AnswerProblem::Unreadable);
            }
            if q.kind == Kind::Date {
                parse_date(typed)
                    .ok_or(AnswerProblem::NotADate)?
                    .format("%Y-%m-%d")
                    .to_string()
            } else {
                nfc(typed)
            }
        }
        Kind::Choice | Kind::YesNo | Kind::MultiChoice => {
            if values.is_empty() {
                return if q.required {
                    Err(AnswerProblem::NotChosen)
                } else {
                    Ok(None)
                };
            }
            let known = |v: &str| match q.kind {
                Kind::YesNo => v == "yes" || v == "no",
                _ => q.options.iter().any(|o| o.key == v),
            };
            if !values.iter().all(|v| known(v)) {
                return Err(AnswerProblem::NotAnOption);
            }
            if q.kind == Kind::MultiChoice {
                // In the options' order, each once, whatever order was sent.
                q.options
                    .iter()
                    .filter(|o| values.contains(&o.key.as_str()))
                    .map(|o| o.key.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            } else if values.len() > 1 {
                return Err(AnswerProblem::NotAnOption);
            } else {
                values[0].to_string()
            }
        }
    };
    Ok(Some(Answer {
        key: q.key.clone(),
        value,
    }))
}

/// Every question's answer from the form, or every problem (by question key,
/// in the questions' order).
pub fn answers(
    questions: &[Question],
    form: &[(String, String)],
) -> Result<Vec<Answer>, Vec<(String, AnswerProblem)>> {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for q in questions {
        match answer(q, form) {
            Ok(Some(a)) => good.push(a),
            Ok(None) => {}
            Err(p) => bad.push((q.key.clone(), p)),
        }
    }
    if bad.is_empty() {
        Ok(good)
    } else {
        Err(bad)
    }
}

/// A stored answer as people read it (exports, the organisers' pages): the
/// options' words in `lang` (falling back as [`pick`] does), joined by "; "
/// for several; `yes`/`no` and dates as stored; an option no longer offered
/// as its key.
pub fn shown(q: &Question, value: &str, yes_no: (&str, &str), page: &str, cycle: &str) -> String {
    let option = |key: &str| {
        q.options.iter().find(|o| o.key == key).map_or_else(
            || key.to_string(),
            |o| pick(&o.label, page, cycle).to_string(),
        )
    };
    match q.kind {
        Kind::Choice => option(value),
        Kind::MultiChoice => value
            .split(',')
            .filter(|k| !k.is_empty())
            .map(option)
            .collect::<Vec<_>>()
            .join("; "),
        Kind::YesNo => match value {
            "yes" => yes_no.0.to_string(),
            "no" => yes_no.1.to_string(),
            other => other.to_string(),
        },
        _ => value.to_string(),
    }
}

/// The questions as the admin form's text area shows them: the cycle
/// file's own `[[questions]]` tables.
pub fn to_toml(questions: &[Question]) -> String {
    #[derive(Serialize)]
    struct File {
        questions: Vec<RawQuestion>,
    }
    if questions.is_empty() {
        return String::new();
    }
    toml::to_string(&File {
        questions: questions.iter().map(RawQuestion::from).collect(),
    })
    .unwrap_or_default()
}

/// The admin form's text area back into questions; `Err` names why the text
/// is not TOML (`file` problem, as for a cycle file).
pub fn from_toml(text: &str) -> Result<Vec<RawQuestion>, String> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(default)]
        questions: Vec<RawQuestion>,
    }
    toml::from_str::<File>(text)
        .map(|f| f.questions)
        .map_err(|e| e.message().to_string())
}

/// The stored form of a cycle's questions (a JSON array).
pub fn to_json(questions: &[Question]) -> String {
    serde_json::to_string(questions).unwrap_or_else(|_| "[]".into())
}

pub fn from_json(text: &str) -> Result<Vec<Question>, serde_json::Error> {
    serde_json::from_str(text)
}

/// A cycle's questions, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Questions(pub Vec<Question>);

impl std::ops::Deref for Questions {
    type Target = [Question];
    fn deref(&self) -> &[Question] {
        &self.0
    }
}

impl Questions {
    pub fn by_key(&self, key: &str) -> Option<&Question> {
        self.0.iter().find(|q| q.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn labels(en: &str) -> Labels {
        Labels::from([("en".to_string(), en.to_string())])
    }

    fn raw(key: &str, kind: &str, options: &[&str]) -> RawQuestion {
        RawQuestion {
            key: key.into(),
            kind: kind.into(),
            required: true,
            label: labels("Label"),
            hint: Labels::new(),
            options: options
                .iter()
                .map(|k| RawOption {
                    key: k.to_string(),
                    label: labels(k),
                })
                .collect(),
        }
    }

    fn every_kind() -> Vec<Question> {
        let mut p = vec![];
        let q = validate(
            vec![
                raw("latin_name", "text", &[]),
                raw("needs", "long_text", &[]),
                raw("room", "choice", &["single", "double"]),
                raw("meals", "multi_choice", &["breakfast", "lunch", "dinner"]),
                raw("visa_letter", "yes_no", &[]),
                raw("arrival", "date", &[]),
            ],
            &mut p,
        );
        assert!(p.is_empty(), "{p:?}");
        q
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn every_kind_validates_and_answers() {
        let q = every_kind();
        let a = answers(
            &q,
            &form(&[
                ("q_latin_name", "  Aigerim Nurlanovna "),
                ("q_needs", "Wheelchair\r\naccess"),
                ("q_room", "double"),
                ("q_meals", "dinner"),
                ("q_meals", "breakfast"),
                ("q_visa_letter", "yes"),
                ("q_arrival", "2026-10-31"),
            ]),
        )
        .unwrap();
        let v: Vec<_> = a
            .iter()
            .map(|a| (a.key.as_str(), a.value.as_str()))
            .collect();
        assert_eq!(
            v,
            [
                ("latin_name", "Aigerim Nurlanovna"),
                ("needs", "Wheelchair\r\naccess"),
                ("room", "double"),
                ("meals", "breakfast,dinner"),
                ("visa_letter", "yes"),
                ("arrival", "2026-10-31"),
            ]
        );
    }

    #[test]
    fn each_kind_refuses_what_it_cannot_mean() {
        let q = every_kind();
        let problem = |pairs: &[(&str, &str)], key: &str| {
            answers(&q, &form(pairs))
                .unwrap_err()
                .into_iter()
                .find(|(k, _)| k == key)
                .map(|(_, p)| p)
        };
        assert_eq!(problem(&[], "latin_name"), Some(AnswerProblem::Missing));
        assert_eq!(problem(&[], "room"), Some(AnswerProblem::NotChosen));
        assert_eq!(problem(&[], "meals"), Some(AnswerProblem::NotChosen));
        assert_eq!(problem(&[], "visa_letter"), Some(AnswerProblem::NotChosen));
        assert_eq!(problem(&[], "arrival"), Some(AnswerProblem::Missing));
        assert_eq!(
            problem(&[("q_room", "suite")], "room"),
            Some(AnswerProblem::NotAnOption)
        );
        assert_eq!(
            problem(&[("q_room", "single"), ("q_room", "double")], "room"),
            Some(AnswerProblem::NotAnOption)
        );
        assert_eq!(
            problem(&[("q_meals", "lunch"), ("q_meals", "tea")], "meals"),
            Some(AnswerProblem::NotAnOption)
        );
        assert_eq!(
            problem(&[("q_visa_letter", "maybe")], "visa_letter"),
            Some(AnswerProblem::NotAnOption)
        );
        for bad in [
            "2026-02-30",
            "31.10.2026",
            "2026-1-5",
            "tomorrow",
            "0001-01-01",
        ] {
            assert_eq!(
                problem(&[("q_arrival", bad)], "arrival"),
                Some(AnswerProblem::NotADate),
                "{bad}"
            );
        }
        let long = "x".repeat(MAX_ANSWER + 1);
        assert_eq!(
            problem(&[("q_latin_name", &long)], "latin_name"),
            Some(AnswerProblem::TooLong)
        );
        assert_eq!(
            problem(&[("q_latin_name", "Anna\r\nBcc: x@y.lv")], "latin_name"),
            Some(AnswerProblem::Unreadable)
        );
        assert_eq!(
            problem(&[("q_needs", "a\u{0}b")], "needs"),
            Some(AnswerProblem::Unreadable)
        );
        assert_eq!(
            problem(&[("q_latin_name", "An\u{200B}na")], "latin_name"),
            Some(AnswerProblem::Unreadable)
        );
    }

    #[test]
    fn optional_questions_may_stay_empty() {
        let mut q = every_kind();
        for one in &mut q {
            one.required = false;
        }
        assert_eq!(answers(&q, &form(&[("q_latin_name", "  ")])), Ok(vec![]));
    }

    #[test]
    fn bad_definitions_are_named_by_their_question() {
        let mut p = vec![];
        let mut no_label = raw("b", "text", &[]);
        no_label.label = Labels::new();
        let mut bad_lang = raw("c", "text", &[]);
        bad_lang.label = Labels::from([("English".to_string(), "x".to_string())]);
        validate(
            vec![
                raw("Visa Letter", "yes_no", &[]),
                raw("email", "text", &[]),
                raw("room", "choice", &["single"]),
                raw("room", "choice", &["single", "single"]),
                raw("a", "checkbox", &[]),
                raw("arrival", "date", &["x", "y"]),
                no_label,
                bad_lang,
            ],
            &mut p,
        );
        let found: Vec<_> = p.iter().map(|p| (p.field.as_str(), p.problem)).collect();
        assert_eq!(
            found,
            [
                ("questions[1].key", "question-key"),
                ("questions[2].key", "question-key-taken"),
                ("questions[3].options", "question-options-needed"),
                ("questions[4].options[2].key", "question-key-taken"),
                ("questions[5].kind", "question-kind"),
                ("questions[6].options", "question-options-unwanted"),
                ("questions[7].label", "required"),
                ("questions[8].label", "question-label-language"),
            ]
        );
    }

    #[test]
    fn a_duplicate_key_is_refused_even_after_a_good_one() {
        let mut p = vec![];
        let q = validate(
            vec![raw("room", "text", &[]), raw("room", "text", &[])],
            &mut p,
        );
        assert_eq!(q.len(), 1);
        assert_eq!(p[0].field, "questions[2].key");
    }

    #[test]
    fn labels_fall_back_to_the_cycle_language_then_english() {
        let l = Labels::from([
            ("en".to_string(), "Room".to_string()),
            ("ru".to_string(), "Номер".to_string()),
        ]);
        assert_eq!(pick(&l, "ru", "lv"), "Номер");
        assert_eq!(pick(&l, "lv", "ru"), "Номер");
        assert_eq!(pick(&l, "lv", "lv"), "Room");
        let only_kk = Labels::from([("kk".to_string(), "Бөлме".to_string())]);
        assert_eq!(pick(&only_kk, "lv", "lv"), "Бөлме");
    }

    #[test]
    fn shown_answers_read_as_words() {
        let q = every_kind();
        assert_eq!(
            shown(&q[3], "breakfast,dinner", ("yes", "no"), "en", "en"),
            "breakfast; dinner"
        );
        assert_eq!(shown(&q[4], "no", ("jā", "nē"), "lv", "lv"), "nē");
        assert_eq!(shown(&q[2], "gone", ("yes", "no"), "en", "en"), "gone");
    }

    #[test]
    fn questions_round_trip_through_toml_and_json() {
        let q = every_kind();
        let text = to_toml(&q);
        let mut p = vec![];
        assert_eq!(validate(from_toml(&text).unwrap(), &mut p), q);
        assert_eq!(from_json(&to_json(&q)).unwrap(), q);
        assert!(from_toml("[[questions]]\nkey = ").is_err());
    }

    proptest! {
        #[test]
        fn any_text_answer_is_either_refused_or_clean(s in "\\PC{0,40}|[\\x00-\\x1f\u{200B}\u{202E}a-z ]{0,20}") {
            let q = &every_kind()[0];
            match answer(q, &form(&[("q_latin_name", &s)])) {
                Ok(Some(a)) => {
                    prop_assert!(is_meant(&a.value, Lines::One));
                    prop_assert!(!a.value.chars().any(is_invisible));
                    prop_assert_eq!(a.value.trim(), a.value.as_str());
                    prop_assert!(!a.value.is_empty());
                }
                Ok(None) => prop_assert!(false, "a required question"),
                Err(_) => {}
            }
        }

        #[test]
        fn a_choice_answer_is_always_one_of_the_options(values in proptest::collection::vec("[a-z_]{0,8}", 0..4)) {
            let q = &every_kind()[3];
            let pairs: Vec<(String, String)> = values.iter().map(|v| ("q_meals".to_string(), v.clone())).collect();
            if let Ok(Some(a)) = answer(q, &pairs) {
                for key in a.value.split(',') {
                    prop_assert!(q.options.iter().any(|o| o.key == key));
                }
            }
        }

        #[test]
        fn keys_accepted_are_safe_names(s in "\\PC{0,12}") {
            if is_key(&s) {
                prop_assert!(s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
                prop_assert!(!s.contains(','));
            }
        }
    }
}

#[cfg(test)]
mod cycle_file_tests {
    use super::super::cycle_file::parse_cycle_file;
    use super::*;

    const ASTANA: &str = include_str!("../../config/examples/unesco-astana-2012.toml");
    const SEED: &str = include_str!("../../tests/fixtures/kopienas-2023.toml");

    #[test]
    fn the_astana_example_asks_its_four_questions() {
        let c = parse_cycle_file(ASTANA).unwrap();
        assert_eq!(c.country, "KZ");
        let keys: Vec<_> = c.questions.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(
            keys,
            ["visa_letter", "arrival_date", "accommodation", "name_latin"]
        );
        assert_eq!(c.questions[0].kind, Kind::YesNo);
        assert_eq!(
            pick(&c.questions[2].options[1].label, "ru", "ru"),
            "Да, одноместный номер"
        );
        assert_eq!(c.sessions.len(), 8);
    }

    #[test]
    fn a_cycle_file_with_a_bad_question_is_refused_naming_it() {
        let text = format!(
            "{SEED}\n[[questions]]\nkey = \"room\"\nkind = \"choice\"\nlabel = {{ en = \"Room\" }}\n"
        );
        let problems = parse_cycle_file(&text).unwrap_err();
        assert_eq!(problems[0].field, "questions[1].options");
        let text = format!("{SEED}\n[[questions]]\nkey = \"x\"\nkind = \"text\"\nlabel = {{ en = \"X\" }}\ncolour = 1\n");
        assert!(parse_cycle_file(&text).is_err(), "unknown keys are refused");
    }

    #[test]
    fn the_country_defaults_from_the_zone_and_must_be_assigned() {
        let kz = SEED.replace("Europe/Riga", "Asia/Almaty");
        assert_eq!(parse_cycle_file(&kz).unwrap().country, "KZ");
        assert_eq!(parse_cycle_file(SEED).unwrap().country, "LV");
        let xx = SEED.replace("capacity = 30", "capacity = 30\ncountry = \"XX\"");
        let problems = parse_cycle_file(&xx).unwrap_err();
        assert_eq!(problems[0].field, "country");
    }
}
