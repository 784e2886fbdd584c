'use strict'
// Rtm2Permissions as agora-token exposes it; `details` is already the
// core's serde form of RTM2 permissions.
const { tokenError } = require('./errors')
const { str } = require('./args')

/** RTM2 resource-level permissions: details[resourceType][permission] = resources. */
class Rtm2Permissions {
    constructor() {
        this.details = {}
    }

    /** Sets the resources of one resource type and permission (replacing any before). */
    add(resourceType, permissionType, resources) {
        if (!this.details[resourceType]) this.details[resourceType] = {}
        this.details[resourceType][permissionType] = Array.from(resources)
    }
}
Rtm2Permissions.kMessageChannels = 0
Rtm2Permissions.kStreamChannels = 1
Rtm2Permissions.kGroupChannels = 2
Rtm2Permissions.kServerGroups = 3
Rtm2Permissions.kUsers = 4
Rtm2Permissions.kRead = 0
Rtm2Permissions.kWrite = 1

/**
 * An Rtm2Permissions (or a plain `details`-shaped object) in the core's serde
 * form, which is `details` itself: the core checks its shape and numbers;
 * here only the resource names' text is checked (`str`), which the
 * conversion to UTF-8 would otherwise alter.
 */
function permissionsArg(permissions) {
    if (permissions === undefined || permissions === null) return {}
    const details = permissions instanceof Rtm2Permissions ? permissions.details : permissions.details || permissions
    if (typeof details !== 'object') {
        throw tokenError('invalid_argument', 'permissions must be an Rtm2Permissions')
    }
    for (const perms of Object.values(details)) {
        for (const resources of Object.values(perms ?? {})) {
            if (!Array.isArray(resources)) continue
            for (const r of resources) if (typeof r === 'string') str(r, 'permissions resource')
        }
    }
    return details
}

module.exports = { Rtm2Permissions, permissionsArg }
