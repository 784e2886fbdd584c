//! Numeric map keys as JSON strings (`{"1": 600}`), read back from text.
//!
//! serde_json already writes integer keys as strings, but a service's
//! fields travel inside an internally tagged enum, where serde buffers them
//! and no longer turns `"1"` into a number; these helpers parse keys
//! themselves so that every binding's JSON reads the same way.

use std::collections::BTreeMap;
use std::str::FromStr;

use serde::de::{Deserialize, Deserializer, Error};
use serde::ser::{Serialize, Serializer};

fn key<K: FromStr, E: Error>(text: &str) -> Result<K, E> {
    text.parse().map_err(|_| {
        E::custom(format!(
            "map key must be a number in range, got {}",
            crate::excerpt(text)
        ))
    })
}

/// A `BTreeMap<u16, V>` with string keys.
pub fn serialize<V: Serialize, S: Serializer>(
    map: &BTreeMap<u16, V>,
    s: S,
) -> Result<S::Ok, S::Error> {
    map.serialize(s)
}

/// Reads a `BTreeMap<u16, V>` from string keys.
pub fn deserialize<'de, V: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<u16, V>, D::Error> {
    BTreeMap::<String, V>::deserialize(d)?
        .into_iter()
        .map(|(k, v)| Ok((key(&k)?, v)))
        .collect()
}

/// Two levels of numeric keys (RTM2 permissions).
pub mod nested {
    use super::*;

    /// Writes both levels with string keys.
    pub fn serialize<V: Serialize, S: Serializer>(
        map: &BTreeMap<u16, BTreeMap<u16, V>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        map.serialize(s)
    }

    /// Reads both levels from string keys.
    pub fn deserialize<'de, V: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<u16, BTreeMap<u16, V>>, D::Error> {
        BTreeMap::<String, BTreeMap<String, V>>::deserialize(d)?
            .into_iter()
            .map(|(k, inner)| {
                let inner = inner
                    .into_iter()
                    .map(|(k, v)| Ok((key(&k)?, v)))
                    .collect::<Result<_, D::Error>>()?;
                Ok((key(&k)?, inner))
            })
            .collect()
    }
}
