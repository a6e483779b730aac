//! Area packs: each lazily loaded area's wasm pieces in one compressed file.
//!
//! The split build (`cargo leptos build --split`) cuts the bundle into the shared main wasm and,
//! for each area of pages (`app::app`, `lazy_areas!`), the area's own module plus a hundred or so
//! small modules of code it shares with some other areas. Fetched one by one, each piece is
//! compressed on its own: an area's pieces come to about one and a half times what they weigh
//! compressed together (the catalogue's 155 pieces: 312 KB of brotli one by one, 205 KB as one
//! stream), and the browser makes a request for each.
//!
//! A pack is one area's pieces end to end behind a small index, compressed once as a whole:
//! `u32` count, then for each piece `u32` name length, the name (UTF-8), `u32` size, then the
//! pieces' bytes in the same order (integers little-endian). The page's loader script
//! (`app::bundle`) fetches its area's pack beside the main wasm and answers the split loader's
//! requests for those pieces from it; a piece not in the pack (another area, reached later by a
//! link) is fetched as before, and so is every piece when the pack is missing or unreadable.
//!
//! Packs are built from the build's split manifest once the server has started, in the
//! background (brotli at its best setting takes a few seconds an area); until an area's pack is
//! built, its address answers an empty pack, not to be kept, and pages load the pieces one by
//! one. A pack's address
//! carries the manifest's hash (`/pkg/area/catalogue.<hash>.pack`), so it is kept for a year
//! like the rest of the hashed bundle.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::routes::HASHED_ASSETS;

/// Where packs are served, under the site's package directory.
pub const PACK_DIR: &str = "area";

/// A pack holding no piece, not to be kept: the answer for a pack not built yet, and for any
/// pack when this server has none (its site directory holds no split manifest for the build
/// its `hash.txt` names). The loader then fetches the area's pieces one by one.
pub fn empty_pack() -> Response {
    let mut response = Response::new(Body::from(lay_out(&[])));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// One area's pack, as sent (shared buffers: an answer hands out a reference, not a copy).
#[derive(Debug)]
pub struct Pack {
    pub raw: Bytes,
    pub brotli: Bytes,
    pub gzip: Bytes,
}

/// The packs of one build.
#[derive(Debug)]
pub struct AreaPacks {
    /// The split manifest's hash: every pack's address carries it.
    tag: String,
    /// Each area's pieces (file names under the package directory), in the manifest's order.
    areas: BTreeMap<String, Vec<String>>,
    pkg: PathBuf,
    built: BTreeMap<String, OnceLock<Arc<Pack>>>,
}

impl AreaPacks {
    /// The packs a build can have: its split manifest is `manifest` (a file name) under `pkg`,
    /// named with the hash `tag`. `None` when the build was not split or the manifest is
    /// unreadable (pages then load each piece on its own).
    pub fn from_manifest(pkg: &Path, manifest: &str, tag: &str) -> Option<AreaPacks> {
        let text = std::fs::read_to_string(pkg.join(manifest))
            .inspect_err(|error| tracing::warn!(%error, manifest, "split manifest unreadable"))
            .ok()?;
        let areas = parse_manifest(&text)
            .inspect_err(|error| tracing::warn!(%error, manifest, "split manifest unreadable"))
            .ok()?;
        let built = areas.keys().map(|area| (area.clone(), OnceLock::new())).collect();
        Some(AreaPacks { tag: tag.to_string(), areas, pkg: pkg.to_path_buf(), built })
    }

    /// Builds every area's pack, one after the other, on a blocking thread.
    pub fn build_in_background(self: &Arc<Self>) {
        let packs = self.clone();
        tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            for area in packs.areas.keys() {
                if let Err(error) = packs.build(area) {
                    tracing::warn!(%error, area, "area pack not built; its pieces load one by one");
                }
            }
            tracing::info!(elapsed = ?started.elapsed(), "area packs built");
        });
    }

    /// Builds `area`'s pack now (if it is not built yet).
    pub fn build(&self, area: &str) -> std::io::Result<Arc<Pack>> {
        let (Some(pieces), Some(slot)) = (self.areas.get(area), self.built.get(area)) else {
            return Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such area"));
        };
        if let Some(pack) = slot.get() {
            return Ok(pack.clone());
        }
        let mut files = Vec::with_capacity(pieces.len());
        for piece in pieces {
            files.push((piece.as_str(), std::fs::read(self.pkg.join(piece))?));
        }
        let raw = lay_out(&files);
        let pack = Arc::new(Pack {
            brotli: brotli(&raw)?.into(),
            gzip: gzip(&raw)?.into(),
            raw: raw.into(),
        });
        Ok(slot.get_or_init(|| pack).clone())
    }

    /// Answers `GET /pkg/area/{file}`: the pack of the area `file` names. Until it is built,
    /// an empty pack that is not to be kept (the page then fetches its pieces one by one, with
    /// no failed request in its console); another build's or an unknown area's pack is not
    /// found.
    pub fn answer(&self, file: &str, request: &HeaderMap) -> Response {
        let slot = file
            .strip_suffix(".pack")
            .and_then(|name| name.split_once('.'))
            .filter(|(_, tag)| *tag == self.tag)
            .and_then(|(area, _)| self.built.get(area));
        let Some(slot) = slot else { return StatusCode::NOT_FOUND.into_response() };
        let Some(pack) = slot.get() else { return empty_pack() };
        let accepts = |coding: &str| {
            request
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .any(|item| item.split(';').next().is_some_and(|name| name.trim() == coding))
        };
        let (body, coding) = if accepts("br") {
            (pack.brotli.clone(), Some("br"))
        } else if accepts("gzip") {
            (pack.gzip.clone(), Some("gzip"))
        } else {
            (pack.raw.clone(), None)
        };
        let mut response = Response::new(Body::from(body));
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(HASHED_ASSETS));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Some(coding) = coding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        response
    }
}

