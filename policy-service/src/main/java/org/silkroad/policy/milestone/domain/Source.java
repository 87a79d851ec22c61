package org.silkroad.policy.milestone.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where a statement comes from: a document, the section in it, and a URL when one is known. */
public record Source(
        @NotBlank(message = "must name the document") @Size(max = 300) String document,
        @Size(max = 300) String section,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {

    /**
     * The shared data set writes a source as {@code "004_5aa8482bb4547fd7.txt, 3.3.3"}: the document, a comma, the
     * section. Accepting that form lets the data file go through the same import as any client's.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Source parse(String written) {
        int comma = written.indexOf(", ");
        return comma < 0 ? new Source(written.strip(), null, null)
                : new Source(written.substring(0, comma).strip(), written.substring(comma + 2).strip(), null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Source {
    }
}
