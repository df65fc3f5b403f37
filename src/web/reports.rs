//! The organisers' dashboard cards and the funders' reports: a cycle's
//! report page with its CSV and XLSX, and the totals across cycles.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use askama_web::WebTemplate;

use super::auth::CurrentOrganiser;
use super::download::{self, Format};
use super::error::AppResult;
use super::extract::OrganiserCycle;
use super::lang::Lang;
use super::pages::{organiser_frame, Frame};
use super::AppState;
use crate::app::reports::{self, CycleFigures, CycleReport};
use crate::domain::chart::{self, Bar};
use crate::domain::report::{Breakdown, Headcount, OutcomeCounts};
use crate::i18n::Tr;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/report", web::get().to(all_cycles))
        .route("/admin/report.csv", web::get().to(all_cycles_csv))
        .route("/admin/report.xlsx", web::get().to(all_cycles_xlsx))
        .route("/admin/cycles/{slug}/report", web::get().to(cycle_report))
        .route(
            "/admin/cycles/{slug}/report.csv",
            web::get().to(cycle_report_csv),
        )
        .route(
            "/admin/cycles/{slug}/report.xlsx",
            web::get().to(cycle_report_xlsx),
        );
}

/// A chart and the same numbers as text, for those who cannot see it.
pub struct Chart {
    pub svg: String,
    pub rows: Vec<(String, u64)>,
}

impl Chart {
    fn bars(id: &str, title: &str, rows: Vec<(String, u64)>) -> Self {
        let bars: Vec<Bar> = rows.iter().map(|(l, v)| Bar::new(l.clone(), *v)).collect();
        Self {
            svg: chart::bars_svg(id, title, &bars),
            rows,
        }
    }

    fn per_day(id: &str, t: &Tr, figures: &CycleFigures) -> Self {
        let rows: Vec<(String, u64)> = figures
            .per_day
            .iter()
            .map(|(day, n)| (day.format("%Y-%m-%d").to_string(), *n))
            .collect();
        let bars: Vec<Bar> = rows.iter().map(|(l, v)| Bar::new(l.clone(), *v)).collect();
        Self {
            svg: chart::columns_svg(id, &t.text("report-per-day"), &bars),
            rows,
        }
    }
}

/// A session as the dashboard and the report list it.
pub struct SessionLine {
    pub label: String,
    pub present: i64,
}

/// One cycle on the dashboard.
pub struct DashboardCard {
    pub slug: String,
    pub title: String,
    pub state: &'static str,
    pub state_label: String,
    pub capacity: i32,
    pub seats_taken: i32,
    pub pending: u64,
    pub waitlisted: u64,
    pub participants: u64,
    pub deadline: String,
    pub next_session: Option<String>,
    /// Sessions that have started, with their attendance.
    pub attendance: Vec<SessionLine>,
    pub outcomes: OutcomeCounts,
    pub chart: Chart,
}

fn deadline_line(t: &Tr, f: &CycleFigures) -> String {
    let closes = t.datetime(f.cycle.window().closes, f.cycle.tz());
    match f.days_to_deadline {
        None => t.with_one("dash-deadline-closed", "date", &closes),
        Some(0) => t.with_one("dash-deadline-today", "date", &closes),
        Some(days) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("count", days);
            args.set("date", closes);
            t.args("dash-deadline-days", &args)
        }
    }
}

fn session_label(s: &crate::db::models::Session) -> String {
    format!("{}. {}", s.position, s.title)
}

pub fn dashboard_card(t: &Tr, f: &CycleFigures) -> DashboardCard {
    let cy = &f.cycle;
    DashboardCard {
        slug: cy.slug.clone(),
        title: cy.title.clone(),
        state: f.state.as_str(),
        state_label: t.keyed("dash-state-", f.state.as_str()),
        capacity: cy.capacity,
        seats_taken: cy.seats_taken,
        pending: f.statuses.pending,
        waitlisted: f.statuses.waitlisted,
        participants: f.statuses.confirmed,
        deadline: deadline_line(t, f),
        next_session: f.next_session.as_ref().map(|s| {
            format!(
                "{} — {}",
                session_label(s),
                t.span(s.starts_at.and_utc(), s.ends_at.and_utc(), cy.tz())
            )
        }),
        attendance: f
            .sessions
            .iter()
            .filter(|s| s.started)
            .map(|s| SessionLine {
                label: session_label(&s.session),
                present: s.present as i64,
            })
            .collect(),
        outcomes: f.outcomes,
        chart: Chart::per_day(&format!("per-day-{}", cy.slug), t, f),
    }
}

/// A breakdown's rows with readable labels.
pub struct BreakdownView {
    pub id: &'static str,
    pub heading: String,
    pub column: String,
    pub rows: Vec<(String, Headcount)>,
    pub total: Headcount,
    pub chart: Chart,
}

