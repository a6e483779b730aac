//! Uploaded images: checked, decoded, turned upright, scaled and re-encoded as JPEG (which also
//! drops their metadata, GPS positions included), then kept as files in the media directory.
//!
//! Every photo is stored twice under a random key: `{key}-large.jpg` (at most
//! `LARGE_EDGE` pixels on its longer side) and `{key}-thumb.jpg` (exactly `THUMB_WIDTH` ×
//! `THUMB_HEIGHT`, cropped to fill). Files are written to a temporary name and renamed, so a
//! reader never sees half a file.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use app::models::Photo;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The largest upload accepted: 15 MiB.
pub const MAX_UPLOAD_BYTES: usize = Photo::MAX_BYTES;
/// The longer side of the large copy.
pub const LARGE_EDGE: u32 = 1600;
/// The thumbnail's size (3:2, as the gallery's tiles).
pub const THUMB_WIDTH: u32 = Photo::THUMB_SIZE.0;
pub const THUMB_HEIGHT: u32 = Photo::THUMB_SIZE.1;
/// The smallest photo worth showing: its shorter side.
pub const MIN_EDGE: u32 = 200;
/// The largest photo decoded, per side (a guard against decompression bombs).
const MAX_EDGE: u32 = 12_000;
const JPEG_QUALITY: u8 = 82;

/// Why an upload was refused; `code()` is the form's message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("the file is larger than 15 MiB")]
    TooLarge,
    #[error("the file is not a JPEG, PNG or WebP image")]
    UnsupportedType,
    #[error("the image cannot be read")]
    Unreadable,
    #[error("the image is smaller than {MIN_EDGE} pixels on a side")]
    TooSmall,
    #[error("the image is larger than {MAX_EDGE} pixels on a side")]
    TooManyPixels,
}

impl PhotoError {
    pub fn code(self) -> &'static str {
        match self {
            PhotoError::TooLarge => "photo_too_large",
            PhotoError::UnsupportedType => "photo_type",
            PhotoError::Unreadable => "photo_unreadable",
            PhotoError::TooSmall => "photo_too_small",
            PhotoError::TooManyPixels => "photo_too_many_pixels",
        }
    }
}

/// An upload turned into the two files kept.
#[derive(Debug, Clone)]
pub struct Processed {
    pub large: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub thumb: Vec<u8>,
}

/// An actor's look thumbnail: portrait, 3:4, as people are photographed.
pub const LOOK_THUMB: (u32, u32) = (240, 320);

/// Checks and converts an uploaded file (CPU-bound: run it off the async workers). The type
/// is read from the file's first bytes, never from its name or the browser's word.
pub fn process(bytes: &[u8]) -> Result<Processed, PhotoError> {
    process_with_thumb(bytes, (THUMB_WIDTH, THUMB_HEIGHT))
}

/// As [`process`], with a thumbnail of `thumb` (width, height) pixels, cropped to fill.
pub fn process_with_thumb(bytes: &[u8], thumb: (u32, u32)) -> Result<Processed, PhotoError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::UnsupportedType)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(PhotoError::UnsupportedType);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_EDGE);
    limits.max_image_height = Some(MAX_EDGE);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    let orientation = decoder.orientation().map_err(decode_error)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    image.apply_orientation(orientation);
    if image.width().min(image.height()) < MIN_EDGE {
        return Err(PhotoError::TooSmall);
    }
    let large = if image.width().max(image.height()) > LARGE_EDGE {
        image.resize(LARGE_EDGE, LARGE_EDGE, FilterType::CatmullRom)
    } else {
        image
    };
    let thumb = large.resize_to_fill(thumb.0, thumb.1, FilterType::Triangle);
    Ok(Processed {
        width: large.width(),
        height: large.height(),
        large: jpeg(&large)?,
        thumb: jpeg(&thumb)?,
    })
}

fn decode_error(error: image::ImageError) -> PhotoError {
    match error {
        image::ImageError::Limits(_) => PhotoError::TooManyPixels,
        image::ImageError::Unsupported(_) => PhotoError::UnsupportedType,
        _ => PhotoError::Unreadable,
    }
}

fn jpeg(image: &DynamicImage) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    // Transparent areas become white, as on the page behind them.
    let rgb = match image {
        DynamicImage::ImageRgb8(rgb) => rgb.clone(),
        other => {
            let rgba = other.to_rgba8();
            let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
            for (to, from) in rgb.pixels_mut().zip(rgba.pixels()) {
                let alpha = u16::from(from[3]);
                for c in 0..3 {
                    let blended = (u16::from(from[c]) * alpha + 255 * (255 - alpha)) / 255;
                    to[c] = u8::try_from(blended).unwrap_or(u8::MAX);
                }
            }
            rgb
        }
    };
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|_| PhotoError::Unreadable)?;
    Ok(out)
}

/// The two sizes a photo is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Large,
    Thumb,
}

/// The media directory: location photos (public, served as files) and actors' look photos
/// (private: served only through a handler that checks who is asking).
#[derive(Debug, Clone)]
pub struct MediaStore {
    pub photos: MediaDir,
    pub looks: MediaDir,
}

impl MediaStore {
    /// Photos go to `<dir>/photos` and looks to `<dir>/looks`, created on first use.
    pub fn new(dir: &Path) -> MediaStore {
        MediaStore {
            photos: MediaDir { dir: dir.join("photos") },
            looks: MediaDir { dir: dir.join("looks") },
        }
    }
}

