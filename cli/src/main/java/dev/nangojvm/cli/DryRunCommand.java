package dev.nangojvm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.proxy.Provider;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.store.ConnectionsFile;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.cli.dryrun.DryRunAction;
import dev.nangojvm.cli.dryrun.DryRunSync;
import dev.nangojvm.cli.dryrun.JsDates;
import dev.nangojvm.cli.dryrun.JsPretty;
import dev.nangojvm.cli.dryrun.MockRecorder;
import dev.nangojvm.cli.dryrun.ModelValidator;
import dev.nangojvm.cli.dryrun.Style;
import dev.nangojvm.host.ExecutionError;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.host.ScriptBundle;
import dev.nangojvm.policy.ScriptPolicy;
import dev.nangojvm.replay.internal.JsJson;
import dev.nangojvm.toolchain.Action;
import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.CompiledScript;
import dev.nangojvm.toolchain.Integration;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.ScriptCompiler;
import dev.nangojvm.toolchain.Sync;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code ./nango-jvm dryrun <script> <connection-id>}: runs one sync, action or on-event script of
 * the project once against the real provider, with the stored connection's credentials, and
 * prints what it would do, as Nango's {@code nango dryrun} prints it. Records go to a throw-away
 * in-memory store; the project's store only provides (and keeps refreshed) the connections.
 * {@code --save-responses} records the run as yaml-era mocks that {@code ./nango-jvm test} replays.
 *
 * <p>Exit codes: 0 the script succeeded, 1 it failed (or a set-up problem), 2 bad usage.
 *
 * <p>Differences from Nango's CLI, on purpose or by construction: there is no Nango server, so the
 * connection comes from the local store and {@code -e} only names the environment; the
 * {@code http [status]} lines show the provider URL (Nango shows its own proxy URL); metadata
 * writes stay in memory; loopback and private addresses need {@code --allow-loopback}. The
 * runtime drops empty batch calls before they reach Java, so "received an empty array" is not
 * printed; and a param or header whose value is {@code undefined} is not part of a recorded
 * request's identity (JSON drops it), while the replay counts it: such a recording needs its file
 * renamed by hand.
 */
final class DryRunCommand implements Command {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VALUED = Set.of("project", "integration-id", "input", "i", "metadata", "m", "lastSyncDate", "l",
            "environment", "e", "variant", "providers", "connections");
    private static final Set<String> BOOLEANS = Set.of("auto-confirm", "validation", "validate", "save-responses", "save", "allow-loopback");
    private static final int MESSAGES_PER_PAGE = 10;

    /** Answers the "see the next 10 log messages?" question. */
    interface Prompt {
        boolean confirm(String question, PrintStream out);
    }

    private final Prompt prompt;
    private final boolean interactive;
    private final Style style;

    /** Reads answers from the terminal; without one (piped output or input) or under CI, every prompt is confirmed. */
    DryRunCommand() {
        this(new TerminalPrompt(), System.console() != null && System.console().isTerminal() && System.getenv("CI") == null, Style.detect());
    }

    DryRunCommand(Prompt prompt, boolean interactive, Style style) {
        this.prompt = prompt;
        this.interactive = interactive;
        this.style = style;
    }

    @Override
    public String name() {
        return "dryrun";
    }

    @Override
    public String usage() {
        return "dryrun <script> <connection-id> [--integration-id <id>] [--input <json|@file.json>] [--metadata <json|@file.json>]\n"
                + "         [--lastSyncDate <date>] [--variant <v>] [-e <env>] [--validation] [--save-responses] [--auto-confirm]\n"
                + "         [--connections <file.json>] [--providers <file>] [--allow-loopback]\n"
                + "                                run one script once against the real provider with the stored connection and print\n"
                + "                                what it would do (records are not stored); --save-responses records mocks for 'test';\n"
                + "                                connections live in <project>/.nango-jvm/nango.mv.db (--connections loads a file into it)";
    }

