package dev.nangojvm.toolchain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses esbuild's human log ({@code --color=false}) into messages. The format, per message:
 * <pre>
 * ✘ [ERROR] Could not resolve "lodash"
 *
 *     github/actions/create-issue.ts:2:19:
 *       2 │ import lodash from 'lodash';
 *   You can mark the path "lodash" as external ...
 * </pre>
 * The first {@code file:line:col:} line (4-space indent) before any note is the message's location. esbuild
 * prints 0-based columns; {@link Message#column()} is 1-based.
 */
public final class EsbuildLog {
    private static final Pattern HEADER = Pattern.compile("^(?:✘ \\[ERROR]|▲ \\[WARNING]|X \\[ERROR]|\\[WARNING]) (.*)$");
    private static final Pattern LOCATION = Pattern.compile("^    (\\S.*):(\\d+):(\\d+):$");

    /** One esbuild message; {@code file} is as printed (relative to esbuild's working directory), or null. */
    public record Message(boolean error, String text, String file, int line, int column) {}

    private EsbuildLog() {}

    public static List<Message> parse(String log) {
        List<Message> out = new ArrayList<>();
        boolean error = false;
        String text = null;
        String file = null;
        int line = 0;
        int column = 0;
        boolean inNotes = false;
        for (String l : log.split("\\R")) {
            Matcher h = HEADER.matcher(l);
            if (h.matches()) {
                if (text != null) {
                    out.add(new Message(error, text, file, line, column));
                }
                error = l.contains("[ERROR]");
                text = h.group(1);
                file = null;
                line = 0;
                column = 0;
                inNotes = false;
                continue;
            }
            if (text == null) {
                continue;
            }
            Matcher loc = LOCATION.matcher(l);
            if (loc.matches() && file == null && !inNotes) {
                file = loc.group(1);
                line = Integer.parseInt(loc.group(2));
                column = Integer.parseInt(loc.group(3)) + 1;
            } else if (l.startsWith("  ") && !l.startsWith("    ") && !l.isBlank()) {
                inNotes = true;
            }
        }
        if (text != null) {
            out.add(new Message(error, text, file, line, column));
        }
        return out;
    }
}
