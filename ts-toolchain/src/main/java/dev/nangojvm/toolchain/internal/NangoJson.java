package dev.nangojvm.toolchain.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.toolchain.Action;
import dev.nangojvm.toolchain.Endpoint;
import dev.nangojvm.toolchain.Integration;
import dev.nangojvm.toolchain.Sync;
import java.util.List;

/** Renders parsed integrations as Nango's {@code .nango/nango.json} (key order as Nango writes it, §1.7/§2.3). */
public final class NangoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NangoJson() {}

    public static ArrayNode toTree(List<Integration> integrations) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (Integration in : integrations) {
            ObjectNode o = arr.addObject();
            o.put("providerConfigKey", in.id());
            ArrayNode syncs = o.putArray("syncs");
            in.syncs().forEach(s -> sync(syncs.addObject(), s));
            ArrayNode actions = o.putArray("actions");
            in.actions().forEach(a -> action(actions.addObject(), a));
            ObjectNode events = o.putObject("onEventScripts");
            in.onEventScripts().forEach((k, v) -> strings(events.putArray(k), v));
            if (!in.postConnectionScripts().isEmpty()) {
                strings(o.putArray("postConnectionScripts"), in.postConnectionScripts());
            }
        }
        return arr;
    }

    private static void sync(ObjectNode o, Sync s) {
        o.put("name", s.name());
        o.put("type", "sync");
        o.put("description", s.description());
        o.put("sync_type", s.syncType());
        strings(o.putArray("usedModels"), s.usedModels());
        o.put("runs", s.runs());
        o.put("version", s.version());
        o.put("track_deletes", s.trackDeletes());
        o.put("auto_start", s.autoStart());
        o.put("input", s.input());
        strings(o.putArray("output"), s.output());
        strings(o.putArray("scopes"), s.scopes());
        ArrayNode eps = o.putArray("endpoints");
        s.endpoints().forEach(e -> endpoint(eps.addObject(), e));
        strings(o.putArray("webhookSubscriptions"), s.webhookSubscriptions());
    }

    private static void action(ObjectNode o, Action a) {
        o.put("name", a.name());
        o.put("type", "action");
        o.put("description", a.description());
        o.put("version", a.version());
        strings(o.putArray("scopes"), a.scopes());
        o.put("input", a.input());
        if (a.output().isEmpty()) {
            o.putNull("output");
        } else {
            strings(o.putArray("output"), a.output());
        }
        strings(o.putArray("usedModels"), a.usedModels());
        if (a.endpoint() == null) {
            o.putNull("endpoint");
        } else {
            endpoint(o.putObject("endpoint"), a.endpoint());
        }
    }

    private static void endpoint(ObjectNode o, Endpoint e) {
        o.put("method", e.method());
        o.put("path", e.path());
        if (e.group() != null) {
            o.put("group", e.group());
        }
    }

    private static void strings(ArrayNode arr, List<String> values) {
        values.forEach(arr::add);
    }
}
