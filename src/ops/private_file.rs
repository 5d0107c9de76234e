//! Writing a file that may hold personal data — an export with names and numbers, the rejected
//! rows of a list: it is written to a temporary file beside its target, created exclusively
//! (a file or a symbolic link planted under that name is removed, never followed) and readable
//! by its owner only, then moved into place, so a failure leaves nothing and nobody else can
//! read it. An existing target is replaced only when the person confirmed it (the save
//! dialog's question, or `--force` on the command line).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The temporary file a write to `out` goes to, created empty, exclusively, mode 0600. Refused
/// when `out` exists and `replace` was not confirmed.
pub fn begin(out: &Path, replace: bool) -> Result<PathBuf> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| Error::Invalid(format!("“{}” không phải tên tệp", out.display())))?;
    if !replace && std::fs::symlink_metadata(out).is_ok() {
        return Err(Error::Conflict(format!(
            "tệp {name} đã có: chọn tên khác, hoặc xác nhận ghi đè (trên dòng lệnh: --force)"
        )));
    }
    let partial = out.with_file_name(format!(".{name}.dang-ghi"));
    let create = || crate::owner_only::create_new(&partial);
    let created = match create() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            // Left by a write that was cut short, or planted: removed, not followed.
            std::fs::remove_file(&partial).and_then(|()| create())
        }
        other => other,
    };
    created.map_err(|e| {
        Error::Invalid(format!(
            "không ghi được tệp {}: {}",
            out.display(),
            io_reason(&e)
        ))
    })?;
    Ok(partial)
}

/// Moves the written temporary file into place.
pub fn finish(partial: &Path, out: &Path) -> std::io::Result<()> {
    std::fs::rename(partial, out)
}

/// Removes the temporary file of a write that failed.
pub fn abandon(partial: &Path) {
    let _ = std::fs::remove_file(partial);
}

/// Why a file could not be written, in words a person can act on.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "thư mục chứa tệp không tồn tại".to_owned(),
        std::io::ErrorKind::PermissionDenied => "không có quyền ghi vào đó".to_owned(),
        std::io::ErrorKind::StorageFull => "ổ đĩa đã đầy".to_owned(),
        kind => format!("lỗi ghi đĩa ({kind})"),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn a_file_is_owners_only_and_replaced_only_when_confirmed() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let out = dir.path().join("lien-lac.csv");
        let partial = begin(&out, false).expect("a new file");
        std::fs::write(&partial, "họ tên").expect("written");
        finish(&partial, &out).expect("moved");
        let mode = std::fs::metadata(&out)
            .expect("the file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        let refused = begin(&out, false).expect_err("it exists");
        assert!(refused.to_string().contains("đã có"), "{refused}");
        let again = begin(&out, true).expect("confirmed");
        abandon(&again);
        assert_eq!(std::fs::read_to_string(&out).expect("kept"), "họ tên");
    }

    #[test]
    fn a_planted_link_under_the_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let target = dir.path().join("bi-mat.txt");
        std::fs::write(&target, "không được ghi đè").expect("target");
        let out = dir.path().join("xuat.csv");
        std::os::unix::fs::symlink(&target, dir.path().join(".xuat.csv.dang-ghi")).expect("link");
        let partial = begin(&out, false).expect("begun");
        std::fs::write(&partial, "dữ liệu").expect("written");
        finish(&partial, &out).expect("moved");
        assert_eq!(
            std::fs::read_to_string(&target).expect("target"),
            "không được ghi đè"
        );
        assert_eq!(std::fs::read_to_string(&out).expect("out"), "dữ liệu");
    }
}
