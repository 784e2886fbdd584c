'use strict'
// Builds tokens concurrently in worker_threads (each loads the addon) and
// checks every result against the same build on the main thread.
const test = require('node:test')
const assert = require('node:assert/strict')
const { Worker } = require('node:worker_threads')

const { RtcTokenBuilder, RtcRole, parse } = require('rtctoken')

const APP_ID = '970CA35de60c44645bbae8a215061b33'
const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const WORKERS = 4
const PER_WORKER = 500

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const { RtcTokenBuilder, RtcRole, parse } = require(workerData.entry)
const out = []
for (let i = 0; i < workerData.count; i++) {
    const uid = workerData.base + i
    const token = RtcTokenBuilder.buildTokenWithUid(workerData.appId, workerData.cert, 'room-' + (uid % 7), uid,
        RtcRole.PUBLISHER, 3600, 3600, { issueTs: 1700000000 + i, salt: uid + 1 })
    if (parse(token).services[0].uid !== String(uid)) throw new Error('parse mismatch')
    out.push(token)
}
parentPort.postMessage(out)
`

function expected(base, count) {
    const out = []
    for (let i = 0; i < count; i++) {
        const uid = base + i
        out.push(RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'room-' + (uid % 7), uid, RtcRole.PUBLISHER, 3600, 3600,
            { issueTs: 1700000000 + i, salt: uid + 1 }))
    }
    return out
}

test(`worker_threads: ${WORKERS} workers x ${PER_WORKER} tokens agree with the main thread`, async () => {
    const entry = require.resolve('rtctoken')
    const runs = []
    for (let w = 0; w < WORKERS; w++) {
        const base = 1000 + w * PER_WORKER
        runs.push(new Promise((resolve, reject) => {
            const worker = new Worker(workerSource, {
                eval: true,
                workerData: { entry, base, count: PER_WORKER, appId: APP_ID, cert: CERT }
            })
            worker.once('message', tokens => resolve({ base, tokens }))
            worker.once('error', reject)
            worker.once('exit', code => code !== 0 && reject(new Error(`worker exited with ${code}`)))
        }))
    }
    // The main thread builds at the same time.
    const mainTokens = expected(1, PER_WORKER)
    const results = await Promise.all(runs)
    assert.equal(mainTokens.length, PER_WORKER)
    for (const { base, tokens } of results) {
        assert.deepEqual(tokens, expected(base, PER_WORKER))
    }
    assert.equal(parse(mainTokens[0]).services[0].uid, '1')
})
