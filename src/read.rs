//! Reading input in blocks, so memory stays flat whatever its size and
//! offsets and line numbers stay input-wide.
//!
//! A block is a paragraph (up to a blank line). A paragraph longer than
//! [`TARGET`] ends at its first quiet point past it (see
//! [`QuietPoint`]): where the text says so, not where a buffer happens to
//! end, so blocks, and with them every result, are the same whatever the
//! chunk limit. Only a paragraph with no quiet point within the limit is cut
//! elsewhere, and that cut is reported.

use std::io::{ErrorKind as IoKind, Read};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::lines::Cursor;
use crate::scan::{Listed, QuietPoint, candidates};

/// A block of input: text, where it starts, and problems found in it.
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
    /// 1-based column (in characters) of the chunk's first byte.
    pub column: u64,
    /// Invalid UTF-8 found in the chunk, and a cut that is not quiet.
    pub problems: Vec<Error>,
    /// The chunk starts inside a word or number that a forced cut split.
    pub continues: bool,
    /// The chunk goes on with the paragraph of the chunk before it: that
    /// one ended at a quiet point or a forced cut, not at a blank line.
    pub follows: bool,
    /// The places an amount may start that the search for its quiet point
    /// found, in the stretch it searched.
    pub candidates: Option<Listed>,
    /// Its evidence of where it is from, when found before it is read.
    pub seen: Option<Vec<crate::evidence::Seen>>,
}

impl Chunk {
    /// The chunk with every place an amount may start in it listed, not
    /// only those its quiet point search found.
    fn with_every_candidate(mut self) -> Chunk {
        let len = self.text.len();
        let Listed { from, to, at } = self.candidates.take().unwrap_or_default();
        let mut all = candidates(&self.text, 0, from);
        all.extend(at);
        all.extend(candidates(&self.text, to, len));
        self.candidates = Some(Listed {
            from: 0,
            to: len,
            at: all,
        });
        self
    }
}

/// Splits a reader into [`Chunk`]s.
pub(crate) struct Chunks<R> {
    reader: R,
    /// Read but not yet handed out: `buf[start..]`.
    buf: Vec<u8>,
    start: usize,
    /// `buf[..decoded]` is UTF-8, invalid bytes replaced.
    decoded: usize,
    /// Invalid bytes replaced, as (place in `buf`, length), in order.
    invalid: Vec<(usize, usize)>,
    /// Where in `buf` the search for a blank line resumes.
    scanned: usize,
    /// The search for a quiet point in the pending block.
    quiet: Option<QuietPoint>,
    offset: u64,
    line: u64,
    column: u64,
    cap: usize,
    eof: bool,
    /// The last chunk was cut inside a word or number.
    split: bool,
    /// The last chunk was cut inside its paragraph.
    inside: bool,
}

/// ASCII SUBSTITUTE: stands in for an invalid byte.
const SUB: u8 = 0x1a;

/// Read this much at a time.
const BLOCK: usize = 64 * 1024;
/// A paragraph longer than this ends at its first quiet point past it.
pub(crate) const TARGET: usize = 1024;
/// A paragraph with no quiet point is cut past this.
const DEFAULT_CAP: usize = 1024 * 1024;

impl<R: Read> Chunks<R> {
    /// Chunks of `reader`, cut where no quiet point comes within 1 MiB.
    pub fn new(reader: R) -> Chunks<R> {
        Chunks::with_cap(reader, DEFAULT_CAP)
    }

    /// Chunks cut where no quiet point comes within `cap` bytes (at least 16).
    pub fn with_cap(reader: R, cap: usize) -> Chunks<R> {
        Chunks {
            reader,
            buf: Vec::new(),
            start: 0,
            decoded: 0,
            invalid: Vec::new(),
            scanned: 0,
            quiet: None,
            offset: 0,
            line: 1,
            column: 1,
            cap: cap.max(16),
            eof: false,
            split: false,
            inside: false,
        }
    }

