//! Axum's extractors with their refusals turned into [`ApiError`] JSON, so
//! malformed input never gets a plain-text answer.

use axum::extract::{FromRequest, FromRequestParts};

use crate::error::ApiError;

/// A JSON body (`Content-Type: application/json` required).
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

/// Path parameters.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

/// Query parameters.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);
