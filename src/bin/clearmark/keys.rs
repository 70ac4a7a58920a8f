//! Signing keys: `clearmark keygen` writes a snapshot publisher's key pair; `snapshot
//! publish` signs with the secret half and `check`, `audit` and `snapshot inspect`
//! verify with the public half.

use clap::Args;
use ed25519_dalek::{SigningKey, VerifyingKey};
use std::path::{Path, PathBuf};

/// Arguments of `clearmark keygen`.
#[derive(Args)]
pub struct KeygenArgs {
    /// Where to write the secret signing key (hex); the public key goes to `FILE.pub`.
    #[arg(long)]
    out: PathBuf,
}

/// Reads a key file written by `clearmark keygen`: 64 hex digits.
fn read_hex_key(path: &Path) -> Result<[u8; 32], String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read key {}: {e}", path.display()))?;
    let text = text.trim();
    let bad = || {
        format!(
            "{} is not a key written by `clearmark keygen` (64 hex digits)",
            path.display()
        )
    };
    if text.len() != 64 {
        return Err(bad());
    }
    let mut key = [0u8; 32];
    for (i, b) in key.iter_mut().enumerate() {
        *b = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
    }
    Ok(key)
}

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a signing key file.
pub fn signing_key(path: &Path) -> Result<SigningKey, String> {
    read_hex_key(path).map(|k| SigningKey::from_bytes(&k))
}

/// Reads a public key file (from `clearmark keygen`).
pub fn verifying_key(path: &Path) -> Result<VerifyingKey, String> {
    let k = read_hex_key(path)?;
    VerifyingKey::from_bytes(&k)
        .map_err(|_| format!("{} is not a valid ed25519 public key", path.display()))
}

/// `clearmark keygen`: a new signing key and its public key.
pub fn keygen(args: KeygenArgs) -> Result<(), String> {
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let public = args.out.with_extension("pub");
    if args.out.exists() {
        return Err(format!(
            "{} exists; refusing to overwrite a signing key",
            args.out.display()
        ));
    }
    write_private(&args.out, &hex(key.as_bytes()))?;
    std::fs::write(&public, hex(key.verifying_key().as_bytes()) + "\n")
        .map_err(|e| format!("cannot write {}: {e}", public.display()))?;
    eprintln!(
        "signing key: {} (keep it secret)\npublic key:  {}",
        args.out.display(),
        public.display()
    );
    Ok(())
}

fn write_private(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    writeln!(f, "{text}").map_err(|e| format!("cannot write {}: {e}", path.display()))
}
