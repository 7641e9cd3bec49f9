// The guest half of the nango object. Evaluated once per execution context as a function of the
// Java bridge and the execution's properties. The bridge is captured here and never reachable
// from the script: scripts only see the plain `nango` object built below.
(function (bridge, propsJson, nodeModules) {
  'use strict';
  const props = JSON.parse(propsJson);
  const LEVELS = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };
  const LEVEL_ALIASES = { verbose: 'debug', silly: 'debug', http: 'info', debug: 'debug', info: 'info', warn: 'warn', error: 'error' };
  let loggerLevel = props.loggerLevel || 'debug';

  // ---- errors -------------------------------------------------------------------------------
  class ActionError extends Error {
    constructor(payload) {
      super();
      this.type = 'action_script_runtime_error';
      if (payload) this.payload = payload;
    }
  }

  function axiosResponse(r, config) {
    return { data: decodeData(r), status: r.status, statusText: r.statusText || '', headers: r.headers, config, request: {} };
  }

  function decodeData(r) {
    if (r.binary !== undefined) {
      return typeof Buffer !== 'undefined' ? Buffer.from(r.binary, 'base64') : Uint8Array.from(atobBytes(r.binary));
    }
    return r.data;
  }

  function atobBytes(b64) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const out = [];
    let bits = 0, value = 0;
    for (const ch of b64.replace(/=+$/, '')) {
      value = (value << 6) | alphabet.indexOf(ch);
      bits += 6;
      if (bits >= 8) { bits -= 8; out.push((value >> bits) & 0xff); }
    }
    return out;
  }

  function errorFrom(e, config) {
    if (e.kind === 'http') {
      const err = new Error(e.message);
      err.name = 'AxiosError';
      err.isAxiosError = true;
      err.code = e.code;
      err.config = config;
      err.status = e.response.status;
      err.response = axiosResponse(e.response, config);
      err.toJSON = function () { return { name: err.name, message: err.message, code: err.code, status: err.status }; };
      return err;
    }
    if (e.kind === 'network') {
      const err = new Error(e.message);
      err.name = 'AxiosError';
      err.isAxiosError = true;
      err.code = e.code;
      err.config = config;
      return err;
    }
    const err = new Error(e.message);
    if (e.code) err.code = e.code;
    return err;
  }

  // Every asynchronous member goes through here: the Java side answers with a JSON envelope
  // {ok} or {error}, so errors are created in the guest and their stacks point at the script.
  async function call(method, args, config) {
    const envelope = JSON.parse(await bridge.call(method, JSON.stringify(args === undefined ? null : args)));
    if (envelope.error) throw errorFrom(envelope.error, config);
    return envelope.ok;
  }

  // ---- logging -------------------------------------------------------------------------------
  const DROPPED_KEYS = new Set(['httpAgent', 'httpsAgent', 'trace', '_sessionCache', 'stack']);
  function stableJson(value) {
    const seen = new WeakSet();
    const walk = (v, depth) => {
      if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? v.toString() : v;
      if (typeof Buffer !== 'undefined' && Buffer.isBuffer(v)) return '[Buffer]';
      if (v instanceof Date) return v.toJSON();
      if (seen.has(v)) return '[Circular]';
      if (depth >= 10) return '[Object]';
      seen.add(v);
      if (Array.isArray(v)) return v.slice(0, 20).map((x) => walk(x, depth + 1));
      const out = {};
      for (const k of Object.keys(v).sort().slice(0, 20)) {
        if (DROPPED_KEYS.has(k)) continue;
        out[k] = k.toLowerCase() === 'authorization' ? 'REDACTED' : walk(v[k], depth + 1);
      }
      return out;
    };
    const s = JSON.stringify(walk(value, 0));
    return s === undefined ? String(value) : s;
  }

  function render(message) {
    if (typeof message === 'string') return message;
    if (message === null) return 'null';
    if (message === undefined) return 'undefined';
    if (message instanceof Error) return message.stack || String(message);
    return stableJson(message);
  }

  function log(...args) {
    if (loggerLevel === 'off' || args.length === 0) return Promise.resolve();
    let options = {};
    const last = args[args.length - 1];
    if (last && typeof last === 'object' && !Array.isArray(last) && 'level' in last) {
      options = args.pop();
    }
    if (args.length === 0) return Promise.resolve();
    const level = LEVEL_ALIASES[options.level === undefined ? 'info' : options.level];
    if (!level || LEVELS[level] < LEVELS[loggerLevel]) return Promise.resolve();
    let meta = args.length > 1 ? args[1] : undefined;
    if (Array.isArray(meta)) meta = Object.assign({}, meta);
    if (meta && typeof meta !== 'object') return Promise.resolve(); // Nango's persist drops such entries
    bridge.log(level, render(args[0]), meta ? JSON.stringify(meta) : null);
    return Promise.resolve();
  }

  function formatConsoleArgs(args) {
    return args.map((a) => (typeof a === 'string' ? a : render(a))).join(' ');
  }

  const consoleObject = {};
  for (const [name, level] of [['log', 'info'], ['info', 'info'], ['debug', 'debug'], ['trace', 'debug'], ['warn', 'warn'], ['error', 'error']]) {
    consoleObject[name] = (...args) => { log(formatConsoleArgs(args), { level }); };
  }

  // ---- pagination ----------------------------------------------------------------------------
  function applyPatch(config, patch) {
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) {
        delete config[key];
      } else if ((key === 'params' || key === 'data') && value && typeof value === 'object' && !Array.isArray(value)
                 && config[key] && typeof config[key] === 'object') {
        Object.assign(config[key], value); // the caller's own object is mutated, as in Nango
      } else {
        config[key] = value;
      }
    }
  }

  async function* paginate(config) {
    const handle = await call('paginateStart', config, config);
    for (;;) {
      const page = await call('paginateNext', { handle }, config);
      if (page === null) return;
      applyPatch(config, page.configPatch || {});
      yield page.items;
      if (page.callOnPage && config.paginate && typeof config.paginate.on_page === 'function') {
        await config.paginate.on_page({ nextPageParam: page.nextPageParam, response: axiosResponse(page.response, config) });
      }
    }
  }

  // ---- records -------------------------------------------------------------------------------
  function stripMetadata(records) {
    if (!Array.isArray(records)) return records;
    for (const r of records) if (r && typeof r === 'object') delete r._nango_metadata;
    return records;
  }

  async function batch(kind, records, model) {
    if (!records || (Array.isArray(records) && records.length === 0)) return true;
    await call(kind, { records: stripMetadata(records), model });
    return true;
  }

  async function getRecordsByIds(ids, model) {
    const found = await call('getRecordsByIds', { ids, model });
    const map = new Map();
    for (const id of ids) {
      const r = found[String(id)];
      if (r !== undefined) map.set(id, r);
    }
    return map;
  }

  // nango.listRecords(model, {cursor}): one record at a time over the host's pages of 100.
  async function* listRecords(model, options) {
    let cursor = options && options.cursor ? options.cursor : null;
    for (;;) {
      const page = await call('listRecords', { model, cursor });
      for (const record of page.records) yield record;
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }

  // ---- the nango object ------------------------------------------------------------------------
  const proxy = async (config) => axiosResponse(await call('proxy', config, config), config);
  const verb = (method) => async (config) => proxy(Object.assign({}, config, { method }));

  const nango = {
    connectionId: props.connectionId,
    providerConfigKey: props.providerConfigKey,
    provider: props.provider,
    scriptType: props.scriptType,
    activityLogId: props.activityLogId,
    environmentName: props.environmentName,
    syncConfig: props.syncConfig,
    isCLI: props.isCLI === true,
    logger: { get level() { return loggerLevel; } },
    runnerFlags: { validateActionInput: false, validateActionOutput: false, validateSyncRecords: false, validateSyncMetadata: false },
    ActionError,
    proxy,
    get: verb('GET'),
    post: verb('POST'),
    put: verb('PUT'),
    patch: verb('PATCH'),
    delete: verb('DELETE'),
    paginate,
    log,
    setLogger(logger) { if (loggerLevel !== 'off' && logger && LEVELS[logger.level] !== undefined) loggerLevel = logger.level; },
    getConnection: (providerConfigKeyOverride, connectionIdOverride) =>
      call('getConnection', { providerConfigKey: providerConfigKeyOverride, connectionId: connectionIdOverride }),
    getToken: async () => {
      const connection = await call('getConnection', {});
      const c = connection.credentials || {};
      if (c.type === 'OAUTH2') return c.access_token;
      if (c.type === 'OAUTH1') return { oAuthToken: c.oauth_token, oAuthTokenSecret: c.oauth_token_secret };
      return c;
    },
    getMetadata: () => call('getMetadata'),
    setMetadata: async (metadata) => {
      if (!metadata) throw new Error('Metadata is required');
      await call('setMetadata', metadata);
      return { status: 201, data: { metadata, connection_id: props.connectionId, provider_config_key: props.providerConfigKey } };
    },
    updateMetadata: async (metadata) => {
      if (!metadata) throw new Error('Metadata is required');
      await call('updateMetadata', metadata);
      return { status: 200, data: { metadata, connection_id: props.connectionId, provider_config_key: props.providerConfigKey } };
    },
    getFieldMapping: async () => { const m = await call('getMetadata'); return (m && m.fieldMapping) || {}; },
    setFieldMapping: (mapping) => call('setMetadata', mapping),
    getCheckpoint: () => call('getCheckpoint'),
    saveCheckpoint: (checkpoint) => call('saveCheckpoint', checkpoint),
    clearCheckpoint: () => call('clearCheckpoint'),
    getEnvironmentVariables: () => call('getEnvironmentVariables'),
    getRecordsByIds,
    getFlowAttributes: () => {
      if (props.scriptType !== 'sync' && props.scriptType !== 'webhook') throw new Error('There is no current sync to get attributes from');
      return (props.syncConfig && props.syncConfig.attributes) || {};
    },
    zodValidateInput: async ({ zodSchema, input }) => {
      const result = zodSchema.safeParse(input);
      if (result.success) return result;
      for (const issue of result.error.issues) {
        await log(`Invalid input provided: ${issue.message} at path ${issue.path.join('.')}`, { level: 'error' });
      }
      throw new ActionError({ message: 'Invalid input provided' });
    },
  };

  if (props.scriptType === 'sync' || props.scriptType === 'webhook') {
    Object.assign(nango, {
      lastSyncDate: props.lastSyncDate ? new Date(props.lastSyncDate) : undefined,
      variant: props.variant || 'base',
      track_deletes: props.trackDeletes === true,
      batchSave: (records, model) => batch('batchSave', records, model),
      batchSend: (records, model) => batch('batchSave', records, model),
      batchUpdate: (records, model) => batch('batchUpdate', records, model),
      batchDelete: (records, model) => batch('batchDelete', records, model),
      listRecords,
      setMergingStrategy: async (merging, model) => { await call('setMergingStrategy', { strategy: merging && merging.strategy, model }); },
      deleteRecordsFromPreviousExecutions: (model) => call('deleteRecordsFromPreviousExecutions', { model }),
      trackDeletesStart: async (model) => { await call('trackDeletesStart', { model }); },
      trackDeletesEnd: (model) => call('trackDeletesEnd', { model }),
    });
  }

  // ---- globals the runner provides ---------------------------------------------------------------
  let timerSeq = 0;
  const liveTimers = new Set();
  function setTimeout(fn, ms, ...args) {
    const id = ++timerSeq;
    liveTimers.add(id);
    Promise.resolve(bridge.timer(Number(ms) || 0)).then(() => {
      if (liveTimers.delete(id) && typeof fn === 'function') fn(...args);
    });
    return id;
  }
  function clearTimeout(id) { liveTimers.delete(id); }

  const modules = Object.assign(Object.create(null), nodeModules); // crypto, url: from node-globals.js
  function require(name) {
    const key = name.startsWith('node:') ? name.slice(5) : name;
    const factory = modules[key];
    if (!factory) throw new Error(`Module '${name}' is not allowed`);
    return factory();
  }

  function describeError(e) {
    if (e instanceof ActionError) {
      return JSON.stringify({ kind: 'action_error', payload: e.payload === undefined ? null : e.payload });
    }
    if (e && e.isAxiosError && e.response) {
      return JSON.stringify({ kind: 'http', message: e.message, status: e.response.status, data: e.response.data === undefined ? null : e.response.data,
        headers: e.response.headers || {}, stack: String(e.stack || '') });
    }
    if (e && e.isAxiosError) {
      return JSON.stringify({ kind: 'network', message: e.message, code: e.code || null, stack: String(e.stack || '') });
    }
    if (e instanceof Error) {
      return JSON.stringify({ kind: 'internal', name: e.name, message: e.message, code: e.code === undefined ? null : String(e.code), stack: String(e.stack || '') });
    }
    let text;
    try { text = JSON.stringify(e); } catch (_) { text = String(e); }
    return JSON.stringify({ kind: 'internal', name: 'Error', message: String(text), code: null, stack: '' });
  }

  // Globals of Nango's runner context. Defined non-enumerable, like built-ins.
  for (const [name, value] of [['console', consoleObject], ['setTimeout', setTimeout], ['clearTimeout', clearTimeout]]) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  }

  return {
    nango,
    modules,
    // Runs the CommonJS bundle with the runner's locals and returns module.exports.
    load(moduleFunction) {
      const module = { exports: {} };
      moduleFunction(module, module.exports, require);
      return module.exports;
    },
    entry(exports) {
      const d = exports.default;
      if (typeof d === 'function') return d;
      if (d && typeof d === 'object' && typeof d.exec === 'function') return (n, input) => d.exec(n, input);
      throw new Error('Invalid script exports');
    },
    async run(fn, inputJson) {
      let input = inputJson === null ? undefined : JSON.parse(inputJson);
      if (props.scriptType === 'action' && input && typeof input === 'object' && !Array.isArray(input) && Object.keys(input).length === 0) {
        input = undefined; // the yaml-era runner passes an empty object as undefined
      }
      const output = props.scriptType === 'action' ? await fn(nango, input) : await fn(nango);
      const text = JSON.stringify(output);
      return text === undefined ? null : text;
    },
    describeError,
  };
})
