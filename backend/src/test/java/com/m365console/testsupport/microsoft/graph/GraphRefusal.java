package com.m365console.testsupport.microsoft.graph;

/** A request the fake Graph refuses, carried from deep in a route to the one place that answers it. */
final class GraphRefusal extends Exception {

    private static final long serialVersionUID = 1L;
    final transient GraphResponse response;

    GraphRefusal(GraphResponse response) {
        super(String.valueOf(response.status()), null, false, false);
        this.response = response;
    }
}
