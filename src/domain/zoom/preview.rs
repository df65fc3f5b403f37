//! What an import preview shows of a plan, bounded whatever the report's
//! size: a 30,000-row report once rendered a 45 MB page (a list of every
//! registration for each of thousands of unmatched people), which no
//! browser and no organiser can use.

use super::plan::{MatchPlan, Matched, PersonMinutes};

/// Rows listed in each of the present and absent tables; the rest are counted.
pub const LISTED_MATCHES: usize = 300;
/// Most unmatched report people offered for hand assignment.
pub const MAX_ASSIGNABLE: usize = 50;
/// Fewest offered, however long the list of registrations.
pub const MIN_ASSIGNABLE: usize = 5;
/// Options (people to choose from × choices) one page may hold: about 70
/// bytes each, so the choices stay near 400 KB even for a large cycle.
pub const OPTION_BUDGET: usize = 6_000;

/// How many unmatched people get a choice of registration, given how many
/// registrations each choice lists.
pub fn assignable_count(registrations: usize) -> usize {
    (OPTION_BUDGET / registrations.max(1)).clamp(MIN_ASSIGNABLE, MAX_ASSIGNABLE)
}

/// The unmatched people beyond those offered for assignment, summed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Remainder {
    /// Report people (rows grouped by email or normalised name).
    pub people: usize,
    pub rows: usize,
    pub minutes: u64,
}

/// A plan cut to what one page shows.
#[derive(Debug, PartialEq, Eq)]
pub struct Preview<'a> {
    pub present: &'a [Matched],
    pub present_unlisted: usize,
    pub absent: &'a [Matched],
    pub absent_unlisted: usize,
    /// `(index in plan.unmatched, person)`, most minutes first: the people
    /// who may have reached the threshold are the ones worth assigning.
    pub assignable: Vec<(usize, &'a PersonMinutes)>,
    pub not_assignable: Remainder,
}

pub fn preview(plan: &MatchPlan, registrations: usize) -> Preview<'_> {
    let cut = |list: &'_ [Matched]| list.len().min(LISTED_MATCHES);
    let mut order: Vec<(usize, &PersonMinutes)> = plan.unmatched.iter().enumerate().collect();
    order.sort_by(|(ia, a), (ib, b)| b.minutes.cmp(&a.minutes).then(ia.cmp(ib)));
    let rest = order.split_off(assignable_count(registrations).min(order.len()));
    Preview {
        present: &plan.present[..cut(&plan.present)],
        present_unlisted: plan.present.len() - cut(&plan.present),
        absent: &plan.absent[..cut(&plan.absent)],
        absent_unlisted: plan.absent.len() - cut(&plan.absent),
        assignable: order,
        not_assignable: Remainder {
            people: rest.len(),
            rows: rest.iter().map(|(_, p)| p.rows).sum(),
            minutes: rest.iter().map(|(_, p)| u64::from(p.minutes)).sum(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::plan::{MatchedBy, PersonMinutes};
    use super::*;
    use proptest::prelude::*;

    fn matched(id: i32) -> Matched {
        Matched {
            registration_id: id,
            minutes: 100,
            matched_by: MatchedBy::Email,
            report_name: String::new(),
            rows: 1,
        }
    }

    fn plan(present: usize, absent: usize, unmatched: &[(u32, usize)]) -> MatchPlan {
        MatchPlan {
            present: (0..present as i32).map(matched).collect(),
            absent: (0..absent as i32).map(matched).collect(),
            unmatched: unmatched
                .iter()
                .enumerate()
                .map(|(i, &(minutes, rows))| PersonMinutes {
                    rows,
                    ..PersonMinutes::from_minutes(&format!("Viesis {i}"), None, minutes)
                })
                .collect(),
        }
    }

    #[test]
    fn the_choice_shrinks_as_the_cycle_grows() {
        assert_eq!(assignable_count(0), MAX_ASSIGNABLE);
        assert_eq!(assignable_count(30), MAX_ASSIGNABLE);
        assert_eq!(assignable_count(300), 20);
        assert_eq!(assignable_count(100_000), MIN_ASSIGNABLE);
    }

    #[test]
    fn most_minutes_first_and_the_rest_summed() {
        let p = plan(2, 1, &[(5, 1), (90, 3), (40, 2), (90, 1)]);
        let shown = preview(&p, 2_000); // the budget allows 3: MIN_ASSIGNABLE it is
        assert_eq!(shown.assignable.len(), 4, "fewer than the minimum: all");
        let order: Vec<usize> = shown.assignable.iter().map(|(i, _)| *i).collect();
        assert_eq!(order, vec![1, 3, 2, 0]);

        let many: Vec<(u32, usize)> = (0..60).map(|i| (i, 2)).collect();
        let p = plan(0, 0, &many);
        let shown = preview(&p, 30);
        assert_eq!(shown.assignable.len(), MAX_ASSIGNABLE);
        assert_eq!(shown.assignable[0].1.minutes, 59);
        assert_eq!(
            shown.not_assignable,
            Remainder {
                people: 10,
                rows: 20,
                minutes: (0..10).sum()
            }
        );
    }

    proptest! {
        #[test]
        fn nothing_is_lost_and_the_page_is_bounded(
            present in 0usize..800,
            absent in 0usize..800,
            unmatched in prop::collection::vec((0u32..600, 1usize..5), 0..200),
            registrations in 0usize..5_000,
        ) {
            let p = plan(present, absent, &unmatched);
            let shown = preview(&p, registrations);
            prop_assert!(shown.present.len() <= LISTED_MATCHES);
            prop_assert!(shown.absent.len() <= LISTED_MATCHES);
            prop_assert_eq!(shown.present.len() + shown.present_unlisted, present);
            prop_assert_eq!(shown.absent.len() + shown.absent_unlisted, absent);
            prop_assert!(shown.assignable.len() <= MAX_ASSIGNABLE);
            prop_assert!(shown.assignable.len() * registrations.max(1) <= OPTION_BUDGET.max(MIN_ASSIGNABLE * registrations));
            prop_assert_eq!(shown.assignable.len() + shown.not_assignable.people, unmatched.len());
            let rows: usize = unmatched.iter().map(|u| u.1).sum();
            let listed_rows: usize = shown.assignable.iter().map(|(_, p)| p.rows).sum();
            prop_assert_eq!(listed_rows + shown.not_assignable.rows, rows);
            // No one left out has more minutes than someone offered.
            let least = shown.assignable.iter().map(|(_, p)| p.minutes).min();
            if let Some(least) = least {
                prop_assert!(shown.not_assignable.people == 0
                    || p.unmatched.iter().enumerate()
                        .filter(|(i, _)| !shown.assignable.iter().any(|(j, _)| j == i))
                        .all(|(_, q)| q.minutes <= least));
            }
        }
    }
}
