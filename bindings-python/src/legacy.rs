//! DynamicKey v1–v5 and the signaling token, with the camelCase parameter
//! names Python users of the reference know (usable as keywords).
#![allow(non_snake_case)] // parameter names are the reference's, for drop-in use
#![allow(clippy::too_many_arguments)] // the reference's signatures, kept for drop-in use

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rtctoken::legacy::{
    dynamic_key, dynamic_key2, dynamic_key3, dynamic_key4, dynamic_key5, signaling_token,
};

use crate::args::{str_arg, u32_arg};
use crate::errors::run;

/// Defines a native function over a core `fn(app_id, cert, channel, unix_ts,
/// random_int, uid, expired_ts)`, the shape of v2–v5 keys.
macro_rules! key7 {
    ($name:ident, $core:path, $doc:literal) => {
        #[doc = $doc]
        #[pyfunction]
        pub fn $name(
            py: Python<'_>,
            appID: &Bound<'_, PyAny>,
            appCertificate: &Bound<'_, PyAny>,
            channelName: &Bound<'_, PyAny>,
            unixTs: &Bound<'_, PyAny>,
            randomInt: &Bound<'_, PyAny>,
            uid: &Bound<'_, PyAny>,
            expiredTs: &Bound<'_, PyAny>,
        ) -> PyResult<String> {
            let (id, cert, channel) = (
                str_arg(appID, "appID")?,
                str_arg(appCertificate, "appCertificate")?,
                str_arg(channelName, "channelName")?,
            );
            let (ts, r, uid, exp) = (
                u32_arg(unixTs, "unixTs")?,
                u32_arg(randomInt, "randomInt")?,
                u32_arg(uid, "uid")?,
                u32_arg(expiredTs, "expiredTs")?,
            );
            run(py, move || $core(&id, &cert, &channel, ts, r, uid, exp))
        }
    };
}

/// A DynamicKey v1 (no uid, no expiry).
#[pyfunction]
pub fn dynamic_key_generate(
    py: Python<'_>,
    appID: &Bound<'_, PyAny>,
    appCertificate: &Bound<'_, PyAny>,
    channelName: &Bound<'_, PyAny>,
    unixTs: &Bound<'_, PyAny>,
    randomInt: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let (id, cert, channel) = (
        str_arg(appID, "appID")?,
        str_arg(appCertificate, "appCertificate")?,
        str_arg(channelName, "channelName")?,
    );
    let (ts, r) = (u32_arg(unixTs, "unixTs")?, u32_arg(randomInt, "randomInt")?);
    run(py, move || {
        dynamic_key::generate(&id, &cert, &channel, ts, r)
    })
}

key7!(
    dynamic_key2_generate,
    dynamic_key2::generate,
    "A DynamicKey v2."
);
key7!(
    dynamic_key3_generate,
    dynamic_key3::generate,
    "A DynamicKey v3."
);
key7!(
    dynamic_key4_generate_media_channel_key,
    dynamic_key4::generate_media_channel_key,
    "A DynamicKey v4 media channel key."
);
key7!(
    dynamic_key4_generate_recording_key,
    dynamic_key4::generate_recording_key,
    "A DynamicKey v4 recording key."
);
key7!(
    dynamic_key4_generate_public_sharing_key,
    dynamic_key4::generate_public_sharing_key,
    "A DynamicKey v4 public sharing key."
);
key7!(
    dynamic_key5_generate_media_channel_key,
    dynamic_key5::generate_media_channel_key,
    "A DynamicKey v5 media channel key."
);
key7!(
    dynamic_key5_generate_recording_key,
    dynamic_key5::generate_recording_key,
    "A DynamicKey v5 recording key."
);
key7!(
    dynamic_key5_generate_public_sharing_key,
    dynamic_key5::generate_public_sharing_key,
    "A DynamicKey v5 public sharing key."
);

/// A DynamicKey v5 in-channel permission key; `permission` is `"0"` (no
/// upload) or `"3"` (audio and video upload), as `str` or, like the
/// reference's constants, ASCII `bytes`.
#[pyfunction]
pub fn dynamic_key5_generate_in_channel_permission_key(
    py: Python<'_>,
    appID: &Bound<'_, PyAny>,
    appCertificate: &Bound<'_, PyAny>,
    channelName: &Bound<'_, PyAny>,
    unixTs: &Bound<'_, PyAny>,
    randomInt: &Bound<'_, PyAny>,
    uid: &Bound<'_, PyAny>,
    expiredTs: &Bound<'_, PyAny>,
    permission: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let (id, cert, channel) = (
        str_arg(appID, "appID")?,
        str_arg(appCertificate, "appCertificate")?,
        str_arg(channelName, "channelName")?,
    );
    let (ts, r, uid, exp) = (
        u32_arg(unixTs, "unixTs")?,
        u32_arg(randomInt, "randomInt")?,
        u32_arg(uid, "uid")?,
        u32_arg(expiredTs, "expiredTs")?,
    );
    let permission = if let Ok(b) = permission.downcast::<PyBytes>() {
        String::from_utf8_lossy(b.as_bytes()).into_owned()
    } else if permission.is_instance_of::<PyString>() {
        str_arg(permission, "permission")?
    } else {
        return Err(PyTypeError::new_err(format!(
            "permission must be a str or bytes, got {}",
            permission.get_type().name()?
        )));
    };
    run(py, move || {
        dynamic_key5::generate_in_channel_permission_key(
            &id,
            &cert,
            &channel,
            ts,
            r,
            uid,
            exp,
            &permission,
        )
    })
}

/// A signaling (RTM before 2.0) token for `account`.
#[pyfunction]
pub fn signaling_token_generate(
    py: Python<'_>,
    account: &Bound<'_, PyAny>,
    appID: &Bound<'_, PyAny>,
    appCertificate: &Bound<'_, PyAny>,
    expiredTsInSeconds: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let (account, id, cert) = (
        str_arg(account, "account")?,
        str_arg(appID, "appID")?,
        str_arg(appCertificate, "appCertificate")?,
    );
    let exp = u32_arg(expiredTsInSeconds, "expiredTsInSeconds")?;
    run(py, move || {
        signaling_token::generate(&account, &id, &cert, exp)
    })
}

/// Adds this module's functions to `rtctoken._native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(dynamic_key_generate, m)?)?;
    m.add_function(wrap_pyfunction!(dynamic_key2_generate, m)?)?;
    m.add_function(wrap_pyfunction!(dynamic_key3_generate, m)?)?;
    m.add_function(wrap_pyfunction!(
        dynamic_key4_generate_media_channel_key,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(dynamic_key4_generate_recording_key, m)?)?;
    m.add_function(wrap_pyfunction!(
        dynamic_key4_generate_public_sharing_key,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        dynamic_key5_generate_media_channel_key,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(dynamic_key5_generate_recording_key, m)?)?;
    m.add_function(wrap_pyfunction!(
        dynamic_key5_generate_public_sharing_key,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        dynamic_key5_generate_in_channel_permission_key,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(signaling_token_generate, m)?)?;
    Ok(())
}
