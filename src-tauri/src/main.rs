//! `khaosat-desktop`: the Khảo sát window. Everything happens in the `khaosat_desktop` library.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    match khaosat_desktop::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("lỗi: không mở được cửa sổ Khảo sát: {error}");
            ExitCode::FAILURE
        }
    }
}
