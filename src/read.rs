//! Reading input in paragraphs, so memory stays flat whatever its size and
//! offsets and line numbers stay input-wide.

use std::io::{ErrorKind as IoKind, Read};

use crate::error::{Cursor, Error, ErrorKind, Location, Result};

/// A paragraph of input: text, where it starts, and problems found in it.
#[derive(Debug)]
pub(crate) struct Chunk {
    /// The text; bytes that were not UTF-8 are replaced one for one by
    /// U+001A SUBSTITUTE, so offsets still index the input and no amount
    /// is read across them.
    pub text: String,
    /// Byte offset of the chunk's first byte in the input.
    pub offset: u64,
    /// 1-based line of the chunk's first byte.
    pub line: u64,
    /// Invalid UTF-8 found in the chunk, with its byte offset.
    pub problems: Vec<Error>,
}

/// Splits a reader into [`Chunk`]s at blank lines, or, past `cap` bytes
/// with no blank line, at the last whitespace (at a character boundary if
/// there is none).
pub(crate) struct Chunks<R> {
    reader: R,
    /// Read but not yet handed out: `buf[start..]`.
    buf: Vec<u8>,
    start: usize,
    /// Where in `buf` the search for a blank line resumes.
    scanned: usize,
    offset: u64,
    line: u64,
    cap: usize,
    eof: bool,
}

/// ASCII SUBSTITUTE: stands in for an invalid byte.
const SUB: u8 = 0x1a;

/// Read this much at a time.
const BLOCK: usize = 64 * 1024;
/// A paragraph longer than this is cut at whitespace.
const DEFAULT_CAP: usize = 1024 * 1024;

impl<R: Read> Chunks<R> {
    /// Chunks of `reader`, at most about 1 MiB each.
    pub fn new(reader: R) -> Chunks<R> {
        Chunks::with_cap(reader, DEFAULT_CAP)
    }

    /// Chunks of at most about `cap` bytes (at least 16).
    pub fn with_cap(reader: R, cap: usize) -> Chunks<R> {
        Chunks {
            reader,
            buf: Vec::new(),
            start: 0,
            scanned: 0,
            offset: 0,
            line: 1,
            cap: cap.max(16),
            eof: false,
        }
    }

    /// The end of the first paragraph in `buf`: just past a blank line.
    fn paragraph_end(&mut self) -> Option<usize> {
        let buf = &self.buf;
        let mut from = self.scanned.max(self.start);
        while let Some(nl) = memchr::memchr(b'\n', &buf[from..]) {
            let line_start = from + nl + 1;
            let Some(next_nl) = memchr::memchr(b'\n', &buf[line_start..]) else {
                break;
            };
            let next_end = line_start + next_nl + 1;
            if buf[line_start..next_end]
                .iter()
                .all(u8::is_ascii_whitespace)
            {
                return Some(next_end);
            }
            from = line_start;
        }
        self.scanned = from;
        None
    }

    /// Where to cut a paragraph that outgrew the cap.
    fn forced_cut(&self) -> usize {
        let pending = &self.buf[self.start..];
        let window = &pending[..self.cap.min(pending.len())];
        // A line end in the last quarter keeps a hard-wrapped amount whole
        // more often than any space would.
        if let Some(nl) = memchr::memrchr(b'\n', window).filter(|&nl| nl >= window.len() * 3 / 4) {
            return nl + 1;
        }
        match window.iter().rposition(u8::is_ascii_whitespace) {
            Some(at) if at > 0 => at + 1,
            _ => {
                // Back off to a character boundary: never split a UTF-8 sequence.
                let mut at = window.len();
                while at > 1 && (window[at - 1] & 0xC0) == 0x80 {
                    at -= 1;
                }
                if at > 1 && window[at - 1] >= 0xC0 {
                    at - 1
                } else {
                    window.len()
                }
            }
        }
    }