    /// The end of the first paragraph in `buf`: just past a blank line.
    fn paragraph_end(&mut self) -> Option<usize> {
        let buf = &self.buf[..self.decoded];
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

    /// The first quiet point past [`TARGET`] in the pending block, before
    /// `end` (the paragraph's end) when it is known.
    fn quiet_point(&mut self, end: Option<usize>) -> Option<usize> {
        let end = end.unwrap_or(self.decoded);
        if end - self.start <= TARGET {
            return None;
        }
        let quiet = self.quiet.get_or_insert_with(|| QuietPoint::new(TARGET));
        // A window that doubles past where the search stands: UTF-8 is
        // checked for what is searched, not for all that is buffered.
        let mut window = 2 * (quiet.scanned() + 2 * TARGET);
        loop {
            let mut to = (self.start + window).min(end);
            while to < end && (self.buf[to] & 0xC0) == 0x80 {
                to += 1;
            }
            // Decoded bytes are UTF-8 by construction; checked again, fast.
            let text = simdutf8::basic::from_utf8(&self.buf[self.start..to]).ok()?;
            if let Some(p) = quiet.find(text) {
                return Some(p);
            }
            if to == end {
                return None;
            }
            window *= 2;
        }
    }

    /// Where to cut a paragraph that has no quiet point within the cap.
    fn forced_cut(&self) -> usize {
        let pending = &self.buf[self.start..self.decoded];
        let window = &pending[..self.cap.min(pending.len())];
        // A line end in the last quarter keeps a hard-wrapped amount whole
        // more often than any space would.
        let at = match memchr::memrchr(b'\n', window).filter(|&nl| nl >= window.len() * 3 / 4) {
            Some(nl) => nl + 1,
            None => match window.iter().rposition(u8::is_ascii_whitespace) {
                Some(at) if at > 0 => at + 1,
                // Back off to a character boundary: never split a UTF-8 sequence.
                _ => (1..=window.len())
                    .rev()
                    .find(|&at| at == pending.len() || (pending[at] & 0xC0) != 0x80)
                    .unwrap_or(window.len()),
            },
        };
        // Never between the two bytes of a CRLF.
        if pending[at - 1] == b'\r' && pending.get(at) == Some(&b'\n') {
            at + 1
        } else {
            at
        }
    }

    fn fill(&mut self) -> std::io::Result<()> {
        // Drop what was handed out before growing: memory stays at about a chunk.
        self.buf.drain(..self.start);
        self.scanned = self.scanned.saturating_sub(self.start);
        self.decoded -= self.start;
        for (at, _) in &mut self.invalid {
            *at -= self.start;
        }
        self.start = 0;
        let len = self.buf.len();
        self.buf.resize(len + BLOCK, 0);
        loop {
            match self.reader.read(&mut self.buf[len..]) {
                Ok(n) => {
                    self.buf.truncate(len + n);
                    self.eof = n == 0;
                    self.decode();
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

    /// Decodes what was read, replacing invalid bytes by SUB; a character
    /// cut by the end of the buffer waits for the rest, unless at the end.
    fn decode(&mut self) {
        loop {
            match simdutf8::compat::from_utf8(&self.buf[self.decoded..]) {
                Ok(_) => {
                    self.decoded = self.buf.len();
                    return;
                }
                Err(e) => {
                    let at = self.decoded + e.valid_up_to();
                    let len = match e.error_len() {
                        Some(len) => len,
                        None if self.eof => self.buf.len() - at,
                        None => {
                            self.decoded = at;
                            return;
                        }
                    };
                    self.invalid.push((at, len));
                    self.buf[at..at + len].fill(SUB);
                    self.decoded = at + len;
                }
            }
        }
    }

    /// Hands out the next `at` pending bytes, with `cut` reported if the
    /// block was cut at no quiet point; `inside` when they end inside
    /// their paragraph.
    fn take(&mut self, at: usize, cut: Option<ErrorKind>, inside: bool) -> Chunk {
        let end = self.start + at;
        let bytes = &self.buf[self.start..end];
        let mut cursor = Cursor::new(self.line, self.column);
        let mut problems = Vec::new();
        let here = self.invalid.partition_point(|&(p, _)| p < end);
        for (p, len) in self.invalid.drain(..here) {
            let local = p - self.start;
            let (line, column) = cursor.at(bytes, local);
            let location = Location::at(line, column, self.offset + local as u64);
            problems.push(Error::new(ErrorKind::InvalidUtf8 { len }, location));
        }
        if let Some(kind) = cut {
            let (line, column) = cursor.at(bytes, at);
            problems.push(Error::new(
                kind,
                Location::at(line, column, self.offset + at as u64),
            ));
        }
        // Decoded bytes are UTF-8: the fallback never runs.
        let text = match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => String::from_utf8_lossy(bytes).into_owned(),
        };
        let chunk = Chunk {
            offset: self.offset,
            line: self.line,
            column: self.column,
            problems,
            text,
            continues: self.split,
            follows: self.inside,
            candidates: self.quiet.take().and_then(|q| q.into_listed(at)),
            seen: None,
        };
        self.inside = inside;
        let joins = |b: Option<&u8>| b.is_some_and(|b| !b.is_ascii_whitespace());
        self.split = joins(self.buf[..end].last()) && joins(self.buf.get(end));
        let (line, column) = Cursor::new(self.line, self.column).at(chunk.text.as_bytes(), at);
        (self.line, self.column) = (line, column);
        self.offset += at as u64;
        self.start = end;
        // No paragraph ends before `scanned`: never search those lines again.
        self.scanned = self.scanned.max(end);
        self.quiet = None;
        chunk
    }
}

impl<R: Read> Iterator for Chunks<R> {
    type Item = Result<Chunk>;

    fn next(&mut self) -> Option<Result<Chunk>> {
        loop {
            let paragraph = self.paragraph_end();
            if let Some(end) = paragraph
                && end - self.start <= TARGET
            {
                return Some(Ok(self.take(end - self.start, None, false)));
            }
            if let Some(p) = self.quiet_point(paragraph) {
                return Some(Ok(self.take(p, None, true)));
            }
            if let Some(end) = paragraph {
                return Some(Ok(self.take(end - self.start, None, false)));
            }
            let pending = self.decoded - self.start;
            if pending >= self.cap {
                let at = self.forced_cut();
                let cut = ErrorKind::UnquietCut { cap: self.cap };
                return Some(Ok(self.take(at, Some(cut), true)));
            }
            if self.eof {
                if pending == 0 {
                    return None;
                }
                return Some(Ok(self.take(pending, None, false)));
            }
            if let Err(e) = self.fill() {
                self.eof = true;
                return Some(Err(e.into()));
            }
        }
    }
}

/// Blocks this many ahead of their reader at most: memory stays flat.
const AHEAD: usize = 8;

/// The [`Chunks`] of an input, read, checked and cut on a thread of their
/// own while the thread that takes them analyses the ones before: the same
/// chunks in the same order, so every result is that of reading inline.
pub(crate) struct Ahead {
    receiver: std::sync::mpsc::Receiver<Option<Result<Chunk>>>,
    ended: bool,
}

impl Ahead {
    pub(crate) fn new<R: Read + Send + 'static>(chunks: Chunks<R>) -> Ahead {
        let (sender, receiver) = std::sync::mpsc::sync_channel(AHEAD);
        std::thread::spawn(move || {
            for chunk in chunks {
                // The places an amount may start, and the evidence, are found
                // here too: the taker only parses.
                let chunk = chunk.map(|c| {
                    let mut c = c.with_every_candidate();
                    c.seen = Some(crate::evidence::scan(&c.text));
                    c
                });
                // The taker is gone: stop reading.
                if sender.send(Some(chunk)).is_err() {
                    return;
                }
            }
            let _ = sender.send(None);
        });
        Ahead {
            receiver,
            ended: false,
        }
    }
}

impl Iterator for Ahead {
    type Item = Result<Chunk>;

    fn next(&mut self) -> Option<Result<Chunk>> {
        if self.ended {
            return None;
        }
        match self.receiver.recv() {
            Ok(Some(chunk)) => Some(chunk),
            Ok(None) => {
                self.ended = true;
                None
            }
            // The reading thread ended without saying so: never a silent end.
            Err(_) => {
                self.ended = true;
                let lost = std::io::Error::other("the thread reading the input stopped");
                Some(Err(lost.into()))
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
        // Each cut is reported; no character was split.
        let kinds = c.iter().flat_map(|c| &c.problems).map(Error::kind);
        assert!(
            kinds
                .into_iter()
                .all(|k| matches!(k, ErrorKind::UnquietCut { .. }))
        );
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
