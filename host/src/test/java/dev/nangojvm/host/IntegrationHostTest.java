package dev.nangojvm.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nangojvm.policy.ScriptPolicy;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IntegrationHostTest {
    static IntegrationHost host;

    @BeforeAll
    static void start() {
        host = IntegrationHost.builder()
                .policy(ScriptPolicy.standard().toBuilder().timeout(Duration.ofSeconds(3)).build())
                .build();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static ScriptBundle cjs(String name, String code) {
        return ScriptBundle.of(name, code, null);
    }

    @Test
    @DisplayName("reports the optimizing runtime when started with the JIT recipe")
    void reportsTheOptimizingRuntime() {
        assertThat(host.runtime().optimizing()).as(host.runtime().describe()).isTrue();
        assertThat(host.runtime().describe()).contains("optimizing");
    }

    @Nested
    class Syncs {
        @Test
        void awaitsProxyCallsAndSavesRecords() {
            var nango = new ScriptedNango("sync");
            var result = host.runSync(cjs("t/syncs/echo", """
                    exports.default = async function fetchData(nango) {
                      const res = await nango.get({ endpoint: '/things' });
                      await nango.batchSave([{ id: '1', echo: res.data.echo, status: res.status }], 'Thing');
                    };
                    """), nango);
            assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
            assertThat(nango.saved).hasSize(1);
            assertThat(nango.saved.getFirst().path("echo").asText()).isEqualTo("/things");
            assertThat(nango.saved.getFirst().path("status").asInt()).isEqualTo(200);
            assertThat(nango.finishedWith).isTrue();
        }

        @Test
        void iteratesPagesWithForAwaitAndSeesTheConfigMutatedInPlace() {
            var nango = new ScriptedNango("sync");
            nango.pages = java.util.List.of(ScriptedNango.F.arrayNode().add(1).add(2), ScriptedNango.F.arrayNode().add(3));
            var result = host.runSync(cjs("t/syncs/pages", """
                    exports.default = async function fetchData(nango) {
                      const params = { per_page: 2 };
                      const config = { endpoint: '/items', params, paginate: { type: 'cursor' } };
                      const seen = [];
                      for await (const page of nango.paginate(config)) seen.push(...page);
                      await nango.batchSave([{ id: 'all', seen, cursor: params.cursor }], 'Thing');
                    };
                    """), nango);
            assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
            assertThat(nango.saved.getFirst().path("seen").toString()).isEqualTo("[1,2,3]");
            assertThat(nango.saved.getFirst().path("cursor").asText()).isEqualTo("c1");
        }

        @Test
        void givesLastSyncDateAsADateAndMetadataAsAnObject() {
            var nango = new ScriptedNango("sync");
            var result = host.runSync(cjs("t/syncs/date", """
                    exports.default = async function fetchData(nango) {
                      const m = await nango.getMetadata();
                      await nango.batchSave([{ id: 'x', isDate: nango.lastSyncDate instanceof Date,
                        year: nango.lastSyncDate.getUTCFullYear(), owner: m.owner }], 'Thing');
                    };
                    """), nango);
            assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
            assertThat(nango.saved.getFirst().toString()).isEqualTo("{\"id\":\"x\",\"isDate\":true,\"year\":2026,\"owner\":\"octo\"}");
        }

        @Test
        void aFailedSyncIsFinishedAsFailed() {
            var nango = new ScriptedNango("sync");
            var result = host.runSync(cjs("t/syncs/fails", "exports.default = async () => { throw new TypeError('boom'); };"), nango);
            assertThat(result.succeeded()).isFalse();
            assertThat(result.error().code()).isEqualTo("script_internal_error");
            assertThat(result.error().message()).isEqualTo("TypeError: boom");
            assertThat(nango.finishedWith).isFalse();
        }
    }

    @Nested
    class Actions {
        @Test
        void returnsTheOutputAsJson() {
            var result = host.runAction(cjs("t/actions/sum", """
                    exports.default = async function runAction(nango, input) { return { sum: input.a + input.b }; };
                    """), new ScriptedNango("action"), JsonNodeFactory.instance.objectNode().put("a", 2).put("b", 3));
            assertThat(result.output().toString()).isEqualTo("{\"sum\":5}");
        }

        @Test
        void anEmptyObjectInputArrivesAsUndefinedLikeInTheYamlEraRunner() {
            var result = host.runAction(cjs("t/actions/input", "exports.default = async (nango, input) => ({ type: typeof input });"),
                    new ScriptedNango("action"), JsonNodeFactory.instance.objectNode());
            assertThat(result.output().path("type").asText()).isEqualTo("undefined");
        }

        @Test
        void anActionErrorCarriesItsPayload() {
            var result = host.runAction(cjs("t/actions/ae", """
                    exports.default = async (nango) => { throw new nango.ActionError({ message: 'no such repo', status: 404 }); };
                    """), new ScriptedNango("action"), null);
            assertThat(result.error().code()).isEqualTo("action_script_runtime_error");
            assertThat(result.error().payload().toString()).isEqualTo("{\"message\":\"no such repo\",\"status\":404}");
        }

        @Test
        void httpErrorsAreAxiosShapedForTheScript() {
            var nango = new ScriptedNango("action");
            nango.responder = cfg -> { throw ScriptedNango.httpError(422, ScriptedNango.F.objectNode().put("message", "Validation Failed")); };
            var result = host.runAction(cjs("t/actions/axios", """
                    exports.default = async (nango) => {
                      try { await nango.post({ endpoint: '/x' }); }
                      catch (e) { return { axios: e.isAxiosError, status: e.response.status, message: e.response.data.message,
                                           header: e.response.headers['x-test'], text: e.message }; }
                    };
                    """), nango, null);
            assertThat(result.output().toString()).isEqualTo(
                    "{\"axios\":true,\"status\":422,\"message\":\"Validation Failed\",\"header\":\"yes\",\"text\":\"Request failed with status code 422\"}");
        }

        @Test
        void anUncaughtHttpErrorIsAScriptHttpError() {
            var nango = new ScriptedNango("action");
            nango.responder = cfg -> { throw ScriptedNango.httpError(404, ScriptedNango.F.objectNode().put("message", "Not Found")); };
            var result = host.runAction(cjs("t/actions/uncaught", "exports.default = async (nango) => nango.get({ endpoint: '/x' });"), nango, null);
            assertThat(result.error().code()).isEqualTo("script_http_error");
            assertThat(result.error().payload().path("message").asText()).isEqualTo("Not Found");
        }

        @Test
        void consoleAndLogGoToTheActivityLog() {
            var nango = new ScriptedNango("action");
            host.runAction(cjs("t/actions/log", """
                    exports.default = async (nango) => {
                      console.log('hello', { a: 1 });
                      await nango.log('warned', { level: 'warn' });
                      await nango.log({ b: 2, a: 1 });
                      return {};
                    };
                    """), nango, null);
            assertThat(nango.logs).extracting(e -> e.level() + " " + e.message())
                    .containsExactly("info hello {\"a\":1}", "warn warned", "info {\"a\":1,\"b\":2}");
        }

        @Test
        void setTimeoutRunsOnTheExecutionsOwnLoop() {
            var result = host.runAction(cjs("t/actions/timer", """
                    exports.default = async () => {
                      const order = [];
                      const cancelled = setTimeout(() => order.push('never'), 5);
                      clearTimeout(cancelled);
                      await new Promise((resolve) => setTimeout(() => { order.push('timer'); resolve(); }, 20));
                      order.push('after');
                      return { order };
                    };
                    """), new ScriptedNango("action"), null);
            assertThat(result.output().path("order").toString()).isEqualTo("[\"timer\",\"after\"]");
        }

        @Test
        void requireAllowsOnlyTheRunnersModules() {
            var result = host.runAction(cjs("t/actions/req", "exports.default = async () => require('fs');"), new ScriptedNango("action"), null);
            assertThat(result.error().message()).isEqualTo("Error: Module 'fs' is not allowed");
        }
    }

    @Nested
    class Budgets {
        @Test
        void anEndlessLoopEndsInExecutionTimeoutAndTheHostKeepsServing() {
            var quick = IntegrationHost.builder().policy(ScriptPolicy.standard().toBuilder().timeout(Duration.ofSeconds(3)).build()).build();
            try (quick) {
                var ok = cjs("t/actions/ok", "exports.default = async () => ({ ok: true });");
                assertThat(quick.runAction(ok, new ScriptedNango("action"), null).succeeded()).isTrue(); // a warm host
                var looping = quick.runAction(cjs("t/actions/loop", "exports.default = async () => { while (true) {} };"), new ScriptedNango("action"), null);
                assertThat(looping.error().code()).isEqualTo("execution_timeout");
                assertThat(looping.elapsed()).isLessThan(Duration.ofSeconds(8));

                var next = quick.runAction(ok, new ScriptedNango("action"), null);
                assertThat(next.error()).isNull();
                assertThat(next.output().path("ok").asBoolean()).isTrue();
            }
        }

        @Test
        void aPromiseThatNeverSettlesEndsInExecutionTimeout() {
            var quick = IntegrationHost.builder().policy(ScriptPolicy.standard().toBuilder().timeout(Duration.ofMillis(300)).build()).build();
            try (quick) {
                var r = quick.runAction(cjs("t/actions/hang", "exports.default = () => new Promise(() => {});"), new ScriptedNango("action"), null);
                assertThat(r.error().code()).isEqualTo("execution_timeout");
            }
        }

        @Test
        void noGlobalSurvivesIntoTheNextExecution() {
            var first = host.runAction(cjs("t/actions/g1", "exports.default = async () => { globalThis.leak = 42; Object.prototype.polluted = 1; return {}; };"),
                    new ScriptedNango("action"), null);
            assertThat(first.succeeded()).isTrue();
            var second = host.runAction(cjs("t/actions/g2", "exports.default = async () => ({ leak: typeof leak, polluted: typeof ({}).polluted });"),
                    new ScriptedNango("action"), null);
            assertThat(second.output().toString()).isEqualTo("{\"leak\":\"undefined\",\"polluted\":\"undefined\"}");
        }
    }
}
