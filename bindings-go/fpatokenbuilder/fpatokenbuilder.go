// Package fpatokenbuilder is a drop-in for the Go reference package of the
// same name: full-path acceleration tokens (007), valid 24 hours. BuildToken
// also takes rtctoken.WithStamp, for exact bytes in tests.
package fpatokenbuilder

import (
	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/internal/capi"
)

// BuildToken builds an FPA token.
func BuildToken(appId string, appCertificate string, opts ...rtctoken.Option) (string, error) {
	return capi.FpaToken(appId, appCertificate, capi.Collect(opts).Stamp)
}
