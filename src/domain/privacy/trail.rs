//! The database's change trail read back: PostgreSQL's audit triggers keep every row before and
//! after a change (names and numbers starred), and a supervisor or the data protection officer
//! reads what changed — the columns whose values differ — rather than two whole rows.

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

/// One column a change touched, its values as the trail keeps them (JSON, compact).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnChange {
    pub column: String,
    /// Empty for a row added.
    pub before: String,
    /// Empty for a row removed.
    pub after: String,
}

/// The columns that differ between a row's two images (`None`: no row on that side, as for an
/// insert or a delete), by column name. A row added lists its columns with a value; a row
/// removed, those it had. An image that is not a JSON object reads as no row.
pub fn changed_columns(before: Option<&str>, after: Option<&str>) -> Vec<ColumnChange> {
    let (before, after) = (object(before), object(after));
    let mut columns: Vec<&String> = before.keys().chain(after.keys()).collect();
    columns.sort();
    columns.dedup();
    columns
        .into_iter()
        .filter_map(|column| {
            let (old, new) = (before.get(column), after.get(column));
            let shown = |v: Option<&Value>| match v {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
            };
            (old != new && !(shown(old).is_empty() && shown(new).is_empty())).then(|| {
                ColumnChange {
                    column: column.clone(),
                    before: shown(old),
                    after: shown(new),
                }
            })
        })
        .collect()
}

fn object(image: Option<&str>) -> Map<String, Value> {
    match image.map(serde_json::from_str::<Value>) {
        Some(Ok(Value::Object(map))) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(column: &str, before: &str, after: &str) -> ColumnChange {
        ColumnChange {
            column: column.to_owned(),
            before: before.to_owned(),
            after: after.to_owned(),
        }
    }

    #[test]
    fn an_update_lists_only_the_columns_whose_values_differ() {
        let before = r#"{"id":"c1","lease_holder":null,"lease_epoch":3,"full_name":"***"}"#;
        let after = r#"{"id":"c1","lease_holder":"s9","lease_epoch":4,"full_name":"***"}"#;
        assert_eq!(
            changed_columns(Some(before), Some(after)),
            vec![
                change("lease_epoch", "3", "4"),
                change("lease_holder", "", "s9")
            ]
        );
    }

    #[test]
    fn an_insert_lists_the_values_it_set_and_a_delete_those_it_removed() {
        let row = r#"{"staff_id":"s1","campaign_id":"k1","note":null}"#;
        assert_eq!(
            changed_columns(None, Some(row)),
            vec![
                change("campaign_id", "", "k1"),
                change("staff_id", "", "s1")
            ]
        );
        assert_eq!(
            changed_columns(Some(row), None),
            vec![
                change("campaign_id", "k1", ""),
                change("staff_id", "s1", "")
            ]
        );
    }

    #[test]
    fn nested_values_are_shown_as_compact_json_and_a_broken_image_as_no_row() {
        let before = r#"{"tried_slots":["sang"]}"#;
        let after = r#"{"tried_slots":["sang","chieu"]}"#;
        assert_eq!(
            changed_columns(Some(before), Some(after)),
            vec![change("tried_slots", r#"["sang"]"#, r#"["sang","chieu"]"#)]
        );
        assert_eq!(
            changed_columns(Some("không phải JSON"), Some(r#"{"a":1}"#)),
            vec![change("a", "", "1")]
        );
    }
}