/// One directory of processed images, each kept in both sizes under its key.
#[derive(Debug, Clone)]
pub struct MediaDir {
    dir: PathBuf,
}

impl MediaDir {
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, key: &str, size: Size) -> PathBuf {
        let suffix = match size {
            Size::Large => "large",
            Size::Thumb => "thumb",
        };
        self.dir.join(format!("{key}-{suffix}.jpg"))
    }

    /// Writes both files of an image; on failure nothing is left behind.
    pub async fn save(&self, key: &str, photo: &Processed) -> std::io::Result<()> {
        tokio::fs::create_dir_all(&self.dir).await?;
        let written = async {
            for (size, bytes) in [(Size::Large, &photo.large), (Size::Thumb, &photo.thumb)] {
                let path = self.path(key, size);
                let partial = path.with_extension("part");
                tokio::fs::write(&partial, bytes).await?;
                tokio::fs::rename(&partial, &path).await?;
            }
            Ok(())
        }
        .await;
        if written.is_err() {
            self.remove(key).await;
        }
        written
    }

    /// Removes an image's files (and any partial ones); missing files are fine.
    pub async fn remove(&self, key: &str) {
        for size in [Size::Large, Size::Thumb] {
            let path = self.path(key, size);
            let _ = tokio::fs::remove_file(path.with_extension("part")).await;
            if let Err(error) = tokio::fs::remove_file(&path).await
                && error.kind() != std::io::ErrorKind::NotFound
            {
                tracing::warn!(%error, path = %path.display(), "image file not removed");
            }
        }
    }
}

/// A file name as pages link to it (`{key}-thumb.jpg` or `{key}-large.jpg`), taken apart;
/// `None` for anything else, so no other path can be asked for.
pub fn parse_file_name(name: &str) -> Option<(&str, Size)> {
    let (key, size) = if let Some(key) = name.strip_suffix("-thumb.jpg") {
        (key, Size::Thumb)
    } else {
        (name.strip_suffix("-large.jpg")?, Size::Large)
    };
    let url_safe = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    (key.len() == 22 && key.bytes().all(url_safe)).then_some((key, size))
}

/// A new random file key: 128 bits, URL-safe.
pub fn new_key() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0_u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgba, RgbaImage};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = RgbaImage::from_fn(width, height, |x, y| {
            Rgba([(x % 256) as u8, (y % 256) as u8, 128, if x < 10 { 0 } else { 255 }])
        });
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(&image, width, height, image::ExtendedColorType::Rgba8)
            .unwrap();
        out
    }

    #[test]
    fn large_photos_are_scaled_down_and_thumbnails_cropped_to_fill() {
        let done = process(&png(2400, 1200)).unwrap();
        assert_eq!((done.width, done.height), (1600, 800));
        let large = image::load_from_memory(&done.large).unwrap();
        assert_eq!((large.width(), large.height()), (1600, 800));
        let thumb = image::load_from_memory(&done.thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (THUMB_WIDTH, THUMB_HEIGHT));
        assert_eq!(image::guess_format(&done.large).unwrap(), ImageFormat::Jpeg);
    }

    #[test]
    fn small_photos_keep_their_size_but_not_too_small() {
        let done = process(&png(640, 400)).unwrap();
        assert_eq!((done.width, done.height), (640, 400));
        assert_eq!(process(&png(640, 150)).unwrap_err(), PhotoError::TooSmall);
    }

    #[test]
    fn the_type_comes_from_the_bytes() {
        assert_eq!(process(b"GIF89a\x01\x00\x01\x00").unwrap_err(), PhotoError::UnsupportedType);
        assert_eq!(process(b"hello, this is text").unwrap_err(), PhotoError::UnsupportedType);
        let mut cut = png(640, 400);
        cut.truncate(200);
        assert_eq!(process(&cut).unwrap_err(), PhotoError::Unreadable);
    }

    #[test]
    fn oversized_files_are_refused_before_decoding() {
        let mut big = png(300, 300);
        big.resize(MAX_UPLOAD_BYTES + 1, 0);
        assert_eq!(process(&big).unwrap_err(), PhotoError::TooLarge);
        assert_eq!(process(&png(MAX_EDGE + 1, 210)).unwrap_err(), PhotoError::TooManyPixels);
    }

    #[test]
    fn only_keys_of_this_store_name_files() {
        let key = new_key();
        assert_eq!(parse_file_name(&format!("{key}-thumb.jpg")), Some((key.as_str(), Size::Thumb)));
        assert_eq!(parse_file_name(&format!("{key}-large.jpg")), Some((key.as_str(), Size::Large)));
        assert_eq!(parse_file_name(&format!("{key}-large.png")), None);
        assert_eq!(parse_file_name("../../../../etc/passwd-thumb.jpg"), None);
        assert_eq!(parse_file_name("..%2F..%2Fbacklot.db-thumb.jpg"), None);
        assert_eq!(parse_file_name("-thumb.jpg"), None);
    }

    #[test]
    fn transparency_becomes_white() {
        let done = process(&png(400, 300)).unwrap();
        let large = image::load_from_memory(&done.large).unwrap().to_rgb8();
        let corner = large.get_pixel(2, 150);
        assert!(corner.0.iter().all(|&c| c > 240), "{corner:?}");
    }
}
