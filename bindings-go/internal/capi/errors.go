//go:build cgo

package capi

/*
#include <rtctoken.h>
*/
import "C"

// Kind is the stable class of a failure, one per status of the C ABI.
type Kind int

// The kinds, numbered as the C ABI's rtctoken_status.
const (
	KindInvalidAppID          = Kind(C.RTCTOKEN_INVALID_APP_ID)
	KindInvalidAppCertificate = Kind(C.RTCTOKEN_INVALID_APP_CERTIFICATE)
	KindNoService             = Kind(C.RTCTOKEN_NO_SERVICE)
	KindFieldTooLong          = Kind(C.RTCTOKEN_FIELD_TOO_LONG)
	KindMalformed             = Kind(C.RTCTOKEN_MALFORMED)
	KindUnsupportedVersion    = Kind(C.RTCTOKEN_UNSUPPORTED_VERSION)
	KindInvalidArgument       = Kind(C.RTCTOKEN_INVALID_ARGUMENT)
	KindMissingInput          = Kind(C.RTCTOKEN_MISSING_INPUT)
	KindInternal              = Kind(C.RTCTOKEN_INTERNAL)
)

// String is the kind's name as in the test vectors ("invalid_app_id", …).
func (k Kind) String() string {
	return C.GoString(C.rtctoken_status_name(C.int(k)))
}

// Error is every failure of this module: a Kind and the core's message,
// which names the field and the rule it broke and never holds a
// certificate.
type Error struct {
	Kind    Kind
	Message string
}

func (e *Error) Error() string {
	if e.Message == "" {
		return "rtctoken: " + C.GoString(C.rtctoken_status_message(C.int(e.Kind)))
	}
	return "rtctoken: " + e.Message
}

// NewError is an error this module finds itself, worded as the core words
// its own: "kind: what is wrong".
func NewError(kind Kind, message string) *Error {
	return &Error{Kind: kind, Message: kind.String() + ": " + message}
}

// Is makes errors.Is(err, ErrInvalidAppID) hold for every error of that kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Message == "" && t.Kind == e.Kind
}

// Sentinels for errors.Is, one per kind.
var (
	ErrInvalidAppID          = &Error{Kind: KindInvalidAppID}
	ErrInvalidAppCertificate = &Error{Kind: KindInvalidAppCertificate}
	ErrNoService             = &Error{Kind: KindNoService}
	ErrFieldTooLong          = &Error{Kind: KindFieldTooLong}
	ErrMalformed             = &Error{Kind: KindMalformed}
	ErrUnsupportedVersion    = &Error{Kind: KindUnsupportedVersion}
	ErrInvalidArgument       = &Error{Kind: KindInvalidArgument}
	ErrMissingInput          = &Error{Kind: KindMissingInput}
	ErrInternal              = &Error{Kind: KindInternal}
)
