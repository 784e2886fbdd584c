'use strict'
// Builds the napi-rs crate with cargo (release) and copies the shared
// library to ./rtctoken.node, where lib/native.js loads it. Honours
// CARGO_TARGET_DIR (default: the workspace's ../target) and CARGO.
const { spawnSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const here = path.resolve(__dirname, '..')
const cargo = process.env.CARGO || 'cargo'
const profile = process.env.RTCTOKEN_PROFILE || 'release'
const args = ['build', '-p', 'rtctoken-node']
if (profile === 'release') args.push('--release')
else args.push('--profile', profile)

const run = spawnSync(cargo, args, { cwd: here, stdio: 'inherit' })
if (run.status !== 0) {
    console.error(`rtctoken: \`${cargo} ${args.join(' ')}\` failed`)
    process.exit(run.status || 1)
}

const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(here, process.env.CARGO_TARGET_DIR) : path.resolve(here, '..', 'target')
const outDir = path.join(targetDir, profile === 'dev' ? 'debug' : profile)
const libName = {
    darwin: 'librtctoken_node.dylib',
    win32: 'rtctoken_node.dll'
}[process.platform] || 'librtctoken_node.so'
const built = path.join(outDir, libName)
const dest = path.join(here, 'rtctoken.node')
// Copy through a temporary name so a running process never sees half a file.
fs.copyFileSync(built, dest + '.tmp')
fs.renameSync(dest + '.tmp', dest)
console.log(`rtctoken: ${path.relative(here, built)} -> rtctoken.node`)
