package dev.nangojvm.toolchain.internal;

import static dev.nangojvm.toolchain.internal.PrettyDoc.BREAK_PARENT;
import static dev.nangojvm.toolchain.internal.PrettyDoc.EMPTY;
import static dev.nangojvm.toolchain.internal.PrettyDoc.HARDLINE;
import static dev.nangojvm.toolchain.internal.PrettyDoc.LINE;
import static dev.nangojvm.toolchain.internal.PrettyDoc.SOFTLINE;
import static dev.nangojvm.toolchain.internal.PrettyDoc.concat;
import static dev.nangojvm.toolchain.internal.PrettyDoc.group;
import static dev.nangojvm.toolchain.internal.PrettyDoc.indent;
import static dev.nangojvm.toolchain.internal.PrettyDoc.join;
import static dev.nangojvm.toolchain.internal.PrettyDoc.text;

import dev.nangojvm.toolchain.internal.PrettyDoc.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The few JavaScript expressions a zod schema file is made of, and their layout as Prettier prints them with
 * integration-templates' settings (4-space indent, 180 columns, single quotes, no trailing commas): member chains
 * ({@code z.string().optional()}), call arguments with last-argument hugging ({@code z.object({...})}), arrays,
 * always-expanded object literals (ts-to-zod emits them multi-line, and Prettier keeps that), {@code () => x}.
 */
final class ZodPrinter {
    static final int PRINT_WIDTH = 180;
    static final int TAB_WIDTH = 4;
    private static final Pattern NUMERIC_KEY = Pattern.compile("^[0-9]+$");
    private static final Pattern ES5_IDENTIFIER = Pattern.compile("^[A-Za-z_$\\u00AA-\\uFFFF][A-Za-z0-9_$\\u00AA-\\uFFFF]*$");

    private ZodPrinter() {}

    /** An expression. */
    sealed interface Expr permits Ident, Str, Call, Member, ArrayLit, ObjectLit, Arrow {}

    /** An identifier or a number/boolean/null literal: printed as is. */
    record Ident(String text) implements Expr {}

    /** A string literal, printed with Prettier's quote preference. */
    record Str(String value) implements Expr {}

    record Call(Expr callee, List<Expr> args) implements Expr {}

    record Member(Expr object, String property) implements Expr {}

    record ArrayLit(List<Expr> elements) implements Expr {}

    /** An object literal; keys are the raw property names. */
    record ObjectLit(List<Prop> props) implements Expr {}

    record Prop(String key, Expr value) {}

    /** {@code () => body}. */
    record Arrow(Expr body) implements Expr {}

    /** {@code export const name[: annotation] = value;} */
    record ExportConst(String name, String annotation, Expr value) {}

    static Expr call(Expr object, String method, Expr... args) {
        return new Call(new Member(object, method), List.of(args));
    }

    /** The statement laid out at column 0, without a trailing newline. */
    static String print(ExportConst statement) {
        Doc doc = concat(text("export const " + statement.name()
                + (statement.annotation() == null ? "" : ": " + statement.annotation()) + " = "),
                expr(statement.value(), false), text(";"));
        return PrettyDoc.print(doc, PRINT_WIDTH, TAB_WIDTH);
    }

    private static Doc expr(Expr e, boolean expandLastArg) {
        return switch (e) {
            case Ident i -> text(i.text());
            case Str s -> text(quote(s.value()));
            case Member m -> concat(expr(m.object(), false), text("." + m.property()));
            case Call c -> memberChain(c);
            case ArrayLit a -> a.elements().isEmpty() ? text("[]") : group(concat(text("["),
                    indent(SOFTLINE, join(concat(text(","), LINE), docs(a.elements()))), SOFTLINE, text("]")));
            case ObjectLit o -> object(o);
            case Arrow a -> arrow(a, expandLastArg);
        };
    }

    private static List<Doc> docs(List<Expr> exprs) {
        return exprs.stream().map(x -> expr(x, false)).toList();
    }

    /** ts-to-zod builds objects multi-line, so Prettier keeps every non-empty object expanded. */
    private static Doc object(ObjectLit o) {
        if (o.props().isEmpty()) {
            return text("{}");
        }
        List<Doc> props = new ArrayList<>();
        for (Prop p : o.props()) {
            props.add(concat(text(propertyKey(p.key()) + ": "), expr(p.value(), false)));
        }
        return group(concat(text("{"), indent(LINE, join(concat(text(","), LINE), props)), LINE, text("}")), true);
    }

    private static Doc arrow(Arrow a, boolean expandLastArg) {
        Doc body = expr(a.body(), false);
        if (a.body() instanceof ObjectLit || a.body() instanceof ArrayLit || a.body() instanceof Arrow) {
            return group(concat(text("() => "), body));
        }
        return group(concat(text("() =>"), group(concat(indent(LINE, body), expandLastArg ? SOFTLINE : EMPTY))));
    }

    // ---- member chains (Prettier's printMemberChain, for chains without comments or computed access)

    private record Link(Expr node, Doc printed) {}

