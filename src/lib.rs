//! Khảo sát's core: telephone surveys of citizen satisfaction with public administrative
//! services. The rules (`domain`), the storage (`store`: SQLite and PostgreSQL behind one
//! contract), the use cases (`ops`) and the typed edge the desktop calls (`api`). Nothing here
//! depends on Tauri: the desktop shell and the `khaosat` CLI are thin faces over this library.

pub mod api;
pub mod clock;
pub mod domain;
pub mod error;
pub mod ops;
pub mod owner_only;
pub mod sheet;
pub mod store;

pub use error::{Error, Result};
