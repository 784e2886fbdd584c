'use strict'
// Loads the napi-rs addon once for every module: a local build
// (`npm run build` copies it next to package.json) wins, so the checkout's
// tests use what they just compiled; an installed package uses the
// platform package npm picked from optionalDependencies (npm/<platform>/).
// Results that cross as tapes are rebuilt here (lib/tape.js).
const fs = require('fs')
const path = require('path')
const { withTapes } = require('./tape')

/** `<os>-<cpu>[-<libc>]`, the suffix of the @rtctoken/* platform packages. */
function platform() {
    const { platform: os, arch } = process
    if (os !== 'linux') return os === 'win32' ? `${os}-${arch}-msvc` : `${os}-${arch}`
    // Node built against glibc reports its version; on musl (Alpine) it is absent.
    const header = process.report && typeof process.report.getReport === 'function' ? process.report.getReport().header : {}
    return `${os}-${arch}-${header.glibcVersionRuntime ? 'gnu' : 'musl'}`
}

function load() {
    const local = path.join(__dirname, '..', 'rtctoken.node')
    if (fs.existsSync(local)) return require(local)
    const name = `@rtctoken/${platform()}`
    try {
        return require(name)
    } catch (e) {
        if (e.code !== 'MODULE_NOT_FOUND') {
            e.message = `rtctoken: the native addon ${name} could not be loaded (${e.message})`
            throw e
        }
        const err = new Error(`rtctoken: no native addon for ${platform()}: install the package ${name} ` +
            '(npm installs it with rtctoken unless optional dependencies are omitted), ' +
            'or build from a checkout with `npm run build`')
        err.code = 'RTCTOKEN_NO_NATIVE'
        err.cause = e
        throw err
    }
}

module.exports = withTapes(load())
