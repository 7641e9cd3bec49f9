package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NangoProjectTest {

    @Test
    void loadsNestedRootWithSyncsActionsAndOnEvents() {
        ProjectLoad load = NangoProject.load(Fixtures.PROJECTS.resolve("basic"));

        assertThat(load.errors()).isEmpty();
        NangoProject p = load.project();
        assertThat(p.yamlVersion()).isEqualTo(YamlVersion.V2);
        Integration github = p.integration("github").orElseThrow();
        Sync prs = github.sync("pull-requests").orElseThrow();
        assertThat(prs.runs()).isEqualTo("every 30min");
        assertThat(prs.syncType()).isEqualTo("incremental");
        assertThat(prs.description()).isEqualTo("Fetches pull requests");
        assertThat(prs.autoStart()).isTrue();
        assertThat(prs.trackDeletes()).isFalse();
        assertThat(prs.output()).containsExactly("PullRequest");
        assertThat(prs.endpoints()).containsExactly(new Endpoint("GET", "/pull-requests", null));
        assertThat(prs.scopes()).containsExactly("repo", " read:org"); // Nango does not trim scopes
        assertThat(prs.webhookSubscriptions()).containsExactly("pull_request");
        assertThat(prs.usedModels()).containsExactly("PullRequest", "User");
        Action create = github.action("create-issue").orElseThrow();
        assertThat(create.endpoint()).isEqualTo(new Endpoint("POST", "/issues", "Issues"));
        assertThat(create.input()).isEqualTo("CreateIssue");
        assertThat(create.usedModels()).containsExactly("Issue", "CreateIssue");
        assertThat(github.onEventScripts()).containsEntry("post-connection-creation", List.of("setup"))
                .containsKeys("pre-connection-deletion", "validate-connection");
        assertThat(p.scripts()).extracting(ScriptSource::sourcePath).containsExactly(
                "github/syncs/pull-requests.ts", "github/actions/create-issue.ts", "github/on-events/setup.ts");
        assertThat(p.scripts()).extracting(ScriptSource::type)
                .containsExactly(ScriptType.SYNC, ScriptType.ACTION, ScriptType.ON_EVENT);
    }

    @Test
    void parsesModelsWithUnionsArraysOptionalsAndReferences() {
        NangoProject p = NangoProject.load(Fixtures.PROJECTS.resolve("basic")).project();
        Model pr = p.models().get("PullRequest");
        assertThat(pr.fields()).extracting(ModelField::name)
                .containsExactly("id", "title", "state", "author", "labels", "draft");
        ModelField state = pr.field("state").orElseThrow();
        assertThat(state.union()).isTrue();
        assertThat(state.children()).extracting(ModelField::value).containsExactly("open", "closed");
        assertThat(pr.field("author").orElseThrow().model()).isTrue();
        assertThat(pr.field("labels").orElseThrow()).satisfies(f -> {
            assertThat(f.array()).isTrue();
            assertThat(f.value()).isEqualTo("string");
        });
        assertThat(pr.field("draft").orElseThrow().optional()).isTrue();
        // User is parsed when PullRequest first references it, so it comes first.
        assertThat(p.models().keySet()).startsWith("User", "PullRequest");
    }

    @Test
    void unquotedEnumWordsWarnWithPosition() {
        ProjectLoad load = NangoProject.load(Fixtures.PROJECTS.resolve("basic"));
        assertThat(load.warnings()).extracting(Diagnostic::code).containsOnly("model_not_found_fallback");
        Diagnostic open = load.warnings().getFirst();
        assertThat(open.message()).isEqualTo("Model \"open\" is not defined, using as string literal");
        assertThat(open.file()).isEqualTo("nango.yaml");
        assertThat(open.line()).isEqualTo(28);
    }

    @Test
    void singleIntegrationFolderWithPwdKeyUsesFolderName(@TempDir Path tmp) throws Exception {
        Path folder = Fixtures.copy("pwd/tickets", tmp);
        ProjectLoad load = NangoProject.load(folder);
        assertThat(load.errors()).isEmpty();
        assertThat(load.project().integrations()).extracting(Integration::id).containsExactly("tickets");
        assertThat(load.project().scripts()).extracting(ScriptSource::sourcePath).containsExactly("syncs/tickets.ts");

        // integration-templates alias folders: nango.yaml and syncs/ are symlinks into another integration.
        Path alias = Files.createDirectory(tmp.resolve("tickets-sandbox"));
        Files.createSymbolicLink(alias.resolve("nango.yaml"), Path.of("../tickets/nango.yaml"));
        Files.createSymbolicLink(alias.resolve("syncs"), Path.of("../tickets/syncs"));
        ProjectLoad aliased = NangoProject.load(alias);
        assertThat(aliased.errors()).isEmpty();
        assertThat(aliased.project().integrations()).extracting(Integration::id).containsExactly("tickets-sandbox");
        assertThat(aliased.project().scripts().getFirst().file()).isEqualTo(alias.resolve("syncs/tickets.ts"));
    }

    @Test
    void legacyV1FlatLayout() {
        ProjectLoad load = NangoProject.load(Fixtures.PROJECTS.resolve("legacy"));
        assertThat(load.errors()).isEmpty();
        NangoProject p = load.project();
        assertThat(p.yamlVersion()).isEqualTo(YamlVersion.V1);
        Integration hubspot = p.integration("hubspot").orElseThrow();
        assertThat(hubspot.syncs()).extracting(Sync::name).containsExactly("contacts"); // no-returns is dropped
        assertThat(hubspot.syncs().getFirst().endpoints()).isEmpty();
        Action note = hubspot.action("create-note").orElseThrow();
        assertThat(note.description()).isEqualTo("Creates a note");
        assertThat(note.output()).containsExactly("Anonymous_hubspot_sync_createnote_output");
        assertThat(p.models().get("Anonymous_hubspot_sync_createnote_output").anonymous()).isTrue();
        assertThat(p.scripts()).extracting(ScriptSource::sourcePath).containsExactly("contacts.ts", "create-note.ts");
    }

    @Test
    void yamlOneOneWordsStayStrings(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("nango.yaml"), """
                integrations:
                    x:
                        syncs:
                            s:
                                runs: every day
                                output: M
                                endpoint: /m
                                version: 1.0
                                description: on
                models:
                    M:
                        id: string
                        flag: yes
                        n: 0x1F
                """);
        Files.createDirectories(tmp.resolve("x/syncs"));
        Files.writeString(tmp.resolve("x/syncs/s.ts"), "export default async function f() {}\n");
        ProjectLoad load = NangoProject.load(tmp);
        Sync s = load.project().integration("x").orElseThrow().sync("s").orElseThrow();
        assertThat(s.description()).isEqualTo("on");
        assertThat(s.version()).isEqualTo("1"); // js-yaml reads 1.0 as the number 1
        Model m = load.project().models().get("M");
        assertThat(m.field("flag").orElseThrow().value()).isEqualTo("yes");
        assertThat(m.field("n").orElseThrow().value()).isEqualTo(31L);
    }

    @Test
    void missingYamlIsADiagnosticNotAnException(@TempDir Path tmp) {
        ProjectLoad load = NangoProject.load(tmp);
        assertThat(load.project()).isNull();
        assertThat(load.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("error_loading_nango_yaml");
            assertThat(d.message()).startsWith("no nango.yaml config found at " + tmp.resolve("nango.yaml"));
        });
    }

    @Test
    void missingScriptFileIsReported(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("nango.yaml"), """
                integrations:
                    x:
                        actions:
                            do-it:
                                endpoint: POST /do
                """);
        ProjectLoad load = NangoProject.load(tmp);
        assertThat(load.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("missing_script_file");
            assertThat(d.pathText()).isEqualTo("x > actions > do-it");
            assertThat(d.line()).isEqualTo(4);
        });
    }

    @Test
    void loadAllReadsEveryIntegrationFolder(@TempDir Path tmp) throws Exception {
        Fixtures.copy("pwd/tickets", tmp);
        Path alias = Files.createDirectory(tmp.resolve("tickets-sandbox"));
        Files.createSymbolicLink(alias.resolve("nango.yaml"), Path.of("../tickets/nango.yaml"));
        Files.createSymbolicLink(alias.resolve("syncs"), Path.of("../tickets/syncs"));
        Files.createDirectory(tmp.resolve("docs"));

        List<ProjectLoad> loads = NangoProject.loadAll(tmp);

        assertThat(loads).extracting(l -> l.project().integrations().getFirst().id())
                .containsExactly("tickets", "tickets-sandbox");
        assertThat(NangoProject.loadAll(tmp.resolve("tickets"))).hasSize(1);
    }
}
