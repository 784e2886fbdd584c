//! Ceilings on how many entries a token may hold. The formats allow 65,535
//! of each, which lets a 500-character token inflate into tens of megabytes
//! of parsed fields; no token issued for real use comes near these, so
//! parsers refuse anything past them (`malformed`) and builders refuse to
//! make it (`invalid_argument`), and every token built parses back.

/// Services in one 007 token (there are ten service types).
pub const MAX_SERVICES: usize = 16;

/// Privileges in one 007 service or one 006 token, and `extra` entries of a
/// DynamicKey5 (the formats define at most five privilege ids each).
pub const MAX_PRIVILEGES: usize = 16;

/// (resource type, permission) lists in one RTM2 service (five types times
/// two permissions are defined).
pub const MAX_RTM2_LISTS: usize = 16;

/// Resource names in one RTM2 service, across all its lists.
pub const MAX_RTM2_RESOURCES: usize = 1024;
