package dev.nangojvm.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** GitHub's JSON shapes for the fake: pull requests and error bodies. */
final class GithubJson {

    static final String DOCS = "https://docs.github.com/rest";
    static final String LIST_DOCS = DOCS + "/pulls/pulls#list-pull-requests";
    static final String CREATE_DOCS = DOCS + "/pulls/pulls#create-a-pull-request";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> LABEL_COLORS = Map.of(
            "bug", "d73a4a", "enhancement", "a2eeef", "documentation", "0075ca");

    private GithubJson() {}

    /** A pull request as the list, get and create endpoints return it. */
    static ObjectNode pullRequest(FakePullRequest pr, String apiBase, GithubRepositories.Repository repository) {
        String owner = repository.owner();
        String repo = repository.name();
        ObjectNode json = NODES.objectNode();
        json.put("url", apiBase + "/repos/" + owner + "/" + repo + "/pulls/" + pr.number());
        json.put("id", pr.id());
        json.put("html_url", "https://github.com/" + owner + "/" + repo + "/pull/" + pr.number());
        json.put("number", pr.number());
        json.put("state", pr.state());
        json.put("locked", false);
        json.put("title", pr.title());
        json.set("user", user(pr.author()));
        json.put("body", pr.body());
        ArrayNode labels = json.putArray("labels");
        pr.labels().forEach(name -> labels.addObject()
                .put("id", stableId(name))
                .put("name", name)
                .put("color", LABEL_COLORS.getOrDefault(name, "ededed")));
        json.put("created_at", timestamp(pr.createdAt()));
        json.put("updated_at", timestamp(pr.updatedAt()));
        json.put("closed_at", timestamp(pr.closedAt()));
        json.put("merged_at", timestamp(pr.mergedAt()));
        json.put("draft", pr.draft());
        json.set("head", branch(pr.headLabel(), owner + "/" + repo + "#" + pr.number()));
        json.set("base", branch(owner + ":" + pr.base(), owner + "/" + repo + "@" + pr.base()));
        return json;
    }

    /** {@code {"message": ..., "documentation_url": ..., "status": "<code>"}}. */
    static ObjectNode error(int status, String message, String documentationUrl) {
        ObjectNode json = NODES.objectNode();
        json.put("message", message);
        json.put("documentation_url", documentationUrl);
        json.put("status", Integer.toString(status));
        return json;
    }

    /**
     * 422 "Validation Failed" with one entry in {@code errors}: {@code {"resource":"PullRequest", k1: v1, ...}},
     * keys in the order given ({@code "code", "custom", "message", "..."}).
     */
    static ObjectNode validationFailed(String documentationUrl, String... keyValues) {
        ObjectNode json = NODES.objectNode();
        json.put("message", "Validation Failed");
        ObjectNode error = json.putArray("errors").addObject().put("resource", "PullRequest");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            error.put(keyValues[i], keyValues[i + 1]);
        }
        json.put("documentation_url", documentationUrl);
        json.put("status", "422");
        return json;
    }

    /** GitHub's timestamp format: {@code 2024-01-01T00:00:00Z}; null stays null. */
    static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static ObjectNode user(String login) {
        return NODES.objectNode().put("login", login).put("id", stableId(login)).put("type", "User");
    }

    private static ObjectNode branch(String label, String shaSeed) {
        return NODES.objectNode()
                .put("label", label)
                .put("ref", label.substring(label.indexOf(':') + 1))
                .put("sha", sha1(shaSeed));
    }

    private static long stableId(String text) {
        return Math.floorMod(text.hashCode(), 90_000_000) + 10_000_000L;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
