//go:build cgo

package capi

/*
#include <rtctoken.h>
*/
import "C"

import (
	"runtime"
	"strings"
	"unsafe"
)

// Stamp fixes the issue time and salt of a 006/007 token so that a test can
// reproduce exact bytes; production code leaves it nil (now, random salt).
type Stamp struct {
	IssueTs uint32
	Salt    uint32
}

// Options gathers what the optional arguments of this module can set.
type Options struct {
	Stamp       *Stamp
	Now         *uint32
	ChannelName *string
	Uid         *string
}

// Option sets one optional argument.
type Option func(*Options)

// Collect applies opts in order.
func Collect(opts []Option) Options {
	var o Options
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// args turns Go strings into NUL-terminated copies in Go memory that live
// for one call; C reads them during the call and keeps nothing. A string
// with a NUL byte inside cannot be passed whole, so it is refused by name
// rather than cut short.
type args struct{ err error }

func (a *args) str(field, s string) *C.char {
	if strings.IndexByte(s, 0) >= 0 {
		if a.err == nil {
			a.err = NewError(KindInvalidArgument, field+" contains a NUL byte, which a C string cannot carry")
		}
		return nil
	}
	b := make([]byte, len(s)+1)
	copy(b, s)
	return (*C.char)(unsafe.Pointer(&b[0]))
}

// optStr is str for an optional argument: nil stays NULL.
func (a *args) optStr(field string, s *string) *C.char {
	if s == nil {
		return nil
	}
	return a.str(field, *s)
}

// call runs one C call and turns a failed status into an *Error. The
// thread is pinned so that the per-thread message read after a failure is
// the one this call left.
func call(f func() C.enum_rtctoken_status) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if status := f(); status != C.RTCTOKEN_OK {
		return &Error{Kind: Kind(status), Message: C.GoString(C.rtctoken_last_error_message())}
	}
	return nil
}

// text runs a call that hands back a string and frees that string, the one
// time, whatever the status.
func text(a *args, f func(out **C.char) C.enum_rtctoken_status) (string, error) {
	if a.err != nil {
		return "", a.err
	}
	var out *C.char
	defer func() { C.rtctoken_string_free(out) }()
	if err := call(func() C.enum_rtctoken_status { return f(&out) }); err != nil {
		return "", err
	}
	return C.GoString(out), nil
}

// stamp is s for C: NULL when unset.
func stamp(s *Stamp) *C.rtctoken_stamp {
	if s == nil {
		return nil
	}
	return &C.rtctoken_stamp{issue_ts: C.uint32_t(s.IssueTs), salt: C.uint32_t(s.Salt)}
}

// privileges is a privilege map as the C array (nil when empty); the core
// orders it.
func privileges(m map[uint16]uint32) (*C.rtctoken_privilege, C.size_t) {
	if len(m) == 0 {
		return nil, 0
	}
	list := make([]C.rtctoken_privilege, 0, len(m))
	for id, expire := range m {
		list = append(list, C.rtctoken_privilege{privilege: C.uint16_t(id), expire: C.uint32_t(expire)})
	}
	return &list[0], C.size_t(len(list))
}
