//! Conversational AI agent tokens: RTC + RTM as in `build_token_with_rtm2`, plus the ConvoAI service.

use super::rtc_token_builder2::rtm2_family;

rtm2_family!(
    /// A token for a ConvoAI agent: RTC and RTM privileges plus the (empty) ConvoAI service.
    build_token,
    Some(crate::access_token2::Service::convoai())
);
