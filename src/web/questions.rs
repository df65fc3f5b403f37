//! A cycle's own questions on its registration form (`templates/questions.html`)
//! and the country choice: what each control shows, what was typed, and the
//! message beside a question that names it.

use crate::db::models::Cycle;
use crate::domain::countries;
use crate::domain::questions::{self, AnswerProblem, Kind, Question};

use crate::i18n::Tr;

pub struct OptionView {
    /// The input's id (the first option's is the question's field name, so
    /// the error summary's link lands on it).
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct QuestionView {
    /// `q_{key}`: the form field and the control's id.
    pub field: String,
    /// `text`, `long_text`, `choice`, `multi_choice`, `yes_no` or `date`.
    pub kind: &'static str,
    pub label: String,
    pub hint: String,
    pub required: bool,
    /// What was typed (text, long text, date).
    pub value: String,
    pub options: Vec<OptionView>,
    pub max: usize,
    /// The message beside the question, empty when there is none.
    pub error: String,
}

impl QuestionView {
    /// Ids the control is described by: its hint and its error.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.field));
        }
        if !self.error.is_empty() {
            ids.push(format!("{}-error", self.field));
        }
        ids.join(" ")
    }
    pub fn is_choice(&self) -> bool {
        matches!(self.kind, "choice" | "yes_no" | "multi_choice")
    }
}

/// The message beside a question: what to do, naming the question.
pub fn message(t: &Tr, label: &str, problem: AnswerProblem, max: usize) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("label", label.to_string());
    args.set("max", max);
    t.args(problem.message_key(), &args)
}

/// The words of a question's label on a page in `t`'s language.
pub fn label(t: &Tr, cycle: &Cycle, q: &Question) -> String {
    questions::pick(&q.label, t.code(), cycle.language.as_str()).to_string()
}

/// Every question of the cycle as its control shows it, with what was
/// `typed` (the form's pairs) and the `problems` found in it.
pub fn views(
    t: &Tr,
    cycle: &Cycle,
    asked: &[Question],
    typed: &[(String, String)],
    problems: &[(String, AnswerProblem)],
) -> Vec<QuestionView> {
    let (page, own) = (t.code(), cycle.language.as_str());
    asked
        .iter()
        .map(|q| {
            let field = questions::field_name(&q.key);
            let sent = questions::sent(typed, &q.key);
            let option = |i: usize, value: &str, label: String| OptionView {
                id: if i == 0 {
                    field.clone()
                } else {
                    format!("{field}-{value}")
                },
                value: value.to_string(),
                label,
                checked: sent.contains(&value),
            };
            let options = match q.kind {
                Kind::YesNo => vec![
                    option(0, "yes", t.text("question-yes")),
                    option(1, "no", t.text("question-no")),
                ],
                Kind::Choice | Kind::MultiChoice => q
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| option(i, &o.key, questions::pick(&o.label, page, own).into()))
                    .collect(),
                _ => Vec::new(),
            };
            let label = label(t, cycle, q);
            let max = q.kind.max_answer();
            let error = problems
                .iter()
                .find(|(k, _)| *k == q.key)
                .map(|(_, p)| message(t, &label, *p, max))
                .unwrap_or_default();
            QuestionView {
                kind: q.kind.as_str(),
                hint: questions::pick(&q.hint, page, own).to_string(),
                required: q.required,
                value: sent
                    .first()
                    .map(|v| v.chars().take(max + 1).collect())
                    .unwrap_or_default(),
                options,
                max,
                error,
                label,
                field,
            }
        })
        .collect()
}

/// The country choice in the page's language and order.
pub fn countries(t: &Tr) -> &'static [(&'static str, String)] {
    countries::listing(t.code())
}

/// A stored answer as organisers read it (their page, the exports).
pub fn shown(t: &Tr, cycle: &Cycle, q: &Question, value: &str) -> String {
    questions::shown(
        q,
        value,
        (&t.text("question-yes"), &t.text("question-no")),
        t.code(),
        cycle.language.as_str(),
    )
}

/// A registration's answers for organisers: (question, answer as words), in
/// the questions' order, those answered only.
pub fn answered(
    t: &Tr,
    cycle: &Cycle,
    asked: &[Question],
    given: Option<&std::collections::HashMap<String, String>>,
) -> Vec<(String, String)> {
    let Some(given) = given else {
        return Vec::new();
    };
    asked
        .iter()
        .filter_map(|q| {
            let value = given.get(&q.key)?;
            Some((label(t, cycle, q), shown(t, cycle, q, value)))
        })
        .collect()
}
