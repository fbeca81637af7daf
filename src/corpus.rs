//! Reading many articles: files, directories and streams.

use crate::article::Article;
use crate::error::{Error, ParseError};
use crate::parse::Parser;
use crate::simd::SharedStr;
use std::collections::VecDeque;
use std::fs;
#[cfg(test)]
use std::io::BufRead;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// One article's text as read from a file or stream, checked to be UTF-8.
///
/// Parse it with [`Document::parse`]; the [`Article`] borrows from the document.
#[derive(Clone)]
pub struct Document {
    path: Option<Arc<Path>>,
    text: Text,
}

/// A document's text: its own, or a part of a block of a stream shared with the other
/// articles read with it (no copy per article).
#[derive(Clone)]
enum Text {
    Owned(String),
    Shared(SharedStr),
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("path", &self.path())
            .field("text", &self.text())
            .finish()
    }
}

impl PartialEq for Document {
    fn eq(&self, other: &Self) -> bool {
        self.path() == other.path() && self.text() == other.text()
    }
}

impl Eq for Document {}

impl Document {
    /// A document from text already in memory, with an optional path for messages.
    pub fn new(path: Option<PathBuf>, text: String) -> Self {
        Document {
            path: path.map(Arc::from),
            text: Text::Owned(text),
        }
    }

    /// A document from raw bytes, which must be UTF-8; the error names the path and the byte
    /// offset of the first invalid byte.
    pub fn from_bytes(path: Option<PathBuf>, bytes: Vec<u8>) -> Result<Self, Error> {
        Document::from_owned_bytes(path.map(Arc::from), bytes)
    }

    fn from_owned_bytes(path: Option<Arc<Path>>, bytes: Vec<u8>) -> Result<Self, Error> {
        match crate::simd::string_from_utf8(bytes) {
            Ok(text) => Ok(Document {
                path,
                text: Text::Owned(text),
            }),
            Err(e) => {
                let err = ParseError::invalid_utf8(e.as_bytes(), e.utf8_error());
                Err(Error::Parse {
                    path: path.as_deref().map(Path::to_path_buf),
                    source: err,
                })
            }
        }
    }

    /// Reads a whole file.
    pub fn read(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let bytes = fs::read(path).map_err(|source| Error::Io {
            path: Some(path.to_path_buf()),
            source,
        })?;
        Document::from_bytes(Some(path.to_path_buf()), bytes)
    }

    /// The file the text came from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The text.
    pub fn text(&self) -> &str {
        match &self.text {
            Text::Owned(text) => text,
            Text::Shared(text) => text.as_str(),
        }
    }

    /// Parses the text; a parse error is wrapped with this document's path.
    pub fn parse(&self, parser: &Parser) -> Result<Article<'_>, Error> {
        parser.parse(self.text()).map_err(|source| Error::Parse {
            path: self.path().map(Path::to_path_buf),
            source,
        })
    }

    /// The text, taking ownership (a copy for an article read from a stream, whose text
    /// shares the block it was read in).
    pub fn into_text(self) -> String {
        match self.text {
            Text::Owned(text) => text,
            Text::Shared(text) => text.as_str().to_owned(),
        }
    }
}

/// One article's bytes as read from a file or stream, not yet checked to be UTF-8.
///
/// [`Documents::raw`] yields these so that the check can run where the parsing runs: a
/// [`Pipeline`](crate::Pipeline) given raw documents checks each on a worker thread, and the
/// thread that reads only splits the input into articles. [`RawDocument::into_document`] does
/// the check (without copying the bytes).
///
/// ```
/// use newswire::{Corpus, write_stream};
///
/// let mut stream = Vec::new();
/// write_stream(&mut stream, ["JAKARTA -- Talks began.\n"])?;
/// let raw = Corpus::new().stream_reader(None, std::io::Cursor::new(stream)).documents().raw();
/// for doc in raw {
///     let doc = doc?;
///     assert_eq!(doc.len(), 24);
///     assert_eq!(doc.into_document()?.text(), "JAKARTA -- Talks began.\n");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct RawDocument {
    path: Option<Arc<Path>>,
    bytes: RawBytes,
}

