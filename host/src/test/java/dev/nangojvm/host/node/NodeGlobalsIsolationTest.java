package dev.nangojvm.host.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.internal.ContextFactory;
import dev.nangojvm.host.internal.GraalRuntime;
import dev.nangojvm.host.internal.NodeCrypto;
import dev.nangojvm.policy.ScriptPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * node-globals.js holds the host's {@link NodeCrypto} in a closure. This walks everything a
 * script can reach by reflection from the globals, the modules and instances of every class,
 * and asks polyglot itself whether any of it is a host object.
 */
@DisplayName("node-globals.js isolation")
class NodeGlobalsIsolationTest {
    // Breadth-first over own properties (values and accessor functions, symbols included) and prototypes.
    private static final String WALK = """
            (modules, extra) => {
              const crypto = modules.crypto(), url = modules.url();
              const roots = [globalThis, crypto, url, Buffer.from('x'), new URL('http://x/?a=1'), new URL('http://x/').searchParams,
                             new URLSearchParams('a=1').entries(), new TextEncoder(), new TextDecoder(), crypto.createHash('md5'),
                             crypto.createHmac('sha1', 'k'), url.parse('http://x/'), extra];
              const seen = new Set(), out = [], queue = roots.slice();
              while (queue.length > 0) {
                const v = queue.pop();
                if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) continue;
                seen.add(v);
                out.push(v);
                try {
                  queue.push(Object.getPrototypeOf(v));
                  for (const key of Reflect.ownKeys(v)) {
                    const d = Object.getOwnPropertyDescriptor(v, key);
                    if (d) queue.push(d.value, d.get, d.set);
                  }
                } catch (e) {
                  // not a JavaScript object: counted, not entered
                }
              }
              return out;
            }
            """;

    static GraalRuntime runtime;
    static Source nodeGlobals;

    @BeforeAll
    static void start() throws IOException {
        runtime = new GraalRuntime();
        try (InputStream in = IntegrationHost.class.getResourceAsStream("internal/node-globals.js")) {
            nodeGlobals = Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "node-globals.js").build();
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static long hostObjectsReachable(boolean plantOne) {
        try (Context context = new ContextFactory(runtime.engine(), ScriptPolicy.standard()).create(OutputStream.nullOutputStream())) {
            Value modules = context.eval(nodeGlobals).execute(NodeCrypto.shared()).getMember("modules");
            Value reachable = context.eval("js", WALK).execute(modules, plantOne ? NodeCrypto.shared() : null);
            assertThat(reachable.getArraySize()).as("objects walked").isGreaterThan(500);
            long host = 0;
            for (long i = 0; i < reachable.getArraySize(); i++) {
                Value v = reachable.getArrayElement(i);
                if (v.isHostObject() || v.isProxyObject()) host++;
            }
            return host;
        }
    }

    @Test
    void noValueReachableFromTheGlobalsTheModulesOrTheirInstancesIsAHostObject() {
        assertThat(hostObjectsReachable(false)).isZero();
    }

    @Test
    void theWalkDoesSeeAHostObjectWhenOneIsReachable() {
        assertThat(hostObjectsReachable(true)).isEqualTo(1);
    }
}
