//! Reading the compact tables `scripts/gen_tables.py` writes: integers as
//! unsigned LEB128 varints, strings led by their length in bytes. Every
//! read is checked, so a damaged table is `None`, never a panic.

/// The bytes of a table not read yet.
pub(crate) struct Bytes<'a> {
    bytes: &'a [u8],
}

impl<'a> Bytes<'a> {
    /// The table in `bytes`, if it starts with `magic` (its format and version).
    pub fn new(bytes: &'a [u8], magic: &[u8; 4]) -> Option<Bytes<'a>> {
        let mut r = Bytes { bytes };
        (r.take(4)? == magic).then_some(r)
    }

    /// Bytes with no magic: a part of a table (a rate column).
    pub fn part(bytes: &'a [u8]) -> Bytes<'a> {
        Bytes { bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(head)
    }

    pub fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    pub fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    pub fn signed(&mut self) -> Option<i64> {
        let v = self.varint()?;
        // Zigzag: 0, -1, 1, -2, ... as 0, 1, 2, 3, ...
        Some((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    pub fn count(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    /// Bytes led by their length.
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = self.count()?;
        self.take(len)
    }

    /// UTF-8 led by its length in bytes.
    pub fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    /// A three-letter code's bytes.
    pub fn code(&mut self) -> Option<[u8; 3]> {
        self.take(3)?.try_into().ok()
    }

    /// Items led by their count, each read by `item`.
    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = self.count()?;
        // A damaged count reserves no more than the bytes left could hold.
        let mut items = Vec::with_capacity(count.min(self.bytes.len()));
        for _ in 0..count {
            items.push(item(self)?);
        }
        Some(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_varints_strings_and_codes() {
        let mut r = Bytes::new(b"TEST\x96\x01\x03\x03abcEUR", b"TEST").unwrap();
        assert_eq!(r.varint(), Some(150));
        assert_eq!(r.signed(), Some(-2));
        assert_eq!(r.str(), Some("abc"));
        assert_eq!(r.code(), Some(*b"EUR"));
        assert!(r.is_empty());
        let mut r = Bytes::part(b"\x02\x01a\x02bc");
        assert_eq!(r.list(Bytes::str), Some(vec!["a", "bc"]));
        assert_eq!(Bytes::part(b"\x03\x01a").list(Bytes::str), None);
        assert_eq!(r.byte(), None);
    }

    #[test]
    fn damaged_bytes_are_none() {
        assert!(Bytes::new(b"TES", b"TEST").is_none());
        assert!(Bytes::new(b"XEST", b"TEST").is_none());
        // A length past the end, a string that is not UTF-8, a varint
        // longer than 64 bits.
        assert_eq!(Bytes::part(b"\x05ab").str(), None);
        assert_eq!(Bytes::part(b"\x02\xff\xfe").str(), None);
        assert_eq!(Bytes::part(&[0xff; 11]).varint(), None);
    }
}
