//! Reading the files of a site that anyone may have contributed to: only regular files, only
//! inside the folders the command was given, and never more than a size limit.
//!
//! `prerender`, `check` and `import` run in a handbook's CI on pages from merge requests, so a
//! page must not be able to publish a file of the CI machine (`data-src="../../secret.json"`,
//! or a symbolic link that points out of the site), hang the build (a named pipe), or exhaust
//! its memory (`/dev/zero`). Paths are judged twice: as written, with `..` taken away, and
//! again once every symbolic link is resolved; what is not a regular file is refused from its
//! metadata, before it is opened for reading; and a read stops one byte past the limit.

use std::fmt;
use std::fs::File;
use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

/// The largest page `prerender`, `check` and `import` read (64 MiB): far beyond any handbook
/// page, and what keeps a page from filling the machine's memory.
pub const PAGE_BYTES: usize = 64 * 1024 * 1024;

/// Why a file was not read. Nothing of the file's content is ever part of it.
#[derive(Debug)]
pub enum Refusal {
    /// The path, as written, leads out of every allowed folder.
    Outside,
    /// A symbolic link on the way leads out of every allowed folder.
    LinkOutside,
    /// A folder, named pipe, device or socket: what it is.
    NotRegular(&'static str),
    /// Larger than the limit, in bytes.
    TooLarge(usize),
    /// It does not exist, or the system refused to read it.
    Io(std::io::Error),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Outside => write!(f, "is outside the site, and only files inside it are read (--allow-data FOLDER allows one more folder)"),
            Self::LinkOutside => write!(f, "is a symbolic link to a file outside the site, and only files inside it are read (--allow-data FOLDER allows one more folder)"),
            Self::NotRegular(what) => write!(f, "is not a regular file ({what}), so it is not read"),
            Self::TooLarge(limit) => write!(f, "is over the limit of {}, so it is not read", megabytes(*limit)),
            Self::Io(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                write!(f, "is not UTF-8 text")
            }
            Self::Io(e) => write!(f, "cannot be read ({e})"),
        }
    }
}

/// `10 MB`, `512 KB`.
fn megabytes(bytes: usize) -> String {
    if bytes >= 1_048_576 {
        format!("{} MB", bytes / 1_048_576)
    } else {
        format!("{} KB", bytes / 1024)
    }
}

/// The folders data may be read from: the site's root, the folder a command was pointed at,
/// and any folder `--allow-data` names.
#[derive(Clone, Debug, Default)]
pub struct Folders {
    /// Each folder as written (made absolute, `..` taken away), for paths as written.
    written: Vec<PathBuf>,
    /// Each folder's real path, every link resolved, for resolved paths.
    real: Vec<PathBuf>,
}

impl Folders {
    /// The folders of `paths` that exist (the others can hold nothing).
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Self {
        let mut folders = Self::default();
        for path in paths {
            if let (Ok(absolute), Ok(real)) =
                (std::path::absolute(path), std::fs::canonicalize(path))
            {
                folders.written.push(lexically_normal(&absolute));
                folders.real.push(real);
            }
        }
        folders
    }

    /// Whether `path`, as written, is inside one of the folders, as written or resolved (the
    /// current folder may be reached through a link).
    fn contains_written(&self, path: &Path) -> bool {
        self.written
            .iter()
            .chain(&self.real)
            .any(|folder| path.starts_with(folder))
    }

    /// Whether `real`, a resolved path, is inside one of the folders, resolved.
    fn contains_real(&self, real: &Path) -> bool {
        self.real.iter().any(|folder| real.starts_with(folder))
    }
}

/// The text of `path` when it is a regular file inside one of `folders` and at most `limit`
/// bytes long (a leading UTF-8 byte-order mark is dropped, as browsers do).
pub fn read_inside(path: &Path, folders: &Folders, limit: usize) -> Result<String, Refusal> {
    // As written: `a/../../b` leaves the site whether or not anything is there, and nothing
    // outside is looked at, not even whether it exists.
    let absolute = std::path::absolute(path).map_err(Refusal::Io)?;
    if !folders.contains_written(&lexically_normal(&absolute)) {
        return Err(Refusal::Outside);
    }
    // Once every link on the way is resolved.
    let real = std::fs::canonicalize(&absolute).map_err(Refusal::Io)?;
    if !folders.contains_real(&real) {
        return Err(Refusal::LinkOutside);
    }
    read_regular(&real, limit)
}

/// The UTF-8 text of `path` when it is a regular file (see [`read_bytes`]); a leading
/// byte-order mark is dropped, as browsers do.
pub fn read_regular(path: &Path, limit: usize) -> Result<String, Refusal> {
    let text = String::from_utf8(read_bytes(path, limit)?)
        .map_err(|e| Refusal::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The bytes of `path` when it is a regular file (after symbolic links) of at most `limit`
/// bytes, read without blocking on what is not one: a named pipe, a device or a socket is
/// refused from its metadata, and the file opened is checked to be the one looked at.
pub fn read_bytes(path: &Path, limit: usize) -> Result<Vec<u8>, Refusal> {
    let looked = std::fs::metadata(path).map_err(Refusal::Io)?;
    if let Some(what) = not_regular(&looked) {
        return Err(Refusal::NotRegular(what));
    }
    if looked.len() > limit as u64 {
        return Err(Refusal::TooLarge(limit));
    }
    let file = open(path).map_err(Refusal::Io)?;
    // The path may have been swapped for something else between the look and the open.
    let opened = file.metadata().map_err(Refusal::Io)?;
    if let Some(what) = not_regular(&opened) {
        return Err(Refusal::NotRegular(what));
    }
    if !same_file(&looked, &opened) {
        return Err(Refusal::Io(std::io::Error::other(
            "it changed while it was being read",
        )));
    }
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    if bytes.len() > limit {
        return Err(Refusal::TooLarge(limit));
    }
    Ok(bytes)
}

/// What a file that is not a regular one is, in words.
fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a named pipe");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
    }
    Some("not a file")
}

/// Opens for reading without waiting: a named pipe put in the file's place after it was looked
/// at opens at once (and is then refused) instead of blocking until a writer comes.
#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len()
}

/// `path` with `.` and `..` taken away as written, without looking at the file system.
fn lexically_normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn dot_dot_is_taken_away_as_written() {
        assert_eq!(
            lexically_normal(Path::new("/site/a/../../outside/x.json")),
            Path::new("/outside/x.json")
        );
        assert_eq!(
            lexically_normal(Path::new("/site/./a/b/../x.json")),
            Path::new("/site/a/x.json")
        );
        assert_eq!(lexically_normal(Path::new("/../../x")), Path::new("/x"));
    }
}
