//! Extractors chosen at run time: [`ExtractorSet`] and its output, [`Extraction`].

use super::{Actors, Analysis, Extractor, Figures, Places, Quotes, Sentences};
use serde::Serialize;
use serde::ser::SerializeMap;
use std::fmt;
use std::sync::Arc;

/// Object-safe form of an extractor whose output serializes.
trait ErasedExtractor: Send + Sync {
    fn extract_value(&self, analysis: &Analysis<'_>) -> serde_json::Value;
}

impl<E> ErasedExtractor for E
where
    E: Extractor + Send + Sync,
    E::Output: Serialize,
{
    fn extract_value(&self, analysis: &Analysis<'_>) -> serde_json::Value {
        // Serializing plain records into a JSON value only fails for maps with non-string keys,
        // which an extractor's output type would show in its own tests; record it as null.
        serde_json::to_value(self.extract(analysis)).unwrap_or(serde_json::Value::Null)
    }
}

/// Named extractors chosen at run time, run in one pass over each article.
///
/// Cheap to clone (the extractors are shared), `Send + Sync`.
///
/// ```
/// use newswire::extract::{Analysis, Extractor, ExtractorSet, from_fn};
///
/// let set = ExtractorSet::builtin(["sentences"])?
///     .with("words", from_fn(|a: &Analysis<'_>| a.source().split_whitespace().count()));
/// let article = newswire::parse("ASEAN met. Leaders agreed.")?;
/// let extraction = set.extract(&Analysis::new(&article));
/// assert_eq!(
///     serde_json::to_string(&extraction)?,
///     r#"{"sentences":[{"start":0,"end":10},{"start":11,"end":26}],"words":4}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default)]
pub struct ExtractorSet {
    items: Vec<(String, Arc<dyn ErasedExtractor>)>,
}

impl fmt::Debug for ExtractorSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.items.iter().map(|(n, _)| n))
            .finish()
    }
}

/// The names [`ExtractorSet::builtin`] knows, in the order they run.
pub const BUILTIN_EXTRACTORS: &[&str] = &[
    "sentences",
    "quotes",
    "times",
    "places",
    "actors",
    "figures",
];

impl ExtractorSet {
    /// An empty set.
    pub fn new() -> Self {
        ExtractorSet::default()
    }

    /// The built-in extractors with the given names (see [`ExtractorSet::builtin_names`]), with
    /// their default settings. An unknown name is an error listing the known ones.
    pub fn builtin<I, S>(names: I) -> Result<Self, UnknownExtractor>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = ExtractorSet::new();
        for name in names {
            let name = name.as_ref().trim();
            set = match name {
                "sentences" => set.with(name, Sentences::default()),
                "quotes" => set.with(name, Quotes::default()),
                "times" => set.with(name, super::Times::default()),
                "places" => set.with(name, Places::default()),
                "actors" => set.with(name, Actors::default()),
                "figures" => set.with(name, Figures::default()),
                _ => {
                    return Err(UnknownExtractor {
                        name: name.to_string(),
                    });
                }
            };
        }
        Ok(set)
    }

    /// The names of the built-in extractors.
    pub fn builtin_names() -> &'static [&'static str] {
        BUILTIN_EXTRACTORS
    }

    /// Adds an extractor under `name`, the key of its output in an [`Extraction`].
    pub fn with<E>(mut self, name: impl Into<String>, extractor: E) -> Self
    where
        E: Extractor + Send + Sync + 'static,
        E::Output: Serialize,
    {
        self.items.push((name.into(), Arc::new(extractor)));
        self
    }

    /// The names, in the order the extractors run.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|(n, _)| n.as_str())
    }

    /// Number of extractors.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Extractor for ExtractorSet {
    type Output = Extraction;

    fn extract(&self, analysis: &Analysis<'_>) -> Extraction {
        Extraction {
            fields: self
                .items
                .iter()
                .map(|(name, e)| (name.clone(), e.extract_value(analysis)))
                .collect(),
        }
    }
}

/// The outputs of an [`ExtractorSet`] for one article, by extractor name, in the set's order.
/// Serializes as a JSON object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extraction {
    /// `(name, output)` pairs.
    pub fields: Vec<(String, serde_json::Value)>,
}

impl Extraction {
    /// The output of the extractor named `name`.
    pub fn get(&self, name: &str) -> Option<&serde_json::Value> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

impl Serialize for Extraction {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.fields.len()))?;
        for (k, v) in &self.fields {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A name that is not a built-in extractor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown extractor `{name}`: the built-in extractors are {}", BUILTIN_EXTRACTORS.join(", "))]
pub struct UnknownExtractor {
    /// The name asked for.
    pub name: String,
}
