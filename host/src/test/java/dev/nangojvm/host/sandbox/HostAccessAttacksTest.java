package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.assertHealthy;
import static dev.nangojvm.host.sandbox.Attacks.output;
import static dev.nangojvm.host.sandbox.Attacks.runAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Attacks that try to reach the JVM: interop globals, constructor chains, host objects and host errors. */
@DisplayName("host and Java access")
class HostAccessAttacksTest {
    final IntegrationHost host = Attacks.strict();

    @AfterEach
    void hostStaysHealthy() {
        assertHealthy(host);
    }

    @Test
    void noInteropOrShellGlobalIsDefined() {
        var r = runAction(host, """
                const names = ['Java', 'Polyglot', 'Packages', 'java', 'javax', 'com', 'org', 'edu', 'load', 'loadWithNewGlobal',
                  'print', 'printErr', 'Graal', 'quit', 'exit', 'read', 'readline', 'readbuffer', 'process', 'global', 'WebAssembly'];
                return Object.fromEntries(names.map((n) => [n, typeof globalThis[n]]));
                """);
        assertThat(output(r).properties()).allSatisfy(e -> assertThat(e.getValue().asText()).as(e.getKey()).isEqualTo("undefined"));
    }

    @Test
    void javaTypeCannotBeReachedEvenThroughAFreshGlobalLookup() {
        var r = runAction(host, """
                const out = [];
                for (const expr of [() => Java.type('java.lang.Runtime'), () => Packages.java.lang.Runtime.getRuntime(),
                                    () => java.lang.System.exit(1), () => Polyglot.eval('js', '1'), () => load('/etc/passwd'),
                                    () => Graal.versionJS]) {
                  try { out.push(String(expr())); } catch (e) { out.push(e.name); }
                }
                return out;
                """);
        assertThat(output(r).toString()).isEqualTo("[\"ReferenceError\",\"ReferenceError\",\"ReferenceError\",\"ReferenceError\",\"ReferenceError\",\"ReferenceError\"]");
    }

    @Test
    void theGlobalConstructorChainYieldsOnlyTheGuestGlobalOrIsDenied() {
        var r = runAction(host, """
                const out = {};
                const chains = {
                  thisCtor: () => this.constructor.constructor('return this')(),
                  globalCtor: () => globalThis.constructor.constructor('return this')(),
                  asyncCtor: () => (async () => {}).constructor('return this')(),
                  generatorCtor: () => (function* () {}).constructor('return this')().next(),
                  promiseCtor: () => Promise.resolve().constructor.constructor('return process')(),
                  errorCtor: () => Error.constructor('return process')(),
                  requireCtor: () => require.constructor('return process')(),
                  setTimeoutCtor: () => setTimeout.constructor('return process')(),
                };
                for (const [k, f] of Object.entries(chains)) {
                  try { const v = f(); out[k] = v === globalThis ? 'guest global' : typeof v; } catch (e) { out[k] = e.name; }
                }
                return out;
                """);
        // strict: code generation from strings is off, so every Function-constructor chain is an EvalError.
        assertThat(output(r).properties()).allSatisfy(e -> assertThat(e.getValue().asText()).as(e.getKey()).isEqualTo("EvalError"));
    }

    @Test
    void withEvalAllowedConstructorChainsStillEndInTheGuestRealm() {
        IntegrationHost standard = Attacks.standard();
        var r = runAction(standard, """
                const g = this.constructor.constructor('return this')();
                const viaNango = nango.get.constructor.constructor('return this')();
                const viaAsync = await (async () => {}).constructor('return this')();
                return { same: g === globalThis && viaNango === globalThis && viaAsync === globalThis,
                         process: typeof g.process, java: typeof g.Java, pkgs: typeof g.Packages };
                """);
        assertThat(output(r).toString()).isEqualTo("{\"same\":true,\"process\":\"undefined\",\"java\":\"undefined\",\"pkgs\":\"undefined\"}");
        assertHealthy(standard);
    }

    @Test
    void theNangoObjectIsPlainJavaScriptAllTheWayDown() {
        var r = runAction(host, """
                const seen = new Set();
                const foreign = [];
                const walk = (o, path, depth) => {
                  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || depth > 4) return;
                  seen.add(o);
                  for (const k of ['getClass', 'hashCode', 'wait', 'notify', 'class', 'bridge', 'host', '__proto__']) {
                    if (k !== '__proto__' && o[k] !== undefined && o[k] !== Object.prototype[k] && o[k] !== Function.prototype[k]) foreign.push(path + '.' + k);
                  }
                  for (const k of Reflect.ownKeys(o)) {
                    const d = Object.getOwnPropertyDescriptor(o, k);
                    if (d && 'value' in d) walk(d.value, path + '.' + String(k), depth + 1);
                  }
                  walk(Object.getPrototypeOf(o), path + '.[[proto]]', depth + 1);
                };
                walk(nango, 'nango', 0);
                const json = JSON.stringify(nango);
                const keys = []; for (const k in nango) keys.push(k);
                return { foreign, bridgeInJson: /bridge|Thenable|dev\\.nangojvm|java\\./.test(json), keys: keys.includes('bridge') };
                """);
        assertThat(output(r).toString()).isEqualTo("{\"foreign\":[],\"bridgeInJson\":false,\"keys\":false}");
    }

