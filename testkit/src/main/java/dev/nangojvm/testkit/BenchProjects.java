package dev.nangojvm.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated projects for benchmarks: the same one for the CLI's bench (P6) and the toolchain's CheckBench. */
public final class BenchProjects {
    private BenchProjects() { }

    /**
     * The benchmark's P6 project, written from the CLI's bench project in {@code resources}: 100 copies of the bench sync sharing its mapper and types. Nango rejects one
     * model as the output of several syncs of an integration, so copy i saves {@code ContactNNN}, a model with
     * {@code Contact}'s fields.
     */
    public static void writeHundredSyncs(Path resources, Path many) throws IOException {
        Files.createDirectories(many.resolve("bench/syncs"));
        Files.createDirectories(many.resolve("bench/mappers"));
        Files.copy(resources.resolve("bench/types.ts"), many.resolve("bench/types.ts"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(resources.resolve("bench/mappers/to-contact.ts"), many.resolve("bench/mappers/to-contact.ts"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String base = Files.readString(resources.resolve("nango.yaml"));
        String models = base.substring(base.indexOf("models:"));
        int from = models.indexOf("    Contact:\n") + "    Contact:\n".length();
        int to = models.indexOf("\n    ", from);
        while (to >= 0 && models.startsWith("        ", to + 1)) {
            to = models.indexOf("\n    ", to + 1);
        }
        String contactFields = models.substring(from, to + 1);
        StringBuilder yaml = new StringBuilder("integrations:\n    bench:\n        syncs:\n");
        StringBuilder extra = new StringBuilder();
        String sync = Files.readString(resources.resolve("bench/syncs/contacts.ts"));
        for (int i = 1; i <= 100; i++) {
            String n = String.format("%03d", i);
            yaml.append("            contacts-").append(n).append(":\n                runs: every day\n")
                    .append("                output: Contact").append(n).append("\n")
                    .append("                endpoint:\n                    method: GET\n                    path: /contacts-").append(n)
                    .append("\n");
            extra.append("    Contact").append(n).append(":\n").append(contactFields);
            Files.writeString(many.resolve("bench/syncs/contacts-" + n + ".ts"), sync
                    .replace("import type { Contact,", "import type { Contact" + n + ",")
                    .replace("batchSave<Contact>", "batchSave<Contact" + n + ">")
                    .replace("'Contact'", "'Contact" + n + "'"));
        }
        yaml.append(models.endsWith("\n") ? models : models + "\n").append(extra);
        Files.writeString(many.resolve("nango.yaml"), yaml);
    }
}
