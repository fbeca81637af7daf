//! Running an extractor over a whole corpus: [`Pipeline`].

use crate::corpus::{Document, RawDocument};
use crate::error::Error;
use crate::extract::{Analysis, Extractor};
use crate::parse::Parser;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

/// Most articles sent to a worker as one task.
#[cfg(feature = "rayon")]
const MAX_CHUNK_ARTICLES: usize = 32;

/// Most bytes of text sent to a worker as one task (a chunk holds at least one article).
#[cfg(feature = "rayon")]
const MAX_CHUNK_BYTES: usize = 256 * 1024;

/// Articles in flight per job when no window is set. Outcomes are handed back in input order,
/// so a small window leaves workers idle while the oldest chunk is still being processed: for
/// cheap work (parsing only) 64 articles per job kept two threads no faster than one.
const DEFAULT_WINDOW_PER_JOB: usize = 512;

/// Most bytes of article text in flight per job, whatever the window: a window of long
/// articles stays bounded in memory (at least one article is always in flight).
#[cfg(feature = "rayon")]
const MAX_IN_FLIGHT_BYTES_PER_JOB: usize = 8 * 1024 * 1024;

/// Runs an extractor over many documents: parse, [`Analysis`], extract, in parallel across
/// articles, with outcomes delivered in input order.
///
/// ```
/// use newswire::extract::{Extraction, ExtractorSet, Sentence};
/// use newswire::{Corpus, Pipeline};
///
/// let set = ExtractorSet::builtin(["sentences"])?;
/// let corpus = Corpus::new().path(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"));
/// let mut sentences = 0;
/// let summary = Pipeline::new(&set).jobs(2).window(64).run(corpus.documents(), |outcome| {
///     match outcome {
///         Ok(done) => {
///             let extraction: Extraction = done.output;
///             let found = extraction.get("sentences").and_then(|s| s.downcast_ref::<Vec<Sentence>>());
///             sentences += found.map_or(0, Vec::len);
///         }
///         Err(failure) => eprintln!("skipped: {failure}"),
///     }
///     Ok::<(), std::io::Error>(())
/// })?;
/// assert_eq!(summary.articles, 4);
/// assert_eq!(summary.failed, 0);
/// assert!(sentences > 20);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Order and memory
///
/// Documents are read on the calling thread, parsed and analysed on worker threads (with the
/// `rayon` feature, on by default; on the calling thread without it), and handed back to the
/// closure one at a time, in input order. The calling thread counts as one of the
/// [`jobs`](Pipeline::jobs): whenever it would wait for the others, it processes documents
/// already read itself. At most [`window`](Pipeline::window) articles are in
/// flight at once (read but not yet handed back), and at most 8 MiB of article text per job, so
/// memory does not grow with the corpus: a run holds the window's articles and their outputs,
/// whatever the corpus size. One article that
/// cannot be read or parsed, or on which an extractor panics, becomes a [`Failure`] and the run
/// goes on.
///
/// # Why a closure and not an iterator
///
/// `run(documents, |outcome| ...)` runs the workers inside a scope that ends when `run` returns.
/// So the extractor is only borrowed (no `'static` bound, no `Arc`), the documents iterator need
/// not be `Send`, and the closure, which usually writes to a [`Sink`](crate::sink::Sink), runs
/// on the caller's thread and need not be `Send` either. An iterator would have to own a
/// background thread and everything it touches. The closure can stop the run early by returning
/// an error.
#[derive(Debug, Clone)]
pub struct Pipeline<E> {
    extractor: E,
    parser: Parser,
    jobs: usize,
    window: usize,
}

/// What a [`Pipeline`] reads: a [`Document`], or a [`RawDocument`] (from [`Documents::raw`](crate::Documents::raw)),
/// whose UTF-8 check the pipeline then runs on a worker thread rather than on the thread that
/// reads.
pub trait IntoDocument: Send {
    /// The number of bytes, used to size the work sent to a thread at once.
    fn byte_len(&self) -> usize;

    /// The document, or why it is not one (bytes that are not UTF-8).
    fn into_document(self) -> Result<Document, Error>;
}

impl IntoDocument for Document {
    fn byte_len(&self) -> usize {
        self.text().len()
    }

    fn into_document(self) -> Result<Document, Error> {
        Ok(self)
    }
}

impl IntoDocument for RawDocument {
    fn byte_len(&self) -> usize {
        self.len()
    }

    fn into_document(self) -> Result<Document, Error> {
        RawDocument::into_document(self)
    }
}

