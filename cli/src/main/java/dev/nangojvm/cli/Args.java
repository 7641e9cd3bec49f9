package dev.nangojvm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one verb: positionals and {@code --flag value} / {@code --flag=value} /
 * boolean {@code --flag}. Unknown flags are an error naming the verb's known flags, so a typo
 * never silently changes what runs.
 */
final class Args {
    private final String verb;
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> flags = new LinkedHashMap<>();

    private Args(String verb) {
        this.verb = verb;
    }

    /**
     * @param valued flags that take a value
     * @param booleans flags that take none
     */
    static Args parse(String verb, List<String> raw, Set<String> valued, Set<String> booleans) {
        Args a = new Args(verb);
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            if (!s.startsWith("-") || s.equals("-")) {
                a.positionals.add(s);
                continue;
            }
            String name = s.replaceFirst("^--?", "");
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (booleans.contains(name)) {
                a.flags.put(name, value == null ? "true" : value);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= raw.size()) {
                        throw new CliException("missing_flag_value", "'" + verb + " --" + name + "' needs a value, e.g. --" + name + " <value>", 2);
                    }
                    value = raw.get(++i);
                }
                a.flags.put(name, value);
            } else {
                List<String> known = new ArrayList<>();
                valued.forEach(f -> known.add("--" + f + " <value>"));
                booleans.forEach(f -> known.add("--" + f));
                known.sort(null);
                throw new CliException("unknown_flag", "'" + verb + "' has no flag '" + s + "'. Known flags: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ". See ./nango-jvm help.", 2);
            }
        }
        return a;
    }

    String flag(String name, String fallback) {
        return flags.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return flags.containsKey(name) && !"false".equals(flags.get(name));
    }

    List<String> positionals() {
        return positionals;
    }

    /** {@code --project <dir>}, default the current directory, like Nango's CLI. */
    Path project() {
        return Path.of(flag("project", ".")).toAbsolutePath().normalize();
    }

    String verb() {
        return verb;
    }
}
