/**
 * Microsoft Graph as a mail transport: a reactive client for a mailbox's folder tree ({@code mailFolders},
 * {@code childFolders}, well-known names resolved in one {@code $batch}) and for delta query per folder (pages of
 * messages and removals, each with the checkpoint to resume from: the {@code @odata.nextLink} mid-round, the
 * {@code @odata.deltaLink} at its end). It honours {@code Retry-After} on 429 and 503 within bounds
 * ({@link com.m365console.graph.GraphProperties}) and turns Graph's error JSON into a
 * {@link com.m365console.graph.GraphException} that says what to do. Tokens and state tokens never reach logs or
 * messages. Attachments' names and sizes come in {@code $batch} too. Synchronisation uses it through
 * {@code sync.GraphSyncRun}.
 */
package com.m365console.graph;
