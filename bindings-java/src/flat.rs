//! Services in the flat form `AccessToken2.build` sends them in
//! (`io.rtctoken.internal.Flat`): an `Object[]` of an `int[]` of numbers
//! and a `String[]` of texts, read here in the order
//! `AccessToken2.Service.flatten` writes them. Two array reads and one per
//! text, instead of a tree of Java maps walked one JNI call per node and
//! then deserialised.

use std::collections::BTreeMap;
use std::vec;

use jni::objects::{JIntArray, JObject, JObjectArray};
use jni::JNIEnv;
use rtctoken::access_token2::{Rtm2Permissions, Service, ServiceFields, ServiceType};

use crate::convert::{ints, jni_raw, strings};
use crate::failure::{invalid, Outcome};
use crate::java_value::{java, Class};
use crate::parts;

/// The services in `value`, an `Object[]`; what does not fit the form is
/// refused naming `field`.
pub(crate) fn services(
    env: &mut JNIEnv,
    value: &JObjectArray,
    field: &'static str,
) -> Outcome<Vec<Service>> {
    let malformed = || invalid(field, format!("{field}: not {{int[], String[]}}"));
    // SAFETY: `value` is a non-null `Object[]` (the caller checked), and
    // each element is read only when the array has two, so nothing throws;
    // the elements are local references the JVM frees on return.
    let (numbers, texts) = unsafe {
        if jni_raw!(env, GetArrayLength, value.as_raw()) != 2 {
            return Err(malformed());
        }
        (
            JObject::from_raw(jni_raw!(env, GetObjectArrayElement, value.as_raw(), 0)),
            JObject::from_raw(jni_raw!(env, GetObjectArrayElement, value.as_raw(), 1)),
        )
    };
    let j = java(env)?;
    if numbers.is_null()
        || texts.is_null()
        || !j.is(env, &numbers, Class::Ints)?
        || !j.is(env, &texts, Class::Strings)?
    {
        return Err(malformed());
    }
    let numbers = ints(env, &JIntArray::from(numbers))?;
    let texts = strings(env, &JObjectArray::from(texts), field)?;
    let mut r = Reader {
        numbers: numbers.into_iter(),
        texts: texts.into_iter(),
        field,
    };
    let services = (0..r.count()?)
        .map(|_| r.service())
        .collect::<Outcome<Vec<_>>>()?;
    if r.numbers.next().is_some() || r.texts.next().is_some() {
        return Err(invalid(
            field,
            format!("{field}: items left after the services"),
        ));
    }
    Ok(services)
}

/// The two arrays, read front to back.
struct Reader {
    numbers: vec::IntoIter<i32>,
    texts: vec::IntoIter<Option<String>>,
    field: &'static str,
}

impl Reader {
    fn short(&self) -> crate::failure::Failure {
        invalid(self.field, format!("{}: ends early", self.field))
    }

    fn number(&mut self) -> Outcome<i32> {
        self.numbers.next().ok_or_else(|| self.short())
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

    fn text(&mut self) -> Outcome<Option<String>> {
        self.texts.next().ok_or_else(|| self.short())
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
                parts::fields(service_type, (a, b, role), self.permissions()?, field)?
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
