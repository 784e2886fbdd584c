// Binding minus core, in one process: each call is timed through the
// public API, through its bare native export, as the core alone (a
// bench-only native loop that runs the core call K times on arguments
// converted once; its time / K) and as the crossing alone (that loop run 0
// times). Needs the addon built with
// RTCTOKEN_FEATURES=bench (`make bench` does that). `--write` puts the
// table into BENCHMARKS.md below the marker bench.mjs keeps.
import { do_not_optimize } from 'mitata'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const rt = require('rtctoken')
const legacy = require('rtctoken/legacy')
const native = require('../lib/native.js')
if (typeof native.parseCoreLoop !== 'function') {
    throw new Error('the addon lacks the core loops: build it with RTCTOKEN_FEATURES=bench (make bench)')
}

const APP_ID = '970CA35de60c44645bbae8a215061b33'
const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const CHANNEL = '7d72365eb983485397e3e3f9d460bdda'
const UID = 2882341273
const [ISSUE_TS, SALT] = [1700000000, 12345]
const STAMP = { issueTs: ISSUE_TS, salt: SALT }
const K = 100

// The builders run the production path (no options: the core's clock and a
// fresh salt on every side), as users call them.
const b007 = [APP_ID, CERT, CHANNEL, UID, 1, 3600, 3600]
const b006 = [APP_ID, CERT, CHANNEL, UID, 1, 1446455471]
const key5 = [APP_ID, CERT, CHANNEL, 1446455472, 58964981, UID, 1446455471]
const sig = ['alice', APP_ID, CERT, 1446455471]
const token007 = rt.RtcTokenBuilder.buildTokenWithUid(...b007, STAMP)

// The ways must agree before they are timed.
const same = (a, b, what) => { if (a !== b) throw new Error(`${what} differs`) }
same(native.rtcTokenBuilder2BuildTokenWithUid(...b007, ISSUE_TS, SALT), token007, '007 export')
same(native.rtcTokenBuilder2BuildTokenWithUidCoreLoop(1, ...b007, ISSUE_TS, SALT), token007, '007 core')
const token006 = legacy.RtcTokenBuilder.buildTokenWithUid(...b006, STAMP)
same(native.rtcTokenBuilderBuildTokenWithUid(...b006, ISSUE_TS, SALT), token006, '006 export')
same(native.rtcTokenBuilderBuildTokenWithUidCoreLoop(1, ...b006, ISSUE_TS, SALT), token006, '006 core')
const k5 = legacy.DynamicKey5.generateMediaChannelKey(...key5)
same(native.dynamicKey5GenerateMediaChannelKeyCoreLoop(1, ...key5), k5, 'DynamicKey5 core')
const s1 = legacy.SignalingToken.generate(APP_ID, CERT, 'alice', 1446455471)
same(native.signalingTokenGenerateCoreLoop(1, ...sig), s1, 'signaling core')
same(native.parseCoreLoop(1, token007), rt.parse(token007).version, 'parse')
same(native.verifyCoreLoop(1, token007, CERT), rt.verify(token007, CERT).valid, 'verify')
const shape = v => JSON.stringify(v, Object.keys(v).concat(...v.services.map(Object.keys), ['1', '2', '3', '4']).sort())
same(shape(native.parseNapiSerde(token007)), shape(rt.parse(token007)), 'parse through napi serde')
same(shape(JSON.parse(native.parseJsonText(token007))), shape(rt.parse(token007)), 'parse as JSON text')

// `--main=<dir>`: main's bindings-node, built (its rtctoken.node in place),
// whose public API is timed in the same run for the "before" column: the
// core is the same crate, so one core loop serves both.
const option = name => process.argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const mainDir = option('main')
const ours = { rt, legacy }
const main = mainDir && { rt: require(path.resolve(mainDir)), legacy: require(path.resolve(mainDir, 'legacy.js')) }

/**
 * [operation, public API, bare native export, core loop of K, the same loop
 * of 0 (the crossing alone), main's public API], each called on `args`;
 * `pick` finds the public API in `ours` or `main` (null: the row has none).
 */
const way = (name, pick, exp, loop, args) => {
    const [api, before] = [ours, main].map(lib => lib && pick && pick(lib))
    return [name, () => (api || exp)(...args), () => exp(...args), () => loop(K, ...args), () => loop(0, ...args),
        before && (() => before(...args))]
}
const parse007 = [token007]
const CASES = [
    way('007 RTC build (RtcTokenBuilder.buildTokenWithUid)', l => l.rt.RtcTokenBuilder.buildTokenWithUid,
        native.rtcTokenBuilder2BuildTokenWithUid, native.rtcTokenBuilder2BuildTokenWithUidCoreLoop, b007),
    way('006 RTC build (legacy RtcTokenBuilder.buildTokenWithUid)', l => l.legacy.RtcTokenBuilder.buildTokenWithUid,
        native.rtcTokenBuilderBuildTokenWithUid, native.rtcTokenBuilderBuildTokenWithUidCoreLoop, b006),
    way('DynamicKey5 media key (legacy DynamicKey5.generateMediaChannelKey)', l => l.legacy.DynamicKey5.generateMediaChannelKey,
        native.dynamicKey5GenerateMediaChannelKey, native.dynamicKey5GenerateMediaChannelKeyCoreLoop, key5),
    way('signaling token (legacy SignalingToken.generate)', l => (a, i, c, e) => l.legacy.SignalingToken.generate(i, c, a, e),
        native.signalingTokenGenerate, native.signalingTokenGenerateCoreLoop, sig),
    way('007 parse (parse)', l => l.rt.parse, native.parse, native.parseCoreLoop, parse007),
    // The two ways not taken, for the choice (bench-only exports; the API
    // column is the same export): napi-rs's own serde serializer, and the
    // core's JSON text with one JSON.parse (the way before).
    way('007 parse, napi-rs serde (bench-only parseNapiSerde)', null,
        native.parseNapiSerde, native.parseCoreLoop, parse007),
    way('007 parse, JSON text + JSON.parse (bench-only parseJsonText)', null,
        t => JSON.parse(native.parseJsonText(t)), native.parseCoreLoop, parse007),
    way('007 verify (verify)', l => l.rt.verify, (t, c) => native.verify(t, c, null, null), native.verifyCoreLoop, [token007, CERT])
]
const WAYS = ['api', 'export', 'core', 'crossing', 'main']

