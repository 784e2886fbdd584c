//! The text arguments of a native call, which cross in one piece: the
//! generated wrapper in `Native.java` appends each text's UTF-16 units to
//! the calling thread's reused `char[]` (`internal/Buffers.java`) and
//! passes, where the text goes, its length (-1 for `null`). [`Texts::read`]
//! copies the used units in one JNI call and narrows them in one pass;
//! each text parameter then takes its own units, in order. Two JNI calls
//! for all the texts of a call, instead of two per text, and no allocation
//! for ASCII.

use std::borrow::Cow;
use std::mem::MaybeUninit;

use jni::objects::JCharArray;
use jni::sys::jint;
use jni::JNIEnv;

use crate::convert::{decode, jni_raw, Region};
use crate::failure::{invalid, Outcome};

/// Room on the stack for the texts of the usual call (IDs, certificates,
/// channel names, a one-service token), in UTF-16 units.
pub(crate) const ROOM: usize = 512;

/// A text argument as the core takes it: ASCII borrowed from the call's
/// narrowed [`Texts`], anything else decoded into a `String`.
pub(crate) struct Text<'t>(Cow<'t, str>);

impl Text<'_> {
    /// The text as the core takes it (what `Param::pass` is for the other types).
    pub(crate) fn pass(&self) -> &str {
        &self.0
    }
}

/// The texts of one call, taken front to back.
pub(crate) struct Texts<'t> {
    units: &'t [u16],
    /// `units`, each cut to its low byte: the text itself where it is ASCII.
    narrow: &'t [u8],
    /// Whether every unit is ASCII (else each text is checked on its own).
    ascii: bool,
}

impl<'t> Texts<'t> {
    /// The first `used` units of `array` (the thread's text buffer; none
    /// when `used` is 0), copied into `units` and narrowed into `narrow`.
    pub(crate) fn read(
        env: &mut JNIEnv,
        array: &JCharArray,
        used: jint,
        units: &'t mut Region<u16, ROOM>,
        narrow: &'t mut Region<u8, ROOM>,
    ) -> Outcome<Texts<'t>> {
        if used == 0 {
            return Ok(Texts {
                units: &[],
                narrow: &[],
                ascii: true,
            });
        }
        let n = usize::try_from(used).ok().filter(|_| !array.is_null());
        // SAFETY: `array` is a non-null `char[]` (`Native.java` declares
        // it so), and the region read is checked to lie within it, so
        // nothing can throw; the slices cover exactly the units written.
        unsafe {
            let n = match n {
                Some(n) if used <= jni_raw!(env, GetArrayLength, array.as_raw()) => n,
                _ => return Err(invalid("texts", "texts: out of shape".to_owned())),
            };
            let from = units.room(n);
            jni_raw!(env, GetCharArrayRegion, array.as_raw(), 0, used, from);
            let to = narrow.room(n).cast::<MaybeUninit<u8>>();
            let to = std::slice::from_raw_parts_mut(to, n);
            let from = std::slice::from_raw_parts(from, n);
            // One pass for every text of the call (it vectorises).
            let mut seen = 0;
            for (b, &u) in to.iter_mut().zip(from) {
                b.write(u as u8);
                seen |= u;
            }
            Ok(Texts {
                units: from,
                narrow: std::slice::from_raw_parts(to.as_ptr().cast(), n),
                ascii: seen < 0x80,
            })
        }
    }

    /// The next text, `len` units long (-1 for `null`, which is `None`).
    pub(crate) fn take(&mut self, len: jint, field: &'static str) -> Outcome<Option<Text<'t>>> {
        if len == -1 {
            return Ok(None);
        }
        let n = usize::try_from(len)
            .ok()
            .filter(|&n| n <= self.units.len())
            .ok_or_else(|| invalid(field, format!("{field}: out of the texts passed")))?;
        let ((units, rest), narrow) = (self.units.split_at(n), self.narrow.split_at(n));
        (self.units, self.narrow) = (rest, narrow.1);
        if self.ascii || units.iter().fold(0, |seen, &u| seen | u) < 0x80 {
            // SAFETY: every unit is below 0x80, so its low byte is ASCII, so UTF-8.
            let text = unsafe { std::str::from_utf8_unchecked(narrow.0) };
            return Ok(Some(Text(Cow::Borrowed(text))));
        }
        decode(units, field).map(|t| Some(Text(Cow::Owned(t))))
    }

    /// Refuses units no parameter took.
    pub(crate) fn finish(&self) -> Outcome<()> {
        match self.units.is_empty() {
            true => Ok(()),
            false => Err(invalid(
                "texts",
                "texts: more than the call takes".to_owned(),
            )),
        }
    }
}