    @Override
    public int run(List<String> argv, PrintStream out) throws Exception {
        Options o = Options.parse(Args.parse(name(), argv, VALUED, BOOLEANS));
        ProjectLoad load = NangoProject.load(o.project);
        if (load.hasErrors() || load.project() == null) {
            throw new CliException("invalid_project", o.project + ": " + String.join("; ", load.errors().stream().map(Object::toString).toList())
                    + ". Pass --project <folder with nango.yaml>.");
        }
        NangoProject project = load.project();
        List<Integration> candidates = candidates(project, o);

        Files.createDirectories(o.project.resolve(".nango-jvm"));
        try (H2Stores real = H2Stores.open(o.project.resolve(".nango-jvm"));
             H2Stores memory = H2Stores.inMemory()) {
            if (o.connectionsFile != null) {
                try {
                    int n = ConnectionsFile.load(o.connectionsFile, real.connections());
                    out.println(style.gray("Loaded " + n + " connection(s) from " + o.connectionsFile + " into " + o.project.resolve(".nango-jvm/nango.mv.db")));
                } catch (NangoException e) {
                    throw new CliException(e.code(), e.getMessage());
                }
            }
            Integration integration = integration(candidates, o, real);
            StoredConnection connection = real.connections().find(integration.id(), o.connectionId).orElseThrow(() ->
                    new CliException("connection_not_found", "Connection not found: no connection '" + o.connectionId + "' for integration '"
                            + integration.id() + "' in " + o.project.resolve(".nango-jvm/nango.mv.db")
                            + ". Load it with --connections <file.json> ({\"connections\": [{\"connection_id\", \"provider_config_key\", \"provider\", \"credentials\", ...}]})."));
            ProviderCatalog catalog = Providers.resolve(o.project, o.providersFile);
            Provider provider = catalog.find(connection.provider()).orElseThrow(() -> new CliException("unknown_provider",
                    "Provider '" + connection.provider() + "' of connection '" + o.connectionId + "' is not in the provider catalog. "
                            + "Pass --providers <providers.yaml> that defines it."));
            CompiledScript script = compile(load, integration.id(), o.script);
            return execute(o, out, project, integration, connection, catalog, provider, script, real, memory);
        }
    }

