// Package rtctoken mints, parses, inspects and verifies Agora-compatible
// tokens through the Rust rtctoken core (librtctoken.a, linked by cgo).
//
// The subpackages are drop-ins for the vendor's Go reference packages
// (accesstoken2, rtctokenbuilder2, DynamicKey5, …): only the import path
// changes. This package holds what the references lack: errors with a
// Kind, a Stamp for reproducible tokens, Inspect, and Verify against
// several certificates.
package rtctoken

import (
	"encoding/json"

	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
)

// Error is every failure of this module; match it with errors.Is against
// the sentinels below, or read its Kind. Its message names the field and
// the rule, never a certificate.
type Error = capi.Error

// Kind is the stable class of an Error ("invalid_app_id", …).
type Kind = capi.Kind

// The kinds of Error.
const (
	KindInvalidAppID          = capi.KindInvalidAppID
	KindInvalidAppCertificate = capi.KindInvalidAppCertificate
	KindNoService             = capi.KindNoService
	KindFieldTooLong          = capi.KindFieldTooLong
	KindMalformed             = capi.KindMalformed
	KindUnsupportedVersion    = capi.KindUnsupportedVersion
	KindInvalidArgument       = capi.KindInvalidArgument
	KindMissingInput          = capi.KindMissingInput
	KindInternal              = capi.KindInternal
)

// Sentinels for errors.Is, one per Kind.
var (
	ErrInvalidAppID          = capi.ErrInvalidAppID
	ErrInvalidAppCertificate = capi.ErrInvalidAppCertificate
	ErrNoService             = capi.ErrNoService
	ErrFieldTooLong          = capi.ErrFieldTooLong
	ErrMalformed             = capi.ErrMalformed
	ErrUnsupportedVersion    = capi.ErrUnsupportedVersion
	ErrInvalidArgument       = capi.ErrInvalidArgument
	ErrMissingInput          = capi.ErrMissingInput
	ErrInternal              = capi.ErrInternal
)

// Stamp fixes the issue time and salt of a 006/007 token, so that a test
// reproduces exact bytes. Production code does not set it: the core then
// uses the clock and a random salt.
type Stamp = capi.Stamp

// Option is an optional argument of the builders, Inspect and Verify.
type Option = capi.Option

// WithStamp makes a 006/007 builder use this issue time and salt.
func WithStamp(s Stamp) Option {
	return func(o *capi.Options) { o.Stamp = &s }
}

// WithNow makes Inspect judge expiries as of this Unix time.
func WithNow(unix uint32) Option {
	return func(o *capi.Options) { o.Now = &unix }
}

// WithChannelName gives Verify the channel that 006 and DynamicKey tokens
// sign without carrying it.
func WithChannelName(channelName string) Option {
	return func(o *capi.Options) { o.ChannelName = &channelName }
}

// WithUid gives Verify the uid text that 006 and DynamicKey tokens sign
// without carrying it ("" or "0" for uid 0; signaling: the account).
func WithUid(uid string) Option {
	return func(o *capi.Options) { o.Uid = &uid }
}

// Inspection describes a token: its version, app ID, expiries and the
// diagnostics behind the usual "invalid token" mistakes. JSON holds the
// whole description, in the schema shared by the CLI and every binding.
type Inspection struct {
	Version     string          `json:"version"`
	Format      string          `json:"format"`
	AppID       string          `json:"app_id"`
	Diagnostics []Diagnostic    `json:"diagnostics"`
	JSON        json.RawMessage `json:"-"`
}

// Diagnostic is one finding of Inspect.
type Diagnostic struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Field    string `json:"field"`
	Message  string `json:"message"`
}

// Inspect decodes any token (DynamicKey v1–v5, signaling, 006, 007) and
// describes it as of now, or of WithNow.
func Inspect(token string, opts ...Option) (*Inspection, error) {
	text, err := capi.InspectJSON(token, capi.Collect(opts).Now)
	if err != nil {
		return nil, err
	}
	in := &Inspection{JSON: json.RawMessage(text)}
	if err := json.Unmarshal(in.JSON, in); err != nil {
		return nil, capi.NewError(KindInternal, "the core's inspect JSON does not decode: "+err.Error())
	}
	return in, nil
}

// ParseJSON decodes any token to JSON: version, app_id, then the fields of
// its format (007: services).
func ParseJSON(token string) (string, error) {
	return capi.ParseJSON(token)
}

// Verification is the outcome of Verify.
type Verification struct {
	// Valid: some certificate's signature holds.
	Valid bool
	// MatchedIndex is the index of the first certificate that matched
	// (primary or secondary during rotation); meaningful when Valid.
	MatchedIndex int
}

// Verify checks the token's signature against each certificate in turn. A
// signature that does not hold is no error (Valid false); a malformed token
// or certificate is. 006 and DynamicKey v1–v5 tokens need WithChannelName
// and WithUid, as they sign those without carrying them.
func Verify(token string, certificates []string, opts ...Option) (Verification, error) {
	o := capi.Collect(opts)
	valid, matched, err := capi.Verify(token, certificates, o.ChannelName, o.Uid)
	if err != nil {
		return Verification{}, err
	}
	return Verification{Valid: valid, MatchedIndex: matched}, nil
}
