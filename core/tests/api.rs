//! Behaviour the vectors do not pin: error kinds and messages, secrecy,
//! legacy parse/verify, multi-certificate verification.

use rtctoken::access_token2::{AccessToken2, Service};
use rtctoken::builders::{rtc_token_builder, rtc_token_builder2, rtm_token_builder};
use rtctoken::legacy::{
    dynamic_key, dynamic_key2, dynamic_key3, dynamic_key4, dynamic_key5, signaling_token,
};
use rtctoken::{parse, verify, ErrorKind, Stamp, Token, VerifyInput};

const APP_ID: &str = "970ca35de60c44645bbae8a215061b33";
const CERT: &str = "5cfd2fd1755d40ecb72977518be15d3b";
const OTHER: &str = "0123456789abcdef0123456789abcdef";

fn input<'a>(channel: &'a str, uid: &'a str) -> VerifyInput<'a> {
    VerifyInput {
        channel_name: Some(channel),
        uid: Some(uid),
    }
}

#[test]
fn app_id_errors_name_the_field_and_the_rule() {
    let e = rtc_token_builder2::build_token_with_uid(
        &APP_ID[1..],
        CERT,
        "c",
        1,
        1,
        60,
        60,
        Stamp::default(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidAppId);
    assert_eq!(
        e.message(),
        "app_id must be 32 hexadecimal characters, got 31"
    );
}

#[test]
fn certificate_errors_never_show_the_certificate() {
    let bad = "5cfd2fd1755d40ecb72977518be15dZZ";
    let e = dynamic_key5::generate_media_channel_key(APP_ID, bad, "c", 1, 2, 3, 4).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidAppCertificate);
    assert!(e
        .message()
        .starts_with("app_certificate must be 32 hexadecimal characters"));
    assert!(!e.to_string().contains(bad));
}

#[test]
fn certificate_is_redacted_in_debug() {
    let t = AccessToken2::new(APP_ID, CERT, 600, Stamp::default()).unwrap();
    let shown = format!("{t:?}");
    assert!(shown.contains("<redacted>"));
    assert!(!shown.contains(CERT));
}

#[test]
fn fields_over_65535_bytes_are_refused_not_truncated() {
    let long = "x".repeat(65_536);
    let e = rtc_token_builder2::build_token_with_user_account(
        APP_ID,
        CERT,
        &long,
        "u",
        1,
        60,
        60,
        Stamp::default(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::FieldTooLong);
    assert_eq!(
        e.message(),
        "channel_name must be at most 65535 bytes, got 65536"
    );
    let e = dynamic_key5::generate_media_channel_key(APP_ID, CERT, &long, 1, 2, 3, 4).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::FieldTooLong);
    // Exactly 65535 bytes still fits.
    assert!(rtc_token_builder2::build_token_with_user_account(
        APP_ID,
        CERT,
        &long[1..],
        "u",
        1,
        60,
        60,
        Stamp::default()
    )
    .is_ok());
}

#[test]
fn unknown_roles_and_permissions_are_refused() {
    let e = rtc_token_builder::build_token_with_uid(APP_ID, CERT, "c", 1, 7, 0, Stamp::default())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.message().starts_with("role must be"));
    let e = rtm_token_builder::build_token(APP_ID, CERT, "u", 2, 0, Stamp::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    let e = dynamic_key5::generate_in_channel_permission_key(APP_ID, CERT, "c", 1, 2, 3, 4, "1")
        .unwrap_err();
    assert!(e.message().starts_with("permission must be"));
    let mut p = rtctoken::access_token2::Rtm2Permissions::new();
    p.add(9, 0, "x");
    let mut t = AccessToken2::new(APP_ID, CERT, 600, Stamp::default()).unwrap();
    t.add_service(Service::rtm2("u", p));
    assert_eq!(t.build().unwrap_err().kind(), ErrorKind::InvalidArgument);
}

#[test]
fn default_stamp_uses_the_clock_and_a_fresh_salt() {
    let a =
        rtc_token_builder2::build_token_with_uid(APP_ID, CERT, "c", 1, 1, 60, 60, Stamp::default())
            .unwrap();
    let b =
        rtc_token_builder2::build_token_with_uid(APP_ID, CERT, "c", 1, 1, 60, 60, Stamp::default())
            .unwrap();
    let (Token::AccessToken2(x), Token::AccessToken2(y)) = (parse(&a).unwrap(), parse(&b).unwrap())
    else {
        panic!("not 007")
    };
    assert!(rtctoken::now().abs_diff(x.issue_ts) <= 2);
    assert!((1..=99_999_999).contains(&x.salt));
    assert!(a != b || x.salt == y.salt);
}

