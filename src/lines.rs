//! Line breaks as a reader counts them: `\n`, `\r\n` and a lone `\r` each
//! end a line, so CRLF and old Mac text get the same line numbers as Unix.

/// The line breaks in `bytes`. A `\r` at the very end counts: readers never
/// cut a text between `\r` and `\n`.
pub(crate) fn breaks(bytes: &[u8]) -> u64 {
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    let lone_cr = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .count();
    (lf + lone_cr) as u64
}

/// True when a line ends just before `at`.
pub(crate) fn ends_line(bytes: &[u8], at: usize) -> bool {
    match at.checked_sub(1).map(|i| bytes[i]) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(at) != Some(&b'\n'),
        _ => false,
    }
}

/// Line and column (1-based, in characters) of byte offsets asked for in
/// increasing order, in time linear in the text however many are asked.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cursor {
    first: (u64, u64),
    byte: usize,
    line: u64,
    column: u64,
}

impl Cursor {
    /// At the first byte of a text that starts at `line` and `column`.
    pub(crate) fn new(line: u64, column: u64) -> Cursor {
        Cursor {
            first: (line, column),
            byte: 0,
            line,
            column,
        }
    }

    /// Line and column of `to` in `bytes`; starts over if `to` is behind.
    pub(crate) fn at(&mut self, bytes: &[u8], to: usize) -> (u64, u64) {
        if to < self.byte {
            *self = Cursor::new(self.first.0, self.first.1);
        }
        crate::work::add(to - self.byte);
        let passed = &bytes[self.byte..to];
        // A `\r` just before `to` ends a line only if no `\n` follows it.
        let mut lines = breaks(passed);
        if passed.last() == Some(&b'\r') && bytes.get(to) == Some(&b'\n') {
            lines -= 1;
        }
        let mut line_start = None;
        let mut end = passed.len();
        while let Some(i) = memchr::memrchr2(b'\n', b'\r', &passed[..end]) {
            if ends_line(bytes, self.byte + i + 1) {
                line_start = Some(i + 1);
                break;
            }
            end = i; // the `\r` of a CRLF whose `\n` comes at `to`
        }
        let tail = &passed[line_start.unwrap_or(0)..];
        let chars = tail.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64;
        self.line += lines;
        self.column = match line_start {
            Some(_) => 1 + chars,
            None => self.column + chars,
        };
        self.byte = to;
        (self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_windows_and_mac_breaks_count_alike() {
        assert_eq!(breaks(b"a\nb\nc"), 2);
        assert_eq!(breaks(b"a\r\nb\r\nc"), 2);
        assert_eq!(breaks(b"a\rb\rc"), 2);
        assert_eq!(breaks(b"a\r"), 1);
        assert_eq!(breaks(b"\r\n\r\n"), 2);
    }

    #[test]
    fn cursor_counts_lines_and_characters() {
        let text = "ab\n€c\nd".as_bytes();
        let mut c = Cursor::new(1, 1);
        assert_eq!(c.at(text, 0), (1, 1));
        assert_eq!(c.at(text, 6), (2, 2), "after the 3-byte €");
        assert_eq!(c.at(text, 8), (3, 1));
        assert_eq!(c.at(text, 3), (2, 1), "going back starts over");
    }

    #[test]
    fn cursor_reads_crlf_and_lone_cr() {
        let mut c = Cursor::new(1, 1);
        assert_eq!(c.at(b"a\r\nb\rc", 3), (2, 1));
        assert_eq!(c.at(b"a\r\nb\rc", 5), (3, 1));
    }

    #[test]
    fn cursor_agrees_with_a_byte_by_byte_count() {
        let text = "a\r\n€\rb\n\nc\r\r\nd€e".as_bytes();
        for to in 0..=text.len() {
            let (mut line, mut column) = (1, 1);
            for i in 0..to {
                if text[i] & 0xC0 != 0x80 {
                    column += 1;
                }
                if ends_line(text, i + 1) {
                    (line, column) = (line + 1, 1);
                }
            }
            let mut c = Cursor::new(1, 1);
            assert_eq!(c.at(text, to), (line, column), "at {to}");
            let mut stepped = Cursor::new(1, 1);
            for at in 0..=to {
                stepped.at(text, at);
            }
            assert_eq!(stepped.at(text, to), (line, column), "stepped to {to}");
        }
    }

    #[test]
    fn cursor_starts_where_its_text_starts() {
        let mut c = Cursor::new(4, 100);
        assert_eq!(c.at(b"abc\nd", 2), (4, 102));
        assert_eq!(c.at(b"abc\nd", 5), (5, 2));
    }
}
