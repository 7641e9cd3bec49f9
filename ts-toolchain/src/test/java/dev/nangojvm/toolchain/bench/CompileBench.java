package dev.nangojvm.toolchain.bench;

import dev.nangojvm.toolchain.CheckResult;
import dev.nangojvm.toolchain.CompileResult;
import dev.nangojvm.toolchain.NangoProject;
import dev.nangojvm.toolchain.ProjectChecker;
import dev.nangojvm.toolchain.ProjectLoad;
import dev.nangojvm.toolchain.ScriptCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark, not a test: builds a project of 100 scripts (50 syncs, 50 actions sharing a mapper) in a temp folder
 * and prints the warm time to bundle all of them with esbuild (no build cache) and to type-check them with the
 * TypeScript compiler in GraalJS. Run:
 * <pre>./mvnw -q -B -pl ts-toolchain -am test-compile exec:exec@bench</pre>
 * Arguments (optional): rounds (default 5).
 */
public final class CompileBench {
    private CompileBench() {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("nango-jvm-bench");
        writeProject(dir, 50, 50);
        ProjectLoad load = NangoProject.load(dir);
        if (load.hasErrors()) {
            throw new IllegalStateException(load.errors().toString());
        }
        NangoProject project = load.project();
        System.out.printf("project: %s, %d scripts%n", dir, project.scripts().size());
        ScriptCompiler compiler = ScriptCompiler.builder().useBuildCache(false).buildCacheDir(dir.resolve(".build")).build();
        List<Long> bundle = new ArrayList<>();
        for (int i = 0; i <= rounds; i++) {
            long t = System.nanoTime();
            CompileResult r = compiler.compile(project);
            long ms = (System.nanoTime() - t) / 1_000_000;
            if (r.hasErrors() || r.scripts().size() != 100) {
                throw new IllegalStateException("bundle failed: " + r.errors());
            }
            System.out.printf("bundle  round %d: %5d ms for %d scripts (%d esbuild process)%s%n", i, ms, r.scripts().size(),
                    r.esbuildRuns(), i == 0 ? "  [warm-up]" : "");
            if (i > 0) {
                bundle.add(ms);
            }
        }
        long t0 = System.nanoTime();
        Duration0.print("typescript compiler start", ProjectChecker.compilerStartup().toMillis());
        System.out.printf("(startup measured inside a %d ms call)%n", (System.nanoTime() - t0) / 1_000_000);
        List<Long> check = new ArrayList<>();
        for (int i = 0; i <= rounds; i++) {
            long t = System.nanoTime();
            CheckResult r = ProjectChecker.typeCheck(project);
            long ms = (System.nanoTime() - t) / 1_000_000;
            if (!r.typeErrors().isEmpty()) {
                throw new IllegalStateException("type errors: " + r.typeErrors());
            }
            System.out.printf("typecheck round %d: %5d ms for 100 scripts%s%n", i, ms, i == 0 ? "  [first: parses lib.*.d.ts]" : "");
            if (i > 0) {
                check.add(ms);
            }
        }
        System.out.printf("RESULT bundle 100 scripts warm: best %d ms, median %d ms (goal <= 2000 ms)%n", min(bundle), median(bundle));
        System.out.printf("RESULT type check 100 scripts warm: best %d ms, median %d ms%n", min(check), median(check));
    }

    private static final class Duration0 {
        static void print(String what, long ms) {
            System.out.printf("%s: %d ms%n", what, ms);
        }
    }

    private static long min(List<Long> l) {
        return l.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private static long median(List<Long> l) {
        List<Long> s = l.stream().sorted().toList();
        return s.isEmpty() ? -1 : s.get(s.size() / 2);
    }

    static void writeProject(Path dir, int syncs, int actions) throws IOException {
        StringBuilder yaml = new StringBuilder("integrations:\n    acme:\n        syncs:\n");
        for (int i = 0; i < syncs; i++) {
            yaml.append("            items-").append(i).append(":\n                runs: every hour\n")
                    .append("                sync_type: incremental\n                scopes: [items.read]\n")
                    .append("                output: Item").append(i).append("\n")
                    .append("                endpoint: GET /items-").append(i).append("\n");
        }
        yaml.append("        actions:\n");
        for (int i = 0; i < actions; i++) {
            yaml.append("            create-item-").append(i).append(":\n                scopes: [items.write]\n")
                    .append("                input: CreateItem\n                output: Item0\n")
                    .append("                endpoint: POST /items-").append(i).append("\n");
        }
        yaml.append("models:\n    CreateItem:\n        name: string\n        tags?: string[]\n");
        for (int i = 0; i < syncs; i++) {
            yaml.append("    Item").append(i).append(":\n        id: string\n        name: string\n")
                    .append("        status: active | archived\n        updated_at: string\n        tags: string[]\n");
        }
        Files.writeString(dir.resolve("nango.yaml"), yaml);
        Files.createDirectories(dir.resolve("acme/syncs"));
        Files.createDirectories(dir.resolve("acme/actions"));
        Files.createDirectories(dir.resolve("acme/mappers"));
        Files.writeString(dir.resolve("acme/mappers/to-item.ts"), """
                import type { Item0 } from '../../models';

                export interface AcmeItem {
                    id: number;
                    title: string;
                    archived: boolean;
                    updatedAt: string;
                    labels?: { name: string }[];
                }

                export function toItem(raw: AcmeItem): Item0 {
                    return {
                        id: String(raw.id),
                        name: raw.title.trim(),
                        status: raw.archived ? 'archived' : 'active',
                        updated_at: new Date(raw.updatedAt).toISOString(),
                        tags: (raw.labels ?? []).map((l) => l.name.toLowerCase())
                    };
                }
                """);
        for (int i = 0; i < syncs; i++) {
            Files.writeString(dir.resolve("acme/syncs/items-" + i + ".ts"), """
                    import type { NangoSync, ProxyConfiguration, Item%1$d } from '../../models';
                    import { toItem, type AcmeItem } from '../mappers/to-item.js';

                    export default async function fetchData(nango: NangoSync): Promise<void> {
                        const config: ProxyConfiguration = {
                            // https://developer.acme.test/docs/items
                            endpoint: '/v1/items/%1$d',
                            params: nango.lastSyncDate ? { since: nango.lastSyncDate.toISOString() } : {},
                            retries: 10,
                            paginate: { type: 'cursor', cursor_path_in_response: 'next', cursor_name_in_request: 'cursor', response_path: 'items' }
                        };
                        for await (const page of nango.paginate<AcmeItem>(config)) {
                            const items: Item%1$d[] = page.map(toItem);
                            await nango.batchSave<Item%1$d>(items, 'Item%1$d');
                        }
                    }
                    """.formatted(i));
        }
        for (int i = 0; i < actions; i++) {
            Files.writeString(dir.resolve("acme/actions/create-item-" + i + ".ts"), """
                    import type { NangoAction, ProxyConfiguration, Item0, CreateItem } from '../../models';
                    import { toItem, type AcmeItem } from '../mappers/to-item.js';

                    export default async function runAction(nango: NangoAction, input: CreateItem): Promise<Item0> {
                        if (!input.name.trim()) {
                            throw new nango.ActionError({ message: 'name must not be empty (action %1$d)' });
                        }
                        const config: ProxyConfiguration = {
                            // https://developer.acme.test/docs/items#create
                            endpoint: '/v1/items',
                            data: { title: input.name, labels: (input.tags ?? []).map((name) => ({ name })) },
                            retries: 3
                        };
                        const response = await nango.post<AcmeItem>(config);
                        return toItem(response.data);
                    }
                    """.formatted(i));
        }
    }
}