#[test]
fn verification_reports_which_certificate_matched() {
    let token =
        rtc_token_builder2::build_token_with_uid(APP_ID, CERT, "c", 1, 1, 60, 60, Stamp::default())
            .unwrap();
    let none = VerifyInput::default();
    assert_eq!(
        verify(&token, &[CERT, OTHER], &none).unwrap().matched,
        Some(0)
    );
    assert_eq!(
        verify(&token, &[OTHER, CERT], &none).unwrap().matched,
        Some(1)
    );
    assert_eq!(verify(&token, &[OTHER], &none).unwrap().matched, None);
    assert_eq!(
        verify(&token, &[], &none).unwrap_err().kind(),
        ErrorKind::InvalidAppCertificate
    );
}

#[test]
fn access_token_006_verification_needs_channel_and_uid() {
    let token = rtc_token_builder::build_token_with_uid(
        APP_ID,
        CERT,
        "room",
        42,
        1,
        0,
        Stamp::fixed(1_700_000_000, 5),
    )
    .unwrap();
    let e = verify(&token, &[CERT], &VerifyInput::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingInput);
    assert!(verify(&token, &[CERT], &input("room", "42"))
        .unwrap()
        .is_valid());
    assert!(!verify(&token, &[CERT], &input("room", "43"))
        .unwrap()
        .is_valid());
    let Token::AccessToken(t) = parse(&token).unwrap() else {
        panic!("not 006")
    };
    assert_eq!(t.ts, 1_700_000_000 + 86_400);
    assert_eq!(t.crc_uid, crc32fast::hash(b"42"));
}

/// One uid rule for 006 everywhere: uid 0 is signed as `""`, so `"0"` and
/// `""` both verify a uid-0 token, while an account `"0"` stays itself.
#[test]
fn access_token_006_uid_zero_reads_as_empty_text() {
    let stamp = Stamp::fixed(1_700_000_000, 5);
    let any =
        rtc_token_builder::build_token_with_uid(APP_ID, CERT, "room", 0, 1, 0, stamp).unwrap();
    for uid in ["0", ""] {
        assert!(
            verify(&any, &[CERT], &input("room", uid))
                .unwrap()
                .is_valid(),
            "{uid:?}"
        );
    }
    let report =
        rtctoken::inspect::explain_verification(&any, &[CERT], &input("room", "0")).unwrap();
    assert!(report.is_valid());
    let account =
        rtc_token_builder::build_token_with_account(APP_ID, CERT, "room", "0", 1, 0, stamp)
            .unwrap();
    assert!(verify(&account, &[CERT], &input("room", "0"))
        .unwrap()
        .is_valid());
    assert!(!verify(&account, &[CERT], &input("room", ""))
        .unwrap()
        .is_valid());
}

#[test]
fn legacy_keys_parse_and_verify() {
    let (ch, ts, r, uid, exp) = (
        "room",
        1_446_455_472,
        58_964_981,
        2_882_341_273,
        1_446_455_471,
    );
    let uid_s = uid.to_string();
    let cases = [
        (
            "001",
            dynamic_key::generate(APP_ID, CERT, ch, ts, r).unwrap(),
        ),
        (
            "002",
            dynamic_key2::generate(APP_ID, CERT, ch, ts, r, uid, exp).unwrap(),
        ),
        (
            "003",
            dynamic_key3::generate(APP_ID, CERT, ch, ts, r, uid, exp).unwrap(),
        ),
        (
            "004",
            dynamic_key4::generate_recording_key(APP_ID, CERT, ch, ts, r, uid, exp).unwrap(),
        ),
        (
            "005",
            dynamic_key5::generate_in_channel_permission_key(
                APP_ID, CERT, ch, ts, r, uid, exp, "3",
            )
            .unwrap(),
        ),
    ];
    for (version, key) in &cases {
        let t = parse(key).unwrap();
        assert_eq!(t.version(), *version, "{key}");
        assert_eq!(t.app_id(), APP_ID);
        assert_eq!(t.to_json()["unix_ts"], ts);
        assert_eq!(t.to_json()["random_int"], r);
        assert!(
            verify(key, &[OTHER, CERT], &input(ch, &uid_s))
                .unwrap()
                .matched
                == Some(1),
            "{version}"
        );
        assert!(
            !verify(key, &[CERT], &input("other", &uid_s))
                .unwrap()
                .is_valid(),
            "{version}"
        );
    }
    let Token::DynamicKey5(k) = parse(&cases[4].1).unwrap() else {
        panic!("not v5")
    };
    assert_eq!(k.extra.get(&1).map(String::as_str), Some("3"));
}

