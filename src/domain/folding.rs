//! One person, several dossiers: which rows of an import are new, which are already stored or
//! repeated in the file, which reuse a dossier code with different data, and which case each
//! new dossier belongs to. A person is a normalised phone number; the case's interview is about
//! its most recent dossier (latest date received; on the same day, the larger dossier code).

use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use super::intake::{Channel, DossierRow, RejectReason, Rejection};

/// What makes two rows with one dossier code "the same data".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierData {
    pub full_name: String,
    pub phone_e164: String,
    pub agency_code: String,
    pub procedure: String,
    pub field: Option<String>,
    pub received_on: NaiveDate,
    pub channel: Option<Channel>,
    pub birth_year: Option<u16>,
}

impl From<&DossierRow> for DossierData {
    fn from(row: &DossierRow) -> Self {
        Self {
            full_name: row.full_name.clone(),
            phone_e164: row.phone.e164(),
            agency_code: row.agency_code.clone(),
            procedure: row.procedure.clone(),
            field: row.field.clone(),
            received_on: row.received_on,
            channel: row.channel,
            birth_year: row.birth_year,
        }
    }
}

impl DossierData {
    /// Whether a row carries exactly this data.
    pub fn matches(&self, row: &DossierRow) -> bool {
        self.full_name == row.full_name
            && self.agency_code == row.agency_code
            && self.procedure == row.procedure
            && self.field == row.field
            && self.received_on == row.received_on
            && self.channel == row.channel
            && self.birth_year == row.birth_year
            && self.phone_e164 == row.phone.e164()
    }
}

/// Two rows of one file carry the same dossier data.
fn same_data(a: &DossierRow, b: &DossierRow) -> bool {
    a.full_name == b.full_name
        && a.phone == b.phone
        && a.agency_code == b.agency_code
        && a.procedure == b.procedure
        && a.field == b.field
        && a.received_on == b.received_on
        && a.channel == b.channel
        && a.birth_year == b.birth_year
}

/// A case already in the campaign: its id and the date and code of its current dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownCase {
    pub id: Uuid,
    pub received_on: NaiveDate,
    pub dossier_code: String,
}

/// What the campaign holds before the import.
#[derive(Debug, Default)]
pub struct Known {
    /// Dossier code → its data.
    pub dossiers: HashMap<String, DossierData>,
    /// Phone (E.164) → case.
    pub cases: HashMap<String, KnownCase>,
}

/// What to write: indices point into the rows given to [`fold`].
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FoldPlan {
    /// New cases: id and the row of their most recent dossier in this file.
    pub new_cases: Vec<(Uuid, usize)>,
    /// New dossiers: row and the case each belongs to.
    pub new_dossiers: Vec<(usize, Uuid)>,
    /// Existing cases whose most recent dossier is now this row.
    pub case_updates: Vec<(Uuid, usize)>,
    /// Rows already stored, or repeated earlier in the file, with the same data.
    pub already_present: usize,
    pub rejected: Vec<Rejection>,
}

fn newer(a: (NaiveDate, &str), b: (NaiveDate, &str)) -> bool {
    a > b
}