/// Each area's pieces from the split manifest (`{"<area>_<n>": ["chunk_3.<hash>", …]}`), as
/// file names; the area's name is the key without its numeric suffix.
fn parse_manifest(text: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    let manifest: BTreeMap<String, Vec<String>> =
        serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut areas = BTreeMap::new();
    for (key, pieces) in manifest {
        let area = match key.rsplit_once('_') {
            Some((area, n)) if n.bytes().all(|b| b.is_ascii_digit()) => area,
            _ => key.as_str(),
        };
        if pieces.iter().any(|p| p.contains(['/', '\\']) || p.starts_with('.')) {
            return Err(format!("a piece of {key} is not a file name"));
        }
        areas.insert(area.to_string(), pieces.into_iter().map(|p| format!("{p}.wasm")).collect());
    }
    Ok(areas)
}

/// Lays `files` out as a pack (see the module's description).
fn lay_out(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let size = files.iter().map(|(name, body)| 8 + name.len() + body.len()).sum::<usize>();
    let mut out = Vec::with_capacity(4 + size);
    let len = |n: usize| u32::try_from(n).expect("a piece under 4 GB").to_le_bytes();
    out.extend_from_slice(&len(files.len()));
    for (name, body) in files {
        out.extend_from_slice(&len(name.len()));
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&len(body.len()));
    }
    for (_, body) in files {
        out.extend_from_slice(body);
    }
    out
}

fn brotli(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len() / 4);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(raw)?;
        writer.flush()?;
    }
    Ok(out)
}