    private int execute(Options o, PrintStream out, NangoProject project, Integration integration, StoredConnection connection,
                        ProviderCatalog catalog, Provider provider, CompiledScript script, H2Stores real, H2Stores memory) {
        ScriptPolicy policy = ScriptPolicy.standard();
        if (o.allowLoopback) policy = policy.toBuilder().egress(policy.egress().withLoopback()).build();
        String type = scriptType(integration, o.script);
        String sub = o.variant.equals("base") ? o.script : o.script + "/" + o.variant;
        MockRecorder recorder = o.save ? new MockRecorder(project.root().resolve(integration.id()), integration.id(), sub,
                connection.connectionConfig(), o.metadata != null, w -> out.println(style.yellow(w))) : null;
        ModelValidator validator = new ModelValidator(project);
        Consumer<String> note = s -> out.println(style.gray(s));
        Consumer<String> warn = s -> out.println(style.yellow(s));
        Consumer<LogEntry> log = entry -> print(entry, out, o.save);
        ExecutionInfo info = new ExecutionInfo(o.connectionId, integration.id(), connection.provider(), o.script, type, o.variant);
        ScriptBundle bundle = new ScriptBundle(script.bundleName(), script.code(), script.sourceMap(), script.contentHash());

        try (IntegrationHost host = IntegrationHost.builder().policy(policy).loggerLevel("debug").preparedContexts(0).build();
             // A sync's records go to the throw-away store; an action only reads records (getRecordsByIds), from the project's store.
             NangoBindings bindings = NangoBindings.builder().catalog(catalog)
                     .records(type.equals("sync") ? memory.records() : real.records())
                     .checkpoints(memory.checkpoints()).syncState(memory.syncState())
                     .connections(real.connections())
                     .egress(policy.egress())
                     .build()) {
            if (type.equals("sync")) {
                if (o.input != null) warn.accept("--input is for actions; the sync " + o.script + " ignores it.");
                Sync sync = integration.sync(o.script).orElseThrow();
                String syncType = o.lastSyncDate != null ? "incremental" : sync.syncType();
                DryRunSync nango = new DryRunSync(bindings.startSync(info, new SyncConfig(o.script, sync.output(), syncType, sync.trackDeletes()), log),
                        provider, recorder, o.metadata, o.lastSyncDate, validator, o.validation, note, warn);
                executing(out, connection, o);
                ExecutionResult result = host.runSync(bundle, nango);
                if (!result.succeeded()) {
                    DryRunSync.Validation v = nango.failedValidation();
                    return failed(out, result.error(), nango, v == null ? null : new Report(v.model(), v.data(), v.errors()));
                }
                if (nango.anyBatch()) printResults(out, nango, o.autoConfirm);
                if (recorder != null) {
                    recorder.succeeded(o.metadata, null);
                    if (nango.anyBatch()) {
                        recorder.syncRecords(sync.output(), nango.saved(), nango.deleted());
                        recorder.testFile(o.script, o.variant, true, sync.output());
                    }
                    saved(out, recorder);
                }
            } else {
                Action action = integration.action(o.script).orElse(null);
                DryRunAction nango = new DryRunAction(bindings.startAction(info, log), provider, recorder, o.metadata, note);
                executing(out, connection, o);
                if (action != null) {
                    Report input = inputReport(validator, action, o.input);
                    if (input != null && o.validation) {
                        return validationFailure(out, "Invalid action input", "invalid_action_input", input);
                    }
                    if (input != null) warn.accept("Invalid action input. Use `--validation` option to see the details");
                }
                ExecutionResult result = host.runAction(bundle, nango, o.input);
                if (!result.succeeded()) return failed(out, result.error(), nango, null);
                JsonNode output = result.output();
                if (action != null && !action.output().isEmpty() && validator.knows(action.output().getFirst())) {
                    List<ModelValidator.Error> errors = validator.validate(action.output().getFirst(), output);
                    if (!errors.isEmpty() && o.validation) {
                        return validationFailure(out, "Invalid action output", "invalid_action_output",
                                new Report(action.output().getFirst(), output, errors));
                    }
                    if (!errors.isEmpty()) warn.accept("Invalid action output. Use `--validation` option to see the details");
                }
                out.println(output == null || output.isNull() ? style.gray("no output") : JsPretty.stringify(output));
                if (recorder != null) {
                    recorder.succeeded(o.metadata, o.input);
                    if (type.equals("action")) {
                        recorder.actionOutput(output);
                        recorder.testFile(o.script, o.variant, false, action == null ? List.of() : action.output());
                    }
                    saved(out, recorder);
                }
            }
            out.println("Done");
            return 0;
        }
    }

    // ---- resolution

    /** Integrations that have the script, after {@code --integration-id}. */
    private static List<Integration> candidates(NangoProject project, Options o) {
        if (o.integrationId != null) {
            Integration i = project.integration(o.integrationId).orElseThrow(() -> new CliException("integration_not_found",
                    "Integration \"" + o.integrationId + "\" not found in this project. Integrations: "
                            + String.join(", ", project.integrations().stream().map(Integration::id).toList()) + "."));
            if (scriptType(i, o.script) == null) {
                throw new CliException("script_not_found", "No script named \"" + o.script + "\" found in integration \"" + i.id() + "\". Its scripts: "
                        + String.join(", ", scriptNames(i)) + ".");
            }
            return List.of(i);
        }
        List<Integration> found = project.integrations().stream().filter(i -> scriptType(i, o.script) != null).toList();
        if (found.isEmpty()) {
            throw new CliException("script_not_found", "No script named \"" + o.script + "\" found. Scripts: "
                    + String.join(", ", project.integrations().stream().flatMap(i -> scriptNames(i).stream().map(n -> i.id() + "/" + n)).toList()) + ".");
        }
        return found;
    }

