//! The OpenAPI 3.1 document, generated from the handlers' annotations; a
//! copy is committed as `server/openapi.json` (a test keeps them equal).

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::ErrorBody;
use crate::routes::{compat, ops, v1};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "rtctoken-server",
        description = "Agora-compatible token server: agora-token-service's routes, an authenticated JSON API (/v1), session access, rate limits (X-RateLimit-* on every token route), certificate rotation. Errors are always {code, message, details}; codes: bad_request 400, unauthorized 401, forbidden 403, not_found 404, method_not_allowed 405, payload_too_large 413, unsupported_media_type 415, invalid_input 422, rate_limited 429, internal 500, unavailable 503."
    ),
    paths(
        compat::ping, compat::rtc, compat::rtm, compat::rte, compat::rte_with_rtm_uid,
        compat::chat_app, compat::chat_account, compat::get_token,
        v1::create, v1::batch, v1::verify, v1::inspect, v1::session_access,
        ops::healthz, ops::readyz, ops::metrics, ops::openapi,
    ),
    components(schemas(ErrorBody)),
    modifiers(&Security)
)]
struct Doc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
        components.add_security_scheme(
            "basic",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Basic)),
        );
    }
}

/// The document as pretty JSON text (what `/openapi.json` serves).
pub fn document() -> String {
    Doc::openapi()
        .to_pretty_json()
        .expect("the generated document serialises")
}
