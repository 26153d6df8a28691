//! The bounded file reader used for every file the program reads: regular
//! files only, a size limit, UTF-8 only, never blocking on a FIFO.

use std::fs;
use std::io::Read as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

/// Reads `path` as UTF-8 text, refusing what is not a regular file, larger
/// than `limit` bytes, or not UTF-8, without blocking and in bounded memory.
/// A byte-order mark is skipped. The error is a message about the file as a
/// whole.
///
/// The file is opened first, without blocking (`O_NONBLOCK`: opening a FIFO
/// returns at once), and the type of what was opened is checked after, so
/// swapping the file for a FIFO in between cannot make the read hang.
pub fn read_bounded(path: &Path, limit: u64) -> Result<String, String> {
    let bytes = read_bytes_bounded(path, limit)?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err("file is UTF-16; save it as UTF-8".into());
    }
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    utf8(bytes)
}

/// The bytes of `path`, as they are on disk, with the same refusals as
/// [`read_bounded`] (not a regular file, larger than `limit`) and the same
/// care not to block. For files whose exact bytes matter, such as an
/// archived source whose digest is checked.
pub fn read_bytes_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| cannot_read(&e))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read this file: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file (a folder, a device or a FIFO); give a .toml file".into());
    }
    if meta.len() > limit {
        return Err(format!(
            "file is {} but files are limited to {}; split it into several files",
            human(meta.len()),
            human(limit)
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read this file: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("file grew past {} while being read", human(limit)));
    }
    Ok(bytes)
}

/// Why a file cannot be opened, and what to do about it.
fn cannot_read(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "cannot read this file: it does not exist; check the path".into()
        }
        std::io::ErrorKind::PermissionDenied => {
            "cannot read this file: permission denied; give this user read access (chmod) or copy it somewhere readable".into()
        }
        _ => format!("cannot read this file: {e}"),
    }
}

/// `bytes` as UTF-8 text, or where the first invalid byte is.
pub fn utf8(bytes: Vec<u8>) -> Result<String, String> {
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

/// A size for people, exact: "64 MiB", "67,108,865 bytes".
fn human(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{} bytes", grouped(bytes))
    }
}

/// `67108865` → `67,108,865`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_exact() {
        assert_eq!(human(64 * 1024 * 1024), "64 MiB");
        assert_eq!(human(64 * 1024 * 1024 + 1), "67,108,865 bytes");
        assert_eq!(human(1024 * 1024), "1 MiB");
        assert_eq!(human(512 * 1024), "512 KiB");
        assert_eq!(human(999), "999 bytes");
    }

    #[test]
    fn a_fifo_swapped_in_never_blocks_the_read() {
        // A path that is a regular file and a FIFO in turns, as fast as
        // possible, while it is read: every read ends, with the text or with
        // "not a regular file".
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.toml");
        let fifo = dir.path().join("fifo");
        let file = dir.path().join("file");
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let swapper = {
            let (path, fifo, file, stop) = (path.clone(), fifo.clone(), file.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    fs::write(&file, "format = 1\n").unwrap();
                    fs::rename(&file, &path).unwrap();
                    // SAFETY: a valid C string and mode.
                    assert_eq!(unsafe { libc::mkfifo(c(&fifo).as_ptr(), 0o600) }, 0);
                    fs::rename(&fifo, &path).unwrap();
                }
            })
        };
        let (done, finished) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            // Until both kinds have been read often, for two seconds at most.
            let (mut texts, mut fifos) = (0, 0);
            let start = std::time::Instant::now();
            while (texts < 50 || fifos < 50) && start.elapsed().as_secs() < 2 {
                match read_bounded(&path, 1024) {
                    Ok(_) => texts += 1,
                    Err(e) if e.starts_with("not a regular file") => fifos += 1,
                    Err(_) => {}
                }
            }
            done.send((texts, fifos)).unwrap();
        });
        let result = finished.recv_timeout(std::time::Duration::from_secs(60));
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let (texts, fifos) = result.expect("a read blocked on a FIFO");
        reader.join().unwrap();
        swapper.join().unwrap();
        assert!(texts > 0 && fifos > 0, "{texts} texts, {fifos} FIFOs");
    }
}
