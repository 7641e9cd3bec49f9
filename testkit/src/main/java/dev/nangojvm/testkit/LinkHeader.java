package dev.nangojvm.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds an RFC 5988 {@code Link} header the way GitHub does:
 * {@code <http://127.0.0.1:p/repos/o/r/pulls?per_page=100&page=2>; rel="next", <...&page=3>; rel="last"}.
 * URLs are absolute on the server's base and keep the request's other query parameters as sent.
 */
final class LinkHeader {

    private LinkHeader() {}

    /** The header for {@code page} of {@code lastPage}: prev and first after page 1, next and last before the last page. */
    static String of(FakeRequest request, int page, int lastPage) {
        List<String> links = new ArrayList<>();
        if (page > 1) {
            links.add(link(request, Math.min(page - 1, lastPage), "prev"));
        }
        if (page < lastPage) {
            links.add(link(request, page + 1, "next"));
            links.add(link(request, lastPage, "last"));
        }
        if (page > 1) {
            links.add(link(request, 1, "first"));
        }
        return String.join(", ", links);
    }

    private static String link(FakeRequest request, int page, String rel) {
        String otherParams = Arrays.stream(request.rawQuery().split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.equals("page") && !pair.startsWith("page="))
                .map(pair -> pair + "&")
                .collect(Collectors.joining());
        return "<" + request.baseUrl() + request.path() + "?" + otherParams + "page=" + page + ">; rel=\"" + rel + "\"";
    }
}