/// A raw document's bytes: its own, or a range of a block of a stream.
#[derive(Clone)]
enum RawBytes {
    Owned(Vec<u8>),
    Shared {
        block: Arc<Vec<u8>>,
        start: usize,
        end: usize,
    },
}

impl std::fmt::Debug for RawDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawDocument")
            .field("path", &self.path())
            .field("bytes", &self.bytes())
            .finish()
    }
}

impl PartialEq for RawDocument {
    fn eq(&self, other: &Self) -> bool {
        self.path() == other.path() && self.bytes() == other.bytes()
    }
}

impl Eq for RawDocument {}

impl RawDocument {
    /// Bytes as read, with an optional path for messages.
    pub fn new(path: Option<PathBuf>, bytes: Vec<u8>) -> Self {
        RawDocument {
            path: path.map(Arc::from),
            bytes: RawBytes::Owned(bytes),
        }
    }

    /// The file the bytes came from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The bytes.
    pub fn bytes(&self) -> &[u8] {
        match &self.bytes {
            RawBytes::Owned(bytes) => bytes,
            RawBytes::Shared { block, start, end } => block.get(*start..*end).unwrap_or_default(),
        }
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.bytes().len()
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.bytes().is_empty()
    }

    /// Checks that the bytes are UTF-8 and makes them a [`Document`] (as
    /// [`Document::from_bytes`]): the error names the path and the first invalid byte. Bytes
    /// read from a stream stay where they were read, shared with the other articles of the
    /// same block: nothing is copied.
    pub fn into_document(self) -> Result<Document, Error> {
        match self.bytes {
            RawBytes::Owned(bytes) => Document::from_owned_bytes(self.path, bytes),
            RawBytes::Shared { block, start, end } => {
                match SharedStr::new(Arc::clone(&block), start, end) {
                    Ok(text) => Ok(Document {
                        path: self.path,
                        text: Text::Shared(text),
                    }),
                    Err(e) => {
                        let bytes = block.get(start..end).unwrap_or_default();
                        Err(Error::Parse {
                            path: self.path.as_deref().map(Path::to_path_buf),
                            source: ParseError::invalid_utf8(bytes, e),
                        })
                    }
                }
            }
        }
    }
}

enum Source {
    Path(PathBuf),
    /// In a mutex so that a `Corpus` is `Sync` whatever the reader.
    Reader(Option<PathBuf>, Mutex<Box<dyn Read + Send>>),
    StreamPath(PathBuf),
    /// In a mutex so that a `Corpus` is `Sync` whatever the reader.
    Stream(Option<PathBuf>, Mutex<Box<dyn Read + Send>>),
}

/// A set of inputs, read one document at a time.
///
/// Files are taken as given; directories are walked recursively for `*.txt` files in file-name
/// order. One unreadable or invalid file yields an [`Error`] naming it, and reading goes on.
///
/// # Streams of articles
///
/// A *stream* is many articles concatenated into one file or pipe, each followed by a line
/// holding only the ASCII record separator (byte `0x1E`, [`RECORD_SEPARATOR`](crate::RECORD_SEPARATOR)):
///
/// ```text
/// <article 1 text>\n
/// \x1E\n
/// <article 2 text>\n
/// \x1E\n
/// ```
///
/// The newline that ends the line before the separator belongs to the separator, so an article's
/// text is exactly what [`write_stream`](crate::write_stream) was given, byte for byte; the
/// separator line may also end in `\r\n`. The separator after the last article is optional, and
/// the byte offsets in every output are into each article's own text, not into the stream. The
/// byte `0x1E` does not occur in news text; the writer refuses an article holding a line with
/// only that byte. Add streams with [`Corpus::stream`] and [`Corpus::stream_reader`]:
///
/// ```
/// use newswire::{Corpus, write_stream};
///
/// let mut stream = Vec::new();
/// write_stream(&mut stream, ["JAKARTA -- Talks began.\n", "Leaders met on April 24."])?;
/// let texts: Vec<String> = Corpus::new()
///     .stream_reader(None, std::io::Cursor::new(stream))
///     .documents()
///     .map(|doc| doc.map(|d| d.into_text()))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(texts, ["JAKARTA -- Talks began.\n", "Leaders met on April 24."]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// An article of a stream is read whole, and only one at a time; one that is not UTF-8 is
/// reported and the next one read.
///
/// ```no_run
/// use newswire::{Corpus, Parser};
///
/// let parser = Parser::default();
/// for doc in Corpus::new().path("archive/2021").path("extra.txt").documents() {
///     match doc {
///         Ok(doc) => {
///             let article = doc.parse(&parser)?;
///             println!("{:?}: {} paragraphs", doc.path(), article.paragraphs.len());
///         }
///         Err(e) => eprintln!("skipped: {e}"),
///     }
/// }
/// # Ok::<(), newswire::Error>(())
/// ```
#[derive(Default)]
pub struct Corpus {
    sources: Vec<Source>,
}

