//! Services in the flat form `AccessToken2.build` sends them in
//! (`io.rtctoken.internal.Flat`): an `int[]` of numbers and one `String`
//! of all texts joined, each text's length among the numbers, read here in
//! the order `AccessToken2.Service.flatten` writes them. A few JNI calls in
//! all, instead of a tree of Java maps walked one call per node and then
//! deserialised.

use std::collections::BTreeMap;
use std::slice;

use jni::objects::{JIntArray, JObject, JString};
use jni::JNIEnv;
use rtctoken::access_token2::{Rtm2Permissions, Service, ServiceFields, ServiceType};

use crate::convert::{decode, ints, jni_raw, with_units};
use crate::failure::{invalid, Failure, Outcome};
use crate::java_value::java;

/// The services in `flat`, a non-null `Flat`; what does not fit the form
/// is refused naming `field`.
pub(crate) fn services(
    env: &mut JNIEnv,
    flat: &JObject,
    field: &'static str,
) -> Outcome<Vec<Service>> {
    let (numbers_id, joined_id) = java(env)?.flat_fields;
    // SAFETY: `flat` is a `Flat` (the caller checked), whose fields these
    // IDs name, so neither call can throw; the values are local references
    // the JVM frees on return.
    let (numbers, joined) = unsafe {
        (
            JObject::from_raw(jni_raw!(
                env,
                GetObjectField,
                flat.as_raw(),
                numbers_id.into_raw()
            )),
            JObject::from_raw(jni_raw!(
                env,
                GetObjectField,
                flat.as_raw(),
                joined_id.into_raw()
            )),
        )
    };
    if numbers.is_null() || joined.is_null() {
        return Err(invalid(field, format!("{field}: a Flat not done")));
    }
    let numbers = ints(env, &JIntArray::from(numbers))?;
    with_units(env, &JString::from(joined), |units| {
        let mut r = Reader {
            numbers: numbers.iter(),
            units,
            field,
        };
        let services = (0..r.count()?)
            .map(|_| r.service())
            .collect::<Outcome<Vec<_>>>()?;
        if r.numbers.next().is_some() || !r.units.is_empty() {
            return Err(invalid(
                field,
                format!("{field}: items left after the services"),
            ));
        }
        Ok(services)
    })?
}

/// The numbers and the joined texts' UTF-16 units, read front to back.
struct Reader<'a> {
    numbers: slice::Iter<'a, i32>,
    units: &'a [u16],
    field: &'static str,
}

impl Reader<'_> {
    fn short(&self) -> Failure {
        invalid(self.field, format!("{}: ends early", self.field))
    }

    fn number(&mut self) -> Outcome<i32> {
        self.numbers.next().copied().ok_or_else(|| self.short())
    }

    fn count(&mut self) -> Outcome<usize> {
        let n = self.number()?;
        usize::try_from(n)
            .map_err(|_| invalid(self.field, format!("{}: a count of {n}", self.field)))
    }

    /// A 16-bit id (type, privilege, resource type, permission) called `what`.
    fn id(&mut self, what: &str) -> Outcome<u16> {
        let n = self.number()?;
        u16::try_from(n).map_err(|_| {
            invalid(
                self.field,
                format!("{}: {what} {n} is not in 0..=65535", self.field),
            )
        })
    }

    /// The next text: its length in UTF-16 units (-1 for `None`), then
    /// those units, decoded on their own.
    fn text(&mut self) -> Outcome<Option<String>> {
        let n = self.number()?;
        if n == -1 {
            return Ok(None);
        }
        let n = usize::try_from(n).map_err(|_| self.short())?;
        if n > self.units.len() {
            return Err(self.short());
        }
        let (text, rest) = self.units.split_at(n);
        self.units = rest;
        decode(text, self.field).map(Some)
    }

    /// Type id, privileges, 0 (generic) or 1, role and two texts, permissions.
    fn service(&mut self) -> Outcome<Service> {
        let field = self.field;
        let type_id = self.id("service type")?;
        let mut privileges = BTreeMap::new();
        for _ in 0..self.count()? {
            let id = self.id("privilege id")?;
            privileges.insert(id, self.number()? as u32); // the bits Java holds in an int
        }
        let fields = match self.number()? {
            0 => match self.permissions()?.is_empty() {
                true => ServiceFields::Generic {
                    service_type: type_id,
                },
                false => {
                    return Err(invalid(
                        field,
                        format!("{field}: a generic service has no permissions"),
                    ))
                }
            },
            1 => {
                let role = self.number()?;
                let role = i16::try_from(role).map_err(|_| {
                    invalid(field, format!("{field}: role {role} is not a 16-bit value"))
                })?;
                let (a, b) = (self.text()?, self.text()?);
                let service_type = ServiceType::from_u16(type_id).ok_or_else(|| {
                    invalid(field, format!("{field}: no service type has id {type_id}"))
                })?;
                ServiceFields::from_texts(service_type, (a, b, role), self.permissions()?, field)?
            }
            kind => return Err(invalid(field, format!("{field}: a service kind of {kind}"))),
        };
        Ok(Service { privileges, fields })
    }

    /// Resource types, each with its permissions, each with its resources.
    fn permissions(&mut self) -> Outcome<Rtm2Permissions> {
        let field = self.field;
        let mut out = BTreeMap::new();
        for _ in 0..self.count()? {
            let resource_type = self.id("permissions resource type")?;
            let mut lists = BTreeMap::new();
            for _ in 0..self.count()? {
                let permission = self.id("permission")?;
                let resources = (0..self.count()?)
                    .map(|_| {
                        self.text()?.ok_or_else(|| {
                            invalid(
                                field,
                                format!("{field}: a permissions resource must not be null"),
                            )
                        })
                    })
                    .collect::<Outcome<Vec<_>>>()?;
                lists.insert(permission, resources);
            }
            out.insert(resource_type, lists);
        }
        Ok(Rtm2Permissions(out))
    }
}
