;// ---- nango-jvm replay: the guest half of the yaml-era vitest mock ------------------------------
// Appended to a script bundle, inside the runner's module function. Replaces the bundle's default
// export with an entry that runs the script against an object shaped like NangoSyncMock /
// NangoActionMock (conformance §7.1-7.2): only the mock's members, no input validation, proxy
// results {data, headers, status}, spied batchSave / batchDelete. The host's nango object (the
// first argument) is used only for the calls the Java side answers from the mock files.
(function (module) {
  'use strict';
  const TAG = '\u0000nango-jvm-replay';
  const NO_HEADERS = '\u0000nango-jvm-replay:no-headers';
  const original = module.exports && module.exports.default;
  const script = typeof original === 'function' ? original
    : original && typeof original.exec === 'function' ? (n, input) => original.exec(n, input) : null;

  // Keys JSON would drop from params / headers but Object.entries keeps (undefined, functions).
  function droppedKeys(o) {
    if (!o || typeof o !== 'object') return [];
    return Object.keys(o).filter((k) => o[k] === undefined || typeof o[k] === 'function' || typeof o[k] === 'symbol');
  }

  function tagged(config) {
    const copy = Object.assign({}, config);
    copy[TAG] = { params: droppedKeys(config.params), headers: droppedKeys(config.headers) };
    return copy;
  }

  function shape(r) {
    return { data: r.data, headers: r.statusText === NO_HEADERS ? undefined : r.headers, status: r.status === -1 ? undefined : r.status };
  }

  // vi.fn() as a constructor: `new nango.ActionError(x)` is an empty object. Where it was made
  // is kept aside, so that a thrown one can be reported at its .ts line.
  const actionErrors = new WeakMap();
  function ActionError(payload) {
    if (new.target) actionErrors.set(this, { payload, stack: String(new Error('ActionError').stack || '') });
  }

  function reportable(e) {
    const made = e && typeof e === 'object' ? actionErrors.get(e) : undefined;
    if (!made) return e;
    let payload;
    try { payload = JSON.stringify(made.payload); } catch (_) { payload = String(made.payload); }
    const err = new Error('nango.ActionError thrown (the mock makes it an empty object): ' + payload);
    err.stack = err.message + made.stack.slice(made.stack.indexOf('\n'));
    return err;
  }

  async function run(fn) {
    try {
      return await fn();
    } catch (e) {
      throw reportable(e);
    }
  }

  function buildMock(host, calls) {
    const proxyData = async (config) => shape(await host.proxy(tagged(config)));
    const verb = (method) => (config) => proxyData(Object.assign({}, config, { method }));
    async function* paginate(config) {
      const shadow = tagged(config);
      for await (const page of host.paginate(shadow)) {
        for (const key of ['method', 'paginate', 'endpoint', 'params', 'data']) {
          if (shadow[key] !== undefined) config[key] = shadow[key];
        }
        yield page;
      }
    }
    const mock = {
      // the mock keeps the key it derived from the test's folder (docusign's helpers read it)
      providerConfigKey: host.providerConfigKey,
      log: (...args) => { try { host.log(...args); } catch (_) { /* the mock's log never fails */ } return undefined; },
      ActionError,
      getConnection: () => host.getConnection(),
      getMetadata: () => host.getMetadata(),
      updateMetadata: () => undefined,
      getWebhookURL: () => 'https://example.com/webhook',
      zodValidateInput: async ({ input }) => ({ data: input }),
      get: verb('get'),
      post: verb('post'),
      put: verb('put'),
      patch: verb('patch'),
      delete: verb('delete'),
      proxy: (config) => proxyData(config),
      paginate,
    };
    if (calls) {
      mock.lastSyncDate = null;
      mock.batchSave = function () { calls.batchSave.push(Array.prototype.slice.call(arguments)); return undefined; };
      mock.batchDelete = function () { calls.batchDelete.push(Array.prototype.slice.call(arguments)); return undefined; };
    }
    return mock;
  }

  // A JSON form that keeps what toEqual tells apart and JSON would blur (Dates, undefined in
  // arrays, NaN, -0, functions, ...); the Java side compares it with toEqual semantics.
  function encode(value, stack) {
    const tag = (kind, v) => ({ [TAG]: kind, value: v });
    if (value === undefined) return tag('undefined', null);
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (Number.isNaN(value)) return tag('number', 'NaN');
      if (!Number.isFinite(value)) return tag('number', value > 0 ? 'Infinity' : '-Infinity');
      if (Object.is(value, -0)) return tag('number', '-0');
      return value;
    }
    if (typeof value === 'bigint') return tag('bigint', String(value));
    if (typeof value !== 'object') return tag(typeof value, null);
    if (stack.includes(value)) return tag('circular', null);
    if (value instanceof Date) return tag('Date', Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString());
    if (value instanceof RegExp) return tag('RegExp', String(value));
    if (value instanceof Error) return tag('Error', String(value.message));
    if (ArrayBuffer.isView(value)) return tag(value.constructor.name, Array.from(value));
    if (value instanceof Map || value instanceof Set) return tag(value.constructor.name, encode(Array.from(value), stack));
    stack.push(value);
    try {
      if (Array.isArray(value)) {
        const out = [];
        for (let i = 0; i < value.length; i++) out.push(encode(value[i], stack));
        return out;
      }
      const out = {};
      for (const key of Object.keys(value)) {
        if (value[key] !== undefined) out[key] = encode(value[key], stack);
      }
      return out;
    } finally {
      stack.pop();
    }
  }

  async function replay(host, envelope) {
    if (!script) throw new Error('The script has no default export to run');
    if (typeof host.batchSave === 'function') {
      // NangoSyncMock: two runs on one mock and one module instance; the first run's batchSave
      // calls are judged right after it, the batchDelete calls of both runs after the second.
      const calls = { batchSave: [], batchDelete: [] };
      const mock = buildMock(host, calls);
      await run(() => script(mock));
      const saved = JSON.parse(JSON.stringify(calls.batchSave.map((args) => [args[0], args[1]])));
      await run(() => script(mock));
      return { [TAG]: 'sync', saved, deleted: calls.batchDelete.map((args) => encode(args, [])) };
    }
    const input = envelope && Object.prototype.hasOwnProperty.call(envelope, 'input') ? envelope.input : undefined;
    const response = await run(() => script(buildMock(host, null), input));
    return { [TAG]: 'action', output: encode(response, []) };
  }

  module.exports = { default: replay };
})(module);
