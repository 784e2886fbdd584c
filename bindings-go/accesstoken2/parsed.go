package accesstoken2

import "strconv"

// parsedToken is the JSON the core gives for a 007 token.
type parsedToken struct {
	Version  string          `json:"version"`
	AppID    string          `json:"app_id"`
	IssueTs  uint32          `json:"issue_ts"`
	Expire   uint32          `json:"expire"`
	Salt     uint32          `json:"salt"`
	Services []parsedService `json:"services"`
}

// parsedService is one service of that JSON; privilege and resource maps
// have decimal string keys, as JSON does.
type parsedService struct {
	Type        string                         `json:"type"`
	Privileges  map[string]uint32              `json:"privileges"`
	ChannelName string                         `json:"channel_name"`
	Uid         string                         `json:"uid"`
	Account     string                         `json:"account"`
	UserID      string                         `json:"user_id"`
	RoomUuid    string                         `json:"room_uuid"`
	UserUuid    string                         `json:"user_uuid"`
	Role        int16                          `json:"role"`
	Permissions map[string]map[string][]string `json:"permissions"`
}

// service is the reference's service value for this entry; false for a
// type this package has no struct for.
func (p parsedService) service() (IService, bool) {
	var s IService
	switch p.Type {
	case "rtc":
		s = NewServiceRtc(p.ChannelName, p.Uid)
	case "rtm":
		s = NewServiceRtm(p.UserID)
	case "streaming":
		s = NewServiceStreaming(p.ChannelName, p.Account)
	case "fpa":
		s = NewServiceFpa()
	case "chat":
		s = NewServiceChat(p.UserID)
	case "fcdn":
		s = NewServiceFCdn(p.ChannelName, p.Account)
	case "apaas":
		s = NewServiceApaas(p.RoomUuid, p.UserUuid, p.Role)
	case "rtm2":
		permissions := NewRtm2Permissions()
		for resourceType, byPermission := range p.Permissions {
			for permission, resources := range byPermission {
				permissions.Add(key(resourceType), key(permission), resources)
			}
		}
		s = NewServiceRtm2(p.UserID, permissions)
	case "convoai":
		s = NewServiceConvoAI()
	case "stt":
		s = NewServiceStt()
	default:
		return nil, false
	}
	for privilege, expire := range p.Privileges {
		s.base().AddPrivilege(key(privilege), expire)
	}
	return s, true
}

// key reads a JSON map key the core wrote as a decimal uint16.
func key(s string) uint16 {
	n, _ := strconv.ParseUint(s, 10, 16)
	return uint16(n)
}
