package dev.nangojvm.toolchain.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small Wadler-style document printer with Prettier's semantics (groups, conditional groups, hard lines that
 * break their parents, re-measuring after a forced line). It is the subset of Prettier's doc printer that
 * {@link ZodPrinter} needs to lay out generated code the way integration-templates' Prettier run laid it out:
 * same break decisions, same indentation, trailing whitespace trimmed.
 */
final class PrettyDoc {
    private PrettyDoc() {}

    /** A document. Groups are mutable only through {@link #propagateBreaks}, as in Prettier. */
    sealed interface Doc permits Text, Concat, Indent, Line, BreakParent, Group, IndentIfBreak {}

    record Text(String text) implements Doc {}

    record Concat(List<Doc> parts) implements Doc {}

    record Indent(Doc contents) implements Doc {}

    record Line(boolean soft, boolean hard) implements Doc {}

    record BreakParent() implements Doc {}

    /** Indents {@code contents} only when the group {@code groupId} was printed broken. */
    record IndentIfBreak(Doc contents, Group groupId) implements Doc {}

    /** A group; {@code expandedStates} non-null makes it Prettier's conditionalGroup (first state = contents). */
    static final class Group implements Doc {
        final Doc contents;
        final List<Doc> expandedStates;
        boolean broken;

        Group(Doc contents, boolean shouldBreak, List<Doc> expandedStates) {
            this.contents = contents;
            this.broken = shouldBreak;
            this.expandedStates = expandedStates;
        }
    }

    static final Doc LINE = new Line(false, false);
    static final Doc SOFTLINE = new Line(true, false);
    static final Doc BREAK_PARENT = new BreakParent();
    static final Doc HARDLINE = new Concat(List.of(new Line(false, true), BREAK_PARENT));
    static final Doc EMPTY = new Text("");

    static Doc text(String s) {
        return new Text(s);
    }

    static Doc concat(Doc... parts) {
        return new Concat(List.of(parts));
    }

    static Doc concat(List<Doc> parts) {
        return new Concat(List.copyOf(parts));
    }

    static Doc indent(Doc... parts) {
        return new Indent(concat(parts));
    }

    static Group group(Doc contents) {
        return new Group(contents, false, null);
    }

    static Group group(Doc contents, boolean shouldBreak) {
        return new Group(contents, shouldBreak, null);
    }

    static Group conditionalGroup(List<Doc> states) {
        return new Group(states.getFirst(), false, List.copyOf(states));
    }