    /** One candidate; among several, the one the connection belongs to (as Nango infers it from the connection). */
    private static Integration integration(List<Integration> candidates, Options o, H2Stores stores) {
        if (candidates.size() == 1) return candidates.getFirst();
        List<Integration> withConnection = candidates.stream()
                .filter(i -> stores.connections().find(i.id(), o.connectionId).isPresent()).toList();
        if (withConnection.size() == 1) return withConnection.getFirst();
        throw new CliException("ambiguous_script", "Multiple integrations contain a script named \"" + o.script + "\". Please use \"--integration-id\" ("
                + String.join(", ", candidates.stream().map(Integration::id).toList()) + ").", 2);
    }

    /** {@code sync}, {@code action}, {@code on-event}, or null when the integration has no such script. */
    private static String scriptType(Integration i, String name) {
        if (i.sync(name).isPresent()) return "sync";
        if (i.action(name).isPresent()) return "action";
        return i.onEventScripts().values().stream().anyMatch(l -> l.contains(name)) ? "on-event" : null;
    }

    private static List<String> scriptNames(Integration i) {
        List<String> names = new ArrayList<>();
        i.syncs().forEach(s -> names.add(s.name()));
        i.actions().forEach(a -> names.add(a.name()));
        i.onEventScripts().values().forEach(names::addAll);
        return names;
    }

    private static CompiledScript compile(ProjectLoad load, String integrationId, String name) {
        CompileResult result = ScriptCompiler.defaults().compile(load);
        if (result.hasErrors()) {
            throw new CliException("compile_failed", "Failed to compile. Exiting\n" + String.join("\n", result.errors().stream().map(Object::toString).toList()));
        }
        return result.script(integrationId, name).orElseThrow(() -> new CliException("script_file_not_found",
                "Unable to find script file for \"" + name + "\": no " + integrationId + "/<syncs|actions|on-events>/" + name + ".ts was compiled."));
    }

    // ---- printing

    private void executing(PrintStream out, StoredConnection connection, Options o) {
        out.println("Executing -> integration:\"" + connection.provider() + "\" script:\"" + o.script + "\""
                + (o.variant.equals("base") ? "" : " variant:\"" + o.variant + "\""));
    }

    /** {@code nango.log} lines as they come; each proxy attempt as {@code http [status] METHOD url} (not with --save-responses, like Nango). */
    private void print(LogEntry e, PrintStream out, boolean save) {
        JsonNode meta = e.meta();
        if ("internal".equals(e.source()) && meta != null && "http".equals(meta.path("type").asText())) {
            if (save) return;
            int status = meta.path("response").path("code").asInt();
            String code = status < 400 ? style.green(Integer.toString(status)) : style.red(Integer.toString(status));
            out.println("http [" + code + "] " + meta.path("request").path("method").asText() + " " + meta.path("request").path("url").asText());
            return;
        }
        out.println(style.level(e.level(), e.message() + (meta == null || meta.isNull() ? "" : " " + JsJson.stringify(meta))));
    }

