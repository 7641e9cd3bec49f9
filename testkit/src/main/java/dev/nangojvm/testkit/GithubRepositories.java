package dev.nangojvm.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The fake GitHub's in-memory data: repositories and their pull requests. Every method is
 * synchronized, so check-then-act steps (the duplicate check before a create) are atomic.
 * Owner and repository names match case-insensitively, as on GitHub.
 */
final class GithubRepositories {

    /** A repository's canonical owner and name. */
    record Repository(String owner, String name) {
        @Override
        public String toString() {
            return owner + "/" + name;
        }
    }

    private static final class State {
        final Repository repository;
        final long idBase;
        final List<FakePullRequest> pulls;
        Instant lastStamp;

        State(Repository repository, long idBase, List<FakePullRequest> pulls, Instant lastStamp) {
            this.repository = repository;
            this.idBase = idBase;
            this.pulls = new ArrayList<>(pulls);
            this.lastStamp = lastStamp;
        }
    }

    private final Map<String, State> states = new LinkedHashMap<>();
    private final Clock clock;

    /** Seeds each {@code owner/repo → pull request count} with {@link GithubSeed}; ids never collide across repositories. */
    GithubRepositories(Map<String, Integer> seeds, Instant baseInstant, Clock clock) {
        this.clock = clock;
        seeds.forEach((fullName, count) -> {
            var repository = new Repository(fullName.substring(0, fullName.indexOf('/')), fullName.substring(fullName.indexOf('/') + 1));
            long idBase = 1_000_000_000L + states.size() * 1_000_000L;
            List<FakePullRequest> pulls = GithubSeed.pullRequests(repository.owner(), idBase, count, baseInstant);
            Instant latest = pulls.stream().map(FakePullRequest::updatedAt).max(Comparator.naturalOrder()).orElse(baseInstant);
            states.put(key(repository.owner(), repository.name()), new State(repository, idBase, pulls, latest));
        });
    }

    synchronized Optional<Repository> find(String owner, String repo) {
        return Optional.ofNullable(states.get(key(owner, repo))).map(state -> state.repository);
    }

    /** The repository, or an exception naming the ones that exist. */
    synchronized Repository require(String owner, String repo) {
        return find(owner, repo).orElseThrow(() -> new IllegalArgumentException("the fake GitHub has no repository " + owner + "/" + repo
                + "; it has " + states.values().stream().map(s -> s.repository.toString()).collect(Collectors.joining(", "))));
    }

    synchronized Repository first() {
        return states.values().iterator().next().repository;
    }

    /** All pull requests, in number order. */
    synchronized List<FakePullRequest> pullRequests(Repository repository) {
        return List.copyOf(state(repository).pulls);
    }

    /** The pull requests that pass {@code filter}, sorted. */
    synchronized List<FakePullRequest> list(Repository repository, Predicate<FakePullRequest> filter, Comparator<FakePullRequest> order) {
        return state(repository).pulls.stream().filter(filter).sorted(order).toList();
    }

    /**
     * Opens a pull request numbered after the highest so far, created and updated now; empty when an
     * open pull request with the same head label and base already exists.
     */
    synchronized Optional<FakePullRequest> create(Repository repository, String title, String body, String author, boolean draft, String headLabel, String base) {
        State state = state(repository);
        if (state.pulls.stream().anyMatch(pr -> pr.state().equals("open") && pr.headLabel().equalsIgnoreCase(headLabel) && pr.base().equals(base))) {
            return Optional.empty();
        }
        Instant now = nextStamp(state);
        int number = state.pulls.stream().mapToInt(FakePullRequest::number).max().orElse(0) + 1;
        var created = new FakePullRequest(state.idBase + number, number, title, body, author, now, now, null, null, draft, headLabel, base, List.of());
        state.pulls.add(created);
        return Optional.of(created);
    }

    /** Renames a pull request and moves its {@code updated_at} to now. */
    synchronized FakePullRequest update(Repository repository, int number, String newTitle) {
        State state = state(repository);
        for (int i = 0; i < state.pulls.size(); i++) {
            if (state.pulls.get(i).number() == number) {
                FakePullRequest updated = state.pulls.get(i).withTitle(newTitle, nextStamp(state));
                state.pulls.set(i, updated);
                return updated;
            }
        }
        throw new IllegalArgumentException("no pull request #" + number + " in " + repository + "; it has #1..#" + state.pulls.size());
    }

    /** Now in whole seconds, but always after the repository's previous change, so changes order strictly. */
    private Instant nextStamp(State state) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        state.lastStamp = now.isAfter(state.lastStamp) ? now : state.lastStamp.plusSeconds(1);
        return state.lastStamp;
    }

    private State state(Repository repository) {
        return states.get(key(repository.owner(), repository.name()));
    }

    private static String key(String owner, String repo) {
        return (owner + "/" + repo).toLowerCase(Locale.ROOT);
    }
}
