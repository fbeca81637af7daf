//! Your first extractor: mentions of a word list, run in one pass with the built-in sentence
//! and quotation extractors.
//!
//! ```text
//! cargo run --example custom_extractor -- [--words ASEAN,Myanmar] [PATH...]
//! ```
//!
//! Read this file top to bottom; it is the shortest tour of the extraction API.
//!
//! 1. **Parse** text into an [`Article`](newswire::Article) with `newswire::parse` (or a
//!    [`Parser`] for options, or a [`Corpus`] for files and directories).
//! 2. Wrap the article in an [`Analysis`]. It holds the work that extractors share, such as the
//!    article's sentences, and computes each piece once, on first use.
//! 3. **Implement [`Extractor`]** for your own type: one method, `extract`, that takes the
//!    analysis and returns whatever output type you choose. Give outputs [`Span`]s (byte offsets
//!    into [`Analysis::source`]) instead of borrowed text, and derive `Serialize` if you want to
//!    print them.
//! 4. **Run several extractors in one pass** by putting them in a tuple: the tuple is itself an
//!    extractor whose output is the tuple of outputs. Or, when the set is chosen at run time, add
//!    yours to an [`ExtractorSet`] next to the built-ins and get one JSON object per article.
//!
//! With no PATH the bundled samples are used.

use clap::Parser as _;
use newswire::extract::{Analysis, Extractor, ExtractorSet, Quotes, Sentences};
use newswire::{Corpus, Parser, Span};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// Count words of your choice in news articles, next to their sentences and quotations.
#[derive(clap::Parser)]
#[command(about)]
struct Args {
    /// Comma-separated words to look for (matched as whole words, case-sensitively).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "ASEAN,Myanmar,China,U.S."
    )]
    words: Vec<String>,
    /// Files or directories to read (default: the bundled samples).
    paths: Vec<PathBuf>,
}

/// Step 3: the extractor's own type holds its settings, here the words to look for.
struct Mentions {
    words: Vec<String>,
}

/// What it finds: one mention, with the index of the sentence it is in.
#[derive(Debug, Serialize)]
struct Mention {
    word: String,
    /// Flattened, a span serializes as `"start": .., "end": ..`.
    #[serde(flatten)]
    span: Span,
    /// Index into `Analysis::sentences()` of the sentence the mention is in.
    sentence: usize,
}

impl Extractor for Mentions {
    type Output = Vec<Mention>;

    fn extract(&self, analysis: &Analysis<'_>) -> Vec<Mention> {
        let src = analysis.source();
        // Shared work: the sentences are split once per article, however many extractors ask.
        let sentences = analysis.sentences();
        let mut found = Vec::new();
        for (i, sentence) in sentences.iter().enumerate() {
            let text = &src[sentence.span.range()];
            for word in &self.words {
                for (at, _) in text.match_indices(word.as_str()) {
                    // Whole words only: `ASEAN` but not `ASEANs`.
                    let before = text[..at].chars().next_back();
                    let after = text[at + word.len()..].chars().next();
                    if before.is_some_and(char::is_alphanumeric)
                        || after.is_some_and(char::is_alphanumeric)
                    {
                        continue;
                    }
                    let start = sentence.span.start + at;
                    found.push(Mention {
                        word: word.clone(),
                        span: Span::new(start, start + word.len()),
                        sentence: i,
                    });
                }
            }
        }
        found.sort_by_key(|m| m.span);
        found
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")]
    } else {
        args.paths
    };
    let mentions = Mentions { words: args.words };

    // Step 4, run time: the same extractor next to built-ins chosen by name.
    let set = match ExtractorSet::builtin(["sentences", "quotes"]) {
        Ok(set) => set.with(
            "mentions",
            Mentions {
                words: mentions.words.clone(),
            },
        ),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };

    let parser = Parser::default();
    let mut failed = false;
    for doc in Corpus::new().paths(paths).documents() {
        let doc = match doc {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        // Step 1: parse.
        let article = match doc.parse(&parser) {
            Ok(article) => article,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        // Step 2: one analysis per article.
        let analysis = Analysis::new(&article);

        // Step 4, compile time: a tuple runs all three in one pass, fully typed.
        let (sentences, quotes, found) =
            (Sentences::default(), Quotes::default(), &mentions).extract(&analysis);

        let name = doc.path().map_or("-".into(), |p| p.display().to_string());
        println!(
            "{name}: {} sentences, {} quotations, {} mentions",
            sentences.len(),
            quotes.len(),
            found.len()
        );
        for m in &found {
            println!(
                "  {:>5}..{:<5} {} (sentence {})",
                m.span.start,
                m.span.end,
                &analysis.source()[m.span.range()],
                m.sentence
            );
        }
        for q in &quotes {
            let speaker = q.speaker.as_ref().map_or("unknown", |s| s.text.as_str());
            println!("  quote by {speaker}: {:?}", q.text);
        }

        // The run-time set gives one JSON object for the same article.
        match serde_json::to_string(&set.extract(&analysis)) {
            Ok(json) => println!("  json: {} bytes", json.len()),
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
