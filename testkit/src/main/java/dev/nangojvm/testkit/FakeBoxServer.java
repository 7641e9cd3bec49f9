package dev.nangojvm.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loopback fake of Box's content API (folders and files), for the selection-based sync sample.
 *
 * <ul>
 *   <li>{@code GET /2.0/folders/{folder_id}/items} with {@code fields}, {@code limit} (default 100,
 *       at most 1000) and either {@code usemarker=true} + {@code marker} (answer
 *       {@code {entries, limit, next_marker}}, {@code next_marker} null on the last page) or
 *       {@code offset} (answer {@code {total_count, entries, offset, limit, order}}). Folders come
 *       first, then files, then web links, each by name, as in Box.</li>
 *   <li>{@code GET /2.0/folders/{folder_id}} and {@code GET /2.0/files/{file_id}} with {@code fields}.</li>
 * </ul>
 * Items carry {@code type}, {@code id} and {@code etag} always, and the requested {@code fields}
 * ({@code name, size, sha1, modified_at, created_at, parent, path_collection, shared_link}); without
 * {@code fields} a mini representation. Unknown ids answer Box's 404 error object; requests without
 * {@code Authorization: Bearer <token>} answer 401 with an empty body and {@code WWW-Authenticate}.
 *
 * <p>The default tree ({@link #withDefaultTree()}):
 * <pre>
 * All Files (0)
 * ├── Finance (1001)
 * │   ├── Invoices (1002)      1,050 files invoice-0001.pdf ...
 * │   ├── Reports (1003)       30 files report-01.docx ...
 * │   │   └── Archive (1004)   12 files archive-01.docx ...
 * │   └── budget-2024.xlsx
 * ├── Marketing (2001)         20 files brochure-01.pdf ..., 1 web link
 * └── welcome.pdf
 * </pre>
 * File ids start at {@value #FIRST_FILE_ID} in creation order (depth first, as listed above).
 * Test hooks: {@link #trash}, {@link #fileId}, {@link #fileIds}.
 */
public final class FakeBoxServer extends FakeApiServer {

    public static final String DEFAULT_TOKEN = "box-fake-access-token";
    public static final long FIRST_FILE_ID = 3_000_000_001L;
    public static final int MAX_LIMIT = 1000;
    public static final Instant BASE_INSTANT = Instant.parse("2024-02-01T09:00:00Z");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter BOX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.ofHours(-8));

    /** A folder, file or web link. */
    private record Item(String type, String id, String name, String parentId, long size, Instant modifiedAt, boolean shared) {}

    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Set<String> trashed = new LinkedHashSet<>();
    private long nextFileId = FIRST_FILE_ID;

    private FakeBoxServer(String token) {
        super(token);
        folder("0", "All Files", null);
        serve(FakeProviderServer.builder()
                        .get("/2.0/folders/{folder_id}/items", this::listItems)
                        .get("/2.0/folders/{folder_id}", request -> getItem(request, "folder", request.pathParam("folder_id")))
                        .get("/2.0/files/{file_id}", request -> getItem(request, "file", request.pathParam("file_id")))
                        .notFound(request -> notFound()),
                request -> FakeResponse.empty(401).withHeader("www-authenticate",
                        "Bearer realm=\"Service\", error=\"invalid_token\", error_description=\"The access token provided is invalid.\""));
    }

    /** A started server holding the default tree (see the class comment). Close it after use. */
    public static FakeBoxServer withDefaultTree() {
        FakeBoxServer box = new FakeBoxServer(DEFAULT_TOKEN);
        box.seed();
        return box;
    }

    /** Moves a file or folder to the trash: it disappears from listings and answers 404. */
    public synchronized void trash(String id) {
        if (!items.containsKey(id)) {
            throw new IllegalArgumentException("the fake Box has no item " + id);
        }
        trashed.add(id);
    }

    /** The id of the file with this name (names are unique in the default tree). */
    public synchronized String fileId(String name) {
        return items.values().stream().filter(i -> i.type().equals("file") && i.name().equals(name)).map(Item::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the fake Box has no file named " + name));
    }

    /** The ids of every live file under a folder, at any depth. */
    public synchronized List<String> fileIds(String folderId) {
        List<String> ids = new ArrayList<>();
        for (Item item : children(folderId)) {
            if (item.type().equals("file")) {
                ids.add(item.id());
            } else if (item.type().equals("folder")) {
                ids.addAll(fileIds(item.id()));
            }
        }
        return ids;
    }

    // ---- handlers

    private synchronized FakeResponse listItems(FakeRequest request) {
        String folderId = request.pathParam("folder_id");
        if (!live(folderId, "folder")) {
            return notFound();
        }
        int limit = Math.min(intParam(request.queryParam("limit"), 100), MAX_LIMIT);
        Set<String> fields = fields(request);
        List<Item> children = children(folderId);
        ObjectNode body = NODES.objectNode();
        boolean marker = request.queryParam("usemarker").filter("true"::equals).isPresent();
        int from;
        if (marker) {
            Optional<String> markerValue = request.queryParam("marker");
            try {
                from = markerValue.map(m -> Integer.parseInt(new String(Base64.getUrlDecoder().decode(m), StandardCharsets.UTF_8))).orElse(0);
            } catch (IllegalArgumentException e) {
                return FakeResponse.json(400, error(400, "bad_request", "Invalid value '" + markerValue.get() + "'. 'marker' is invalid."));
            }
        } else {
            from = request.queryParam("offset").map(Integer::parseInt).orElse(0);
            body.put("total_count", children.size());
        }
        ArrayNode entries = body.putArray("entries");
        int to = Math.min(from + limit, children.size());
        children.subList(Math.min(from, children.size()), to).forEach(item -> entries.add(json(item, fields)));
        body.put("limit", limit);
        if (marker) {
            body.put("next_marker", to < children.size()
                    ? Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8))
                    : null);
        } else {
            body.put("offset", from);
            body.putArray("order").addObject().put("by", "type").put("direction", "ASC");
        }
        return FakeResponse.json(200, body);
    }

    private synchronized FakeResponse getItem(FakeRequest request, String type, String id) {
        if (!live(id, type)) {
            return notFound();
        }
        return FakeResponse.json(200, json(items.get(id), fields(request)));
    }

    // ---- JSON

    private ObjectNode json(Item item, Set<String> fields) {
        ObjectNode json = NODES.objectNode();
        json.put("type", item.type());
        json.put("id", item.id());
        json.put("etag", item.type().equals("web_link") ? "1" : "0");
        Set<String> wanted = fields.isEmpty() ? Set.of("name", "sequence_id", "sha1") : fields;
        for (String field : wanted) {
            switch (field) {
                case "name" -> json.put("name", item.name());
                case "sequence_id" -> json.put("sequence_id", "0");
                case "size" -> {
                    if (!item.type().equals("web_link")) {
                        json.put("size", item.type().equals("folder") ? folderSize(item.id()) : item.size());
                    }
                }
                case "sha1" -> {
                    if (item.type().equals("file")) {
                        json.put("sha1", sha1(item.id() + item.name()));
                    }
                }
                case "created_at", "modified_at" -> json.put(field, BOX_TIME.format(item.modifiedAt()));
                case "parent" -> {
                    Item parent = items.get(item.parentId());
                    if (parent == null) {
                        json.putNull("parent");
                    } else {
                        json.set("parent", mini(parent));
                    }
                }
                case "path_collection" -> {
                    List<Item> ancestors = new ArrayList<>();
                    for (Item at = items.get(item.parentId()); at != null; at = items.get(at.parentId())) {
                        ancestors.addFirst(at);
                    }
                    ObjectNode path = json.putObject("path_collection");
                    path.put("total_count", ancestors.size());
                    ArrayNode entries = path.putArray("entries");
                    ancestors.forEach(a -> entries.add(mini(a)));
                }
                case "shared_link" -> {
                    if (item.shared() && item.type().equals("file")) {
                        String code = sha1(item.id()).substring(0, 32);
                        json.putObject("shared_link")
                                .put("url", "https://app.box.com/s/" + code)
                                .put("download_url", "https://app.box.com/shared/static/" + code + extension(item.name()))
                                .put("access", "company")
                                .put("effective_access", "company")
                                .put("is_password_enabled", false)
                                .put("download_count", 0);
                    } else {
                        json.putNull("shared_link");
                    }
                }
                default -> { }
            }
        }
        return json;
    }

    private static ObjectNode mini(Item folder) {
        ObjectNode json = NODES.objectNode().put("type", "folder").put("id", folder.id());
        if (folder.id().equals("0")) {
            json.putNull("sequence_id").putNull("etag");
        } else {
            json.put("sequence_id", "0").put("etag", "0");
        }
        return json.put("name", folder.name());
    }

    private static Set<String> fields(FakeRequest request) {
        return request.queryParam("fields")
                .map(f -> new LinkedHashSet<>(Arrays.stream(f.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()))
                .map(s -> (Set<String>) s)
                .orElse(Set.of());
    }

    private static ObjectNode error(int status, String code, String message) {
        return NODES.objectNode().put("type", "error").put("status", status).put("code", code)
                .put("help_url", "http://developers.box.com/docs/#errors").put("message", message).put("request_id", "fake0request0id");
    }

    private static FakeResponse notFound() {
        return FakeResponse.json(404, error(404, "not_found", "Not Found"));
    }

    // ---- data

    private void seed() {
        folder("1001", "Finance", "0");
        folder("1002", "Invoices", "1001");
        for (int n = 1; n <= 1050; n++) {
            file(String.format("invoice-%04d.pdf", n), "1002", n);
        }
        folder("1003", "Reports", "1001");
        for (int n = 1; n <= 30; n++) {
            file(String.format("report-%02d.docx", n), "1003", n);
        }
        folder("1004", "Archive", "1003");
        for (int n = 1; n <= 12; n++) {
            file(String.format("archive-%02d.docx", n), "1004", n);
        }
        file("budget-2024.xlsx", "1001", 7);
        folder("2001", "Marketing", "0");
        for (int n = 1; n <= 20; n++) {
            file(String.format("brochure-%02d.pdf", n), "2001", n);
        }
        items.put("4001", new Item("web_link", "4001", "Brand guidelines", "2001", 0, BASE_INSTANT, false));
        file("welcome.pdf", "0", 1);
    }

    private void folder(String id, String name, String parentId) {
        items.put(id, new Item("folder", id, name, parentId, 0, BASE_INSTANT, false));
    }

    private void file(String name, String parentId, int n) {
        String id = Long.toString(nextFileId++);
        items.put(id, new Item("file", id, name, parentId, 1024L * (n % 97 + 1) + n, BASE_INSTANT.plus(Duration.ofMinutes(37L * n)), n % 5 == 0));
    }

    private boolean live(String id, String type) {
        Item item = items.get(id);
        if (item == null || !item.type().equals(type)) {
            return false;
        }
        for (Item at = item; at != null; at = items.get(at.parentId())) {
            if (trashed.contains(at.id())) {
                return false;
            }
        }
        return true;
    }

    private List<Item> children(String folderId) {
        return items.values().stream()
                .filter(i -> folderId.equals(i.parentId()) && !trashed.contains(i.id()))
                .sorted(Comparator.comparing((Item i) -> List.of("folder", "file", "web_link").indexOf(i.type())).thenComparing(Item::name))
                .toList();
    }

    private long folderSize(String folderId) {
        return children(folderId).stream().mapToLong(i -> i.type().equals("folder") ? folderSize(i.id()) : i.size()).sum();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
