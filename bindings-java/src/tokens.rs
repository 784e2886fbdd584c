//! Natives for parsing, verifying and inspecting any token, and for fresh
//! stamps and uid text.

use rtctoken::{access_token, inspect, parse, verify, Stamp, VerifyInput};

use crate::convert::DirectText;
use crate::exports::natives;
use crate::texts::Text;

natives! {
    /// `Native.parse`: the version, a space and the app ID of any token (a
    /// version has no space), one string rather than a `String[]`. The
    /// fields' JSON is left to `parseJson`, which `ParsedToken.toJson`
    /// calls only when asked: no JSON on the parse path.
    fn nativeParse(env, token: DirectText) -> String {
        let t = parse(token.pass())?;
        Ok([t.version(), " ", t.app_id()].concat())
    }

    /// `Native.parseJson`: the core's `Token::to_json` (the shape of `parse.json`).
    fn nativeParseJson(env, token: DirectText) -> String {
        Ok(parse(token.pass())?.to_json().to_string())
    }

    /// `Native.verify`: the index of the first certificate that signed
    /// `token`, or -1. `channel_name` and `uid` may be `null` (not given).
    fn nativeVerify(env, token: DirectText, app_certificate: Vec<String>, channel_name: Option<DirectText>, uid: Option<DirectText>) -> i32 {
        let certs: Vec<&str> = app_certificate.iter().map(Text::pass).collect();
        let input = VerifyInput { channel_name: channel_name.as_ref().map(Text::pass), uid: uid.as_ref().map(Text::pass) };
        let matched = verify(token.pass(), &certs, &input)?.matched;
        // Indexes come from a Java array, so they fit in an int.
        Ok(matched.map_or(-1, |i| i32::try_from(i).unwrap_or(i32::MAX)))
    }

    /// `Native.inspect`: the core's inspection JSON as of `now` (-1 = clock).
    fn nativeInspect(env, token: DirectText, now: Option<u32>) -> String {
        Ok(inspect::inspect_json(token.pass(), now)?)
    }

    /// `Native.freshStamp`: `{issue_ts, salt, 006 expiry}` as the core would
    /// pick them (clock, CSPRNG salt), for the classes whose public fields
    /// expose them; the third is the 006 token's own expiry (`ts`).
    fn nativeFreshStamp(env) -> Vec<i64> {
        let s = Stamp::default();
        let (issue_ts, salt) = (s.issue_ts(), s.salt());
        Ok(vec![issue_ts.into(), salt.into(), access_token::expiry_after(issue_ts)?.into()])
    }

    /// `Native.uidText`: the core's uid text for a numeric uid.
    fn nativeUidText(env, uid: u32) -> String {
        Ok(access_token::uid_text(uid))
    }
}
