package dev.nangojvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate, generate and compile verbs on small projects written into a temp folder. */
class ProjectVerbsTest {
    static final String YAML = """
            integrations:
                acme:
                    syncs:
                        contacts:
                            runs: every hour
                            sync_type: incremental
                            scopes: [contacts.read]
                            output: Contact
                            endpoint: GET /contacts
                    actions:
                        create-contact:
                            scopes: [contacts.write]
                            input: CreateContact
                            output: Contact
                            endpoint: POST /contacts
            models:
                Contact:
                    id: string
                    name: string
                CreateContact:
                    name: string
            """;
    static final String SYNC = """
            import type { NangoSync, ProxyConfiguration, Contact } from '../../models';

            export default async function fetchData(nango: NangoSync): Promise<void> {
                const config: ProxyConfiguration = {
                    // https://developer.acme.test/contacts
                    endpoint: '/contacts',
                    retries: 10
                };
                for await (const page of nango.paginate<Contact>(config)) {
                    await nango.batchSave<Contact>(page, 'Contact');
                }
            }
            """;
    static final String ACTION = """
            import type { NangoAction, ProxyConfiguration, Contact, CreateContact } from '../../models';

            export default async function runAction(nango: NangoAction, input: CreateContact): Promise<Contact> {
                const config: ProxyConfiguration = {
                    // https://developer.acme.test/contacts#create
                    endpoint: '/contacts',
                    data: input,
                    retries: 3
                };
                const response = await nango.post<Contact>(config);
                const count: number = response.data.name;
                console.log(count);
                return response.data;
            }
            """;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir Path tmp;

