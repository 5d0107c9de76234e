//! The appointments calendar on both databases: a supervisor's week holds every appointment with
//! whom a hard one is kept for; an operator's holds what their queue would hand them (their own
//! hard ones, soft ones on their list or in the pool, not another's hard ones); a day at a time;
//! days the campaign does not call are marked.

use chrono::{Duration, NaiveDate};
use khaosat::domain::schedule::AppointmentKind;
use khaosat::error::Error;
use khaosat::ops::appointments::{self, AppointmentCalendar, CalendarRequest};

use crate::fixtures::small_campaign;
use crate::scheduler::{book, name_of, supervisor};
use crate::support::{claim, monday_morning, on_both_backends};

/// An appointment as shown: its time, whether it is hard, whom it is kept for.
type Shown = (String, bool, Option<String>);

/// Each day's date and appointments.
fn shown(calendar: &AppointmentCalendar) -> Vec<(String, Vec<Shown>)> {
    calendar
        .days
        .iter()
        .map(|d| {
            (
                d.date.clone(),
                d.appointments
                    .iter()
                    .map(|e| (e.time.clone(), e.appointment.hard, e.booked_for.clone()))
                    .collect(),
            )
        })
        .collect()
}

on_both_backends! {
    async fn the_calendar_shows_a_supervisor_every_appointment_and_an_operator_their_own(db: TestDb) {
        let start = monday_morning();
        let f = small_campaign(&db, start, 4, 2, 5).await;
        let (lan, minh) = (&f.desks[0], &f.desks[1]);
        let boss = supervisor(&db, f.campaign).await;
        // Lan keeps Tuesday 10:00 for herself; Minh books a soft callback on Wednesday 14:30.
        let first = claim(lan, start, f.campaign).await.expect("a case");
        book(lan, start + Duration::minutes(2), &first, "24/11/2026 10:00", AppointmentKind::Hard).await;
        let second = claim(minh, start, f.campaign).await.expect("a case");
        book(minh, start + Duration::minutes(2), &second, "25/11/2026 14:30", AppointmentKind::Soft).await;

        let week = |from: NaiveDate, days: u32| CalendarRequest { campaign_id: f.campaign, from, days };
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        let all = appointments::calendar(&boss, start, &week(monday, 7)).await.expect("the week");
        assert!(!all.own);
        let days = shown(&all);
        assert_eq!(days.len(), 7);
        assert_eq!(days[0], ("23/11/2026".to_owned(), vec![]));
        assert_eq!(days[1].1, vec![("10:00".to_owned(), true, Some(name_of(lan)))]);
        assert_eq!(days[2].1, vec![("14:30".to_owned(), false, None)]);
        // Sunday is not a calling day in the fixture's calendar; the weekdays are.
        assert_eq!(all.days[6].weekday, 6);
        assert!(!all.days[6].calling_day);
        assert!(all.days[..5].iter().all(|d| d.calling_day));

        // Lan sees her hard one and the soft one in the pool; Minh only the soft one.
        let hers = appointments::calendar(lan, start, &week(monday, 7)).await.expect("her week");
        assert!(hers.own);
        assert_eq!(hers.days.iter().map(|d| d.appointments.len()).sum::<usize>(), 2);
        let his = appointments::calendar(minh, start, &week(monday, 7)).await.expect("his week");
        assert_eq!(
            his.days.iter().flat_map(|d| &d.appointments).map(|e| e.appointment.case_id).collect::<Vec<_>>(),
            vec![second.lease.case_id]
        );
        assert!(his.days.iter().flat_map(|d| &d.appointments).all(|e| e.booked_for.is_none()));

        // One day at a time; the queue's ahead-list and the calendar agree.
        let tuesday = appointments::calendar(&boss, start, &week(monday + Duration::days(1), 1)).await.expect("a day");
        assert_eq!(shown(&tuesday), vec![("24/11/2026".to_owned(), vec![("10:00".to_owned(), true, Some(name_of(lan)))])]);
        let queue = khaosat::ops::desk::queue(lan, start, &khaosat::ops::desk::NextCaseRequest { campaign_id: f.campaign })
            .await
            .expect("queue");
        assert_eq!(queue.appointments.len(), 2);

        let refused = appointments::calendar(&boss, start, &week(monday, 3)).await;
        assert!(matches!(&refused, Err(Error::Invalid(m)) if m.contains("một ngày hoặc một tuần")), "{refused:?}");
        let tag = &uuid::Uuid::new_v4().simple().to_string()[..8];
        let stranger = db.add_person(&format!("dtv.{tag}"), khaosat::store::model::Role::Operator, &[]).await;
        let refused = appointments::calendar(&stranger, start, &week(monday, 7)).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
    }
}
