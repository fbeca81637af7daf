//! Extractors chosen at run time: [`ExtractorSet`] and its output, [`Extraction`].

use super::{Actors, Analysis, Extractor, Figures, Places, Quotes, Sentences};
use serde::Serialize;
use serde::ser::SerializeMap;
use std::any::Any;
use std::fmt;
use std::sync::Arc;

/// An extractor's output as an [`Extraction`] keeps it: the typed value, behind a trait object
/// that serializes with any serde serializer and can be downcast to its type.
///
/// Implemented for every `Serialize + Send + Sync + 'static` type, so it never needs to be
/// implemented by hand.
///
/// ```
/// use newswire::extract::{Analysis, Extractor, ExtractorSet, Sentence};
///
/// let set = ExtractorSet::builtin(["sentences"])?;
/// let article = newswire::parse("ASEAN met. Leaders agreed.")?;
/// let extraction = set.extract(&Analysis::new(&article));
/// let output = extraction.get("sentences").unwrap();
/// let sentences: &Vec<Sentence> = output.downcast_ref().unwrap();
/// assert_eq!(sentences.len(), 2);
/// assert_eq!(serde_json::to_string(output)?, r#"[{"start":0,"end":10},{"start":11,"end":26}]"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Output: erased_serde::Serialize + Any + Send + Sync {
    /// The output as `Any`, to downcast it to its type.
    fn as_any(&self) -> &dyn Any;
}

impl<T: Serialize + Any + Send + Sync> Output for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

erased_serde::serialize_trait_object!(Output);

impl dyn Output {
    /// The output as its type `T`, or `None` if it has another type.
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        self.as_any().downcast_ref()
    }

    /// The output as a JSON value (for code that wants to walk it generically).
    pub fn to_json(&self) -> serde_json::Value {
        // Serializing into a value only fails for maps with non-string keys, which an
        // extractor's output type would show in its own tests; such an output is null.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

impl fmt::Debug for dyn Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match serde_json::to_string(self) {
            Ok(json) => f.write_str(&json),
            Err(_) => f.write_str("<output that does not serialize as JSON>"),
        }
    }
}

/// Object-safe form of an extractor whose output serializes.
trait ErasedExtractor: Send + Sync {
    fn extract_output(&self, analysis: &Analysis<'_>) -> Box<dyn Output>;
}

impl<E> ErasedExtractor for E
where
    E: Extractor + Send + Sync,
    E::Output: Serialize + Send + Sync + 'static,
{
    fn extract_output(&self, analysis: &Analysis<'_>) -> Box<dyn Output> {
        Box::new(self.extract(analysis))
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
    items: Vec<(Arc<str>, Arc<dyn ErasedExtractor>)>,
}

impl fmt::Debug for ExtractorSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.items.iter().map(|(n, _)| &**n))
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
        E::Output: Serialize + Send + Sync + 'static,
    {
        self.items
            .push((Arc::from(name.into()), Arc::new(extractor)));
        self
    }

    /// The names, in the order the extractors run.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|(n, _)| &**n)
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
        let mut extraction = Extraction {
            fields: Vec::with_capacity(self.items.len()),
        };
        for (name, e) in &self.items {
            extraction.insert(name.clone(), e.extract_output(analysis));
        }
        extraction
    }
}

/// The outputs of an [`ExtractorSet`] for one article, by extractor name, in the set's order:
/// the typed outputs themselves, serialized only when written. Serializes as a JSON object.
#[derive(Debug, Default)]
pub struct Extraction {
    fields: Vec<(Arc<str>, Box<dyn Output>)>,
}

impl Extraction {
    /// An empty extraction.
    pub fn new() -> Self {
        Extraction::default()
    }

    /// The output of the extractor named `name`.
    pub fn get(&self, name: &str) -> Option<&dyn Output> {
        self.fields
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| &**v)
    }

    /// Sets the output under `name`: in place of an output of that name, else at the end.
    pub fn insert(&mut self, name: impl Into<Arc<str>>, output: Box<dyn Output>) {
        let name = name.into();
        match self.fields.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = output,
            None => self.fields.push((name, output)),
        }
    }

    /// `(name, output)` pairs, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &dyn Output)> {
        self.fields.iter().map(|(n, v)| (&**n, &**v))
    }

    /// Number of outputs.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether there are no outputs.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Moves the outputs of `other` in, each replacing an output of the same name.
    pub fn merge(&mut self, other: Extraction) {
        for (name, output) in other.fields {
            self.insert(name, output);
        }
    }
}

impl Serialize for Extraction {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.fields.len()))?;
        for (k, v) in &self.fields {
            map.serialize_entry(&**k, &**v)?;
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