/// The result of one document: what the extractor made of it, or why it was skipped.
pub type Outcome<O> = Result<Processed<O>, Failure>;

/// A document that was parsed and analysed.
#[derive(Debug, Clone)]
pub struct Processed<O> {
    /// Position of the document in the input, counting from 0 (failed documents included).
    pub index: usize,
    /// The document: its path and text. The byte offsets in `output` are into its text.
    pub document: Document,
    /// What the extractor returned.
    pub output: O,
}

impl<O> Processed<O> {
    /// The path of the document, if it came from a file.
    pub fn path(&self) -> Option<&Path> {
        self.document.path()
    }
}

/// A document that could not be read, parsed or analysed; the run goes on without it.
#[derive(Debug)]
pub struct Failure {
    /// Position of the document in the input, counting from 0.
    pub index: usize,
    /// What went wrong, naming the file.
    pub error: Error,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "article {}: {}", self.index, self.error)
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// Counts for a finished run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Documents processed.
    pub articles: usize,
    /// Documents skipped with a [`Failure`].
    pub failed: usize,
    /// Bytes of text in the processed documents.
    pub bytes: u64,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

impl Summary {
    /// Throughput in megabytes (10^6 bytes) of processed text per second of wall-clock time.
    pub fn megabytes_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        }
    }
}