#[test]
fn signaling_token_parses_and_verifies_with_the_account() {
    let token = signaling_token::generate("alice", APP_ID, CERT, 1_800_000_000).unwrap();
    let parsed = parse(&token).unwrap();
    assert_eq!(parsed.version(), signaling_token::VERSION);
    let Token::Signaling(t) = parsed else {
        panic!("not signaling")
    };
    assert_eq!(t.expired_ts, 1_800_000_000);
    assert!(verify(&token, &[CERT], &input("", "alice"))
        .unwrap()
        .is_valid());
    assert!(!verify(&token, &[CERT], &input("", "bob"))
        .unwrap()
        .is_valid());
}

#[test]
fn parse_errors_have_stable_kinds() {
    assert_eq!(parse("").unwrap_err().kind(), ErrorKind::Malformed);
    assert_eq!(
        parse("009abc").unwrap_err().kind(),
        ErrorKind::UnsupportedVersion
    );
    assert_eq!(parse("hello").unwrap_err().kind(), ErrorKind::Malformed);
    assert_eq!(parse("005!!").unwrap_err().kind(), ErrorKind::Malformed);
    assert_eq!(parse("1:abc").unwrap_err().kind(), ErrorKind::Malformed);
}

#[test]
fn builds_and_verifies_from_many_threads_at_once() {
    let handles: Vec<_> = (0..8u32)
        .map(|i| {
            std::thread::spawn(move || {
                for n in 0..500u32 {
                    let channel = format!("ch-{i}-{n}");
                    let t = rtc_token_builder2::build_token_with_uid(
                        APP_ID,
                        CERT,
                        &channel,
                        n,
                        1,
                        60,
                        60,
                        Stamp::fixed(n, i),
                    )
                    .unwrap();
                    let Token::AccessToken2(p) = parse(&t).unwrap() else {
                        panic!("not 007")
                    };
                    assert_eq!((p.issue_ts, p.salt), (n, i));
                    assert!(verify(&t, &[CERT], &VerifyInput::default())
                        .unwrap()
                        .is_valid());
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn empty_uid_text_is_uid_zero_for_legacy_keys_too() {
    let key = dynamic_key5::generate_media_channel_key(APP_ID, CERT, "room", 1, 2, 0, 4).unwrap();
    assert!(verify(&key, &[CERT], &input("room", ""))
        .unwrap()
        .is_valid());
    assert!(verify(&key, &[CERT], &input("room", "0"))
        .unwrap()
        .is_valid());
}

#[test]
fn argument_errors_never_echo_the_argument() {
    let args = serde_json::json!({
        "app_id": APP_ID,
        "app_certificate": CERT,
        "channel_name": "c",
        "uid": "x".repeat(100_000),
        "role": 1,
        "token_expire": 600,
    });
    let e = rtctoken::catalogue::call_json("rtc_token_builder2.build_token_with_uid", &args)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert_eq!(e.field(), Some("uid"));
    assert_eq!(e.message(), "uid must be u32, got a string");
    let key = dynamic_key5::generate_media_channel_key(APP_ID, CERT, "c", 1, 2, 3, 4).unwrap();
    let e = verify(&key, &[CERT], &input("c", &"9".repeat(100_000))).unwrap_err();
    assert_eq!(
        e.message(),
        format!(
            "uid must be a decimal number in 0..=4294967295, got \"{}\"… (100000 bytes)",
            "9".repeat(24)
        )
    );
    let e = verify(&key, &[CERT], &input("c", CERT)).unwrap_err();
    assert_eq!(
        e.message(),
        "uid must be a decimal number in 0..=4294967295, got a value of 32 bytes (not shown: it may be a secret)"
    );
}

/// What the fuzz targets found in the core before the hardening (see
/// docs/fuzzing.md), each reduced to its point.
#[test]
fn fuzz_findings_stay_fixed() {
    // parse: a v3 key with an upper-case random field parsed as the
    // lower-case one (a second spelling of one signed key).
    let key = "00364421ccb18a917db01eaec209a7ec0d3cac4587cF3AADC6549CD85F06E99DCD2D54CF1F80000000000fffffffF21474836480000000600";
    assert_eq!(parse(key).unwrap_err().kind(), ErrorKind::Malformed);
    // inspect: a signaling expiry of 300 NULs was quoted whole.
    let token = format!(
        "1:7ecc3992d84f0c0e3e10d755bf8b604d:86{}400:ebe034cf779a148cbe1045d03f804917",
        "\0".repeat(300)
    );
    let e = parse(&token).unwrap_err();
    assert!(e.message().len() < 150, "{}", e.message());
    // verify: a 300-character uid was quoted whole (see
    // argument_errors_never_echo_the_argument for the rule).
    let v5 = "005AQAoADA5OTI3N0JFOUQ4RUU3QjVENEY2NTIwMUQ0NzhDRjc4ODlBNjI5NDAQAJAvm56GADs4yBtwmy0SEcUBAAAAAAAAAP////8AAA==";
    let uid = "522Xfyuu".repeat(40);
    let e = verify(v5, &[CERT], &input("c", &uid)).unwrap_err();
    assert!(e.message().len() < 150, "{}", e.message());
    // builders: serde's message quoted a bad privilege key whole.
    let args = serde_json::json!({
        "app_id": APP_ID, "app_certificate": CERT, "expire": 600,
        "services": [{"type": "rtc", "privileges": {"4\u{7f}\u{7f}\u{7f}": 1}, "channel_name": "c", "uid": "1"}],
    });
    let e = rtctoken::catalogue::call_json("access_token2.build", &args).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(!e.message().contains('\u{7f}'), "{}", e.message());
}

/// A generic service of any type id packs its id and privileges only, as
/// the vendor's `Service(type)` does; the token verifies, and parse stops at
/// the first type it has no layout for (ids are written in ascending order).
#[test]
fn generic_services_of_any_type_id() {
    let mut t = AccessToken2::new(APP_ID, CERT, 600, Stamp::fixed(1_700_000_000, 7)).unwrap();
    t.add_service(Service::generic(999).with_privilege(1, 60));
    t.add_service(Service::rtc("c", "42").with_privilege(1, 60));
    let token = t.build().unwrap();
    let Token::AccessToken2(p) = parse(&token).unwrap() else {
        panic!("not 007")
    };
    assert_eq!(
        p.services,
        vec![Service::rtc("c", "42").with_privilege(1, 60)]
    );
    assert_eq!(p.unknown_service_type, Some(999));
    assert!(verify(&token, &[CERT], &VerifyInput::default())
        .unwrap()
        .is_valid());
    // Its JSON form, as every binding sends it, builds the same token.
    let args = serde_json::json!({
        "app_id": APP_ID, "app_certificate": CERT, "expire": 600,
        "issue_ts": 1_700_000_000, "salt": 7,
        "services": [
            {"type": "generic", "service_type": 999, "privileges": {"1": 60}},
            {"type": "rtc", "privileges": {"1": 60}, "channel_name": "c", "uid": "42"},
        ],
    });
    assert_eq!(
        rtctoken::catalogue::call_json("access_token2.build", &args).unwrap(),
        token
    );
    // Type 0 sorts first, so nothing after it can be read back.
    let zero = rtctoken::access_token2::build(
        APP_ID,
        CERT,
        600,
        &[Service::rtc("c", "42"), Service::generic(0)],
        Stamp::fixed(1_700_000_000, 7),
    )
    .unwrap();
    let Token::AccessToken2(p) = parse(&zero).unwrap() else {
        panic!("not 007")
    };
    assert!(p.services.is_empty());
    assert_eq!(p.unknown_service_type, Some(0));
}

/// An APaaS service sent without a role (its serde form, as the bindings
/// send what the user gave) carries the builders' "no role", -1; role 0
/// stays 0.
#[test]
fn apaas_service_without_a_role_has_none() {
    let read = |v: serde_json::Value| serde_json::from_value::<Service>(v).unwrap();
    let base = serde_json::json!({"type": "apaas", "room_uuid": "r", "user_uuid": "u"});
    assert_eq!(read(base.clone()), Service::apaas("r", "u", -1));
    let mut zero = base;
    zero["role"] = 0.into();
    assert_eq!(read(zero), Service::apaas("r", "u", 0));
}

/// A too-long argument is named as the caller passed it, not as the token
/// field it travels in (an RTC account is packed as `uid`).
#[test]
fn too_long_arguments_are_named_as_passed() {
    use rtctoken::builders::{education_token_builder2, stt_token_builder};
    let long = "a".repeat(70_000);
    let stamp = Stamp::fixed(1_700_000_000, 1);
    let e = rtc_token_builder2::build_token_with_user_account(
        APP_ID, CERT, "c", &long, 1, 600, 600, stamp,
    )
    .unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (ErrorKind::FieldTooLong, Some("account"))
    );
    assert!(e.message().starts_with("account "), "{}", e.message());
    let e = stt_token_builder::build_token(
        APP_ID, CERT, "c", "agent", 1, 600, 600, 600, 600, 600, &long, 600, stamp,
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("rtm_user_id"));
    let e =
        education_token_builder2::build_room_user_token(APP_ID, CERT, "room", &long, 1, 600, stamp)
            .unwrap_err();
    assert_eq!(e.field(), Some("user_uuid"));
}

/// The rules the bindings' facades take from the core instead of restating:
/// each service's privilege table, account text and relative expiries.
#[test]
fn facade_rules_come_from_the_core() {
    use rtctoken::access_token::{account_text, uid_text};
    use rtctoken::access_token2::ServiceType;
    use rtctoken::lifetime::{expires_in, DAY};

    assert_eq!(
        ServiceType::Rtc.privileges(),
        &[
            (1, "join_channel"),
            (2, "publish_audio_stream"),
            (3, "publish_video_stream"),
            (4, "publish_data_stream")
        ]
    );
    assert_eq!(
        ServiceType::Apaas.privileges(),
        &[(1, "room_user"), (2, "user"), (3, "app")]
    );
    assert!(ServiceType::Stt.privileges().is_empty());
    for t in ServiceType::ALL {
        for &(id, name) in t.privileges() {
            assert_eq!(t.privilege_name(id), Some(name));
        }
    }
    assert_eq!(ServiceType::Rtm2.privilege_name(2), None);

    use rtctoken::access_token::{privilege_name, DECLARED_PRIVILEGES};
    let honoured: Vec<u16> = DECLARED_PRIVILEGES
        .iter()
        .map(|&(id, _)| id)
        .filter(|&id| privilege_name(id).is_some())
        .collect();
    assert_eq!(honoured, [1, 2, 3, 4, 1000]);
    assert_eq!(DECLARED_PRIVILEGES[12], (101, "administrate_channel"));

    assert_eq!(
        (account_text(0), uid_text(0)),
        ("0".to_owned(), String::new())
    );
    assert_eq!(account_text(4_294_967_295), "4294967295");

    let before = rtctoken::now();
    let at = expires_in(DAY).unwrap();
    assert!(at >= before + DAY && at <= rtctoken::now() + DAY, "{at}");
    let e = expires_in(u32::MAX).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
}

/// `VERSIONS` is what parse reports for each format, and the prefix of
/// every prefixed one, so the bindings' version constants set from it are
/// the tokens' own.
#[test]
fn versions_are_what_parse_reports() {
    let (ts, r, uid, exp) = (1446455472, 58964981, 2882341273, 1446455471);
    let tokens = [
        dynamic_key::generate(APP_ID, CERT, "c", ts, r).unwrap(),
        dynamic_key2::generate(APP_ID, CERT, "c", ts, r, uid, exp).unwrap(),
        dynamic_key3::generate(APP_ID, CERT, "c", ts, r, uid, exp).unwrap(),
        dynamic_key4::generate_media_channel_key(APP_ID, CERT, "c", ts, r, uid, exp).unwrap(),
        dynamic_key5::generate_media_channel_key(APP_ID, CERT, "c", ts, r, uid, exp).unwrap(),
        rtc_token_builder::build_token_with_uid(APP_ID, CERT, "c", 1, 1, 0, Stamp::default())
            .unwrap(),
        rtc_token_builder2::build_token_with_uid(APP_ID, CERT, "c", 1, 1, 60, 60, Stamp::default())
            .unwrap(),
    ];
    for ((module, version), token) in rtctoken::VERSIONS.iter().zip(&tokens) {
        assert_eq!(parse(token).unwrap().version(), *version, "{module}");
        let prefixed = !matches!(*module, "dynamic_key" | "dynamic_key2");
        assert_eq!(token.starts_with(version), prefixed, "{module}");
    }
}

/// The v5 permission table holds exactly the values the in-channel key
/// accepts, each carried under `ALLOW_UPLOAD_IN_CHANNEL`.
#[test]
fn dynamic_key5_permissions_are_the_accepted_values() {
    let key =
        |p| dynamic_key5::generate_in_channel_permission_key(APP_ID, CERT, "c", 1, 2, 3, 4, p);
    for (value, name) in dynamic_key5::PERMISSIONS {
        let Token::DynamicKey5(k) = parse(&key(value).unwrap()).unwrap() else {
            panic!("{name}: not a v5 key")
        };
        assert_eq!(
            k.extra[&dynamic_key5::ALLOW_UPLOAD_IN_CHANNEL],
            value,
            "{name}"
        );
        assert_eq!(
            dynamic_key5::service_type_name(k.service_type),
            Some("in_channel_permission")
        );
    }
    assert_eq!(key("1").unwrap_err().kind(), ErrorKind::InvalidArgument);
}
