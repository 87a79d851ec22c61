package org.silkroad.contracts;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding in binary mode, plus our one extension.
 * Shared by the publishing outbox and the consuming gateway so both sides spell them the same way.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Grows with every change of one aggregate, so consumers can drop stale or repeated updates. */
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    /** In binary mode {@code datacontenttype} travels as the plain Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
