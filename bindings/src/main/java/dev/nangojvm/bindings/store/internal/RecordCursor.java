package dev.nangojvm.bindings.store.internal;

import dev.nangojvm.bindings.NangoException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The position of a record in the records API order ({@code last_modified_at}, then row id), in
 * Nango's cursor format: base64 of {@code <last_modified_at>||<row id>}. Consumers treat it as
 * opaque; the row id here is the store's numeric row id instead of Nango's row UUID.
 *
 * <p>Not API: used by the stores of this package tree.
 */
public record RecordCursor(Instant lastModifiedAt, long rowId) {
    /** Cursors longer than this are rejected, as by Nango's records API. */
    public static final int MAX_LENGTH = 1000;

    /** The base64 text handed to consumers. */
    public String encode() {
        String raw = Timestamps.format(lastModifiedAt) + "||" + rowId;
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a cursor from {@link #encode()}; throws {@code invalid_cursor} for anything else. */
    public static RecordCursor decode(String cursor) {
        return tryDecode(cursor).orElseThrow(() -> new NangoException("invalid_cursor",
                "Records cursor '" + abbreviate(cursor) + "' is not valid: expected the value of a "
                        + "record's _nango_metadata.cursor or of next_cursor. Pass a cursor returned by the records API."));
    }

    private static Optional<RecordCursor> tryDecode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split("\\|\\|", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            long rowId = Long.parseLong(parts[1]);
            return Timestamps.parseIsoWithOffset(parts[0]).map(t -> new RecordCursor(t, rowId));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // bad base64 or bad number
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
