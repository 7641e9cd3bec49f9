package dev.nangojvm.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic pull requests a fake repository starts with. Pull request {@code n} is created
 * {@code 3 h × (n − 1)} after the base instant and last updated 0–49 h later, so the update order
 * differs from the number order; every 5th is merged, every 7th (not merged) closed, every 11th
 * open one a draft. The same inputs always give the same pull requests.
 */
final class GithubSeed {

    static final String BASE_BRANCH = "main";

    private static final List<String> AUTHORS = List.of("octocat", "hubot", "monalisa", "nango-bot");
    private static final List<String> TOPICS = List.of(
            "Fix pagination of the contacts sync", "Add retries to the webhook handler", "Bump the zod dependency",
            "Document the connection metadata", "Speed up the incremental sync", "Handle deleted users",
            "Rename the pull request model fields", "Log the rate limit headers");

    private GithubSeed() {}

    static List<FakePullRequest> pullRequests(String owner, long idBase, int count, Instant base) {
        List<FakePullRequest> seeded = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            seeded.add(pullRequest(owner, idBase, n, base));
        }
        return seeded;
    }

    private static FakePullRequest pullRequest(String owner, long idBase, int n, Instant base) {
        Instant created = base.plus(Duration.ofHours(3L * (n - 1)));
        Instant updated = created.plus(Duration.ofHours((n * 7L) % 50)).plus(Duration.ofMinutes((n * 13L) % 60));
        boolean merged = n % 5 == 0;
        boolean closed = merged || n % 7 == 0;
        return new FakePullRequest(
                idBase + n,
                n,
                TOPICS.get(n % TOPICS.size()) + " (part " + n + ")",
                "Seeded pull request " + n + ".",
                AUTHORS.get(n % AUTHORS.size()),
                created,
                updated,
                closed ? updated : null,
                merged ? updated : null,
                !closed && n % 11 == 0,
                owner + ":feature/pr-" + n,
                BASE_BRANCH,
                labels(n));
    }

    private static List<String> labels(int n) {
        List<String> labels = new ArrayList<>();
        if (n % 3 == 0) {
            labels.add("bug");
        }
        if (n % 4 == 0) {
            labels.add("enhancement");
        }
        if (n % 10 == 0) {
            labels.add("documentation");
        }
        return labels;
    }
}
