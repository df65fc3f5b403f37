//! Files and folders only this user may read: the data folder holds the
//! database (personal data of every participant), the mail folder holds
//! whole emails, and the key signs every link.

use std::path::Path;

/// Creates `dir` (and its parents) if needed and makes it 0700.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    restrict(dir, 0o700)
}

/// Creates `file` empty if it does not exist and makes it 0600. SQLite gives
/// its `-wal` and `-shm` files the database file's permissions.
pub fn private_file(file: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(file)?;
    restrict(file, 0o600)
}

/// Tightens the mode. A folder or file this user does not own (a shared
/// `/srv` folder set up by an administrator) cannot be changed: say so and
/// go on, rather than refuse to start.
#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            tracing::warn!(path = %path.display(), "cannot restrict permissions to {mode:o}: {e}");
            Ok(())
        }
        other => other,
    }
}

#[cfg(not(unix))]
fn restrict(_: &Path, _: u32) -> std::io::Result<()> {
    Ok(())
}
