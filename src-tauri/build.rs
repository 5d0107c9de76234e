//! Reads `tauri.conf.json` and the capabilities, and embeds them (with the icons) in the app.
fn main() {
    tauri_build::build()
}
