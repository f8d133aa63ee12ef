//! Byte classes eight bytes at a time: most of a text is skipped a word
//! (of memory) at a time to the next byte that matters.

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;

/// The high bit of each byte of `x` that is an ASCII byte from `lo` to
/// `hi` (`lo` > 0, `hi` < 0x7f), the first byte in the lowest bits.
#[inline]
pub(crate) fn within(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & (ONES * 0x7f);
    // A byte's high bit survives when it is at least `lo` and at most
    // `hi`, and was itself below 0x80.
    let above = low + ONES * (0x80 - u64::from(lo));
    let below = ONES * (0x7f + u64::from(hi) + 1) - low;
    above & below & !x & HIGH
}

/// The first place in `bytes` holding a byte from `lo` to `hi`.
#[inline]
pub(crate) fn find(bytes: &[u8], lo: u8, hi: u8) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or_default());
        let hits = within(x, lo, hi);
        if hits != 0 {
            return Some(at + hits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = chunks.remainder();
    rest.iter()
        .position(|b| (lo..=hi).contains(b))
        .map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_in_every_place() {
        for (lo, hi) in [(b'A', b'Z'), (b'0', b'9'), (b'a', b'z')] {
            for b in 0..=255u8 {
                for at in 0..8u32 {
                    let mut block = [b'x'; 8];
                    if (lo..=hi).contains(&b'x') {
                        block = [b' '; 8];
                    }
                    block[at as usize] = b;
                    let expected = if (lo..=hi).contains(&b) { at } else { 8 };
                    let x = u64::from_le_bytes(block);
                    assert_eq!(
                        within(x, lo, hi).trailing_zeros() / 8,
                        expected,
                        "{b} at {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn find_reads_the_tail_too() {
        assert_eq!(find(b"abcdefghij1", b'0', b'9'), Some(10));
        assert_eq!(find(b"abc4", b'0', b'9'), Some(3));
        assert_eq!(find(b"abcdefgh", b'0', b'9'), None);
        assert_eq!(find("é€5".as_bytes(), b'0', b'9'), Some(5));
        assert_eq!(find(b"", b'0', b'9'), None);
    }
}
