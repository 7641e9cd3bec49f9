package dev.nangojvm.cli.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nangojvm.replay.internal.JsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code JSON.stringify(value, null, 2)} as V8 writes it: two-space indent, {@code "key": value},
 * {@code []} and {@code {}} for empty containers, numbers in ECMAScript form, non-ASCII raw. What
 * the dry run prints and every mock file it writes.
 */
public final class JsPretty {
    private JsPretty() { }

    public static String stringify(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, "");
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb, String indent) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            sb.append("null");
        } else if (node.isTextual()) {
            sb.append(JsJson.quote(node.textValue()));
        } else if (node.isNumber()) {
            sb.append(JsJson.numberToJson(node.doubleValue()));
        } else if (node.isBoolean()) {
            sb.append(node.booleanValue());
        } else if (node.isBinary()) {
            try {
                sb.append(JsJson.quote(Base64.getEncoder().encodeToString(node.binaryValue())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                sb.append("[]");
                return;
            }
            String inner = indent + "  ";
            sb.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) sb.append(",\n");
                sb.append(inner);
                write(node.get(i), sb, inner);
            }
            sb.append('\n').append(indent).append(']');
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                sb.append("{}");
                return;
            }
            String inner = indent + "  ";
            sb.append("{\n");
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) sb.append(",\n");
                first = false;
                sb.append(inner).append(JsJson.quote(e.getKey())).append(": ");
                write(e.getValue(), sb, inner);
            }
            sb.append('\n').append(indent).append('}');
        } else {
            sb.append(JsJson.quote(node.asText()));
        }
    }
}
