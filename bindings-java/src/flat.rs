//! Services in the flat form `AccessToken2.build` sends them in
//! (`io.rtctoken.internal.Flat`): numbers and texts as UTF-16 units, a
//! number as two units (low half first), a text as its length and then its
//! units, read here in the order `AccessToken2.Service.flatten` writes
//! them. The form crosses in the call's texts ([`crate::texts`]), so it
//! costs no JNI call of its own, instead of a tree of Java maps walked one
//! call per node and then deserialised.

use std::collections::BTreeMap;

use rtctoken::access_token2::{Rtm2Permissions, Service, ServiceFields, ServiceType};

use crate::convert::decode;
use crate::failure::{invalid, Failure, Outcome};

/// The services in a flat form's `units`; what does not fit the form is
/// refused naming `field`.
pub(crate) fn services(units: &[u16], field: &'static str) -> Outcome<Vec<Service>> {
    let mut r = Reader { units, field };
    let count = r.count()?;
    // A service takes at least a few units, so the form bounds the count.
    let mut services = Vec::with_capacity(count.min(units.len()));
    for _ in 0..count {
        services.push(r.service()?);
    }
    if !r.units.is_empty() {
        return Err(invalid(
            field,
            format!("{field}: items left after the services"),
        ));
    }
    Ok(services)
}

/// The form's UTF-16 units, read front to back.
struct Reader<'a> {
    units: &'a [u16],
    field: &'static str,
}

impl Reader<'_> {
    fn short(&self) -> Failure {
        invalid(self.field, format!("{}: ends early", self.field))
    }

    /// The next `n` units.
    fn take(&mut self, n: usize) -> Outcome<&[u16]> {
        if n > self.units.len() {
            return Err(self.short());
        }
        let (taken, rest) = self.units.split_at(n);
        self.units = rest;
        Ok(taken)
    }

    /// The next number: two units, low half first.
    fn number(&mut self) -> Outcome<i32> {
        let halves = self.take(2)?;
        Ok((u32::from(halves[0]) | u32::from(halves[1]) << 16) as i32)
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
        let field = self.field;
        decode(self.take(n)?, field).map(Some)
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