impl std::fmt::Debug for Corpus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Corpus")
            .field("sources", &self.sources.len())
            .finish()
    }
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Corpus::default()
    }

    /// Adds a file, or a directory to walk for `*.txt` files.
    pub fn path(mut self, path: impl Into<PathBuf>) -> Self {
        self.sources.push(Source::Path(path.into()));
        self
    }

    /// Adds several files or directories.
    pub fn paths<P: Into<PathBuf>>(mut self, paths: impl IntoIterator<Item = P>) -> Self {
        self.sources
            .extend(paths.into_iter().map(|p| Source::Path(p.into())));
        self
    }

    /// Adds a reader holding one article, such as standard input. `name` is used in messages.
    pub fn reader(mut self, name: Option<PathBuf>, reader: impl Read + Send + 'static) -> Self {
        self.sources
            .push(Source::Reader(name, Mutex::new(Box::new(reader))));
        self
    }

    /// Adds a file holding a stream of articles (see [Streams of articles](Corpus#streams-of-articles)).
    /// Every document read from it carries the file's path.
    pub fn stream(mut self, path: impl Into<PathBuf>) -> Self {
        self.sources.push(Source::StreamPath(path.into()));
        self
    }

    /// Adds a reader holding a stream of articles, such as standard input (see
    /// [Streams of articles](Corpus#streams-of-articles)). `name` is used in messages.
    pub fn stream_reader(
        mut self,
        name: Option<PathBuf>,
        reader: impl Read + Send + 'static,
    ) -> Self {
        self.sources
            .push(Source::Stream(name, Mutex::new(Box::new(reader))));
        self
    }

    /// The documents, in order: each source in turn, directories in file-name order.
    pub fn documents(self) -> Documents {
        Documents {
            sources: self.sources.into(),
            walk: None,
            stream: None,
        }
    }
}

/// Iterator over a [`Corpus`]'s documents; see [`Corpus::documents`].
pub struct Documents {
    sources: VecDeque<Source>,
    walk: Option<walkdir::IntoIter>,
    stream: Option<Stream>,
}

/// Bytes of a stream read at once into a block that its articles then share.
const STREAM_BLOCK_BYTES: usize = 1 << 20;

/// A stream being read: a block of it at a time. Every article that lies whole in the block is
/// handed out as a range of it (no copy); the unfinished article at the end of a block is copied
/// to the start of the next one (a block grows to hold an article longer than itself).
struct Stream {
    name: Option<Arc<Path>>,
    /// Read without a buffer of its own: blocks are read straight into their spare capacity.
    reader: Box<dyn Read + Send>,
    block: Arc<Vec<u8>>,
    /// Where the next article starts in `block`.
    next: usize,
    /// Whether `block` ends where the stream does.
    eof: bool,
    /// The size of a new block ([`STREAM_BLOCK_BYTES`]; smaller in tests).
    block_bytes: usize,
    /// Earlier blocks, reused once no article holds them any more: their memory is already
    /// mapped, so reading into them costs no page faults.
    retired: VecDeque<Arc<Vec<u8>>>,
}

/// Most earlier blocks kept for reuse.
const RETIRED_BLOCKS: usize = 8;

impl Stream {
    fn new(name: Option<PathBuf>, reader: Box<dyn Read + Send>) -> Self {
        Stream {
            name: name.map(Arc::from),
            reader,
            block: Arc::new(Vec::new()),
            next: 0,
            eof: false,
            block_bytes: STREAM_BLOCK_BYTES,
            retired: VecDeque::new(),
        }
    }