    @Test
    void nangoFunctionsHaveNoCallerOrArgumentsToClimb() {
        var r = runAction(host, """
                const out = {};
                for (const name of ['get', 'getConnection', 'log', 'getMetadata']) {
                  try { out[name] = String(nango[name].caller); } catch (e) { out[name] = e.name; }
                }
                let callerSeen = 'none';
                await new Promise((resolve) => setTimeout(function cb() { callerSeen = typeof cb.caller === 'function' ? 'leaked ' + cb.caller.name : 'none'; resolve(); }, 0));
                out.timerCaller = callerSeen;
                return out;
                """);
        assertThat(output(r).toString()).isEqualTo(
                "{\"get\":\"TypeError\",\"getConnection\":\"TypeError\",\"log\":\"TypeError\",\"getMetadata\":\"TypeError\",\"timerCaller\":\"none\"}");
    }

    @Test
    void aHostErrorReachesTheScriptAsAPlainErrorWithoutJavaDetails() {
        FakeNango nango = new FakeNango("action");
        nango.responder = cfg -> { throw new IllegalStateException("java.sql.SQLException at dev.nangojvm.secret.Internal token=" + FakeNango.SECRET); };
        var r = runAction(host, """
                try { await nango.get({ endpoint: '/boom' }); return 'no error'; }
                catch (e) {
                  const ctor = e.constructor.constructor;
                  let escaped;
                  try { escaped = ctor('return this')(); } catch (x) { escaped = x.name; }
                  return { name: e.name, message: e.message, proto: Object.getPrototypeOf(e) === Error.prototype,
                           escaped, keys: Object.keys(e), stackHasJava: /\\.java|dev\\.nangojvm|org\\.graalvm/.test(String(e.stack)) };
                }
                """, nango);
        assertThat(output(r).toString()).isEqualTo("{\"name\":\"Error\",\"message\":\"nango.proxy failed in the host: IllegalStateException\","
                + "\"proto\":true,\"escaped\":\"EvalError\",\"keys\":[\"code\"],\"stackHasJava\":false}");
    }

    @Test
    void errorPrepareStackTraceIsNeverCalledWithHostFrames() {
        var r = runAction(host, """
                let called = false;
                Error.prepareStackTrace = (err, frames) => { called = true; return frames.map((f) => typeof f.getThis === 'function' && f.getThis()); };
                Error.stackTraceLimit = Infinity;
                let stack;
                try { await nango.getMetadata(); null.x; } catch (e) { stack = e.stack; }
                return { called, stackType: typeof stack, captureStackTrace: typeof Error.captureStackTrace };
                """);
        assertThat(output(r).toString()).isEqualTo("{\"called\":false,\"stackType\":\"string\",\"captureStackTrace\":\"undefined\"}");
    }

    @Test
    void replacingPromiseCannotCaptureAHostThenable() {
        var r = runAction(host, """
                const captured = [];
                const RealPromise = Promise;
                globalThis.Promise = new Proxy(RealPromise, {
                  get(t, k) { const v = Reflect.get(t, k); return k === 'resolve' ? (x) => { captured.push(x); return v.call(t, x); } : v; },
                  construct(t, args) { return Reflect.construct(t, args); },
                });
                await new RealPromise((resolve) => setTimeout(resolve, 1));
                await nango.getMetadata();
                const foreign = captured.filter((x) => x !== null && typeof x === 'object' && !(x instanceof RealPromise));
                return { captured: captured.length, foreign: foreign.map((x) => Object.prototype.toString.call(x)) };
                """);
        assertThat(output(r).path("foreign").toString()).isEqualTo("[]");
    }

    @Test
    void requireHandsOutNoNodeInternals() {
        var r = runAction(host, """
                const out = {};
                for (const m of ['fs', 'child_process', 'net', 'http', 'process', 'vm', 'worker_threads', 'node:fs', 'module', '../../etc/passwd']) {
                  try { require(m); out[m] = 'loaded'; } catch (e) { out[m] = e.message; }
                }
                return out;
                """);
        assertThat(output(r).properties()).allSatisfy(e -> assertThat(e.getValue().asText()).startsWith("Module '").endsWith("' is not allowed"));
    }

    @Test
    void aModuleThePolicyDoesNotAllowCannotBeRequiredEvenIfTheRuntimeHasIt() {
        IntegrationHost noCrypto = Attacks.host(Attacks.STRICT.toBuilder().allowedModules(java.util.Set.of("url")).build());
        ExecutionResult r = runAction(noCrypto, """
                const out = {};
                for (const m of ['crypto', 'node:crypto']) { try { require(m); out[m] = 'loaded'; } catch (e) { out[m] = e.message; } }
                return out;
                """);
        assertThat(output(r).toString()).isEqualTo("{\"crypto\":\"Module 'crypto' is not allowed\",\"node:crypto\":\"Module 'node:crypto' is not allowed\"}");
        assertHealthy(noCrypto);
    }
}
