//! Hashing for the one-pass searches over an archive: a multiplicative
//! hasher for keys that are already well spread (rolling hashes, packed
//! grams), and a bit filter that rules out most positions without a lookup.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Mixes a `u64` key with one multiplication; other writes fold bytes in.
#[derive(Debug, Default, Clone, Copy)]
pub struct Mix(u64);

const K: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// A map keyed by `u64` hashes or packed grams.
pub type U64Map<V> = HashMap<u64, V, BuildHasherDefault<Mix>>;

/// A set of `u64` keys as bits: "maybe present" or "surely absent".
#[derive(Debug, Clone)]
pub struct Filter {
    words: Vec<u64>,
    /// log2 of the number of bits.
    bits: u32,
}

impl Filter {
    /// A filter for about `keys` keys: 32 bits a key (a few false hits in a
    /// hundred), between 8 KiB and 2 MiB, so that it stays in cache.
    pub fn for_keys(keys: usize) -> Filter {
        let bits = (keys.max(1) * 32)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(16, 24);
        Filter {
            words: vec![0; 1 << (bits - 6)],
            bits,
        }
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(K) >> (64 - self.bits)) as usize
    }

    pub fn insert(&mut self, key: u64) {
        let s = self.slot(key);
        self.words[s >> 6] |= 1 << (s & 63);
    }

    pub fn may_hold(&self, key: u64) -> bool {
        let s = self.slot(key);
        self.words[s >> 6] & (1 << (s & 63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_holds_what_was_inserted() {
        let mut f = Filter::for_keys(10_000);
        for k in (0..10_000u64).map(|k| k * 7919) {
            f.insert(k);
        }
        assert!((0..10_000u64).all(|k| f.may_hold(k * 7919)));
        let false_hits = (0..100_000u64).filter(|k| f.may_hold(k * 7919 + 1)).count();
        assert!(false_hits < 5_000, "{false_hits}");
    }
}
