package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The static checks yaml-era {@code nango compile} runs before type-checking a file (format spec §3.1), on
 * src/test/resources/checks: one integration per check, each with one small script (and sometimes a helper). The
 * checks name the file by its absolute path in the message, as Nango does; the diagnostic carries the file relative
 * to the project and the line and column of the offending call.
 */
class NangoStaticChecksTest {
    static NangoProject project;
    static CheckResult result;

    @BeforeAll
    static void checkTheFixtureProjectOnce() {
        ProjectLoad load = NangoProject.load(Path.of("src/test/resources/checks"));
        assertThat(load.errors()).isEmpty();
        project = load.project();
        result = ProjectChecker.typeCheck(project);
    }

    /** The findings in files of one fixture folder, as {@code line:col severity code: message}. */
    static List<String> findingsIn(String folder) {
        return result.typeErrors().stream().filter(d -> d.file().startsWith(folder + "/"))
                .map(d -> d.line() + ":" + d.column() + " " + d.severity().name().toLowerCase() + " " + d.code() + ": " + d.message())
                .toList();
    }

    /** The absolute path Nango prints, as {@code "<path>:<line>"}. */
    static String at(String file, int line) {
        return "\"" + project.root().resolve(file) + ":" + line + "\"";
    }

    @Test
    void anUnawaitedNangoCallFailsItsScriptWithNangosMessage() {
        assertThat(findingsIn("unawaited")).containsExactly(
                "4:5 error nango_call_not_awaited: nango.log() calls must be awaited in " + at("unawaited/syncs/contacts.ts", 4)
                        + ". Not awaiting can lead to unexpected results.",
                "6:10 error nango_call_not_awaited: nango.batchSave() calls must be awaited in " + at("unawaited/syncs/contacts.ts", 6)
                        + ". Not awaiting can lead to unexpected results.");
    }

    @Test
    void aFileFailingAStaticCheckIsNotTypeChecked() {
        // unawaited/syncs/contacts.ts also declares an unused local (TS6133), which Nango never gets to report
        assertThat(findingsIn("unawaited")).noneMatch(f -> f.contains(" TS"));
    }

    @Test
    void awaitedReturnedThenedAndPromiseAllCallsRaiseNothing() {
        assertThat(findingsIn("handled")).isEmpty();
    }

    @Test
    void callsInNangosOrderWithKnownModelsAndRetriesRaiseNothing() {
        assertThat(findingsIn("ordered")).isEmpty();
    }

    @Test
    void anActionMayReturnAValueAndProxyWithoutBatching() {
        assertThat(findingsIn("action-returns")).isEmpty();
    }

    @Test
    void aBatchCallInAnActionIsNotAllowed() {
        assertThat(findingsIn("action-batch")).containsExactly(
                "4:11 error batch_call_in_action: nango.batchSave() calls are not allowed in an action script. Please remove it at "
                        + at("action-batch/actions/save-contact.ts", 4) + ".");
    }

    @Test
    void anImportedHelperIsCheckedAsPartOfTheScriptImportingIt() {
        assertThat(findingsIn("helper-checks")).containsExactly(
                "4:5 error nango_call_not_awaited: nango.batchSave() calls must be awaited in " + at("helper-checks/helpers/save.ts", 4)
                        + ". Not awaiting can lead to unexpected results.");
    }

    @Test
    void aHelperImportedByAnActionMayNotBatchEitherUnlessNangoIsCast() {
        // `(nango as NangoSync).batchSave(...)` is not a call on the identifier `nango`, so Nango lets it through
        assertThat(findingsIn("action-helper")).containsExactly(
                "8:11 error batch_call_in_action: nango.batchUpdate() calls are not allowed in an action script. Please remove it at "
                        + at("action-helper/helpers/store.ts", 8) + ".");
    }

    @Test
    void anUnknownModelNameListsEveryModelOfNangoYaml() {
        assertThat(findingsIn("model-names")).containsExactly(
                "5:11 error invalid_model_name: \"Contacts\" is not a valid model name. Please check " + at("model-names/syncs/contacts.ts", 5)
                        + ". The possible model names are: Contact, Deal, Result",
                "6:11 error invalid_model_name: \"Person\" is not a valid model name. Please check " + at("model-names/syncs/contacts.ts", 6)
                        + ". The possible model names are: Contact, Deal, Result");
    }

    @Test
    void retryOnWithoutRetriesIsRefused() {
        assertThat(findingsIn("retry-on")).containsExactly(
                "4:28 error retry_on_without_retries: Usage of 'retryOn' without 'retries' at " + at("retry-on/syncs/contacts.ts", 4)
                        + ". 'retryOn' should not be used if 'retries' is not set.");
    }

