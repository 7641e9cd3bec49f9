'use strict';
// The Node reference for `./nango-jvm bench`: runs the same compiled bundles the way Nango's
// runner does (a fresh node:vm context per execution, the bundle wrapped with module/exports/
// require), against a minimal `nango` backed by the same loopback API. Used only to benchmark.
const vm = require('node:vm');
const http = require('node:http');
const fs = require('node:fs');
const crypto = require('node:crypto');

const config = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true });
const scripts = new Map();

function script(path) {
    if (!scripts.has(path)) {
        const code = fs.readFileSync(path, 'utf8');
        scripts.set(path, new vm.Script(`(function (module, exports, require) {${code}\n})`, { filename: path }));
    }
    return scripts.get(path);
}

function getJson(url) {
    return new Promise((resolve, reject) => {
        http.get(url, { agent, headers: { accept: 'application/json' } }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                try { resolve({ status: res.statusCode, data: JSON.parse(text), headers: res.headers }); } catch (e) { resolve({ status: res.statusCode, data: text, headers: res.headers }); }
            });
        }).on('error', reject);
    });
}

class ActionError extends Error {
    constructor(payload) { super(); this.type = 'action_script_runtime_error'; if (payload) this.payload = payload; }
}

function makeNango(store) {
    const get = async (cfg) => {
        const url = new URL(config.baseUrl.replace(/\/$/, '') + '/' + cfg.endpoint.replace(/^\/+/, ''));
        for (const [k, v] of Object.entries(cfg.params || {})) url.searchParams.set(k, String(v));
        return getJson(url.href);
    };
    return {
        ActionError,
        log: async () => {},
        get,
        proxy: get,
        paginate: async function* (cfg) {
            const p = cfg.paginate;
            cfg.params = cfg.params || {};
            if (p.limit) cfg.params[p.limit_name_in_request] = p.limit;
            let cursor;
            for (;;) {
                if (cursor) cfg.params[p.cursor_name_in_request] = cursor;
                const res = await get(cfg);
                const page = p.response_path ? res.data[p.response_path] : res.data;
                if (!page || page.length === 0) return;
                yield page;
                cursor = res.data[p.cursor_path_in_response];
                if (typeof cursor === 'string') cursor = cursor.trim();
                if (!cursor) return;
            }
        },
        batchSave: async (records, model) => {
            // In memory, with Nango's change detection (md5 of the record's JSON), as the JVM's store does.
            for (const r of records) {
                const key = model + ':' + r.id;
                const hash = crypto.createHash('md5').update(JSON.stringify(r)).digest('hex');
                const old = store.get(key);
                store.set(key, { hash, record: r });
                if (!old) store.added++; else if (old.hash !== hash) store.updated++;
            }
            return true;
        },
    };
}

async function execute(path, input, store) {
    const context = vm.createContext({ console, Buffer, setTimeout, URL, URLSearchParams, require: (m) => require(m) });
    const module = { exports: {} };
    script(path).runInContext(context)(module, module.exports, (m) => require(m));
    return module.exports.default(makeNango(store), input);
}

function median(values) {
    const s = [...values].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
}

function newStore() { const m = new Map(); m.added = 0; m.updated = 0; return m; }

async function main() {
    const b = config.bundles;
    const t0 = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
    if (config.mode === 'cold') {
        const out = await execute(b.noop, undefined, newStore());
        process.stdout.write(JSON.stringify({ ok: out.ok }) + '\n');
        return;
    }
    if (config.mode === 'p1') {
        const times = [];
        for (let i = 0; i < config.warmup + config.iterations; i++) {
            const s = process.hrtime.bigint();
            await execute(b.noop, undefined, newStore());
            if (i >= config.warmup) times.push(Number(process.hrtime.bigint() - s) / 1e6);
        }
        return print({ median: median(times) });
    }
    if (config.mode === 'p2') {
        const times = [];
        let checksum;
        for (let i = 0; i < config.warmup + config.iterations; i++) {
            const s = process.hrtime.bigint();
            checksum = (await execute(b.map, { count: config.count }, newStore())).checksum;
            if (i >= config.warmup) times.push(Number(process.hrtime.bigint() - s) / 1e6);
        }
        return print({ median: median(times), checksum });
    }
    if (config.mode === 'p3') {
        const times = [];
        let saved = 0;
        for (let i = 0; i < config.warmup + config.iterations; i++) {
            const store = newStore();
            const s = process.hrtime.bigint();
            await execute(b.sync, undefined, store);
            if (i >= config.warmup) times.push(Number(process.hrtime.bigint() - s) / 1e6);
            saved = store.added;
        }
        return print({ median: median(times), saved });
    }
    if (config.mode === 'p5') {
        global.gc();
        const before = process.memoryUsage().heapUsed;
        const live = [];
        for (let i = 0; i < config.contexts; i++) {
            const context = vm.createContext({ console, Buffer, setTimeout, URL, URLSearchParams });
            const module = { exports: {} };
            script(b.sync).runInContext(context)(module, module.exports, (m) => require(m));
            live.push(context, module);
        }
        global.gc();
        const perContext = (process.memoryUsage().heapUsed - before) / config.contexts;
        return print({ perContextBytes: perContext, contextsPerGb: Math.floor(1024 ** 3 / perContext), live: live.length / 2 });
    }
    throw new Error('unknown mode ' + config.mode + ' after ' + ms() + ' ms');
}

function print(result) { process.stdout.write(JSON.stringify(result) + '\n'); }

main().then(() => agent.destroy(), (e) => { console.error(e && e.stack || e); process.exit(1); });
