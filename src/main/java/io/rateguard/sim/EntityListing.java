package io.rateguard.sim;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A Genesys entity listing ({@code entities, pageSize, pageNumber, total, pageCount} and page URIs),
 * shared by every collection endpoint.
 */
final class EntityListing {

    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 500;

    private EntityListing() {
    }

    static <T> SimResponse page(ApiCall call, String basePath, List<T> all, BiConsumer<T, JsonWriter> writer) {
        int pageSize;
        int pageNumber;
        try {
            pageSize = intParam(call, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
            pageNumber = intParam(call, "pageNumber", 1, 1, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            return call.badRequest(e.getMessage());
        }
        int total = all.size();
        int pageCount = (total + pageSize - 1) / pageSize;
        long from = (long) (pageNumber - 1) * pageSize;
        List<T> page = from >= total ? List.of()
                : all.subList((int) from, (int) Math.min(total, from + pageSize));

        JsonWriter w = new JsonWriter().beginObject().name("entities").beginArray();
        page.forEach(e -> writer.accept(e, w));
        w.endArray()
                .field("pageSize", pageSize)
                .field("pageNumber", pageNumber)
                .field("total", total)
                .field("pageCount", pageCount)
                .field("firstUri", pageUri(basePath, pageSize, 1))
                .field("selfUri", pageUri(basePath, pageSize, pageNumber));
        if (pageNumber < pageCount) {
            w.field("nextUri", pageUri(basePath, pageSize, pageNumber + 1));
        }
        if (pageNumber > 1) {
            w.field("previousUri", pageUri(basePath, pageSize, pageNumber - 1));
        }
        w.field("lastUri", pageUri(basePath, pageSize, Math.max(1, pageCount))).endObject();
        return call.ok(w);
    }

    private static String pageUri(String basePath, int pageSize, int pageNumber) {
        return basePath + "?pageSize=" + pageSize + "&pageNumber=" + pageNumber;
    }

    private static int intParam(ApiCall call, String name, int dflt, int min, int max) {
        String raw = call.request().queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid value for " + name + ": '" + raw + "' (allowed " + min + ".."
                + (max == Integer.MAX_VALUE ? "" : Integer.toString(max)) + ").");
    }
}