    private void printResults(PrintStream out, DryRunSync nango, boolean autoConfirm) {
        out.println(style.yellow("The dry run would produce the following results: " + JsPretty.stringify(nango.results())));
        out.println(style.yellow("The following log messages were generated:"));
        List<JsonNode> messages = nango.messages();
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0 && i % MESSAGES_PER_PAGE == 0 && !autoConfirm && interactive) {
                String question = "There are " + (messages.size() - i) + " logs messages remaining. Would you like to see the next 10 log messages? (y/n)";
                if (!prompt.confirm(question, out)) break;
            }
            out.println(style.yellow(JsPretty.stringify(messages.get(i))));
        }
    }

    private void saved(PrintStream out, MockRecorder recorder) {
        List<String> files = recorder.relativeWritten();
        out.println(style.green("Mocks saved to " + recorder.mocksDir() + " (" + files.size() + " file(s))"));
        files.stream().filter(f -> f.startsWith("tests/")).forEach(f -> out.println(style.green("  test: " + f)));
    }

    /** The validation details Nango prints under an {@code invalid_*} error. */
    private record Report(String model, JsonNode data, List<ModelValidator.Error> errors) { }

    private static Report inputReport(ModelValidator validator, Action action, JsonNode input) {
        if (action.input() == null) {
            return input == null ? null : new Report("(none)", input, List.of(new ModelValidator.Error("", "#", "type", "must be empty")));
        }
        if (!validator.knows(action.input())) return null;
        List<ModelValidator.Error> errors = validator.validate(action.input(), input);
        return errors.isEmpty() ? null : new Report(action.input(), input, errors);
    }

    private int validationFailure(PrintStream out, String message, String code, Report report) {
        out.println(style.red("An error occurred during execution"));
        out.println(style.red(message) + " " + style.gray("(" + code + ")"));
        printReport(out, report);
        return 1;
    }

    private void printReport(PrintStream out, Report report) {
        out.println(style.blue("model:") + " " + report.model());
        out.println(style.blue("data:") + " " + (report.data() == null ? "undefined" : JsPretty.stringify(report.data())));
        for (ModelValidator.Error e : report.errors()) {
            out.println(style.underline(e.displayPath()));
            out.println("   error   " + e.message() + " [" + e.keyword() + "]");
            out.println("   " + style.gray(e.schemaPath()));
        }
    }

    /**
     * Nango's error output: SDK errors (a {@code code}) as message + {@code (code)}, validation
     * failures with their report, the rest as {@code {type, payload, status[, stacktrace]}}.
     */
    private int failed(PrintStream out, ExecutionError error, DryRunAction nango, Report report) {
        out.println(style.red("An error occurred during execution"));
        String sdkCode = error.payload() == null ? null : error.payload().path("code").asText(null);
        if (error.code().equals("script_internal_error") && sdkCode != null) {
            String message = error.payload().path("message").asText(error.message());
            if (message.startsWith(sdkCode + ": ")) message = message.substring(sdkCode.length() + 2);
            out.println(style.red(message) + " " + style.gray("(" + sdkCode + ")"));
            if (sdkCode.equals("url_not_allowed")) {
                out.println(style.gray("The egress rules allow the public internet only; for a provider on this machine (a local fake) add --allow-loopback."));
            }
            if (report != null) printReport(out, report);
            return 1;
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("type", error.code());
        switch (error.code()) {
            case "action_script_runtime_error", "script_http_error", "script_network_error", "script_internal_error" -> {
                json.set("payload", error.payload() == null ? JSON.createObjectNode().put("message", error.message()) : error.payload());
                int status = error.code().equals("script_http_error") && nango.lastHttpError() != null ? nango.lastHttpError().status() : 500;
                json.put("status", status);
                if (error.code().equals("script_internal_error") && error.stack() != null) {
                    json.put("stacktrace", String.join("\n", error.stack().lines().limit(5).toList()));
                }
                out.println(style.red(JsPretty.stringify(json)));
            }
            default -> out.println(style.red(error.message()) + " " + style.gray("(" + error.code() + ")"));
        }
        return 1;
    }

    // ---- options

    private record Options(Path project, String script, String connectionId, String integrationId, JsonNode input, ObjectNode metadata,
                           Instant lastSyncDate, String variant, boolean validation, boolean save, boolean autoConfirm,
                           boolean allowLoopback, String providersFile, Path connectionsFile) {

        static Options parse(Args a) {
            List<String> p = a.positionals();
            if (p.size() < 2) {
                throw new CliException("missing_argument", "'dryrun' needs " + (p.isEmpty() ? "a script name and a connection id" : "a connection id")
                        + ": ./nango-jvm dryrun <script> <connection-id> [--integration-id <id>]. See ./nango-jvm help.", 2);
            }
            if (p.size() > 2) {
                throw new CliException("unexpected_argument", "'dryrun' takes two arguments (<script> <connection-id>), got also: "
                        + String.join(" ", p.subList(2, p.size())), 2);
            }
            Path project = a.project();
            if (!Files.isDirectory(project)) {
                throw new CliException("project_not_found", "--project " + project + " is not a folder. Pass the folder that holds nango.yaml.", 2);
            }
            String env = first(a, "environment", "e", "dev");
            if (env.isBlank()) throw new CliException("invalid_flag_value", "-e/--environment needs a name, e.g. dev", 2);
            String variant = a.flag("variant", "base");
            if (variant.isBlank() || variant.contains("/") || variant.contains("\\") || variant.contains("..")) {
                throw new CliException("invalid_flag_value", "--variant must be a plain name (no '/', '\\' or '..'), got '" + variant + "'", 2);
            }
            JsonNode input = json(first(a, "input", "i", null), "--input");
            JsonNode metadata = json(first(a, "metadata", "m", null), "--metadata");
            if (metadata != null && !metadata.isObject()) {
                throw new CliException("invalid_flag_value", "--metadata must be a JSON object (the connection metadata), got " + metadata, 2);
            }
            String date = first(a, "lastSyncDate", "l", null);
            Instant lastSyncDate = date == null ? null : JsDates.parse(date, ZoneId.systemDefault()).orElseThrow(() -> new CliException(
                    "invalid_flag_value", "--lastSyncDate '" + date + "' is not a date; use ISO 8601, e.g. 2024-01-31 or 2024-01-31T12:00:00Z", 2));
            String connections = a.flag("connections", null);
            Path connectionsFile = null;
            if (connections != null) {
                connectionsFile = Path.of(connections).toAbsolutePath().normalize();
                if (!Files.isRegularFile(connectionsFile)) {
                    throw new CliException("connections_not_found", "--connections " + connections + ": no such file. Pass a JSON file "
                            + "{\"connections\": [{\"connection_id\", \"provider_config_key\", \"provider\", \"credentials\", \"metadata\"?}]}.", 2);
                }
            }
            boolean save = a.has("save-responses") || a.has("save");
            return new Options(project, p.get(0), p.get(1), a.flag("integration-id", null), input, (ObjectNode) metadata, lastSyncDate, variant,
                    save || a.has("validation") || a.has("validate"), save, a.has("auto-confirm"), a.has("allow-loopback"),
                    a.flag("providers", null), connectionsFile);
        }

        private static String first(Args a, String longName, String shortName, String fallback) {
            return a.flag(longName, a.flag(shortName, fallback));
        }

        /** JSON text, or {@code @path.json} read from disk, as Nango's CLI takes them; plain strings are not JSON. */
        private static JsonNode json(String value, String flag) {
            if (value == null) return null;
            String text = value;
            if (value.startsWith("@") && value.endsWith(".json")) {
                Path file = Path.of(value.substring(1)).toAbsolutePath();
                try {
                    text = Files.readString(file);
                } catch (IOException e) {
                    throw new CliException("invalid_flag_value", flag + " " + value + ": cannot read " + file + " (" + e.getMessage() + ")", 2);
                }
            }
            try {
                JsonNode node = JSON.readTree(text);
                if (node == null || node.isMissingNode()) throw new IOException("empty");
                return node;
            } catch (IOException e) {
                throw new CliException("invalid_flag_value", flag + " must be JSON or @file.json (a string needs quotes: '\"foobar\"'); "
                        + "could not parse " + abbreviate(text), 2);
            }
        }

        private static String abbreviate(String s) {
            String one = s.strip().replace('\n', ' ');
            return one.length() > 60 ? one.substring(0, 57) + "..." : one;
        }
    }

    /** Reads y/n from standard input. */
    private static final class TerminalPrompt implements Prompt {
        private BufferedReader in;

        @Override
        public boolean confirm(String question, PrintStream out) {
            out.print(question + " ");
            out.flush();
            try {
                if (in == null) in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = in.readLine();
                return line != null && Arrays.asList("y", "yes").contains(line.strip().toLowerCase(Locale.ROOT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
