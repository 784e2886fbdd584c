//! The vendor's drop-in functions that only rename a catalogue export's
//! parameters (DynamicKey v1–v5, signaling, the 006 builders), made here
//! so that a call costs what the export costs: a Python function renaming
//! in front of it added 0.05–0.1 µs. Each is `Module_vendorName`; the
//! vendor modules bind it under the vendor's name, and `RENAMED` says which
//! export each renames (the type stubs take the types from there).

#![allow(non_snake_case)] // the vendor's names

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::exports::*;

/// Optional Python argument, as pyo3 hands it over.
type Opt<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

macro_rules! renamed {
    ($($name:ident = $export:ident($($p:ident),*) $([* $($kw:ident),*])?;)*) => {
        $(
            #[doc = concat!("`", stringify!($export), "` under the vendor's parameter names.")]
            #[pyfunction]
            #[pyo3(signature = ($($p,)* $(*, $($kw = None),*)?))]
            #[allow(clippy::too_many_arguments)] // the vendor's parameters, one each
            fn $name(py: Python<'_>, $($p: &Bound<'_, PyAny>,)* $($($kw: Opt),*)?) -> PyResult<String> {
                $export(py, $(Some($p)),* $(, $($kw),*)?)
            }
        )*

        /// Adds the vendor functions and `RENAMED` (name, export) pairs.
        pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            let pairs = [$((stringify!($name), stringify!($export))),*];
            m.add("RENAMED", PyTuple::new(m.py(), pairs)?)?;
            $(m.add_function(wrap_pyfunction!($name, m)?)?;)*
            Ok(())
        }
    };
}

renamed! {
    DynamicKey_generate = dynamic_key_generate(appID, appCertificate, channelName, unixTs, randomInt);
    DynamicKey2_generate = dynamic_key2_generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    DynamicKey3_generate = dynamic_key3_generate(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    DynamicKey4_generateMediaChannelKey = dynamic_key4_generate_media_channel_key(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    DynamicKey4_generateRecordingKey = dynamic_key4_generate_recording_key(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    DynamicKey4_generatePublicSharingKey = dynamic_key4_generate_public_sharing_key(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    DynamicKey5_generateMediaChannelKey = dynamic_key5_generate_media_channel_key(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    DynamicKey5_generateRecordingKey = dynamic_key5_generate_recording_key(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    DynamicKey5_generatePublicSharingKey = dynamic_key5_generate_public_sharing_key(appID, appCertificate, channelName, unixTs, randomInt, uid, expiredTs);
    SignalingToken_generateSignalingToken = signaling_token_generate(account, appID, appCertificate, expiredTsInSeconds);
    RtcTokenBuilder_buildTokenWithUid = rtc_token_builder_build_token_with_uid(appId, appCertificate, channelName, uid, role, privilegeExpiredTs) [* issue_ts, salt];
    RtcTokenBuilder_buildTokenWithAccount = rtc_token_builder_build_token_with_account(appId, appCertificate, channelName, account, role, privilegeExpiredTs) [* issue_ts, salt];
    RtmTokenBuilder_buildToken = rtm_token_builder_build_token(appId, appCertificate, userAccount, role, privilegeExpiredTs) [* issue_ts, salt];
}
