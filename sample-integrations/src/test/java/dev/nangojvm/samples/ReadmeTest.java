package dev.nangojvm.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README shows code that compiles and runs: the block between the markers of {@link EmbeddingExampleTest}. */
class ReadmeTest {

    @Test
    void theReadmesEmbeddingSnippetIsTheTestedExample() throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/nangojvm/samples/EmbeddingExampleTest.java"));
        String snippet = between(test, "// README:embed:start\n", "        // README:embed:end");
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).contains(dedent(snippet, 8));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String dedent(String block, int columns) {
        return Arrays.stream(block.split("\n", -1))
                .map(line -> line.length() >= columns && line.substring(0, columns).isBlank() ? line.substring(columns) : line.strip())
                .collect(Collectors.joining("\n"));
    }
}
