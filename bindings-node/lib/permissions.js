'use strict'
// Rtm2Permissions as agora-token exposes it, and its flattening for the
// native call (resource type, permission, resources).
const { tokenError } = require('./errors')
const { u32, str } = require('./args')

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

function key(k, name) {
    const n = Number(k)
    return u32(Number.isInteger(n) && String(n) === String(k) ? n : NaN, name)
}

/** The native form of an Rtm2Permissions (or of a plain `details`-shaped object). */
function permissionList(permissions) {
    if (permissions === undefined || permissions === null) return []
    const details = permissions instanceof Rtm2Permissions ? permissions.details : permissions.details || permissions
    if (typeof details !== 'object') {
        throw tokenError('invalid_argument', 'permissions must be an Rtm2Permissions')
    }
    const list = []
    for (const t of Object.keys(details)) {
        const perms = details[t]
        if (typeof perms !== 'object' || perms === null || Array.isArray(perms)) {
            throw tokenError('invalid_argument', `permissions[${t}] must be an object { permission: [resources] }`)
        }
        for (const p of Object.keys(perms)) {
            const resources = perms[p]
            if (!Array.isArray(resources)) {
                throw tokenError('invalid_argument', `permissions[${t}][${p}] must be an array of strings`)
            }
            list.push({
                resourceType: key(t, 'permissions resource type'),
                permission: key(p, 'permissions permission'),
                resources: resources.map(r => str(r, 'permissions resource'))
            })
        }
    }
    return list
}

module.exports = { Rtm2Permissions, permissionList }
