package dev.nangojvm.replay.junit;

import dev.nangojvm.replay.CaseResult;
import dev.nangojvm.replay.ReplayReport;
import dev.nangojvm.replay.ReplaySuite;
import dev.nangojvm.replay.ScriptResult;
import dev.nangojvm.replay.Status;
import dev.nangojvm.toolchain.ScriptSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A project's scripts replayed from JUnit: dynamic tests for all of them, or assertions on one.
 * Obtained as a parameter of a {@link NangoReplayTest} class's methods; scripts compile on first
 * use, per integration, and one GraalJS engine serves the whole class.
 */
public final class NangoReplay implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final ReplaySuite suite;
    private ReplaySuite.Plan plan;
    private ReplaySuite.Session session;

    public NangoReplay(ReplaySuite suite) {
        this.suite = suite;
    }

    public ReplaySuite suite() {
        return suite;
    }

    public synchronized ReplaySuite.Plan plan() {
        if (plan == null) plan = suite.plan();
        return plan;
    }

    private synchronized ReplaySuite.Session session() {
        if (session == null) session = suite.open();
        return session;
    }

    /**
     * One container per integration, one test per script with a generated test (named
     * {@code <script> (sync|action)}); a script that fails throws {@link AssertionFailedError}
     * with the expected and actual values at the first difference.
     */
    public Stream<DynamicNode> dynamicTests() {
        List<DynamicNode> containers = new ArrayList<>();
        for (ReplaySuite.Integration integration : plan().integrations()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (ScriptSource script : integration.scripts()) {
                boolean tested = integration.cases().stream().anyMatch(c -> c.scriptName().equals(script.name())
                        && c.kind().folder().equals(script.type().folder()));
                if (!tested) continue;
                // no file test source: Surefire's -Dtest filter drops dynamic tests without the factory's method source
                tests.add(DynamicTest.dynamicTest(script.name() + " (" + script.type().id() + ")",
                        () -> check(session().replay(integration, script))));
            }
            if (!tests.isEmpty()) containers.add(DynamicContainer.dynamicContainer(integration.id(), tests.stream()));
        }
        if (!plan().warnings().isEmpty() && containers.isEmpty()) {
            throw new IllegalStateException("nothing to replay: " + String.join("; ", plan().warnings()));
        }
        return containers.stream();
    }

    /** Replays one script; fails the calling test unless it passes. */
    public ScriptResult assertPasses(String integration, String script) {
        ScriptResult r = replay(integration, script);
        check(r);
        return r;
    }

    /** Replays one script and returns its verdict without asserting. */
    public ScriptResult replay(String integration, String script) {
        for (ReplaySuite.Integration i : plan().integrations()) {
            if (!i.id().equals(integration)) continue;
            for (ScriptSource s : i.scripts()) {
                if (s.name().equals(script)) return session().replay(i, s);
            }
            throw new IllegalArgumentException("integration '" + integration + "' has no script '" + script + "' in nango.yaml");
        }
        throw new IllegalArgumentException("no integration '" + integration + "' in " + suite + " (found: "
                + plan().integrations().stream().map(ReplaySuite.Integration::id).toList() + ")");
    }

    /** Replays every script, as {@code nango-jvm test} does. */
    public ReplayReport runAll() {
        return suite.run();
    }

    private static void check(ScriptResult r) {
        switch (r.status()) {
            case PASS -> { }
            case SKIPPED -> throw new TestAbortedException(r.integration() + "/" + r.script() + ": " + r.detail());
            case FAIL -> {
                CaseResult failed = r.cases().stream().filter(c -> c.status() == Status.FAIL).findFirst().orElseThrow();
                String message = r.integration() + "/" + r.script() + ": " + r.detail();
                throw failed.difference() == null ? new AssertionFailedError(message)
                        : new AssertionFailedError(message, failed.difference().expected(), failed.difference().actual());
            }
            case ERROR -> throw new AssertionFailedError(r.integration() + "/" + r.script() + " threw: " + r.detail());
        }
    }

    @Override
    public synchronized void close() {
        if (session != null) session.close();
        session = null;
    }
}
