//! Reading many articles: files, directories and streams.

use crate::article::Article;
use crate::error::{Error, ParseError};
use crate::parse::Parser;
use std::collections::VecDeque;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One article's text as read from a file or stream, checked to be UTF-8.
///
/// Parse it with [`Document::parse`]; the [`Article`] borrows from the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    path: Option<PathBuf>,
    text: String,
}

impl Document {
    /// A document from text already in memory, with an optional path for messages.
    pub fn new(path: Option<PathBuf>, text: String) -> Self {
        Document { path, text }
    }

    /// A document from raw bytes, which must be UTF-8; the error names the path and the byte
    /// offset of the first invalid byte.
    pub fn from_bytes(path: Option<PathBuf>, bytes: Vec<u8>) -> Result<Self, Error> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document { path, text }),
            Err(e) => {
                let err = ParseError::invalid_utf8(e.as_bytes(), e.utf8_error());
                Err(Error::Parse { path, source: err })
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
        &self.text
    }

    /// Parses the text; a parse error is wrapped with this document's path.
    pub fn parse(&self, parser: &Parser) -> Result<Article<'_>, Error> {
        parser.parse(&self.text).map_err(|source| Error::Parse {
            path: self.path.clone(),
            source,
        })
    }

    /// The text, taking ownership.
    pub fn into_text(self) -> String {
        self.text
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    path: Option<PathBuf>,
    bytes: Vec<u8>,
}

impl RawDocument {
    /// Bytes as read, with an optional path for messages.
    pub fn new(path: Option<PathBuf>, bytes: Vec<u8>) -> Self {
        RawDocument { path, bytes }
    }

    /// The file the bytes came from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Checks that the bytes are UTF-8 and makes them a [`Document`] (as
    /// [`Document::from_bytes`]): the error names the path and the first invalid byte.
    pub fn into_document(self) -> Result<Document, Error> {
        Document::from_bytes(self.path, self.bytes)
    }
}

enum Source {
    Path(PathBuf),
    /// In a mutex so that a `Corpus` is `Sync` whatever the reader.
    Reader(Option<PathBuf>, Mutex<Box<dyn Read + Send>>),
    StreamPath(PathBuf),
    /// In a mutex so that a `Corpus` is `Sync` whatever the reader.
    Stream(Option<PathBuf>, Mutex<Box<dyn BufRead + Send>>),
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
        self.sources.push(Source::Stream(
            name,
            Mutex::new(Box::new(BufReader::with_capacity(1 << 16, reader))),
        ));
        self
    }

    /// The documents, in order: each source in turn, directories in file-name order.
    pub fn documents(self) -> Documents {
        Documents {
            sources: self.sources.into(),
            walk: None,
            stream: None,
            last_record: 0,
        }
    }
}

/// Iterator over a [`Corpus`]'s documents; see [`Corpus::documents`].
pub struct Documents {
    sources: VecDeque<Source>,
    walk: Option<walkdir::IntoIter>,
    stream: Option<(Option<PathBuf>, Box<dyn BufRead + Send>)>,
    /// Length of the last article read from a stream: the next one's buffer starts that large
    /// (plus a margin), so most articles are copied once, without regrowing.
    last_record: usize,
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
            if let Some((name, reader)) = &mut self.stream {
                let capacity = self
                    .last_record
                    .saturating_add(self.last_record / 2)
                    .min(1 << 20);
                let mut bytes = Vec::with_capacity(capacity);
                match read_record(reader.as_mut(), &mut bytes) {
                    Ok(true) => {
                        self.last_record = bytes.len();
                        return Some(Ok(RawDocument::new(name.clone(), bytes)));
                    }
                    Ok(false) => self.stream = None,
                    Err(source) => {
                        let path = name.clone();
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
                        let reader = BufReader::with_capacity(1 << 16, file);
                        self.stream = Some((Some(path), Box::new(reader)));
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
                    self.stream = Some((name, reader));
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
/// The separator byte is rare, so the reader's buffer is searched for it (memchr) and copied
/// in whole chunks, rather than line by line.
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
