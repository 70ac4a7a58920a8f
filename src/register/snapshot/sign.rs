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

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = b"any body: the trailer does not look inside";

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    #[test]
    fn a_body_whose_sha256_does_not_match_is_refused_as_damaged() {
        let sealed = seal(BODY.to_vec(), None);
        assert_eq!(verify(&sealed, None), Ok(()));
        // A body byte changed, and then a digest byte: either way the digest is not the
        // body's SHA-256.
        let mut body_changed = sealed.clone();
        body_changed[3] ^= 1;
        assert_eq!(verify(&body_changed, None), Err(SnapshotError::Checksum));
        let mut digest_changed = sealed.clone();
        digest_changed[BODY.len() + 31] ^= 0x80;
        assert_eq!(verify(&digest_changed, None), Err(SnapshotError::Checksum));
    }

    #[test]
    fn the_checksum_is_checked_before_the_signature() {
        let signed = seal(BODY.to_vec(), Some(&key(1)));
        let trusted = [key(1).verifying_key()];
        assert_eq!(verify_signed(&signed, &trusted), Ok(()));
        assert_eq!(verify(&signed, Some(&trusted[0])), Ok(()));
        let mut damaged = signed.clone();
        damaged[0] ^= 1;
        assert_eq!(
            verify_signed(&damaged, &trusted),
            Err(SnapshotError::Checksum)
        );
        assert_eq!(
            verify(&damaged, Some(&trusted[0])),
            Err(SnapshotError::Checksum)
        );
    }

    #[test]
    fn a_signature_must_be_by_a_trusted_key_and_present() {
        let signed = seal(BODY.to_vec(), Some(&key(1)));
        let stranger = [key(2).verifying_key()];
        assert_eq!(
            verify_signed(&signed, &stranger),
            Err(SnapshotError::Signature)
        );
        assert_eq!(verify_signed(&signed, &[]), Err(SnapshotError::Signature));
        // One trusted key among several is enough.
        let both = [key(2).verifying_key(), key(1).verifying_key()];
        assert_eq!(verify_signed(&signed, &both), Ok(()));
        let unsigned = seal(BODY.to_vec(), None);
        assert_eq!(
            verify_signed(&unsigned, &both),
            Err(SnapshotError::Unsigned)
        );
        // Without a key, a signature is not checked.
        assert_eq!(verify(&signed, None), Ok(()));
        // A signature over another digest (the signed digest replaced, checksum
        // recomputed) is refused.
        let other = seal(b"another body".to_vec(), Some(&key(1)));
        let mut grafted = signed.clone();
        let sig_at = grafted.len() - 64 - END_MAGIC.len();
        grafted[sig_at..sig_at + 64].copy_from_slice(
            &other[other.len() - 64 - END_MAGIC.len()..other.len() - END_MAGIC.len()],
        );
        assert_eq!(
            verify_signed(&grafted, &both),
            Err(SnapshotError::Signature)
        );
    }

    #[test]
    fn the_trailer_holds_the_digest_a_flag_and_the_signature() {
        let unsigned = seal(BODY.to_vec(), None);
        assert_eq!(unsigned.len(), BODY.len() + TRAILER_LEN);
        assert_eq!(&unsigned[..BODY.len()], BODY);
        let t = trailer(&unsigned).unwrap();
        assert_eq!(t.digest, sha256(BODY));
        assert!(t.signature.is_none());
        assert_eq!(&unsigned[unsigned.len() - END_MAGIC.len()..], END_MAGIC);

        let signed = seal(BODY.to_vec(), Some(&key(1)));
        let t = trailer(&signed).unwrap();
        let sig = key(1).sign(&signed_message(&sha256(BODY))).to_bytes();
        assert_eq!(t.signature, Some(sig));
        // The signed message names what it signs.
        assert!(signed_message(&[0; 32]).starts_with(b"clearmark register snapshot v1\0"));
    }

    #[test]
    fn a_damaged_trailer_is_corrupt_and_a_short_file_truncated() {
        let corrupt = SnapshotError::Corrupt { section: "trailer" };
        let unsigned = seal(BODY.to_vec(), None);
        let flag_at = BODY.len() + 32;
        let mut flag = unsigned.clone();
        flag[flag_at] = 2;
        assert_eq!(trailer(&flag).err(), Some(corrupt.clone()));
        // An unsigned file carries zeros where a signature would be.
        let mut stray = unsigned.clone();
        stray[flag_at + 64] = 1;
        assert_eq!(trailer(&stray).err(), Some(corrupt));
        assert_eq!(
            verify(&unsigned[..TRAILER_LEN - 1], None),
            Err(SnapshotError::Truncated {
                len: TRAILER_LEN - 1
            })
        );
        // Exactly a trailer and no body: an empty body, checked like any other.
        let empty = seal(Vec::new(), None);
        assert_eq!(empty.len(), TRAILER_LEN);
        assert_eq!(verify(&empty, None), Ok(()));
    }
}
