'use strict'
// Cross-language inspect check: one JSON line per token of the shared list,
//   {"token": ..., "inspect": <inspect(token, 1800000000)>}  or
//   {"token": ..., "error": <error kind>}
// Usage: node scripts/inspect-dump.js <tokens.txt> <out.jsonl>
const fs = require('fs')
const { inspect, TokenError } = require('rtctoken')

const NOW = 1800000000
const [input, output] = process.argv.slice(2)
if (!input || !output) {
    console.error('usage: node scripts/inspect-dump.js <tokens.txt> <out.jsonl>')
    process.exit(2)
}

const lines = fs.readFileSync(input, 'utf8').split('\n')
if (lines[lines.length - 1] === '') lines.pop()
const out = lines.map(token => {
    try {
        return JSON.stringify({ token, inspect: inspect(token, NOW) })
    } catch (e) {
        if (!(e instanceof TokenError)) throw e
        return JSON.stringify({ token, error: e.kind })
    }
})
fs.writeFileSync(output, out.map(l => l + '\n').join(''))
console.log(`rtctoken: ${out.length} tokens inspected -> ${output}`)