impl<E> Pipeline<E>
where
    E: Extractor + Sync,
    E::Output: Send,
{
    /// A pipeline running `extractor` (a single extractor, a tuple, an
    /// [`ExtractorSet`](crate::extract::ExtractorSet), or a reference to one) with the default
    /// parser, one job per core, and a window of 512 articles per job.
    pub fn new(extractor: E) -> Self {
        Pipeline {
            extractor,
            parser: Parser::default(),
            jobs: 0,
            window: 0,
        }
    }

    /// Uses `parser` (for example a strict one) instead of the default lenient parser.
    pub fn parser(mut self, parser: Parser) -> Self {
        self.parser = parser;
        self
    }

    /// Number of threads doing the work, the calling thread included (it reads, hands outcomes
    /// to the closure, and processes documents whenever it would otherwise wait); 0 (the
    /// default) means one per core. With 1, or without the `rayon` feature, documents are
    /// processed on the calling thread alone.
    pub fn jobs(mut self, jobs: usize) -> Self {
        self.jobs = jobs;
        self
    }

    /// Most articles in flight at once: read but not yet handed to the closure. Memory use is
    /// bounded by this many articles (plus their outputs). 0 (the default) means 512 per job.
    /// Whatever the window, the parallel run also stops reading while more than 8 MiB of text
    /// per job is in flight, so a window of very long articles stays bounded too.
    pub fn window(mut self, articles: usize) -> Self {
        self.window = articles;
        self
    }

    /// The number of worker threads a run uses.
    pub fn effective_jobs(&self) -> usize {
        if !cfg!(feature = "rayon") {
            return 1;
        }
        match self.jobs {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
    }

    /// The window a run uses (see [`window`](Pipeline::window)).
    pub fn effective_window(&self) -> usize {
        match self.window {
            0 => self.effective_jobs().saturating_mul(DEFAULT_WINDOW_PER_JOB),
            n => n,
        }
    }

    /// Processes `documents`, calling `each` with every outcome in input order, and returns the
    /// counts. Failed documents are passed to `each` as [`Failure`]s and the run goes on; an
    /// error returned by `each` stops the run (documents in flight are finished and dropped)
    /// and is returned.
    pub fn run<I, D, F, X>(&self, documents: I, mut each: F) -> Result<Summary, X>
    where
        I: IntoIterator<Item = Result<D, Error>>,
        D: IntoDocument,
        F: FnMut(Outcome<E::Output>) -> Result<(), X>,
    {
        let start = Instant::now();
        let mut summary = Summary::default();
        let mut deliver = |outcome: Outcome<E::Output>| {
            match &outcome {
                Ok(done) => {
                    summary.articles += 1;
                    summary.bytes = summary
                        .bytes
                        .saturating_add(done.document.text().len() as u64);
                }
                Err(_) => summary.failed += 1,
            }
            each(outcome)
        };
        let result = self.run_inner(documents.into_iter(), &mut deliver);
        summary.elapsed = start.elapsed();
        result.map(|()| summary)
    }

    #[cfg(feature = "rayon")]
    fn run_inner<I, D, X>(
        &self,
        documents: I,
        deliver: &mut dyn FnMut(Outcome<E::Output>) -> Result<(), X>,
    ) -> Result<(), X>
    where
        I: Iterator<Item = Result<D, Error>>,
        D: IntoDocument,
    {
        let jobs = self.effective_jobs();
        if jobs <= 1 {
            return self.run_sequential(documents, deliver);
        }
        // The calling thread is one of the `jobs`: besides reading and delivering, it
        // processes queued chunks itself whenever it would otherwise wait for the others. So
        // `jobs` threads share the work on `jobs` cores, rather than a reader competing with
        // `jobs` workers for them.
        let Ok(pool) = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs - 1)
            .thread_name(|i| format!("newswire-{i}"))
            .build()
        else {
            // No threads to be had: the work still gets done, on this thread.
            return self.run_sequential(documents, deliver);
        };
        let window = self.effective_window().max(1);
        // Articles go to the workers in chunks, so that the cost of a task and of a message
        // is shared by several articles; two chunks per job fit in the window.
        let chunk_articles = (window / jobs.saturating_mul(2)).clamp(1, MAX_CHUNK_ARTICLES);
        use std::collections::VecDeque;
        type Chunk<O> = Vec<(usize, Outcome<O>)>;
        let (tx, rx) = std::sync::mpsc::channel::<Chunk<E::Output>>();
        let (extractor, parser) = (&self.extractor, &self.parser);
        let process_chunk = |chunk: Vec<(usize, D)>| -> Chunk<E::Output> {
            chunk
                .into_iter()
                .map(|(index, doc)| (index, process(extractor, parser, index, doc)))
                .collect()
        };
        // Chunks read and not yet taken by a thread.
        let queue = ChunkQueue::default();
        pool.in_place_scope(|scope| {
            // However the run ends, the pool's threads stop taking chunks.
            let _close = CloseOnDrop(&queue);
            for _ in 1..jobs {
                let tx = tx.clone();
                let (queue, process_chunk) = (&queue, &process_chunk);
                scope.spawn(move |_| {
                    while let Some(chunk) = queue.pop() {
                        // The receiver outlives every job; if it is gone the run was stopped
                        // and the outcomes are not wanted.
                        let _ = tx.send(process_chunk(chunk));
                    }
                });
            }
            let mut documents = documents;
            // Outcomes not yet delivered, from index `delivered` on, with the article's text
            // length; `None` is still in flight.
            let mut pending: VecDeque<(usize, Option<Outcome<E::Output>>)> = VecDeque::new();
            let fill = |pending: &mut VecDeque<(usize, Option<Outcome<E::Output>>)>,
                        delivered: usize,
                        outcomes: Chunk<E::Output>| {
                for (index, outcome) in outcomes {
                    if let Some(slot) = index
                        .checked_sub(delivered)
                        .and_then(|at| pending.get_mut(at))
                    {
                        slot.1 = Some(outcome);
                    }
                }
            };
            let max_bytes = jobs.saturating_mul(MAX_IN_FLIGHT_BYTES_PER_JOB);
            let mut in_flight_bytes = 0usize;
            let mut delivered = 0usize;
            let mut read = 0usize;
            let mut exhausted = false;
            let mut chunk: Vec<(usize, D)> = Vec::new();
            let mut chunk_bytes = 0usize;
            // Chunks queued or being processed by the pool: outcomes still to come back.
            let mut queued = 0usize;
            loop {
                while !exhausted
                    && read - delivered < window
                    && (read == delivered || in_flight_bytes < max_bytes)
                {
                    let index = read;
                    match documents.next() {
                        None => exhausted = true,
                        Some(Ok(doc)) => {
                            let len = doc.byte_len();
                            pending.push_back((len, None));
                            in_flight_bytes = in_flight_bytes.saturating_add(len);
                            chunk_bytes = chunk_bytes.saturating_add(len);
                            chunk.push((index, doc));
                            read += 1;
                            if chunk.len() >= chunk_articles || chunk_bytes >= MAX_CHUNK_BYTES {
                                queue.push(std::mem::take(&mut chunk));
                                queued += 1;
                                chunk_bytes = 0;
                            }
                        }
                        Some(Err(error)) => {
                            pending.push_back((0, Some(Err(Failure { index, error }))));
                            read += 1;
                        }
                    }
                }
                if !chunk.is_empty() {
                    // The window is full or the input ended: send what there is.
                    queue.push(std::mem::take(&mut chunk));
                    queued += 1;
                    chunk_bytes = 0;
                }
                while let Ok(outcomes) = rx.try_recv() {
                    queued = queued.saturating_sub(1);
                    fill(&mut pending, delivered, outcomes);
                }
                while let Some((_, Some(_))) = pending.front() {
                    if let Some((len, Some(outcome))) = pending.pop_front() {
                        delivered += 1;
                        in_flight_bytes = in_flight_bytes.saturating_sub(len);
                        deliver(outcome)?;
                    }
                }
                if delivered == read {
                    if exhausted {
                        return Ok(());
                    }
                    continue;
                }
                // Nothing to deliver yet: rather than wait, process a queued chunk here.
                if let Some(chunk) = queue.try_pop() {
                    queued = queued.saturating_sub(1);
                    fill(&mut pending, delivered, process_chunk(chunk));
                    continue;
                }
                if queued == 0 {
                    continue;
                }
                // Every chunk left is being processed by the pool, which sends each once.
                let Ok(outcomes) = rx.recv() else {
                    return Ok(());
                };
                queued = queued.saturating_sub(1);
                fill(&mut pending, delivered, outcomes);
            }
        })
    }

    #[cfg(not(feature = "rayon"))]
    fn run_inner<I, D, X>(
        &self,
        documents: I,
        deliver: &mut dyn FnMut(Outcome<E::Output>) -> Result<(), X>,
    ) -> Result<(), X>
    where
        I: Iterator<Item = Result<D, Error>>,
        D: IntoDocument,
    {
        self.run_sequential(documents, deliver)
    }

    fn run_sequential<I, D, X>(
        &self,
        documents: I,
        deliver: &mut dyn FnMut(Outcome<E::Output>) -> Result<(), X>,
    ) -> Result<(), X>
    where
        I: Iterator<Item = Result<D, Error>>,
        D: IntoDocument,
    {
        for (index, doc) in documents.enumerate() {
            let outcome = match doc {
                Ok(doc) => process(&self.extractor, &self.parser, index, doc),
                Err(error) => Err(Failure { index, error }),
            };
            deliver(outcome)?;
        }
        Ok(())
    }
}

