package org.silkroad.trade.observation.persistence;

import java.util.Collections;
import java.util.List;

/**
 * The {@code source} filter as every read applies it: part of the document, the statement or the statistics body,
 * or of {@code document, statement} as results name it ("004_….txt, Table 1.1"), so a result's source can be pasted
 * back. Shared by observations and printed figures, whose columns have the same names.
 */
public final class SourceMatch {

    private SourceMatch() {
    }

    /** The condition over the source columns of {@code alias} (empty for none), with four placeholders. */
    public static String condition(String alias) {
        String p = alias.isEmpty() ? "" : alias + ".";
        return "(" + p + "source_document ILIKE ? OR " + p + "source_statement ILIKE ? OR " + p + "source_agency ILIKE ?"
                + " OR " + p + "source_document || ', ' || " + p + "source_statement ILIKE ?)";
    }

    /** The values for {@link #condition}'s placeholders: the text anywhere, with LIKE's wildcards taken literally. */
    public static List<Object> params(String source) {
        String like = "%" + source.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Collections.nCopies(4, like);
    }
}
