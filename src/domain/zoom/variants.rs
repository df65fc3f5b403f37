//! The exports Zoom gives today, one fixture each: the 2024+ participants
//! export, "unique users", the webinar attendee report, the "export with
//! meeting data" flat form, a German and a Russian portal; and files that are
//! refused with their line and reason rather than misread.

use super::test_support::*;
use super::*;

use MatchedBy::{Email as E, Name as N, NotInReport as X};

#[test]
fn export_2024_leaves_waiting_room_rows_out() {
    let report = read_report(EXPORT_2024).expect("2024 export reads");
    assert_eq!(
        report.ignored_rows, 2,
        "Anna's and Jānis's waiting-room rows"
    );
    let people = sum_by_person(&report.rows);
    assert_eq!(
        by_key(&people),
        vec![
            ("anna.berzina@example.lv", 180, 1),
            ("iphone (inese ūdre)", 60, 1),
            // 21 minutes in the waiting room would have made 151 (present).
            ("janis.ozolins@example.lv", 130, 1),
            ("kristine.organizatore@cohort.lv", 191, 1),
            ("maris.skele@example.lv", 180, 1),
        ]
    );
    let plan = plan_import(&people, &cohort(), THRESHOLD);
    assert_eq!(summary(&plan.present), vec![(1, 180, E), (4, 180, E)]);
    assert_eq!(
        summary(&plan.absent),
        vec![(2, 130, E), (3, 0, X), (5, 0, X), (6, 60, N), (7, 0, X)]
    );
}

#[test]
fn unique_users_have_one_row_with_the_total() {
    let report = read_report(UNIQUE_USERS).expect("unique users read");
    let people = sum_by_person(&report.rows);
    assert_eq!(
        by_key(&people),
        vec![
            ("anna.berzina@example.lv", 178, 1),
            ("dace.puce@example.lv", 12, 1),
            ("janis.ozolins@example.lv", 120, 1),
            ("kristine.organizatore@cohort.lv", 191, 1),
            ("līga kalniņa (līga k.)", 176, 1),
        ]
    );
    assert!(report.rows.iter().all(|r| r.join.is_none()));
    let plan = plan_import(&people, &cohort(), THRESHOLD);
    assert_eq!(summary(&plan.present), vec![(1, 178, E), (3, 176, N)]);
}

#[test]
fn webinar_sections_name_attendees_by_first_and_last_name() {
    let report = read_report(WEBINAR).expect("webinar reads");
    assert_eq!(
        report.topic.as_deref(),
        Some("Baltic museums online, day 2")
    );
    assert_eq!(report.ignored_rows, 1, "Dace registered but did not attend");
    let names: Vec<_> = report.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Kristīne Organizatore",
            "Māris Šķēle",
            "Anna Bērziņa",
            "Jānis Ozoliņš",
            "Jānis Ozoliņš"
        ]
    );
    let people = sum_by_person(&report.rows);
    assert_eq!(
        by_key(&people),
        vec![
            ("anna bērziņa", 170, 1),
            ("janis.ozolins@example.lv", 145, 2),
            ("kristine.organizatore@cohort.lv", 190, 1),
            ("maris.skele@example.lv", 180, 1),
        ]
    );
    let plan = plan_import(&people, &cohort(), THRESHOLD);
    // Anna joined from a phone called "iPhone": her registered name finds her.
    assert_eq!(
        summary(&plan.present),
        vec![(1, 170, N), (2, 145, E), (4, 180, E)]
    );
}

#[test]
fn meeting_data_flat_form_is_read_per_participant() {
    let report = read_report(MEETING_DATA_FLAT).expect("flat form reads");
    assert_eq!(
        report.topic.as_deref(),
        Some("Baltijas muzeju konference — darbnīca A")
    );
    assert_eq!(report.ignored_rows, 1, "Ģirts in the waiting room");
    let emails: Vec<_> = report.rows.iter().map(|r| r.email.as_deref()).collect();
    assert_eq!(
        emails,
        vec![
            Some("kristine.organizatore@cohort.lv"),
            Some("anna.berzina@example.lv"),
            Some("janis.ozolins@example.lv"),
            Some("girts.laksa@example.lv"),
            None,
            Some("anna.berzina@example.lv"),
            Some("maris.skele@example.lv"),
        ]
    );
    let people = sum_by_person(&report.rows);
    // Not one person with 7 × 193 minutes: six people with their own minutes.
    assert_eq!(
        by_key(&people),
        vec![
            ("anna.berzina@example.lv", 177, 2),
            ("girts.laksa@example.lv", 180, 1),
            ("janis.ozolins@example.lv", 90, 1),
            ("kristine.organizatore@cohort.lv", 193, 1),
            ("līga kalniņa", 176, 1),
            ("maris.skele@example.lv", 135, 1),
        ]
    );
    let plan = plan_import(&people, &cohort(), THRESHOLD);
    assert_eq!(
        summary(&plan.present),
        vec![(1, 177, E), (3, 176, N), (4, 135, E), (5, 180, E)]
    );
    assert_eq!(
        summary(&plan.absent),
        vec![(2, 90, E), (6, 0, X), (7, 0, X)]
    );
}