/// Chunks of documents waiting for a thread: the pool's threads block on it, the calling
/// thread only takes from it when it would otherwise wait.
#[cfg(feature = "rayon")]
struct ChunkQueue<T> {
    /// The chunks, and whether the run is over (no more will come).
    state: std::sync::Mutex<(std::collections::VecDeque<T>, bool)>,
    ready: std::sync::Condvar,
}

#[cfg(feature = "rayon")]
impl<T> Default for ChunkQueue<T> {
    fn default() -> Self {
        ChunkQueue {
            state: std::sync::Mutex::new((std::collections::VecDeque::new(), false)),
            ready: std::sync::Condvar::new(),
        }
    }
}

#[cfg(feature = "rayon")]
impl<T> ChunkQueue<T> {
    fn lock(&self) -> std::sync::MutexGuard<'_, (std::collections::VecDeque<T>, bool)> {
        // A panic while holding the lock leaves the queue itself consistent.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn push(&self, chunk: T) {
        self.lock().0.push_back(chunk);
        self.ready.notify_one();
    }

    /// The next chunk, waiting for one; `None` once the queue is closed.
    fn pop(&self) -> Option<T> {
        let mut state = self.lock();
        loop {
            if let Some(chunk) = state.0.pop_front() {
                return Some(chunk);
            }
            if state.1 {
                return None;
            }
            state = self
                .ready
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    /// The next chunk if one is waiting.
    fn try_pop(&self) -> Option<T> {
        self.lock().0.pop_front()
    }

    /// No more chunks: every waiting [`pop`](ChunkQueue::pop) returns `None`, and chunks not
    /// taken are dropped.
    fn close(&self) {
        let mut state = self.lock();
        state.0.clear();
        state.1 = true;
        drop(state);
        self.ready.notify_all();
    }
}

/// Closes a [`ChunkQueue`] when dropped, however the scope holding it is left.
#[cfg(feature = "rayon")]
struct CloseOnDrop<'a, T>(&'a ChunkQueue<T>);