    /// The next article, `None` at the end of the stream.
    fn next_record(&mut self) -> std::io::Result<Option<RawDocument>> {
        loop {
            let rest = self.block.get(self.next..).unwrap_or_default();
            if let Some((text_len, consumed)) = split_record(rest, self.eof) {
                let start = self.next;
                self.next = start.saturating_add(consumed);
                return Ok(Some(RawDocument {
                    path: self.name.clone(),
                    bytes: RawBytes::Shared {
                        block: Arc::clone(&self.block),
                        start,
                        end: start.saturating_add(text_len),
                    },
                }));
            }
            if self.eof {
                return Ok(None);
            }
            self.refill()?;
        }
    }

    /// Starts a new block with the unfinished end of the current one, and reads until the block
    /// is full or the stream ends.
    fn refill(&mut self) -> std::io::Result<()> {
        let rest = self.block.get(self.next..).unwrap_or_default();
        let size = self.block_bytes.max(rest.len().saturating_mul(2)).max(1);
        let mut block = spare_block(&mut self.retired);
        block.reserve(size);
        block.extend_from_slice(rest);
        let want = size.saturating_sub(block.len());
        // Into the block's spare capacity, which need not be zeroed first.
        let read = (&mut self.reader)
            .take(u64::try_from(want).unwrap_or(u64::MAX))
            .read_to_end(&mut block)?;
        self.eof = read < want;
        let old = std::mem::replace(&mut self.block, Arc::new(block));
        // A block grown for a very long article is not kept.
        if old.capacity() <= self.block_bytes.saturating_mul(2) {
            self.retired.push_back(old);
            if self.retired.len() > RETIRED_BLOCKS {
                self.retired.pop_front();
            }
        }
        self.next = 0;
        Ok(())
    }
}

/// An empty block: an earlier one that no article holds any more, or a new one.
fn spare_block(retired: &mut VecDeque<Arc<Vec<u8>>>) -> Vec<u8> {
    let free = retired.iter().position(|b| Arc::strong_count(b) == 1);
    match free.and_then(|i| retired.remove(i)).map(Arc::try_unwrap) {
        Some(Ok(mut block)) => {
            block.clear();
            block
        }
        Some(Err(shared)) => {
            // Shared again in between (it cannot be: only the stream hands its blocks out).
            retired.push_back(shared);
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// The first article of `data`, the start of a stream: the length of its text and the bytes
/// it takes with its separator line, or `None` if `data` does not hold all of it (and more of
/// the stream follows: `eof` is false) or holds nothing. The same records as `read_record`,
/// its reference in the tests.
fn split_record(data: &[u8], eof: bool) -> Option<(usize, usize)> {
    const RS: u8 = crate::write::RECORD_SEPARATOR;
    let mut from = 0;
    loop {
        let Some(i) = data
            .get(from..)
            .and_then(|rest| memchr::memchr(RS, rest))
            .map(|k| from + k)
        else {
            return (eof && !data.is_empty()).then_some((data.len(), data.len()));
        };
        let newline_before = i.checked_sub(1).map(|b| data[b] == b'\n');
        if newline_before == Some(false) {
            // Not at the start of a line: the byte belongs to the text.
            from = i + 1;
            continue;
        }
        let consumed = match &data[i + 1..] {
            [] if eof => i + 1,
            [b'\n', ..] => i + 2,
            [b'\r', b'\n', ..] => i + 3,
            [b'\r'] if eof => i + 2,
            [] | [b'\r'] => return None,
            [b'\r', ..] => {
                from = i + 2;
                continue;
            }
            _ => {
                from = i + 1;
                continue;
            }
        };
        // The newline ending the previous line belongs to the separator.
        let text_len = if newline_before == Some(true) {
            i - 1
        } else {
            i
        };
        return Some((text_len, consumed));
    }
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Documents")
            .field("pending_sources", &self.sources.len())
            .finish()
    }
}

fn is_article_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}

impl Iterator for Documents {
    type Item = Result<Document, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_raw()
            .map(|raw| raw.and_then(RawDocument::into_document))
    }
}

impl Documents {
    /// The same documents, their bytes not yet checked to be UTF-8 (see [`RawDocument`]).
    pub fn raw(self) -> RawDocuments {
        RawDocuments { documents: self }
    }

