//! Argument parsing: any argument vector (arguments split at NUL bytes, not
//! always UTF-8) is a command or a usage error, never a panic. The value
//! parsers (`--date`, `--tolerance`, `--assume`, `--locale`, `-j`) run here.
#![no_main]

use std::os::unix::ffi::OsStrExt;

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../src/cli.rs"]
mod cli;

fuzz_target!(|data: &[u8]| {
    let args = std::iter::once(std::ffi::OsStr::new("figures"))
        .chain(data.split(|&b| b == 0).map(std::ffi::OsStr::from_bytes));
    if let Err(e) = cli::parse(args) {
        // Rendering the message must not panic either.
        let _ = e.render().to_string();
    }
});
