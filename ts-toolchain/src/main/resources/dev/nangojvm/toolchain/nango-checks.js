// The static checks yaml-era `nango compile` runs on every script file (and on each local file it imports)
// before type-checking it (format spec §3.1, "yaml-era static checks"). Written on the TypeScript AST; Nango walks
// a Babel AST, so where the two trees differ we follow what Babel would see (noted below).
// Each finding: { code, severity: 'error' | 'warning', message, file, line, col } with 1-based line and column.
// A file with an error finding fails its script, as in Nango; deprecation warnings never do.
/* global ts */
var nangoChecks = (function () {
    'use strict';

    /** `nango.<m>()` calls whose promise must be awaited, returned or then-ed. */
    const MUST_AWAIT = new Set(['batchSend', 'batchSave', 'batchDelete', 'log', 'getFieldMapping', 'setFieldMapping',
        'getMetadata', 'setMetadata', 'proxy', 'get', 'post', 'put', 'patch', 'delete', 'getConnection',
        'getEnvironmentVariables', 'triggerAction', 'setMergingStrategy', 'deleteRecordsFromPreviousExecutions',
        'trackDeletesStart', 'trackDeletesEnd']);
    /** Record-writing calls an action may not make. */
    const NOT_IN_ACTION = new Set(['batchSend', 'batchSave', 'batchDelete', 'batchUpdate']);
    const DEPRECATED = {
        batchSend: 'batchSave',
        getFieldMapping: 'getMetadata',
        setFieldMapping: 'setMetadata',
        deleteRecordsFromPreviousExecutions: 'trackDeletesStart and trackDeletesEnd'
    };
    const PROXY_CALLS = new Set(['proxy', 'get', 'post', 'put', 'patch', 'delete']);
    const BATCHING_CALLS = new Set(['batchSave', 'batchDelete', 'batchUpdate']);
    /** Calls whose last string-literal argument names a model. */
    const MODEL_CALLS = new Set(['batchSave', 'batchDelete', 'batchUpdate', 'setMergingStrategy',
        'deleteRecordsFromPreviousExecutions', 'trackDeletesStart', 'trackDeletesEnd', 'getRecordsByIds']);

    /**
     * The method name of a `nango.<m>(...)` call, else null. Babel drops parentheses but keeps `!`, `as` and
     * optional chains as their own nodes, and Nango only looks at plain calls on the identifier `nango`.
     */
    function nangoMethod(call) {
        if (!ts.isCallExpression(call) || ts.isOptionalChain(call)) return null;
        const callee = call.expression;
        if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name)) return null;
        let receiver = callee.expression;
        while (ts.isParenthesizedExpression(receiver)) receiver = receiver.expression;
        return ts.isIdentifier(receiver) && receiver.text === 'nango' ? callee.name.text : null;
    }

    /**
     * Nango accepts a call with an `await`, a `return` or a `.then`/`.catch` anywhere above it, even across
     * function boundaries (so `await Promise.all(ids.map((id) => nango.get(...)))` passes).
     */
    function isHandled(call) {
        for (let n = call.parent; n && !ts.isSourceFile(n); n = n.parent) {
            if (ts.isAwaitExpression(n) || ts.isReturnStatement(n)) return true;
            // an optional `?.then` is a different node kind for Babel, so it does not count
            if (ts.isPropertyAccessExpression(n) && !(n.flags & ts.NodeFlags.OptionalChain) && ts.isIdentifier(n.name)
                && (n.name.text === 'then' || n.name.text === 'catch')) return true;
        }
        return false;
    }

    /** The identifier-named properties of an object literal (Babel's ObjectProperty: `a: x` and shorthand `a`). */
    function plainPropertyNames(obj) {
        const names = new Set();
        for (const p of obj.properties) {
            if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name)) names.add(p.name.text);
        }
        return names;
    }

    function unwrapParens(e) {
        while (e && ts.isParenthesizedExpression(e)) e = e.expression;
        return e;
    }

    /** The default-exported function of a file (Babel's ExportDefaultDeclaration of a function), else null. */
    function defaultExportedFunction(st) {
        if (ts.isFunctionDeclaration(st) && st.body && st.modifiers
            && st.modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)
            && st.modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return st;
        if (ts.isExportAssignment(st) && !st.isExportEquals) {
            const e = unwrapParens(st.expression);
            if (ts.isFunctionExpression(e) || ts.isArrowFunction(e)) return e;
        }
        return null;
    }

    /** Where Babel starts a default-exported function declaration: after `export default`, at `async`/`function`. */
    function functionStart(fn, sf) {
        if (!ts.isFunctionDeclaration(fn)) return fn.getStart(sf);
        const asyncModifier = (fn.modifiers || []).find((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
        if (asyncModifier) return asyncModifier.getStart(sf);
        const keyword = fn.getChildren(sf).find((c) => c.kind === ts.SyntaxKind.FunctionKeyword);
        return keyword ? keyword.getStart(sf) : fn.getStart(sf);
    }

    /**
     * Does a `return <value>` occur in the function's own body? Nested function declarations, expressions and
     * arrows are skipped, but (as in Nango) object and class methods are not.
     */
    function returnsValue(fn) {
        let found = false;
        const visit = (node) => {
            if (found || ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) return;
            if (ts.isReturnStatement(node) && node.expression) {
                found = true;
                return;
            }
            ts.forEachChild(node, visit);
        };
        ts.forEachChild(fn.body, visit);
        return found;
    }

    /**
     * Runs every check on one source file.
     * @param sf the parsed file
     * @param kind the kind of script the file belongs to ('sync', 'action' or 'on-event'); helpers are checked
     *     with the kind of the script importing them, as Nango does
     * @param modelNames every model of the nango.yaml, in Nango's parse order (the "possible model names")
     */
    function check(sf, kind, modelNames) {
        const out = [];
        const file = sf.fileName;
        // Nango names the file by the absolute path it compiles, with the line when there is one
        const where = (line) => '"' + file + (line ? ':' + line : '') + '"';
        const positionOf = (pos) => {
            const lc = sf.getLineAndCharacterOfPosition(pos);
            return { line: lc.line + 1, col: lc.character + 1 };
        };
        const add = (code, severity, message, at) => {
            out.push({ code: code, severity: severity, message: message, file: file, line: at.line, col: at.col });
        };
        // positions of the calls the ordering rules compare (Nango compares line numbers only)
        const calls = { proxy: [], batching: [], mergingStrategy: [], deleteRecords: [] };
        const trackDeletes = new Map();

        const onNangoCall = (call, method) => {
            const at = positionOf(call.getStart(sf));
            if (Object.prototype.hasOwnProperty.call(DEPRECATED, method)) {
                add('deprecated_method', 'warning', 'nango.' + method + '() used at line ' + at.line + ' is deprecated. Use nango.'
                    + DEPRECATED[method] + '() instead.', at);
            }
            if (kind === 'action' && NOT_IN_ACTION.has(method)) {
                add('batch_call_in_action', 'error', 'nango.' + method + '() calls are not allowed in an action script. Please remove it at '
                    + where(at.line) + '.', at);
            }
            if (MUST_AWAIT.has(method) && !isHandled(call)) {
                add('nango_call_not_awaited', 'error', 'nango.' + method + '() calls must be awaited in ' + where(at.line)
                    + '. Not awaiting can lead to unexpected results.', at);
            }
            const args = call.arguments;
            if (MODEL_CALLS.has(method) && args.length > 1) {
                const last = args[args.length - 1];
                if (ts.isStringLiteral(last) && modelNames.indexOf(last.text) < 0) {
                    add('invalid_model_name', 'error', '"' + last.text + '" is not a valid model name. Please check ' + where(at.line)
                        + '. The possible model names are: ' + modelNames.join(', '), at);
                }
            }
            const first = args.length > 0 ? unwrapParens(args[0]) : null;
            if (first && ts.isObjectLiteralExpression(first)) {
                const names = plainPropertyNames(first);
                if (names.has('retryOn') && !names.has('retries')) {
                    add('retry_on_without_retries', 'error', "Usage of 'retryOn' without 'retries' at " + where(at.line)
                        + ". 'retryOn' should not be used if 'retries' is not set.", at);
                }
            }
            if (PROXY_CALLS.has(method)) calls.proxy.push(at);
            if (BATCHING_CALLS.has(method)) calls.batching.push(at);
            if (method === 'setMergingStrategy') calls.mergingStrategy.push(at);
            if (method === 'deleteRecordsFromPreviousExecutions') calls.deleteRecords.push(at);
            if ((method === 'trackDeletesStart' || method === 'trackDeletesEnd') && args.length > 0 && ts.isStringLiteral(args[0])) {
                const model = args[0].text;
                if (!trackDeletes.has(model)) trackDeletes.set(model, { starts: [], ends: [] });
                trackDeletes.get(model)[method === 'trackDeletesStart' ? 'starts' : 'ends'].push(at);
            }
        };

        const visit = (node) => {
            const fn = kind === 'sync' && node.parent === sf ? defaultExportedFunction(node) : null;
            if (fn && returnsValue(fn)) {
                const at = positionOf(functionStart(fn, sf));
                add('sync_returns_value', 'error', 'The default exported function fetchData at ' + where(at.line)
                    + ' must not return a value. Sync functions should not return but rather use batchSave to save data.', at);
            }
            const method = ts.isCallExpression(node) ? nangoMethod(node) : null;
            if (method) onNangoCall(node, method);
            ts.forEachChild(node, visit);
        };
        ts.forEachChild(sf, visit);

        checkOrdering(calls, trackDeletes, where, add);
        return out;
    }

    const firstLine = (list) => list.reduce((a, b) => (b.line < a.line ? b : a));
    const lastLine = (list) => list.reduce((a, b) => (b.line > a.line ? b : a));

    /** The ordering rules, reported after the per-call findings like Nango (which checks them after its walk). */
    function checkOrdering(calls, trackDeletes, where, add) {
        const { proxy, batching, mergingStrategy, deleteRecords } = calls;
        const after = (list, at) => list.some((c) => c.line > at.line);
        if (batching.length && mergingStrategy.length && mergingStrategy.some((c) => c.line > firstLine(batching).line)) {
            const at = firstLine(mergingStrategy);
            add('merging_strategy_order', 'error', 'setMergingStrategy should be called before any batching records function in ' + where(at.line) + '.', at);
        }
        if (proxy.length && mergingStrategy.length && mergingStrategy.some((c) => c.line > firstLine(proxy).line)) {
            const at = firstLine(mergingStrategy);
            add('merging_strategy_order', 'error', 'setMergingStrategy should be called before any proxy function in ' + where(at.line) + '.', at);
        }
        if (deleteRecords.length > 1) {
            const at = lastLine(deleteRecords);
            add('delete_records_order', 'error', 'deleteRecordsFromPreviousExecutions should be called only once in ' + where(at.line) + '.', at);
        }
        if (batching.length && deleteRecords.length && after(batching, firstLine(deleteRecords))) {
            const at = lastLine(deleteRecords);
            add('delete_records_order', 'error', 'deleteRecordsFromPreviousExecutions should be called after all batching records functions in '
                + where(at.line) + '.', at);
        }
        for (const [model, { starts, ends }] of trackDeletes) {
            const prefix = (method) => method + " for model '" + model + "' ";
            if (starts.length > 1) {
                const at = lastLine(starts);
                add('track_deletes_order', 'error', prefix('trackDeletesStart') + 'should be called only once in ' + where(at.line) + '.', at);
            }
            if (ends.length > 1) {
                const at = lastLine(ends);
                add('track_deletes_order', 'error', prefix('trackDeletesEnd') + 'should be called only once in ' + where(at.line) + '.', at);
            }
            // Nango names no line when one half is missing; the diagnostic still points at the half that is there
            const file = where(null);
            if (ends.length && !starts.length) {
                add('track_deletes_order', 'error', prefix('trackDeletesEnd') + 'is called but trackDeletesStart is never called in ' + file + '.', firstLine(ends));
            }
            if (starts.length && !ends.length) {
                add('track_deletes_order', 'error', prefix('trackDeletesStart') + 'is called but trackDeletesEnd is never called in ' + file + '.', firstLine(starts));
            }
            if (starts.length && ends.length && after(starts, firstLine(ends))) {
                const at = firstLine(starts);
                add('track_deletes_order', 'error', prefix('trackDeletesStart') + 'should be called before trackDeletesEnd in ' + where(at.line) + '.', at);
            }
            if (starts.length && batching.some((c) => c.line < lastLine(starts).line)) {
                const at = lastLine(starts);
                add('track_deletes_order', 'error', prefix('trackDeletesStart') + 'should be called before all batching records functions in '
                    + where(at.line) + '.', at);
            }
            if (ends.length && after(batching, firstLine(ends))) {
                const at = firstLine(ends);
                add('track_deletes_order', 'error', prefix('trackDeletesEnd') + 'should be called after all batching records functions in '
                    + where(at.line) + '.', at);
            }
        }
    }

    return { check: check };
})();