    fn next_raw(&mut self) -> Option<Result<RawDocument, Error>> {
        loop {
            if let Some(stream) = &mut self.stream {
                match stream.next_record() {
                    Ok(Some(doc)) => return Some(Ok(doc)),
                    Ok(None) => self.stream = None,
                    Err(source) => {
                        let path = stream.name.as_deref().map(Path::to_path_buf);
                        self.stream = None;
                        return Some(Err(Error::Io { path, source }));
                    }
                }
                continue;
            }
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        if entry.file_type().is_file() && is_article_file(entry.path()) {
                            return Some(read_raw(entry.path()));
                        }
                        continue;
                    }
                    Some(Err(e)) => {
                        let path = e.path().map(Path::to_path_buf);
                        let source = e
                            .into_io_error()
                            .unwrap_or_else(|| std::io::Error::other("directory walk failed"));
                        return Some(Err(Error::Io { path, source }));
                    }
                    None => self.walk = None,
                }
            }
            match self.sources.pop_front()? {
                Source::Path(path) => {
                    if path.is_dir() {
                        self.walk =
                            Some(walkdir::WalkDir::new(path).sort_by_file_name().into_iter());
                    } else {
                        return Some(read_raw(&path));
                    }
                }
                Source::StreamPath(path) => match fs::File::open(&path) {
                    Ok(file) => {
                        self.stream = Some(Stream::new(Some(path), Box::new(file)));
                    }
                    Err(source) => {
                        return Some(Err(Error::Io {
                            path: Some(path),
                            source,
                        }));
                    }
                },
                Source::Stream(name, reader) => {
                    let reader = reader
                        .into_inner()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    self.stream = Some(Stream::new(name, reader));
                }
                Source::Reader(name, reader) => {
                    let mut reader = reader
                        .into_inner()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    let mut bytes = Vec::new();
                    return Some(match reader.read_to_end(&mut bytes) {
                        Ok(_) => Ok(RawDocument::new(name, bytes)),
                        Err(source) => Err(Error::Io { path: name, source }),
                    });
                }
            }
        }
    }
}

/// Iterator over a [`Corpus`]'s documents as raw bytes; see [`Documents::raw`].
#[derive(Debug)]
pub struct RawDocuments {
    documents: Documents,
}

impl Iterator for RawDocuments {
    type Item = Result<RawDocument, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.documents.next_raw()
    }
}

/// Reads a whole file, unchecked.
fn read_raw(path: &Path) -> Result<RawDocument, Error> {
    match fs::read(path) {
        Ok(bytes) => Ok(RawDocument::new(Some(path.to_path_buf()), bytes)),
        Err(source) => Err(Error::Io {
            path: Some(path.to_path_buf()),
            source,
        }),
    }
}

/// Reads the next article of a stream into `buf` (cleared first): the bytes up to a line holding
/// only [`RECORD_SEPARATOR`](crate::RECORD_SEPARATOR), without that line or the newline before
/// it. Returns `false` at the end of the stream when no bytes were left.
///
/// The reference for [`split_record`], which the reader uses: one record at a time through a
/// `BufRead`, copied out.
#[cfg(test)]
fn read_record(reader: &mut dyn BufRead, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    const RS: u8 = crate::write::RECORD_SEPARATOR;
    buf.clear();
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(any);
        }
        any = true;
        let Some(i) = memchr::memchr(RS, available) else {
            buf.extend_from_slice(available);
            let n = available.len();
            reader.consume(n);
            continue;
        };
        let at_line_start = match i.checked_sub(1) {
            Some(before) => available[before] == b'\n',
            None => buf.last().is_none_or(|&b| b == b'\n'),
        };
        buf.extend_from_slice(&available[..i]);
        reader.consume(i + 1);
        if !at_line_start {
            buf.push(RS);
            continue;
        }
        match after_separator(reader)? {
            None => {
                // The newline ending the previous line belongs to the separator.
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                }
                return Ok(true);
            }
            Some(text) => buf.extend_from_slice(text),
        }
    }
}

