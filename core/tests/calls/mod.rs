//! Runs one vector case (`{"call", "args"}` of `tests/vectors/*.json`):
//! decodes the arguments as JSON, calls the builder, parse or verify the
//! case names, and gives its result in the vectors' `expected` shape. The
//! vector tests replay every case through it, and the `builders` fuzz target
//! feeds it mutated cases, so argument shapes it cannot decode are an
//! `Err`, never a panic.

use std::collections::BTreeMap;

use rtctoken::access_token2::{Rtm2Permissions, Service};
use rtctoken::builders::*;
use rtctoken::legacy::*;
use rtctoken::{access_token, access_token2, parse, verify, Error, Stamp, VerifyInput};
use serde_json::Value;

/// Arguments that do not have the shape a call needs: what is wrong.
pub type Shape<T> = Result<T, String>;

struct Args<'a>(&'a Value);

impl Args<'_> {
    fn s(&self, k: &str) -> Shape<&str> {
        self.0[k]
            .as_str()
            .ok_or_else(|| format!("arg {k} is not a string"))
    }
    fn u(&self, k: &str) -> Shape<u32> {
        u32_of(&self.0[k]).ok_or_else(|| format!("arg {k} is not a u32"))
    }
    fn i16(&self, k: &str) -> Shape<i16> {
        self.0[k]
            .as_i64()
            .and_then(|v| i16::try_from(v).ok())
            .ok_or_else(|| format!("arg {k} is not an i16"))
    }
    fn stamp(&self) -> Shape<Stamp> {
        Ok(Stamp::fixed(self.u("issue_ts")?, self.u("salt")?))
    }
}

fn u32_of(v: &Value) -> Option<u32> {
    v.as_u64().and_then(|n| u32::try_from(n).ok())
}

fn privileges(v: &Value) -> Shape<BTreeMap<u16, u32>> {
    v.as_object()
        .ok_or("privileges is not an object")?
        .iter()
        .map(|(k, v)| match (k.parse(), u32_of(v)) {
            (Ok(k), Some(v)) => Ok((k, v)),
            _ => Err(format!("privilege {k:?} is not u16: u32")),
        })
        .collect()
}

fn permissions(v: &Value) -> Shape<Rtm2Permissions> {
    let bad = || "permissions is not {type: {permission: [resource]}}".to_owned();
    let mut p = Rtm2Permissions::new();
    for (t, perms) in v.as_object().ok_or_else(bad)? {
        for (perm, resources) in perms.as_object().ok_or_else(bad)? {
            let (Ok(t), Ok(perm)) = (t.parse(), perm.parse()) else {
                return Err(bad());
            };
            let list = p.entry(t, perm);
            for r in resources.as_array().ok_or_else(bad)? {
                list.push(r.as_str().ok_or_else(bad)?.to_owned());
            }
        }
    }
    Ok(p)
}

fn service(v: &Value) -> Shape<Service> {
    let s = |k: &str| {
        v[k].as_str()
            .ok_or_else(|| format!("service field {k} is not a string"))
    };
    let mut svc = match s("type")? {
        "rtc" => Service::rtc(s("channel_name")?, s("uid")?),
        "rtm" => Service::rtm(s("user_id")?),
        "streaming" => Service::streaming(s("channel_name")?, s("account")?),
        "fpa" => Service::fpa(),
        "chat" => Service::chat(s("user_id")?),
        "fcdn" => Service::fcdn(s("channel_name")?, s("account")?),
        "apaas" => Service::apaas(
            s("room_uuid")?,
            s("user_uuid")?,
            v["role"]
                .as_i64()
                .and_then(|r| i16::try_from(r).ok())
                .ok_or("service role is not an i16")?,
        ),
        "rtm2" => Service::rtm2(s("user_id")?, permissions(&v["permissions"])?),
        "convoai" => Service::convoai(),
        "stt" => Service::stt(),
        other => return Err(format!("unknown service type {other:?}")),
    };
    svc.privileges = privileges(&v["privileges"])?;
    Ok(svc)
}

/// The shape shared by `build_token_with_rtm2` and the ConvoAI / STT builders.
type Rtm2Builder = fn(
    &str,
    &str,
    &str,
    &str,
    u32,
    u32,
    u32,
    u32,
    u32,
    u32,
    &str,
    u32,
    Stamp,
) -> rtctoken::Result<String>;