#[test]
fn german_portal_headers() {
    let report = read_report(GERMAN).expect("German report reads");
    assert_eq!(report.ignored_rows, 1, "Anna im Warteraum");
    assert_eq!(report.rows[0].join, Some(dt("2026-12-04 09:50:00")));
    assert_eq!(report.rows[2].original_name.as_deref(), Some("Jürgen"));
    assert_eq!(report.rows[2].guest, Some(true));
    let people = sum_by_person(&report.rows);
    assert_eq!(
        by_key(&people),
        vec![
            ("anna.berzina@example.lv", 180, 1),
            ("janis.ozolins@example.lv", 150, 1),
            ("juergen.weiss@example.de", 60, 1),
            ("kristine.organizatore@cohort.lv", 190, 1),
        ]
    );
}

#[test]
fn russian_portal_headers() {
    let report = read_report(RUSSIAN).expect("Russian report reads");
    assert_eq!(report.ignored_rows, 1, "Айгерим в зале ожидания");
    assert_eq!(report.rows[2].guest, Some(true));
    let people = sum_by_person(&report.rows);
    assert_eq!(
        by_key(&people),
        vec![
            ("aigerim.saparova@example.kz", 150, 1),
            ("kristine.organizatore@cohort.lv", 190, 1),
            ("ержан ахметов", 160, 2),
        ]
    );
    assert_eq!(people[2].display_name, "Ержан Ахметов");
}

#[test]
fn russian_webinar_first_and_last_name() {
    let text = "Имя,Фамилия,Адрес электронной почты,Продолжительность (минуты)\n\
                Айгерим,Сапарова,,150\n";
    assert_eq!(read(text).expect("reads").rows[0].name, "Айгерим Сапарова");
}

#[test]
fn unreadable_files_are_refused_with_line_and_reason() {
    assert_eq!(
        read_report(BAD_DURATION),
        Err(ReportError::BadRow {
            line: 7,
            reason: RowProblem::BadDuration
        })
    );
    let cases = [
        (
            "Name (original name),Email,User Email,Duration (minutes)\nAnna,a@example.lv,b@example.lv,30\n",
            1,
            RowProblem::AmbiguousEmail,
        ),
        (
            "Meeting ID,Topic,Duration (minutes),Name (original name),Email,Duration (minutes),Total duration (minutes)\n1,T,90,Anna,a@example.lv,30,30\n",
            1,
            RowProblem::AmbiguousDuration,
        ),
        (
            "Topic,Pilnveide\n\nName,Participant,Duration (minutes)\nAnna,Anna,30\n",
            3,
            RowProblem::AmbiguousColumns,
        ),
        (
            "Name,Duration (minutes),In waiting room\nAnna,30,No\nJānis,40,peut-être\n",
            3,
            RowProblem::UnknownFlag,
        ),
        (
            "Attended,Name,Duration (minutes)\nYes,Anna,30\nkind of,Jānis,40\n",
            3,
            RowProblem::UnknownFlag,
        ),
    ];
    for (text, line, reason) in cases {
        assert_eq!(
            read(text),
            Err(ReportError::BadRow { line, reason }),
            "{text}"
        );
    }
}

#[test]
fn meeting_columns_alone_are_not_a_participant_table() {
    // The flat form without participant columns: nothing to read.
    let text = "Meeting ID,Topic,Start time,End time,User Email,Duration (minutes),Participants\n\
                812,T,12/04/2026 09:50 AM,12/04/2026 01:03 PM,host@example.lv,193,7\n";
    assert_eq!(read(text), Err(ReportError::NotZoomReport));
}