    int run(String... argv) {
        out.reset();
        err.reset();
        return new Main().run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Path project(String yaml) throws IOException {
        Path dir = tmp.resolve("nango-integrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("nango.yaml"), yaml);
        return dir;
    }

    @Test
    void validateAcceptsAValidFileAndIgnoresMissingScripts() throws IOException {
        Path dir = project(YAML);
        assertThat(run("validate", "--project", dir.toString())).isZero();
        assertThat(out.toString()).contains("nango.yaml is valid (v2): 1 integration(s) [acme], 1 sync(s), 1 action(s), 2 model(s)");
    }

    @Test
    void validateReportsErrorsLikeNangoWithExitCodeOne() throws IOException {
        Path dir = project(YAML.replace("                runs: every hour\n", ""));
        assertThat(run("validate", "--project", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("integrations > acme > syncs > contacts", "  error must have required property 'runs' [required]",
                "Your nango.yaml contains some errors");
    }

    @Test
    void validateJsonListsTheDiagnostics() throws Exception {
        Path dir = project(YAML.replace("runs: every hour", "runs: every 5"));
        assertThat(run("validate", "--project", dir.toString(), "--json")).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("ok").asBoolean()).isFalse();
        JsonNode d = doc.path("diagnostics").get(0);
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("code").asText()).isEqualTo("invalid_runs");
        assertThat(d.path("message").asText()).isEqualTo("sync_interval_too_short");
        assertThat(d.path("file").asText()).isEqualTo("nango.yaml");
        assertThat(d.path("line").asInt()).isPositive();
    }

    @Test
    void validateRefusesBadFlagsAndMissingFolders() {
        assertThat(run("validate", "--jsn")).isEqualTo(2);
        assertThat(err.toString()).contains("error unknown_flag: 'validate' has no flag '--jsn'. Known flags: --json, --project <value>.");
        assertThat(run("validate", "somewhere")).isEqualTo(2);
        assertThat(err.toString()).contains("error unexpected_argument");
        assertThat(run("validate", "--project", tmp.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error project_not_found");
    }

    @Test
    void generateWritesModelsAndNangoFilesAndScaffoldsMissingScripts() throws IOException {
        Path dir = project(YAML);
        assertThat(run("generate", "--project", dir.toString())).isZero();
        assertThat(out.toString()).contains("Wrote models.ts, .nango/schema.ts, .nango/schema.json, .nango/nango.json",
                "Created acme/syncs/contacts.ts", "Created acme/actions/create-contact.ts");
        assertThat(Files.readString(dir.resolve("models.ts"))).contains("export interface Contact {", "export declare class NangoSync",
                "export const NangoFlows = ");
        assertThat(Files.readString(dir.resolve(".nango/nango.json"))).startsWith("[\n  {\n    \"providerConfigKey\": \"acme\"");
        assertThat(dir.resolve(".nango/schema.json")).exists();
        assertThat(Files.readString(dir.resolve("acme/syncs/contacts.ts"))).contains("export default async function fetchData(nango: NangoSync)");
        // existing scripts are kept
        Files.writeString(dir.resolve("acme/syncs/contacts.ts"), "// mine\n");
        assertThat(run("generate", "--project", dir.toString(), "--json")).isZero();
        assertThat(out.toString()).contains("\"created\" : [ ]");
        assertThat(Files.readString(dir.resolve("acme/syncs/contacts.ts"))).isEqualTo("// mine\n");
    }

    @Test
    void generateWritesSchemaZodOnlyWhenAskedOrAlreadyPresent() throws IOException {
        Path dir = project(YAML);
        assertThat(run("generate", "--project", dir.toString())).isZero();
        assertThat(dir.resolve("schema.zod.ts")).doesNotExist();

        assertThat(run("generate", "--project", dir.toString(), "--zod")).isZero();
        assertThat(out.toString()).contains(".nango/nango.json, schema.zod.ts in");
        assertThat(Files.readString(dir.resolve("schema.zod.ts"))).contains("export const contactSchema = z.object({");

        // an existing file (a folder copied from integration-templates) follows nango.yaml without the flag
        Files.writeString(dir.resolve("nango.yaml"), YAML.replace("name: string\n    CreateContact", "name?: string\n    CreateContact"));
        assertThat(run("generate", "--project", dir.toString())).isZero();
        assertThat(Files.readString(dir.resolve("schema.zod.ts"))).contains("name: z.union([z.string(), z.undefined()]).optional()");
    }

    @Test
    void generateFailsOnADuplicatedScriptName() throws IOException {
        Path dir = project(YAML.replace("        create-contact:", "        contacts:").replace("POST /contacts", "POST /contacts/new"));
        assertThat(run("generate", "--project", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("The action name contacts is duplicated in the nango.yaml file. All sync and action names must be unique.");
    }

    @Test
    void compileTypeChecksLintsAndBundles() throws Exception {
        Path dir = project(YAML);
        Files.createDirectories(dir.resolve("acme/syncs"));
        Files.createDirectories(dir.resolve("acme/actions"));
        Files.writeString(dir.resolve("acme/syncs/contacts.ts"), SYNC);
        Files.writeString(dir.resolve("acme/actions/create-contact.ts"), ACTION);
        assertThat(run("compile", "--project", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(
                "acme/actions/create-contact.ts(11,11): error TS2322: Type 'string' is not assignable to type 'number'.",
                "warning console_log acme/actions/create-contact.ts:12:5: console.log() output does not reach Nango's logs",
                "Failed: 2 script(s) compiled, 1 error(s)");

        Files.writeString(dir.resolve("acme/actions/create-contact.ts"), ACTION.replace("const count: number", "const count: string"));
        assertThat(run("compile", "--project", dir.toString(), "--json")).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("ok").asBoolean()).isTrue();
        assertThat(doc.path("scripts")).hasSize(2);
        assertThat(doc.path("diagnostics").findValuesAsText("code")).contains("console_log").doesNotContain("TS2322");
    }
    @Test
    void compileFailsAScriptThatBreaksNangosStaticChecksAndOnlyWarnsForDeprecatedMethods() throws Exception {
        Path dir = project(YAML);
        Files.createDirectories(dir.resolve("acme/syncs"));
        Files.createDirectories(dir.resolve("acme/actions"));
        Path sync = dir.resolve("acme/syncs/contacts.ts");
        Files.writeString(sync, SYNC.replace("await nango.batchSave<Contact>(page, 'Contact')", "nango.batchSave<Contact>(page, 'Contact')"));
        Files.writeString(dir.resolve("acme/actions/create-contact.ts"), ACTION.replace("const count: number", "const count: string"));
        assertThat(run("compile", "--project", dir.toString(), "--no-lint")).isEqualTo(1);
        assertThat(out.toString()).contains("acme/syncs/contacts.ts(10,9): error nango_call_not_awaited: nango.batchSave() calls must be awaited in \""
                + sync + ":10\". Not awaiting can lead to unexpected results.", "Type check: 1 error(s)");

        Files.writeString(sync, SYNC.replace("nango.batchSave<Contact>", "nango.batchSend<Contact>"));
        assertThat(run("compile", "--project", dir.toString(), "--no-lint", "--json")).isZero();
        JsonNode warning = new ObjectMapper().readTree(out.toString()).path("diagnostics").get(0);
        assertThat(warning.path("severity").asText()).isEqualTo("warning");
        assertThat(warning.path("code").asText()).isEqualTo("deprecated_method");
        assertThat(warning.path("message").asText()).isEqualTo("nango.batchSend() used at line 10 is deprecated. Use nango.batchSave() instead.");
        assertThat(warning.path("file").asText()).isEqualTo("acme/syncs/contacts.ts");
    }
}