#[cfg(feature = "rayon")]
impl<T> Drop for CloseOnDrop<'_, T> {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// Checks, parses and analyses one document. A panicking extractor is reported as a failure of
/// that document rather than taking the run down.
fn process<E: Extractor>(
    extractor: &E,
    parser: &Parser,
    index: usize,
    input: impl IntoDocument,
) -> Outcome<E::Output> {
    let document = match input.into_document() {
        Ok(document) => document,
        Err(error) => return Err(Failure { index, error }),
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        let article = document.parse(parser)?;
        let analysis = Analysis::new(&article);
        Ok(extractor.extract(&analysis))
    }));
    match result {
        Ok(Ok(output)) => Ok(Processed {
            index,
            document,
            output,
        }),
        Ok(Err(error)) => Err(Failure { index, error }),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            Err(Failure {
                index,
                error: Error::Panicked {
                    path: document.path().map(Path::to_path_buf),
                    message,
                },
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Corpus;

    /// A stream of three articles, the second not UTF-8.
    fn stream() -> Vec<u8> {
        let mut s = b"JAKARTA -- Talks began.\n\x1e\n".to_vec();
        s.extend_from_slice(b"caf\xe9 au lait\n\x1e\n");
        s.extend_from_slice(b"Leaders met on April 24.\n");
        s
    }

    /// (index, text or error kind) of every outcome.
    fn outcomes<D: IntoDocument>(
        jobs: usize,
        documents: impl IntoIterator<Item = Result<D, Error>>,
    ) -> Vec<(usize, Result<String, String>)> {
        let mut seen = Vec::new();
        let extractor = crate::extract::from_fn(|_: &Analysis<'_>| ());
        Pipeline::new(extractor)
            .jobs(jobs)
            .window(2)
            .run(documents, |outcome| {
                seen.push(match outcome {
                    Ok(done) => (done.index, Ok(done.document.into_text())),
                    Err(failure) => (failure.index, Err(failure.error.to_string())),
                });
                Ok::<(), std::io::Error>(())
            })
            .unwrap();
        seen
    }

    #[test]
    #[cfg(feature = "rayon")]
    fn chunk_queues_hand_out_in_order_until_closed() {
        let queue = ChunkQueue::default();
        assert_eq!(queue.try_pop(), None);
        for chunk in [1, 2, 3] {
            queue.push(chunk);
        }
        assert_eq!(queue.pop(), Some(1));
        assert_eq!(queue.try_pop(), Some(2));
        queue.close();
        // Closing drops what was not taken, and wakes every waiting thread with `None`.
        assert_eq!(queue.try_pop(), None);
        assert_eq!(queue.pop(), None);
        let queue = ChunkQueue::<u8>::default();
        std::thread::scope(|s| {
            let waiter = s.spawn(|| queue.pop());
            queue.close();
            assert_eq!(waiter.join().ok(), Some(None));
        });
    }

    #[test]
    fn the_calling_thread_works_while_it_would_wait() {
        let caller = std::thread::current().id();
        let by_caller = std::sync::atomic::AtomicUsize::new(0);
        let extractor = crate::extract::from_fn(|_: &Analysis<'_>| {
            // Slow enough that the reader runs out of things to deliver.
            std::thread::sleep(Duration::from_millis(1));
            if std::thread::current().id() == caller {
                by_caller.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        });
        let docs = (0..200).map(|i| Ok(Document::new(None, format!("Article {i}.\n"))));
        let mut order = Vec::new();
        let summary = Pipeline::new(extractor)
            .jobs(2)
            .window(8)
            .run(docs, |outcome| {
                order.push(outcome.map(|done| done.index).map_err(|f| f.index));
                Ok::<(), std::io::Error>(())
            })
            .unwrap();
        assert_eq!(summary.articles, 200);
        assert_eq!(order, (0..200).map(Ok).collect::<Vec<_>>());
        assert!(
            by_caller.into_inner() > 0,
            "the calling thread processed nothing"
        );
    }

    #[test]
    fn raw_documents_are_checked_on_the_workers_with_the_same_outcomes() {
        let corpus = || Corpus::new().stream_reader(None, std::io::Cursor::new(stream()));
        for jobs in [1, 2] {
            let checked = outcomes(jobs, corpus().documents());
            let raw = outcomes(jobs, corpus().documents().raw());
            assert_eq!(raw, checked);
            assert_eq!(raw.len(), 3);
            assert_eq!(raw[0], (0, Ok("JAKARTA -- Talks began.".to_string())));
            assert!(
                raw[1].1.as_ref().is_err_and(|e| e.contains("UTF-8")),
                "{raw:?}"
            );
            assert_eq!(raw[2], (2, Ok("Leaders met on April 24.\n".to_string())));
        }
    }
}
