// nango-jvm's analyzer on top of the TypeScript compiler (the global `ts` of typescript.js), run in GraalJS.
// Two services over one ts.Program per request:
//  - typeCheck: the diagnostics `nango compile` reports (tsc semantics, Nango's compiler options, files checked
//    in Nango's order: each script's imported local files first, stopping a script at its first failing file);
//  - lint: the seed's best practices for scripts, on the TypeScript AST (and the checker where types matter).
// Parsed source files are cached across requests (the lib.*.d.ts files dominate the cost of a program).
/* global ts */
var nangoTs = (function () {
    'use strict';

    let fs = null;
    let LIB_DIR = '';
    let FALLBACK_DIR = '';
    /** fileName -> { text, sf }: source files reused by every later program (binding results included). */
    const sourceFiles = new Map();
    const MAX_PROJECT_FILES = 4000;
    /** ts-node's default ignored diagnostics. */
    const stats = { getSourceFile: 0, files: 0, parsed: 0, resolve: 0 };
    const IGNORED = new Set([6059, 18002, 18003]);
    /** Modules `nango compile` lets a script import without a local file. */
    const ALLOWED_IMPORTS = ['url', 'crypto', 'zod', 'node:url', 'node:crypto', 'botbuilder', 'soap', 'unzipper'];
    const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'proxy', 'paginate']);
    const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);

    function init(javaFs, libDir, fallbackDir) {
        fs = javaFs;
        LIB_DIR = libDir;
        FALLBACK_DIR = fallbackDir;
    }

    /**
     * The compiler options of Nango's CLI (its tsconfig.dev.json) plus what ts-node adds: without a tsconfig of
     * its own, ts-node starts from @tsconfig/node16 (`lib: es2021`: no DOM) with `types: ['node']`, and forces
     * the emit options at the end.
     */
    function compilerOptions() {
        return {
            lib: ['lib.es2021.d.ts'],
            types: ['node'],
            module: ts.ModuleKind.CommonJS,
            target: ts.ScriptTarget.ESNext,
            strict: true,
            esModuleInterop: true,
            skipLibCheck: true,
            forceConsistentCasingInFileNames: true,
            moduleResolution: ts.ModuleResolutionKind.Node10,
            allowUnusedLabels: false,
            allowUnreachableCode: false,
            exactOptionalPropertyTypes: true,
            noFallthroughCasesInSwitch: true,
            noImplicitOverride: true,
            noImplicitReturns: true,
            noPropertyAccessFromIndexSignature: true,
            noUncheckedIndexedAccess: true,
            noUnusedLocals: true,
            noUnusedParameters: true,
            declaration: false,
            sourceMap: true,
            inlineSources: true,
            composite: false,
            checkJs: false,
            noEmit: false,
            outDir: '/__nango_jvm__/out'
        };
    }

    function dirname(p) {
        const i = p.lastIndexOf('/');
        return i <= 0 ? '/' : p.substring(0, i);
    }

    function resolvePath(base, rel) {
        const parts = (rel.startsWith('/') ? rel : base + '/' + rel).split('/');
        const out = [];
        for (const part of parts) {
            if (part === '' || part === '.') continue;
            if (part === '..') out.pop();
            else out.push(part);
        }
        return '/' + out.join('/');
    }

    function makeHost(root, virtualFiles, options) {
        const isVirtualDir = (d) => {
            const dir = d.endsWith('/') ? d : d + '/';
            for (const f of Object.keys(virtualFiles)) {
                if (f.startsWith(dir)) return true;
            }
            return false;
        };
        const readText = (f) => {
            if (Object.prototype.hasOwnProperty.call(virtualFiles, f)) return virtualFiles[f];
            const t = fs.readFile(f);
            return t === null || t === undefined ? undefined : String(t);
        };
        const getSourceFile0 = (fileName, languageVersionOrOptions) => {
                // lib.*.d.ts and the bundled zod never change: no need to fetch (and compare) their text again
                if (fileName.startsWith('/__nango_jvm__/')) {
                    const known = sourceFiles.get(fileName);
                    if (known) return known.sf;
                }
                const text = readText(fileName);
                if (text === undefined) return undefined;
                const cached = sourceFiles.get(fileName);
                if (cached && cached.text === text) return cached.sf;
                stats.parsed++;
                const sf = ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
                sourceFiles.set(fileName, { text: text, sf: sf });
                return sf;
        };
        const host = {
            getSourceFile(fileName, languageVersionOrOptions) {
                const t0 = Date.now();
                try {
                    return getSourceFile0(fileName, languageVersionOrOptions);
                } finally {
                    stats.getSourceFile += Date.now() - t0;
                    stats.files++;
                }
            },
            getDefaultLibFileName: (o) => LIB_DIR + ts.getDefaultLibFileName(o),
            getDefaultLibLocation: () => LIB_DIR.substring(0, LIB_DIR.length - 1),
            writeFile: () => {},
            getCurrentDirectory: () => root,
            getCanonicalFileName: (f) => f,
            useCaseSensitiveFileNames: () => true,
            getNewLine: () => '\n',
            fileExists: (f) => Object.prototype.hasOwnProperty.call(virtualFiles, f) || fs.fileExists(f),
            readFile: readText,
            directoryExists: (d) => isVirtualDir(d) || fs.directoryExists(d),
            getDirectories: (d) => {
                const s = String(fs.getDirectories(d));
                return s === '' ? [] : s.split('\n');
            },
            realpath: (p) => (Object.prototype.hasOwnProperty.call(virtualFiles, p) ? p : String(fs.realpath(p)))
        };
        const cache = ts.createModuleResolutionCache(root, (f) => f, options);
        const resolveOne = (name, containingFile, opts, redirected) => {
            let r = ts.resolveModuleName(name, containingFile, opts, host, cache, redirected);
            if (!r.resolvedModule && (name === 'zod' || name.startsWith('zod/'))) {
                // no zod in the project's node_modules: the webjar's copy
                r = ts.resolveModuleName(name, FALLBACK_DIR + 'index.ts', opts, host, undefined, redirected);
            }
            return r;
        };
        // ts-node's fallback: the `types: ['node']` entry (not a `/// <reference types>`) resolves in the project
        // first, else to the @types/node installed with the CLI (ours: the fallback folder's copy).
        const typeCache = ts.createTypeReferenceDirectiveResolutionCache(root, (f) => f, options, cache.getPackageJsonInfoCache());
        host.resolveTypeReferenceDirectiveReferences = (refs, containingFile, redirected, opts, containingSourceFile) =>
            refs.map((ref) => {
                const name = typeof ref === 'string' ? ref : ref.fileName.toLowerCase();
                const mode = typeof ref === 'string' ? undefined
                    : ts.getModeForFileReference(ref, containingSourceFile && containingSourceFile.impliedNodeFormat);
                let r = ts.resolveTypeReferenceDirective(name, containingFile, opts, host, redirected, typeCache, mode);
                if (!r.resolvedTypeReferenceDirective && ref === 'node') {
                    const fallback = Object.assign({}, opts, { typeRoots: [FALLBACK_DIR + 'node_modules/@types'] });
                    r = ts.resolveTypeReferenceDirective(name, containingFile, fallback, host, redirected, undefined, mode);
                }
                return r;
            });
        host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts) => {
            const t0 = Date.now();
            try {
                return literals.map((lit) => resolveOne(lit.text, containingFile, opts, redirected));
            } finally {
                stats.resolve += Date.now() - t0;
            }
        };
        return host;
    }

    // ------------------------------------------------------------------ type check (nango compile)

    /** Non-type imports the way `nango compile` collects them: named (non-type) or side-effect imports. */
    function nangoImports(sf) {
        const out = [];
        for (const st of sf.statements) {
            if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
            const clause = st.importClause;
            if (!clause) {
                out.push(st.moduleSpecifier.text);
                continue;
            }
            if (clause.isTypeOnly) continue;
            const nb = clause.namedBindings;
            if (nb && ts.isNamedImports(nb) && nb.elements.some((e) => !e.isTypeOnly)) {
                out.push(st.moduleSpecifier.text);
            }
        }
        return out;
    }

    function nangoResolve(fromFile, spec) {
        const p = resolvePath(dirname(fromFile), spec);
        if (p.endsWith('.ts')) return p;
        if (p.endsWith('.js')) return p.substring(0, p.length - 3) + '.ts';
        return p + '.ts';
    }

    function basename(p) {
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * Nango's static checks (nango-checks.js) on a file about to be walked, before its imports: reports every
     * finding and tells whether the script may go on (deprecation warnings do not stop it).
     */
    function passesNangoChecks(sf, entry, modelNames, report) {
        if (!modelNames || typeof nangoChecks === 'undefined') return true;
        const findings = nangoChecks.check(sf, entry.kind, modelNames);
        report(findings);
        return !findings.some((f) => f.severity === 'error');
    }

    /**
     * Nango's per-script walk. `only`: the indices of the entries to check (all when absent); `walked[i]` collects
     * the local files the walk of entry i looked at (present or not), for the incremental cache.
     */
    function typeCheck(program, entries, root, virtualFiles, modelNames, only, walked) {
        const out = [];
        const selected = only ? new Set(only) : null;
        const memo = new Map();
        const exists = (f) => Object.prototype.hasOwnProperty.call(virtualFiles, f) || fs.fileExists(f);
        const diagnosticsOf = (file) => {
            if (memo.has(file)) return memo.get(file);
            const sf = program.getSourceFile(file);
            let list = [];
            if (sf) {
                list = program.getSemanticDiagnostics(sf).concat(program.getSyntacticDiagnostics(sf))
                    .filter((d) => !IGNORED.has(d.code))
                    .map((d) => {
                        const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
                        return {
                            file: d.file ? d.file.fileName : file,
                            line: pos ? pos.line + 1 : 0,
                            col: pos ? pos.character + 1 : 0,
                            code: 'TS' + d.code,
                            message: ts.flattenDiagnosticMessageText(d.messageText, '\n')
                        };
                    });
            }
            memo.set(file, list);
            return list;
        };
        const rootDepth = root.split('/').length;
        entries.forEach((entry, index) => {
            if (selected && !selected.has(index)) return;
            const touched = walked ? (walked[index] = new Set()) : new Set();
            const visiting = new Set();
            const report = (items) => items.forEach((d) => out.push(Object.assign({ entry: index }, d)));
            // depth-first over imported local files, like nango compile's compileImportedFile
            const visit = (file) => {
                const sf = program.getSourceFile(file) || (exists(file) ? ts.createSourceFile(file, fs.readFile(file), ts.ScriptTarget.ESNext, true) : null);
                if (!sf) return true;
                if (!passesNangoChecks(sf, entry, modelNames, report)) return false;
                for (const spec of nangoImports(sf)) {
                    const target = nangoResolve(file, spec);
                    touched.add(target);
                    if (!exists(target)) {
                        if (ALLOWED_IMPORTS.indexOf(spec) < 0) {
                            out.push({ entry: index, file: file, line: 0, col: 0, code: 'import_not_allowed',
                                message: 'Importing libraries is not allowed. Please remove the import "' + spec + '" from "' + basename(file) + '"' });
                            return false;
                        }
                        continue;
                    }
                    if (target.split('/').length < rootDepth) {
                        out.push({ entry: index, file: file, line: 0, col: 0, code: 'import_outside_project',
                            message: 'All imported files must live within the nango-integrations directory. Please move "' + basename(target) + '" into the nango-integrations directory.' });
                        return false;
                    }
                    if (target.indexOf('models.ts') >= 0) continue;
                    const d = diagnosticsOf(target);
                    if (d.length > 0) {
                        report(d);
                        return false;
                    }
                    if (visiting.has(target)) continue;
                    visiting.add(target);
                    if (!visit(target)) return false;
                }
                return true;
            };
            if (visit(entry.file)) {
                report(diagnosticsOf(entry.file));
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ dependencies (incremental cache)

    /**
     * What each entry's diagnostics depend on, for the caller's incremental cache: the files of the program
     * reachable from the entry (resolved modules, type reference directives, triple-slash references, package.json
     * files that affected a resolution), every file that can change the global scope (scripts that are not
     * modules, `declare global` / `declare module`, files no entry reaches, e.g. automatic @types), the files
     * Nango's walk looked at, and the places module resolution looked in vain (a file appearing there changes the
     * resolution). Library files and the virtual fallback packages are left out: the TypeScript version and the
     * bundled zod version cover them.
     */
    function dependencies(program, entries, walked) {
        const skip = (f) => f.startsWith('/__nango_jvm__/');
        const direct = new Map();
        const directOf = (sf) => {
            let d = direct.get(sf.fileName);
            if (d) return d;
            d = { files: new Set(), absent: new Set() };
            direct.set(sf.fileName, d);
            const take = (res, resolved) => {
                if (!res) return;
                (res.failedLookupLocations || []).forEach((p) => { if (!skip(p)) d.absent.add(p); });
                (res.affectingLocations || []).forEach((p) => { if (!skip(p)) d.files.add(p); });
                if (resolved && resolved.resolvedFileName) d.files.add(resolved.resolvedFileName);
            };
            program.forEachResolvedModule((res) => take(res, res.resolvedModule), sf);
            program.forEachResolvedTypeReferenceDirective((res) => take(res, res.resolvedTypeReferenceDirective), sf);
            for (const r of sf.referencedFiles) d.files.add(resolvePath(dirname(sf.fileName), r.fileName));
            return d;
        };
        const affectsGlobals = (sf) => !ts.isExternalModule(sf) || sf.statements.some((st) => ts.isModuleDeclaration(st)
            && (ts.isStringLiteral(st.name) || (st.flags & ts.NodeFlags.GlobalAugmentation) !== 0));
        const reached = new Set();
        const closures = entries.map((entry) => {
            const files = new Set();
            const absent = new Set();
            const queue = [entry.file];
            files.add(entry.file);
            while (queue.length) {
                const f = queue.pop();
                const sf = program.getSourceFile(f);
                if (!sf) continue;
                reached.add(f);
                const d = directOf(sf);
                d.absent.forEach((p) => absent.add(p));
                for (const t of d.files) {
                    if (skip(t) || files.has(t)) continue;
                    files.add(t);
                    queue.push(t);
                }
            }
            return { files: files, absent: absent };
        });
        const global = [];
        for (const sf of program.getSourceFiles()) {
            const f = sf.fileName;
            if (skip(f)) continue;
            if (!reached.has(f) || affectsGlobals(sf)) global.push(f);
        }
        return closures.map((c, i) => {
            const files = new Set(c.files);
            global.forEach((g) => files.add(g));
            if (walked && walked[i]) walked[i].forEach((w) => files.add(w));
            return { files: Array.from(files).sort(), absent: Array.from(c.absent).filter((a) => !files.has(a)).sort() };
        });
    }

    // ------------------------------------------------------------------ lint (the seed's script rules)

    function nameOf(node) {
        if (!node) return undefined;
        if (ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isPrivateIdentifier(node)) return node.text;
        return undefined;
    }

    function isFunctionLike(n) {
        return ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n)
            || ts.isGetAccessor(n) || ts.isSetAccessor(n) || ts.isConstructorDeclaration(n);
    }

    function hasModifier(node, kind) {
        return !!(node.modifiers && node.modifiers.some((m) => m.kind === kind));
    }

    /** The function a file exports as default, with the node to point at. */
    function defaultExport(sf, checker) {
        for (const st of sf.statements) {
            if (ts.isFunctionDeclaration(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword) && hasModifier(st, ts.SyntaxKind.DefaultKeyword)) {
                return { fn: st, name: st.name ? st.name.text : undefined, node: st.name || st, statement: st };
            }
            if (ts.isExportAssignment(st) && !st.isExportEquals) {
                let e = st.expression;
                while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
                if (ts.isFunctionExpression(e) || ts.isArrowFunction(e)) {
                    return { fn: e, name: e.name ? e.name.text : undefined, node: st, statement: st };
                }
                if (ts.isIdentifier(e)) {
                    let decl = null;
                    const sym = checker && checker.getSymbolAtLocation(e);
                    if (sym && sym.declarations && sym.declarations.length) decl = sym.declarations[0];
                    if (decl && ts.isFunctionDeclaration(decl)) {
                        return { fn: decl, name: decl.name ? decl.name.text : e.text, node: e, statement: st, declStatement: decl };
                    }
                    if (decl && ts.isVariableDeclaration(decl) && decl.initializer
                        && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer))) {
                        return { fn: decl.initializer, name: e.text, node: e, statement: st, declStatement: decl.parent.parent };
                    }
                    return { fn: null, name: e.text, node: e, statement: st };
                }
                return { fn: null, name: undefined, node: st, statement: st };
            }
        }
        return null;
    }

    function isProxyTypeName(typeNode) {
        if (!typeNode || !ts.isTypeReferenceNode(typeNode)) return false;
        const n = typeNode.typeName;
        const text = ts.isIdentifier(n) ? n.text : n.right.text;
        return text === 'ProxyConfiguration' || text === 'UserProvidedProxyConfiguration';
    }

    function isNangoReceiver(expr) {
        if (ts.isIdentifier(expr)) return expr.text === 'nango';
        if (ts.isPropertyAccessExpression(expr)) return expr.name.text === 'nango';
        return false;
    }

    /** Is this call `nango.get|post|put|patch|delete|proxy|paginate(...)`? */
    function isNangoHttpCall(call) {
        const callee = call.expression;
        return ts.isPropertyAccessExpression(callee) && HTTP_METHODS.has(callee.name.text) && isNangoReceiver(callee.expression);
    }

    function unwrap(e) {
        while (e && (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e))) e = e.expression;
        return e;
    }

    /** Object literals used as a ProxyConfiguration in a file: typed as one, or passed to a nango HTTP call. */
    function proxyConfigObjects(sf, checker) {
        const found = new Set();
        const visit = (node) => {
            if (ts.isVariableDeclaration(node) && node.initializer) {
                const init = unwrap(node.initializer);
                if (init && ts.isObjectLiteralExpression(init) && isProxyTypeName(node.type)) found.add(init);
            }
            if ((ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node))
                && isProxyTypeName(node.type)) {
                const inner = unwrap(node.expression);
                if (inner && ts.isObjectLiteralExpression(inner)) found.add(inner);
            }
            if (ts.isCallExpression(node) && isNangoHttpCall(node) && node.arguments.length > 0) {
                const arg = unwrap(node.arguments[0]);
                if (arg && ts.isObjectLiteralExpression(arg)) {
                    found.add(arg);
                } else if (arg && ts.isIdentifier(arg) && checker) {
                    const sym = checker.getSymbolAtLocation(arg);
                    const decl = sym && sym.valueDeclaration;
                    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && decl.getSourceFile() === sf) {
                        const init = unwrap(decl.initializer);
                        if (init && ts.isObjectLiteralExpression(init)) found.add(init);
                    }
                }
            }
            ts.forEachChild(node, visit);
        };
        visit(sf);
        return Array.from(found).sort((a, b) => a.pos - b.pos);
    }

    function propertyNamed(obj, name) {
        for (const p of obj.properties) {
            if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && nameOf(p.name) === name) return p;
        }
        return null;
    }

    function lintFile(ctx, sf, kinds, isEntry, entry) {
        const { checker, add } = ctx;
        const text = sf.text;
        // relative non-type imports need the .js extension (Node16-style resolution, and what the seed asks)
        for (const st of sf.statements) {
            let spec = null;
            if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
                const c = st.importClause;
                const typeOnly = c && (c.isTypeOnly || (!c.name && c.namedBindings && ts.isNamedImports(c.namedBindings)
                    && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly)));
                if (!typeOnly) spec = st.moduleSpecifier;
            } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && !st.isTypeOnly) {
                spec = st.moduleSpecifier;
            }
            if (spec && (spec.text.startsWith('./') || spec.text.startsWith('../'))
                && !/\.(js|cjs|mjs|json)$/.test(spec.text)) {
                const fixed = spec.text.endsWith('.ts') ? spec.text.slice(0, -3) + '.js' : spec.text + '.js';
                add('import_missing_js_extension', sf, spec,
                    "Relative import '" + spec.text + "' is not a type-only import and has no .js extension: write '" + fixed
                    + "' (or use `import type` if it only brings types).");
            }
        }
        const expectedRetries = kinds.size === 1 && kinds.has('sync') ? 10 : kinds.size === 1 && kinds.has('action') ? 3 : null;
        const walk = (node) => {
            if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)
                && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'console'
                && CONSOLE_METHODS.has(node.expression.name.text)) {
                add('console_log', sf, node, 'console.' + node.expression.name.text
                    + '() output does not reach Nango\'s logs: use `await nango.log(...)` instead.');
            }
            if (isEntry && entry.kind === 'action' && ts.isThrowStatement(node) && node.expression) {
                const e = unwrap(node.expression);
                if (e && (ts.isNewExpression(e) || ts.isCallExpression(e)) && ts.isIdentifier(e.expression) && e.expression.text === 'Error') {
                    add('action_throws_error', sf, node, 'An action should not throw a generic Error: throw new nango.ActionError({ message: \'...\' }) so the caller gets a structured error.');
                }
            }
            ts.forEachChild(node, walk);
        };
        walk(sf);
        for (const obj of proxyConfigObjects(sf, checker)) {
            const retries = propertyNamed(obj, 'retries');
            const hasSpread = obj.properties.some((p) => ts.isSpreadAssignment(p));
            const want = expectedRetries === null ? 'retries (10 in a sync, 3 in an action)' : 'retries: ' + expectedRetries;
            if (!retries && !hasSpread) {
                add('proxy_missing_retries', sf, obj, 'This ProxyConfiguration sets no retries: add `' + want + '`'
                    + (expectedRetries === null ? '' : ' (the default for ' + (expectedRetries === 10 ? 'syncs' : 'actions') + ')') + '.');
            } else if (retries && expectedRetries !== null && ts.isPropertyAssignment(retries)
                && ts.isNumericLiteral(retries.initializer) && Number(retries.initializer.text) !== expectedRetries) {
                add('proxy_retries_value', sf, retries, 'retries is ' + retries.initializer.text + ' but '
                    + (expectedRetries === 10 ? 'a sync' : 'an action') + ' should use ' + expectedRetries + ': set `retries: ' + expectedRetries + '`.');
            }
            const endpoint = propertyNamed(obj, 'endpoint');
            if (endpoint) {
                const comments = ts.getLeadingCommentRanges(text, endpoint.getFullStart()) || [];
                const documented = comments.some((c) => /https?:\/\//.test(text.substring(c.pos, c.end)));
                if (!documented) {
                    add('endpoint_missing_doc_link', sf, endpoint, 'Add a comment with the API documentation link above the endpoint property, e.g. `// https://developer.example.com/docs/list-users`.');
                }
            }
        }
        if (!isEntry || entry.kind === 'on-event') return;
        const want = entry.kind === 'sync' ? 'fetchData' : 'runAction';
        const signature = entry.kind === 'sync' ? 'export default async function fetchData(nango: NangoSync)'
            : 'export default async function runAction(nango: NangoAction, input: ...)';
        const def = defaultExport(sf, checker);
        if (!def) {
            add('entry_not_default_export', sf, sf.statements.length ? sf.statements[0] : sf,
                'The ' + entry.kind + ' has no default export: `' + want + '` must be the default export (' + signature + ').');
            return;
        }
        if (def.name !== want) {
            add('entry_not_default_export', sf, def.node, 'The default export of a' + (entry.kind === 'sync' ? ' sync' : 'n action') + ' must be `'
                + want + '`' + (def.name ? ', not `' + def.name + '`' : '') + ': ' + signature + '.');
        }
        const declStatement = def.declStatement || def.statement;
        for (const st of sf.statements) {
            if (st === declStatement || st === def.statement) break;
            const isHelper = ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)
                || (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => d.initializer
                    && (ts.isArrowFunction(unwrap(d.initializer)) || ts.isFunctionExpression(unwrap(d.initializer)))));
            if (isHelper) {
                add('entry_not_at_top', sf, st, '`' + want + '` should be the first function of the file, right after the imports: move this helper below it.');
                break;
            }
        }
        if (entry.kind !== 'action' || !def.fn) return;
        const fn = def.fn;
        // an action returns an object, never an array
        let flagged = false;
        if (checker) {
            const sig = checker.getSignatureFromDeclaration(fn);
            if (sig && fn.type) {
                const ret = checker.getAwaitedType(checker.getReturnTypeOfSignature(sig)) || checker.getReturnTypeOfSignature(sig);
                if (ret && (checker.isArrayType(ret) || checker.isTupleType(ret))) {
                    add('action_returns_array', sf, fn.type, 'An action must return an object, not an array: wrap the list, e.g. `return { items }`, and declare an object output model.');
                    flagged = true;
                }
            }
        }
        if (!flagged && fn.body) {
            const visitReturns = (node) => {
                if (flagged) return;
                if (node !== fn && isFunctionLike(node)) return;
                if (ts.isReturnStatement(node) && node.expression) {
                    const e = unwrap(node.expression);
                    let isArray = ts.isArrayLiteralExpression(e);
                    if (!isArray && checker) {
                        const t = checker.getTypeAtLocation(node.expression);
                        const awaited = t && (checker.getAwaitedType(t) || t);
                        isArray = !!awaited && (checker.isArrayType(awaited) || checker.isTupleType(awaited));
                    }
                    if (isArray) {
                        add('action_returns_array', sf, node, 'An action must return an object, not an array: wrap the list, e.g. `return { items }`, and declare an object output model.');
                        flagged = true;
                        return;
                    }
                }
                ts.forEachChild(node, visitReturns);
            };
            if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) {
                const e = unwrap(fn.body);
                if (ts.isArrayLiteralExpression(e)) {
                    add('action_returns_array', sf, fn.body, 'An action must return an object, not an array: wrap the list, e.g. `return { items }`, and declare an object output model.');
                }
            } else {
                ts.forEachChild(fn.body, visitReturns);
            }
        }
        // a paginated list action (its input has a cursor) must hand back a cursor
        const hasCursor = (names) => names.some((n) => /cursor/i.test(n));
        let inputFields = entry.inputFields;
        if (!inputFields && checker && fn.parameters.length > 1) {
            const t = checker.getTypeAtLocation(fn.parameters[1]);
            inputFields = t ? checker.getPropertiesOfType(t).map((p) => p.name) : null;
        }
        if (inputFields && hasCursor(inputFields)) {
            let outputFields = entry.outputFields;
            if (!outputFields && checker) {
                const sig = checker.getSignatureFromDeclaration(fn);
                const ret = sig && (checker.getAwaitedType(checker.getReturnTypeOfSignature(sig)) || checker.getReturnTypeOfSignature(sig));
                outputFields = ret ? checker.getPropertiesOfType(ret).map((p) => p.name) : null;
            }
            if (outputFields && !hasCursor(outputFields)) {
                add('paginated_action_without_cursor', sf, def.node, 'This action takes a cursor in its input but returns none: add a `next_cursor?: string` to its output model and return the API\'s next cursor (undefined when there are no more results).');
            }
        }
    }

    function lint(program, checker, entries, root) {
        const out = [];
        const seen = new Set();
        const ctx = {
            checker: checker,
            add(code, sf, node, message) {
                const start = node.getStart ? node.getStart(sf) : 0;
                const pos = sf.getLineAndCharacterOfPosition(start);
                const key = code + '|' + sf.fileName + '|' + start;
                if (seen.has(key)) return;
                seen.add(key);
                out.push({ code: code, message: message, file: sf.fileName, line: pos.line + 1, col: pos.character + 1 });
            }
        };
        // local files reachable from each entry through relative imports, with the kinds of script using them
        const kindsOf = new Map();
        const order = [];
        const collect = (file, kind) => {
            const sf = program.getSourceFile(file);
            if (!sf) return;
            if (!kindsOf.has(file)) {
                kindsOf.set(file, new Set());
                order.push(file);
            } else if (kindsOf.get(file).has(kind)) {
                return;
            }
            kindsOf.get(file).add(kind);
            for (const st of sf.statements) {
                const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier
                    && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
                if (!spec || !(spec.startsWith('./') || spec.startsWith('../'))) continue;
                const r = ts.resolveModuleName(spec, file, program.getCompilerOptions(), {
                    fileExists: (f) => !!program.getSourceFile(f) || fs.fileExists(f),
                    readFile: (f) => fs.readFile(f)
                });
                const target = r.resolvedModule && r.resolvedModule.resolvedFileName;
                if (!target || target.endsWith('.d.ts') || /\/models\.ts$/.test(target) || !target.startsWith(root + '/')) continue;
                collect(target, kind);
            }
        };
        const entryFiles = new Map();
        for (const e of entries) {
            entryFiles.set(e.file, e);
            collect(e.file, e.kind);
        }
        for (const file of order) {
            const sf = program.getSourceFile(file);
            const entry = entryFiles.get(file);
            lintFile(ctx, sf, kindsOf.get(file), !!entry, entry);
        }
        return out;
    }

    // ------------------------------------------------------------------ entry point

    function analyze(requestJson) {
        const req = JSON.parse(requestJson);
        const t0 = Date.now();
        const options = compilerOptions();
        const host = makeHost(req.root, req.virtualFiles || {}, options);
        const rootNames = req.entries.map((e) => e.file);
        const program = ts.createProgram({ rootNames: rootNames, options: options, host: host });
        const tp = Date.now();
        // the checker binds every file and merges the globals: timed apart from checking
        program.getTypeChecker();
        const t1 = Date.now();
        const result = { typeErrors: [], lint: [], timings: { programMillis: tp - t0, checkerMillis: t1 - tp } };
        const walked = req.deps ? [] : null;
        if (req.typeCheck) {
            result.typeErrors = typeCheck(program, req.entries, req.root, req.virtualFiles || {}, req.modelNames, req.checkEntries, walked);
        }
        if (req.deps) {
            result.deps = dependencies(program, req.entries, walked);
        }
        const t2 = Date.now();
        result.timings.typeCheckMillis = t2 - t1;
        if (req.lint) {
            result.lint = lint(program, program.getTypeChecker(), req.entries, req.root);
        }
        result.timings.lintMillis = Date.now() - t2;
        result.timings.stats = Object.assign({}, stats);
        stats.getSourceFile = 0; stats.files = 0; stats.parsed = 0; stats.resolve = 0;
        return JSON.stringify(result);
    }

    return { init: init, analyze: analyze };
})();
