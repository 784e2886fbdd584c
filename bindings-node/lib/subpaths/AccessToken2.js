'use strict'
// rtctoken/src/AccessToken2: as agora-token/src/AccessToken2 (raw 007 tokens, services, Rtm2Permissions).
module.exports = {
    ...require('../access-token2'),
    Rtm2Permissions: require('../permissions').Rtm2Permissions
}
