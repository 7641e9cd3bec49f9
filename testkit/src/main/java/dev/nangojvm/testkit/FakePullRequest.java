package dev.nangojvm.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pull request held by {@link FakeGithubServer}. Immutable: updates replace it.
 *
 * @param id        GitHub's numeric id, unique across the fake's repositories
 * @param number    number within the repository (1, 2, ...)
 * @param title     title
 * @param body      description; {@code null} when none (GitHub sends {@code null} too)
 * @param author    login of the author
 * @param createdAt creation time, whole seconds
 * @param updatedAt last update, whole seconds
 * @param closedAt  when it was closed or merged; {@code null} while open
 * @param mergedAt  when it was merged; {@code null} unless merged
 * @param draft     draft pull request
 * @param headLabel {@code owner:branch} of the head branch
 * @param base      base branch name
 * @param labels    label names
 */
public record FakePullRequest(
        long id,
        int number,
        String title,
        String body,
        String author,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        Instant mergedAt,
        boolean draft,
        String headLabel,
        String base,
        List<String> labels) {

    public FakePullRequest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        labels = List.copyOf(labels);
    }

    /** GitHub's {@code state}: {@code open}, or {@code closed} (merged pull requests are closed too). */
    public String state() {
        return closedAt == null ? "open" : "closed";
    }

    /** True when merged. */
    public boolean merged() {
        return mergedAt != null;
    }

    /** The head branch name, without the {@code owner:} part. */
    public String headRef() {
        return headLabel.substring(headLabel.indexOf(':') + 1);
    }

    FakePullRequest withTitle(String newTitle, Instant newUpdatedAt) {
        return new FakePullRequest(id, number, newTitle, body, author, createdAt, newUpdatedAt, closedAt, mergedAt, draft, headLabel, base, labels);
    }
}
