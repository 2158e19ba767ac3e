package com.m365console.graph;

/**
 * Where a folder's delta sync resumes: the {@code @odata.nextLink} of an unfinished round ({@code roundComplete}
 * false) or the {@code @odata.deltaLink} of a finished one. The URL carries Graph's state token; store it as it
 * is, with the page it came with, and never show it.
 */
public record DeltaCheckpoint(String url, boolean roundComplete) {

    @Override
    public String toString() {
        return "DeltaCheckpoint[roundComplete=" + roundComplete + "]";
    }
}