    private static Doc memberChain(Call call) {
        List<Link> links = new ArrayList<>();
        flatten(call, links);
        // first group: the head, plus call/member links that cannot be split from it (none for identifier heads
        // followed by `.x(...)`, the only shape ts-to-zod emits)
        List<List<Link>> groups = new ArrayList<>();
        int i = 1;
        List<Link> first = new ArrayList<>(List.of(links.getFirst()));
        for (; i < links.size() && links.get(i).node() instanceof Call; i++) {
            first.add(links.get(i));
        }
        if (!(links.getFirst().node() instanceof Call)) {
            for (; i + 1 < links.size() && links.get(i).node() instanceof Member
                    && links.get(i + 1).node() instanceof Member; i++) {
                first.add(links.get(i));
            }
        }
        groups.add(first);
        List<Link> current = new ArrayList<>();
        boolean seenCall = false;
        for (; i < links.size(); i++) {
            if (seenCall && links.get(i).node() instanceof Member) {
                groups.add(current);
                current = new ArrayList<>();
                seenCall = false;
            }
            if (links.get(i).node() instanceof Call) {
                seenCall = true;
            }
            current.add(links.get(i));
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        List<Doc> printedGroups = groups.stream().map(ZodPrinter::printGroup).toList();
        Doc oneLine = concat(printedGroups);
        if (groups.size() <= 2) {
            return group(oneLine);
        }
        List<Doc> rest = printedGroups.subList(1, printedGroups.size());
        Doc expanded = concat(printedGroups.getFirst(), indent(HARDLINE, join(HARDLINE, rest)));
        List<Call> calls = links.stream().map(Link::node).filter(Call.class::isInstance).map(Call.class::cast).toList();
        boolean complexArgs = calls.size() > 2
                && calls.stream().anyMatch(c -> !c.args().stream().allMatch(a -> isSimpleCallArgument(a, 2)));
        if (complexArgs || printedGroups.subList(0, printedGroups.size() - 1).stream().anyMatch(PrettyDoc::willBreak)) {
            return group(expanded);
        }
        return concat(PrettyDoc.willBreak(oneLine) ? BREAK_PARENT : EMPTY,
                PrettyDoc.conditionalGroup(List.of(oneLine, expanded)));
    }

    private static Doc printGroup(List<Link> group) {
        return concat(group.stream().map(Link::printed).toList());
    }

    /** Head first: {@code z.union([..]).optional()} becomes z, .union, ([..]), .optional, (). */
    private static void flatten(Expr e, List<Link> out) {
        if (e instanceof Call c && (c.callee() instanceof Member || c.callee() instanceof Call)) {
            flatten(c.callee(), out);
            out.add(new Link(c, arguments(c.args())));
        } else if (e instanceof Member m) {
            flatten(m.object(), out);
            out.add(new Link(m, text("." + m.property())));
        } else {
            out.add(new Link(e, e instanceof Call c ? concat(expr(c.callee(), false), arguments(c.args()))
                    : expr(e, false)));
        }
    }

    /** Prettier's isSimpleCallArgument for the node kinds above. */
    private static boolean isSimpleCallArgument(Expr e, int depth) {
        if (depth <= 0) {
            return false;
        }
        return switch (e) {
            case Ident i -> true;
            case Str s -> true;
            case ObjectLit o -> o.props().stream().allMatch(p -> isSimpleCallArgument(p.value(), depth - 1));
            case ArrayLit a -> a.elements().stream().allMatch(x -> isSimpleCallArgument(x, depth - 1));
            case Call c -> isSimpleCallArgument(c.callee(), depth) && c.args().size() <= depth
                    && c.args().stream().allMatch(x -> isSimpleCallArgument(x, depth - 1));
            case Member m -> isSimpleCallArgument(m.object(), depth);
            case Arrow a -> false;
        };
    }

    // ---- call arguments (Prettier's printCallArguments: last-argument expansion or all broken out)

    private static Doc arguments(List<Expr> args) {
        if (args.isEmpty()) {
            return text("()");
        }
        List<Doc> printed = docs(args);
        Doc allBroken = group(concat(text("("), indent(LINE, join(concat(text(","), LINE), printed)), LINE,
                text(")")), true);
        if (shouldGroupLast(args)) {
            List<Doc> expanded = new ArrayList<>(printed.subList(0, printed.size() - 1));
            expanded.add(expr(args.getLast(), true));
            if (printed.subList(0, printed.size() - 1).stream().anyMatch(PrettyDoc::willBreak)) {
                return allBroken;
            }
            List<Doc> hugged = new ArrayList<>(expanded.subList(0, expanded.size() - 1));
            hugged.add(group(expanded.getLast(), true));
            return concat(printed.stream().anyMatch(PrettyDoc::willBreak) ? BREAK_PARENT : EMPTY,
                    PrettyDoc.conditionalGroup(List.of(
                            concat(text("("), join(text(", "), expanded), text(")")),
                            concat(text("("), join(text(", "), hugged), text(")")),
                            allBroken)));
        }
        return group(concat(text("("), indent(SOFTLINE, join(concat(text(","), LINE), printed)), SOFTLINE,
                text(")")), printed.stream().anyMatch(PrettyDoc::willBreak));
    }

    private static boolean shouldGroupLast(List<Expr> args) {
        Expr last = args.getLast();
        boolean expandable = last instanceof ObjectLit o && !o.props().isEmpty()
                || last instanceof ArrayLit a && !a.elements().isEmpty()
                || last instanceof Arrow;
        Expr penultimate = args.size() > 1 ? args.get(args.size() - 2) : null;
        return expandable && (penultimate == null || penultimate.getClass() != last.getClass());
    }

    // ---- literals

    /**
     * Prettier's quoteProps "as-needed": a key Nango quoted loses its quotes when it is an identifier name; a
     * digits-only key is a numeric key Nango leaves bare.
     */
    static String propertyKey(String key) {
        return ES5_IDENTIFIER.matcher(key).matches() || NUMERIC_KEY.matcher(key).matches() ? key : quote(key);
    }

    /**
     * A string literal as the TypeScript printer escapes it and Prettier re-quotes it: single quotes unless the
     * text holds more single than double quotes; non-ASCII characters stay {@code \}{@code uXXXX}-escaped.
     */
    static String quote(String value) {
        long singles = value.chars().filter(c -> c == '\'').count();
        long doubles = value.chars().filter(c -> c == '"').count();
        char q = singles > doubles ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c == q) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(q).toString();
    }
}