    static Doc join(Doc separator, List<Doc> docs) {
        List<Doc> parts = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (i > 0) {
                parts.add(separator);
            }
            parts.add(docs.get(i));
        }
        return new Concat(parts);
    }

    /** Prettier's {@code willBreak}: a broken group or a hard line anywhere (conditional groups: first state only). */
    static boolean willBreak(Doc doc) {
        return switch (doc) {
            case Group g -> g.broken || willBreak(g.contents);
            case Line l -> l.hard();
            case BreakParent b -> true;
            case Concat c -> c.parts().stream().anyMatch(PrettyDoc::willBreak);
            case Indent i -> willBreak(i.contents());
            case IndentIfBreak i -> willBreak(i.contents());
            case Text t -> false;
        };
    }

    /**
     * Marks every group that contains a hard line (directly or through a broken child group) as broken; conditional
     * groups are not marked and stop the propagation, as in Prettier.
     */
    static void propagateBreaks(Doc doc) {
        propagate(doc, new ArrayDeque<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void propagate(Doc doc, Deque<Group> stack, Set<Doc> visited) {
        switch (doc) {
            case BreakParent b -> breakParent(stack);
            case Group g -> {
                stack.push(g);
                if (visited.add(g)) {
                    for (Doc child : g.expandedStates != null ? g.expandedStates : List.of(g.contents)) {
                        propagate(child, stack, visited);
                    }
                }
                stack.pop();
                if (g.broken) {
                    breakParent(stack);
                }
            }
            case Concat c -> c.parts().forEach(p -> propagate(p, stack, visited));
            case Indent i -> propagate(i.contents(), stack, visited);
            case IndentIfBreak i -> propagate(i.contents(), stack, visited);
            case Text t -> { }
            case Line l -> { }
        }
    }

    private static void breakParent(Deque<Group> stack) {
        Group parent = stack.peek();
        if (parent != null && parent.expandedStates == null) {
            parent.broken = true;
        }
    }

    private enum Mode { BREAK, FLAT }

    private record Cmd(int indent, Mode mode, Doc doc) {}

    /** Prints {@code doc} at {@code width} columns, indenting by {@code tabWidth} spaces. */
    static String print(Doc doc, int width, int tabWidth) {
        propagateBreaks(doc);
        Map<Group, Mode> groupModes = new IdentityHashMap<>();
        StringBuilder out = new StringBuilder();
        Deque<Cmd> cmds = new ArrayDeque<>();
        cmds.push(new Cmd(0, Mode.BREAK, doc));
        int pos = 0;
        boolean shouldRemeasure = false;
        while (!cmds.isEmpty()) {
            Cmd cmd = cmds.pop();
            switch (cmd.doc()) {
                case Text t -> {
                    out.append(t.text());
                    pos += t.text().length();
                }
                case Concat c -> {
                    for (int i = c.parts().size() - 1; i >= 0; i--) {
                        cmds.push(new Cmd(cmd.indent(), cmd.mode(), c.parts().get(i)));
                    }
                }
                case Indent in -> cmds.push(new Cmd(cmd.indent() + tabWidth, cmd.mode(), in.contents()));
                case IndentIfBreak in -> cmds.push(new Cmd(
                        groupModes.get(in.groupId()) == Mode.BREAK ? cmd.indent() + tabWidth : cmd.indent(),
                        cmd.mode(), in.contents()));
                case BreakParent b -> { }
                case Group g -> {
                    if (cmd.mode() == Mode.FLAT && !shouldRemeasure) {
                        cmds.push(new Cmd(cmd.indent(), g.broken ? Mode.BREAK : Mode.FLAT, g.contents));
                        groupModes.put(g, g.broken ? Mode.BREAK : Mode.FLAT);
                        break;
                    }
                    shouldRemeasure = false;
                    Cmd next = new Cmd(cmd.indent(), Mode.FLAT, g.contents);
                    int rem = width - pos;
                    if (!g.broken && fits(next, cmds, rem, false)) {
                        cmds.push(next);
                    } else if (g.expandedStates != null) {
                        Doc mostExpanded = g.expandedStates.getLast();
                        if (g.broken) {
                            cmds.push(new Cmd(cmd.indent(), Mode.BREAK, mostExpanded));
                        } else {
                            boolean pushed = false;
                            for (int i = 1; i < g.expandedStates.size(); i++) {
                                Cmd state = new Cmd(cmd.indent(), Mode.FLAT, g.expandedStates.get(i));
                                if (fits(state, cmds, rem, false)) {
                                    cmds.push(state);
                                    pushed = true;
                                    break;
                                }
                            }
                            if (!pushed) {
                                cmds.push(new Cmd(cmd.indent(), Mode.BREAK, mostExpanded));
                            }
                        }
                    } else {
                        cmds.push(new Cmd(cmd.indent(), Mode.BREAK, g.contents));
                    }
                    groupModes.put(g, cmds.peek().mode());
                }
                case Line l -> {
                    if (cmd.mode() == Mode.FLAT && !l.hard()) {
                        if (!l.soft()) {
                            out.append(' ');
                            pos++;
                        }
                        break;
                    }
                    if (cmd.mode() == Mode.FLAT) {
                        shouldRemeasure = true;
                    }
                    trimTrailingSpaces(out);
                    out.append('\n').append(" ".repeat(cmd.indent()));
                    pos = cmd.indent();
                }
            }
        }
        return out.toString();
    }

    /** Prettier's {@code fits}: does the text up to the next possible line break fit in {@code width}? */
    private static boolean fits(Cmd next, Deque<Cmd> rest, int width, boolean mustBeFlat) {
        Deque<Cmd> cmds = new ArrayDeque<>();
        cmds.push(next);
        var restIt = rest.iterator();
        while (width >= 0) {
            if (cmds.isEmpty()) {
                if (!restIt.hasNext()) {
                    return true;
                }
                cmds.push(restIt.next());
                continue;
            }
            Cmd cmd = cmds.pop();
            switch (cmd.doc()) {
                case Text t -> width -= t.text().length();
                case Concat c -> {
                    for (int i = c.parts().size() - 1; i >= 0; i--) {
                        cmds.push(new Cmd(cmd.indent(), cmd.mode(), c.parts().get(i)));
                    }
                }
                case Indent in -> cmds.push(new Cmd(cmd.indent(), cmd.mode(), in.contents()));
                case IndentIfBreak in -> cmds.push(new Cmd(cmd.indent(), cmd.mode(), in.contents()));
                case BreakParent b -> { }
                case Group g -> {
                    if (mustBeFlat && g.broken) {
                        return false;
                    }
                    Mode mode = g.broken ? Mode.BREAK : cmd.mode();
                    Doc contents = g.expandedStates != null && mode == Mode.BREAK ? g.expandedStates.getLast() : g.contents;
                    cmds.push(new Cmd(cmd.indent(), mode, contents));
                }
                case Line l -> {
                    if (cmd.mode() == Mode.BREAK || l.hard()) {
                        return true;
                    }
                    if (!l.soft()) {
                        width--;
                    }
                }
            }
        }
        return false;
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
            end--;
        }
        out.setLength(end);
    }
}
