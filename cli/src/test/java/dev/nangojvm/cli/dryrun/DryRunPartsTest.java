package dev.nangojvm.cli.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.replay.MockFiles;
import dev.nangojvm.replay.internal.ScriptRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the dry run on their own: JSON printing, dates, AJV-style validation, the mock recorder, batch messages. */
class DryRunPartsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s.replace('\'', '"'));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void prettyPrintsLikeJsonStringifyWithTwoSpaces() {
        assertThat(JsPretty.stringify(json("{'a':[1,2.5,1.0,{}],'b':[],'c':'é\\n','d':null,'e':{'f':true}}"))).isEqualTo("""
                {
                  "a": [
                    1,
                    2.5,
                    1,
                    {}
                  ],
                  "b": [],
                  "c": "é\\n",
                  "d": null,
                  "e": {
                    "f": true
                  }
                }""");
        assertThat(JsPretty.stringify(json("'text'"))).isEqualTo("\"text\"");
    }

    @Test
    void lastSyncDateParsesWhatNewDateParses() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(JsDates.parse("2024-01-31", paris)).contains(Instant.parse("2024-01-31T00:00:00Z"));
        assertThat(JsDates.parse("2024-01", paris)).contains(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(JsDates.parse("2024-01-31T12:00:00Z", paris)).contains(Instant.parse("2024-01-31T12:00:00Z"));
        assertThat(JsDates.parse("2024-01-31T12:00:00.5+0200", paris)).contains(Instant.parse("2024-01-31T10:00:00.500Z"));
        assertThat(JsDates.parse("2024-01-31 12:00", paris)).contains(Instant.parse("2024-01-31T11:00:00Z"));
        assertThat(JsDates.parse("Wed, 31 Jan 2024 10:00:00 GMT", paris)).contains(Instant.parse("2024-01-31T10:00:00Z"));
        assertThat(JsDates.parse("2024-02-30", paris)).isEmpty();
        assertThat(JsDates.parse("yesterday", paris)).isEmpty();
    }

    @Test
    void validationReportsEveryErrorWithAjvMessagesAndPaths() {
        ObjectNode schema = (ObjectNode) json("""
                {'$schema':'http://json-schema.org/draft-07/schema#','type':'object',
                 'properties':{'id':{'type':'string'},'state':{'type':'string','enum':['open','closed']},
                   'labels':{'type':'array','items':{'type':'string'}},'at':{'type':'string','format':'date-time'},
                   'owner':{'$ref':'#/definitions/User'},'n':{'type':['number','null']},
                   'either':{'anyOf':[{'type':'string'},{'$ref':'#/definitions/User'}]}},
                 'required':['id','state'],'additionalProperties':false,
                 'definitions':{'User':{'type':'object','properties':{'login':{'type':'string'}},'required':['login'],'additionalProperties':false}}}""");

        assertThat(ModelValidator.validate(schema, json("{'id':'1','state':'open','labels':['a'],'at':'2024-01-31T10:00:00Z','owner':{'login':'x'},'n':null,'either':'s'}")))
                .isEmpty();
        List<ModelValidator.Error> errors = ModelValidator.validate(schema,
                json("{'state':'merged','labels':['a',2],'at':'2024-02-30T10:00:00Z','owner':{},'n':'1','either':5,'extra':1}"));
        assertThat(errors).extracting(e -> e.displayPath() + " | " + e.message() + " [" + e.keyword() + "] " + e.schemaPath()).containsExactly(
                "root | must have required property 'id' [required] #/required",
                "state | must be equal to one of the allowed values [enum] #/properties/state/enum",
                "labels > 1 | must be string [type] #/properties/labels/items/type",
                "at | must match format \"date-time\" [format] #/properties/at/format",
                "owner | must have required property 'login' [required] #/definitions/User/required",
                "n | must be number,null [type] #/properties/n/type",
                "either | must be string [type] #/properties/either/anyOf/0/type",
                "either | must be object [type] #/definitions/User/type",
                "either | must match a schema in anyOf [anyOf] #/properties/either/anyOf",
                "root | must NOT have additional properties [additionalProperties] #/additionalProperties");
    }

    @Test
    void recordedResponsesAreFoundByTheReplayAndNeverWrittenOutsideTheMocks() throws IOException {
        List<String> warnings = new ArrayList<>();
        MockRecorder recorder = new MockRecorder(tmp.resolve("acme"), "acme", "things", (ObjectNode) json("{'region':'eu'}"), false, warnings::add);
        ProxyConfiguration cfg = new ProxyConfiguration((ObjectNode) json("{'endpoint':'/v1/things','method':'GET','params':{'limit':2,'q':'a b'},'headers':{'X-Trace':'1','Authorization':'secret'}}"));
        recorder.response(cfg, new ProxyResponse(200, "OK", Map.of("content-type", List.of("application/json"), "set-cookie", List.of("a=1", "b=2")),
                json("{'things':[1]}"), "https://api.acme.test/v1/things"));

        MockFiles.Response replayed = new MockFiles(tmp.resolve("acme/mocks"), "things").respond(ScriptRequest.plain(cfg.json()));
        assertThat(replayed.data()).isEqualTo(json("{'things':[1]}"));
        assertThat(replayed.status().intValue()).isEqualTo(200);
        assertThat(replayed.headers()).isEqualTo(json("{'content-type':'application/json','set-cookie':['a=1','b=2']}"));
        assertThat(Files.readString(replayed.file())).contains("\"headers\": [\n      [\n        \"X-Trace\",").doesNotContain("secret");

        recorder.response(new ProxyConfiguration((ObjectNode) json("{'endpoint':'../../../../escape'}")), new ProxyResponse(200, "", Map.of(), json("1"), ""));
        assertThat(warnings).singleElement().asString().contains("would write outside");
        assertThat(Files.exists(tmp.resolve("escape"))).isFalse();

        recorder.connectionRead(json("{'owner':'x'}"));
        assertThat(Files.readString(tmp.resolve("acme/mocks/nango/getConnection.json")))
                .isEqualTo("{\n  \"metadata\": {\n    \"owner\": \"x\"\n  },\n  \"connection_config\": {\n    \"region\": \"eu\"\n  }\n}");
        assertThat(recorder.testFile("things", "base", false, List.of("Thing"))).satisfies(t -> {
            assertThat(t.created()).isTrue();
            assertThat(t.path()).isEqualTo(tmp.resolve("acme/tests/acme-things.test.ts"));
        });
        assertThat(recorder.testFile("things", "base", false, List.of("Thing")).created()).isFalse();
        assertThat(dev.nangojvm.replay.CaseDiscovery.discover(tmp.resolve("acme"))).singleElement()
                .satisfies(c -> assertThat(c.toString()).contains("things").contains("Thing"));
    }

    @Test
    void batchCallsBecomeMessagesAndCountersWithDuplicatesCollapsed() {
        try (H2Stores stores = H2Stores.inMemory();
             NangoBindings bindings = NangoBindings.builder().stores(stores).build()) {
            ExecutionInfo info = new ExecutionInfo("c1", "acme", "acme", "things", "sync", "eu");
            List<String> warnings = new ArrayList<>();
            DryRunSync sync = new DryRunSync(bindings.startSync(info, new SyncConfig("things", List.of("Thing"), "full", false), e -> { }),
                    null, null, null, null, null, false, n -> { }, warnings::add);
            sync.batchSave((ArrayNode) json("[{'id':'1','v':1},{'id':'2'},{'id':'1','v':2,'_nango_metadata':{'x':1}}]"), "Thing");
            sync.batchDelete((ArrayNode) json("[{'id':'2'}]"), "Thing");
            sync.batchUpdate((ArrayNode) json("[{'id':'1','v':3}]"), "Thing");
            sync.batchSave((ArrayNode) json("[]"), "Thing");

            assertThat(sync.results()).isEqualTo(json("{'updated':1,'added':2,'deleted':1}"));
            assertThat(sync.messages()).extracting(JsonNode::toString).containsExactly(
                    "\"A batch save call would save the following data to the Thing model (variant: eu):\"",
                    "{\"id\":\"1\",\"v\":2}", "{\"id\":\"2\"}",
                    "\"A batch delete call would delete the following data:\"", "{\"id\":\"2\"}",
                    "\"A batch update call would save the following data to the Thing model (variant: eu):\"", "{\"id\":\"1\",\"v\":3}");
            assertThat(warnings).containsExactly("batchSave detected duplicate records for ID: 1. Keeping the last occurrence.",
                    "batchSave received an empty array. No records to save.");
            assertThat(sync.saved().get("Thing")).hasSize(2);
            assertThat(sync.deleted().get("Thing")).hasSize(1);
            assertThatThrownBy(() -> sync.batchSave((ArrayNode) json("[{'name':'no id'}]"), "Thing"))
                    .isInstanceOfSatisfying(NangoException.class, e -> assertThat(e.code()).isEqualTo("invalid_sync_record"));
            assertThat(Optional.ofNullable(sync.failedValidation())).isEmpty();
        }
    }

    @Test
    void recordsAreCheckedAgainstTheirModelWarningOrFailingUnderValidation() {
        var project = dev.nangojvm.toolchain.NangoProject.load(Path.of("../sample-integrations/nango-integrations")).project();
        ModelValidator validator = new ModelValidator(project);
        ArrayNode bad = (ArrayNode) json("[{'id':'1','number':'one','title':'t'}]");
        try (H2Stores stores = H2Stores.inMemory();
             NangoBindings bindings = NangoBindings.builder().stores(stores).build()) {
            ExecutionInfo info = new ExecutionInfo("c1", "github", "github", "pull-requests", "sync", null);
            SyncConfig config = new SyncConfig("pull-requests", List.of("PullRequest"), "incremental", false);
            List<String> warnings = new ArrayList<>();
            DryRunSync lenient = new DryRunSync(bindings.startSync(info, config, e -> { }), null, null, null, null, validator, false, n -> { }, warnings::add);
            lenient.batchSave(bad.deepCopy(), "PullRequest");
            assertThat(warnings).containsExactly("Invalid record payload. Use `--validation` option to see the details");
            assertThat(lenient.results().path("added").asInt()).isEqualTo(1);

            DryRunSync strict = new DryRunSync(bindings.startSync(info, config, e -> { }), null, null, null, null, validator, true, n -> { }, warnings::add);
            assertThatThrownBy(() -> strict.batchSave(bad.deepCopy(), "PullRequest"))
                    .isInstanceOfSatisfying(NangoException.class, e -> assertThat(e.code()).isEqualTo("invalid_sync_record"));
            assertThat(strict.failedValidation().model()).isEqualTo("PullRequest");
            assertThat(strict.failedValidation().errors()).extracting(ModelValidator.Error::message)
                    .contains("must be number", "must have required property 'state'");
            assertThat(strict.anyBatch()).isFalse();
        }
    }
}
