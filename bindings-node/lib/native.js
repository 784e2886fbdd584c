'use strict'
// Loads the napi-rs addon that `npm run build` (scripts/build.js) copies
// next to package.json. Kept in one place so every module shares one copy.
const path = require('path')

const file = path.join(__dirname, '..', 'rtctoken.node')
let native
try {
    native = require(file)
} catch (e) {
    e.message = `rtctoken: the native addon ${file} could not be loaded; run \`npm run build\` first (${e.message})`
    throw e
}

module.exports = native
