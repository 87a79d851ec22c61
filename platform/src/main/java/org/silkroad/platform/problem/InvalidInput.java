package org.silkroad.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * A 400 problem for input that bean validation cannot judge alone: well formed field by field but wrong against
 * reference codes, against other fields (an end before its start) or against stored data (a cycle in a tree, an
 * unknown parent). It has the same {@code violations[].field/message} shape as the bean-validation problems, so a
 * client reads every 400 of every service the same way.
 */
public final class InvalidInput {

    public record FieldProblem(String field, String message) {
    }

    private InvalidInput() {
    }

    public static HttpProblem of(String field, String message) {
        return of(List.of(new FieldProblem(field, message)));
    }

    public static HttpProblem of(List<FieldProblem> problems) {
        return HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(problems.get(0).field() + " " + problems.get(0).message())
                .with("violations", problems.stream()
                        .map(p -> Map.of("field", p.field(), "in", "body", "message", p.message())).toList())
                .build();
    }
}