fn breakdown_view(
    t: &Tr,
    id: &'static str,
    column_key: &str,
    breakdown: &Breakdown,
    label: impl Fn(&str) -> String,
) -> BreakdownView {
    let rows: Vec<(String, Headcount)> = breakdown
        .rows
        .iter()
        .map(|(item, h)| {
            let shown = if item.trim().is_empty() {
                t.text("report-not-given")
            } else {
                label(item)
            };
            (shown, *h)
        })
        .collect();
    let heading = t.text(&format!("report-by-{id}"));
    BreakdownView {
        id,
        chart: Chart::bars(
            &format!("by-{id}"),
            &heading,
            rows.iter()
                .map(|(l, h)| (l.clone(), h.participants))
                .collect(),
        ),
        heading,
        column: t.text(column_key),
        total: breakdown.total(),
        rows,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/report.html")]
pub struct ReportPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub title: String,
    pub state_label: String,
    pub capacity: i32,
    pub registered: u64,
    pub participants: u64,
    pub attended: u64,
    pub waitlisted: u64,
    pub cancelled: u64,
    pub breakdowns: Vec<BreakdownView>,
    pub sessions: Chart,
    pub outcomes: Chart,
    pub per_day: Chart,
}

fn report_page(t: Tr, frame: Frame, report: &CycleReport) -> ReportPage {
    let f = &report.figures;
    let o = &f.outcomes;
    let type_label = |kind: &str| match crate::domain::InstitutionType::parse(kind) {
        Ok(_) => t.keyed("institution-", kind),
        Err(_) => kind.to_string(),
    };
    ReportPage {
        slug: f.cycle.slug.clone(),
        title: f.cycle.title.clone(),
        state_label: t.keyed("dash-state-", f.state.as_str()),
        capacity: f.cycle.capacity,
        registered: f.statuses.registered(),
        participants: f.statuses.confirmed,
        attended: o.attended_any,
        waitlisted: f.statuses.waitlisted,
        cancelled: f.statuses.cancelled,
        breakdowns: vec![
            breakdown_view(&t, "country", "report-country", &report.by_country, |c| {
                c.to_string()
            }),
            breakdown_view(
                &t,
                "institution-type",
                "field-institution-type",
                &report.by_institution_type,
                type_label,
            ),
            breakdown_view(&t, "region", "report-region", &report.by_region, |r| {
                r.to_string()
            }),
        ],
        sessions: Chart::bars(
            "sessions",
            &t.text("report-attendance"),
            f.sessions
                .iter()
                .map(|s| (session_label(&s.session), s.present))
                .collect(),
        ),
        outcomes: Chart::bars(
            "outcomes",
            &t.text("report-outcomes"),
            vec![
                (t.text("report-eligible"), o.eligible),
                (t.text("report-still-possible"), o.still_possible),
                (t.text("report-no-longer-possible"), o.no_longer_possible),
                (t.text("report-certificate-issued"), f.certificates),
            ],
        ),
        per_day: Chart::per_day("per-day", &t, f),
        frame,
        tr: t,
    }
}

pub async fn cycle_report(
    state: web::Data<AppState>,
    OrganiserCycle { me, cycle, .. }: OrganiserCycle,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<ReportPage> {
    let report = reports::cycle_report(&state.services, &cycle).await?;
    Ok(report_page(
        lang.tr(),
        organiser_frame(&req, &session, &me.0),
        &report,
    ))
}

pub async fn cycle_report_csv(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
) -> AppResult<HttpResponse> {
    let report = reports::cycle_report(&state.services, &cycle).await?;
    download::table(
        &reports::report_table(&report),
        &format!("{}-report", cycle.slug),
        Format::Csv,
    )
}

pub async fn cycle_report_xlsx(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
) -> AppResult<HttpResponse> {
    let report = reports::cycle_report(&state.services, &cycle).await?;
    let sheets = reports::report_sheets(&report);
    let named: Vec<(&str, &crate::app::exports::Table)> =
        sheets.iter().map(|(name, table)| (*name, table)).collect();
    download::workbook(&named, &format!("{}-report", cycle.slug))
}

/// One cycle in the table across cycles.
pub struct CycleTotals {
    pub slug: String,
    pub title: String,
    pub state_label: String,
    pub capacity: i32,
    pub registered: u64,
    pub participants: u64,
    pub attended: u64,
    pub outcomes: OutcomeCounts,
    pub certificates: u64,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/reports.html")]
pub struct AllCyclesPage {
    pub tr: Tr,
    pub frame: Frame,
    pub cycles: Vec<CycleTotals>,
    pub chart: Chart,
}

pub async fn all_cycles(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<AllCyclesPage> {
    let t = lang.tr();
    let list = reports::dashboard(&state.services, me.1.limit()).await?;
    let cycles: Vec<CycleTotals> = list
        .iter()
        .map(|f| CycleTotals {
            slug: f.cycle.slug.clone(),
            title: f.cycle.title.clone(),
            state_label: t.keyed("dash-state-", f.state.as_str()),
            capacity: f.cycle.capacity,
            registered: f.statuses.registered(),
            participants: f.statuses.confirmed,
            attended: f.outcomes.attended_any,
            outcomes: f.outcomes,
            certificates: f.certificates,
        })
        .collect();
    let chart = Chart::bars(
        "participants-per-cycle",
        &t.text("report-participants-per-cycle"),
        cycles
            .iter()
            .map(|c| (c.title.clone(), c.participants))
            .collect(),
    );
    Ok(AllCyclesPage {
        frame: organiser_frame(&req, &session, &me.0),
        cycles,
        chart,
        tr: t,
    })
}

async fn all_cycles_download(
    state: &AppState,
    me: &CurrentOrganiser,
    format: Format,
) -> AppResult<HttpResponse> {
    let list = reports::dashboard(&state.services, me.1.limit()).await?;
    download::table(&reports::cycles_table(&list), "cycles-report", format)
}

pub async fn all_cycles_csv(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
) -> AppResult<HttpResponse> {
    all_cycles_download(&state, &me, Format::Csv).await
}

pub async fn all_cycles_xlsx(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
) -> AppResult<HttpResponse> {
    all_cycles_download(&state, &me, Format::Xlsx).await
}