fn gzip(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut writer = flate2::write::GzEncoder::new(
        Vec::with_capacity(raw.len() / 3),
        flate2::Compression::best(),
    );
    writer.write_all(raw)?;
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_pack(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let count = u32_at(0);
        let mut at = 4;
        let mut heads = Vec::new();
        for _ in 0..count {
            let n = u32_at(at);
            let name = String::from_utf8(bytes[at + 4..at + 4 + n].to_vec()).unwrap();
            heads.push((name, u32_at(at + 4 + n)));
            at += 8 + n;
        }
        heads
            .into_iter()
            .map(|(name, size)| {
                let body = bytes[at..at + size].to_vec();
                at += size;
                (name, body)
            })
            .collect()
    }

    #[test]
    fn the_manifest_names_each_areas_pieces() {
        let areas = parse_manifest(
            r#"{"catalogue_1539": ["chunk_1.Ab", "split_catalogue.Cd"], "home_1539": ["chunk_1.Ab"]}"#,
        )
        .unwrap();
        assert_eq!(areas["catalogue"], ["chunk_1.Ab.wasm", "split_catalogue.Cd.wasm"]);
        assert_eq!(areas["home"], ["chunk_1.Ab.wasm"]);
        assert!(parse_manifest(r#"{"home_1": ["../../etc/passwd"]}"#).is_err());
        assert!(parse_manifest("not json").is_err());
    }

    #[test]
    fn a_pack_holds_its_pieces_whole_and_in_order() {
        let files = vec![("chunk_1.Ab.wasm", vec![0, 97, 115, 109]), ("split_x.Cd.wasm", vec![])];
        let packed = lay_out(&files);
        let read = read_pack(&packed);
        assert_eq!(read.len(), 2);
        assert_eq!(read[0], ("chunk_1.Ab.wasm".to_string(), vec![0, 97, 115, 109]));
        assert_eq!(read[1], ("split_x.Cd.wasm".to_string(), vec![]));
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(&packed).unwrap()[..], &mut unpacked).unwrap();
        assert_eq!(unpacked, packed);
    }

    #[tokio::test]
    async fn packs_are_answered_by_area_and_build_and_in_the_coding_asked_for() {
        let dir = std::env::temp_dir().join(format!("backlot_packs_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("m.T1.json"), r#"{"casting_7": ["chunk_1.A", "split_casting.B"]}"#)
            .unwrap();
        std::fs::write(dir.join("chunk_1.A.wasm"), b"\0asm-one").unwrap();
        std::fs::write(dir.join("split_casting.B.wasm"), b"\0asm-two").unwrap();
        let packs = AreaPacks::from_manifest(&dir, "m.T1.json", "T1").expect("a manifest");
        let mut asks = HeaderMap::new();
        asks.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip, deflate, br"));
        // Not built yet: an empty pack, not to be kept.
        let early = packs.answer("casting.T1.pack", &asks);
        assert_eq!(early.status(), StatusCode::OK);
        assert_eq!(early.headers()[header::CACHE_CONTROL], "no-store");
        assert!(early.headers().get(header::CONTENT_ENCODING).is_none());
        let body = axum::body::to_bytes(early.into_body(), 64).await.unwrap();
        assert_eq!(&body[..], &[0, 0, 0, 0]);
        // Other builds' and unknown areas' packs are not found.
        packs.build("casting").unwrap();
        assert_eq!(packs.answer("casting.T0.pack", &asks).status(), StatusCode::NOT_FOUND);
        assert_eq!(packs.answer("home.T1.pack", &asks).status(), StatusCode::NOT_FOUND);
        let answer = packs.answer("casting.T1.pack", &asks);
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(answer.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(answer.headers()[header::CACHE_CONTROL], HASHED_ASSETS);
        let pack = packs.build("casting").unwrap();
        let read = read_pack(&pack.raw);
        assert_eq!(read[0], ("chunk_1.A.wasm".to_string(), b"\0asm-one".to_vec()));
        assert_eq!(read[1], ("split_casting.B.wasm".to_string(), b"\0asm-two".to_vec()));
        let mut gz = HeaderMap::new();
        gz.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip;q=1.0"));
        assert_eq!(
            packs.answer("casting.T1.pack", &gz).headers()[header::CONTENT_ENCODING],
            "gzip"
        );
        let plain = packs.answer("casting.T1.pack", &HeaderMap::new());
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
