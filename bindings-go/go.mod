module github.com/rtctoken/rtctoken/bindings-go

go 1.22

require github.com/AgoraIO-Community/go-tokenbuilder v1.0.0
