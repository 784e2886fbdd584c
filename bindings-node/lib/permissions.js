'use strict'
// Rtm2Permissions as agora-token exposes it; `details` is already the
// core's serde form of RTM2 permissions.
const native = require('./native')
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
// The resource type and permission ids, from the core's tables.
const { resourceTypes, permissions: permissionIds } = native.rtm2Permissions()
Rtm2Permissions.kMessageChannels = resourceTypes.message_channel
Rtm2Permissions.kStreamChannels = resourceTypes.stream_channel
Rtm2Permissions.kGroupChannels = resourceTypes.group_channel
Rtm2Permissions.kServerGroups = resourceTypes.server_group
Rtm2Permissions.kUsers = resourceTypes.user
Rtm2Permissions.kRead = permissionIds.read
Rtm2Permissions.kWrite = permissionIds.write

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