/// Runs one case: `Err` when its arguments do not have the call's shape,
/// else the call's result (`Ok(json)` is compared with `expected`).
pub fn run(call: &str, args: &Value) -> Shape<Result<Value, Error>> {
    let a = &Args(args);
    let (id, cert) = (
        a.0["app_id"].as_str().unwrap_or(""),
        a.0["app_certificate"].as_str().unwrap_or(""),
    );
    let legacy7 = |f: fn(&str, &str, &str, u32, u32, u32, u32) -> rtctoken::Result<String>| {
        Shape::Ok(f(
            id,
            cert,
            a.s("channel_name")?,
            a.u("unix_ts")?,
            a.u("random_int")?,
            a.u("uid")?,
            a.u("expired_ts")?,
        ))
    };
    let rtm2_args = |f: Rtm2Builder| {
        Shape::Ok(f(
            id,
            cert,
            a.s("channel_name")?,
            a.s("rtc_account")?,
            a.u("rtc_role")?,
            a.u("rtc_token_expire")?,
            a.u("join_channel_privilege_expire")?,
            a.u("pub_audio_privilege_expire")?,
            a.u("pub_video_privilege_expire")?,
            a.u("pub_data_stream_privilege_expire")?,
            a.s("rtm_user_id")?,
            a.u("rtm_token_expire")?,
            a.stamp()?,
        ))
    };
    let token = match call {
        "dynamic_key.generate" => dynamic_key::generate(
            id,
            cert,
            a.s("channel_name")?,
            a.u("unix_ts")?,
            a.u("random_int")?,
        ),
        "dynamic_key2.generate" => legacy7(dynamic_key2::generate)?,
        "dynamic_key3.generate" => legacy7(dynamic_key3::generate)?,
        "dynamic_key4.generate_media_channel_key" => {
            legacy7(dynamic_key4::generate_media_channel_key)?
        }
        "dynamic_key4.generate_recording_key" => legacy7(dynamic_key4::generate_recording_key)?,
        "dynamic_key4.generate_public_sharing_key" => {
            legacy7(dynamic_key4::generate_public_sharing_key)?
        }
        "dynamic_key5.generate_media_channel_key" => {
            legacy7(dynamic_key5::generate_media_channel_key)?
        }
        "dynamic_key5.generate_recording_key" => legacy7(dynamic_key5::generate_recording_key)?,
        "dynamic_key5.generate_public_sharing_key" => {
            legacy7(dynamic_key5::generate_public_sharing_key)?
        }
        "dynamic_key5.generate_in_channel_permission_key" => {
            dynamic_key5::generate_in_channel_permission_key(
                id,
                cert,
                a.s("channel_name")?,
                a.u("unix_ts")?,
                a.u("random_int")?,
                a.u("uid")?,
                a.u("expired_ts")?,
                a.s("permission")?,
            )
        }
        "signaling_token.generate" => {
            signaling_token::generate(a.s("account")?, id, cert, a.u("expired_ts")?)
        }
        "access_token.build" => access_token::build(
            id,
            cert,
            a.s("channel_name")?,
            a.s("uid")?,
            a.u("salt")?,
            a.u("ts")?,
            &privileges(&a.0["privileges"])?,
        ),
        "rtc_token_builder.build_token_with_uid" => rtc_token_builder::build_token_with_uid(
            id,
            cert,
            a.s("channel_name")?,
            a.u("uid")?,
            a.u("role")?,
            a.u("privilege_expired_ts")?,
            a.stamp()?,
        ),
        "rtc_token_builder.build_token_with_account" => {
            rtc_token_builder::build_token_with_account(
                id,
                cert,
                a.s("channel_name")?,
                a.s("account")?,
                a.u("role")?,
                a.u("privilege_expired_ts")?,
                a.stamp()?,
            )
        }
        "rtm_token_builder.build_token" => rtm_token_builder::build_token(
            id,
            cert,
            a.s("user_account")?,
            a.u("role")?,
            a.u("privilege_expired_ts")?,
            a.stamp()?,
        ),
        "access_token2.build" => {
            let services = a.0["services"]
                .as_array()
                .ok_or("services is not a list")?
                .iter()
                .map(service)
                .collect::<Shape<_>>()?;
            access_token2::build(id, cert, a.u("expire")?, a.stamp()?, services)
        }
        "rtc_token_builder2.build_token_with_uid" => rtc_token_builder2::build_token_with_uid(
            id,
            cert,
            a.s("channel_name")?,
            a.u("uid")?,
            a.u("role")?,
            a.u("token_expire")?,
            a.u("privilege_expire")?,
            a.stamp()?,
        ),
        "rtc_token_builder2.build_token_with_user_account" => {
            rtc_token_builder2::build_token_with_user_account(
                id,
                cert,
                a.s("channel_name")?,
                a.s("account")?,
                a.u("role")?,
                a.u("token_expire")?,
                a.u("privilege_expire")?,
                a.stamp()?,
            )
        }
        "rtc_token_builder2.build_token_with_uid_and_privilege" => {
            rtc_token_builder2::build_token_with_uid_and_privilege(
                id,
                cert,
                a.s("channel_name")?,
                a.u("uid")?,
                a.u("token_expire")?,
                a.u("join_channel_privilege_expire")?,
                a.u("pub_audio_privilege_expire")?,
                a.u("pub_video_privilege_expire")?,
                a.u("pub_data_stream_privilege_expire")?,
                a.stamp()?,
            )
        }
        "rtc_token_builder2.build_token_with_user_account_and_privilege" => {
            rtc_token_builder2::build_token_with_user_account_and_privilege(
                id,
                cert,
                a.s("channel_name")?,
                a.s("account")?,
                a.u("token_expire")?,
                a.u("join_channel_privilege_expire")?,
                a.u("pub_audio_privilege_expire")?,
                a.u("pub_video_privilege_expire")?,
                a.u("pub_data_stream_privilege_expire")?,
                a.stamp()?,
            )
        }
        "rtc_token_builder2.build_token_with_rtm" => rtc_token_builder2::build_token_with_rtm(
            id,
            cert,
            a.s("channel_name")?,
            a.s("account")?,
            a.u("role")?,
            a.u("token_expire")?,
            a.u("privilege_expire")?,
            a.stamp()?,
        ),
        "rtc_token_builder2.build_token_with_rtm2" => {
            rtm2_args(rtc_token_builder2::build_token_with_rtm2)?
        }
        "convoai_token_builder.build_token" => rtm2_args(convoai_token_builder::build_token)?,
        "stt_token_builder.build_token" => rtm2_args(stt_token_builder::build_token)?,
        "rtm_token_builder2.build_token" => {
            rtm_token_builder2::build_token(id, cert, a.s("user_id")?, a.u("expire")?, a.stamp()?)
        }
        "rtm_token_builder2.build_token_with_permissions" => {
            rtm_token_builder2::build_token_with_permissions(
                id,
                cert,
                a.s("user_id")?,
                &permissions(&a.0["permissions"])?,
                a.u("expire")?,
                a.stamp()?,
            )
        }
        "chat_token_builder2.build_user_token" => chat_token_builder2::build_user_token(
            id,
            cert,
            a.s("user_id")?,
            a.u("expire")?,
            a.stamp()?,
        ),
        "chat_token_builder2.build_app_token" => {
            chat_token_builder2::build_app_token(id, cert, a.u("expire")?, a.stamp()?)
        }
        "education_token_builder2.build_room_user_token" => {
            education_token_builder2::build_room_user_token(
                id,
                cert,
                a.s("room_uuid")?,
                a.s("user_uuid")?,
                a.i16("role")?,
                a.u("expire")?,
                a.stamp()?,
            )
        }
        "education_token_builder2.build_user_token" => education_token_builder2::build_user_token(
            id,
            cert,
            a.s("user_uuid")?,
            a.u("expire")?,
            a.stamp()?,
        ),
        "education_token_builder2.build_app_token" => {
            education_token_builder2::build_app_token(id, cert, a.u("expire")?, a.stamp()?)
        }
        "apaas_token_builder.build_room_user_token" => apaas_token_builder::build_room_user_token(
            id,
            cert,
            a.s("room_uuid")?,
            a.s("user_uuid")?,
            a.i16("role")?,
            a.u("expire")?,
            a.stamp()?,
        ),
        "apaas_token_builder.build_user_token" => apaas_token_builder::build_user_token(
            id,
            cert,
            a.s("user_uuid")?,
            a.u("expire")?,
            a.stamp()?,
        ),
        "apaas_token_builder.build_app_token" => {
            apaas_token_builder::build_app_token(id, cert, a.u("expire")?, a.stamp()?)
        }
        "fpa_token_builder.build_token" => fpa_token_builder::build_token(id, cert, a.stamp()?),
        "parse" => return Ok(parse(a.s("token")?).map(|t| t.to_json())),
        "verify" => {
            let input = VerifyInput {
                channel_name: a.0["channel_name"].as_str(),
                uid: a.0["uid"].as_str(),
            };
            return Ok(verify(a.s("token")?, &[a.s("app_certificate")?], &input)
                .map(|v| serde_json::json!({"valid": v.is_valid()})));
        }
        other => return Err(format!("no call is named {other:?}")),
    };
    Ok(token.map(Value::String))
}