// The machine is shared, so the ways are interleaved in short batches
// (each about 2 ms) over many rounds; a batch that another process
// interrupted only ever reads slower, so the minimum over rounds is the
// figure (the median is shown next to it).
const roundsArg = process.argv.find(a => a.startsWith('--rounds='))
const ROUNDS = roundsArg ? Number(roundsArg.split('=')[1]) : 40
const BATCH_NS = 2e6

/** ns per call of `fn` over one batch of `n` calls, divided by `per`. */
function batch(fn, n, per) {
    const t = native.threadCpuNs()
    for (let i = 0; i < n; i++) do_not_optimize(fn())
    return (native.threadCpuNs() - t) / n / per
}

const loadBefore = os.loadavg()[0]
const ways = CASES.map(([name, ...fns]) => fns.flatMap((fn, i) => {
    if (!fn) return []
    const per = WAYS[i] === 'core' ? K : 1
    for (let w = 0; w < 200; w++) fn() // warm up (JIT, caches)
    const n = Math.max(1, Math.round(BATCH_NS / (batch(fn, 50, 1) || 1)))
    return [{ name, way: WAYS[i], fn, n, per, times: [] }]
}))
for (let r = 0; r < ROUNDS; r++) {
    for (const c of ways) {
        // rotate the order so that no way always runs first
        for (let i = 0; i < c.length; i++) {
            const w = c[(i + r) % c.length]
            w.times.push(batch(w.fn, w.n, w.per))
        }
    }
}
const loadAfter = os.loadavg()[0]
const min = xs => Math.min(...xs)
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
const fmt = ns => `${(ns / 1000).toFixed(2)} µs`
const both = xs => `${fmt(min(xs))} (${fmt(median(xs))})`

/** Each case's fastest batch per way, in ns. */
const result = ways.map(c => Object.fromEntries(c.map(w => [w.way, min(w.times)])))
const rows = ways.map(([api, exp, core, crossing], i) => {
    const r = result[i]
    const before = r.main === undefined ? '—' : fmt(r.main - r.core)
    return `| ${api.name} | ${both(core.times)} | ${both(exp.times)} | ${both(api.times)} | ${both(crossing.times)} | ${fmt(r.export - r.core)} | ${before} | **${fmt(r.api - r.core)}** |`
})
const table = [
    '| operation | core alone: min (median) | bare native export | public API | crossing alone | export − core | API − core on main (before) | API − core now: per-call overhead |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows
].join('\n')
const machine = `${os.cpus()[0]?.model ?? 'unknown'}, nproc=${os.availableParallelism?.() ?? os.cpus().length}, Node ${process.version}`
const load = `1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`
console.log(`${table}\n\nmachine: ${machine}\n${load}`)

if (process.argv.includes('--write')) {
    const here = path.dirname(fileURLToPath(import.meta.url))
    const out = path.join(here, '..', 'BENCHMARKS.md')
    const MARK = '<!-- kept by bench.mjs -->'
    const old = fs.readFileSync(out, 'utf8')
    const top = old.includes(MARK) ? old.slice(0, old.indexOf(MARK)) : `${old}\n`
    const section = `${MARK}
## Binding overhead (bench/overhead.mjs)

\`make bench\` (after bench.mjs) runs bench/overhead.mjs: one process, the
same inputs, each way timed in batches of about 2 ms of this thread's CPU
time (\`CLOCK_THREAD_CPUTIME_ID\`, so other processes on the shared machine
are not counted), interleaved over ${ROUNDS} rounds; the figure is the
fastest batch, the median in brackets. The builders run the production
path (no options: the clock and a fresh salt on every side).
"Core alone" is a bench-only native loop (cargo feature \`bench\`) running
the core call ${K} times on arguments converted once, divided by ${K}: the
core without any crossing. "Bare native export" is the generated napi
export called directly; "public API" adds the JavaScript facade. "Crossing
alone" is the core loop run 0 times: the napi call with its argument
conversions and nothing else. Export − core is larger than the crossing
alone because the core's own work runs colder between JavaScript calls
than in a tight native loop (its tables and buffers leave the caches).
The "before" column is main's public API timed in the same run
(\`make bench MAIN=<main's bindings-node, built>\`, \`--main=\` here): the
core is the same crate, so the same core loop is subtracted.

Parse builds its object from the core's structs through one generic serde
serializer (src/host.rs) that defines each object's properties in one
napi call. The two rows after it are the ways not taken, timed in the same
run: napi-rs's own serde serializer (one napi store per property) and the
core's JSON text with one \`JSON.parse\` (the way before). Most of parse's
cost over the core is V8 making the objects (about 20 properties), which
no crossing avoids; JSON.parse, the one other way, is not faster.

Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 10)}; ${load}.

${table}
`
    fs.writeFileSync(out, top + section)
    console.log(`wrote ${out}`)
}
