package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node's globals in the type check, as Nango's CLI sees them (ts-node with {@code types: ['node']}, lib es2021,
 * and the @types/node installed next to the CLI when the project has none), on src/test/resources/nodetypes.
 */
class NodeTypesTest {
    private static final Path FIXTURE = Path.of("src/test/resources/nodetypes");

    @Test
    void nodeGlobalsHaveTypesWithoutProjectNodeModules() {
        assertThat(FIXTURE.resolve("node_modules")).doesNotExist();
        assertThat(errors(FIXTURE)).containsExactly(
                "files/actions/broken-encode.ts(5,11): TS2322: Type 'Buffer<ArrayBuffer>' is not assignable to type 'string'.",
                "files/actions/broken-encode.ts(7,19): TS2584: Cannot find name 'document'. Do you need to change your"
                        + " target library? Try changing the 'lib' compiler option to include 'dom'.");
    }

    /** A project's own node_modules/@types/node wins over the fallback copy (here: one without Buffer). */
    @Test
    void projectTypesNodeWins(@TempDir Path dir) throws IOException {
        for (String f : List.of("nango.yaml", "files/actions/encode-file.ts")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.copy(FIXTURE.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("nango.yaml"), Files.readString(dir.resolve("nango.yaml"))
                .replaceAll("(?s)            broken-encode:.*?endpoint: POST /files/broken\n", ""));
        Path types = Files.createDirectories(dir.resolve("node_modules/@types/node"));
        Files.writeString(types.resolve("package.json"), "{\"name\": \"@types/node\", \"version\": \"0.0.1\", \"types\": \"index.d.ts\"}");
        Files.writeString(types.resolve("index.d.ts"), """
                declare var process: { env: Record<string, string | undefined> };
                declare function setTimeout(callback: () => void, ms: number): unknown;
                """);
        assertThat(errors(dir)).containsExactly(
                "files/actions/encode-file.ts(7,18): TS2591: Cannot find name 'Buffer'. Do you need to install type"
                        + " definitions for node? Try `npm i --save-dev @types/node` and then add 'node' to the types"
                        + " field in your tsconfig.",
                "files/actions/encode-file.ts(7,27): TS2591: Cannot find name 'Buffer'. Do you need to install type"
                        + " definitions for node? Try `npm i --save-dev @types/node` and then add 'node' to the types"
                        + " field in your tsconfig.");
    }

    private static List<String> errors(Path root) {
        ProjectLoad load = NangoProject.load(root);
        assertThat(load.errors()).isEmpty();
        return ProjectChecker.typeCheck(load.project()).typeErrors().stream()
                .map(d -> d.file() + "(" + d.line() + "," + d.column() + "): " + d.code() + ": " + d.message()).toList();
    }
}
