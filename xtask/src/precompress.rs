//! The compressed twins of `dist/`'s files: `name.br` (brotli) and `name.gz` (gzip) beside
//! every file, written once at build time so the nodes never compress on a request.
//!
//! The nodes serve `dist/` with tower-http's `ServeDir` and `ServeFile`, both set to
//! `.precompressed_br().precompressed_gzip()`: a client gets the twin of the encoding its
//! `Accept-Encoding` rates highest, br before gzip when their q-values tie (tower-http ranks
//! zstd > br > gzip > deflate on a tie), the next one when that twin is missing, and the file
//! itself when it accepts neither. [`Encoding::BY_PREFERENCE`] is that order, which
//! `cargo xtask sizes` uses to say what a browser is sent.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The brotli quality: the densest (and slowest) level, which costs seconds once per build.
const BROTLI_QUALITY: i32 = 11;

/// The brotli window, as a power of two (4 MiB). A 24-bit window (16 MiB, the most HTTP
/// allows) made no file smaller: the admin's and the voter's wasm came out byte for byte the
/// same (203,485 and 160,395 B, on 2026-11-28), since every file of `dist/` fits in 4 MiB
/// whole; a larger window would only ask the browser's decoder for more memory.
const BROTLI_WINDOW_BITS: i32 = 22;

/// A content coding that `dist/`'s files have a precompressed twin in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// `name.br`, at quality 11 with a 22-bit window.
    Brotli,
    /// `name.gz`, at flate2's best compression.
    Gzip,
}

impl Encoding {
    /// The twins in the order a node prefers them for a client that accepts both equally, as
    /// tower-http's `ServeDir` picks (a browser sends `gzip, deflate, br`, all at q=1).
    pub const BY_PREFERENCE: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// The extension the twin adds to the file's name, which is also what tower-http looks for.
    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gz",
        }
    }

    /// The path of `file`'s twin in this encoding (`file` with `.br` or `.gz` added).
    pub fn twin_of(self, file: &Path) -> PathBuf {
        let mut twin = file.as_os_str().to_owned();
        twin.push(".");
        twin.push(self.extension());
        PathBuf::from(twin)
    }

    /// `raw` compressed in this encoding.
    pub fn compress(self, raw: &[u8]) -> Result<Vec<u8>> {
        match self {
            Encoding::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: BROTLI_QUALITY,
                    lgwin: BROTLI_WINDOW_BITS,
                    size_hint: raw.len(),
                    ..Default::default()
                };
                let mut packed = Vec::new();
                brotli::BrotliCompress(&mut &raw[..], &mut packed, &params)
                    .context("brotli-compressing")?;
                Ok(packed)
            }
            Encoding::Gzip => {
                let mut encoder =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                encoder.write_all(raw)?;
                Ok(encoder.finish()?)
            }
        }
    }
}

/// Whether `name` is a twin (ends in `.br` or `.gz`) rather than a file of the apps.
pub fn is_twin(name: &str) -> bool {
    Encoding::BY_PREFERENCE
        .iter()
        .any(|encoding| name.ends_with(&format!(".{}", encoding.extension())))
}

/// Writes every twin of every file of `dist` (not of the twins themselves), replacing any
/// already there, so a second run leaves the same folder and a stale twin is refreshed. The
/// files are listed before any twin is written: a folder read while it grows may or may not
/// list the new entries, which would give `name.gz.br`.
pub fn precompress(dist: &Path) -> Result<()> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist).with_context(|| format!("listing {}", dist.display()))? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.is_file() && !is_twin(&name) {
            files.push(path);
        }
    }
    for path in files {
        let raw = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        for encoding in Encoding::BY_PREFERENCE {
            let twin = encoding.twin_of(&path);
            let packed = encoding
                .compress(&raw)
                .with_context(|| format!("compressing {}", path.display()))?;
            std::fs::write(&twin, packed).with_context(|| format!("writing {}", twin.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn decompress(encoding: Encoding, packed: &[u8]) -> Vec<u8> {
        let mut raw = Vec::new();
        match encoding {
            Encoding::Brotli => {
                brotli::Decompressor::new(packed, 4096)
                    .read_to_end(&mut raw)
                    .unwrap();
            }
            Encoding::Gzip => {
                flate2::read::GzDecoder::new(packed)
                    .read_to_end(&mut raw)
                    .unwrap();
            }
        }
        raw
    }

    fn names(dist: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dist)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_file_gets_a_brotli_and_a_gzip_twin_that_decode_to_it() {
        let dist = tempfile::tempdir().unwrap();
        let wasm: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(dist.path().join("voter_bg.wasm"), &wasm).unwrap();
        std::fs::write(dist.path().join("index.html"), "<html>voter</html>").unwrap();
        precompress(dist.path()).unwrap();
        assert_eq!(
            names(dist.path()),
            [
                "index.html",
                "index.html.br",
                "index.html.gz",
                "voter_bg.wasm",
                "voter_bg.wasm.br",
                "voter_bg.wasm.gz"
            ]
        );
        for encoding in Encoding::BY_PREFERENCE {
            let twin = std::fs::read(
                dist.path()
                    .join(format!("voter_bg.wasm.{}", encoding.extension())),
            )
            .unwrap();
            assert!(twin.len() < wasm.len() / 10, "{encoding:?}");
            assert_eq!(decompress(encoding, &twin), wasm, "{encoding:?}");
        }
    }

    #[test]
    fn a_second_run_twins_no_twin_and_refreshes_stale_ones() {
        let dist = tempfile::tempdir().unwrap();
        let page = dist.path().join("admin.html");
        std::fs::write(&page, "<html>old</html>").unwrap();
        precompress(dist.path()).unwrap();
        let listed = names(dist.path());
        std::fs::write(&page, "<html>new</html>").unwrap();
        precompress(dist.path()).unwrap();
        assert_eq!(names(dist.path()), listed);
        for encoding in Encoding::BY_PREFERENCE {
            let twin = std::fs::read(encoding.twin_of(&page)).unwrap();
            assert_eq!(decompress(encoding, &twin), b"<html>new</html>");
        }
    }

    #[test]
    fn only_names_ending_in_a_twins_extension_are_twins() {
        assert!(is_twin("voter_bg.wasm.br") && is_twin("index.html.gz"));
        assert!(!is_twin("voter_bg.wasm") && !is_twin("brotli.js") && !is_twin("gz.css"));
    }
}
