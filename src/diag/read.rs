//! The bounded file reader used for every file the program reads: regular
//! files only, a size limit, UTF-8 only, never blocking on a FIFO.

use std::fs;
use std::io::Read as _;
use std::path::Path;

/// Reads `path` as UTF-8 text, refusing what is not a regular file, larger
/// than `limit` bytes, or not UTF-8, without blocking (a FIFO is never opened)
/// and in bounded memory. A byte-order mark is skipped. The error is a
/// message about the file as a whole.
pub fn read_bounded(path: &Path, limit: u64) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| format!("cannot read this file: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file; give a .toml file (or a folder of briefings)".into());
    }
    if meta.len() > limit {
        return Err(format!(
            "file is {} but files are limited to {}; split it into several files",
            human(meta.len()),
            human(limit)
        ));
    }
    let file = fs::File::open(path).map_err(|e| format!("cannot read this file: {e}"))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read this file: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("file grew past {} while being read", human(limit)));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err("file is UTF-16; save it as UTF-8".into());
    }
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!(
            "not valid UTF-8 at line {line}, column {column} (byte {at}); save the file as UTF-8"
        )
    })
}

/// A size for people: "64.0 MiB", "512 KiB".
fn human(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KiB", bytes.div_ceil(1024))
    }
}
