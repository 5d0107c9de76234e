//! What a person may do. In shared mode each role is also a PostgreSQL group role the person's
//! login is a member of, so the database's own policies tell operators, supervisors and
//! administrators apart.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    Operator,
    Supervisor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Operator, Role::Supervisor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Operator => "operator",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Supervisors and administrators move cases, import and export results; operators do not.
    pub fn supervises(self) -> bool {
        matches!(self, Role::Supervisor | Role::Admin)
    }

    /// The PostgreSQL group role a person of this role is a member of.
    pub fn group(self) -> &'static str {
        match self {
            Role::Operator => "khaosat_operator",
            Role::Supervisor => "khaosat_supervisor",
            Role::Admin => "khaosat_admin",
        }
    }

    /// The role's name in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Role::Operator => "điện thoại viên",
            Role::Supervisor => "giám sát viên",
            Role::Admin => "quản trị viên",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_back_and_name_their_groups() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert!(role.group().starts_with("khaosat_"));
        }
        assert_eq!(Role::parse("superuser"), None);
        assert!(Role::Admin.supervises() && !Role::Operator.supervises());
    }
}