/// After a record separator byte at the start of a line: `None` if the line ends there (at a
/// newline, `\r\n` or the end of the stream), consuming the line end; else the bytes consumed
/// so far that belong to the text (the separator byte, and a `\r` if one had to be read past).
#[cfg(test)]
fn after_separator(reader: &mut dyn BufRead) -> std::io::Result<Option<&'static [u8]>> {
    const RS: &[u8] = &[crate::write::RECORD_SEPARATOR];
    const RS_CR: &[u8] = &[crate::write::RECORD_SEPARATOR, b'\r'];
    let next = reader.fill_buf()?;
    match next {
        [] => Ok(None),
        [b'\n', ..] | [b'\r', b'\n', ..] => {
            let n = if next[0] == b'\n' { 1 } else { 2 };
            reader.consume(n);
            Ok(None)
        }
        [b'\r'] => {
            // The `\r` ends the reader's buffer: look past it.
            reader.consume(1);
            match reader.fill_buf()?.first() {
                None => Ok(None),
                Some(b'\n') => {
                    reader.consume(1);
                    Ok(None)
                }
                Some(_) => Ok(Some(RS_CR)),
            }
        }
        _ => Ok(Some(RS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(stream: &[u8], capacity: usize) -> Vec<Vec<u8>> {
        let mut reader = std::io::BufReader::with_capacity(capacity, stream);
        let mut out = Vec::new();
        let mut buf = Vec::new();
        while read_record(&mut reader, &mut buf).unwrap() {
            out.push(buf.clone());
        }
        out
    }

    /// The records of a stream as the reader splits them, with blocks of `block_bytes`.
    fn split_all(stream: &[u8], block_bytes: usize) -> Vec<Vec<u8>> {
        /// Hands out at most two bytes per read, as a pipe may.
        struct Trickle(std::io::Cursor<Vec<u8>>);
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = buf.len().min(2);
                self.0.read(&mut buf[..n])
            }
        }
        let reader = Trickle(std::io::Cursor::new(stream.to_vec()));
        let mut s = Stream::new(None, Box::new(reader));
        s.block_bytes = block_bytes;
        let mut out = Vec::new();
        while let Some(doc) = s.next_record().unwrap() {
            out.push(doc.bytes().to_vec());
        }
        out
    }

    proptest::proptest! {
        /// Blocks of any size split a stream into the records `read_record` reads.
        #[test]
        fn blocks_split_streams_as_records_are_read(
            stream in proptest::collection::vec(
                proptest::sample::select(b"ab\n\n\r\x1e\x1e".to_vec()), 0..120),
            block_bytes in 1usize..40,
        ) {
            proptest::prop_assert_eq!(split_all(&stream, block_bytes), read_all(&stream, 64));
        }
    }

    #[test]
    fn stream_records() {
        let cases: &[(&[u8], &[&[u8]])] = &[
            (b"", &[]),
            (b"one", &[b"one"]),
            (b"one\n\x1e\n", &[b"one"]),
            (b"one\n\n\x1e\ntwo\n\x1e\n", &[b"one\n", b"two"]),
            (b"one\r\n\x1e\r\ntwo", &[b"one\r", b"two"]),
            (b"\x1e\none\n\x1e", &[b"", b"one"]),
            (b"a \x1e\n\x1e \n\x1e\n", &[b"a \x1e\n\x1e "]),
            (b"one\n\x1e\n\n\x1e\n", &[b"one", b""]),
            (b"a\n\x1e\rb\n\x1e\r", &[b"a\n\x1e\rb"]),
            (b"a\n\x1e\x1e\n\x1e\n", &[b"a\n\x1e\x1e"]),
            (b"\x1e\x1e\n", &[b"\x1e\x1e\n"]),
        ];
        for (stream, want) in cases {
            let want: Vec<Vec<u8>> = want.iter().map(|w| w.to_vec()).collect();
            // Small buffers put the separator line across buffer boundaries.
            for capacity in [1, 2, 3, 4, 5, 7, 64] {
                assert_eq!(split_all(stream, capacity), want, "blocks of {capacity}");
                let got = read_all(stream, capacity);
                assert_eq!(
                    got,
                    want,
                    "stream {:?}, buffer {capacity}",
                    String::from_utf8_lossy(stream)
                );
            }
        }
    }
}
