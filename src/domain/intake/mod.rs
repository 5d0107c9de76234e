//! Intake of a dossier list, the rules only: the cell values a sheet holds, which header is
//! which column, the dates people write, and whether a row is a dossier the campaign can use or
//! a rejection with its place and reason. Reading the file is `crate::sheet`'s business; storing,
//! folding several dossiers of one person and deduplication belong to the use case on top.
//!
//! Nothing here prints a name or a phone number: messages name the row, the column and the
//! reason; the offending value travels in [`row::Rejection::value`], for the rejects file only.

pub mod agency_code;
pub mod cell;
pub mod date;
pub mod header;
pub mod row;
pub(crate) mod text;

pub use agency_code::{suggest_code, unknown_agencies, NewAgency};
pub use cell::Cell;
pub use date::{parse_date, DateError};
pub use header::{map_headers, Column, ColumnMap, HeaderError};
pub use row::{
    parse_row, AgencyDirectory, Channel, DossierRow, RejectReason, Rejection, RowContext,
};
