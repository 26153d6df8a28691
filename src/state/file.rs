//! Reading a state file (bounded, never blocking) and writing one
//! atomically (a temporary file in the same folder, synced, renamed).

use std::fs;
use std::io::Write as _;
use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _};
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

/// A state file larger than this is not read: the largest one a briefing
/// of 64 MiB could need is well under it.
pub const MAX_STATE_BYTES: u64 = 32 * 1024 * 1024;

/// The text of the state file at `path`: `Ok(None)` when there is none
/// (nor its folder), `Err` with a reason when it cannot be used (not a
/// regular file, too large, not UTF-8, unreadable).
pub fn read(path: &Path) -> Result<Option<String>, String> {
    read_at_most(path, MAX_STATE_BYTES)
}

/// [`read`], refusing a file over `max` bytes (at most [`MAX_STATE_BYTES`]).
pub fn read_at_most(path: &Path, max: u64) -> Result<Option<String>, String> {
    match fs::symlink_metadata(path) {
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                || e.kind() == std::io::ErrorKind::NotADirectory =>
        {
            return Ok(None);
        }
        _ => {}
    }
    crate::diag::read_bounded(path, max.min(MAX_STATE_BYTES)).map(Some)
}

/// The largest state file a briefing of `items` items (events, speakers,
/// quotes, disagreements) can have: each seen id takes about 11 bytes, and
/// the rest is small. Anything larger is not the reader's, and is not
/// parsed (a nested-array bomb within the overall cap would cost seconds).
pub fn max_state_bytes(items: usize) -> u64 {
    (32u64.saturating_mul(items as u64))
        .saturating_add(64 * 1024)
        .min(MAX_STATE_BYTES)
}

/// Writes `text` to `path` atomically: into a new temporary file beside
/// it (readable by the user only), synced to disk, then renamed over
/// `path`, so a reader finds the old file or the new one, never half of
/// one. The folder is made (mode 0700, as the XDG spec asks) if missing.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("a state file needs a folder"))?;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
        return written;
    }
    // The rename itself is made durable by syncing the folder; where that
    // is not possible the file is still whole.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_or_folder_is_no_state() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(&dir.path().join("none.toml")), Ok(None));
        assert_eq!(read(&dir.path().join("no/such/dir.toml")), Ok(None));
        let file = dir.path().join("file");
        fs::write(&file, "x").unwrap();
        assert_eq!(read(&file.join("under-a-file.toml")), Ok(None));
    }

    #[test]
    fn a_fifo_at_the_path_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("s.toml");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid C string and mode.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(read(&fifo)).unwrap());
        let got = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("reading a FIFO blocked");
        assert!(got.unwrap_err().starts_with("not a regular file"));
    }

    #[test]
    fn a_folder_or_a_huge_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(dir.path()).is_err());
        let big = dir.path().join("big.toml");
        let f = fs::File::create(&big).unwrap();
        f.set_len(MAX_STATE_BYTES + 1).unwrap();
        assert!(read(&big).unwrap_err().contains("limited"));
    }

    #[test]
    fn the_write_is_atomic_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/sub/s.toml");
        write_atomic(&path, "one").unwrap();
        write_atomic(&path, "two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["s.toml"]);
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by others: {mode:o}");
    }

    #[test]
    fn a_reader_never_sees_half_a_file() {
        // Readers race a writer that replaces a large file: every read is
        // one whole version or the other.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let (a, b) = ("a".repeat(1 << 20), "b".repeat(1 << 20));
        write_atomic(&path, &a).unwrap();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let reader = {
            let (path, stop, a, b) = (path.clone(), stop.clone(), a.clone(), b.clone());
            std::thread::spawn(move || {
                let mut reads = 0;
                while !stop.load(Ordering::SeqCst) {
                    let text = read(&path).unwrap().unwrap();
                    assert!(
                        text == a || text == b,
                        "a torn file of {} bytes",
                        text.len()
                    );
                    reads += 1;
                }
                reads
            })
        };
        for i in 0..20 {
            write_atomic(&path, if i % 2 == 0 { &b } else { &a }).unwrap();
        }
        stop.store(true, Ordering::SeqCst);
        assert!(reader.join().unwrap() > 0);
    }

    #[test]
    fn a_symlink_at_the_path_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("briefing.toml");
        fs::write(&target, "format = 1\n").unwrap();
        let path = dir.path().join("s.toml");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        write_atomic(&path, "state").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "format = 1\n");
        assert_eq!(fs::read_to_string(&path).unwrap(), "state");
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn a_state_file_larger_than_its_briefing_allows_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        // Nested arrays, as a bomb would be: refused by size, unparsed.
        let bomb = "k = [[[[[1]]]]]\n".repeat(10_000);
        fs::write(&path, &bomb).unwrap();
        let why = read_at_most(&path, max_state_bytes(10)).unwrap_err();
        assert!(why.contains("large") || why.contains("bytes"), "{why}");
        // A briefing large enough could have such a file.
        assert!(
            read_at_most(&path, max_state_bytes(100_000))
                .unwrap()
                .is_some()
        );
    }
}
