//go:build cgo

// Package capi is the only place that talks to the C ABI of bindings-c:
// each of its functions converts the arguments, makes one rtctoken_* call
// and converts the status and result. It holds no token rule; the drop-in
// packages and package rtctoken call it.
package capi

/*
#cgo CFLAGS: -I${SRCDIR}/../../lib/include
#cgo linux,amd64 LDFLAGS: ${SRCDIR}/../../lib/linux_amd64/librtctoken.a
#cgo linux,arm64 LDFLAGS: ${SRCDIR}/../../lib/linux_arm64/librtctoken.a
#cgo darwin,amd64 LDFLAGS: ${SRCDIR}/../../lib/darwin_amd64/librtctoken.a
#cgo darwin,arm64 LDFLAGS: ${SRCDIR}/../../lib/darwin_arm64/librtctoken.a
#cgo windows,amd64 LDFLAGS: ${SRCDIR}/../../lib/windows_amd64/librtctoken.a -lws2_32 -luserenv -lntdll -lbcrypt
#cgo linux LDFLAGS: -lpthread -ldl -lm
#cgo darwin LDFLAGS: -framework Security -framework CoreFoundation
#include <rtctoken.h>
*/
import "C"