    @Test
    void aSyncWhoseDefaultExportReturnsAValueIsRefusedAtTheFunction() {
        assertThat(findingsIn("sync-returns")).containsExactly(
                "3:16 error sync_returns_value: The default exported function fetchData at " + at("sync-returns/syncs/contacts.ts", 3)
                        + " must not return a value. Sync functions should not return but rather use batchSave to save data.");
    }

    @Test
    void setMergingStrategyMustComeBeforeAnyBatchingOrProxyCall() {
        String where = at("merging-order/syncs/contacts.ts", 6);
        assertThat(findingsIn("merging-order")).containsExactly(
                "6:11 error merging_strategy_order: setMergingStrategy should be called before any batching records function in " + where + ".",
                "6:11 error merging_strategy_order: setMergingStrategy should be called before any proxy function in " + where + ".");
    }

    @Test
    void deleteRecordsFromPreviousExecutionsIsDeprecatedAndMustBeCalledOnceAfterAllBatching() {
        String where = at("delete-records/syncs/contacts.ts", 7);
        assertThat(findingsIn("delete-records")).containsExactly(
                "5:11 warning deprecated_method: nango.deleteRecordsFromPreviousExecutions() used at line 5 is deprecated. Use"
                        + " nango.trackDeletesStart and trackDeletesEnd() instead.",
                "7:11 warning deprecated_method: nango.deleteRecordsFromPreviousExecutions() used at line 7 is deprecated. Use"
                        + " nango.trackDeletesStart and trackDeletesEnd() instead.",
                "7:11 error delete_records_order: deleteRecordsFromPreviousExecutions should be called only once in " + where + ".",
                "7:11 error delete_records_order: deleteRecordsFromPreviousExecutions should be called after all batching records"
                        + " functions in " + where + ".");
    }

    @Test
    void trackDeletesStartAndEndMustEachBeCalledOncePerModel() {
        assertThat(findingsIn("track-deletes-twice")).containsExactly(
                "5:11 error track_deletes_order: trackDeletesStart for model 'Contact' should be called only once in "
                        + at("track-deletes-twice/syncs/contacts.ts", 5) + ".",
                "9:11 error track_deletes_order: trackDeletesEnd for model 'Contact' should be called only once in "
                        + at("track-deletes-twice/syncs/contacts.ts", 9) + ".");
    }

    @Test
    void trackDeletesStartAndEndMustBePairedForEachModel() {
        String file = "\"" + project.root().resolve("track-deletes-unpaired/syncs/contacts.ts") + "\"";
        assertThat(findingsIn("track-deletes-unpaired")).containsExactly(
                "4:11 error track_deletes_order: trackDeletesStart for model 'Contact' is called but trackDeletesEnd is never called in " + file + ".",
                "7:11 error track_deletes_order: trackDeletesEnd for model 'Deal' is called but trackDeletesStart is never called in " + file + ".");
    }

    @Test
    void trackDeletesStartMustOpenAndTrackDeletesEndMustCloseAllBatching() {
        String file = "track-deletes-order/syncs/contacts.ts";
        assertThat(findingsIn("track-deletes-order")).containsExactly(
                "7:11 error track_deletes_order: trackDeletesStart for model 'Contact' should be called before trackDeletesEnd in " + at(file, 7) + ".",
                "7:11 error track_deletes_order: trackDeletesStart for model 'Contact' should be called before all batching records functions in "
                        + at(file, 7) + ".",
                "6:11 error track_deletes_order: trackDeletesEnd for model 'Contact' should be called after all batching records functions in "
                        + at(file, 6) + ".");
    }

    @Test
    void deprecatedMethodsOnlyWarnAndTheScriptStillTypeChecks() {
        assertThat(findingsIn("deprecated")).containsExactly(
                "4:27 warning deprecated_method: nango.getFieldMapping() used at line 4 is deprecated. Use nango.getMetadata() instead.",
                "5:11 warning deprecated_method: nango.setFieldMapping() used at line 5 is deprecated. Use nango.setMetadata() instead.",
                "7:11 warning deprecated_method: nango.batchSend() used at line 7 is deprecated. Use nango.batchSave() instead.");
    }

    @Test
    void findingsNameTheScriptThatWasBeingCompiled() {
        Diagnostic helper = result.typeErrors().stream().filter(d -> d.file().equals("helper-checks/helpers/save.ts")).findFirst().orElseThrow();
        assertThat(helper.path()).containsExactly("helper-checks", "syncs", "contacts");
        assertThat(result.hasErrors()).isTrue();
    }
}
