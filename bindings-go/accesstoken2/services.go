package accesstoken2

import "github.com/rtctoken/rtctoken/bindings-go/internal/capi"

// ServiceRtc joins an RTC channel as a uid ("" = any user) or an account.
type ServiceRtc struct {
	*Service
	ChannelName string
	Uid         string
}

// NewServiceRtc makes an RTC service.
func NewServiceRtc(channelName string, uid string) *ServiceRtc {
	return &ServiceRtc{Service: NewService(ServiceTypeRtc), ChannelName: channelName, Uid: uid}
}

func (s *ServiceRtc) addTo(b *capi.Builder) error {
	return b.AddRtc(s.ChannelName, s.Uid, s.Privileges)
}

// ServiceRtm logs a user in to RTM.
type ServiceRtm struct {
	*Service
	UserId string
}

// NewServiceRtm makes an RTM service.
func NewServiceRtm(userId string) *ServiceRtm {
	return &ServiceRtm{Service: NewService(ServiceTypeRtm), UserId: userId}
}

func (s *ServiceRtm) addTo(b *capi.Builder) error {
	return b.AddRtm(s.UserId, s.Privileges)
}

// ServiceStreaming pushes media streams.
type ServiceStreaming struct {
	*Service
	ChannelName string
	Account     string
}

// NewServiceStreaming makes a streaming service.
func NewServiceStreaming(channelName string, account string) *ServiceStreaming {
	return &ServiceStreaming{Service: NewService(ServiceTypeStreaming), ChannelName: channelName, Account: account}
}

func (s *ServiceStreaming) addTo(b *capi.Builder) error {
	return b.AddStreaming(s.ChannelName, s.Account, s.Privileges)
}

// ServiceFpa is full-path acceleration.
type ServiceFpa struct {
	*Service
}

// NewServiceFpa makes an FPA service.
func NewServiceFpa() *ServiceFpa {
	return &ServiceFpa{Service: NewService(ServiceTypeFpa)}
}

func (s *ServiceFpa) addTo(b *capi.Builder) error {
	return b.AddFpa(s.Privileges)
}

// ServiceChat is a chat user ("" for an app token).
type ServiceChat struct {
	*Service
	UserId string
}

// NewServiceChat makes a chat service.
func NewServiceChat(userId string) *ServiceChat {
	return &ServiceChat{Service: NewService(ServiceTypeChat), UserId: userId}
}

func (s *ServiceChat) addTo(b *capi.Builder) error {
	return b.AddChat(s.UserId, s.Privileges)
}

// ServiceFCdn is Fusion CDN.
type ServiceFCdn struct {
	*Service
	ChannelName string
	Account     string
}

// NewServiceFCdn makes a Fusion CDN service.
func NewServiceFCdn(channelName string, account string) *ServiceFCdn {
	return &ServiceFCdn{Service: NewService(ServiceTypeFCdn), ChannelName: channelName, Account: account}
}

func (s *ServiceFCdn) addTo(b *capi.Builder) error {
	return b.AddFcdn(s.ChannelName, s.Account, s.Privileges)
}

// ServiceApaas is an APaaS / flexible-classroom user (role -1 = none).
type ServiceApaas struct {
	*Service
	RoomUuid string
	UserUuid string
	Role     int16
}

// NewServiceApaas makes an APaaS service.
func NewServiceApaas(roomUuid string, userUuid string, role int16) *ServiceApaas {
	return &ServiceApaas{Service: NewService(ServiceTypeApaas), RoomUuid: roomUuid, UserUuid: userUuid, Role: role}
}

func (s *ServiceApaas) addTo(b *capi.Builder) error {
	return b.AddApaas(s.RoomUuid, s.UserUuid, s.Role, s.Privileges)
}

// Rtm2Permissions are RTM2 resources by resource type, then permission type.
type Rtm2Permissions struct {
	Details map[uint16]map[uint16][]string
}

// NewRtm2Permissions makes an empty permission set.
func NewRtm2Permissions() *Rtm2Permissions {
	return &Rtm2Permissions{Details: make(map[uint16]map[uint16][]string)}
}

// Add sets (replaces) the resources of one resource and permission type.
func (permissions *Rtm2Permissions) Add(resourceType uint16, permissionType uint16, resources []string) {
	if permissions.Details[resourceType] == nil {
		permissions.Details[resourceType] = make(map[uint16][]string)
	}
	permissions.Details[resourceType][permissionType] = append([]string(nil), resources...)
}

// ServiceRtm2 logs a user in to RTM2 with per-resource permissions.
type ServiceRtm2 struct {
	*Service
	UserId      string
	Permissions *Rtm2Permissions
}

// NewServiceRtm2 makes an RTM2 service (nil permissions: none).
func NewServiceRtm2(userId string, permissions *Rtm2Permissions) *ServiceRtm2 {
	if permissions == nil {
		permissions = NewRtm2Permissions()
	}
	return &ServiceRtm2{Service: NewService(ServiceTypeRtm2), UserId: userId, Permissions: permissions}
}

func (s *ServiceRtm2) addTo(b *capi.Builder) error {
	return b.AddRtm2(s.UserId, s.Permissions.Details, s.Privileges)
}

// ServiceConvoAI is the Conversational AI engine (no fields).
type ServiceConvoAI struct {
	*Service
}

// NewServiceConvoAI makes a ConvoAI service.
func NewServiceConvoAI() *ServiceConvoAI {
	return &ServiceConvoAI{Service: NewService(ServiceTypeConvoAI)}
}

func (s *ServiceConvoAI) addTo(b *capi.Builder) error {
	return b.AddConvoAI(s.Privileges)
}

// ServiceStt is speech-to-text (no fields).
type ServiceStt struct {
	*Service
}

// NewServiceStt makes an STT service.
func NewServiceStt() *ServiceStt {
	return &ServiceStt{Service: NewService(ServiceTypeStt)}
}

func (s *ServiceStt) addTo(b *capi.Builder) error {
	return b.AddStt(s.Privileges)
}
