package dev.nangojvm.bindings.proxy;

import static dev.nangojvm.bindings.proxy.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Provider templates (interpolateIfNeeded)")
class TemplatesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T06:07:08.009Z"), ZoneOffset.UTC);

    private static String t(String template, String replacers) {
        return Templates.interpolateIfNeeded(template, json(replacers), CLOCK);
    }

    @Test
    void resolvesDotPathsOfStringsAndNumbers() {
        assertThat(t("${a.b}-${n}", "{'a':{'b':'x'},'n':42}")).isEqualTo("x-42");
    }

    @Test
    void leavesObjectsAndMissingValuesLiteral() {
        assertThat(t("${a}/${missing}", "{'a':{'b':1}}")).isEqualTo("${a}/${missing}");
    }

    @Test
    void fallsBackToTheRightSideWhenTheLeftDidNotChange() {
        assertThat(t("${x} || default", "{}")).isEqualTo("default");
        assertThat(t("${x} || default", "{'x':'set'}")).isEqualTo("set");
    }

    @Test
    void computesFunctions() {
        assertThat(t("Basic ${base64(${u}:${p})}", "{'u':'user','p':'pw'}")).isEqualTo("Basic dXNlcjpwdw==");
        assertThat(t("${sha256Hex(abc)}", "{'x':1}")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(t("${hmacSha1Hex(msg, key)}", "{'x':1}")).isEqualTo("102900b72b7bf1031eec76b4804b66052376896b");
    }

    @Test
    void rendersNowInIsoAndDayjsFormats() {
        assertThat(t("${now}", "{}")).isEqualTo("2024-03-05T06:07:08.009Z");
        assertThat(t("${now:YYYY-MM-DD}", "{}")).isEqualTo("2024-03-05");
        assertThat(t("${now-1:days:YYYY-MM-DDTHH:mm:ss}", "{}")).isEqualTo("2024-03-04T06:07:08");
        assertThat(t("${now:X}", "{}")).isEqualTo("1709618828");
    }

    @Test
    void leavesStringsWithoutPlaceholdersAlone() {
        assertThat(t("a || b", "{}")).isEqualTo("a || b");
    }
}