    fn fill(&mut self) -> std::io::Result<()> {
        // Drop what was handed out before growing: memory stays at about a chunk.
        self.buf.drain(..self.start);
        self.scanned = self.scanned.saturating_sub(self.start);
        self.start = 0;
        let len = self.buf.len();
        self.buf.resize(len + BLOCK, 0);
        loop {
            match self.reader.read(&mut self.buf[len..]) {
                Ok(n) => {
                    self.buf.truncate(len + n);
                    self.eof = n == 0;
                    return Ok(());
                }
                Err(e) if e.kind() == IoKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(len);
                    return Err(e);
                }
            }
        }
    }

    /// Hands out the next `at` pending bytes.
    fn take(&mut self, at: usize) -> Chunk {
        let bytes = self.buf[self.start..self.start + at].to_vec();
        self.start += at;
        self.scanned = self.start;
        let (text, problems) = decode(bytes, self.offset, self.line);
        let chunk = Chunk {
            offset: self.offset,
            line: self.line,
            problems,
            text,
        };
        self.offset += at as u64;
        self.line += memchr::memchr_iter(b'\n', chunk.text.as_bytes()).count() as u64;
        chunk
    }
}

/// UTF-8 text from bytes, each invalid byte replaced by SUB and reported.
fn decode(mut bytes: Vec<u8>, offset: u64, line: u64) -> (String, Vec<Error>) {
    let mut problems = Vec::new();
    let mut cursor = Cursor::new(line);
    let mut from = 0;
    loop {
        match std::str::from_utf8(&bytes[from..]) {
            Ok(_) => break,
            Err(e) => {
                let at = from + e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - at);
                let (line, column) = cursor.at(&bytes, at);
                let location = Location::at(line, column, offset + at as u64);
                problems.push(Error::new(ErrorKind::InvalidUtf8 { len }, location));
                bytes[at..at + len].fill(SUB);
                from = at + len;
            }
        }
    }
    // Every invalid byte was replaced by ASCII, so this cannot fail.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, problems)
}

impl<R: Read> Iterator for Chunks<R> {
    type Item = Result<Chunk>;

    fn next(&mut self) -> Option<Result<Chunk>> {
        loop {
            if let Some(end) = self.paragraph_end() {
                return Some(Ok(self.take(end - self.start)));
            }
            let pending = self.buf.len() - self.start;
            if pending >= self.cap {
                let at = self.forced_cut();
                return Some(Ok(self.take(at)));
            }
            if self.eof {
                if pending == 0 {
                    return None;
                }
                return Some(Ok(self.take(pending)));
            }
            if let Err(e) = self.fill() {
                self.eof = true;
                return Some(Err(e.into()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(input: &[u8], cap: usize) -> Vec<Chunk> {
        Chunks::with_cap(input, cap).collect::<Result<_>>().unwrap()
    }

    #[test]
    fn splits_at_blank_lines_with_offsets_and_lines() {
        let c = chunks(b"one\ntwo\n\nthree\n \nfour", 1 << 20);
        let got: Vec<_> = c
            .iter()
            .map(|c| (c.text.as_str(), c.offset, c.line))
            .collect();
        assert_eq!(
            got,
            vec![
                ("one\ntwo\n\n", 0, 1),
                ("three\n \n", 9, 4),
                ("four", 17, 6)
            ]
        );
    }

    #[test]
    fn long_paragraph_is_cut_at_whitespace() {
        let c = chunks(b"aaaa bbbb cccc dddd eeee ffff", 16);
        assert_eq!(c[0].text, "aaaa bbbb cccc ");
        assert_eq!(c[1].offset, 15);
        assert_eq!(
            c.iter().map(|c| c.text.as_str()).collect::<String>(),
            "aaaa bbbb cccc dddd eeee ffff"
        );
    }

    #[test]
    fn long_paragraph_is_cut_at_a_line_end_when_near() {
        let c = chunks(b"aaaa bbbb ccc\nd eeee ffff", 16);
        assert_eq!(c[0].text, "aaaa bbbb ccc\n");
    }

    #[test]
    fn cut_without_whitespace_keeps_characters_whole() {
        let text = "€".repeat(20);
        let c = chunks(text.as_bytes(), 16);
        assert!(c.iter().all(|c| c.problems.is_empty()));
        assert_eq!(c.iter().map(|c| c.text.as_str()).collect::<String>(), text);
    }

    #[test]
    fn invalid_utf8_is_reported_and_replaced_in_place() {
        let c = chunks(b"ok $1\nbad \xff\xfe $2\n", 1 << 20);
        assert_eq!(c[0].text, "ok $1\nbad \u{1a}\u{1a} $2\n");
        assert_eq!(c[0].problems.len(), 2);
        let loc = c[0].problems[0].location();
        assert_eq!(
            (loc.line(), loc.column(), loc.byte()),
            (Some(2), Some(5), Some(10))
        );
    }

    #[test]
    fn empty_input_has_no_chunks() {
        assert!(chunks(b"", 16).is_empty());
    }
}
