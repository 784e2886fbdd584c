//go:build cgo

package capi

/*
#include <stdlib.h>
#include <rtctoken.h>
*/
import "C"

import "unsafe"

// ParseJSON decodes any token to the JSON of the parse vectors.
func ParseJSON(token string) (string, error) {
	var a args
	t := a.str("token", token)
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_parse_json(t, out)
	})
}

// InspectJSON describes any token as the JSON shared by the CLI and every
// binding, as of now (nil: the clock).
func InspectJSON(token string, now *uint32) (string, error) {
	var a args
	t := a.str("token", token)
	var n *C.uint32_t
	if now != nil {
		n = (*C.uint32_t)(unsafe.Pointer(now))
	}
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_inspect_json(t, n, out)
	})
}

// Verify checks token against each certificate in turn; matched is the
// index of the first that holds (meaningful when valid).
func Verify(token string, certificates []string, channelName, uid *string) (valid bool, matched int, err error) {
	var a args
	t, ch, u := a.str("token", token), a.optStr("channelName", channelName), a.optStr("uid", uid)
	certs := newCStrings(&a, "certificates", certificates)
	defer certs.free()
	if a.err != nil {
		return false, 0, a.err
	}
	var result C.rtctoken_verification
	err = call(func() C.enum_rtctoken_status {
		return C.rtctoken_verify(t, certs.ptr, C.size_t(len(certificates)), ch, u, &result)
	})
	return bool(result.valid), int(result.matched_index), err
}

// cStrings is an array of strings in C memory, for the arguments whose
// pointers sit inside an array (cgo forbids Go pointers there).
type cStrings struct {
	ptr   **C.char
	items []*C.char
}

func newCStrings(a *args, field string, list []string) cStrings {
	if len(list) == 0 || a.err != nil {
		return cStrings{}
	}
	for _, s := range list {
		if a.str(field, s) == nil {
			return cStrings{}
		}
	}
	ptr := (**C.char)(C.calloc(C.size_t(len(list)), C.size_t(unsafe.Sizeof((*C.char)(nil)))))
	items := unsafe.Slice(ptr, len(list))
	for i, s := range list {
		items[i] = C.CString(s)
	}
	return cStrings{ptr: ptr, items: items}
}

func (c cStrings) free() {
	for _, p := range c.items {
		C.free(unsafe.Pointer(p))
	}
	C.free(unsafe.Pointer(c.ptr))
}
