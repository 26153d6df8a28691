//! Finding, reading and fingerprinting a source's archived copy: beside the
//! briefing, then in each `--sources DIR`, then in
//! `$XDG_DATA_HOME/briefing/sources/` (`~/.local/share` when unset).

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use super::{Archive, ArchiveState};
use crate::diag::{read_bytes_bounded, utf8};
use crate::model::MAX_FILE_BYTES;

/// The shared folder of archived sources: `$XDG_DATA_HOME/briefing/sources`,
/// else `$HOME/.local/share/briefing/sources`.
pub fn data_dir() -> Option<PathBuf> {
    data_dir_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// [`data_dir`] from the values of `XDG_DATA_HOME` and `HOME`; an empty or
/// relative `XDG_DATA_HOME` is ignored, as the XDG spec says.
fn data_dir_from(xdg: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let xdg = xdg.map(PathBuf::from).filter(|p| p.is_absolute());
    let base = match xdg {
        Some(dir) => dir,
        None => PathBuf::from(home.filter(|h| !h.is_empty())?).join(".local/share"),
    };
    Some(base.join("briefing").join("sources"))
}

/// Where to look for `archived`, named by the briefing at `briefing`, in
/// order: beside the briefing, in each of `dirs` (as named, then by file
/// name alone), then in `data` the same way.
pub fn places(
    briefing: &Path,
    archived: &str,
    dirs: &[PathBuf],
    data: Option<&Path>,
) -> Vec<PathBuf> {
    let beside = briefing.parent().unwrap_or(Path::new(""));
    let mut places = vec![beside.join(archived)];
    let name = Path::new(archived).file_name();
    for dir in dirs.iter().map(PathBuf::as_path).chain(data) {
        places.push(dir.join(archived));
        if let Some(name) = name {
            places.push(dir.join(name));
        }
    }
    let mut seen = std::collections::HashSet::new();
    places.retain(|p| seen.insert(p.clone()));
    places
}

/// The first of `places` that exists, read: found, unreadable (not a
/// regular file, too large, not UTF-8), or not found anywhere.
///
/// A place counts as there if anything is at it, a broken symbolic link or
/// a loop of them included: that is reported as unreadable, not passed
/// over for the next place. The text is the file's bytes exactly, a
/// byte-order mark included, so that its digest is `sha256sum`'s and its
/// byte offsets are the file's.
pub fn find(places: Vec<PathBuf>) -> ArchiveState {
    let there = |p: &&PathBuf| p.symlink_metadata().is_ok();
    let Some(path) = places.iter().find(there).cloned() else {
        return ArchiveState::NotFound { looked_in: places };
    };
    match read_bytes_bounded(&path, MAX_FILE_BYTES).and_then(text) {
        Ok(text) => ArchiveState::Found(Archive { path, text }),
        Err(reason) => ArchiveState::Unreadable {
            path,
            reason: for_a_copy(&reason),
        },
    }
}

/// An archived copy's bytes as text: UTF-8, not UTF-16.
fn text(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err("file is UTF-16; save it as UTF-8".into());
    }
    utf8(bytes)
}

/// The reader's message about a file, without the advice meant for
/// briefing files (give a .toml file, split it into several).
fn for_a_copy(reason: &str) -> String {
    let reason = ["; give a .toml file", "; split it into several files"]
        .iter()
        .fold(reason, |r, advice| {
            r.split_once(advice).map_or(r, |(r, _)| r)
        });
    reason.to_string()
}

/// The SHA-256 of `text` as 64 lowercase hex digits.
pub fn sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_follows_xdg() {
        let d = |x: Option<&str>, h: Option<&str>| {
            data_dir_from(x.map(OsString::from), h.map(OsString::from))
        };
        assert_eq!(
            d(Some("/x"), Some("/h")),
            Some(PathBuf::from("/x/briefing/sources"))
        );
        assert_eq!(
            d(Some("rel"), Some("/h")),
            Some(PathBuf::from("/h/.local/share/briefing/sources"))
        );
        assert_eq!(
            d(Some(""), Some("/h")),
            Some(PathBuf::from("/h/.local/share/briefing/sources"))
        );
        assert_eq!(d(None, None), None);
    }

    #[test]
    fn places_in_order_without_repeats() {
        let p = places(
            Path::new("b/x.toml"),
            "sub/a.txt",
            &[PathBuf::from("s")],
            Some(Path::new("/d")),
        );
        let want = [
            "b/sub/a.txt",
            "s/sub/a.txt",
            "s/a.txt",
            "/d/sub/a.txt",
            "/d/a.txt",
        ];
        assert_eq!(p, want.map(PathBuf::from));
        let p = places(Path::new("x.toml"), "a.txt", &[PathBuf::from("s")], None);
        assert_eq!(p, ["a.txt", "s/a.txt"].map(PathBuf::from));
    }

    #[test]
    fn a_byte_order_mark_is_part_of_the_copy_and_its_digest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.txt");
        std::fs::write(&path, b"\xef\xbb\xbfHello world.\n").unwrap();
        let ArchiveState::Found(a) = find(vec![path]) else {
            panic!("found")
        };
        // sha256sum of the file's bytes, byte-order mark included.
        assert_eq!(
            sha256(&a.text),
            "e04e4903f660f780c84e65b9824fd1ac33c7d3dfe02a1d02818209a5023fafc7"
        );
        assert_eq!(a.text.find("Hello"), Some(3));
    }

    #[test]
    fn a_symbolic_link_loop_is_unreadable_not_missing() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let state = find(vec![a.clone(), dir.path().join("c.txt")]);
        assert!(
            matches!(&state, ArchiveState::Unreadable { path, .. } if *path == a),
            "{state:?}"
        );
    }

    #[test]
    fn sha256_of_known_text() {
        assert_eq!(
            sha256("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
