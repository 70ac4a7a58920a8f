//! The snapshot's trailer: a SHA-256 of everything before it and an optional ed25519
//! signature of that digest, so a damaged or altered file is refused before use.
//!
//! Checking is proportional to the file's size, which is why loading does not do it:
//! the updater and `clearmark snapshot verify` call [`verify`] once when a file arrives;
//! loading a stored, verified file only checks its structure. This module owns the
//! trailer; it must not look inside the sections.

use super::format::{END_MAGIC, TRAILER_LEN};
use super::SnapshotError;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

/// What is signed: a fixed context string and the body's SHA-256, so a signature of a
/// snapshot can never be mistaken for a signature of anything else.
fn signed_message(digest: &[u8; 32]) -> Vec<u8> {
    let mut m = b"clearmark register snapshot v1\0".to_vec();
    m.extend_from_slice(digest);
    m
}

/// The SHA-256 of a byte string.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Appends the trailer (checksum, signature if a key is given, end marker) to a body.
pub fn seal(mut body: Vec<u8>, key: Option<&SigningKey>) -> Vec<u8> {
    let digest = sha256(&body);
    body.extend_from_slice(&digest);
    match key {
        Some(key) => {
            body.push(1);
            body.extend_from_slice(&key.sign(&signed_message(&digest)).to_bytes());
        }
        None => {
            body.push(0);
            body.extend_from_slice(&[0u8; 64]);
        }
    }
    body.extend_from_slice(END_MAGIC);
    body
}

/// The trailer of a file whose length has been checked by the layout parser.
pub struct Trailer {
    /// The recorded SHA-256 of the body.
    pub digest: [u8; 32],
    /// The signature, if the file is signed.
    pub signature: Option<[u8; 64]>,
}

/// Reads the trailer; `Corrupt` if its signed flag is neither 0 nor 1, or an unsigned
/// file's signature bytes are not zero.
pub fn trailer(bytes: &[u8]) -> Result<Trailer, SnapshotError> {
    let corrupt = SnapshotError::Corrupt { section: "trailer" };
    let start = bytes
        .len()
        .checked_sub(TRAILER_LEN)
        .ok_or(SnapshotError::Truncated { len: bytes.len() })?;
    let t = &bytes[start..];
    let digest: [u8; 32] = t[..32].try_into().map_err(|_| corrupt.clone())?;
    let sig: [u8; 64] = t[33..97].try_into().map_err(|_| corrupt.clone())?;
    let signature = match t[32] {
        // Unsigned files carry zeros, so no byte of the file escapes the checks.
        0 if sig.iter().all(|&b| b == 0) => None,
        1 => Some(sig),
        _ => return Err(corrupt),
    };
    Ok(Trailer { digest, signature })
}

/// Checks the checksum, then the signature: with a key, the file must be signed by it;
/// without one, a signature present is not checked (nothing to check it against).
pub fn verify(bytes: &[u8], key: Option<&VerifyingKey>) -> Result<(), SnapshotError> {
    match key {
        Some(key) => verify_signed(bytes, std::slice::from_ref(key)),
        None => verify_checksum(bytes).map(|_| ()),
    }
}

/// Checks the checksum, then that one of `keys` signed the file (`Unsigned` when it
/// carries no signature, `Signature` when none of the keys made it, none given included).
/// Reads only the trailer: callers run it before parsing anything else.
pub fn verify_signed(bytes: &[u8], keys: &[VerifyingKey]) -> Result<(), SnapshotError> {
    let t = verify_checksum(bytes)?;
    let sig = Signature::from_bytes(&t.signature.ok_or(SnapshotError::Unsigned)?);
    let message = signed_message(&t.digest);
    if keys.iter().any(|key| key.verify(&message, &sig).is_ok()) {
        Ok(())
    } else {
        Err(SnapshotError::Signature)
    }
}

/// Checks the SHA-256 of everything before the trailer; returns the trailer.
fn verify_checksum(bytes: &[u8]) -> Result<Trailer, SnapshotError> {
    let t = trailer(bytes)?;
    let body = &bytes[..bytes.len() - TRAILER_LEN];
    if sha256(body) != t.digest {
        return Err(SnapshotError::Checksum);
    }
    Ok(t)
}
