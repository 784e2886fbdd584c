//! The text arguments of a native call, which cross in one piece: the
//! generated wrapper in `Native.java` appends each text's UTF-16 units to
//! the calling thread's reused `char[]` (`internal/Buffers.java`) and
//! passes, where the text goes, its length (-1 for `null`). [`Texts::read`]
//! copies the used units in one JNI call; each text parameter then takes
//! its own units, in order, narrowed in place when ASCII. Two JNI calls for
//! all the texts of a call, instead of two per text, and no allocation for
//! ASCII.

use std::borrow::Cow;
use std::mem::MaybeUninit;

use jni::objects::JCharArray;
use jni::sys::jint;
use jni::JNIEnv;

use crate::convert::{decode, jni_raw, Region};
use crate::failure::{invalid, null, Outcome};

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
    /// Room for `units` cut to their low byte: a text's own bytes when it
    /// is ASCII, written as each text is taken.
    narrow: &'t mut [MaybeUninit<u8>],
    /// The rest of that room, for the texts that cross as their own
    /// `String` (`DirectText`).
    spare: &'t mut [MaybeUninit<u8>],
}

impl<'t> Texts<'t> {
    /// The first `used` units of `array` (the thread's text buffer; none
    /// when `used` is 0), copied into `units`, with room for them narrowed
    /// in `narrow`.
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
                narrow: &mut [],
                spare: narrow.spare(0),
            });
        }
        let n = usize::try_from(used).ok().filter(|_| !array.is_null());
        // SAFETY: `array` is a non-null `char[]` (`Native.java` declares
        // it so), and the region read is checked to lie within it, so
        // nothing can throw; `units` covers exactly the units written, and
        // `narrow` is room for as many bytes, written before they are read.
        unsafe {
            let n = match n {
                Some(n) if used <= jni_raw!(env, GetArrayLength, array.as_raw()) => n,
                _ => return Err(invalid("texts", "texts: out of shape".to_owned())),
            };
            let from = units.room(n);
            jni_raw!(env, GetCharArrayRegion, array.as_raw(), 0, used, from);
            let (narrow, spare) = narrow.spare(n).split_at_mut(n);
            Ok(Texts {
                units: std::slice::from_raw_parts(from, n),
                narrow,
                spare,
            })
        }
    }

    /// The next `n` units, and their room in `narrow`; what is not there is
    /// refused naming `field`.
    fn next(
        &mut self,
        n: usize,
        field: &'static str,
    ) -> Outcome<(&'t [u16], &'t mut [MaybeUninit<u8>])> {
        if n > self.units.len() {
            return Err(invalid(field, format!("{field}: out of the texts passed")));
        }
        let (units, rest) = self.units.split_at(n);
        let (narrow, narrow_rest) = std::mem::take(&mut self.narrow).split_at_mut(n);
        (self.units, self.narrow) = (rest, narrow_rest);
        Ok((units, narrow))
    }

    /// The next text, `len` units long (-1 for `null`, which is `None`).
    pub(crate) fn take(&mut self, len: jint, field: &'static str) -> Outcome<Option<Text<'t>>> {
        if len == -1 {
            return Ok(None);
        }
        let n = usize::try_from(len)
            .map_err(|_| invalid(field, format!("{field}: out of the texts passed")))?;
        let (units, narrow) = self.next(n, field)?;
        lend(units, narrow, field).map(Some)
    }

    /// A text read from its own `String` into `units`, narrowed into the
    /// spare room when it fits (no allocation), else decoded.
    pub(crate) fn direct(&mut self, units: &[u16], field: &'static str) -> Outcome<Text<'t>> {
        if units.len() > self.spare.len() {
            return decode(units, field).map(|t| Text(Cow::Owned(t)));
        }
        let (room, rest) = std::mem::take(&mut self.spare).split_at_mut(units.len());
        self.spare = rest;
        lend(units, room, field)
    }

    /// The next number the wrapper wrote among the texts: two units, low
    /// half first.
    fn number(&mut self, field: &'static str) -> Outcome<i32> {
        let (halves, _) = self.next(2, field)?;
        Ok((u32::from(halves[0]) | u32::from(halves[1]) << 16) as i32)
    }

    /// The next flat form (`flat.rs`): its length in units (-1 for `null`,
    /// which is `None`), then those units.
    pub(crate) fn form(&mut self, field: &'static str) -> Outcome<Option<&'t [u16]>> {
        let len = self.number(field)?;
        if len == -1 {
            return Ok(None);
        }
        let n = usize::try_from(len)
            .map_err(|_| invalid(field, format!("{field}: out of the texts passed")))?;
        self.next(n, field).map(|(units, _)| Some(units))
    }

    /// The next array of texts: how many (-1 for `null`, which is `None`),
    /// then each text's length and units; a `null` element is refused.
    pub(crate) fn array(&mut self, field: &'static str) -> Outcome<Option<Vec<Text<'t>>>> {
        let count = self.number(field)?;
        if count == -1 {
            return Ok(None);
        }
        let mut texts =
            Vec::with_capacity(usize::try_from(count).unwrap_or(0).min(self.units.len()));
        for _ in 0..count {
            let len = self.number(field)?;
            texts.push(self.take(len, field)?.ok_or_else(|| null(field))?);
        }
        Ok(Some(texts))
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

/// `units` as a text: narrowed into `room` (its length) in one pass (it
/// vectorises) and lent from there if ASCII, else decoded.
fn lend<'t>(
    units: &[u16],
    room: &'t mut [MaybeUninit<u8>],
    field: &'static str,
) -> Outcome<Text<'t>> {
    let mut seen = 0;
    for (b, &u) in room.iter_mut().zip(units) {
        b.write(u as u8);
        seen |= u;
    }
    if seen < 0x80 {
        // SAFETY: the loop wrote every byte, each below 0x80: ASCII, so UTF-8.
        let text = unsafe { std::str::from_utf8_unchecked(&*(room as *const _ as *const [u8])) };
        return Ok(Text(Cow::Borrowed(text)));
    }
    decode(units, field).map(|t| Text(Cow::Owned(t)))
}
