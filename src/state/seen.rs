//! The ids seen in a briefing, kept as 64-bit hashes of kind and id: a
//! fixed 8 bytes an item (base64 in the file) however long the ids are.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The kinds of item that carry new marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Event,
    Speaker,
    Quote,
    Disagreement,
}

/// The hash an item is remembered by: FNV-1a of a kind tag and the id.
pub fn item_hash(kind: Kind, id: &str) -> u64 {
    let tag: &[u8] = match kind {
        Kind::Event => b"e\0",
        Kind::Speaker => b"s\0",
        Kind::Quote => b"q\0",
        Kind::Disagreement => b"d\0",
    };
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in tag.iter().chain(id.as_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // FNV's last byte reaches only the low bits well: mix them up.
    h ^= h >> 32;
    h.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Keys that are already hashes: one multiplication spreads them.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of item hashes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen(HashSet<u64, BuildHasherDefault<PassHasher>>);

impl Seen {
    pub fn new() -> Seen {
        Seen::default()
    }

    pub fn with_capacity(n: usize) -> Seen {
        Seen(HashSet::with_capacity_and_hasher(n, Default::default()))
    }

    pub fn insert(&mut self, kind: Kind, id: &str) -> bool {
        self.0.insert(item_hash(kind, id))
    }

    pub fn contains(&self, kind: Kind, id: &str) -> bool {
        self.0.contains(&item_hash(kind, id))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The hashes, sorted, as base64 of 8 big-endian bytes each.
    fn encode(&self) -> String {
        let mut hashes: Vec<u64> = self.0.iter().copied().collect();
        hashes.sort_unstable();
        let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_be_bytes()).collect();
        STANDARD.encode(bytes)
    }

    fn decode(text: &str, count: usize) -> Result<Seen, String> {
        let bytes = STANDARD
            .decode(text)
            .map_err(|_| "its seen ids are not base64".to_string())?;
        if bytes.len() % 8 != 0 || bytes.len() / 8 != count {
            return Err("its seen ids do not match their count".into());
        }
        let mut seen = Seen::with_capacity(count);
        for chunk in bytes.chunks_exact(8) {
            let mut b = [0; 8];
            b.copy_from_slice(chunk);
            seen.0.insert(u64::from_be_bytes(b));
        }
        Ok(seen)
    }
}

/// How the seen set is written: a count (a check) and the hashes.
#[derive(Serialize, Deserialize)]
struct SeenFile {
    count: usize,
    hashes: String,
}

impl Serialize for Seen {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SeenFile {
            count: self.len(),
            hashes: self.encode(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Seen {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Seen, D::Error> {
        let file = SeenFile::deserialize(d)?;
        Seen::decode(&file.hashes, file.count).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_apart() {
        assert_ne!(item_hash(Kind::Quote, "x"), item_hash(Kind::Event, "x"));
        let mut seen = Seen::new();
        seen.insert(Kind::Quote, "q-1");
        assert!(seen.contains(Kind::Quote, "q-1"));
        assert!(!seen.contains(Kind::Speaker, "q-1"));
    }

    #[test]
    fn the_encoding_round_trips_and_is_checked() {
        let mut seen = Seen::new();
        for i in 0..1000 {
            seen.insert(Kind::Quote, &format!("q-{i}"));
        }
        let text = seen.encode();
        assert_eq!(Seen::decode(&text, 1000), Ok(seen));
        assert!(Seen::decode(&text, 999).is_err());
        assert!(Seen::decode("not base64!", 0).is_err());
        assert!(Seen::decode("AAAA", 0).is_err());
    }
}
