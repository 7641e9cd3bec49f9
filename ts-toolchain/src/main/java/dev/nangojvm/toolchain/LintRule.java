package dev.nangojvm.toolchain;

/**
 * The seed's best practices that {@link ProjectChecker#lint} reports, each as a {@link Severity#WARNING} whose
 * message says how to fix it. {@link #code()} is the stable code of the {@link Diagnostic}. Nango's CLI checks none
 * of these; they never fail a validate or a compile.
 */
public enum LintRule {
    // nango.yaml
    FULL_SYNC_WITHOUT_TRACK_DELETES("full_sync_without_track_deletes", "a full sync without track_deletes: true"),
    METADATA_SYNC_AUTO_START("metadata_sync_auto_start", "a sync whose metadata input has required fields but that is not auto_start: false"),
    MISSING_SCOPES("missing_scopes", "a sync or action that documents no scopes"),
    DUPLICATE_MODEL_NAME("duplicate_model_name", "two model names that differ only in case or underscores"),
    DUPLICATE_ENDPOINT_PATH("duplicate_endpoint_path",
            "two endpoints of one integration that differ only in case, a trailing slash or parameter names"),
    QUOTED_ENUM_VALUE("quoted_enum_value", "an enum (union) value written in quotes"),
    ENDPOINT_PATH_PROVIDER("endpoint_path_provider", "an endpoint path that repeats the provider name"),
    ENDPOINT_PATH_VERSION("endpoint_path_version", "an endpoint path with an API version segment (v1, 2.0)"),
    // scripts (TypeScript AST)
    IMPORT_MISSING_JS_EXTENSION("import_missing_js_extension", "a relative non-type import without .js"),
    ENTRY_NOT_DEFAULT_EXPORT("entry_not_default_export", "fetchData / runAction is not the default export"),
    ENTRY_NOT_AT_TOP("entry_not_at_top", "a helper function declared above fetchData / runAction"),
    CONSOLE_LOG("console_log", "console.log (or another console method) in a script"),
    PROXY_MISSING_RETRIES("proxy_missing_retries", "a ProxyConfiguration without retries"),
    PROXY_RETRIES_VALUE("proxy_retries_value", "retries other than 10 in a sync or 3 in an action"),
    ACTION_RETURNS_ARRAY("action_returns_array", "an action that returns an array"),
    ACTION_THROWS_ERROR("action_throws_error", "throw new Error in an action instead of nango.ActionError"),
    ENDPOINT_MISSING_DOC_LINK("endpoint_missing_doc_link", "no API documentation link above an endpoint property"),
    PAGINATED_ACTION_WITHOUT_CURSOR("paginated_action_without_cursor",
            "an action whose input has a cursor but whose output has none");

    private final String code;
    private final String description;

    LintRule(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The stable snake_case code of the warnings this rule reports. */
    public String code() {
        return code;
    }

    /** What the rule flags, in a few words. */
    public String description() {
        return description;
    }

    /** The rule with this code, or null. */
    public static LintRule byCode(String code) {
        for (LintRule r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        return null;
    }
}
