package dev.nangojvm.bindings.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.NangoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ProviderCatalog")
class ProviderCatalogTest {

    private static final String BASE = """
            github:
                auth_mode: OAUTH2
                token_url:
                    OAUTH2: https://github.com/login/oauth/access_token
                    APP: https://api.github.com/app/installations/${connectionConfig.installation_id}/access_tokens
                proxy:
                    base_url: https://api.github.com
                    retry:
                        at: ['x-ratelimit-reset']
                        remaining: x-ratelimit-remaining
                        error_code: ['403', '5xx']
                    paginate:
                        type: link
                        link_rel_in_response_header: next
                        limit_name_in_request: per_page
            github-enterprise:
                alias: github
                proxy:
                    base_url: https://${connectionConfig.host}/api/v3
            stripe:
                auth_mode: API_KEY
                proxy:
                    base_url: https://api.stripe.com
                    headers:
                        authorization: Bearer ${apiKey}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void loadsProvidersYaml() throws IOException {
        ProviderCatalog catalog = ProviderCatalog.load(write("providers.yaml", BASE));
        Provider github = catalog.require("github");
        assertThat(github.authMode()).isEqualTo("OAUTH2");
        assertThat(github.baseUrl()).isEqualTo("https://api.github.com");
        assertThat(github.retry().path("error_code").get(1).asText()).isEqualTo("5xx");
        assertThat(github.paginate().path("type").asText()).isEqualTo("link");
        assertThat(github.tokenUrl("APP")).endsWith("/access_tokens");
        assertThat(github.tokenUrl("OAUTH2")).isEqualTo("https://github.com/login/oauth/access_token");
        assertThat(catalog.names()).containsExactly("github", "github-enterprise", "stripe");
    }

    @Test
    void aliasesAreAShallowMergeSoARedefinedProxyReplacesTheWholeBlock() throws IOException {
        Provider ghe = ProviderCatalog.load(write("providers.yaml", BASE)).require("github-enterprise");
        assertThat(ghe.authMode()).isEqualTo("OAUTH2");
        assertThat(ghe.baseUrl()).isEqualTo("https://${connectionConfig.host}/api/v3");
        assertThat(ghe.paginate()).isNull();
        assertThat(ghe.definition().has("alias")).isFalse();
    }

    @Test
    void laterFilesReplaceWholeEntriesAndAliasesFollowTheOverride() throws IOException {
        Path user = write("mine.yaml", """
                github:
                    auth_mode: OAUTH2
                    proxy:
                        base_url: https://github.internal.example.com
                acme:
                    auth_mode: BASIC
                    proxy:
                        base_url: https://api.acme.test
                """);
        ProviderCatalog catalog = ProviderCatalog.load(write("providers.yaml", BASE), user);
        assertThat(catalog.require("github").retry().isMissingNode()).isTrue();
        assertThat(catalog.require("github").baseUrl()).isEqualTo("https://github.internal.example.com");
        assertThat(catalog.require("github-enterprise").text("token_url")).isNull();
        assertThat(catalog.require("acme").authMode()).isEqualTo("BASIC");
        assertThat(catalog.require("stripe").proxyHeaders().path("authorization").asText()).isEqualTo("Bearer ${apiKey}");
    }

    @Test
    void buildsFromMapsAndReportsUnknownProviders() {
        ProviderCatalog catalog = ProviderCatalog.of(Map.of("fake", Map.of("auth_mode", "NONE", "proxy", Map.of("base_url", "https://f.test"))));
        assertThat(catalog.find("fake")).get().extracting(Provider::baseUrl).isEqualTo("https://f.test");
        assertThat(catalog.find("nope")).isEmpty();
        assertThatThrownBy(() -> catalog.require("nope"))
                .isInstanceOf(NangoException.class)
                .extracting(e -> ((NangoException) e).code()).isEqualTo("unknown_provider");
    }

    @Test
    void rejectsAFileThatIsNotAMap() throws IOException {
        Path bad = write("bad.yaml", "- just\n- a list\n");
        assertThatThrownBy(() -> ProviderCatalog.load(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.yaml");
    }

    @Test
    void providersAreImmutableViews() throws IOException {
        Provider github = ProviderCatalog.load(write("providers.yaml", BASE)).require("github");
        github.definition().put("auth_mode", "CHANGED");
        github.paginate().put("type", "offset");
        assertThat(github.authMode()).isEqualTo("OAUTH2");
        assertThat(github.paginate().path("type").asText()).isEqualTo("link");
    }
}
