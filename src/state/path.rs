//! Where state lives: the folder (`$XDG_STATE_HOME/briefing/`, else
//! `$HOME/.local/state/briefing/`) and the name of each file in it.

use std::path::{Path, PathBuf};

/// The state folder from the environment's values of `XDG_STATE_HOME` and
/// `HOME`, as the XDG base-directory spec says: `$XDG_STATE_HOME/briefing`
/// when it is set to an absolute path (a relative one is ignored), else
/// `$HOME/.local/state/briefing`; `None` when neither is usable.
pub fn state_dir_from(xdg_state_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    fn absolute(v: Option<&str>) -> Option<&Path> {
        v.map(Path::new).filter(|p| p.is_absolute())
    }
    if let Some(base) = absolute(xdg_state_home) {
        return Some(base.join("briefing"));
    }
    absolute(home).map(|h| h.join(".local/state/briefing"))
}

/// The state folder of this process's environment.
pub fn state_dir() -> Option<PathBuf> {
    let var = |name| std::env::var(name).ok();
    state_dir_from(var("XDG_STATE_HOME").as_deref(), var("HOME").as_deref())
}

/// The path a briefing file is known by: canonical where it can be, as
/// given otherwise (the briefing compiled into the binary).
pub fn key_of(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    path.to_string_lossy().into_owned()
}

/// The file name of a briefing's state: its id, made safe and short, then
/// a short stable hash of its canonical path: `alaska-summit-2025-1f2e3d4c5b6a7980.toml`.
pub fn briefing_file_name(id: &str, key: &str) -> String {
    format!("{}-{:016x}.toml", safe(id), fnv(key.as_bytes()))
}

/// The file name of the session of a set of briefings opened together
/// (which of them was shown): `session-<hash of the sorted paths>.toml`.
pub fn session_file_name(keys: &[String]) -> String {
    let mut keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    keys.sort_unstable();
    format!("session-{:016x}.toml", fnv(keys.join("\0").as_bytes()))
}

/// At most this many characters of an id go into a file name.
const ID_CHARS: usize = 48;

/// `id` with only `a-z`, `0-9` and `-` kept (others become `_`), at most
/// [`ID_CHARS`] of them; `briefing` when nothing is left.
fn safe(id: &str) -> String {
    let s: String = (id.chars().take(ID_CHARS))
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '_',
        })
        .collect();
    if s.is_empty() || s.starts_with('.') {
        "briefing".into()
    } else {
        s
    }
}

/// FNV-1a, 64 bits: small, fast and the same on every platform and
/// version, unlike the standard library's hasher.
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xdg_state_home_wins_when_absolute() {
        assert_eq!(
            state_dir_from(Some("/s"), Some("/home/a")),
            Some(PathBuf::from("/s/briefing"))
        );
    }

    #[test]
    fn unset_empty_or_relative_xdg_state_home_falls_back_to_home() {
        let fallback = Some(PathBuf::from("/home/a/.local/state/briefing"));
        assert_eq!(state_dir_from(None, Some("/home/a")), fallback);
        assert_eq!(state_dir_from(Some(""), Some("/home/a")), fallback);
        assert_eq!(state_dir_from(Some("rel/state"), Some("/home/a")), fallback);
    }

    #[test]
    fn no_usable_base_means_no_state() {
        assert_eq!(state_dir_from(None, None), None);
        assert_eq!(state_dir_from(Some("x"), Some("also/relative")), None);
    }

    #[test]
    fn file_names_are_safe_whatever_the_id() {
        for id in [
            "../../etc/passwd",
            "a/b",
            "",
            ".hidden",
            "\u{1b}[31m",
            "x\0y",
            "Ünï",
        ] {
            let name = briefing_file_name(id, "/p");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'),
                "{name}"
            );
            assert!(!name.starts_with('.'), "{name}");
            assert!(name.ends_with(".toml"));
        }
        let long = briefing_file_name(&"a".repeat(10_000), "/p");
        assert!(long.len() < 80, "{long}");
    }

    #[test]
    fn names_depend_on_the_path_and_are_stable() {
        assert_eq!(
            briefing_file_name("alaska", "/a/alaska.toml"),
            "alaska-d6a931234ffa22bf.toml"
        );
        assert_ne!(
            briefing_file_name("alaska", "/a/alaska.toml"),
            briefing_file_name("alaska", "/b/alaska.toml")
        );
        let (a, b) = ("/a".to_string(), "/b".to_string());
        assert_eq!(
            session_file_name(&[a.clone(), b.clone()]),
            session_file_name(&[b, a])
        );
    }
}
