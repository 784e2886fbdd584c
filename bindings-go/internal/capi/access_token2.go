//go:build cgo

package capi

/*
#include <stdlib.h>
#include <rtctoken.h>
*/
import "C"

import "unsafe"

// Builder is a 007 token being built: a C handle that the caller frees
// with Free once done (Go keeps nothing of its own in it).
type Builder struct{ h *C.rtctoken_access_token2 }

// NewBuilder starts a 007 token; nil issueTs / salt let the core pick now
// and a random salt.
func NewBuilder(appID, appCertificate string, expire uint32, issueTs, salt *uint32) (*Builder, error) {
	var a args
	app, cert := a.str("AppId", appID), a.str("AppCert", appCertificate)
	if a.err != nil {
		return nil, a.err
	}
	var b Builder
	err := call(func() C.enum_rtctoken_status {
		return C.rtctoken_access_token2_create(app, cert, C.uint32_t(expire),
			(*C.uint32_t)(unsafe.Pointer(issueTs)), (*C.uint32_t)(unsafe.Pointer(salt)), &b.h)
	})
	if err != nil {
		return nil, err
	}
	return &b, nil
}

// Free releases the handle.
func (b *Builder) Free() { C.rtctoken_access_token2_free(b.h) }

// Build signs the services added so far.
func (b *Builder) Build() (string, error) {
	var a args
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_build(b.h, out)
	})
}

// add runs one rtctoken_access_token2_add_* call with the privileges as a C array.
func (b *Builder) add(a *args, privs map[uint16]uint32, f func(*C.rtctoken_privilege, C.size_t) C.enum_rtctoken_status) error {
	if a.err != nil {
		return a.err
	}
	p, n := privileges(privs)
	return call(func() C.enum_rtctoken_status { return f(p, n) })
}

// AddRtc adds an RTC service for uid text ("" = any user).
func (b *Builder) AddRtc(channelName, uid string, privs map[uint16]uint32) error {
	var a args
	ch, u := a.str("ChannelName", channelName), a.str("Uid", uid)
	return b.add(&a, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_rtc(b.h, ch, u, p, n)
	})
}

// AddGeneric adds a service of any type id: its id and privileges only
// (the reference's generic Service).
func (b *Builder) AddGeneric(serviceType uint16, privs map[uint16]uint32) error {
	var a args
	return b.add(&a, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_generic(b.h, C.uint16_t(serviceType), p, n)
	})
}

// AddRtm adds an RTM service.
func (b *Builder) AddRtm(userID string, privs map[uint16]uint32) error {
	var a args
	u := a.str("UserId", userID)
	return b.add(&a, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_rtm(b.h, u, p, n)
	})
}

// AddStreaming adds a streaming (media push) service.
func (b *Builder) AddStreaming(channelName, account string, privs map[uint16]uint32) error {
	var a args
	ch, acc := a.str("ChannelName", channelName), a.str("Account", account)
	return b.add(&a, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_streaming(b.h, ch, acc, p, n)
	})
}

// AddFpa adds a full-path acceleration service.
func (b *Builder) AddFpa(privs map[uint16]uint32) error {
	return b.add(&args{}, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_fpa(b.h, p, n)
	})
}

// AddChat adds a chat service ("" for an app token).
func (b *Builder) AddChat(userID string, privs map[uint16]uint32) error {
	var a args
	u := a.str("UserId", userID)
	return b.add(&a, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_chat(b.h, u, p, n)
	})
}

// AddFcdn adds a Fusion CDN service.
func (b *Builder) AddFcdn(channelName, account string, privs map[uint16]uint32) error {
	var a args
	ch, acc := a.str("ChannelName", channelName), a.str("Account", account)
	return b.add(&a, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_fcdn(b.h, ch, acc, p, n)
	})
}

// AddApaas adds an APaaS / flexible-classroom service.
func (b *Builder) AddApaas(roomUuid, userUuid string, role int16, privs map[uint16]uint32) error {
	var a args
	room, user := a.str("RoomUuid", roomUuid), a.str("UserUuid", userUuid)
	return b.add(&a, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_apaas(b.h, room, user, C.int16_t(role), p, n)
	})
}

// AddRtm2 adds an RTM2 service with per-resource permissions.
func (b *Builder) AddRtm2(userID string, permissions Permissions, privs map[uint16]uint32) error {
	var a args
	u := a.str("UserId", userID)
	perms := newCPermissions(&a, permissions)
	defer perms.free()
	return b.add(&a, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_rtm2(b.h, u, perms.ptr, perms.count, p, n)
	})
}

// AddConvoAI adds a Conversational AI engine service.
func (b *Builder) AddConvoAI(privs map[uint16]uint32) error {
	return b.add(&args{}, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_convoai(b.h, p, n)
	})
}

// AddStt adds a speech-to-text service.
func (b *Builder) AddStt(privs map[uint16]uint32) error {
	return b.add(&args{}, privs, func(p *C.rtctoken_privilege, n C.size_t) C.enum_rtctoken_status {
		return C.rtctoken_access_token2_add_stt(b.h, p, n)
	})
}

// Permissions are RTM2 resources by resource type, then permission type.
type Permissions map[uint16]map[uint16][]string

// cPermissions is Permissions as the C array, all in C memory (its
// entries hold pointers).
type cPermissions struct {
	ptr     *C.rtctoken_rtm2_permission
	count   C.size_t
	strings []cStrings
}

func newCPermissions(a *args, perms Permissions) cPermissions {
	var n int
	for _, byPermission := range perms {
		n += len(byPermission)
	}
	if n == 0 || a.err != nil {
		return cPermissions{}
	}
	c := cPermissions{
		ptr:   (*C.rtctoken_rtm2_permission)(C.calloc(C.size_t(n), C.size_t(unsafe.Sizeof(C.rtctoken_rtm2_permission{})))),
		count: C.size_t(n),
	}
	entries := unsafe.Slice(c.ptr, n)
	i := 0
	for resourceType, byPermission := range perms {
		for permission, resources := range byPermission {
			list := newCStrings(a, "Permissions", resources)
			c.strings = append(c.strings, list)
			entries[i] = C.rtctoken_rtm2_permission{
				resource_type:  C.uint16_t(resourceType),
				permission:     C.uint16_t(permission),
				resources:      list.ptr,
				resource_count: C.size_t(len(list.items)),
			}
			i++
		}
	}
	return c
}

func (c cPermissions) free() {
	for _, s := range c.strings {
		s.free()
	}
	C.free(unsafe.Pointer(c.ptr))
}

// RtmToken2WithPermissions is the RTM2 login token with per-resource permissions.
func RtmToken2WithPermissions(appID, appCertificate, userID string, permissions Permissions, expire uint32, s *Stamp) (string, error) {
	var a args
	app, cert, u := a.str("appId", appID), a.str("appCertificate", appCertificate), a.str("userId", userID)
	perms := newCPermissions(&a, permissions)
	defer perms.free()
	return text(&a, func(out **C.char) C.enum_rtctoken_status {
		return C.rtctoken_rtm_token_builder2_build_token_with_permissions(app, cert, u, perms.ptr, perms.count, C.uint32_t(expire), stamp(s), out)
	})
}