/// Plans an import of `rows` (already parsed and valid) into a campaign holding `known`.
pub fn fold(rows: &[DossierRow], known: &Known, mut new_id: impl FnMut() -> Uuid) -> FoldPlan {
    let mut plan = FoldPlan::default();
    // Dossier code → its first row in the file, for codes new to the campaign.
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
    // Phone → (case id, index of its most recent row in this file, whether the case is new).
    let mut latest: HashMap<String, (Uuid, Option<usize>, bool)> =
        HashMap::with_capacity(rows.len());

    for (index, row) in rows.iter().enumerate() {
        if let Some(stored) = known.dossiers.get(&row.dossier_code) {
            if stored.matches(row) {
                plan.already_present += 1;
            } else {
                plan.rejected.push(Rejection {
                    row: row.row,
                    column: Some(super::intake::Column::DossierCode),
                    value: row.dossier_code.clone(),
                    reason: RejectReason::StoredWithOtherData,
                });
            }
            continue;
        }
        if let Some(first) = seen.get(row.dossier_code.as_str()) {
            if same_data(&rows[*first], row) {
                plan.already_present += 1;
            } else {
                plan.rejected.push(Rejection::duplicate_dossier(
                    row.row,
                    rows[*first].row,
                    &row.dossier_code,
                ));
            }
            continue;
        }
        seen.insert(&row.dossier_code, index);

        let phone = row.phone.e164();
        let entry = latest
            .entry(phone)
            .or_insert_with_key(|phone| match known.cases.get(phone) {
                Some(case) => (case.id, None, false),
                None => (new_id(), None, true),
            });
        plan.new_dossiers.push((index, entry.0));
        let current = match entry.1 {
            Some(i) => Some((rows[i].received_on, rows[i].dossier_code.as_str())),
            None => known
                .cases
                .get(&row.phone.e164())
                .map(|c| (c.received_on, c.dossier_code.as_str())),
        };
        if current.is_none_or(|current| newer((row.received_on, &row.dossier_code), current)) {
            entry.1 = Some(index);
        }
    }
    for (case, row, is_new) in latest.into_values() {
        match (row, is_new) {
            (Some(row), true) => plan.new_cases.push((case, row)),
            (Some(row), false) => plan.case_updates.push((case, row)),
            (None, _) => {}
        }
    }
    plan.new_cases.sort_by_key(|(_, row)| *row);
    plan.case_updates.sort_by_key(|(_, row)| *row);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::phone::PhoneNumber;

    fn row(line: usize, code: &str, phone: &str, day: u32) -> DossierRow {
        DossierRow {
            row: line,
            dossier_code: code.to_owned(),
            full_name: "Nguyễn Văn An".to_owned(),
            phone: PhoneNumber::parse(phone).expect("valid phone"),
            agency_code: "STP".to_owned(),
            procedure: "Chứng thực".to_owned(),
            field: None,
            received_on: NaiveDate::from_ymd_opt(2026, 10, day).expect("date"),
            channel: None,
            birth_year: None,
        }
    }

    fn ids() -> impl FnMut() -> Uuid {
        let mut n = 0u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    #[test]
    fn one_person_with_several_dossiers_is_one_case_about_the_most_recent() {
        let rows = [
            row(2, "A", "0912000001", 3),
            row(3, "B", "0912000001", 9),
            row(4, "C", "0912000002", 5),
        ];
        let plan = fold(&rows, &Known::default(), ids());
        assert_eq!(plan.new_cases.len(), 2);
        let first = plan
            .new_cases
            .iter()
            .find(|(_, r)| rows[*r].phone.e164() == "+84912000001")
            .expect("case");
        assert_eq!(rows[first.1].dossier_code, "B", "the most recent dossier");
        assert_eq!(plan.new_dossiers.len(), 3);
        assert_eq!(
            plan.new_dossiers[0].1, plan.new_dossiers[1].1,
            "both dossiers on one case"
        );
        assert!(plan.rejected.is_empty() && plan.already_present == 0);
    }

    #[test]
    fn a_repeated_code_is_kept_once_when_equal_and_rejected_when_different() {
        let mut changed = row(4, "A", "0912000001", 3);
        changed.procedure = "Đăng ký khai sinh".to_owned();
        let rows = [
            row(2, "A", "0912000001", 3),
            row(3, "A", "0912000001", 3),
            changed,
        ];
        let plan = fold(&rows, &Known::default(), ids());
        assert_eq!(plan.new_dossiers.len(), 1);
        assert_eq!(plan.already_present, 1);
        assert_eq!(plan.rejected.len(), 1);
        assert_eq!(plan.rejected[0].row, 4);
        assert_eq!(
            plan.rejected[0].reason,
            RejectReason::DuplicateDossier { first_row: 2 }
        );
    }

    #[test]
    fn importing_again_changes_nothing_and_a_changed_stored_dossier_is_rejected() {
        let rows = [row(2, "A", "0912000001", 3), row(3, "B", "0912000002", 4)];
        let mut known = Known::default();
        for r in &rows {
            known
                .dossiers
                .insert(r.dossier_code.clone(), DossierData::from(r));
        }
        let plan = fold(&rows, &known, ids());
        assert_eq!(plan.already_present, 2);
        assert!(
            plan.new_cases.is_empty()
                && plan.new_dossiers.is_empty()
                && plan.case_updates.is_empty()
        );

        let mut moved = row(2, "A", "0912000009", 3);
        moved.full_name = "Trần Thị Bình".to_owned();
        let plan = fold(&[moved], &known, ids());
        assert_eq!(plan.rejected[0].reason, RejectReason::StoredWithOtherData);
    }

    #[test]
    fn a_newer_dossier_for_a_known_person_moves_the_case_to_it() {
        let mut known = Known::default();
        let case = Uuid::from_u128(99);
        known.cases.insert(
            "+84912000001".to_owned(),
            KnownCase {
                id: case,
                received_on: NaiveDate::from_ymd_opt(2026, 10, 5).expect("date"),
                dossier_code: "OLD".to_owned(),
            },
        );
        let older = fold(&[row(2, "X", "0912000001", 2)], &known, ids());
        assert_eq!(older.new_dossiers, vec![(0, case)]);
        assert!(
            older.case_updates.is_empty(),
            "an older dossier leaves the case as it is"
        );
        let newer = fold(&[row(2, "Y", "0912000001", 20)], &known, ids());
        assert_eq!(newer.case_updates, vec![(case, 0)]);
        assert!(newer.new_cases.is_empty());
    }
}
