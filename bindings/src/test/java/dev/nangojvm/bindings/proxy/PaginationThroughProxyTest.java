package dev.nangojvm.bindings.proxy;

import static dev.nangojvm.bindings.proxy.Fixtures.INFO;
import static dev.nangojvm.bindings.proxy.Fixtures.cfg;
import static dev.nangojvm.bindings.proxy.Fixtures.connection;
import static dev.nangojvm.bindings.proxy.Fixtures.json;
import static dev.nangojvm.bindings.proxy.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.Page;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.pagination.Paginators;
import dev.nangojvm.bindings.proxy.LoopbackServer.Reply;
import dev.nangojvm.policy.EgressRules;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("nango.paginate through the real proxy on loopback")
class PaginationThroughProxyTest {

    private LoopbackServer server;
    private ProxyClient client;
    private Provider provider;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        FakeTime time = new FakeTime(Instant.parse("2024-01-01T00:00:00Z"));
        client = ProxyClient.builder().egressRules(EgressRules.publicInternetOnly().withLoopback()).clock(time).sleeper(time).build();
        provider = provider("{'auth_mode':'OAUTH2','proxy':{'base_url':'" + server.url() + "/api','paginate':"
                + "{'type':'link','link_rel_in_response_header':'next','limit_name_in_request':'per_page','limit':2}}}");
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private Paginator paginate(String config) {
        ProxyCall call = new ProxyCall(ConnectionSource.of(connection("{'type':'OAUTH2','access_token':'t'}")), provider, null, INFO);
        return Paginators.create(cfg(config), provider, c -> client.proxy(c, call));
    }

    @Test
    void followsAbsoluteLinkHeadersAcrossPages() {
        server.route("/api/issues", r -> Reply.json(200, "[1,2]", "Link", "<" + server.url() + "/api/page2?page=2>; rel=\"next\""));
        server.route("/api/page2", r -> Reply.json(200, "[3]"));
        Paginator pages = paginate("{'endpoint':'/issues','params':{'state':'open'}}");
        List<Page> seen = new ArrayList<>();
        for (Page p = pages.next(); p != null; p = pages.next()) {
            seen.add(p);
        }
        assertThat(seen).extracting(Page::items).containsExactly(json("[1,2]"), json("[3]"));
        assertThat(server.requests()).extracting(LoopbackServer.Recorded::target)
                .containsExactly("/api/issues?state=open&per_page=2", "/api/page2?page=2");
    }

    @Test
    void aNextLinkToADeniedHostStopsWithUrlNotAllowed() {
        server.route("/api/issues", r -> Reply.json(200, "[1]", "Link", "<http://169.254.169.254/latest>; rel=\"next\""));
        Paginator pages = paginate("{'endpoint':'/issues'}");
        assertThat(pages.next().items()).isEqualTo(json("[1]"));
        assertThatThrownBy(pages::next).isInstanceOf(NangoException.class).hasMessage(EgressGuard.DENIED_MESSAGE);
    }
}
