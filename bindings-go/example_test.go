package rtctoken_test

import (
	"errors"
	"fmt"

	"github.com/rtctoken/rtctoken/bindings-go"
	"github.com/rtctoken/rtctoken/bindings-go/rtctokenbuilder2"
)

// The README's example: build an RTC token, then verify it during a
// certificate rotation.
func Example() {
	appID := "970CA35de60c44645bbae8a215061b33"
	appCertificate := "5CFd2fd1755d40ecb72977518be15d3b"

	// Production code leaves out WithStamp (now, random salt).
	token, err := rtctokenbuilder2.BuildTokenWithUid(appID, appCertificate, "demo", 42,
		rtctokenbuilder2.RolePublisher, 3600, 3600,
		rtctoken.WithStamp(rtctoken.Stamp{IssueTs: 1700000000, Salt: 1}))
	if err != nil {
		panic(err)
	}
	fmt.Println(token)

	result, err := rtctoken.Verify(token, []string{"00000000000000000000000000000000", appCertificate})
	fmt.Println(result.Valid, result.MatchedIndex, err)

	_, err = rtctokenbuilder2.BuildTokenWithUid("not-an-app-id", appCertificate, "demo", 42,
		rtctokenbuilder2.RolePublisher, 3600, 3600)
	fmt.Println(errors.Is(err, rtctoken.ErrInvalidAppID))
	fmt.Println(err)
	// Output:
	// 007eJxTYFDomSWtvMf1bfcEYe35VaHyDwrPSD0rn9uu7+7CvC09erUCg6W5gbOjsWlKqplBsomJmYlpUlJiqkWikaGpgZlhkrExw8fgVAE+BgZGBhBmZGABYhCfCUwyg0kWKJmSmpvPxGBiBABSChrR
	// true 1 <nil>
	// true
	// rtctoken: invalid_app_id: app_id must be 32 hexadecimal characters, got 13
}
