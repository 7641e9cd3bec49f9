package dev.nangojvm.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code schema.zod.ts} is valid TypeScript against zod, and what its schemas parse is assignable to
 * the models Nango generates: an action imports both and is type-checked with Nango's compiler options (the in-JVM
 * TypeScript compiler, zod from the webjar).
 */
class SchemaZodTypeCheckTest {
    private static final String YAML = """
            integrations:
                shop:
                    actions:
                        check:
                            endpoint: POST /check
                            input: Probe
                            output: string | number
            models:
                Probe:
                    id: string
                    count?: number | null
                    status: open | closed
                    created: date
                    big: bigint
                    meta: object
                    tags: string[]
                    mixed:
                        - string
                        - Tree
                    owner: Owner | null
                    address?:
                        city: string
                    extras:
                        __string: number
                Owner:
                    __extends: Tree
                    id: string
                    __string: any
                Tree:
                    name: string
                    children: Tree[]
            """;
    private static final String ACTION = """
            import type { NangoAction, Probe, Tree } from '../../models';
            import { probeSchema, treeSchema, anonymousShopActionCheckOutputSchema } from '../../schema.zod.js';

            export default async function runAction(nango: NangoAction, input: Probe): Promise<string | number> {
                const probe: Probe = probeSchema.parse(input);
                const tree: Tree = treeSchema.parse({ name: 'root', children: [] });
                await nango.log(tree.name);
                return anonymousShopActionCheckOutputSchema.parse(probe.id);
            }
            """;

    @Test
    void generatedSchemasTypeCheckAgainstZodAndTheModels(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("nango-integrations");
        Files.createDirectories(dir.resolve("shop/actions"));
        Files.writeString(dir.resolve("nango.yaml"), YAML);
        Files.writeString(dir.resolve("shop/actions/check.ts"), ACTION);
        ProjectLoad load = NangoProject.load(dir);
        assertThat(load.errors()).isEmpty();
        ModelArtifacts.writeAll(load.project());
        ModelArtifacts.writeSchemaZodTs(load.project());
        assertThat(Files.readString(dir.resolve("schema.zod.ts"))).contains("z.lazy(", "z.record(z.string(), z.any()).and(");

        CheckResult result = ProjectChecker.typeCheck(load.project());
        assertThat(result.typeErrors()).isEmpty();
    }
}
