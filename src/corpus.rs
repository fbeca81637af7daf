//! Reading many articles: files, directories and streams.

use crate::article::Article;
use crate::error::{Error, ParseError};
use crate::parse::Parser;
use std::collections::VecDeque;
use std::fs;
use std::io::Read;
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

enum Source {
    Path(PathBuf),
    /// In a mutex so that a `Corpus` is `Sync` whatever the reader.
    Reader(Option<PathBuf>, Mutex<Box<dyn Read + Send>>),
}

/// A set of inputs, read one document at a time.
///
/// Files are taken as given; directories are walked recursively for `*.txt` files in file-name
/// order. One unreadable or invalid file yields an [`Error`] naming it, and reading goes on.
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

    /// The documents, in order: each source in turn, directories in file-name order.
    pub fn documents(self) -> Documents {
        Documents {
            sources: self.sources.into(),
            walk: None,
        }
    }
}

/// Iterator over a [`Corpus`]'s documents; see [`Corpus::documents`].
pub struct Documents {
    sources: VecDeque<Source>,
    walk: Option<walkdir::IntoIter>,
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
        loop {
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        if entry.file_type().is_file() && is_article_file(entry.path()) {
                            return Some(Document::read(entry.path()));
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
                        return Some(Document::read(path));
                    }
                }
                Source::Reader(name, reader) => {
                    let mut reader = reader
                        .into_inner()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    let mut bytes = Vec::new();
                    return Some(match reader.read_to_end(&mut bytes) {
                        Ok(_) => Document::from_bytes(name, bytes),
                        Err(source) => Err(Error::Io { path: name, source }),
                    });
                }
            }
        }
    }
}
