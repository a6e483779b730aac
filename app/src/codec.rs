//! How a page's data travels inside its HTML for hydration.
//!
//! Leptos writes each resource's encoded form into the page as a Rust string literal
//! (`{:?}`), and debug-escaping looks every non-ASCII character up in Unicode's tables: on the
//! casting list, where most of the text is Chinese, that was a fifth of the server's time per
//! page. [`AsciiJson`] is JSON whose strings escape every non-ASCII character (`\u4e2d`), so
//! that literal is plain ASCII and written at memcpy speed; the browser's JSON parser reads it
//! back as it was. The price is size: the first page of open calls grows from 49.2 to 55.6 KB,
//! and from 9.1 to 11.1 KB compressed, for about a sixth more pages a second.
//!
//! Every resource reads its JSON as a server function reads its answers
//! (`serde_json::from_slice`): Leptos's own codec reads it from a `&str`, which is another
//! reader type to serde_json, so the browser's bundle carried a second copy of the decoding code
//! of every type that is both fetched and hydrated. [`fetched`] makes a resource with [`Json`].

use std::future::Future;
use std::io::{self, Write};

use leptos::prelude::Resource;
use leptos::server::codee::{Decoder, Encoder};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON as serde_json writes it, read back through the same reader type as server functions'
/// answers (see the module's documentation).
pub struct Json;

impl<T: Serialize> Encoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(encoded: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(encoded.as_bytes())
    }
}

/// A resource (as `Resource::new`) whose value travels in the page as [`Json`].
#[track_caller]
pub fn fetched<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T, Json>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: Send + Sync + Clone + PartialEq + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    fetched_as(source, fetcher)
}

/// A resource whose value travels in the page as the codec `C` writes it: [`Json`] (see
/// [`fetched`]), [`AsciiJson`] or [`UnlessIsland`].
#[track_caller]
pub fn fetched_as<C, T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T, C>
where
    C: Encoder<T, Encoded = String, Error = serde_json::Error>
        + Decoder<T, Encoded = str, Error = serde_json::Error>
        + 'static,
    T: Send + Sync + 'static,
    S: Send + Sync + Clone + PartialEq + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// JSON with only ASCII in it (see the module's documentation).
pub struct AsciiJson;

impl<T: Serialize> Encoder<T> for AsciiJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        let mut out = Vec::with_capacity(1024);
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, EscapeNonAscii))?;
        String::from_utf8(out).map_err(serde::ser::Error::custom)
    }
}

impl<T: DeserializeOwned> Decoder<T> for AsciiJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(encoded: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(encoded.as_bytes())
    }
}

/// serde_json's compact output with `\uXXXX` (UTF-16 units) for every non-ASCII character.
struct EscapeNonAscii;

impl serde_json::ser::Formatter for EscapeNonAscii {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut plain = 0;
        for (at, c) in fragment.char_indices() {
            if c.is_ascii() {
                continue;
            }
            writer.write_all(&fragment.as_bytes()[plain..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            plain = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[plain..])
    }
}

/// [`Json`] for a page that hydrates only when the map island is not built (`bundle::ISLAND_AREAS`):
/// with the island, the page loads no bundle and nothing reads its resources back, so its value
/// is not written into the page a second time (the island gets what it draws in its own data,
/// and the list is in the HTML) — with tens of thousands of locations that copy was most of the
/// page. Without the island the page hydrates and the value travels as [`Json`].
pub struct UnlessIsland;

impl<T: Serialize> Encoder<T> for UnlessIsland {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        if crate::bundle::island_built() { Ok(String::new()) } else { Json::encode(value) }
    }
}

impl<T: DeserializeOwned> Decoder<T> for UnlessIsland {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(encoded: &str) -> Result<T, serde_json::Error> {
        Json::decode(encoded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, serde::Deserialize)]
    struct Sample {
        title: String,
        tags: Vec<String>,
        pay: u32,
    }

    #[test]
    fn every_character_comes_back_and_nothing_but_ascii_is_written() {
        let sample = Sample {
            title: "宫女 \"maids\" — 横店 🎬\n".into(),
            tags: vec!["骑马".into(), "plain".into(), String::new()],
            pay: 300,
        };
        let encoded = <AsciiJson as Encoder<Sample>>::encode(&sample).unwrap();
        assert!(encoded.is_ascii(), "{encoded}");
        assert!(encoded.contains("\\u5bab\\u5973"), "{encoded}");
        assert!(
            encoded.contains("\\ud83c\\udfac"),
            "a character beyond the BMP is a surrogate pair"
        );
        let decoded: Sample = <AsciiJson as Decoder<Sample>>::decode(&encoded).unwrap();
        assert_eq!(decoded, sample);
        // The same JSON as serde_json's, once parsed.
        let plain: serde_json::Value = serde_json::to_value(&sample).unwrap();
        assert_eq!(serde_json::from_str::<serde_json::Value>(&encoded).unwrap(), plain);
    }
}
