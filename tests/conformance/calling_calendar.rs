//! A campaign's calling calendar on both databases: the year's holidays and days in lieu as the
//! scheduler reckons them, and an extra day off closed and opened again by a supervisor — the
//! queue follows, the audit keeps it, and nobody else may.

use chrono::{Duration, TimeZone};
use khaosat::error::Error;
use khaosat::ops::calling_calendar::{self, CallingYearRequest, DayOffKind, DayOffRequest};
use khaosat::ops::supervise::{self, CampaignRequest};
use khaosat::store::model::Role;
use uuid::Uuid;

use crate::fixtures::small_campaign;
use crate::scheduler::supervisor;
use crate::support::{claim, monday_morning, on_both_backends};

on_both_backends! {
    async fn a_supervisor_closes_a_day_and_the_queue_follows(db: TestDb) {
        let start = monday_morning();
        let f = small_campaign(&db, start, 3, 1, 5).await;
        let boss = supervisor(&db, f.campaign).await;
        let year = calling_calendar::calling_year(&boss, &CallingYearRequest { campaign_id: f.campaign, year: 2026 })
            .await
            .expect("the year");
        let find = |date: &str| year.days.iter().find(|d| d.date == date).cloned();
        // Giỗ Tổ Hùng Vương falls on Sunday 26/04/2026: Monday 27/04 is its day in lieu.
        let gio_to = find("26/04/2026").expect("Giỗ Tổ");
        assert_eq!((gio_to.kind, gio_to.name.as_str()), (DayOffKind::Holiday, "Giỗ Tổ Hùng Vương"));
        let in_lieu = find("27/04/2026").expect("its day in lieu");
        assert_eq!((in_lieu.kind, in_lieu.weekday), (DayOffKind::InLieu, 0));
        assert!(year.days.iter().all(|d| d.kind != DayOffKind::Closed));

        // Tuesday 24/11/2026 closed: a workstation reading the campaign afresh hands nothing then.
        let tuesday = |closed: bool| DayOffRequest { campaign_id: f.campaign, day: "24/11/2026".to_owned(), closed };
        let after = calling_calendar::set_day_off(&boss, start, &tuesday(true)).await.expect("closed");
        assert!(after.days.iter().any(|d| d.date == "24/11/2026" && d.kind == DayOffKind::Closed));
        let twice = calling_calendar::set_day_off(&boss, start, &tuesday(true)).await;
        assert!(matches!(twice, Err(Error::Conflict(_))), "{twice:?}");
        let tag = &Uuid::new_v4().simple().to_string()[..8];
        let fresh = db.add_person(&format!("dtv.{tag}"), Role::Operator, &[f.campaign]).await;
        let tuesday_morning = chrono_tz::Asia::Ho_Chi_Minh
            .with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
            .single()
            .expect("a time")
            .with_timezone(&chrono::Utc);
        assert!(claim(&fresh, tuesday_morning, f.campaign).await.is_none(), "a case on a closed day");
        let audit = supervise::audit(&boss, &CampaignRequest { campaign_id: f.campaign }).await.expect("audit");
        assert!(audit.iter().any(|e| e.action == "day_closed" && e.after.as_deref() == Some("24/11/2026")), "{audit:?}");

        // Opened again, the day calls; a holiday cannot be opened here; a bad day is named.
        calling_calendar::set_day_off(&boss, start, &tuesday(false)).await.expect("opened");
        let again = db.add_person(&format!("dtv.{tag}b"), Role::Operator, &[f.campaign]).await;
        assert!(claim(&again, tuesday_morning, f.campaign).await.is_some());
        let holiday = calling_calendar::set_day_off(&boss, start, &DayOffRequest { day: "27/04/2026".to_owned(), ..tuesday(false) }).await;
        assert!(matches!(&holiday, Err(Error::Conflict(m)) if m.contains("ngày nghỉ bù")), "{holiday:?}");
        let bad = calling_calendar::set_day_off(&boss, start + Duration::minutes(1), &DayOffRequest { day: "31/11/2026".to_owned(), ..tuesday(true) }).await;
        assert!(matches!(&bad, Err(Error::Invalid(m)) if m.contains("ngày nghỉ “31/11/2026”")), "{bad:?}");

        // An operator neither reads nor changes the calendar.
        let refused = calling_calendar::set_day_off(&fresh, start, &tuesday(true)).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
    }
}
