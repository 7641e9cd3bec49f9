package dev.nangojvm.bindings.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.NangoException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("WhatwgUrl parses like Node's new URL")
class WhatwgUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://2130706433/, http://127.0.0.1/",
            "http://0177.0.0.1/, http://127.0.0.1/",
            "http://0x7f.1/, http://127.0.0.1/",
            "http://127.1/, http://127.0.0.1/",
            "http://[::FFFF:127.0.0.1]/, http://[::ffff:7f00:1]/",
            "http://[0:0:0:0:0:0:0:1]/x, http://[::1]/x",
            "HTTPS://API.Example.COM:443/a/./b/../c, https://api.example.com/a/c",
            "http://example.com:8080, http://example.com:8080/",
            "http://example.com/a b?c d#e f, http://example.com/a%20b?c%20d#e%20f",
            "http:\\\\example.com\\path, http://example.com/path",
            "http://user:pa ss@example.com/, http://user:pa%20ss@example.com/",
            "http://example.com/caf\u00e9, http://example.com/caf%C3%A9",
            "http://b\u00fccher.de/, http://xn--bcher-kva.de/"
    })
    void normalisesLikeNode(String input, String href) {
        assertThat(WhatwgUrl.parse(input).toString()).isEqualTo(href);
    }

    @ParameterizedTest
    @CsvSource({"not a url", "/relative/path", "http://", "http://exa mple.com/", "http://256.0.0.1/", "http://[::1/", "http://host:99999/"})
    void rejectsWhatNodeRejects(String input) {
        assertThatThrownBy(() -> WhatwgUrl.parse(input)).isInstanceOf(NangoException.class).hasMessage("Invalid URL");
    }

    @Test
    void exposesOriginPathnameAndSearch() {
        WhatwgUrl url = WhatwgUrl.parse("https://api.example.com:8443/v1/items?page=2#top");
        assertThat(url.origin()).isEqualTo("https://api.example.com:8443");
        assertThat(url.path).isEqualTo("/v1/items");
        assertThat(url.search()).isEqualTo("?page=2");
        assertThat(url.requestTarget()).isEqualTo("/v1/items?page=2");
    }

    @Test
    void nonSpecialSchemesHaveANullOrigin() {
        assertThat(WhatwgUrl.parse("page:2").origin()).isEqualTo("null");
    }

    @Nested
    @DisplayName("resolving a redirect Location")
    class Resolve {
        private final WhatwgUrl base = WhatwgUrl.parse("https://api.example.com/v1/items/list?x=1");

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "https://other.com/p, https://other.com/p",
                "//cdn.example.com/f, https://cdn.example.com/f",
                "/root, https://api.example.com/root",
                "next?page=2, https://api.example.com/v1/items/next?page=2",
                "../up, https://api.example.com/v1/up",
                "?page=3, https://api.example.com/v1/items/list?page=3"
        })
        void resolvesReferences(String location, String expected) {
            assertThat(base.resolve(location).toString()).isEqualTo(expected);
        }
    }
}
