package org.silkroad.platform.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to ask for the next one. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        query.page(request.page, request.size);
        long total = query.count();
        List<T> items = query.list().stream().map(mapper).toList();
        return new Page<>(items, request.page, request.size, total, (int) ((total + request.size - 1) / request.size));
    }
}
