package org.silkroad.policy.milestone.api;

/** A milestone found by full-text search, with its rank (higher is better; only comparable within one search). */
public record SearchHit(double rank, MilestoneView milestone) {
}
