//! APaaS tokens (007): the vendor ships the Education builder under this
//! name too, with identical output.

pub use super::education_token_builder2::{
    build_app_token, build_room_user_token, build_user_token, NO_ROLE,
};
