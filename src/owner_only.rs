//! Files only their owner may read (mode 0600 on Unix): the embedded database and every file
//! written with personal data in it are created this way, and only ever created new — an
//! existing file or a planted symbolic link under the name is never opened.

use std::fs::File;
use std::path::Path;

/// Creates `path`, which must not exist yet, empty and readable and writable by its owner only.
pub fn create_new(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}
